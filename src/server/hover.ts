/**
 * Hover cards: a citation marker's excerpt, a diagnostic's draft-vs-sources table,
 * a figure's supporting/contradicting sources, or a name's fact card.
 * Source text is always escaped; the only command link is "N more" → sourcewise.showFacts.
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Evidence } from '../engine/types';
import { citationAt, defHead, defSource, pandocKey, parseFootnotes } from './citations';
import type { ServerContext } from './context';
import type { Checker } from './diagnostics';
import { esc, factCard, href, sourceLink } from './markdown';
import { sourceName } from '../engine/store';
import { lineLink, truncate } from './util';

export const FACTS_LIMIT = 5;

export function showFactsLink(name: string, n: number): string {
  // encodeURIComponent leaves ( ) ' ! * as they are: a `)` in a name (an alias's canonical
  // name) ended the link target early.
  const args = encodeURIComponent(JSON.stringify([name])).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${n} more\u2026](command:sourcewise.showFacts?${args} "Show all facts")`;
}

function markdown(value: string, doc: TextDocument, start: number, end: number): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
  };
}

/** Text of line `line` of a source, for showing a cited excerpt. */
function sourceLine(text: string, line: number): string | undefined {
  return text.split(/\r\n|\r|\n/)[line];
}

export function citationHover(ctx: ServerContext, doc: TextDocument, offset: number): Hover | null {
  const text = doc.getText();
  const c = citationAt(text, offset);
  if (!c) return null;
  const docs = ctx.sources.corpus?.docs ?? [];
  if (c.kind === 'pandoc') {
    const src = docs.find((d) => pandocKey(d.file) === c.key);
    if (!src) return markdown(`Citation \`@${esc(c.key)}\`: no loaded source has this key.`, doc, c.start, c.end);
    const head = [src.outlet, src.title ? `"${src.title}"` : undefined, src.date].filter(Boolean).map((s) => esc(String(s)));
    return markdown(`${head.join(', ') || esc(sourceName(src))}\n\n[${esc(sourceName(src))}](${href(lineLink(src.path, 0))})`, doc, c.start, c.end);
  }
  const def = parseFootnotes(text).defs.find((d) => d.label === c.label);
  if (!def) return markdown(`Footnote \\[^${esc(c.label)}\\] has no definition in this draft.`, doc, c.start, c.end);
  const parts: string[] = [`**\\[^${esc(c.label)}\\]** ${esc(defHead(def.body))}`];
  const found = defSource(def, docs);
  if (found) {
    const { doc: src, line } = found;
    const quoted = def.excerpt ?? sourceLine(src.text, line) ?? '';
    parts.push(`> ${esc(truncate(quoted, 500))}`);
    parts.push(`— ${sourceLink({ name: sourceName(src), source: src.file, path: src.path, line })}`);
  } else if (def.excerpt) {
    parts.push(`> ${esc(truncate(def.excerpt, 500))}`);
    if (def.ref) parts.push(`_Source ${esc(def.ref.file)} is not loaded._`);
  }
  return markdown(parts.join('\n\n'), doc, c.start, c.end);
}

/** The draft's words and each source's, side by side: the first thing a finding's hover shows. */
function sideBySide(draftSays: string | undefined, evidence: Evidence[]): string {
  const rows = ['| | Says |', '|---|---|'];
  rows.push(`| **Draft** | ${esc(draftSays ?? '—')} |`);
  for (const ev of evidence) {
    const says = ev.says ?? truncate(ev.text, 120);
    const stance = ev.stance === 'contradicts' ? ' ✗' : ev.stance === 'supports' ? ' ✓' : '';
    rows.push(`| ${sourceLink(ev)}${stance} | ${esc(says)} |`);
  }
  return rows.join('\n');
}

/**
 * A finding's hover: the draft's words against the sources', with links to the source sentences.
 * The finding's message is not repeated: the editor shows it right above (VS Code) or on its own.
 */
export function diagnosticHover(checker: Checker, doc: TextDocument, offset: number): Hover | null {
  const pos = doc.positionAt(offset);
  const hits = checker.resultsAt(doc.uri, { start: pos, end: pos }).filter((r) => r.engine.evidence.length || r.engine.draftSays);
  if (!hits.length) return null;
  const blocks = hits.map((h) => sideBySide(h.engine.draftSays, h.engine.evidence));
  const first = hits[0]!.lsp.range;
  return {
    contents: { kind: MarkupKind.Markdown, value: blocks.join('\n\n---\n\n') },
    range: first,
  };
}

export function figureHover(ctx: ServerContext, doc: TextDocument, offset: number): Hover | null {
  const corpus = ctx.sources.corpus;
  if (!corpus) return null;
  const f = corpus.figureAt(doc.getText(), offset);
  if (!f || (!f.supports.length && !f.contradicts.length)) return null;
  const list = (evs: Evidence[]) =>
    evs.slice(0, FACTS_LIMIT).map((ev) => `- ${sourceLink(ev)}${ev.says ? ` — ${esc(ev.says)}` : ''}: ${esc(truncate(ev.text, 160))}`);
  const out = [`**${esc(f.text)}**`];
  if (f.supports.length) out.push(`\n**Supported by** (${f.supports.length})\n`, ...list(f.supports));
  if (f.contradicts.length) out.push(`\n**Contradicted by** (${f.contradicts.length})\n`, ...list(f.contradicts));
  return markdown(out.join('\n'), doc, f.range.start, f.range.end);
}

export function nameHover(ctx: ServerContext, doc: TextDocument, offset: number): Hover | null {
  const corpus = ctx.sources.corpus;
  if (!corpus) return null;
  const at = corpus.nameAt(doc.getText(), offset);
  if (!at) return null;
  const sheet = corpus.facts(at.name);
  if (!sheet) return null;
  const value = factCard(sheet, { limit: FACTS_LIMIT, more: (n) => showFactsLink(sheet.name, n) });
  return markdown(value, doc, at.span.start, at.span.end);
}

export function provideHover(ctx: ServerContext, checker: Checker, params: HoverParams): Hover | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !checker.isDraft(doc)) return null;
  const offset = doc.offsetAt(params.position);
  try {
    return (
      citationHover(ctx, doc, offset) ??
      diagnosticHover(checker, doc, offset) ??
      figureHover(ctx, doc, offset) ??
      nameHover(ctx, doc, offset)
    );
  } catch (err) {
    ctx.log(`hover failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return null;
  }
}
