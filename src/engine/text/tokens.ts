import { foldForMatch } from './fold';
import { recent } from './memo';
import { codePointLength, wordEnd } from './scan';

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


/** Word tokens with offsets; hyphenated words and contractions stay whole. */
export function tokenize(text: string): Token[] {
  // Indexing tokenizes each sentence three times (terms, claims, negations).
  return recentTokens(text).slice();
}

const recentTokens = recent(scan);

/** Words as the regular expression `[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*` (flags g, u) matches them (see ./scan). */
function scan(text: string): Token[] {
  const folded = foldForMatch(text);
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const end = wordEnd(text, i);
    if (end < 0) {
      i += codePointLength(text, i);
      continue;
    }
    const first = text[i]!;
    out.push({
      norm: folded.slice(i, end),
      text: text.slice(i, end),
      start: i,
      end,
      capitalized: first !== first.toLowerCase() && first === first.toUpperCase(),
    });
    i = end;
  }
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

/**
 * A light English stemmer: enough to equate "talks/talk", "negotiations/negotiation",
 * "attended/attend", "exchanged/exchange". Deterministic and cheap.
 */
export function stem(word: string): string {
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
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.norm)) continue;
    out.push(stem(t.norm));
  }
  return out;
}
