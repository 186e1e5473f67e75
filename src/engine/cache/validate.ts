/**
 * Checks of what the persistent index decodes to, before any of it is used: every array the
 * length its table says, every offset inside what it points into, every id inside what it
 * names. The file's checksums catch accidental damage; these catch the rest (a file edited and
 * its checksums made again, a bug in a writer), which would otherwise surface later as a crash
 * far from the cause ("Cannot read properties of undefined", "Unable to deserialize cloned data"
 * on every run). Each throws an Error saying what is wrong; the caller rebuilds.
 *
 * The checks are linear scans of typed arrays: a few milliseconds at 150,000 sentences.
 */
import type { IndexState } from '../citations/retrieval';
import type { RoleRec } from '../store';
import type { AnalysisTable, DocTable, SentenceTable, TermLists } from './table';

export class Damaged extends Error {}

function fail(what: string): never {
  throw new Damaged(what);
}

type Typed = Int32Array | Uint8Array | Uint16Array | Float64Array;

function typed<T extends Typed>(v: unknown, Ctor: new (...a: never[]) => T, length: number | undefined, what: string): T {
  if (!(v instanceof Ctor)) fail(`${what} is not a ${Ctor.name}`);
  if (length !== undefined && v.length !== length) fail(`${what} has ${v.length} entries, not ${length}`);
  return v;
}

function count(v: unknown, what: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) fail(`${what} is not a count`);
  return v as number;
}

function strings(v: unknown, length: number | undefined, what: string, optional = false): (string | undefined)[] {
  if (!Array.isArray(v)) fail(`${what} is not a list`);
  if (length !== undefined && v.length !== length) fail(`${what} has ${v.length} entries, not ${length}`);
  for (const x of v) if (typeof x !== 'string' && !(optional && x === undefined)) fail(`${what} holds a non-string`);
  return v;
}

/** `off` ascends from 0 to `end` (a table of ranges into a list of `end` entries). */
function offsets(off: Int32Array | Float64Array, end: number, what: string): void {
  if (off.length === 0 || off[0] !== 0) fail(`${what} does not start at 0`);
  for (let i = 1; i < off.length; i++) if (!(off[i]! >= off[i - 1]!)) fail(`${what} goes back at ${i}`);
  if (off[off.length - 1] !== end) fail(`${what} ends at ${off[off.length - 1]}, not ${end}`);
}

/** Every entry of `ids` is in [0, bound). */
function ids(v: Int32Array, bound: number, what: string): void {
  for (let i = 0; i < v.length; i++) if (v[i]! < 0 || v[i]! >= bound) fail(`${what} holds ${v[i]} (of ${bound})`);
}

/** The sources table (without its texts, which come with the bulk part). */
export function checkDocs(t: DocTable): void {
  if (!t || typeof t !== 'object') fail('sources table missing');
  const n = count(t.count, 'source count');
  typed(t.present, Uint8Array, n, 'sources present');
  strings(t.path, n, 'source paths');
  strings(t.file, n, 'source files');
  for (const k of ['outlet', 'title', 'date', 'url'] as const) strings(t[k], n, `source ${k}s`, true);
  typed(t.size, Float64Array, n, 'source sizes');
  typed(t.mtimeMs, Float64Array, n, 'source times');
  const bodyOff = typed(t.bodyOff, Int32Array, n + 1, 'source body offsets');
  const body = typed(t.body, Int32Array, undefined, 'source bodies');
  if (body.length % 2) fail('source bodies are not pairs');
  offsets(bodyOff, body.length / 2, 'source body offsets');
  for (let i = 0; i < body.length; i += 2) if (body[i]! < 0 || body[i + 1]! < body[i]!) fail('a source body span is backwards');
  if (!(t.warnings instanceof Map)) fail('source warnings missing');
  for (const [id, w] of t.warnings) {
    if (!Number.isInteger(id) || id < 0 || id >= n) fail('a source warning names no source');
    strings(w, undefined, 'source warnings');
  }
  typed(t.crc, Float64Array, n, 'source checksums');
  const textOff = typed(t.textOff, Float64Array, n + 1, 'source text offsets');
  for (let i = 0; i < n; i++) if (!Number.isSafeInteger(textOff[i + 1]!)) fail('a source text offset is not whole');
  offsets(textOff, textOff[n]!, 'source text offsets');
  for (let i = 0; i < n; i++) {
    if (!t.present[i]) continue;
    // A body span is in UTF-16 units; the text's UTF-8 bytes are at least as many.
    const bytes = textOff[i + 1]! - textOff[i]!;
    for (let k = bodyOff[i]!; k < bodyOff[i + 1]!; k++) if (body[2 * k + 1]! > bytes) fail(`source ${i}'s body runs past its text`);
  }
}

/** The sentence table (without its term lists, which come with the bulk part). */
export function checkTable(t: SentenceTable, docs: DocTable): void {
  if (!t || typeof t !== 'object') fail('sentence table missing');
  const n = count(t.count, 'sentence count');
  const doc = typed(t.doc, Int32Array, n, 'sentence sources');
  const start = typed(t.start, Int32Array, n, 'sentence starts');
  const end = typed(t.end, Int32Array, n, 'sentence ends');
  const line = typed(t.line, Int32Array, n, 'sentence lines');
  const character = typed(t.character, Int32Array, n, 'sentence characters');
  typed(t.paragraph, Int32Array, n, 'sentence paragraphs');
  const alive = typed(t.alive, Uint8Array, n, 'sentences alive');
  strings(t.words, undefined, 'words');
  typed(t.termOff, Int32Array, n + 1, 'term offsets');
  typed(t.stemOff, Int32Array, n + 1, 'stem offsets');
  offsets(t.termOff, t.termOff[n]!, 'term offsets');
  offsets(t.stemOff, t.stemOff[n]!, 'stem offsets');
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const d = doc[i]!;
    if (d < 0 || d >= docs.count || !docs.present[d]) fail(`sentence ${i} is of no source`);
    const bytes = docs.textOff[d + 1]! - docs.textOff[d]!;
    if (start[i]! < 0 || end[i]! < start[i]! || end[i]! > bytes) fail(`sentence ${i} lies outside its source`);
    if (line[i]! < 0 || character[i]! < 0) fail(`sentence ${i} has no place`);
  }
}

/** The search index. */
export function checkIndex(s: IndexState, sentences: number, words: number): void {
  if (!s || typeof s !== 'object') fail('search index missing');
  const terms = typed(s.terms, Int32Array, undefined, 'index terms');
  const off = typed(s.offsets, Int32Array, terms.length + 1, 'index offsets');
  const list = typed(s.ids, Int32Array, undefined, 'index postings');
  offsets(off, list.length, 'index offsets');
  ids(terms, words, 'index terms');
  ids(list, sentences, 'index postings');
  typed(s.lengths, Int32Array, sentences, 'index lengths');
  typed(s.alive, Uint8Array, sentences, 'index alive');
  if (!Number.isFinite(s.totalLength) || s.totalLength < 0) fail('index total length');
  if (count(s.liveCount, 'index live count') > sentences) fail('index live count');
}

/** The bulk part: source texts and term lists, against the tables they belong to. */
export function checkBulk(b: TermLists & { texts: Uint8Array }, docs: DocTable, table: SentenceTable): void {
  if (!b || typeof b !== 'object') fail('bulk part missing');
  typed(b.texts, Uint8Array, docs.textOff[docs.count]!, 'source texts');
  ids(typed(b.termIds, Int32Array, table.termOff[table.count]!, 'term lists'), table.words.length, 'term lists');
  ids(typed(b.stemIds, Int32Array, table.stemOff[table.count]!, 'stem lists'), table.words.length, 'stem lists');
}

/** The stored analysis's tables (its registry is checked as it is unpacked). */
export function checkAnalysis(a: { roles: RoleRec[]; sentences: AnalysisTable; entityIndex: { ents: Int32Array; off: Int32Array; sents: Int32Array } }, sentences: number): void {
  if (!a || typeof a !== 'object') fail('analysis missing');
  if (!Array.isArray(a.roles)) fail('roles missing');
  for (const r of a.roles) {
    if (!r || typeof r !== 'object') fail('a role is not a record');
    if (!Number.isInteger(r.entity) || r.entity < 0) fail('a role names no entity');
    if (!Number.isInteger(r.sent) || r.sent < 0 || r.sent >= sentences) fail('a role is of no sentence');
    if (typeof r.title !== 'string' || typeof r.norm !== 'string' || typeof r.former !== 'boolean' || typeof r.occupation !== 'boolean') fail('a role is malformed');
    if (r.country !== undefined && typeof r.country !== 'string') fail('a role is malformed');
  }
  const t = a.sentences;
  if (!t || typeof t !== 'object') fail('sentence analyses missing');
  typed(t.analysed, Uint8Array, sentences, 'sentences analysed');
  typed(t.claims, Uint16Array, sentences, 'claim counts');
  typed(t.quotes, Uint16Array, sentences, 'quote counts');
  const bytes = typed(t.bytes, Uint8Array, undefined, 'analyses');
  const blockOff = typed(t.blockOff, Float64Array, Math.ceil(sentences / 8) + 1, 'analysis blocks');
  for (let i = 0; i < blockOff.length; i++) if (!Number.isSafeInteger(blockOff[i]!)) fail('an analysis block offset is not whole');
  offsets(blockOff, bytes.length, 'analysis blocks');
  const e = a.entityIndex;
  if (!e || typeof e !== 'object') fail('entity index missing');
  const ents = typed(e.ents, Int32Array, undefined, 'entity index');
  const off = typed(e.off, Int32Array, ents.length + 1, 'entity index offsets');
  const sents = typed(e.sents, Int32Array, undefined, 'entity sentences');
  offsets(off, sents.length, 'entity index offsets');
  for (let i = 1; i < ents.length; i++) if (ents[i]! <= ents[i - 1]!) fail('entity index out of order');
  ids(sents, sentences, 'entity sentences');
}

/** One decoded block of sentence analyses: a list of at most 8 rows, each null or `[analysis, mentions]`. */
export function checkBlock(rows: unknown): void {
  if (!Array.isArray(rows) || rows.length > 8) fail('an analysis block is not a list of rows');
  for (const row of rows) {
    if (row === null || row === undefined) continue;
    if (!Array.isArray(row) || row.length > 2) fail('an analysis row is malformed');
    const [analysis, refs] = row as [unknown, unknown];
    if (refs !== undefined && !Array.isArray(refs)) fail('an analysis row\'s names are not a list');
    if (analysis === undefined) continue;
    const a = analysis as Record<string, unknown>;
    if (!a || typeof a !== 'object' || !Array.isArray(a.claims) || !Array.isArray(a.quotes) || !Array.isArray(a.mentions) || typeof a.negations !== 'number') {
      fail('a sentence analysis is malformed');
    }
    for (const c of a.claims as unknown[]) checkClaim(c);
    for (const q of a.quotes as unknown[]) {
      const r = q as Record<string, unknown>;
      if (!r || typeof r !== 'object' || typeof r.text !== 'string' || !isNum(r.start) || !isNum(r.end) || typeof r.speakerKind !== 'string') fail('a quotation in the analysis is malformed');
    }
    for (const m of a.mentions as unknown[]) {
      const r = m as Record<string, unknown>;
      if (!r || typeof r !== 'object' || !Number.isInteger(r.entity) || !isNum(r.start) || !isNum(r.end)) fail('a name in the analysis is malformed');
    }
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number';
const isWords = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * One claim of a sentence analysis (claims/frame.ts's `Claim`): every field the checks read is
 * of its type, so a checksum-valid damaged file fails here, not as a TypeError in a check.
 */
function checkClaim(c: unknown): void {
  const r = c as Record<string, unknown>;
  if (!r || typeof r !== 'object') fail('a claim is malformed');
  const q = r.q as Record<string, unknown>;
  if (!q || typeof q !== 'object' || typeof q.kind !== 'string' || typeof q.text !== 'string' || typeof q.qualifier !== 'string') fail('a claim\'s figure is malformed');
  for (const k of ['start', 'end', 'valueStart', 'valueEnd', 'value', 'low', 'high']) if (!isNum(q[k])) fail('a claim\'s figure is malformed');
  if (q.fraction !== undefined && !(Array.isArray(q.fraction) && q.fraction.length === 2 && q.fraction.every(isNum))) fail('a claim\'s fraction is malformed');
  if (q.date !== undefined && (q.date === null || typeof q.date !== 'object')) fail('a claim\'s date is malformed');
  if (typeof r.dim !== 'string' || typeof r.role !== 'string' || typeof r.scope !== 'string') fail('a claim is malformed');
  for (const k of ['mods', 'events', 'context', 'near', 'names']) if (!isWords(r[k])) fail(`a claim's ${k} are malformed`);
  if (r.ref !== undefined && !isWords(r.ref)) fail('a claim\'s reference event is malformed');
  for (const k of ['thing', 'thingPhrase', 'side', 'bound']) if (r[k] !== undefined && typeof r[k] !== 'string') fail(`a claim's ${k} is malformed`);
  for (const k of ['negated', 'hedged', 'vague', 'quoted']) if (typeof r[k] !== 'boolean') fail(`a claim's ${k} is malformed`);
  if (!Array.isArray(r.span) || r.span.length !== 2 || !r.span.every(isNum)) fail('a claim\'s span is malformed');
  const from = r.from as Record<string, unknown> | undefined;
  if (from !== undefined && (!from || typeof from !== 'object' || typeof from.place !== 'string' || !isWords(from.words) || (from.direction !== undefined && typeof from.direction !== 'string'))) fail('a claim\'s distance is malformed');
}

const isMap = (v: unknown): v is Map<unknown, unknown> => v instanceof Map;

/**
 * The entity registry as unpacked from the persistent index (its shape as entities/registry.ts
 * writes it: maps of entities, keys, aliases, surnames), before a registry is made of it.
 */
export function checkRegistry(state: unknown): void {
  const s = state as Record<string, unknown>;
  if (!s || typeof s !== 'object') fail('registry missing');
  for (const k of ['entities', 'byKey', 'aliasOf', 'aliasName', 'skelDocs', 'surnameIx']) if (!isMap(s[k])) fail(`registry ${k} missing`);
  if (!Number.isSafeInteger(s.nextId) || !Number.isSafeInteger(s.seq)) fail('registry counters');
  for (const [id, e] of s.entities as Map<unknown, Record<string, unknown>>) {
    if (!e || typeof e !== 'object' || e.id !== id || !Number.isInteger(id)) fail('a registry entity is malformed');
    if (typeof e.name !== 'string' || typeof e.kind !== 'string' || !(e.keys instanceof Set) || !(e.variants instanceof Set) || !Array.isArray(e.refs)) fail(`registry entity ${String(id)} is malformed`);
    for (const x of e.keys as Set<unknown>) if (typeof x !== 'string') fail(`registry entity ${String(id)} has a key that is not a string`);
    for (const x of e.variants as Set<unknown>) if (typeof x !== 'string') fail(`registry entity ${String(id)} has a variant that is not a string`);
    if (e.surname !== undefined && typeof e.surname !== 'string') fail(`registry entity ${String(id)} is malformed`);
  }
  for (const [k, v] of s.byKey as Map<unknown, unknown>) if (typeof k !== 'string' || !Number.isInteger(v)) fail('registry keys are malformed');
  for (const k of ['aliasOf', 'aliasName']) for (const [a, b] of s[k] as Map<unknown, unknown>) if (typeof a !== 'string' || typeof b !== 'string') fail(`registry ${k} is malformed`);
  for (const [k, v] of s.skelDocs as Map<unknown, unknown>) if (!Number.isInteger(k) || !isMap(v)) fail('registry shapes are malformed');
  for (const [k, v] of s.surnameIx as Map<unknown, unknown>) if (typeof k !== 'string' || !Array.isArray(v) || v.some((x) => !Number.isInteger(x))) fail('registry surnames are malformed');
}
