/**
 * Corpus: the engine's entry point. Loads and indexes sources, then checks
 * drafts, suggests citations and answers "what do the sources say about X".
 *
 * Indexing has two stages. The index proper (sources parsed, split into
 * sentences, search terms posted) is built when sources are loaded; it is all
 * that citation suggestions need. What each sentence says (its names, figures,
 * quotes and roles: ./analysis) is worked out per sentence when something first
 * reads it, or for every sentence by `analyseAll`, which `load` runs unless told
 * to leave it to the caller (the language server runs it in the background and
 * answers requests meanwhile). Until every sentence is analysed, a name lookup
 * first analyses the sentences that have the name's words, and a title lookup
 * those that have the title's words, so answers do not depend on the order in
 * which sentences happen to be analysed.
 */
import type { CheckOptions, Engine, FactSheet, FigureReport } from './api';
import { bundledWorkerScript, SearchThread, type Batch, type DraftMessage } from './search-thread';
import { EntitySentences } from './analysis/entity-sentences';
import { analyseSentence, registerMentions, type MentionRef, type SentenceAnalysis, type RoleFinding } from './analysis';
import { checkDraft, checkDraftSliced, figureReport } from './check';
import { checkUnits } from './check/units';
import { citeSentences, citeText } from './citations';
import { SentenceIndex, termsOf, type IndexState, type Terms } from './citations/retrieval';
import { readFileSync } from 'node:fs';
import * as v8 from 'node:v8';
import { cacheFileFor, crc32, defaultCacheDir, deferred, OnDemand, readCache, writeCache, type DeferredPart } from './cache';
import { checkAnalysis, checkBlock, checkBulk, checkDocs, checkIndex, checkRegistry, checkTable } from './cache/validate';
import { AnalysisReader, storedCrc, decodeDocs, encodeAnalyses, encodeDocs, encodeTable, pauseEvery, TableReader, type AnalysisTable, type DocTable, type SentenceTable, type TermLists } from './cache/table';
import { EntityRegistry, findMentions, packRegistry, placeSpellings, RegistryUnpacker, titleKey, type Entity, type PackedRegistry } from './entities';
import { normalizePhrase } from './text/fold';
import { factSheet } from './facts';
import { findSocialPostAuthor } from './quotes';
import { draftSentences, splitSentences } from './sentences';
import { parseSource, readSources } from './sources';
import { decodeText, listSources, readFiles, readTextFile, type Skipped } from './sources/read';
import { SentRec, type Analyser, type RoleRec, type Store } from './store';
import type {
  CitationCandidate,
  Diagnostic,
  IndexStats,
  Sentence,
  SentenceCitations,
  SourceDoc,
  SourceInput,
  Span,
} from './types';

export interface CorpusOptions {
  cwd?: string;
  /** Root used to show short file names. */
  root?: string;
  maxFileSize?: number;
  aliases?: Record<string, string[]>;
  /** Aborts loading: `load` rejects with the signal's reason (checked between chunks of files). */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with the corpus as soon as it exists, before indexing ends. Indexing
   * yields to the event loop between chunks of files, so the caller can query
   * what is indexed so far.
   */
  onCorpus?: (corpus: Corpus) => void;
  /**
   * Folder of the persistent index (the language server passes its workspace
   * storage). Default: `$XDG_CACHE_HOME/sourcewise` or `~/.cache/sourcewise`;
   * `false` disables it.
   */
  cacheDir?: string | false;
  /** Called with a message when the persistent index was damaged or could not be written. */
  onWarning?: (message: string) => void;
  /**
   * `'eager'` (default): `load` analyses every sentence before it resolves.
   * `'deferred'`: `load` resolves once the index is built; sentences are analysed
   * when first read, and the caller runs `analyseAll` (then `persist`) when it likes.
   */
  analysis?: 'eager' | 'deferred';
  /** Progress of the analysis `load` runs in eager mode (sentences analysed, sentences in all). */
  onAnalysisProgress?: (done: number, total: number) => void;
  /**
   * Script of the search thread a full check of a large corpus sends its searches to
   * (see ../search-thread). Default: search-worker.js beside the running bundle, when it
   * is there; `false`: every search on the calling thread.
   */
  searchThread?: string | false;
  /** Fewest sentences for which the search thread is used (default THREAD_MIN_SENTENCES). */
  searchThreadMinSentences?: number;
  /** Called when the search thread has a copy of the index (of this many sentences) and full checks use it. */
  onSearchThreadReady?: (sentences: number) => void;
}

/** Files indexed per chunk between yields to the event loop. */
const CHUNK = 32;
/** Longest stretch of analysis between yields to the event loop. */
const SLICE_MS = 15;
/** Sentences after a quotation that its speaker is looked for in. */
const QUOTE_AHEAD = 4;

/** Most sentences a name or title lookup analyses before answering (the rest come with `analyseAll`). */
const LOOKUP_ANALYSIS_CAP = 1500;

interface FileStamp {
  size?: number;
  mtimeMs?: number;
}

/** What analysing sentences has built, as the persistent index stores it. */
interface AnalysisState {
  registry: PackedRegistry;
  roles: RoleRec[];
  /** Each sentence's analysis and registered mentions, read one by one when needed. */
  sentences: AnalysisTable;
  /** Entity `ents[k]` is mentioned or quoted in sentences `sents[off[k] .. off[k+1])`. */
  entityIndex: { ents: Int32Array; off: Int32Array; sents: Int32Array };
}

interface Snapshot {
  root?: string;
  /** Without `texts`, which are in `bulk`. */
  docs: DocTable;
  /** Without `termIds` and `stemIds`, which are in `bulk`. */
  table: SentenceTable;
  /**
   * The sources' texts and the sentences' term lists: most of the bytes, and not
   * needed until a sentence is read, so a warm start answers before they are in
   * and `prefetch` reads them off the event loop's thread.
   */
  bulk: DeferredPart<Bulk>;
  index: IndexState;
  /** Live sentences not analysed when the snapshot was taken. */
  unanalysed: number;
  /** Read from the file the first time something needs it, not at start-up. */
  analysis: DeferredPart<AnalysisState>;
  /** Files skipped for their content (binary, not UTF-8), with their stamps. */
  contentSkips: ContentSkip[];
}

type ContentSkip = { path: string; reason: string; size: number; mtimeMs: number };

type Bulk = TermLists & { texts: Uint8Array };

/** A source's text read again from its file (when the persistent index's copy is unreadable). */
function rereadSource(path: string): string {
  try {
    const r = decodeText(readFileSync(path));
    return r.ok ? r.text : '';
  } catch {
    return '';
  }
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface LoadResult {
  corpus: Corpus;
  skipped: Skipped[];
}

/** Inserts `x` into `list`, kept in ascending order of `key`. */
function insertSorted<T>(list: T[], x: T, key: (t: T) => number): void {
  const k = key(x);
  let lo = 0;
  let hi = list.length;
  if (hi === 0 || key(list[hi - 1]!) <= k) {
    list.push(x);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= k) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, x);
}

const sameId = (n: number) => n;
const bySent = (r: RoleRec) => r.sent;

export class Corpus implements Engine, Analyser {
  readonly store: Store;
  private reg: EntityRegistry;
  /** The persistent index's `AnalysisState`, until `ready` reads it. */
  private analysisPart: OnDemand<AnalysisState> | undefined;
  /** The persistent index's source texts and term lists (see `Snapshot.bulk`). */
  private bulk: OnDemand<Bulk> | undefined;
  private byPath = new Map<string, number>();
  /** Entity id → ids of sentences whose names are registered and mention it, or that quote it as speaker (ascending). */
  private entitySents = new EntitySentences();
  /** Entity id → its role records (ascending by sentence). */
  private entityRoles = new Map<number, RoleRec[]>();
  private docSentsMap = new Map<number, number[]>();
  /** A table read back whose sentences are not in `docSentsMap` yet (it is filled when first needed). */
  private docSentsFrom: SentenceTable | undefined;

  /** Source id → ids of its live sentences (ascending). */
  private get docSents(): Map<number, number[]> {
    const t = this.docSentsFrom;
    if (t) {
      this.docSentsFrom = undefined;
      for (let i = 0; i < t.count; i++) {
        if (!this.store.sents[i]?.alive) continue;
        const d = t.doc[i]!;
        let list = this.docSentsMap.get(d);
        if (!list) this.docSentsMap.set(d, (list = []));
        list.push(i);
      }
    }
    return this.docSentsMap;
  }
  private skipped: Skipped[] = [];
  private millis = 0;
  private root?: string;
  /** Live sentences not analysed yet. */
  private pending = 0;
  /** Where `persist` writes the persistent index, and what it records besides the corpus. */
  private cacheFile?: string;
  private contentSkips: ContentSkip[] = [];
  /** The corpus differs from what the persistent index holds. */
  private dirty = true;
  /** Counts changes (sources added or removed, sentences analysed), so a snapshot taken in slices can tell it stayed whole. */
  private version = 0;
  private warn: (message: string) => void = (m) => console.warn(m);
  private aliases: Record<string, string[]> = {};
  private liveDocs: SourceDoc[] | undefined;
  /** Claims and quotes of the live analysed sentences (kept up to date, so `stats` costs nothing). */
  private counts = { claims: 0, quotes: 0 };
  private thread: SearchThread | undefined;

  private constructor(opts: CorpusOptions = {}) {
    this.store = { docs: [], sents: [], index: new SentenceIndex(), roles: [] };
    this.reg = new EntityRegistry();
    if (opts.aliases) this.reg.setAliases(opts.aliases);
    this.aliases = opts.aliases ?? {};
    this.reg.onMerge = (from, into) => this.entityMerged(from, into);
    this.root = opts.root;
    if (opts.onWarning) this.warn = opts.onWarning;
    const script = opts.searchThread === false ? undefined : (opts.searchThread ?? bundledWorkerScript());
    if (script) {
      this.thread = new SearchThread(script, (m) => this.warn(m), opts.searchThreadMinSentences);
      this.thread.onReady = opts.onSearchThreadReady;
    }
  }

  /**
   * Sends the index to the search thread if it has changed since (the copy costs this thread
   * tens of milliseconds at 100,000 sentences, so callers do it when idle: a check does it
   * otherwise, and searches on its own thread until the search thread has the copy).
   */
  prepareSearchThread(): boolean {
    return this.thread?.sync(this.store.index) ?? false;
  }

  /** Whether full checks send their searches to the search thread (when it has the index): the corpus is large enough, and the thread runs. */
  get searchThreadWanted(): boolean {
    return this.thread?.wanted(this.store.index) ?? false;
  }

  /**
   * The search thread's nearest sentences for `count` draft sentences (`queries` makes them,
   * only when the thread can take them), each read when needed; or undefined: search here.
   */
  searchBatch(count: number, queries: () => { terms: string[]; draft: DraftMessage }[], limit: number): Batch | undefined {
    if (!this.thread?.ready(this.store.index, count)) return undefined;
    return this.thread.batch(this.store.index, queries(), limit);
  }

  /** How the last full check that used the search thread shared its searches (for tests and the bench; set by checkDraft). */
  lastBatch: Batch['counts'] | undefined;

  /** Runs `fn` with every search on the calling thread (to measure what the search thread brings). */
  withoutSearchThread<T>(fn: () => T): T {
    const thread = this.thread;
    this.thread = undefined;
    try {
      return fn();
    } finally {
      this.thread = thread;
    }
  }

  /** Stops the search thread. The corpus still answers everything, searching on the calling thread. */
  async close(): Promise<void> {
    await this.thread?.close();
  }

  /**
   * Reads sources from folders, files or globs and indexes them, reusing the
   * persistent index (see `cacheDir`) for files whose size and modification time
   * are unchanged.
   */
  static async load(patterns: string[], opts: CorpusOptions = {}): Promise<LoadResult> {
    const t0 = performance.now();
    const root = opts.root ?? commonRoot(patterns, opts.cwd);
    const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
    if (!cacheDir) {
      const { inputs, skipped } = await readSources(patterns, { cwd: opts.cwd, maxFileSize: opts.maxFileSize, signal: opts.signal });
      const corpus = new Corpus({ ...opts, root });
      corpus.skipped = skipped;
      opts.onCorpus?.(corpus);
      await corpus.addAll(inputs, opts);
      if (opts.analysis !== 'deferred') await corpus.analyseAll({ signal: opts.signal, onProgress: opts.onAnalysisProgress });
      corpus.millis = performance.now() - t0;
      return { corpus, skipped };
    }

    const warn = opts.onWarning ?? ((m: string) => console.warn(m));
    const cacheFile = cacheFileFor(cacheDir, {
      patterns,
      cwd: opts.cwd ?? process.cwd(),
      root,
      maxFileSize: opts.maxFileSize ?? null,
      aliases: opts.aliases ?? null,
    });
    // The index file is read by the thread pool while the source files are listed and stat-ed here.
    const reading = readCache<Snapshot>(cacheFile);
    let listing: Awaited<ReturnType<typeof listSources>>;
    try {
      listing = await listSources(patterns, { cwd: opts.cwd, maxFileSize: opts.maxFileSize, signal: opts.signal });
    } finally {
      // Settled either way, so a listing that throws leaves no read behind it.
      await reading;
    }
    const cached = await reading;
    if (!cached.ok && !cached.missing) warn(`Sourcewise: the persistent index ${cacheFile} is damaged (${cached.reason}); rebuilding it.`);
    opts.signal?.throwIfAborted();

    let corpus: Corpus | undefined;
    if (cached.ok) {
      try {
        corpus = Corpus.fromSnapshot(cached.value, opts);
      } catch (err) {
        warn(`Sourcewise: the persistent index ${cacheFile} is unusable (${(err as Error).message}); rebuilding it.`);
      }
    }
    const snapshotSkips = cached.ok && corpus ? cached.value.contentSkips : [];
    corpus ??= new Corpus({ ...opts, root });
    corpus.cacheFile = cacheFile;
    opts.onCorpus?.(corpus);

    // Which files changed: compare size and mtime with what the index was built from.
    const listed = new Map(listing.files.map((f) => [f.path, f]));
    const contentSkips = new Map(snapshotSkips.map((k) => [k.path, k]));
    const c = corpus;
    const known = (p: string): FileStamp | undefined => {
      const id = c.byPath.get(p);
      return id !== undefined ? c.store.docs[id] : contentSkips.get(p);
    };
    const toRead: string[] = [];
    for (const f of listing.files) {
      const k = known(f.path);
      if (!k || k.size !== f.size || k.mtimeMs !== f.mtimeMs) toRead.push(f.path);
    }
    let changed = toRead.length > 0;
    const gone = [...corpus.byPath.keys(), ...snapshotSkips.map((k) => k.path)].filter((p) => !listed.has(p));
    for (const p of gone) {
      corpus.remove(p);
      contentSkips.delete(p);
      changed = true;
    }
    const read = await readFiles(toRead, { maxFileSize: opts.maxFileSize, signal: opts.signal });
    for (const p of toRead) contentSkips.delete(p);
    for (const sk of read.skipped) {
      corpus.remove(sk.path);
      const f = listed.get(sk.path);
      if (f) contentSkips.set(sk.path, { path: sk.path, reason: sk.reason, size: f.size, mtimeMs: f.mtimeMs });
    }
    const skipped = [...listing.skipped, ...[...contentSkips.values()].map(({ path, reason }) => ({ path, reason }))];
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    corpus.skipped = skipped;
    corpus.contentSkips = [...contentSkips.values()];
    await corpus.addAll(read.inputs, opts);
    corpus.dirty = changed || !cached.ok || !corpus;
    if (opts.analysis !== 'deferred') {
      await corpus.analyseAll({ signal: opts.signal, onProgress: opts.onAnalysisProgress });
      corpus.millis = performance.now() - t0;
      await corpus.persist();
    } else {
      corpus.millis = performance.now() - t0;
    }
    return { corpus, skipped };
  }

  /**
   * Writes the persistent index when the corpus has changed since it was read or
   * last written (a corpus loaded with `cacheDir: false` has none). A failure is
   * reported through `onWarning`, never thrown.
   */
  async persist(): Promise<void> {
    if (!this.cacheFile || !this.dirty) return;
    try {
      const version = this.version;
      const snap = await this.snapshot();
      // Changed while the snapshot was taken: it may mix old and new; a later persist writes it.
      if (this.version !== version) return;
      await writeCache(this.cacheFile, snap);
      this.dirty = false;
    } catch (err) {
      this.warn(`Sourcewise: could not write the persistent index ${this.cacheFile}: ${(err as Error).message}`);
    }
  }

  /** Indexes inputs in chunks, yielding to the event loop between chunks. */
  private async addAll(inputs: SourceInput[], opts: CorpusOptions): Promise<void> {
    let done = 0;
    if (opts.onProgress && inputs.length === 0) opts.onProgress(0, 0);
    for (const input of inputs) {
      if (done % CHUNK === 0 && done > 0) {
        await yieldToLoop();
        opts.signal?.throwIfAborted();
      }
      this.index(input);
      done++;
      if (opts.onProgress && (done % 200 === 0 || done === inputs.length)) opts.onProgress(done, inputs.length);
    }
  }

  /** True when every sentence has been analysed. */
  get analysedAll(): boolean {
    return this.pending === 0;
  }

  /**
   * Analyses every sentence not analysed yet, in slices of about 15 ms with a
   * yield to the event loop between them, so requests are answered meanwhile.
   * Sources added while it runs are analysed too. Rejects with the signal's
   * reason when aborted (what is analysed stays analysed).
   */
  async analyseAll(opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
    await this.restoreAnalysis(opts.signal);
    opts.signal?.throwIfAborted();
    const sents = this.store.sents;
    let next = 0;
    let total = this.pending;
    let done = 0;
    while (this.pending > 0) {
      opts.signal?.throwIfAborted();
      const until = performance.now() + SLICE_MS;
      let k = 0;
      while (next < sents.length) {
        const rec = sents[next++];
        if (rec && rec.alive && !rec.isAnalysed) {
          this.analyse(rec);
          done++;
        }
        if (++k % 8 === 0 && performance.now() > until) break;
      }
      if (next >= sents.length) {
        // Everything seen: any sentence still pending was added behind us.
        if (this.pending > 0) next = 0;
      }
      total = Math.max(total, done + this.pending);
      opts.onProgress?.(done, total);
      if (this.pending > 0) await yieldToLoop();
    }
  }

  /**
   * Reads again every source a warm start took from the persistent index because its size and
   * modification time were unchanged, and reindexes those whose text is not the one indexed
   * (CRC-32 against the stored one): a file rewritten with its size and time kept (`touch -r`)
   * gave stale findings. In slices of ~15 ms; resolves with the number of sources reindexed.
   * The language server runs it in the background after a warm start, the command line before
   * it answers.
   */
  async verifySources(opts: { signal?: AbortSignal; maxFileSize?: number } = {}): Promise<number> {
    const docs = this.store.docs;
    let changed = 0;
    let until = performance.now() + SLICE_MS;
    for (let id = 0; id < docs.length; id++) {
      const doc = docs[id];
      const crc = doc ? storedCrc(doc) : NaN;
      if (!doc || Number.isNaN(crc)) continue;
      if (performance.now() > until) {
        await yieldToLoop();
        opts.signal?.throwIfAborted();
        until = performance.now() + SLICE_MS;
      }
      // Replaced or removed meanwhile: nothing to verify.
      if (this.store.docs[id] !== doc) continue;
      const read = readTextFile(doc.path, opts.maxFileSize ?? 5 * 1024 * 1024);
      // Unreadable now: the next load's listing says what became of it.
      if (!read.ok) continue;
      if (crc32(Buffer.from(read.text, 'utf8')) === crc) continue;
      this.upsert({ path: doc.path, text: read.text, size: read.size, mtimeMs: read.mtimeMs });
      changed++;
    }
    return changed;
  }

  /**
   * Reads what a warm start left in the persistent index (source texts, term
   * lists, analyses) without blocking the event loop, so that the first request
   * needing them does not read them itself. `analyseAll` does this first.
   */
  async prefetch(): Promise<void> {
    await this.bulk?.prefetch();
    await this.analysisPart?.prefetch();
  }

  /** The corpus as the persistent index stores it, built in slices between which requests are answered. */
  private async snapshot(): Promise<Snapshot> {
    this.ready();
    const pause = pauseEvery(SLICE_MS);
    const sents = this.store.sents;
    const ents: number[] = [];
    const off: number[] = [];
    const ids: number[] = [];
    // By entity id, so a warm start finds an entity's sentences by binary search (see EntitySentences).
    for (const [e, list] of [...this.entitySents].sort((a, b) => a[0] - b[0])) {
      ents.push(e);
      off.push(ids.length);
      for (let j = 0; j < list.length; j++) if (sents[list[j]!]?.alive) ids.push(list[j]!);
    }
    off.push(ids.length);
    const analysis: AnalysisState = {
      registry: await packRegistry(this.registry.exportState(), v8.serialize, pause),
      roles: this.store.roles.filter((r) => sents[r.sent]?.alive),
      sentences: await encodeAnalyses(sents.length, (i) => (sents[i]?.alive ? sents[i]!.storedRow() : undefined), v8.serialize, pause),
      entityIndex: { ents: Int32Array.from(ents), off: Int32Array.from(off), sents: Int32Array.from(ids) },
    };
    const table = await encodeTable(sents.length, (i) => sents[i], pause);
    const docs = await encodeDocs(this.store.docs, pause);
    const bulk: Bulk = { texts: docs.texts, termIds: table.termIds, stemIds: table.stemIds };
    docs.texts = new Uint8Array(0);
    table.termIds = table.stemIds = new Int32Array(0);
    const wordIds = new Map(table.words.map((w, i) => [w, i]));
    const index = this.store.index.exportState((w) => {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = table.words.length;
        table.words.push(w);
        wordIds.set(w, id);
      }
      return id;
    });
    return {
      root: this.root,
      docs,
      table,
      bulk: deferred(bulk),
      index,
      unanalysed: this.pending,
      analysis: deferred(analysis),
      contentSkips: this.contentSkips,
    };
  }

  private static fromSnapshot(snap: Snapshot, opts: CorpusOptions): Corpus {
    // Everything section 0 decoded to is checked before any of it is used (see cache/validate.ts).
    if (!snap || typeof snap !== 'object') throw new Error('no index in the file');
    if (snap.root !== undefined && typeof snap.root !== 'string') throw new Error('bad root');
    checkDocs(snap.docs);
    checkTable(snap.table, snap.docs);
    checkIndex(snap.index, snap.table.count, snap.table.words.length);
    if (!Number.isSafeInteger(snap.unanalysed) || snap.unanalysed < 0 || snap.unanalysed > snap.table.count) throw new Error('bad count of sentences to analyse');
    if (!Array.isArray(snap.contentSkips) || snap.contentSkips.some((k) => typeof k?.path !== 'string' || typeof k.reason !== 'string' || typeof k.size !== 'number' || typeof k.mtimeMs !== 'number')) {
      throw new Error('bad list of skipped files');
    }
    const corpus = new Corpus({ ...opts, aliases: undefined, root: snap.root });
    corpus.aliases = opts.aliases ?? {};
    const bulk = new OnDemand(
      snap.bulk,
      (reason) => {
        corpus.damaged(`the source texts in the persistent index ${corpus.cacheFile ?? ''} could not be read (${reason}); reading the sources again.`);
        corpus.dirty = true;
        corpus.version++;
      },
      (b) => checkBulk(b, snap.docs, snap.table),
    );
    corpus.bulk = bulk;
    const docs = decodeDocs(snap.docs, () => bulk.get()?.texts, rereadSource, (reason) => {
      // The part holding that text holds the term lists too: none of it is used from now on.
      bulk.discard();
      corpus.damaged(`the persistent index ${corpus.cacheFile ?? ''} is damaged (${reason}); reading the sources again.`);
      corpus.version++;
    });
    corpus.store.docs = docs;
    const t = snap.table;
    const reader = new TableReader(
      t,
      (d) => docs[d]!.text,
      () => bulk.get(),
      (text) => {
        const terms = termsOf(text);
        return { terms: terms.terms, stems: terms.stems };
      },
    );
    const sents: SentRec[] = new Array(t.count);
    for (let i = 0; i < t.count; i++) sents[i] = new SentRec(i, t.doc[i]!, undefined, undefined, corpus, t.alive[i] === 1, reader);
    corpus.docSentsFrom = t;
    corpus.store.sents = sents;
    corpus.store.index = SentenceIndex.fromState(snap.index, t.words);
    docs.forEach((d, id) => d && corpus.byPath.set(d.path, id));
    corpus.pending = snap.unanalysed;
    corpus.analysisPart = new OnDemand(
      snap.analysis,
      (reason) => corpus.analysisFailed(reason),
      (a) => checkAnalysis(a, t.count),
    );
    corpus.dirty = false;
    return corpus;
  }

  /** Whether a damaged part of the persistent index has been reported (once per corpus). */
  private damageReported = false;

  /**
   * Reports damage found in the persistent index, once per corpus however many parts are
   * damaged; the corpus is written again (sound) at the next `persist`.
   */
  private damaged(message: string): void {
    this.dirty = true;
    if (this.damageReported) return;
    this.damageReported = true;
    this.warn(`Sourcewise: ${message}`);
  }

  /**
   * Reads back what analysis the persistent index holds (names, roles, each
   * sentence's analysis), the first time something needs it: what is left of it
   * when `restoreAnalysis` has not decoded it all yet.
   */
  private ready(): void {
    this.restoreSome(Infinity);
  }

  /**
   * The stored analysis could not be read, or part of it turned out damaged after the rest was
   * in use: the index proper was sound; everything the sentences were found to say is
   * forgotten and worked out again (when read, and by `analyseAll`).
   */
  private analysisFailed(reason: string): void {
    this.damaged(`the analysis in the persistent index ${this.cacheFile ?? ''} could not be read (${reason}); analysing the sources again.`);
    this.restoring = undefined;
    this.analysisPart = undefined;
    const registry = new EntityRegistry();
    registry.setAliases(this.aliases);
    registry.onMerge = (from, into) => this.entityMerged(from, into);
    this.reg = registry;
    for (const rec of this.store.sents) rec?.forgetAnalysis();
    this.store.roles = [];
    this.entitySents = new EntitySentences();
    this.entityRoles.clear();
    this.titleRoles = undefined;
    this.counts = { claims: 0, quotes: 0 };
    this.pending = this.store.sents.reduce((n, rec) => n + (rec?.alive ? 1 : 0), 0);
    this.dirty = true;
    this.version++;
  }

  /** The stored analysis while `restoreAnalysis` decodes its registry a slice at a time. */
  private restoring: { state: AnalysisState; registry: RegistryUnpacker<unknown> } | undefined;

  /** Decodes the stored analysis until `deadline` (performance.now()); true when it is all in (or there was none). */
  private restoreSome(deadline: number): boolean {
    if (!this.restoring) {
      const part = this.analysisPart;
      if (!part) return true;
      this.analysisPart = undefined;
      // Unreadable: the part's onFail has set the corpus up to analyse every sentence again.
      const state = part.get();
      if (!state) return true;
      let registry: RegistryUnpacker<unknown>;
      try {
        registry = new RegistryUnpacker(state.registry, (b) => v8.deserialize(b));
      } catch (err) {
        this.analysisFailed((err as Error).message);
        return true;
      }
      this.restoring = { state, registry };
      if (performance.now() >= deadline) return false;
    }
    const { state, registry: unpacker } = this.restoring;
    try {
      if (!unpacker.step(deadline)) return false;
    } catch (err) {
      this.restoring = undefined;
      this.analysisFailed((err as Error).message);
      return true;
    }
    this.restoring = undefined;
    // The rest at once (tens of milliseconds at 100,000 sentences): each sentence learns where its analysis is.
    let registry: EntityRegistry;
    try {
      const unpacked = unpacker.result();
      checkRegistry(unpacked);
      registry = EntityRegistry.fromState(unpacked);
    } catch (err) {
      this.analysisFailed((err as Error).message);
      return true;
    }
    registry.onMerge = (from, into) => this.entityMerged(from, into);
    this.reg = registry;
    this.store.roles = state.roles;
    const reader = new AnalysisReader<SentenceAnalysis, MentionRef[]>(
      state.sentences,
      (b) => v8.deserialize(b),
      checkBlock,
      (reason) => this.analysisFailed(reason),
    );
    for (const rec of this.store.sents) {
      if (!rec?.alive) continue;
      rec.restore(reader);
      if (!reader.analysed(rec.id)) continue;
      this.counts.claims += reader.claims(rec.id);
      this.counts.quotes += reader.quotes(rec.id);
    }
    this.entitySents.restore(state.entityIndex);
    this.entityRoles.clear();
    for (const r of this.store.roles) this.noteRole(r);
    this.titleRoles = undefined;
    return true;
  }

  /**
   * Decodes the analysis a warm start left in the persistent index in slices of ~15 ms, between
   * which requests are answered (one that needs it meanwhile decodes the rest at once).
   * `analyseAll` does this first.
   */
  async restoreAnalysis(signal?: AbortSignal, sliceMs = SLICE_MS): Promise<void> {
    await this.prefetch();
    for (;;) {
      signal?.throwIfAborted();
      if (this.restoreSome(performance.now() + sliceMs)) break;
      await yieldToLoop();
    }
    // The registry's lookup indexes are made again from its names, in slices too: left to the
    // first name a request looked up, they took a second at 19,000 articles.
    await this.reg.prepare(sliceMs, async () => {
      await yieldToLoop();
      signal?.throwIfAborted();
    });
  }

  /** Names and their spellings, merged into entities. */
  get registry(): EntityRegistry {
    this.ready();
    return this.reg;
  }

  /** Indexes sources and analyses every sentence, synchronously. */
  static fromInputs(inputs: SourceInput[], opts: CorpusOptions = {}): Corpus {
    const t0 = performance.now();
    const corpus = new Corpus(opts);
    for (const input of inputs) corpus.index(input);
    for (const rec of corpus.store.sents) if (rec.alive && !rec.isAnalysed) corpus.analyse(rec);
    corpus.millis = performance.now() - t0;
    return corpus;
  }

  /** The loaded sources (the same array until a source is added or removed). */
  get docs(): readonly SourceDoc[] {
    return (this.liveDocs ??= this.store.docs.filter((d): d is SourceDoc => d !== undefined));
  }

  /** Counts of what is indexed. Claims, quotes and roles count analysed sentences only (see `unanalysed`). */
  stats(): IndexStats {
    this.ready();
    return {
      sources: this.docs.length,
      sentences: this.store.index.size,
      entities: this.liveEntities(),
      claims: this.counts.claims,
      quotes: this.counts.quotes,
      roles: this.store.roles.filter((r) => this.store.sents[r.sent]?.alive).length,
      unanalysed: this.pending,
      skipped: this.skipped,
      millis: Math.round(this.millis),
    };
  }

  /** Entities some live sentence mentions or quotes (names only removed sources had do not count). */
  private liveEntities(): number {
    const sents = this.store.sents;
    let n = 0;
    for (const [e, ids] of this.entitySents) {
      if (!this.reg.get(e)) continue;
      for (let j = 0; j < ids.length; j++) {
        if (!sents[ids[j]!]?.alive) continue;
        n++;
        break;
      }
    }
    return n;
  }

  /** Adds or replaces a source. When every other sentence is analysed, so are its. */
  upsert(input: SourceInput): void {
    const complete = this.pending === 0;
    const ids = this.index(input);
    if (complete) for (const id of ids) this.analyse(this.store.sents[id]!);
  }

  remove(path: string): void {
    const id = this.byPath.get(path);
    if (id === undefined) return;
    this.dropDoc(id);
    this.byPath.delete(path);
    this.dirty = true;
  }

  private index(input: SourceInput): number[] {
    const existing = this.byPath.get(input.path);
    if (existing !== undefined) this.dropDoc(existing);
    const id = this.store.docs.length;
    const doc = parseSource(input, id, this.root);
    this.store.docs.push(doc);
    this.liveDocs = undefined;
    this.version++;
    this.byPath.set(input.path, id);
    this.dirty = true;
    return this.indexDoc(doc);
  }

  private dropDoc(id: number): void {
    this.ready();
    let hadRoles = false;
    for (const sid of this.docSents.get(id) ?? []) {
      const rec = this.store.sents[sid]!;
      if (!rec.alive) continue;
      const row = rec.storedRow();
      if (row?.analysed) {
        this.counts.claims -= row.claims;
        this.counts.quotes -= row.quotes;
      }
      rec.alive = false;
      if (!rec.isAnalysed) this.pending--;
      this.store.index.delete(sid, rec.terms.terms);
      hadRoles ||= rec.isAnalysed;
    }
    if (hadRoles) this.store.roles = this.store.roles.filter((r) => this.store.sents[r.sent]!.alive);
    this.docSents.delete(id);
    this.store.docs[id] = undefined;
    this.liveDocs = undefined;
    this.version++;
  }

  /** Splits a source into sentences and posts their search terms. Returns the new sentence ids. */
  private indexDoc(doc: SourceDoc): number[] {
    const ids: number[] = [];
    for (const sent of splitSentences(doc.text, doc.body)) {
      const terms = termsOf(sent.text);
      const id = this.store.index.add(terms.terms);
      // Source sentences never need their synonym-class map (only a draft's is read).
      this.store.sents[id] = new SentRec(id, doc.id, sent, { terms: terms.terms, stems: terms.stems }, this);
      this.pending++;
      ids.push(id);
    }
    this.docSents.set(doc.id, ids);
    return ids;
  }

  /** Registers the names a sentence mentions (once). */
  private mentionsOf(rec: SentRec): MentionRef[] {
    if (rec.mentionRefs) return rec.mentionRefs;
    let refs: MentionRef[];
    try {
      refs = registerMentions(rec.sent.text, this.registry);
    } catch {
      refs = [];
    }
    rec.mentionRefs = refs;
    for (const m of refs) this.noteEntitySentence(m.entity, rec.id);
    return refs;
  }

  private noteEntitySentence(entity: number, id: number): void {
    let list = this.entitySents.get(entity);
    if (!list) this.entitySents.set(entity, (list = []));
    const last = list[list.length - 1];
    if (last === id) return;
    if (last === undefined || last < id) list.push(id);
    else if (!list.includes(id)) insertSorted(list, id, sameId);
  }

  /** Analyses one sentence (see ./analysis); the `Analyser` of every `SentRec`. */
  analyse(rec: SentRec): SentenceAnalysis {
    this.ready();
    if (rec.isAnalysed) return rec.analysis!;
    const sents = this.store.sents;
    const ids = this.docSents.get(rec.doc);
    const first = ids?.[0] ?? rec.id;
    const count = ids?.length ?? 1;
    const pos = rec.id - first;
    // Quotations may name their speaker in an earlier sentence: the three before
    // this sentence's paragraph and those of the paragraph up to it.
    let p = pos;
    while (p > 0 && sents[first + p - 1]!.paragraph === rec.paragraph) p--;
    const previous: string[] = [];
    for (let k = Math.max(0, p - 3); k < pos; k++) {
      const r = sents[first + k]!;
      this.mentionsOf(r);
      previous.push(r.sent.text);
    }
    const after = pos + 1 < count ? sents[first + pos + 1] : undefined;
    if (after && findSocialPostAuthor(after.sent.text)) this.mentionsOf(after);
    // A quotation's speaker may be named in the sentences after it ("“…. …,” said X"; "He said."):
    // those of its paragraph, when it has quotation marks or is inside a quotation.
    const next: string[] = [];
    if (/["“”„]/.test(rec.sent.text) || previous.some((t) => /["“”„]/.test(t))) {
      for (let k = pos + 1; k < count && k <= pos + QUOTE_AHEAD; k++) {
        const r = sents[first + k]!;
        if (r.paragraph !== rec.paragraph) break;
        this.mentionsOf(r);
        next.push(r.sent.text);
      }
    }
    const mentions = this.mentionsOf(rec);
    let found: { analysis: SentenceAnalysis; roles: RoleFinding[] };
    try {
      found = analyseSentence(
        rec.sent.text,
        mentions,
        { date: this.store.docs[rec.doc]?.date, previous, inParagraph: pos - p, next, before: pos > 0 ? sents[first + pos - 1]!.sent.text : undefined, after: after?.sent.text },
        this.registry,
      );
    } catch {
      found = { analysis: { claims: [], quotes: [], mentions, negations: 0 }, roles: [] };
    }
    rec.analysis = found.analysis;
    this.version++;
    if (!rec.alive) return rec.analysis;
    this.pending--;
    this.counts.claims += found.analysis.claims.length;
    this.counts.quotes += found.analysis.quotes.length;
    this.dirty = true;
    for (const r of found.roles) {
      const role: RoleRec = { ...r, sent: rec.id };
      insertSorted(this.store.roles, role, bySent);
      this.noteRole(role);
      this.noteTitle(role);
    }
    this.noteSentence(rec);
    return rec.analysis;
  }

  /** Records the entities a sentence mentions or quotes as speakers. */
  private noteSentence(rec: SentRec): void {
    for (const m of rec.mentionRefs ?? []) this.noteEntitySentence(m.entity, rec.id);
    for (const q of rec.analysis?.quotes ?? []) if (q.speaker !== undefined) this.noteEntitySentence(q.speaker, rec.id);
  }

  private noteRole(role: RoleRec): void {
    let list = this.entityRoles.get(role.entity);
    if (!list) this.entityRoles.set(role.entity, (list = []));
    insertSorted(list, role, bySent);
  }

  /**
   * An entity was merged into another (a full name seen after its surname alone,
   * say): what was recorded under its id moves to the surviving one.
   */
  private entityMerged(from: number, into: number): void {
    const sentIds = this.entitySents.get(from) ?? [];
    const roles = this.entityRoles.get(from) ?? [];
    this.entitySents.delete(from);
    this.entityRoles.delete(from);
    for (const id of sentIds) {
      const rec = this.store.sents[id]!;
      for (const m of rec.mentionRefs ?? []) if (m.entity === from) m.entity = into;
      for (const q of rec.analysis?.quotes ?? []) if (q.speaker === from) q.speaker = into;
      this.noteEntitySentence(into, id);
    }
    for (const r of roles) {
      r.entity = into;
      this.noteRole(r);
    }
    this.dirty = true;
    this.version++;
  }

  /**
   * Analyses the not yet analysed sentences that best match some words (any of
   * them, close spellings included), up to a cap. Nothing to do once every
   * sentence is analysed.
   */
  private analyseMatching(words: string): void {
    this.ready();
    if (this.pending === 0) return;
    const index = this.store.index;
    const terms = new Set<string>();
    for (const t of termsOf(words).terms) {
      if (t.startsWith('#')) continue;
      terms.add(t);
      // Other spellings of the word in the sources ("zelenskyy" for "zelensky").
      for (const f of index.fuzzyTerms(t, 4)) terms.add(f);
    }
    if (terms.size === 0) return;
    const sents = this.store.sents;
    const hits = index.search([...terms], LOOKUP_ANALYSIS_CAP, (id) => !sents[id]!.isAnalysed);
    for (const h of hits) {
      const rec = sents[h.id]!;
      if (!rec.alive) continue;
      if (!rec.isAnalysed) this.analyse(rec);
      // A quotation in a later sentence may name its speaker here ("…,” he said): analyse
      // the sentences whose look-back window holds this one (see `analyse`).
      let beyond = 0;
      for (let id = rec.id + 1; id <= rec.id + 8; id++) {
        const next = sents[id];
        if (!next || next.doc !== rec.doc || !next.alive) break;
        if (next.paragraph !== rec.paragraph && ++beyond > 3) break;
        if (!next.isAnalysed) this.analyse(next);
      }
    }
  }

  /** Every way the sources may write a name: as given, its place spellings and the writer's aliases. */
  private spellings(name: string): string {
    const out = new Set(placeSpellings(name));
    const key = normalizePhrase(name);
    for (const [canonical, variants] of Object.entries(this.aliases)) {
      const all = [canonical, ...variants];
      if (all.some((v) => normalizePhrase(v.replace(/^@/, '')) === key)) for (const v of all) out.add(v.replace(/^@/, ''));
    }
    return [...out].join(' ');
  }

  /** The entity a name (any spelling, surname, handle, demonym or alias) refers to. */
  resolve(name: string): Entity | undefined {
    if (this.pending > 0) this.analyseMatching(this.spellings(name));
    return this.registry.resolve(name);
  }

  /** Role records by `titleKey`, in sentence order: made on first use, then kept up as sentences are analysed. */
  private titleRoles: Map<string, RoleRec[]> | undefined;

  private noteTitle(role: RoleRec): void {
    const byKey = this.titleRoles;
    if (!byKey) return;
    const k = titleKey(role.norm);
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    insertSorted(list, role, bySent);
  }

  /**
   * The role records `rolesConflict` may call the same office as `role` (those of its `titleKey`),
   * among the analysed sentences and those with the title's words, in sentence order: a check
   * compares a draft's title with these, not with every role of the corpus (8,000 at Reuters).
   */
  rolesLike(role: { title: string; norm: string }): RoleRec[] {
    this.ready();
    this.analyseMatching(role.title);
    if (!this.titleRoles) {
      this.titleRoles = new Map();
      for (const r of this.store.roles) this.noteTitle(r);
    }
    return (this.titleRoles.get(titleKey(role.norm)) ?? []).filter((r) => this.store.sents[r.sent]?.alive);
  }

  /** The loaded source with this path (constant time; for checks that hold an Evidence's path). */
  docByPath(path: string): SourceDoc | undefined {
    const id = this.byPath.get(path);
    return id === undefined ? undefined : this.store.docs[id];
  }

  /** Live role records of an entity, in sentence order. */
  rolesOf(entity: number): RoleRec[] {
    this.ready();
    return (this.entityRoles.get(entity) ?? []).filter((r) => this.store.sents[r.sent]?.alive);
  }

  check(text: string, options: CheckOptions = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): Diagnostic[] {
    return checkDraft(this, text, options, languageId);
  }

  /**
   * `check` in slices of ~15 ms with a turn of the event loop between them (what the language
   * server runs, so requests are answered while a long draft is checked). Rejects with the
   * signal's reason when aborted.
   */
  checkSliced(
    text: string,
    options: CheckOptions = {},
    languageId: 'markdown' | 'plaintext' = 'markdown',
    slice: { signal?: AbortSignal; sliceMs?: number } = {},
  ): Promise<Diagnostic[]> {
    return checkDraftSliced(this, text, options, languageId, { sliceMs: SLICE_MS, ...slice });
  }

  citeSentences(text: string, options: { line?: number; limit?: number } = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): SentenceCitations[] {
    return citeSentences(this, text, options, languageId);
  }

  citeText(sentence: string, limit = 5): CitationCandidate[] {
    return citeText(this, sentence, limit);
  }

  facts(name: string): FactSheet | undefined {
    // factSheet reads every sentence and role record; give it only those of the
    // entity (the rest cannot contribute), in the same order.
    const ent = this.resolve(name.trim());
    if (!ent) return undefined;
    const all = this.store.sents;
    const relevant: SentRec[] = [];
    for (const id of this.entitySents.get(ent.id) ?? []) if (all[id]?.alive) relevant.push(all[id]!);
    const roles = this.rolesOf(ent.id);
    const sents = { [Symbol.iterator]: () => relevant[Symbol.iterator]() } as unknown as SentRec[];
    for (const r of roles) sents[r.sent] = all[r.sent]!;
    const view = { registry: this.registry, resolve: () => ent, store: { ...this.store, sents, roles } } as unknown as Corpus;
    return factSheet(view, name);
  }

  nameAt(text: string, offset: number): { name: string; span: Span } | undefined {
    const sentences = checkUnits(text, 'markdown');
    const s = sentences.find((x) => x.start <= offset && offset <= x.end);
    if (!s) return undefined;
    for (const m of findMentions(s.text)) {
      const start = s.start + m.start;
      const end = s.start + m.end;
      if (offset < start || offset > end) continue;
      const ent = this.resolve(m.text);
      if (!ent) return undefined;
      return { name: ent.name, span: { start, end } };
    }
    return undefined;
  }

  figureAt(text: string, offset: number): FigureReport | undefined {
    return figureReport(this, text, offset);
  }
}

function commonRoot(patterns: string[], cwd?: string): string | undefined {
  if (patterns.length !== 1) return cwd;
  const p = patterns[0]!;
  if (/[*?{[]/.test(p)) return cwd;
  return p;
}

export { draftSentences };
