/**
 * Word stems for search terms and word lists: the Porter2 ("English") stemmer of
 * wink-porter2-stemmer, remembered per word. It equates the forms outlets use
 * for one word ("negotiations", "negotiation", "negotiated" → "negoti").
 * Meaning-level matching (talks ≈ negotiations) is the job of ../concepts and
 * lemmas (see ./tagger), not of stems.
 */
import porter2 from 'wink-porter2-stemmer';

/** Most words `stem` remembers; when full the memo starts over (news vocabulary repeats a lot). */
export const STEM_MEMO_MAX = 50_000;
/** Longer words are stemmed without the memo (they are rare and would make it big). */
const STEM_MEMO_WORD = 40;
const memo = new Map<string, string>();
/** Longest word the stemmer is run on. */
const MAX_STEMMED = 40;

/** Stem of a lower-case, folded word (`Token.norm`). Possessive "'s" is dropped first. */
export function stem(word: string): string {
  if (word.length > STEM_MEMO_WORD) return stemUncached(word);
  let s = memo.get(word);
  if (s === undefined) {
    s = stemUncached(word);
    if (memo.size >= STEM_MEMO_MAX) memo.clear();
    memo.set(word, s);
  }
  return s;
}

/** `stem` without the memo (callers with a memo of their own). */
export function stemUncached(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  // English words are short; a longer run (an id, a hash, noise) is its own stem. (The
  // stemmer's suffix patterns backtrack: on a 4,000-letter "word" they take seconds.)
  if (w.length <= 2 || w.length > MAX_STEMMED) return w;
  // Hyphenated words stem by their parts ("peace-talks" → "peace-talk").
  if (w.includes('-')) return w.split('-').map((p) => (p.length > 2 && p.length <= MAX_STEMMED ? porter2(p) : p)).join('-');
  return porter2(w);
}
