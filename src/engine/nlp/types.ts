/** What the engine reads in a sentence: tokens with their part of speech and lemma. */

/** Universal Dependencies part-of-speech tags, as wink-nlp assigns them. */
export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

export type TokenKind =
  | 'word'
  | 'number'
  | 'ordinal'
  | 'punct'
  | 'symbol'
  | 'currency'
  | 'url'
  | 'email'
  | 'mention'
  | 'hashtag'
  | 'emoji'
  | 'time'
  | 'decade'
  | 'space'
  | 'other';

export interface Token {
  /** UTF-16 offsets into the text the token was read from; `text === source.slice(start, end)`. */
  start: number;
  end: number;
  /** The original characters. */
  text: string;
  /** Folded (diacritics, typographic punctuation) and lower-cased: `foldForMatch(text)`. */
  norm: string;
  /** Dictionary form, lower case ("negotiations" → "negotiation", "lasted" → "last"). */
  lemma: string;
  pos: Pos;
  kind: TokenKind;
  /** Whitespace (or the start of the text) directly before the token. */
  sp: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Inside the scope of a negation ("not", "n't", "never" …), as wink-nlp marks it. */
  neg: boolean;
}
