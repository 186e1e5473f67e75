/**
 * The contract between the engine and its callers (CLI, language server, tests).
 * `Corpus` in ./corpus.ts implements it.
 */
import type {
  CitationCandidate,
  Diagnostic,
  DiagnosticCode,
  Evidence,
  IndexStats,
  SentenceCitations,
  Severity,
  SourceDoc,
  SourceInput,
  Span,
} from './types';

export interface CheckOptions {
  /** Severity per code; 'off' drops the code. Defaults: DEFAULT_SEVERITY. */
  severities?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
  /** Keys (see `acceptKey`) of claims the writer accepted; their findings are dropped. */
  accepted?: ReadonlySet<string>;
  /** Citation style used by "cite the source" fixes. */
  citationStyle?: CitationStyle;
  /** Only sentences overlapping these spans are checked (incremental re-check). */
  only?: Span[];
}

export type CitationStyle = 'footnote' | 'pandoc' | 'link';

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export interface RoleFact {
  /** The title as the sources word it ("Foreign Minister"). */
  title: string;
  /** Outlets (or file names) that give it. */
  outlets: string[];
  evidence: Evidence[];
}

export interface FactSheet {
  name: string;
  kind: EntityKind;
  aliases: string[];
  roles: RoleFact[];
  /**
   * Sentences with figures that mention the entity: `text` lists the figures as written,
   * `spans` are where they are in `evidence.text`, so a reader sees what each one measures.
   */
  figures: { text: string; evidence: Evidence; spans: Span[] }[];
  /** Quotes the entity is the speaker of. */
  quotes: { text: string; evidence: Evidence }[];
  /** Every mention, source by source. */
  mentions: Evidence[];
}

export interface FigureReport {
  /** The draft's figure as written. */
  text: string;
  range: Span;
  supports: Evidence[];
  contradicts: Evidence[];
}

export interface Engine {
  readonly docs: readonly SourceDoc[];
  stats(): IndexStats;
  /** Adds or replaces one source (matched by path). */
  upsert(input: SourceInput): void;
  remove(path: string): void;
  check(text: string, options?: CheckOptions): Diagnostic[];
  /** Citation candidates for each sentence of a draft (or only the sentence on `line`). */
  citeSentences(text: string, options?: { line?: number; limit?: number }): SentenceCitations[];
  /** Citation candidates for one sentence of text. */
  citeText(sentence: string, limit?: number): CitationCandidate[];
  /** What the sources say about a name (any spelling or alias). */
  facts(name: string): FactSheet | undefined;
  /** The name mention in a draft at an offset, resolved to its canonical entity. */
  nameAt(text: string, offset: number): { name: string; span: Span } | undefined;
  /** The figure in a draft at an offset, with the sources that support or contradict it. */
  figureAt(text: string, offset: number): FigureReport | undefined;
}
