/**
 * Citation markers in drafts: parsing `[^n]` footnotes and `[@key]` pandoc
 * citations, and building the edits that insert one — the marker, a footnote
 * definition once per source, and renumbering of numbered footnotes into
 * document order. Pure functions over text; offsets are UTF-16.
 */
import * as path from 'node:path';
import type { CitationStyle } from '../engine/api';
import { footnoteText, pandocKey } from '../engine/citations/footnotes';
import { sourceName } from '../engine/store';
import { LineIndex } from '../engine/text/lines';
import { draftText, oneLine, pathTarget, uriTarget } from '../engine/text/plain';
import type { TextEdit } from '../engine/types';

export interface CitationTarget {
  path: string;
  /** Display file name of the source (as the engine gives it). */
  file: string;
  outlet?: string;
  title?: string;
  date?: string;
  /** 0-based line of the cited sentence in the source. */
  line: number;
  character?: number;
  text: string;
}

export interface FootnoteMarker {
  label: string;
  /** Span of the whole `[^label]`. */
  start: number;
  end: number;
}

export interface FootnoteDef {
  label: string;
  /** Span of the definition line. */
  start: number;
  end: number;
  /** Span of the label text inside `[^label]:`. */
  labelStart: number;
  labelEnd: number;
  body: string;
  /** Parsed `file:line` reference (line 0-based), when present. */
  ref?: { file: string; line: number };
  excerpt?: string;
}

export interface PandocCite {
  key: string;
  start: number;
  end: number;
}

const DEF_RE = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
/**
 * A footnote marker. Its label cannot hold `[` (nor can a Markdown link label): with `[`
 * allowed, each of 75,000 `[^` in a row scanned to the end of the line for a `]`, and a
 * hover took 5.5 s; now a scan stops at the next bracket and the line is read once.
 */
const MARKER_RE = /\[\^([^\][\s]+)\](?!:)/g;
/** A bracketed span with no bracket inside: where a pandoc citation may be. */
const BRACKETED_RE = /\[([^\][]*)\]/g;
/**
 * A pandoc citation's content (`see @key, p. 3`, `@a; -@b`): its first key. Tried on the
 * content of each bracketed span; nothing after the key is matched, so nothing backtracks
 * (one expression over the whole line went back over the key for every character after it).
 */
const PANDOC_CONTENT_RE = /^(?:[^]*?;\s*)?-?@([\w][\w:.#$%&+?<>~/-]*)/;

/** Line spans of the text, marking fenced code blocks. */
function lines(text: string): { start: number; end: number; text: string; code: boolean }[] {
  const out: { start: number; end: number; text: string; code: boolean }[] = [];
  let fence: string | undefined;
  const push = (start: number, end: number) => {
    const body = text.slice(start, end);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(body);
    let code = fence !== undefined;
    if (f) {
      if (fence === undefined) fence = f[1]![0];
      else if (f[1]![0] === fence) fence = undefined;
      code = true;
    }
    out.push({ start, end, text: body, code });
  };
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/**
 * Parses the source reference and excerpt of a definition: Sourcewise's
 * `… file:line — "excerpt"`, or the engine's `…: “excerpt” (file, line N)`.
 */
export function parseDefBody(body: string): { ref?: { file: string; line: number }; excerpt?: string } {
  const out: { ref?: { file: string; line: number }; excerpt?: string } = {};
  const engine = /“([^“”]*)”\s*\(([^()]+), line (\d+)\)\s*$/.exec(body);
  if (engine) {
    out.excerpt = engine[1];
    out.ref = { file: engine[2]!.trim(), line: Math.max(0, Number(engine[3]) - 1) };
    return out;
  }
  const ref = /(?:^|\s)([^\s"“]+?):(\d+)(?=\s*(?:—|--|$))/.exec(body);
  // The file name is written escaped for Markdown (formatDefinition): read it without the escapes.
  if (ref) out.ref = { file: ref[1]!.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'), line: Math.max(0, Number(ref[2]) - 1) };
  const ex = /(?:—|--)\s*["“](.*)["”]\s*$/.exec(body);
  if (ex) out.excerpt = ex[1];
  return out;
}

/**
 * A definition's body without its `— "excerpt"` part (what a hover shows above the excerpt).
 * One search for the dash and the quote, then a trim: `/\s*(?:—|--)\s*["“].*$/` went over
 * a run of spaces once per space (quadratic in a long run).
 */
export function defHead(body: string): string {
  const m = /(?:—|--)\s*["“]/.exec(body);
  return m ? body.slice(0, m.index).trimEnd() : body;
}

export function parseFootnotes(text: string): { markers: FootnoteMarker[]; defs: FootnoteDef[]; pandoc: PandocCite[] } {
  const markers: FootnoteMarker[] = [];
  const defs: FootnoteDef[] = [];
  const pandoc: PandocCite[] = [];
  for (const l of lines(text)) {
    if (l.code) continue;
    const d = DEF_RE.exec(l.text);
    let scanFrom = 0;
    if (d) {
      const labelStart = l.start + l.text.indexOf('[^') + 2;
      const body = d[2] ?? '';
      defs.push({
        label: d[1]!,
        start: l.start,
        end: l.end,
        labelStart,
        labelEnd: labelStart + d[1]!.length,
        body,
        ...parseDefBody(body),
      });
      scanFrom = l.text.indexOf(']:') + 2;
    }
    const rest = l.text.slice(scanFrom);
    for (const m of rest.matchAll(MARKER_RE)) {
      const start = l.start + scanFrom + m.index!;
      markers.push({ label: m[1]!, start, end: start + m[0].length });
    }
    if (rest.includes('@')) {
      for (const m of rest.matchAll(BRACKETED_RE)) {
        const key = PANDOC_CONTENT_RE.exec(m[1]!);
        if (!key) continue;
        const start = l.start + scanFrom + m.index!;
        pandoc.push({ key: key[1]!, start, end: start + m[0].length });
      }
    }
  }
  return { markers, defs, pandoc };
}

/** The citation marker or definition label at an offset. */
export function citationAt(
  text: string,
  offset: number,
): { kind: 'footnote'; label: string; start: number; end: number } | { kind: 'pandoc'; key: string; start: number; end: number } | undefined {
  const { markers, defs, pandoc } = parseFootnotes(text);
  for (const m of markers) if (offset >= m.start && offset <= m.end) return { kind: 'footnote', label: m.label, start: m.start, end: m.end };
  for (const d of defs) {
    if (offset >= d.labelStart - 2 && offset <= d.labelEnd + 1) {
      return { kind: 'footnote', label: d.label, start: d.labelStart - 2, end: d.labelEnd + 1 };
    }
  }
  for (const p of pandoc) if (offset >= p.start && offset <= p.end) return { kind: 'pandoc', key: p.key, start: p.start, end: p.end };
  return undefined;
}

export { pandocKey };

/** `Outlet, "Title", date. file:line — "excerpt"`: the engine's one footnote format, which its quick fixes insert too. */
export function formatDefinition(t: CitationTarget): string {
  return footnoteText(t);
}

export interface CitationEdits {
  /** The text replacing `replace` (the marker, perhaps with a definition appended). */
  marker: string;
  main: TextEdit;
  /** Definition and renumbering edits; they never overlap `main`. */
  additional: TextEdit[];
  /** Label used for a footnote (reused or new). */
  label?: string;
  reused: boolean;
}

function defCitesSource(def: FootnoteDef, t: { file: string }): boolean {
  if (def.ref && def.ref.file === t.file) return true;
  // The file name as written in the definition: as it is, or escaped for Markdown (formatDefinition).
  return [t.file, draftText(t.file)].some((f) => def.body.includes(`${f}:`) || def.body.includes(`(${f}, line `));
}

/** The loaded source a footnote definition cites, and the 0-based line. */
export function defSource<D extends { file: string }>(def: FootnoteDef, docs: readonly D[]): { doc: D; line: number } | undefined {
  const ref = def.ref?.file.replace(/\\/g, '/');
  const sameFile = (f: string) => {
    const file = f.replace(/\\/g, '/');
    return !!ref && (file === ref || file.endsWith(`/${ref}`) || ref.endsWith(`/${file}`));
  };
  const exact = ref ? docs.find((d) => d.file === ref) ?? docs.find((d) => sameFile(d.file)) : undefined;
  const doc = exact ?? docs.find((d) => defCitesSource(def, d));
  if (!doc) return undefined;
  let line = def.ref?.line;
  if (line === undefined || !exact) {
    const m = new RegExp(`${doc.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::|, line )(\\d+)`).exec(def.body);
    line = m ? Math.max(0, Number(m[1]) - 1) : 0;
  }
  return { doc, line };
}

/**
 * Edits that cite `target` at `replace` (a span of the draft replaced by the marker;
 * empty to insert). `draftPath` is used for relative links in the 'link' style.
 */
export function citationEdits(
  text: string,
  replace: { start: number; end: number },
  target: CitationTarget,
  style: CitationStyle,
  draftPath?: string,
): CitationEdits {
  const idx = new LineIndex(text);
  const range = (s: number, e: number) => idx.range(s, e);

  if (style === 'pandoc') {
    const marker = `[@${pandocKey(target.file)}]`;
    return { marker, main: { range: range(replace.start, replace.end), newText: marker }, additional: [], reused: false };
  }
  if (style === 'link') {
    const href = draftPath && !/^[a-z][a-z0-9+.-]+:/i.test(target.path)
      ? path.relative(path.dirname(draftPath), target.path).replace(/\\/g, '/')
      : target.path;
    // The source's name as plain text; the target encoded so it cannot end early (a `>` or a line break in a path).
    const isUri = /^[a-z][a-z0-9+.-]+:/i.test(href);
    const marker = `[${draftText(sourceName(target)).replace(/[[\]]/g, '')}](<${isUri ? uriTarget(href) : pathTarget(href)}#L${target.line + 1}>)`;
    return { marker, main: { range: range(replace.start, replace.end), newText: marker }, additional: [], reused: false };
  }

  const { markers, defs } = parseFootnotes(text);
  const outside = (m: { start: number; end: number }) => m.end <= replace.start || m.start >= replace.end;
  const liveMarkers = markers.filter(outside);

  const existing = defs.find((d) => defCitesSource(d, target));
  if (existing) {
    const marker = `[^${existing.label}]`;
    return {
      marker,
      main: { range: range(replace.start, replace.end), newText: marker },
      additional: [],
      label: existing.label,
      reused: true,
    };
  }

  const numeric = (l: string) => /^\d+$/.test(l);
  const NEW = '\u0000new';
  const insertsBefore = liveMarkers.some((m) => numeric(m.label) && m.start >= replace.end);
  const mapping = new Map<string, string>();
  if (insertsBefore) {
    const occurrences = [...liveMarkers.map((m) => ({ label: m.label, at: m.start })), { label: NEW, at: replace.start }]
      .filter((o) => o.label === NEW || numeric(o.label))
      .sort((a, b) => a.at - b.at);
    let n = 1;
    for (const o of occurrences) if (!mapping.has(o.label)) mapping.set(o.label, String(n++));
    for (const d of defs) if (numeric(d.label) && !mapping.has(d.label)) mapping.set(d.label, String(n++));
  } else {
    const used = [...liveMarkers.map((m) => m.label), ...defs.map((d) => d.label)].filter(numeric).map(Number);
    mapping.set(NEW, String((used.length ? Math.max(...used) : 0) + 1));
  }
  const label = mapping.get(NEW)!;
  const additional: TextEdit[] = [];
  for (const m of liveMarkers) {
    const to = mapping.get(m.label);
    if (to !== undefined && to !== m.label) additional.push({ range: range(m.start + 2, m.end - 1), newText: to });
  }
  for (const d of defs) {
    const to = mapping.get(d.label);
    if (to !== undefined && to !== d.label) additional.push({ range: range(d.labelStart, d.labelEnd), newText: to });
  }

  // The definition goes at the end of the document, after a blank line unless the
  // document already ends with footnote definitions.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // trimEnd, not replace(/\s+$/): the expression tried every space of a long run inside the text.
  const trimmedEnd = text.trimEnd();
  const lastDef = defs[defs.length - 1];
  const endsWithDefs = !!lastDef && trimmedEnd.length <= lastDef.end;
  const trailing = text.slice(trimmedEnd.length);
  const trailingBreaks = (trailing.match(/\r\n|\r|\n/g) ?? []).length;
  const needBreaks = trimmedEnd.length === 0 ? 0 : endsWithDefs ? 1 : 2;
  const prefix = eol.repeat(Math.max(0, needBreaks - trailingBreaks));
  const definition = `${prefix}[^${label}]: ${formatDefinition(target)}${eol}`;

  const marker = `[^${label}]`;
  if (replace.end >= text.length || replace.start >= text.length) {
    // Main edit and definition would insert at the same place: make them one edit.
    const sep = trimmedEnd.length === 0 ? '' : endsWithDefs ? eol : eol + eol;
    return {
      marker,
      main: { range: range(replace.start, replace.end), newText: `${marker}${sep}[^${label}]: ${formatDefinition(target)}${eol}` },
      additional,
      label,
      reused: false,
    };
  }
  additional.push({ range: range(text.length, text.length), newText: definition });
  return { marker, main: { range: range(replace.start, replace.end), newText: marker }, additional, label, reused: false };
}

/** Applies non-overlapping edits to text (used by tests and the cite command). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  const spans = edits
    .map((e, i) => ({ s: idx.offset(e.range.start), e: idx.offset(e.range.end), t: e.newText, i }))
    .sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.s) + sp.t + out.slice(sp.e);
  return out;
}
