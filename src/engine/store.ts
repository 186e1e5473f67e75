/**
 * The indexed corpus: per-sentence records (terms, claims, quotes, names,
 * roles) and the lookups the checks and hover cards need. Built by corpus.ts.
 */
import type { Claim } from './claims';
import type { SentenceIndex, Terms } from './citations/retrieval';
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

export interface SentRec {
  id: number;
  doc: number;
  sent: Sentence;
  terms: Terms;
  termSet: Set<string>;
  claims: Claim[];
  quotes: SourceQuote[];
  /** Entity ids mentioned, with offsets in the sentence. */
  mentions: { entity: number; start: number; end: number }[];
  /** Words of the sentence that negate (not, no, without...), as token indexes. */
  negations: number;
  alive: boolean;
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
