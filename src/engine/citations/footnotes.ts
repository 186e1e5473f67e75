/**
 * Citation markers and their definitions in a Markdown draft: where to insert,
 * which marker to reuse, and how to keep numbered footnotes in order.
 */
import type { CitationStyle } from '../api';
import { LineIndex } from '../text/lines';
import { evidenceName } from '../store';
import { draftText, oneLine, pathTarget } from '../text/plain';
import type { Evidence, TextEdit } from '../types';

export interface FootnoteDef {
  id: string;
  /** Offsets of the whole definition line. */
  start: number;
  end: number;
  /** Offsets of the id inside `[^id]:`. */
  idStart: number;
  body: string;
}

export interface FootnoteRef {
  id: string;
  start: number;
  end: number;
  idStart: number;
}

const DEF = /^\[\^([^\]\s]+)\]:[ \t]?(.*)$/gm;
/** A marker; its label holds no `[`, so a run of `[^` is read once, not once per `[^` (see server/citations.ts). */
const REF = /\[\^([^\][\s]+)\](?!:)/g;

/**
 * What was read of the last text: a check offers a citation for every sourced figure of one
 * draft, and reading a long draft's markers again for each (30,000 figures in a one-sentence
 * megabyte) took seconds. Shared: the functions below copy what they hand out.
 */
let lastRead: { text: string; defs?: readonly FootnoteDef[]; refs?: readonly FootnoteRef[]; lines?: LineIndex } | undefined;

function readOf(text: string): NonNullable<typeof lastRead> {
  if (!lastRead || lastRead.text !== text) lastRead = { text };
  return lastRead;
}

function definitionsOf(text: string): readonly FootnoteDef[] {
  const read = readOf(text);
  if (read.defs) return read.defs;
  const out: FootnoteDef[] = [];
  DEF.lastIndex = 0;
  for (let m = DEF.exec(text); m; m = DEF.exec(text)) {
    out.push({ id: m[1]!, start: m.index, end: m.index + m[0].length, idStart: m.index + 2, body: m[2]! });
  }
  return (read.defs = out);
}

export function footnoteDefinitions(text: string): FootnoteDef[] {
  return definitionsOf(text).map((d) => ({ ...d }));
}

export function footnoteRefs(text: string): FootnoteRef[] {
  return refsOf(text).map((r) => ({ ...r }));
}

function refsOf(text: string): readonly FootnoteRef[] {
  const read = readOf(text);
  if (read.refs) return read.refs;
  const defs = definitionsOf(text);
  // Definitions and markers both come in text order: one walk over the definitions, not a
  // search of them all per marker.
  let k = 0;
  const inDef = (o: number) => {
    while (k < defs.length && defs[k]!.idStart + defs[k]!.id.length + 2 <= o) k++;
    const d = defs[k];
    return d !== undefined && o >= d.start && o < d.idStart + d.id.length + 2;
  };
  const out: FootnoteRef[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    if (inDef(m.index)) continue;
    out.push({ id: m[1]!, start: m.index, end: m.index + m[0].length, idStart: m.index + 2 });
  }
  return (read.refs = out);
}

/** What a footnote says about the sentence it cites. */
export interface FootnoteSource {
  outlet?: string;
  title?: string;
  date?: string;
  /** Display file name (the locator `file:line` uses it). */
  file: string;
  /** 0-based line of the cited sentence. */
  line: number;
  text: string;
}

/** Longest excerpt a footnote quotes. */
export const FOOTNOTE_EXCERPT_MAX = 200;

/**
 * The one footnote format, whoever inserts it (a quick fix, a completion, a command):
 * `Outlet, "Title", date. file:line — "excerpt"`. Unknown parts are left out, so a
 * source with neither outlet nor title reads `file:line — "excerpt"`, not its file name twice.
 */
export function footnoteText(s: FootnoteSource): string {
  // Every part comes from the source (its front matter, its file name, its words), so every
  // part is plain text on one line (see draftText): a newline in an outlet cannot start a
  // block, and markup in the excerpt stays text.
  const title = s.title ? oneLine(s.title) : undefined;
  const outlet = s.outlet ? oneLine(s.outlet) : undefined;
  const head = [outlet ? draftText(outlet) : undefined, title ? `"${draftText(title.replace(/"/g, "'"))}"` : undefined, s.date ? draftText(s.date) : undefined].filter(Boolean).join(', ');
  const flat = oneLine(s.text);
  const excerpt = flat.length > FOOTNOTE_EXCERPT_MAX ? `${flat.slice(0, FOOTNOTE_EXCERPT_MAX - 1).trimEnd()}…` : flat;
  return `${head ? `${head}. ` : ''}${draftText(s.file)}:${s.line + 1} — "${draftText(excerpt.replace(/["“”]/g, '\u201D'))}"`;
}

/** Pandoc citation key for a source file: its base name, slugged. */
export function pandocKey(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'source';
}

/** Footnote text for an evidence sentence (see `footnoteText`). */
export function footnoteBody(ev: Evidence, title?: string, date?: string): string {
  return footnoteText({ outlet: ev.outlet, title, date, file: ev.source, line: ev.line, text: ev.text });
}

/** Whether a footnote definition already cites this source file (its name as written there, escaped or not). */
function citesSource(def: FootnoteDef, ev: Evidence): boolean {
  return [ev.source, draftText(ev.source)].some((f) => def.body.includes(` ${f}:`) || def.body.includes(`(${f}, line `));
}

export interface CitationPlan {
  marker: string;
  edits: TextEdit[];
  reused: boolean;
}

/**
 * Edits that cite `ev` at `offset` (usually a sentence end): the marker, and
 * once per source its definition at the end of the document. Numbered markers
 * are renumbered so they read 1, 2, 3… in document order.
 */
export function citationEdits(
  text: string,
  offset: number,
  ev: Evidence,
  style: CitationStyle = 'footnote',
  meta: { title?: string; date?: string } = {},
): CitationPlan {
  const read = readOf(text);
  const lines = (read.lines ??= new LineIndex(text));
  const at = lines.range(offset, offset);
  if (style === 'pandoc') {
    const marker = ` [@${pandocKey(ev.source)}]`;
    return { marker, edits: [{ range: at, newText: marker }], reused: false };
  }
  if (style === 'link') {
    const url = 'file://' + pathTarget(ev.path) + `#L${ev.line + 1}`;
    const marker = ` ([${draftText(evidenceName(ev)).replace(/[[\]]/g, '')}](${url}))`;
    return { marker, edits: [{ range: at, newText: marker }], reused: false };
  }
  const defs = definitionsOf(text);
  const refs = refsOf(text);
  const existing = defs.find((d) => citesSource(d, ev));
  if (existing) {
    const marker = `[^${existing.id}]`;
    return { marker, edits: [{ range: at, newText: marker }], reused: true };
  }
  const numeric = defs.every((d) => /^\d+$/.test(d.id)) && refs.every((r) => /^\d+$/.test(r.id));
  if (!numeric) {
    let n = defs.length + 1;
    const ids = new Set(defs.map((d) => d.id));
    while (ids.has(String(n))) n++;
    return appendNew(text, lines, offset, String(n), ev, meta, []);
  }
  // Numbered: the new marker takes its place in document order, later ones shift up.
  const order: string[] = [];
  for (const r of refs) if (!order.includes(r.id)) order.push(r.id);
  for (const d of defs) if (!order.includes(d.id)) order.push(d.id);
  const before = refs.filter((r) => r.start < offset);
  const seenBefore: string[] = [];
  for (const r of before) if (!seenBefore.includes(r.id)) seenBefore.push(r.id);
  const newPos = seenBefore.length; // 0-based position of the new footnote
  const renumber = new Map<string, string>();
  const after = order.filter((id) => !seenBefore.includes(id));
  seenBefore.forEach((id, i) => renumber.set(id, String(i + 1)));
  after.forEach((id, i) => renumber.set(id, String(newPos + 2 + i)));
  const edits: TextEdit[] = [];
  for (const r of refs) {
    const to = renumber.get(r.id)!;
    if (to !== r.id) edits.push({ range: lines.range(r.idStart, r.idStart + r.id.length), newText: to });
  }
  for (const d of defs) {
    const to = renumber.get(d.id)!;
    if (to !== d.id) edits.push({ range: lines.range(d.idStart, d.idStart + d.id.length), newText: to });
  }
  return appendNew(text, lines, offset, String(newPos + 1), ev, meta, edits);
}

function appendNew(
  text: string,
  lines: LineIndex,
  offset: number,
  id: string,
  ev: Evidence,
  meta: { title?: string; date?: string },
  edits: TextEdit[],
): CitationPlan {
  const marker = `[^${id}]`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = text.length;
  const hasDefs = definitionsOf(text).length > 0;
  const trailing = text.endsWith('\n') ? '' : eol;
  const gap = hasDefs ? '' : eol;
  const def = `${trailing}${gap}[^${id}]: ${footnoteBody(ev, meta.title, meta.date)}${eol}`;
  const all = [{ range: lines.range(offset, offset), newText: marker }, ...edits];
  if (offset === end) all[0] = { range: lines.range(end, end), newText: marker + def };
  else all.push({ range: lines.range(end, end), newText: def });
  return { marker, edits: all, reused: false };
}
