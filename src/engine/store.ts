/**
 * The indexed corpus: per-sentence records (terms, claims, quotes, names,
 * roles) and the lookups the checks and hover cards need. Built by corpus.ts.
 */
import type { Claim } from './claims';
import type { SentenceIndex, Terms } from './citations/retrieval';
import type { MentionRef, SentenceAnalysis } from './analysis';
import type { AnalysisReader, AnalysisRow, TableReader } from './cache/table';
import type { Evidence, Sentence, SourceDoc } from './types';

export interface SourceQuote {
  /** Quoted words as written. */
  text: string;
  /** Offsets of the words within the sentence. */
  start: number;
  end: number;
  speaker?: number;
  speakerText?: string;
  speakerKind: 'named' | 'descriptor' | 'pronoun' | 'unknown' | 'post';
  /** Parts of one quotation split by its attribution ("“A,” he said, “B.”") share a group. */
  group?: number;
  /** The quotation goes on in the next sentence. */
  open?: boolean;
  /** The quotation began in an earlier sentence. */
  continued?: boolean;
}

export interface RoleRec {
  entity: number;
  title: string;
  norm: string;
  country?: string;
  /** Organisation or jurisdiction the title is of ("Kremlin", "Port Authority", "Florida"). */
  org?: string;
  former: boolean;
  /** Held at the time the source tells of ("then-Governor"): neither current nor former. */
  then?: boolean;
  occupation: boolean;
  sent: number;
}

/** Analyses a source sentence on first use (see ../analysis). */
export interface Analyser {
  analyse(rec: SentRec): SentenceAnalysis;
}

/**
 * A source sentence in the index: where it is, its search terms, and (once
 * analysed, see ../analysis) its claims, quotes and names. Reading `claims`,
 * `quotes`, `mentions` or `negations` analyses the sentence if that has not
 * happened yet.
 */
export class SentRec {
  private analysisCache: SentenceAnalysis | undefined;
  private refsCache: MentionRef[] | undefined;
  /** The persistent index's record of this sentence's analysis, until it is read. */
  private stored: AnalysisReader<SentenceAnalysis, MentionRef[]> | undefined;
  private termSetCache: Set<string> | undefined;
  private sentCache: Sentence | undefined;
  private termsCache: Terms | undefined;

  /**
   * A sentence read back from the persistent index passes its `table` row
   * instead of `sent` and `terms`, which are made when first read.
   */
  constructor(
    readonly id: number,
    readonly doc: number,
    sent: Sentence | undefined,
    terms: Terms | undefined,
    private readonly analyser: Analyser,
    public alive = true,
    private readonly table?: TableReader,
  ) {
    this.sentCache = sent;
    this.termsCache = terms;
  }

  /** Attaches the persistent index's analysis of this sentence, read when first needed. */
  restore(stored: AnalysisReader<SentenceAnalysis, MentionRef[]>): void {
    if (stored.has(this.id)) this.stored = stored;
  }

  private load(): void {
    const stored = this.stored!;
    this.stored = undefined;
    const row = stored.read(this.id);
    // Found damaged: the corpus has forgotten every stored analysis (see forgetAnalysis); this
    // sentence is analysed again when read.
    if (!row) return;
    const [analysis, refs] = row;
    this.refsCache ??= refs;
    // A sentence with nothing in it is stored as no bytes.
    this.analysisCache ??= analysis ?? (stored.analysed(this.id) ? { claims: [], quotes: [], mentions: this.refsCache ?? [], negations: 0 } : undefined);
  }

  /** Drops the sentence's analysis, stored or made (the corpus analyses its sentences again). */
  forgetAnalysis(): void {
    this.stored = undefined;
    this.analysisCache = undefined;
    this.refsCache = undefined;
  }

  /** Set when the sentence has been analysed. */
  get analysis(): SentenceAnalysis | undefined {
    if (this.stored) this.load();
    return this.analysisCache;
  }

  set analysis(a: SentenceAnalysis | undefined) {
    if (this.stored) this.load();
    this.analysisCache = a;
  }

  /** Entities the sentence mentions, registered before its full analysis (pronoun speakers of later sentences need them). */
  get mentionRefs(): MentionRef[] | undefined {
    if (this.stored) this.load();
    return this.refsCache;
  }

  set mentionRefs(refs: MentionRef[] | undefined) {
    if (this.stored) this.load();
    this.refsCache = refs;
  }

  /** Whether the sentence has been analysed, without reading a stored analysis. */
  get isAnalysed(): boolean {
    return this.analysisCache !== undefined || (this.stored?.analysed(this.id) ?? false);
  }

  /** The analysis as the persistent index should store it, without reading a stored one. */
  storedRow(): AnalysisRow<SentenceAnalysis, MentionRef[]> | undefined {
    const st = this.stored;
    if (st) return { analysis: undefined, mentionRefs: undefined, from: st, analysed: st.analysed(this.id), claims: st.claims(this.id), quotes: st.quotes(this.id) };
    const a = this.analysisCache;
    const refs = this.refsCache;
    if (!a && !refs) return undefined;
    const empty = !!a && a.claims.length === 0 && a.quotes.length === 0 && a.mentions.length === 0 && a.negations === 0 && (!refs || refs.length === 0);
    return {
      analysis: empty ? undefined : a,
      mentionRefs: empty ? undefined : refs,
      analysed: !!a,
      claims: a?.claims.length ?? 0,
      quotes: a?.quotes.length ?? 0,
    };
  }

  get sent(): Sentence {
    return (this.sentCache ??= this.table!.sentence(this.id));
  }

  get terms(): Terms {
    return (this.termsCache ??= this.table!.terms(this.id));
  }

  /** The sentence's paragraph number (without making its objects when read from the persistent index). */
  get paragraph(): number {
    return this.sentCache ? this.sentCache.paragraph : this.table!.paragraph(this.id);
  }

  get termSet(): Set<string> {
    return (this.termSetCache ??= new Set(this.terms.terms));
  }

  analysed(): SentenceAnalysis {
    return this.analysis ?? this.analyser.analyse(this);
  }

  get claims(): Claim[] {
    return this.analysed().claims;
  }

  get quotes(): SourceQuote[] {
    return this.analysed().quotes;
  }

  /** Entity ids mentioned, with offsets in the sentence. */
  get mentions(): MentionRef[] {
    return this.analysed().mentions;
  }

  /** Number of negating words in the sentence. */
  get negations(): number {
    return this.analysed().negations;
  }
}

export interface Store {
  docs: (SourceDoc | undefined)[];
  sents: SentRec[];
  index: SentenceIndex;
  roles: RoleRec[];
}

/** Evidence record for a source sentence. */
export function evidenceOf(store: Store, rec: SentRec, says?: string, stance?: Evidence['stance']): Evidence {
  const doc = store.docs[rec.doc]!;
  return {
    source: doc.file,
    path: doc.path,
    outlet: doc.outlet,
    name: sourceName(doc),
    line: rec.sent.line,
    character: rec.sent.character,
    text: rec.sent.text,
    says,
    stance,
  };
}

/** Longest title used as a source's name before it is shortened. */
const NAME_TITLE_MAX = 60;

/**
 * A file name as a reader can take it in: no folders, no extension, and a long
 * hexadecimal hash cut to its first characters ("001_01a9af86f3416eef.txt" → "001_01a9af…").
 */
export function shortFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || base;
  return stem.replace(/[0-9a-f]{12,}/gi, (hex) => (/\d/.test(hex) && /[a-f]/i.test(hex) ? `${hex.slice(0, 6)}…` : hex));
}

/** Name to show for a source wherever it is named: its outlet, else its title, else a short form of its file name. */
export function sourceName(doc: Pick<SourceDoc, 'outlet' | 'title' | 'file'>): string {
  if (doc.outlet?.trim()) return doc.outlet.trim();
  const title = doc.title?.replace(/\s+/g, ' ').trim();
  if (title) {
    if (title.length <= NAME_TITLE_MAX) return title;
    const cut = title.slice(0, NAME_TITLE_MAX - 1);
    return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return shortFileName(doc.file);
}

/** Name to show for a source (see `sourceName`); the checks' messages use it. */
export function outletName(doc: SourceDoc): string {
  return sourceName(doc);
}

/** The name an evidence's source goes by (outlet, title or short file name). */
export function evidenceName(ev: Pick<Evidence, 'name' | 'outlet' | 'source'>): string {
  return ev.name ?? ev.outlet ?? shortFileName(ev.source);
}
