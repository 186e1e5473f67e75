/**
 * The sentence table of the persistent index: every sentence's position and
 * search terms as a few typed arrays and one word list, instead of an object
 * per sentence. Typed arrays are read back by copying bytes, so a warm start
 * over 150,000 sentences costs milliseconds; a sentence's objects are made
 * again only when something reads it (see `SentRec`).
 */
import type { Terms } from '../citations/retrieval';
import { crc32 } from './index';
import type { Sentence, SourceDoc, Span } from '../types';

export interface SentenceTable {
  count: number;
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  character: Int32Array;
  paragraph: Int32Array;
  alive: Uint8Array;
  /** Every term and stem, once. */
  words: string[];
  /** Sentence i's distinct terms are `termIds[termOff[i] .. termOff[i+1])`, as indexes into `words`. */
  termOff: Int32Array;
  termIds: Int32Array;
  /** Sentence i's content stems in order, likewise. */
  stemOff: Int32Array;
  stemIds: Int32Array;
}

/** What the table is made from: one entry per sentence id. */
export interface TableRow {
  doc: number;
  sent: Sentence;
  terms: Terms;
  alive: boolean;
}

/**
 * Lets a long encoding loop give way: called every few rows, it returns a
 * promise (to await) when the loop has run long enough without a break.
 */
export type Pause = () => Promise<void> | undefined;

/** A `Pause` that yields to the event loop after `ms` of work. */
export function pauseEvery(ms: number): Pause {
  let until = performance.now() + ms;
  return () => {
    if (performance.now() < until) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        until = performance.now() + ms;
        resolve();
      }),
    );
  };
}

/** Builds the table. `row(i)` may return `undefined` for an id with no sentence (written as a dead row). */
export async function encodeTable(count: number, row: (i: number) => TableRow | undefined, pause: Pause = () => undefined): Promise<SentenceTable> {
  const t: SentenceTable = {
    count,
    doc: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    line: new Int32Array(count),
    character: new Int32Array(count),
    paragraph: new Int32Array(count),
    alive: new Uint8Array(count),
    words: [],
    termOff: new Int32Array(count + 1),
    termIds: new Int32Array(0),
    stemOff: new Int32Array(count + 1),
    stemIds: new Int32Array(0),
  };
  const ids = new Map<string, number>();
  const idOf = (w: string): number => {
    let id = ids.get(w);
    if (id === undefined) {
      id = t.words.length;
      ids.set(w, id);
      t.words.push(w);
    }
    return id;
  };
  const termIds: number[] = [];
  const stemIds: number[] = [];
  for (let i = 0; i < count; i++) {
    if ((i & 63) === 0) await pause();
    t.termOff[i] = termIds.length;
    t.stemOff[i] = stemIds.length;
    const r = row(i);
    if (!r) continue;
    t.doc[i] = r.doc;
    t.alive[i] = r.alive ? 1 : 0;
    // A dead sentence's place is not kept: its source may be gone, and with it the text a
    // sentence read back from an index gets its place from (persisting after a source was
    // removed from a warm-started corpus failed with "reading 'text'").
    if (!r.alive) continue;
    t.start[i] = r.sent.start;
    t.end[i] = r.sent.end;
    t.line[i] = r.sent.line;
    t.character[i] = r.sent.character;
    t.paragraph[i] = r.sent.paragraph;
    for (const w of r.terms.terms) termIds.push(idOf(w));
    for (const w of r.terms.stems) stemIds.push(idOf(w));
  }
  t.termOff[count] = termIds.length;
  t.stemOff[count] = stemIds.length;
  t.termIds = Int32Array.from(termIds);
  t.stemIds = Int32Array.from(stemIds);
  return t;
}

/** A table's term lists, which the persistent index keeps apart (read when first needed). */
export type TermLists = Pick<SentenceTable, 'termIds' | 'stemIds'>;

/**
 * Reads sentences back out of a table; `textOf(doc)` gives a source's text.
 * `lists()` gives the term lists when the table's own are kept apart, or
 * undefined when they could not be read, and then `recompute(text)` makes a
 * sentence's terms again from its text.
 */
export class TableReader {
  constructor(
    readonly table: SentenceTable,
    private readonly textOf: (doc: number) => string,
    private readonly lists: () => TermLists | undefined = () => table,
    private readonly recompute?: (text: string) => Terms,
  ) {}

  sentence(i: number): Sentence {
    const t = this.table;
    const start = t.start[i]!;
    const end = t.end[i]!;
    return { start, end, text: this.textOf(t.doc[i]!).slice(start, end), line: t.line[i]!, character: t.character[i]!, paragraph: t.paragraph[i]! };
  }

  terms(i: number): Terms {
    const t = this.table;
    const l = this.lists();
    if (!l) {
      if (!this.recompute) throw new Error('term lists missing');
      return this.recompute(this.sentence(i).text);
    }
    const terms: string[] = [];
    for (let k = t.termOff[i]!; k < t.termOff[i + 1]!; k++) terms.push(t.words[l.termIds[k]!]!);
    const stems: string[] = [];
    for (let k = t.stemOff[i]!; k < t.stemOff[i + 1]!; k++) stems.push(t.words[l.stemIds[k]!]!);
    return { terms, stems };
  }

  /** Sentence i's paragraph, without making its objects. */
  paragraph(i: number): number {
    return this.table.paragraph[i]!;
  }
}

/** Sentences per serialized block of analyses. */
export const BLOCK = 8;

/**
 * Each sentence's analysis as the persistent index stores it: serialized in
 * blocks of 8 sentences (one v8 call per block: per sentence, the calls cost more than the data), so a warm
 * start reads none of them and a block is read when one of its sentences is
 * first needed; counts for `stats` without reading any.
 */
export interface AnalysisTable {
  /** 1 where the sentence was analysed. */
  analysed: Uint8Array;
  /** Claims and quotes of each analysed sentence (for counts). */
  claims: Uint16Array;
  quotes: Uint16Array;
  /** Block k (sentences 8k … 8k+7) is `bytes[blockOff[k] .. blockOff[k+1])`: an array of `[analysis, mentionRefs]` or null per sentence; empty when the block has nothing. */
  blockOff: Float64Array;
  bytes: Uint8Array;
}

export interface AnalysisRow<A, M> {
  analysis: A | undefined;
  mentionRefs: M | undefined;
  /** The row is unchanged since it was read from this reader (its block may be copied as it is). */
  from?: AnalysisReader<A, M>;
  analysed: boolean;
  claims: number;
  quotes: number;
}

export async function encodeAnalyses<A, M>(
  count: number,
  row: (i: number) => AnalysisRow<A, M> | undefined,
  serialize: (x: unknown) => Uint8Array,
  pause: Pause = () => undefined,
): Promise<AnalysisTable> {
  const blocks = Math.ceil(count / BLOCK);
  const t: AnalysisTable = {
    analysed: new Uint8Array(count),
    claims: new Uint16Array(count),
    quotes: new Uint16Array(count),
    blockOff: new Float64Array(blocks + 1),
    bytes: new Uint8Array(0),
  };
  const parts: Uint8Array[] = [];
  let n = 0;
  for (let k = 0; k < blocks; k++) {
    await pause();
    t.blockOff[k] = n;
    const rows: (AnalysisRow<A, M> | undefined)[] = [];
    let source: AnalysisReader<A, M> | undefined;
    let copy = true;
    let any = false;
    for (let i = k * BLOCK; i < Math.min(count, (k + 1) * BLOCK); i++) {
      const r = row(i);
      rows.push(r);
      if (!r) continue;
      t.analysed[i] = r.analysed ? 1 : 0;
      t.claims[i] = Math.min(r.claims, 0xffff);
      t.quotes[i] = Math.min(r.quotes, 0xffff);
      if (r.from || r.analysis || r.mentionRefs) any = true;
      // A block is copied only when all of it comes unchanged from the same block of one reader.
      if (!r.from || (source && r.from !== source)) copy = false;
      source ??= r.from;
    }
    if (!any) continue;
    let bytes: Uint8Array;
    if (copy && source && rows.every((r) => !r || r.from === source)) bytes = source.block(k);
    else {
      bytes = serialize(
        rows.map((r, j) => {
          if (!r) return null;
          if (r.from) {
            const [a, m] = r.from.read(k * BLOCK + j) ?? [undefined, undefined];
            return a || m ? [a, m] : null;
          }
          return r.analysis || r.mentionRefs ? [r.analysis, r.mentionRefs] : null;
        }),
      );
    }
    parts.push(bytes);
    n += bytes.length;
  }
  t.blockOff[blocks] = n;
  t.bytes = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    t.bytes.set(p, at);
    at += p.length;
  }
  return t;
}

/**
 * Reads rows of an `AnalysisTable` back; the last few blocks read are kept. A block that does
 * not decode, or decodes to something that is not rows (`check` throws), is damage: `onDamage`
 * is told, and `read` gives undefined.
 */
export class AnalysisReader<A, M> {
  private cache = new Map<number, ([A | undefined, M | undefined] | null)[]>();

  constructor(
    readonly table: AnalysisTable,
    private readonly deserialize: (bytes: Uint8Array) => unknown,
    private readonly check: (rows: unknown) => void = () => undefined,
    private readonly onDamage: (reason: string) => void = (reason) => {
      throw new Error(reason);
    },
  ) {}

  analysed(i: number): boolean {
    return this.table.analysed[i] === 1;
  }

  /** Whether the table holds anything for sentence i. */
  has(i: number): boolean {
    return this.table.analysed[i] === 1 || this.block(Math.floor(i / BLOCK)).length > 0;
  }

  /** The serialized bytes of block k. */
  block(k: number): Uint8Array {
    const t = this.table;
    return t.bytes.subarray(t.blockOff[k]!, t.blockOff[k + 1]!);
  }

  read(i: number): [A | undefined, M | undefined] | undefined {
    const k = Math.floor(i / BLOCK);
    let rows = this.cache.get(k);
    if (!rows) {
      const raw = this.block(k);
      try {
        const decoded = raw.length ? this.deserialize(raw) : [];
        this.check(decoded);
        rows = decoded as ([A | undefined, M | undefined] | null)[];
      } catch (err) {
        this.onDamage(`analysis block ${k}: ${(err as Error).message}`);
        return undefined;
      }
      if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(k, rows);
    }
    return rows[i - k * BLOCK] ?? [undefined, undefined];
  }

  claims(i: number): number {
    return this.table.claims[i]!;
  }

  quotes(i: number): number {
    return this.table.quotes[i]!;
  }
}

/**
 * The sources of the persistent index: metadata in parallel arrays and every
 * text in one UTF-8 buffer, decoded per source when first read (a warm start
 * decodes none).
 */
export interface DocTable {
  count: number;
  /** 1 where a source is loaded (ids of removed sources stay empty). */
  present: Uint8Array;
  path: string[];
  file: string[];
  outlet: (string | undefined)[];
  title: (string | undefined)[];
  date: (string | undefined)[];
  url: (string | undefined)[];
  /** NaN where unknown. */
  size: Float64Array;
  mtimeMs: Float64Array;
  /** Source i's body spans are `body[2k], body[2k+1]` for k in `bodyOff[i] .. bodyOff[i+1])`. */
  bodyOff: Int32Array;
  body: Int32Array;
  /** Sources with warnings: id → warnings. */
  warnings: Map<number, string[]>;
  /** Source i's text is `texts[textOff[i] .. textOff[i+1])`, UTF-8. */
  textOff: Float64Array;
  texts: Uint8Array;
  /**
   * CRC-32 of each source's text as UTF-8 (NaN where none): the text read back from the file is
   * checked against it, and so is the source file when it is read again (see Corpus.verifySources).
   */
  crc: Float64Array;
}

export async function encodeDocs(docs: readonly (SourceDoc | undefined)[], pause: Pause = () => undefined): Promise<DocTable> {
  const n = docs.length;
  const t: DocTable = {
    count: n,
    present: new Uint8Array(n),
    path: new Array(n).fill(''),
    file: new Array(n).fill(''),
    outlet: new Array(n).fill(undefined),
    title: new Array(n).fill(undefined),
    date: new Array(n).fill(undefined),
    url: new Array(n).fill(undefined),
    size: new Float64Array(n).fill(NaN),
    mtimeMs: new Float64Array(n).fill(NaN),
    bodyOff: new Int32Array(n + 1),
    body: new Int32Array(0),
    warnings: new Map(),
    textOff: new Float64Array(n + 1),
    texts: new Uint8Array(0),
    crc: new Float64Array(n).fill(NaN),
  };
  const body: number[] = [];
  const texts: Buffer[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 0) await pause();
    t.bodyOff[i] = body.length / 2;
    t.textOff[i] = bytes;
    const d = docs[i];
    if (!d) continue;
    t.present[i] = 1;
    t.path[i] = d.path;
    t.file[i] = d.file;
    t.outlet[i] = d.outlet;
    t.title[i] = d.title;
    t.date[i] = d.date;
    t.url[i] = d.url;
    if (d.size !== undefined) t.size[i] = d.size;
    if (d.mtimeMs !== undefined) t.mtimeMs[i] = d.mtimeMs;
    for (const s of d.body) body.push(s.start, s.end);
    if (d.warnings.length) t.warnings.set(i, d.warnings);
    const b = Buffer.from(d.text, 'utf8');
    t.crc[i] = crc32(b);
    texts.push(b);
    bytes += b.length;
  }
  t.bodyOff[n] = body.length / 2;
  t.textOff[n] = bytes;
  t.body = Int32Array.from(body);
  t.texts = Buffer.concat(texts, bytes);
  return t;
}

/** A source read back from a `DocTable`: its text is decoded when first read. */
class StoredDoc implements SourceDoc {
  path: string;
  file: string;
  outlet?: string;
  title?: string;
  date?: string;
  url?: string;
  warnings: string[];
  mtimeMs?: number;
  size?: number;
  private textCache: string | undefined;
  private bodyCache: Span[] | undefined;

  constructor(
    readonly id: number,
    private readonly table: DocTable,
    private readonly texts: () => Uint8Array | undefined,
    private readonly reread: (path: string) => string,
    private readonly onDamage: (reason: string) => void,
  ) {
    const t = table;
    this.path = t.path[id]!;
    this.file = t.file[id]!;
    if (t.outlet[id] !== undefined) this.outlet = t.outlet[id];
    if (t.title[id] !== undefined) this.title = t.title[id];
    if (t.date[id] !== undefined) this.date = t.date[id];
    if (t.url[id] !== undefined) this.url = t.url[id];
    if (!Number.isNaN(t.size[id]!)) this.size = t.size[id];
    if (!Number.isNaN(t.mtimeMs[id]!)) this.mtimeMs = t.mtimeMs[id];
    this.warnings = t.warnings.get(id) ?? [];
  }

  get body(): Span[] {
    if (!this.bodyCache) {
      const t = this.table;
      this.bodyCache = [];
      for (let k = t.bodyOff[this.id]!; k < t.bodyOff[this.id + 1]!; k++) this.bodyCache.push({ start: t.body[2 * k]!, end: t.body[2 * k + 1]! });
    }
    return this.bodyCache;
  }

  /** CRC-32 of the text as the index stored it (see DocTable.crc). */
  get storedCrc(): number {
    return this.table.crc[this.id]!;
  }

  get text(): string {
    if (this.textCache === undefined) {
      const t = this.table;
      const texts = this.texts();
      if (texts) {
        const bytes = Buffer.from(texts.buffer, texts.byteOffset + t.textOff[this.id]!, t.textOff[this.id + 1]! - t.textOff[this.id]!);
        // Bytes that are not what was written are not used: the source is read again.
        if (crc32(bytes) === t.crc[this.id]) this.textCache = bytes.toString('utf8');
        else this.onDamage(`the text of ${this.file} does not match its checksum`);
      }
      this.textCache ??= this.reread(this.path);
    }
    return this.textCache;
  }

  /** Plain data, as a freshly parsed source has it (JSON, tests, equality). */
  toJSON(): SourceDoc {
    const { textCache: _t, bodyCache: _b, table: _tb, texts: _x, reread: _r, onDamage: _d, ...rest } = this as unknown as Record<string, unknown>;
    void [_t, _b, _tb, _x, _r, _d];
    return { ...(rest as unknown as SourceDoc), body: this.body, text: this.text };
  }
}

/**
 * The sources of a table. `texts()` gives their text bytes when the table's own
 * are kept apart, or undefined when they could not be read; then a source's
 * text is read again from its file with `reread(path)`.
 */
export function decodeDocs(
  t: DocTable,
  texts: () => Uint8Array | undefined = () => t.texts,
  reread: (path: string) => string = () => '',
  onDamage: (reason: string) => void = () => undefined,
): (SourceDoc | undefined)[] {
  const out: (SourceDoc | undefined)[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) out[i] = t.present[i] ? new StoredDoc(i, t, texts, reread, onDamage) : undefined;
  return out;
}

/** The CRC-32 a source read back from the persistent index was stored with (NaN when none, or not such a source). */
export function storedCrc(doc: SourceDoc): number {
  return doc instanceof StoredDoc ? doc.storedCrc : NaN;
}
