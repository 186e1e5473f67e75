/**
 * Shared data shapes of the Sourcewise engine. Nothing here imports `vscode`:
 * the engine is used by the CLI, the language server and tests alike.
 *
 * Offsets are UTF-16 code-unit offsets into a JavaScript string (what LSP uses
 * by default); lines and characters are 0-based.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open [start, end) span of UTF-16 offsets into some text. */
export interface Span {
  start: number;
  end: number;
}

/** Input to the engine: one file's decoded text plus what is known about it. */
export interface SourceInput {
  /** Absolute path, or a URI string for virtual documents. */
  path: string;
  /** Decoded text (any BOM removed; line ends kept as they were). */
  text: string;
  /** Modification time in ms, when read from disk (used for caching). */
  mtimeMs?: number;
  size?: number;
}

/** A loaded source article. */
export interface SourceDoc {
  /** Index of the doc in the corpus; stable for the life of a Corpus. */
  id: number;
  path: string;
  /** Short display name: path relative to the sources root, else basename. */
  file: string;
  text: string;
  outlet?: string;
  title?: string;
  /** ISO date yyyy-mm-dd of publication, when known. */
  date?: string;
  url?: string;
  /** Regions of `text` that are article content (boilerplate excluded), in order. */
  body: Span[];
  /** Human-readable notes about the file (e.g. "front matter is not valid YAML"). */
  warnings: string[];
  mtimeMs?: number;
  size?: number;
}

/** One sentence of a source or a draft. */
export interface Sentence {
  /** Offsets into the owning text. */
  start: number;
  end: number;
  text: string;
  /** 0-based line and character of `start`. */
  line: number;
  character: number;
  /** Index of the paragraph (block separated by blank lines / line breaks in sources). */
  paragraph: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'contradiction'
  | 'role-mismatch'
  | 'quote-misattributed'
  | 'quote-not-in-sources'
  | 'sources-disagree'
  | 'unsupported';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  contradiction: 'error',
  'role-mismatch': 'error',
  'quote-misattributed': 'error',
  'quote-not-in-sources': 'warning',
  'sources-disagree': 'warning',
  unsupported: 'information',
};

export interface Evidence {
  /** Display file name of the source. */
  source: string;
  /** Absolute path (or URI) of the source, to open it. */
  path: string;
  outlet?: string;
  /** What the source is called wherever it is named: its outlet, else its title, else a short file name. */
  name?: string;
  /** 0-based line of the evidence sentence in the source. */
  line: number;
  character: number;
  /** The exact source sentence. */
  text: string;
  /** What this source says on the point, when it is a figure or role ("less than two hours"). */
  says?: string;
  /** Whether this source supports or rules out the draft's claim. */
  stance?: 'supports' | 'contradicts' | 'context';
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True for the fix an editor should offer first. */
  preferred?: boolean;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  evidence: Evidence[];
  fixes: Fix[];
  /** The draft's own words for the claim ("three hours"), for side-by-side display. */
  draftSays?: string;
  /** Text of the draft sentence, the key for "accept this claim". */
  sentence?: string;
}

export interface CitationCandidate {
  source: string;
  path: string;
  outlet?: string;
  /** The source's name to show (outlet, else title, else short file name). */
  name?: string;
  line: number;
  character: number;
  text: string;
  /** 0..1, higher is better support. */
  score: number;
}

export interface SentenceCitations {
  range: Range;
  text: string;
  candidates: CitationCandidate[];
}

export interface IndexStats {
  sources: number;
  sentences: number;
  entities: number;
  claims: number;
  quotes: number;
  roles: number;
  /** Sentences not analysed yet (claims, quotes and roles count the analysed ones). */
  unanalysed: number;
  skipped: { path: string; reason: string }[];
  millis: number;
}
