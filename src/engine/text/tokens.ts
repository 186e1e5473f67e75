import { foldForMatch } from './fold';
import { recent } from './memo';
import { wordCharAt, wordEnd } from './scan';

export { wordCharAt };

export interface Token {
  /** Folded, lower-case form. */
  norm: string;
  /** Original text. */
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter in the original. */
  capitalized: boolean;
}

/*
 * Words are the matches of the regex `[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*` (flags gu),
 * found by the scanner in ./scan (running that regex was the hot spot).
 */

/** Per code unit: 0 not known yet, 1 capitalised (see Token.capitalized), 2 not. */
const CAPITAL_UNIT = new Uint8Array(65536);

function isCapital(first: string): boolean {
  const c = first.charCodeAt(0);
  let k = CAPITAL_UNIT[c]!;
  if (k === 0) {
    k = first !== first.toLowerCase() && first === first.toUpperCase() ? 1 : 2;
    CAPITAL_UNIT[c] = k;
  }
  return k === 1;
}

/**
 * Calls `each(start, end)` for every word of `text` (the matches of WORD_RE) in order.
 */
function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    each(i, end);
    i = end;
  }
}

/** Word tokens with offsets; hyphenated words and contractions stay whole. */
export function tokenize(text: string): Token[] {
  // Analysing a sentence tokenizes it several times (terms, claims, negations): the
  // last few are remembered, and each caller gets its own array of the shared tokens.
  return recentTokens(text).slice();
}

const recentTokens = recent(scanTokens);

function scanTokens(text: string): Token[] {
  const folded = foldForMatch(text);
  const out: Token[] = [];
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    out.push({
      norm: folded.slice(start, end),
      text: word,
      start,
      end,
      capitalized: isCapital(word[0]!),
    });
  });
  return out;
}

/** Folded, lower-case forms of the word tokens of a text (Token.norm of `tokenize`), without the rest. */
export function tokenNorms(text: string): string[] {
  const folded = foldForMatch(text);
  const out: string[] = [];
  scanWords(text, (start, end) => {
    out.push(folded.slice(start, end));
  });
  return out;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without about as into onto upon over under ' +
    'than then that this these those there here it its it\'s he him his she her hers they them their theirs we us our ' +
    'you your i me my mine is are was were be been being am do does did done has have had having will would shall ' +
    'should can could may might must not no also just only very more most less least some any each every all both ' +
    'which who whom whose what when where why how if while after before during since until again further once ' +
    'said says say told tells stated according up down out off other such own same too s t'
  ).split(/\s+/),
);

/** Most words `stem` remembers; when full the memo starts over (news vocabulary repeats a lot). */
export const STEM_MEMO_MAX = 50_000;
/** Longer words are stemmed without the memo (they are rare and would make it big). */
const STEM_MEMO_WORD = 40;
const stemMemo = new Map<string, string>();

/**
 * A light English stemmer: enough to equate "talks/talk", "negotiations/negotiation",
 * "attended/attend", "exchanged/exchange". Deterministic and cheap; results are
 * memoised (see `stemUncached` for the definition).
 */
export function stem(word: string): string {
  if (word.length > STEM_MEMO_WORD) return stemUncached(word);
  let s = stemMemo.get(word);
  if (s === undefined) {
    s = stemUncached(word);
    if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.clear();
    stemMemo.set(word, s);
  }
  return s;
}

/** `stem` without the memo. */
export function stemUncached(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ness') && w.length > 6) w = w.slice(0, -4);
  if (w.endsWith('ments') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('ment') && w.length > 6) w = w.slice(0, -4);
  if (w.endsWith('ations') && w.length > 7) return w.slice(0, -5) + 'e';
  if (w.endsWith('ation') && w.length > 6) return w.slice(0, -5) + 'e';
  if (w.endsWith('ance') && w.length > 6) return w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    if (/(.)\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
    return w.endsWith('e') ? w.slice(0, -1) : w;
  }
  if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    if (/(.)\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
    return w.endsWith('e') ? w.slice(0, -1) : w;
  }
  if (w.endsWith('es') && /(ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Content-word stems of a text (stopwords and numbers-as-words kept out). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const norm of tokenNorms(text)) {
    if (STOPWORDS.has(norm)) continue;
    out.push(stem(norm));
  }
  return out;
}
