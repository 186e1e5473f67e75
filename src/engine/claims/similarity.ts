/**
 * How close two words are in meaning, for aligning claims. Word senses and the news overlay
 * come from ../concepts (WordNet and src/engine/concepts/news-overlay.json): 1 for one
 * thing, lower for related things, −1 for things that must never be compared (deaths and
 * injuries). Forms of one word (same stem) count 0.9 even where WordNet lacks the word.
 *
 * `keysOf` gives a word's cheap comparison keys (its stem and its dominant concepts), for
 * comparing whole clauses by set overlap rather than word by word.
 */
import { conceptsOf, relatedness } from '../concepts';
import { stem } from '../nlp';
import { memoize } from '../text/memo';

/** Similarities worked out, by the first word then the second (both orders stored). */
const pairMemo = new Map<string, Map<string, number>>();
let pairCount = 0;
const PAIR_MEMO_MAX = 200_000;

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  let row = pairMemo.get(a);
  let v = row?.get(b);
  if (v === undefined) {
    v = stem(a) === stem(b) ? 0.9 : 0;
    let r = 0;
    try {
      r = relatedness(a, b);
    } catch {
      r = 0;
    }
    v = r < 0 ? -1 : Math.max(v, r);
    if (pairCount >= PAIR_MEMO_MAX) {
      pairMemo.clear();
      pairCount = 0;
      row = undefined;
    }
    if (!row) pairMemo.set(a, (row = new Map()));
    row.set(b, v);
    let back = pairMemo.get(b);
    if (!back) pairMemo.set(b, (back = new Map()));
    back.set(a, v);
    pairCount += 2;
  }
  return v;
}

/** Best similarity between any word of `a` and any of `b` (−1 when some pairing is opposed and none relates). */
export function bestSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let clash = false;
  for (const x of a) {
    for (const y of b) {
      const s = similarity(x, y);
      if (s > best) best = s;
      if (s < 0) clash = true;
    }
  }
  return best > 0 ? best : clash ? -1 : 0;
}

/** A word's comparison keys: its stem and the concepts of its common senses. */
export const keysOf: (lemma: string) => readonly string[] = memoize((lemma: string) => {
  const out = [stem(lemma)];
  try {
    for (const c of conceptsOf(lemma)) out.push(c);
  } catch {
    /* a word the table cannot read: its stem alone */
  }
  return out;
}, 16_384);

/** The news concept a lemma belongs to, if any (an overlay id such as "news:deaths"). */
export function newsConcept(lemma: string): string | undefined {
  return keysOf(lemma).find((k) => k.startsWith('news:'));
}
