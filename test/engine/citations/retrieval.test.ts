/**
 * Retrieval at scale: on a 30,000-sentence corpus with words common enough to
 * matter and sentences removed, the hits (kept in a heap, not sorted in full)
 * are the ones a full BM25 scoring of every sentence ranks first.
 */
import { describe, expect, it } from 'vitest';
import { SentenceIndex } from '../../../src/engine/citations/retrieval';
import { rng } from '../../helpers/random';

const K1 = 1.2;
const B = 0.75;

/** Half of the words from 30 common ones (each in about a fifth of the sentences), half from 20,000 rare ones. */
function corpus(n: number, seed: number): string[][] {
  const r = rng(seed);
  const word = () => (r() < 0.5 ? `c${Math.floor(r() * 30)}` : `w${Math.floor(r() * 20_000)}`);
  return Array.from({ length: n }, () => [...new Set(Array.from({ length: 6 + Math.floor(r() * 14) }, word))]);
}

/** Full BM25 over every live sentence, with the index's rule for very common terms. */
const setsOf = new WeakMap<string[][], Set<string>[]>();

function reference(docs: string[][], alive: boolean[], query: string[], limit: number, filter?: (id: number) => boolean) {
  let sets = setsOf.get(docs);
  if (!sets) setsOf.set(docs, (sets = docs.map((d) => new Set(d))));
  const live = docs.map((_, i) => i).filter((i) => alive[i]);
  const n = live.length;
  const avg = live.reduce((s, i) => s + docs[i]!.length, 0) / n;
  const df = new Map<string, number>();
  for (const i of live) for (const t of docs[i]!) df.set(t, (df.get(t) ?? 0) + 1);
  const postingLength = new Map<string, number>();
  docs.forEach((d) => d.forEach((t) => postingLength.set(t, (postingLength.get(t) ?? 0) + 1)));
  const terms = query.filter((t) => df.has(t) || postingLength.has(t));
  const used = terms.filter((t) => !(n >= 200 && (postingLength.get(t) ?? 0) > n * 0.25 && terms.length > 3));
  const scores = new Map<number, number>();
  for (const t of used) {
    const d = df.get(t) ?? 0;
    const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    for (const i of live) {
      if (!sets[i]!.has(t)) continue;
      const s = (idf * (K1 + 1)) / (1 + K1 * (1 - B + (B * docs[i]!.length) / avg));
      scores.set(i, (scores.get(i) ?? 0) + s);
    }
  }
  return [...scores].filter(([i]) => !filter || filter(i)).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
}

describe('SentenceIndex.search on a large corpus', () => {
  const docs = corpus(30_000, 7);
  const index = new SentenceIndex();
  for (const d of docs) index.add(d);
  const alive = docs.map(() => true);
  // Some sentences removed, as when sources change.
  for (let i = 0; i < docs.length; i += 97) {
    index.delete(i, docs[i]);
    alive[i] = false;
  }
  const r = rng(11);
  const queries = Array.from({ length: 24 }, () => {
    const d = docs[Math.floor(r() * docs.length)]!;
    return [...new Set([...d, ...Array.from({ length: 10 }, () => `c${Math.floor(r() * 30)}`)])];
  });

  it('returns the sentences a full scoring ranks first, with their scores', () => {
    let common = 0;
    for (const q of queries) {
      const got = index.search(q, 60);
      const want = reference(docs, alive, q, 60);
      expect(got.length).toBe(want.length);
      // Scores equal up to rounding; sentences with equal scores may swap at the cut.
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]![1], 9));
      const ids = new Set(got.map((h) => h.id));
      const missing = want.filter(([id]) => !ids.has(id));
      for (const [, score] of missing) expect(Math.abs(score - want[want.length - 1]![1])).toBeLessThan(1e-9);
      if (q.some((t) => index.df(t) > 3000)) common++;
    }
    // The queries did include common words (thousands of sentences each).
    expect(common).toBeGreaterThan(12);
  });

  it('honours a filter', () => {
    const even = (id: number) => id % 2 === 0;
    for (const q of queries.slice(0, 10)) {
      const got = index.search(q, 20, even);
      expect(got.every((h) => even(h.id))).toBe(true);
      const want = reference(docs, alive, q, 20, even);
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]![1], 9));
    }
  });
  it('searches a few sentences (a story in an archive) with the same hits as a filtered search', () => {
    const r2 = rng(5);
    // A story of 40 sources of about 25 sentences (1,000 ids), and one of 3 sentences: both ways of scoring them.
    const story = new Set(Array.from({ length: 40 }, () => Math.floor(r2() * 1200)));
    const inStory = (id: number) => story.has(Math.floor(id / 25));
    const wide = docs.map((_, i) => i).filter(inStory);
    const narrow = [wide[3]!, wide[500]!, wide[900]!];
    for (const q of queries) {
      for (const among of [wide, narrow]) {
        const keep = new Set(among);
        const want = index.search(q, 30, (id) => keep.has(id));
        const got = index.searchAmong(q, 30, [...among].reverse());
        expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
        got.forEach((h, i) => expect(h.score).toBe(want[i]!.score));
      }
    }
    // Removed sentences are never found.
    expect(index.searchAmong(docs[0]!, 10, [0])).toEqual([]);
  });
});

describe('SentenceIndex scores after changes', () => {
  it('scores a sentence added after a search even when the average length stays the same', () => {
    const index = new SentenceIndex();
    index.add(['alpha', 'beta']);
    index.add(['gamma', 'delta', 'alpha', 'zeta']);
    index.search(['alpha'], 5);
    // Three terms: the average stays at three, so only the new sentence count says the weights are stale.
    const id = index.add(['alpha', 'omega', 'beta']);
    const docs = [['alpha', 'beta'], ['gamma', 'delta', 'alpha', 'zeta'], ['alpha', 'omega', 'beta']];
    const got = index.search(['alpha', 'omega'], 5);
    const want = reference(docs, [true, true, true], ['alpha', 'omega'], 5);
    expect(got.map((h) => h.id)).toEqual(want.map(([i]) => i));
    expect(got.find((h) => h.id === id)!.score).toBeCloseTo(want.find(([i]) => i === id)![1], 9);
    expect(Number.isFinite(got[0]!.score)).toBe(true);
  });
});
