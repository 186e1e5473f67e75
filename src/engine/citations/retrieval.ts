/**
 * Sentence retrieval: an inverted index over content stems (plus synonym-class
 * terms) scored with BM25 yields a few dozen candidates; a support score over
 * those few orders them. Unknown query words (misspellings, transliterations)
 * are matched to indexed words with fuse.js, so "Zelenskiy" finds "Zelenskyy".
 * Nothing here scans every sentence per query.
 */
import Fuse from 'fuse.js';
import { foldForMatch } from '../text/fold';
import { STOPWORDS, stem, tokenize } from '../text/tokens';
import { classHits } from '../claims/lexicon';

export interface Terms {
  /** Distinct index terms (stems and `#class` terms). */
  terms: string[];
  /** Content stems in order (with repeats). */
  stems: string[];
  /** Synonym class of stems that are part of a class word or phrase ("pause" in "pause in the fighting"). */
  classOf?: Map<string, string>;
}

/** Index terms of a text: content stems plus synonym classes ("talks" → "#meet"). */
export function termsOf(text: string): Terms {
  const tokens = tokenize(text);
  const allStems = tokens.map((t) => stem(t.norm));
  const stems: string[] = [];
  const set = new Set<string>();
  tokens.forEach((t, i) => {
    if (STOPWORDS.has(t.norm)) return;
    const s = allStems[i]!;
    stems.push(s);
    set.add(s);
  });
  const classOf = new Map<string, string>();
  for (const h of classHits(allStems)) {
    set.add('#' + h.cls);
    for (let i = h.from; i < h.to; i++) if (!classOf.has(allStems[i]!)) classOf.set(allStems[i]!, h.cls);
  }
  return { terms: [...set], stems, classOf };
}

interface Posting {
  /** Sentence ids, ascending. Read back from the persistent index as a typed array, made an array when first changed. */
  ids: number[] | Int32Array;
}

/** Ids of a posting as an array that can be changed. */
function mutableIds(p: Posting): number[] {
  if (!Array.isArray(p.ids)) p.ids = Array.from(p.ids);
  return p.ids as number[];
}

export interface Hit {
  id: number;
  score: number;
}

/** The index as the persistent index stores it: typed arrays, one word list. */
export interface IndexState {
  /** Every indexed term; term k's sentence ids are `ids[offsets[k] .. offsets[k+1])`. */
  terms: string[];
  offsets: Int32Array;
  ids: Int32Array;
  lengths: Int32Array;
  alive: Uint8Array;
  totalLength: number;
  liveCount: number;
}

interface Vocabulary {
  words: string[];
  /** Letter pair → indexes of the words having it. */
  grams: Map<string, number[]>;
  /** Scratch counters, one per word. */
  counts: Int32Array;
  /** `first letter:length` of every word. */
  shapes: Set<string>;
}

const FUZZY_THRESHOLD = 0.25;
const FUZZY_OPTIONS = { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true, minMatchCharLength: 3 };

const K1 = 1.2;
const B = 0.75;

export class SentenceIndex {
  private postings = new Map<string, Posting>();
  private lengths: number[] = [];
  private alive: boolean[] = [];
  private totalLength = 0;
  private liveCount = 0;
  private vocab: Vocabulary | undefined;
  private fuse: Fuse<string> | undefined;
  private scratch = new Float64Array(0);
  private marks = new Uint8Array(0);

  /** Plain data for the persistent index (see ../cache). */
  exportState(): IndexState {
    const terms = [...this.postings.keys()];
    const offsets = new Int32Array(terms.length + 1);
    let n = 0;
    terms.forEach((t, k) => {
      offsets[k] = n;
      n += this.postings.get(t)!.ids.length;
    });
    offsets[terms.length] = n;
    const ids = new Int32Array(n);
    terms.forEach((t, k) => ids.set(this.postings.get(t)!.ids, offsets[k]));
    return {
      terms,
      offsets,
      ids,
      lengths: Int32Array.from(this.lengths),
      alive: Uint8Array.from(this.alive, (a) => (a ? 1 : 0)),
      totalLength: this.totalLength,
      liveCount: this.liveCount,
    };
  }

  static fromState(state: IndexState): SentenceIndex {
    const index = new SentenceIndex();
    const { terms, offsets, ids } = state;
    for (let k = 0; k < terms.length; k++) index.postings.set(terms[k]!, { ids: ids.subarray(offsets[k]!, offsets[k + 1]!) });
    index.lengths = Array.from(state.lengths);
    index.alive = Array.from(state.alive, (a) => a === 1);
    index.totalLength = state.totalLength;
    index.liveCount = state.liveCount;
    return index;
  }

  /** Adds a sentence; returns its id. */
  add(terms: readonly string[]): number {
    const id = this.lengths.length;
    this.lengths.push(terms.length);
    this.alive.push(true);
    this.totalLength += terms.length;
    this.liveCount++;
    for (const t of terms) {
      let p = this.postings.get(t);
      if (!p) {
        p = { ids: [] };
        this.postings.set(t, p);
        this.addVocab(t);
      }
      mutableIds(p).push(id);
    }
    return id;
  }

  /**
   * Marks a sentence as gone. Given its terms, also takes it out of their postings, so
   * document frequencies (and with them every score) are the same as after a fresh build.
   */
  delete(id: number, terms?: readonly string[]): void {
    if (!this.alive[id]) return;
    this.alive[id] = false;
    this.liveCount--;
    this.totalLength -= this.lengths[id]!;
    for (const t of terms ?? []) {
      const p = this.postings.get(t);
      if (!p) continue;
      const ids = mutableIds(p);
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ids[mid]! < id) lo = mid + 1;
        else hi = mid;
      }
      if (ids[lo] === id) ids.splice(lo, 1);
    }
  }

  get size(): number {
    return this.liveCount;
  }

  df(term: string): number {
    return this.postings.get(term)?.ids.length ?? 0;
  }

  idf(term: string): number {
    const n = Math.max(1, this.liveCount);
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /**
   * Indexed words closest in spelling to an unknown word (fuse.js over the vocabulary).
   * fuse.js runs only over the words that can be within its error threshold: a word
   * matching with k errors shares at least (m - 1) - 2k of the query's m - 1 letter
   * pairs (q-gram lemma), so the words sharing fewer are left out; the rest keep their
   * vocabulary order, so the result is what a search of the whole vocabulary returns.
   */
  fuzzyTerms(word: string, limit = 2): string[] {
    // No word is longer than 32 letters; a longer "word" is noise (a run of digits or dashes) and no spelling of anything.
    if (word.length < 5 || word.length > 32 || word.startsWith('#')) return [];
    const vocab = this.vocabulary();
    // Only words with the same first letter and a length within 2 can be returned:
    // when there are none, the answer is empty whatever fuse.js ranks (and very long
    // tokens cost nothing).
    let possible = false;
    for (let d = -2; d <= 2 && !possible; d++) possible = vocab.shapes.has(`${word[0]}:${word.length + d}`);
    if (!possible) return [];
    const pattern = word.toLowerCase();
    const m = pattern.length;
    const need = m - 1 - 2 * Math.floor(FUZZY_THRESHOLD * m);
    let fuse: Fuse<string>;
    if (m > 32 || need <= 0) {
      this.fuse ??= new Fuse(vocab.words, FUZZY_OPTIONS);
      fuse = this.fuse;
    } else {
      const counts = vocab.counts.length >= vocab.words.length ? vocab.counts : (vocab.counts = new Int32Array(vocab.words.length * 2));
      const touched: number[] = [];
      for (let j = 0; j + 1 < m; j++) {
        const ids = vocab.grams.get(pattern.slice(j, j + 2));
        if (!ids) continue;
        for (const i of ids) if ((counts[i] = counts[i]! + 1) === 1) touched.push(i);
      }
      const subset: number[] = [];
      for (const i of touched) {
        if (counts[i]! >= need) subset.push(i);
        counts[i] = 0;
      }
      if (subset.length === 0) return [];
      subset.sort((a, b) => a - b);
      fuse = new Fuse(
        subset.map((i) => vocab.words[i]!),
        FUZZY_OPTIONS,
      );
    }
    const first = word[0];
    return fuse
      .search(word, { limit: 8 })
      .filter((r) => r.item[0] === first && Math.abs(r.item.length - word.length) <= 2 && (r.score ?? 1) <= 0.25)
      .slice(0, limit)
      .map((r) => r.item);
  }

  /** Words eligible for fuzzy matching, in index order, with their letter-pair postings (built on first use). */
  private vocabulary(): Vocabulary {
    if (!this.vocab) {
      this.vocab = { words: [], grams: new Map(), counts: new Int32Array(0), shapes: new Set() };
      for (const t of this.postings.keys()) this.addVocab(t);
    }
    return this.vocab;
  }

  private addVocab(t: string): void {
    const v = this.vocab;
    if (!v || t.startsWith('#') || t.length < 4 || /^\d/.test(t)) return;
    const i = v.words.length;
    v.words.push(t);
    v.shapes.add(`${t[0]}:${t.length}`);
    this.fuse = undefined;
    const lower = t.toLowerCase();
    const seen = new Set<string>();
    for (let j = 0; j + 1 < lower.length; j++) {
      const g = lower.slice(j, j + 2);
      if (seen.has(g)) continue;
      seen.add(g);
      let ids = v.grams.get(g);
      if (!ids) v.grams.set(g, (ids = []));
      ids.push(i);
    }
  }

  /** BM25 over the query terms; terms absent from the index are replaced by close spellings. */
  search(queryTerms: readonly string[], limit: number, filter?: (id: number) => boolean): Hit[] {
    const avg = this.liveCount ? this.totalLength / this.liveCount : 1;
    const expanded: { term: string; weight: number }[] = [];
    for (const t of queryTerms) {
      if (this.postings.has(t)) expanded.push({ term: t, weight: t.startsWith('#') ? 0.5 : 1 });
      else for (const f of this.fuzzyTerms(t)) expanded.push({ term: f, weight: 0.8 });
    }
    // Scores accumulate in a scratch array (same additions in the same order as a map would get).
    if (this.scratch.length < this.lengths.length) {
      this.scratch = new Float64Array(Math.max(1024, this.lengths.length * 2));
      this.marks = new Uint8Array(this.scratch.length);
    }
    const scores = this.scratch;
    const marks = this.marks;
    const touched: number[] = [];
    for (const { term, weight } of expanded) {
      const p = this.postings.get(term)!;
      // Very common terms add little and cost much: skip them when rarer ones exist. In a small
      // corpus every word is "common" (one sentence: every word is in all of it), so only there.
      if (this.liveCount >= 200 && p.ids.length > this.liveCount * 0.25 && expanded.length > 3) continue;
      const idf = this.idf(term) * weight;
      for (const id of p.ids) {
        if (!this.alive[id]) continue;
        const len = this.lengths[id]!;
        const s = (idf * (K1 + 1)) / (1 + K1 * (1 - B + (B * len) / avg));
        if (marks[id] === 0) {
          marks[id] = 1;
          touched.push(id);
        }
        scores[id] = scores[id]! + s;
      }
    }
    const hits: Hit[] = [];
    for (const id of touched) {
      if (!filter || filter(id)) hits.push({ id, score: scores[id]! });
      scores[id] = 0;
      marks[id] = 0;
    }
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits.slice(0, limit);
  }
}

/** Folded text used for display-independent comparisons. */
export function folded(text: string): string {
  return foldForMatch(text);
}
