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
 * Whether two name words are spelling variants of each other: same
 * transliteration skeleton, or (for words of 5+ letters) one edit apart with the
 * same first letter ("Umerov"/"Umierov"), never for short words ("Merz"/"Marz").
 */
export function sameNameWord(a: string, b: string): boolean {
  const x = nameSkeleton(a);
  const y = nameSkeleton(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (x[0] !== y[0]) return false;
  if (Math.min(x.length, y.length) < 5) return false;
  return editDistance(x, y, 1) <= 1;
}
