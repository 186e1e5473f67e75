/**
 * Corpus: the engine's entry point. Loads and indexes sources, then checks
 * drafts, suggests citations and answers "what do the sources say about X".
 */
import type { CheckOptions, Engine, FactSheet, FigureReport } from './api';
import { checkDraft, figureReport } from './check';
import { citeSentences, citeText } from './citations';
import { SentenceIndex, termsOf, type IndexState } from './citations/retrieval';
import { cacheFileFor, defaultCacheDir, readCache, writeCache } from './cache';
import { claimsOf } from './claims';
import { EntityRegistry, findMentions, findRoles, type RegistryState } from './entities';
import { factSheet } from './facts';
import { findQuotes, findSocialPostAuthor } from './quotes';
import { parseQuantities, resolveRelativeDate, type Quantity } from './quantities';
import { draftSentences, splitSentences } from './sentences';
import { parseSource, readSources } from './sources';
import { listSources, readFiles } from './sources/read';
import type { RoleRec, SentRec, SourceQuote, Store } from './store';
import { NEGATIONS } from './claims/lexicon';
import { tokenize } from './text/tokens';
import type {
  CitationCandidate,
  Diagnostic,
  IndexStats,
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
}

/** Files indexed per chunk between yields to the event loop. */
const CHUNK = 32;

interface FileStamp {
  size?: number;
  mtimeMs?: number;
}

interface Snapshot {
  root?: string;
  docs: (SourceDoc | undefined)[];
  sents: SentRec[];
  roles: RoleRec[];
  index: IndexState;
  registry: RegistryState<unknown>;
  byPath: Map<string, number>;
  docSents: Map<number, number[]>;
  /** Files skipped for their content (binary, not UTF-8), with their stamps. */
  contentSkips: { path: string; reason: string; size: number; mtimeMs: number }[];
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface LoadResult {
  corpus: Corpus;
  skipped: { path: string; reason: string }[];
}

function safeQuantities(text: string): Quantity[] {
  try {
    return parseQuantities(text);
  } catch {
    return [];
  }
}

export class Corpus implements Engine {
  readonly store: Store;
  readonly registry: EntityRegistry;
  private byPath = new Map<string, number>();
  /** Stored entity id → ids of sentences that mention it or quote it as speaker (ascending). */
  private entitySents = new Map<number, number[]>();
  /** Stored entity id → its role records (in `store.roles` order; dropped ones filtered on use). */
  private entityRoles = new Map<number, RoleRec[]>();
  private docSents = new Map<number, number[]>();
  private skipped: { path: string; reason: string }[] = [];
  private millis = 0;
  private root?: string;

  private constructor(opts: CorpusOptions = {}) {
    this.store = { docs: [], sents: [], index: new SentenceIndex(), roles: [] };
    this.registry = new EntityRegistry();
    if (opts.aliases) this.registry.setAliases(opts.aliases);
    this.root = opts.root;
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
    const listing = await listSources(patterns, { cwd: opts.cwd, maxFileSize: opts.maxFileSize, signal: opts.signal });
    const cached = await readCache<Snapshot>(cacheFile);
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
    opts.onCorpus?.(corpus);

    // Which files changed: compare size and mtime with what the index was built from.
    const listed = new Map(listing.files.map((f) => [f.path, f]));
    const known = new Map<string, FileStamp>();
    for (const d of corpus.store.docs) if (d) known.set(d.path, d);
    const contentSkips = new Map(snapshotSkips.map((k) => [k.path, k]));
    for (const k of snapshotSkips) known.set(k.path, k);
    const toRead: string[] = [];
    for (const f of listing.files) {
      const k = known.get(f.path);
      if (!k || k.size !== f.size || k.mtimeMs !== f.mtimeMs) toRead.push(f.path);
    }
    let changed = toRead.length > 0;
    for (const p of known.keys()) {
      if (listed.has(p)) continue;
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
    await corpus.addAll(read.inputs, opts);
    corpus.millis = performance.now() - t0;
    if (changed || !cached.ok) {
      try {
        await writeCache(cacheFile, corpus.snapshot([...contentSkips.values()]));
      } catch (err) {
        warn(`Sourcewise: could not write the persistent index ${cacheFile}: ${(err as Error).message}`);
      }
    }
    return { corpus, skipped };
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
      this.upsert(input);
      done++;
      if (opts.onProgress && (done % 200 === 0 || done === inputs.length)) opts.onProgress(done, inputs.length);
    }
  }

  private snapshot(contentSkips: Snapshot['contentSkips']): Snapshot {
    return {
      root: this.root,
      docs: this.store.docs,
      sents: this.store.sents,
      roles: this.store.roles,
      index: this.store.index.exportState(),
      registry: this.registry.exportState(),
      byPath: this.byPath,
      docSents: this.docSents,
      contentSkips,
    };
  }

  private static fromSnapshot(snap: Snapshot, opts: CorpusOptions): Corpus {
    const corpus = new Corpus({ ...opts, aliases: undefined, root: snap.root });
    corpus.store.docs = snap.docs;
    corpus.store.sents = snap.sents;
    corpus.store.roles = snap.roles;
    corpus.store.index = SentenceIndex.fromState(snap.index);
    (corpus as { registry: EntityRegistry }).registry = EntityRegistry.fromState(snap.registry);
    corpus.byPath = snap.byPath;
    corpus.docSents = snap.docSents;
    corpus.rebuildEntityIndex();
    return corpus;
  }

  static fromInputs(inputs: SourceInput[], opts: CorpusOptions = {}): Corpus {
    const t0 = performance.now();
    const corpus = new Corpus(opts);
    for (const input of inputs) corpus.upsert(input);
    corpus.millis = performance.now() - t0;
    return corpus;
  }

  get docs(): readonly SourceDoc[] {
    return this.store.docs.filter((d): d is SourceDoc => d !== undefined);
  }

  stats(): IndexStats {
    let sentences = 0;
    let claims = 0;
    let quotes = 0;
    for (const s of this.store.sents) {
      if (!s.alive) continue;
      sentences++;
      claims += s.claims.length;
      quotes += s.quotes.length;
    }
    return {
      sources: this.docs.length,
      sentences,
      entities: this.registry.all().length,
      claims,
      quotes,
      roles: this.store.roles.filter((r) => this.store.sents[r.sent]?.alive).length,
      skipped: this.skipped,
      millis: Math.round(this.millis),
    };
  }

  upsert(input: SourceInput): void {
    const existing = this.byPath.get(input.path);
    if (existing !== undefined) this.dropDoc(existing);
    const id = this.store.docs.length;
    const doc = parseSource(input, id, this.root);
    this.store.docs.push(doc);
    this.byPath.set(input.path, id);
    this.indexDoc(doc);
  }

  remove(path: string): void {
    const id = this.byPath.get(path);
    if (id === undefined) return;
    this.dropDoc(id);
    this.byPath.delete(path);
  }

  private dropDoc(id: number): void {
    for (const sid of this.docSents.get(id) ?? []) {
      const rec = this.store.sents[sid]!;
      rec.alive = false;
      this.store.index.delete(sid, rec.terms.terms);
    }
    this.store.roles = this.store.roles.filter((r) => this.store.sents[r.sent]!.alive);
    this.docSents.delete(id);
    this.store.docs[id] = undefined;
  }

  private indexDoc(doc: SourceDoc): void {
    const sentences = splitSentences(doc.text, doc.body);
    const ids: number[] = [];
    let paragraph = -1;
    let previous: string[] = [];
    const recs: SentRec[] = [];
    for (const sent of sentences) {
      if (sent.paragraph !== paragraph) {
        paragraph = sent.paragraph;
        if (previous.length > 3) previous = previous.slice(-3);
      }
      const terms = termsOf(sent.text);
      const id = this.store.index.add(terms.terms);
      const quantities = safeQuantities(sent.text);
      if (doc.date) {
        for (const q of quantities) if (q.date?.relative || (q.date?.weekday !== undefined && q.date.day === undefined)) {
          try {
            q.date = resolveRelativeDate(q.date, doc.date);
          } catch {
            /* leave unresolved */
          }
        }
      }
      const mentions = findMentions(sent.text).map((m) => ({
        entity: this.registry.add(m).id,
        start: m.start,
        end: m.end,
      }));
      const quotes: SourceQuote[] = [];
      for (const q of findQuotes(sent.text, { previous })) {
        const ent = q.speaker && q.speakerKind !== 'descriptor' ? this.registry.resolve(q.speaker) : undefined;
        quotes.push({
          text: q.text,
          start: q.start,
          end: q.end,
          speaker: ent?.id,
          speakerText: q.speaker,
          speakerKind: q.speakerKind,
        });
      }
      const tokens = tokenize(sent.text);
      const rec: SentRec = {
        id,
        doc: doc.id,
        sent,
        terms,
        termSet: new Set(terms.terms),
        claims: claimsOf(sent.text, quantities),
        quotes,
        mentions,
        negations: tokens.filter((t) => NEGATIONS.has(t.norm) || t.norm.endsWith("n't")).length,
        alive: true,
      };
      this.store.sents[id] = rec;
      recs.push(rec);
      ids.push(id);
      for (const r of findRoles(sent.text)) {
        const ent = this.registry.resolve(r.person);
        if (!ent) continue;
        const role: RoleRec = {
          entity: ent.id,
          title: r.title,
          norm: r.norm,
          country: r.country,
          former: r.former,
          occupation: !!r.occupation,
          sent: id,
        };
        this.store.roles.push(role);
        this.noteRole(role);
      }
      previous.push(sent.text);
    }
    // Embedded social posts: "— Name (@handle) date" lines sign the post around them.
    for (let i = 0; i < recs.length; i++) {
      const author = findSocialPostAuthor(recs[i]!.sent.text);
      if (!author) continue;
      const ent = this.registry.resolve(author.name);
      const sign = (r: SentRec | undefined) => {
        if (!r || findSocialPostAuthor(r.sent.text)) return;
        r.quotes.push({
          text: r.sent.text,
          start: 0,
          end: r.sent.text.length,
          speaker: ent?.id,
          speakerText: author.name,
          speakerKind: 'post',
        });
      };
      sign(recs[i - 1]);
      const next = recs[i + 1];
      if (next && /pic\.twitter\.com|t\.co\//.test(next.sent.text)) sign(next);
    }
    this.docSents.set(doc.id, ids);
    for (const rec of recs) this.noteSentence(rec);
  }

  private noteSentence(rec: SentRec): void {
    const ents = new Set<number>();
    for (const m of rec.mentions) ents.add(m.entity);
    for (const q of rec.quotes) if (q.speaker !== undefined) ents.add(q.speaker);
    for (const e of ents) {
      let list = this.entitySents.get(e);
      if (!list) this.entitySents.set(e, (list = []));
      list.push(rec.id);
    }
  }

  private noteRole(role: RoleRec): void {
    let list = this.entityRoles.get(role.entity);
    if (!list) this.entityRoles.set(role.entity, (list = []));
    list.push(role);
  }

  private rebuildEntityIndex(): void {
    this.entitySents.clear();
    this.entityRoles.clear();
    for (const rec of this.store.sents) if (rec?.alive) this.noteSentence(rec);
    for (const r of this.store.roles) this.noteRole(r);
  }

  /** The loaded source with this path (constant time; for checks that hold an Evidence's path). */
  docByPath(path: string): SourceDoc | undefined {
    const id = this.byPath.get(path);
    return id === undefined ? undefined : this.store.docs[id];
  }

  /** Live role records stored under an entity id, in `store.roles` order. */
  rolesOf(entity: number): RoleRec[] {
    return (this.entityRoles.get(entity) ?? []).filter((r) => this.store.sents[r.sent]?.alive);
  }

  check(text: string, options: CheckOptions = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): Diagnostic[] {
    return checkDraft(this, text, options, languageId);
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
    const ent = this.registry.resolve(name.trim());
    if (!ent) return undefined;
    const all = this.store.sents;
    const relevant: SentRec[] = [];
    for (const id of this.entitySents.get(ent.id) ?? []) if (all[id]?.alive) relevant.push(all[id]!);
    const roles = (this.entityRoles.get(ent.id) ?? []).filter((r) => all[r.sent]?.alive);
    const sents = { [Symbol.iterator]: () => relevant[Symbol.iterator]() } as unknown as SentRec[];
    for (const r of roles) sents[r.sent] = all[r.sent]!;
    const view = { registry: this.registry, store: { ...this.store, sents, roles } } as unknown as Corpus;
    return factSheet(view, name);
  }

  nameAt(text: string, offset: number): { name: string; span: Span } | undefined {
    const sentences = draftSentences(text, 'markdown');
    const s = sentences.find((x) => x.start <= offset && offset <= x.end);
    if (!s) return undefined;
    for (const m of findMentions(s.text)) {
      const start = s.start + m.start;
      const end = s.start + m.end;
      if (offset < start || offset > end) continue;
      const ent = this.registry.resolve(m.text);
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
