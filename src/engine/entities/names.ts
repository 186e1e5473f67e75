/** Spelling-variant comparison of names (transliteration-tolerant). */
import { foldForMatch } from '../text';
import { memoize } from '../text/memo';

/**
 * A transliteration skeleton of one name word: folded, letters only, y→i,
 * w→v, ck→k, doubled letters collapsed ("Zelenskyy" and "Zelenskiy" → "zelenski").
 */
export const nameSkeleton: (word: string) => string = memoize(skeleton, 8192);

function skeleton(word: string): string {
  let w = foldForMatch(word).replace(/[^a-z\u0400-\u04ff]/g, '');
  w = w.replace(/ck/g, 'k').replace(/y/g, 'i').replace(/w/g, 'v').replace(/ph/g, 'f');
  let out = '';
  for (const ch of w) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Letters whose presence or choice a spelling of a name varies in: vowels
 * ("Umerov"/"Umierov", "Mohammed"/"Mohammad") and the silent "h" ("Neanderthal",
 * "Pittsburgh"). A consonant of its own makes another name: "Obama" and "Osama",
 * "Walker" and "Walter", "Samba" and "Samoa", "Republican" and "Republicans".
 */
const SOFT_LETTERS = new Set(['a', 'e', 'i', 'o', 'u', 'h']);

/** Whether `x` and `y` (different skeletons) differ by one soft letter added, dropped or changed for another. */
function oneSoftEdit(x: string, y: string): boolean {
  if (x.length === y.length) {
    let at = -1;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i]) continue;
      if (at >= 0) return false;
      at = i;
    }
    return at >= 0 && SOFT_LETTERS.has(x[at]!) && SOFT_LETTERS.has(y[at]!) && x[at] !== 'h' && y[at] !== 'h';
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return SOFT_LETTERS.has(long[i]!) && short.slice(i) === long.slice(i + 1);
}

/**
 * Whether two name words are spelling variants of each other: same transliteration
 * skeleton, or (for words of 6+ letters) one vowel or silent "h" apart with the same first
 * letter ("Umerov"/"Umierov"). Shorter names one letter apart are other names
 * ("Hogan"/"Hagan", "Patel"/"Patil", "Merz"/"Marz").
 */
export function sameNameWord(a: string, b: string): boolean {
  const x = nameSkeleton(a);
  const y = nameSkeleton(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (x[0] !== y[0]) return false;
  if (Math.min(x.length, y.length) < 6) return false;
  return oneSoftEdit(x, y);
}
