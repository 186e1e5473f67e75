/** Go to Definition: a footnote/pandoc citation or a name → the source line(s). */
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { citationAt, defSource, pandocKey, parseFootnotes } from './citations';
import type { ServerContext } from './context';
import { toUri } from './util';

function at(p: string, line: number, character = 0, length = 0): Location {
  return { uri: toUri(p), range: { start: { line, character }, end: { line, character: character + length } } };
}

/**
 * Where on its line a footnote's excerpt starts in the source, and how long it is there: a line
 * often holds a whole paragraph, and the cited sentence is not always its first.
 */
export function excerptColumn(lineText: string, excerpt: string | undefined): { character: number; length: number } {
  if (!excerpt) return { character: 0, length: 0 };
  const fold = (t: string) => t.replace(/[\u201C\u201D\u201E"]/g, '"').replace(/[\u2018\u2019']/g, "'");
  const words = fold(excerpt.replace(/…$/, '')).trim();
  const line = fold(lineText);
  for (const probe of [words, words.slice(0, 60), words.slice(0, 25)]) {
    if (!probe) continue;
    const i = line.indexOf(probe);
    if (i >= 0) return { character: i, length: probe === words ? words.length : Math.min(lineText.length - i, words.length) };
  }
  return { character: 0, length: 0 };
}

export function provideDefinition(ctx: ServerContext, params: DefinitionParams): Location[] | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  const corpus = ctx.sources.corpus;
  if (!doc || !corpus) return null;
  const text = doc.getText();
  const offset = doc.offsetAt(params.position);
  const c = citationAt(text, offset);
  if (c?.kind === 'footnote') {
    const def = parseFootnotes(text).defs.find((d) => d.label === c.label);
    if (!def) return null;
    const found = defSource(def, corpus.docs);
    if (found) {
      const lineText = found.doc.text.split(/\r\n|\r|\n/)[found.line] ?? '';
      const col = excerptColumn(lineText, def.excerpt);
      return [at(found.doc.path, found.line, col.character, col.length)];
    }
    // No source reference: the definition line in the draft itself.
    const start = doc.positionAt(def.start);
    return [{ uri: doc.uri, range: { start, end: doc.positionAt(def.end) } }];
  }
  if (c?.kind === 'pandoc') {
    const src = corpus.docs.find((d) => pandocKey(d.file) === c.key);
    return src ? [at(src.path, 0)] : null;
  }
  const name = corpus.nameAt(text, offset);
  if (!name) return null;
  const sheet = corpus.facts(name.name);
  if (!sheet) return null;
  const seen = new Set<string>();
  const out: Location[] = [];
  const evidence = [...sheet.roles.flatMap((r) => r.evidence), ...sheet.mentions];
  for (const ev of evidence) {
    if (seen.has(ev.path)) continue;
    seen.add(ev.path);
    out.push(at(ev.path, ev.line, ev.character, ev.text.includes('\n') ? 0 : ev.text.length));
  }
  return out.length ? out : null;
}
