/**
 * Corpus: the engine's entry point. Loads and indexes sources, then checks
 * drafts, suggests citations and answers "what do the sources say about X".
 */
import type { CheckOptions, Engine, FactSheet, FigureReport } from './api';
import { checkDraft, figureReport } from './check';
import { citeSentences, citeText } from './citations';
import { SentenceIndex, termsOf } from './citations/retrieval';
import { claimsOf } from './claims';
import { EntityRegistry, findMentions, findRoles } from './entities';
import { factSheet } from './facts';
import { findQuotes, findSocialPostAuthor } from './quotes';
import { parseQuantities, resolveRelativeDate, type Quantity } from './quantities';
import { draftSentences, splitSentences } from './sentences';
import { parseSource, readSources } from './sources';
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
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

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

  /** Reads sources from folders, files or globs and indexes them. */
  static async load(patterns: string[], opts: CorpusOptions = {}): Promise<LoadResult> {
    const t0 = performance.now();
    const { inputs, skipped } = await readSources(patterns, {
      cwd: opts.cwd,
      maxFileSize: opts.maxFileSize,
      signal: opts.signal,
    });
    const corpus = new Corpus({ ...opts, root: opts.root ?? commonRoot(patterns, opts.cwd) });
    corpus.skipped = skipped;
    let done = 0;
    for (const input of inputs) {
      if (opts.signal?.aborted) break;
      corpus.upsert(input);
      done++;
      if (opts.onProgress && (done % 200 === 0 || done === inputs.length)) opts.onProgress(done, inputs.length);
    }
    corpus.millis = performance.now() - t0;
    return { corpus, skipped };
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
      this.store.index.delete(sid);
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
    return factSheet(this, name);
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
