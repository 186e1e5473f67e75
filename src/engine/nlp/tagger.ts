/**
 * The one place the engine splits text into tokens: wink-nlp with its English
 * "lite web" model (tokens, parts of speech, lemmas, negation scope).
 *
 * wink reads Latin letters; names such as "Erdoğan" would come apart at the "ğ".
 * It is therefore given the text with diacritics and typographic punctuation
 * folded unit for unit (`foldDiacritics`, `asciiPunctuation`: the length is kept),
 * so every token's offsets are offsets into the original text.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { asciiPunctuation, foldDiacritics, foldForMatch } from '../text/fold';
import type { Pos, Token, TokenKind } from './types';

type Wink = ReturnType<typeof winkNLP>;

/** A feature list of wink's core model: the model's own values, then those wink adds as it reads. */
interface FeatureList {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize?: number;
}

let wink: Wink | undefined;
/** wink's lexicon (its core model's "lexeme" feature): the model's words, then those wink records as it reads. */
let lexicon: FeatureList | undefined;
/** How much of the lexicon's list `forgetShaping` has gone through. */
let mark = 0;

/** New words wink may have recorded before it is made again (each costs it about a hundred bytes). */
const LEARNED_MAX = 100_000;

function tagger(): Wink {
  // Sentences are split by the engine (../sentences); wink tags one sentence at a time.
  if (wink && (lexicon ? lexicon.list.length - (lexicon.intrinsicSize ?? 0) : 0) < LEARNED_MAX) return wink;
  let core: { features: Record<string, FeatureList> } | undefined;
  const loader = { ...(model as object), core: () => (core = (model as unknown as { core: () => typeof core }).core()) };
  wink = winkNLP(loader as unknown as typeof model, ['pos', 'negation']);
  // (Were the model read some other way, wink would be left to record words as it did.)
  lexicon = core?.features.lexeme;
  mark = lexicon?.list.length ?? 0;
  return wink;
}

/** A word with a character other than a letter or digit: the kind whose presence in the lexicon decides a split. */
const SHAPING = /[^\p{L}\p{N}]/u;

/**
 * wink records every word it has not seen in its lexicon, and its tokenizer asks the lexicon
 * whether to split words with periods, hyphens or apostrophes: "U.S." is one token until "the
 * entire U.S" has been read, then "U.S" and ".". So that a text is split the same whatever
 * was tagged before (in this thread or another), the words of that kind that wink recorded
 * while reading a text are taken out of its lexicon again. Words of letters and digits only
 * stay: the tokenizer's answer never turns on them (a word without such a character is kept
 * whole whether known or not), and wink gives a recorded word the features it would give it
 * again. (Its list keeps growing, so the indexes it has handed out stay valid; `tagger` makes
 * a new instance when it is long.)
 */
function forgetShaping(): void {
  if (!lexicon) return;
  const list = lexicon.list;
  for (let i = mark; i < list.length; i++) if (SHAPING.test(list[i]!)) delete lexicon.hash[list[i]!];
  mark = list.length;
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Control characters and other code units wink reads as breaks; replaced by spaces (same length). */
const ODD_SPACE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Em dashes and horizontal bars separate clauses ("the exchange—215 soldiers"); folded to
 * a hyphen they would glue the words on either side into one ("exchange-215"). wink is
 * given a semicolon for them instead, which it always reads as a token of its own.
 */
const CLAUSE_DASH = /[\u2014\u2015]/g;

/** The text wink is given: same length, diacritics and typographic punctuation folded, case kept. */
export function taggerInput(text: string): string {
  if (!NON_ASCII.test(text)) return text.replace(ODD_SPACE, ' ');
  return asciiPunctuation(foldDiacritics(text.replace(CLAUSE_DASH, ';'))).replace(ODD_SPACE, ' ');
}

const KINDS: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  ordinal: 'ordinal',
  punctuation: 'punct',
  symbol: 'symbol',
  currency: 'currency',
  url: 'url',
  email: 'email',
  mention: 'mention',
  hashtag: 'hashtag',
  emoji: 'emoji',
  emoticon: 'emoji',
  time: 'time',
  decade: 'decade',
  quoted_phrase: 'word',
  tabCRLF: 'space',
};

const SPACE = /\s/;

// The two tests below run for every token: ASCII, nearly every character, is decided
// from its code without making strings.

/** Whether `s[i]` is whitespace (`/\s/`). */
function spaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(s[i]!);
}

/** Whether `s` starts with an upper-case letter (its first code point has a lower-case form and is its own upper case). */
function capitalFirst(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A number written with a sign ("-40.3", "–15"). */
const SIGNED = /^[-\u2013]\d/;

/** Longest text tagged in one call; longer text (never a real sentence) is tagged in pieces cut at spaces. */
export const MAX_TAGGED = 4000;

/**
 * Tokens of one sentence (or any short text) with exact offsets, part of speech,
 * lemma and negation scope. Whitespace is not a token.
 */
export function tagTokens(text: string): Token[] {
  if (text.length <= MAX_TAGGED) return tagPiece(text, 0);
  const out: Token[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + MAX_TAGGED);
    if (to < text.length) {
      const cut = text.lastIndexOf(' ', to);
      if (cut > from + MAX_TAGGED / 2) to = cut;
    }
    for (const t of tagPiece(text.slice(from, to), from)) out.push(t);
    from = to;
  }
  return out;
}

function tagPiece(text: string, base: number): Token[] {
  const input = taggerInput(text);
  const folded = foldForMatch(text);
  const nlp = tagger();
  try {
    return readTokens(nlp.readDoc(input), nlp.its, text, input, folded, base);
  } finally {
    forgetShaping();
  }
}

function readTokens(doc: ReturnType<Wink['readDoc']>, its: Wink['its'], text: string, input: string, folded: string, base: number): Token[] {
  const toks = doc.tokens();
  const values = toks.out() as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const tags = toks.out(its.pos) as string[];
  const types = toks.out(its.type) as string[];
  const lemmas = toks.out(its.lemma as unknown as Parameters<typeof toks.out>[0]) as string[];
  const negs = toks.out(its.negationFlag) as unknown as boolean[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    at += spaces[i]!.length;
    let start = at;
    if (input.startsWith(v, start)) {
      at = start + v.length;
    } else {
      // wink rewrote the token (it never should); find it again so offsets stay true.
      const k = input.indexOf(v, start);
      if (k < 0) continue;
      start = k;
      at = k + v.length;
    }
    const kind = KINDS[types[i]!] ?? 'other';
    if (kind === 'space') continue;
    // "49.7%-40.3%", "10%-15%": a sign glued to a figure's end is the dash between two figures.
    const prev = out[out.length - 1];
    const dash = kind === 'number' && SIGNED.test(v) && prev !== undefined && prev.end === base + start && (prev.text === '%' || prev.kind === 'number');
    if (dash) {
      out.push({ start: base + start, end: base + start + 1, text: text[start]!, norm: folded[start]!, lemma: '-', pos: 'PUNCT', kind: 'punct', sp: false, cap: false, neg: negs[i] === true });
      start++;
    }
    const original = text.slice(start, at);
    out.push({
      start: base + start,
      end: base + at,
      text: original,
      norm: folded.slice(start, at),
      lemma: dash ? original : (lemmas[i] ?? v).toLowerCase(),
      pos: tags[i] as Pos,
      kind,
      sp: start === 0 || spaceAt(input, start - 1),
      cap: capitalFirst(original),
      neg: negs[i] === true,
    });
  }
  return out;
}
