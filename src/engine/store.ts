/**
 * The indexed corpus: per-sentence records (terms, claims, quotes, names,
 * roles) and the lookups the checks and hover cards need. Built by corpus.ts.
 */
import type { Claim } from './claims';
import type { SentenceIndex, Terms } from './citations/retrieval';
import type { MentionRef, SentenceAnalysis } from './analysis';
import type { TableReader } from './cache/table';
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
}

export interface RoleRec {
  entity: number;
  title: string;
  norm: string;
  country?: string;
  former: boolean;
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
  /** Set when the sentence has been analysed. */
  analysis: SentenceAnalysis | undefined;
  /** Entities the sentence mentions, registered before its full analysis (pronoun speakers of later sentences need them). */
  mentionRefs: MentionRef[] | undefined;
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
    line: rec.sent.line,
    character: rec.sent.character,
    text: rec.sent.text,
    says,
    stance,
  };
}

/** Name to show for a source: its outlet, else its file name. */
export function outletName(doc: SourceDoc): string {
  return doc.outlet ?? doc.file;
}
