/**
 * Disable comments in drafts:
 *   <!-- sourcewise-disable-next-line [code …] -->   the next non-blank line
 *   <!-- sourcewise-disable [code …] --> … <!-- sourcewise-enable -->
 * Without codes, every finding is silenced.
 */
const DIRECTIVE_RE = /<!--\s*sourcewise-(disable-next-line|disable|enable)\b([^>]*?)\s*-->/g;

export type Silenced = (line: number, code: string) => boolean;

export function silencedLines(text: string): Silenced {
  if (!text.includes('sourcewise-')) return () => false;
  const lines = text.split(/\r\n|\r|\n/);
  /** line → codes silenced (undefined = all). */
  const byLine = new Map<number, Set<string> | 'all'>();
  const add = (line: number, codes: Set<string> | 'all') => {
    const prev = byLine.get(line);
    if (prev === 'all' || codes === 'all') byLine.set(line, 'all');
    else byLine.set(line, new Set([...(prev ?? []), ...codes]));
  };
  let region: Set<string> | 'all' | undefined;
  let pendingNext: Set<string> | 'all' | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (region) add(i, region);
    const withoutDirectives = line.replace(DIRECTIVE_RE, '').trim();
    if (pendingNext && withoutDirectives !== '') {
      add(i, pendingNext);
      pendingNext = undefined;
    }
    for (const m of line.matchAll(DIRECTIVE_RE)) {
      const codeList = m[2]!.trim().split(/[\s,]+/).filter(Boolean);
      const codes: Set<string> | 'all' = codeList.length ? new Set(codeList) : 'all';
      if (m[1] === 'disable-next-line') pendingNext = codes;
      else if (m[1] === 'disable') {
        region = codes;
        add(i, codes);
      } else region = undefined;
    }
  }
  return (line, code) => {
    const c = byLine.get(line);
    return c === 'all' || (c !== undefined && c.has(code));
  };
}
