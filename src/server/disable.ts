/**
 * Disable comments in drafts:
 *   <!-- sourcewise-disable-next-line [code …] -->   the next non-blank line
 *   <!-- sourcewise-disable [code …] --> … <!-- sourcewise-enable -->
 * Without codes, every finding is silenced.
 */
export type Silenced = (line: number, code: string) => boolean;

/** The directive's name right after `<!--` (sticky: tried only where a comment opens). */
const NAME_RE = /\s*sourcewise-(disable-next-line|disable|enable)\b/y;

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** The words between the name and `-->`. */
  codes: string;
  start: number;
  end: number;
}

/**
 * The directives on one line, in order: `<!--`, optional whitespace, the name, then
 * anything but `>` up to the first `-->`. A scan, not one regular expression over the
 * line: `/<!--\s*sourcewise-…([^>]*?)\s*-->/` tried every split of a run of whitespace
 * between its lazy group and `\s*`, so a directive followed by 150,000 tabs took 43 s.
 * Here every character is looked at a bounded number of times.
 */
function directivesIn(line: string): Directive[] {
  const out: Directive[] = [];
  // The first `>` at or after a position is where a directive opened before it must end;
  // remembered, so that many directives without one do not each search to the end of the line.
  let gt = -1;
  let from = 0;
  for (;;) {
    const open = line.indexOf('<!--', from);
    if (open < 0) break;
    NAME_RE.lastIndex = open + 4;
    const m = NAME_RE.exec(line);
    if (!m) {
      from = open + 1;
      continue;
    }
    const after = open + 4 + m[0].length;
    if (gt < after) gt = line.indexOf('>', after);
    // No `>` after this name: none after any later one either.
    if (gt < 0) break;
    if (gt - 2 >= after && line.charCodeAt(gt - 1) === 45 && line.charCodeAt(gt - 2) === 45) {
      out.push({ kind: m[1] as Directive['kind'], codes: line.slice(after, gt - 2), start: open, end: gt + 1 });
      from = gt + 1;
    } else from = open + 1;
  }
  return out;
}

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
    const found = line.includes('sourcewise-') ? directivesIn(line) : [];
    if (pendingNext) {
      // Anything on the line besides directives makes it the next line.
      let rest = '';
      let at = 0;
      for (const d of found) {
        rest += line.slice(at, d.start);
        at = d.end;
      }
      rest += line.slice(at);
      if (rest.trim() !== '') {
        add(i, pendingNext);
        pendingNext = undefined;
      }
    }
    for (const d of found) {
      const codeList = d.codes.trim().split(/[\s,]+/).filter(Boolean);
      const codes: Set<string> | 'all' = codeList.length ? new Set(codeList) : 'all';
      if (d.kind === 'disable-next-line') pendingNext = codes;
      else if (d.kind === 'disable') {
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
