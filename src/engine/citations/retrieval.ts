/**
 * Sentence retrieval: an inverted index over content stems (plus synonym-class
 * terms) scored with BM25 yields a few dozen candidates; a support score over
 * those few orders them. Unknown query words (misspellings, transliterations)
 * are matched to indexed words with fuse.js, so "Zelenskiy" finds "Zelenskyy".
 * Nothing here scans every sentence per query.
 */
import Fuse from 'fuse.js';
import { foldForMatch, foldUnit } from '../text/fold';
import { STOPWORDS } from '../text/stopwords';
import { wordCharAt } from '../text/scan';
import { stemUncached } from '../nlp';
import { classHits, startsClassHit } from '../claims/lexicon';

export interface Terms {
  /** Distinct index terms (stems and `#class` terms). */
  terms: string[];
  /** Content stems in order (with repeats). */
  stems: string[];
  /** Synonym class of stems that are part of a class word or phrase ("pause" in "pause in the fighting"). */
  classOf?: Map<string, string>;
}

/*
 * termsOf keeps the words it has seen, so a repeated word costs a hash and a compare
 * instead of a new string, a stem and set lookups.
 *
 * Stems get small ids (`stemIds`), with their text, whether classHits can start at
 * them, and a mark: the termsOf call that last listed them as a term. Words live in
 * an open-addressing table keyed by their folded code units (Token.norm): per slot the
 * hash (0: empty), the folded word, its stem id and whether it is a stopword.
 *
 * Bounded: once half full the table takes no more words, and the next termsOf call
 * starts it and the stems over (stem ids are only ever dropped between calls).
 */
const WORD_TABLE_BITS = 17;
const WORD_TABLE_SIZE = 1 << WORD_TABLE_BITS;
const WORD_TABLE_MASK = WORD_TABLE_SIZE - 1;
const WORD_TABLE_MAX = WORD_TABLE_SIZE >> 1;
/** Longer words are not kept in the table. */
const WORD_TABLE_WORD = 48;
const slotHash = new Int32Array(WORD_TABLE_SIZE);
const slotStem = new Int32Array(WORD_TABLE_SIZE);
const slotStop = new Uint8Array(WORD_TABLE_SIZE);
// Filled by push: `new Array(n)` this large would get slow dictionary elements.
const slotNorm: string[] = [];
for (let k = 0; k < WORD_TABLE_SIZE; k++) slotNorm.push('');
let wordCount = 0;

const stemIds = new Map<string, number>();
let stemText: string[] = [];
let stemClassy: boolean[] = [];
let stemMark: number[] = [];
let termsCall = 0;
/** Stem ids of the current text's words (reused from call to call). */
const scratchIds: number[] = [];

const foldedWord = new Uint16Array(WORD_TABLE_WORD);
/** For ASCII code units: 1 when a word character (see wordCharAt), and the folded unit. */
const ASCII_WORD = new Uint8Array(128);
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = wordCharAt(String.fromCharCode(c), 0);
  ASCII_FOLD[c] = foldUnit(c);
}
/** What `lookUpWordAt` found: the stem id and stopword flag of the word. */
let foundStem = 0;
let foundStop = false;

function resetWords(): void {
  slotHash.fill(0);
  wordCount = 0;
  stemIds.clear();
  stemText = [];
  stemClassy = [];
  stemMark = [];
}

function stemIdOf(norm: string): number {
  const s = stemUncached(norm); // (the table is the memo here)
  let id = stemIds.get(s);
  if (id === undefined) {
    id = stemText.length;
    stemIds.set(s, id);
    stemText.push(s);
    stemClassy.push(startsClassHit(s));
    stemMark.push(0);
  }
  return id;
}

/**
 * Reads the word starting at `start` (a word character: see text/tokens.ts `wordEnd`),
 * folding and hashing it on the way; sets foundStem and foundStop; returns its end.
 */
function lookUpWordAt(text: string, start: number): number {
  let i = start;
  let len = 0;
  let h = 0x811c9dc5;
  for (;;) {
    // A run of word characters (ASCII ones straight from the tables).
    for (;;) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        const f = ASCII_FOLD[c]!;
        if (len < WORD_TABLE_WORD) foldedWord[len] = f;
        len++;
        h = Math.imul(h ^ f, 0x01000193);
        i++;
        continue;
      }
      const w = wordCharAt(text, i); // 0 past the end (c is NaN)
      if (w === 0) break;
      for (const e = i + w; i < e; i++) {
        const f = foldUnit(text.charCodeAt(i));
        if (len < WORD_TABLE_WORD) foldedWord[len] = f;
        len++;
        h = Math.imul(h ^ f, 0x01000193);
      }
    }
    // Then ' ’ or - joins another run.
    const c = text.charCodeAt(i);
    if (c !== 39 && c !== 0x2019 && c !== 45) break;
    if (wordCharAt(text, i + 1) === 0) break;
    const f = foldUnit(c);
    if (len < WORD_TABLE_WORD) foldedWord[len] = f;
    len++;
    h = Math.imul(h ^ f, 0x01000193);
    i++;
  }
  if (len > WORD_TABLE_WORD) {
    const norm = foldForMatch(text.slice(start, i));
    foundStem = stemIdOf(norm);
    foundStop = STOPWORDS.has(norm);
    return i;
  }
  h = Math.imul(h ^ len, 0x01000193);
  if (h === 0) h = 1; // 0 marks an empty slot
  let slot = h & WORD_TABLE_MASK;
  for (let g = slotHash[slot]; g !== 0; g = slotHash[slot]) {
    if (g === h) {
      const norm = slotNorm[slot]!;
      if (norm.length === len) {
        let k = 0;
        while (k < len && norm.charCodeAt(k) === foldedWord[k]) k++;
        if (k === len) {
          foundStem = slotStem[slot]!;
          foundStop = slotStop[slot] === 1;
          return i;
        }
      }
    }
    slot = (slot + 1) & WORD_TABLE_MASK;
  }
  // foldForMatch maps unit by unit, so this is foldForMatch(text).slice(start, i).
  const norm = String.fromCharCode.apply(null, foldedWord.subarray(0, len) as unknown as number[]);
  foundStem = stemIdOf(norm);
  foundStop = STOPWORDS.has(norm);
  if (wordCount < WORD_TABLE_MAX) {
    slotHash[slot] = h;
    slotNorm[slot] = norm;
    slotStem[slot] = foundStem;
    slotStop[slot] = foundStop ? 1 : 0;
    wordCount++;
  }
  return i;
}

/** `#class` terms, made once per class. */
const CLASS_TERMS = new Map<string, string>();
function classTerm(cls: string): string {
  let t = CLASS_TERMS.get(cls);
  if (t === undefined) CLASS_TERMS.set(cls, (t = '#' + cls));
  return t;
}

/** Index terms of a text: content stems plus synonym classes ("talks" → "#meet"). */
export function termsOf(text: string): Terms {
  if (wordCount >= WORD_TABLE_MAX || stemText.length >= WORD_TABLE_MAX) resetWords();
  const call = ++termsCall;
  const ids = scratchIds;
  ids.length = 0;
  const stems: string[] = [];
  const terms: string[] = [];
  let classy = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    i = lookUpWordAt(text, i);
    const id = foundStem;
    ids.push(id);
    if (stemClassy[id]) classy = true;
    if (foundStop) continue;
    const s = stemText[id]!;
    stems.push(s);
    // Distinct stems in order of first use (what a Set would give).
    if (stemMark[id] !== call) {
      stemMark[id] = call;
      terms.push(s);
    }
  }
  const classOf = new Map<string, string>();
  if (classy) {
    const allStems = ids.map((id) => stemText[id]!);
    let classTerms: string[] | undefined;
    for (const h of classHits(allStems)) {
      let t = classTerm(h.cls);
      if (classTerms === undefined) classTerms = [t];
      else if (!classTerms.includes(t)) classTerms.push(t);
      else t = '';
      // (A stem is made of word characters, so it is never a `#class` term; checked all the same.)
      if (t !== '') {
        const sid = stemIds.get(t);
        if (sid === undefined || stemMark[sid] !== call) terms.push(t);
      }
      for (let k = h.from; k < h.to; k++) if (!classOf.has(allStems[k]!)) classOf.set(allStems[k]!, h.cls);
    }
  }
  return { terms, stems, classOf };
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
  /** Every indexed term, as an index into a word list kept elsewhere; term k's sentence ids are `ids[offsets[k] .. offsets[k+1])`. */
  terms: Int32Array;
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

/** Stamps of index states, unique in the process (see `SentenceIndex.version`); they fit an Int32Array slot. */
let lastStamp = 0;
const nextStamp = (): number => (lastStamp = (lastStamp % 0x7ffffffe) + 1);

export class SentenceIndex {
  /** Term → its posting, or the number k of its posting in `stored` (made into an object when first read). */
  private postingMap: Map<string, Posting | number> | undefined = new Map();
  /** The stored terms (indexes into `words`) until the map is made from them (see `postings`). */
  private storedTerms: { terms: Int32Array; words: readonly string[] } | undefined;
  /** Postings read back from the persistent index: term k's ids are `ids[offsets[k] .. offsets[k+1])`. */
  private stored: { ids: Int32Array; offsets: Int32Array } | undefined;
  /** Per sentence id: its number of terms, and 1 while it is alive (the first `count` entries are used). */
  private lengths = new Int32Array(1024);
  private alive = new Uint8Array(1024);
  private count = 0;
  private totalLength = 0;
  private liveCount = 0;
  private vocab: Vocabulary | undefined;
  private fuse: Fuse<string> | undefined;
  /** Per sentence id, 1 / BM25's length normalisation (0 once removed), for the average length `invAvg`. */
  private inv = new Float64Array(0);
  private invAvg = NaN;
  private invCount = 0;
  private invLive = 0;
  private scratch = new Float64Array(0);
  private touched = new Int32Array(0);
  /** Sentences a restricted search keeps (see `searchAmong`); all 0 between searches. */
  private mark = new Uint8Array(0);
  /** Runs of consecutive ids of a restricted search, and the same packed for sorting (see `accumulateAmong`). */
  private runFrom = new Int32Array(0);
  private runTo = new Int32Array(0);
  private amongSorted = new Float64Array(0);
  private stamp = nextStamp();

  /**
   * The term map. An index read back from the persistent index makes it on first use rather
   * than at a warm start: about 100,000 terms at 19,000 articles (20-30 ms), which the first
   * search then pays once.
   */
  private get postings(): Map<string, Posting | number> {
    if (!this.postingMap) {
      const { terms, words } = this.storedTerms!;
      const map = new Map<string, Posting | number>();
      for (let k = 0; k < terms.length; k++) map.set(words[terms[k]!]!, k);
      this.postingMap = map;
      this.storedTerms = undefined;
    }
    return this.postingMap;
  }

  /** Changes whenever sentences are added or removed; no two indexes in a process share one. */
  get version(): number {
    return this.stamp;
  }

  /** Plain data for the persistent index (see ../cache); `idOf` numbers the terms in a word list of the caller's. */
  exportState(idOf: (term: string) => number): IndexState {
    const terms = [...this.postings.keys()];
    const offsets = new Int32Array(terms.length + 1);
    // Postings still as read back are copied from the stored arrays, not made into objects.
    const lists = terms.map((t) => this.idsOf(this.postings.get(t)!));
    let n = 0;
    lists.forEach((l, k) => {
      offsets[k] = n;
      n += l.length;
    });
    offsets[terms.length] = n;
    const ids = new Int32Array(n);
    lists.forEach((l, k) => ids.set(l, offsets[k]));
    return {
      terms: Int32Array.from(terms, idOf),
      offsets,
      ids,
      lengths: this.lengths.slice(0, this.count),
      alive: this.alive.slice(0, this.count),
      totalLength: this.totalLength,
      liveCount: this.liveCount,
    };
  }

  static fromState(state: IndexState, words: readonly string[]): SentenceIndex {
    const index = new SentenceIndex();
    const { terms, offsets, ids } = state;
    index.stored = { ids, offsets };
    index.postingMap = undefined;
    index.storedTerms = { terms, words };
    // Copies with room to grow (the stored arrays may be views of the file's bytes).
    index.count = state.lengths.length;
    index.lengths = new Int32Array(Math.max(1024, index.count + (index.count >> 2)));
    index.lengths.set(state.lengths);
    index.alive = new Uint8Array(index.lengths.length);
    index.alive.set(state.alive);
    index.totalLength = state.totalLength;
    index.liveCount = state.liveCount;
    return index;
  }

  /** The ids of a posting, or of stored posting k. */
  private idsOf(p: Posting | number): Posting['ids'] {
    if (typeof p !== 'number') return p.ids;
    const { ids, offsets } = this.stored!;
    return ids.subarray(offsets[p]!, offsets[p + 1]!);
  }

  private posting(term: string): Posting | undefined {
    const p = this.postings.get(term);
    if (typeof p !== 'number') return p;
    const made = { ids: this.idsOf(p) };
    this.postings.set(term, made);
    return made;
  }

  /** Adds a sentence; returns its id. */
  add(terms: readonly string[]): number {
    const id = this.count++;
    this.stamp = nextStamp();
    if (id >= this.lengths.length) {
      const lengths = new Int32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      const alive = new Uint8Array(lengths.length);
      alive.set(this.alive);
      this.lengths = lengths;
      this.alive = alive;
    }
    this.lengths[id] = terms.length;
    this.alive[id] = 1;
    this.totalLength += terms.length;
    this.liveCount++;
    for (const t of terms) {
      let p = this.posting(t);
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
    this.stamp = nextStamp();
    this.alive[id] = 0;
    this.liveCount--;
    this.totalLength -= this.lengths[id]!;
    for (const t of terms ?? []) {
      const p = this.posting(t);
      if (!p) continue;
      const ids = mutableIds(p);
      const at = lowerBound(ids, id);
      if (ids[at] === id) ids.splice(at, 1);
    }
  }

  get size(): number {
    return this.liveCount;
  }

  df(term: string): number {
    return this.posting(term)?.ids.length ?? 0;
  }

  idf(term: string): number {
    const n = Math.max(1, this.liveCount);
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Ids of the sentences a term is posted for, ascending (removed ones included when deleted without their terms). */
  sentencesWith(term: string): ArrayLike<number> {
    return this.posting(term)?.ids ?? [];
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

  /**
   * Per sentence id, the inverse of BM25's length normalisation `1 + K1 (1 - B + B len / avg)`,
   * or 0 for a removed sentence: one multiplication per posting instead of a division and a
   * liveness test. Made again when sentences come or go, even if the average stays the same.
   */
  private weights(): Float64Array {
    const avg = this.liveCount ? this.totalLength / this.liveCount : 1;
    if (this.invAvg !== avg || this.invCount !== this.count || this.invLive !== this.liveCount) {
      if (this.inv.length < this.count) this.inv = new Float64Array(this.lengths.length);
      const { lengths, alive, inv } = this;
      for (let id = 0; id < this.count; id++) inv[id] = alive[id] === 0 ? 0 : 1 / (1 + K1 * (1 - B + (B * lengths[id]!) / avg));
      this.invAvg = avg;
      this.invCount = this.count;
      this.invLive = this.liveCount;
    }
    return this.inv;
  }

  /** The query's terms as searched: those absent from the index replaced by close spellings. */
  private expand(queryTerms: readonly string[]): { term: string; weight: number }[] {
    const expanded: { term: string; weight: number }[] = [];
    for (const t of queryTerms) {
      if (this.postings.has(t)) expanded.push({ term: t, weight: t.startsWith('#') ? 0.5 : 1 });
      else for (const f of this.fuzzyTerms(t)) expanded.push({ term: f, weight: 0.8 });
    }
    return expanded;
  }

  /**
   * The postings a query reads, each with what one of its sentences adds to a score (before
   * length normalisation). Very common terms add little and cost much: they are left out when
   * rarer ones exist. In a small corpus every word is "common" (one sentence: every word is in
   * all of it), so only there.
   */
  private postingLists(queryTerms: readonly string[]): { ids: ArrayLike<number>; num: number }[] {
    const expanded = this.expand(queryTerms);
    const lists: { ids: ArrayLike<number>; num: number }[] = [];
    for (const { term, weight } of expanded) {
      const ids = this.posting(term)!.ids;
      if (this.liveCount >= 200 && ids.length > this.liveCount * 0.25 && expanded.length > 3) continue;
      lists.push({ ids, num: this.idf(term) * weight * (K1 + 1) });
    }
    return lists;
  }

  /**
   * BM25 scores of the sentences in `lists` (only those marked in `mark`, when given), summed
   * in the scratch array; returns how many ids `touched` holds. The caller reads each score
   * and sets it back to 0.
   */
  private accumulate(lists: readonly { ids: ArrayLike<number>; num: number }[], mark?: Uint8Array): number {
    this.growScratch();
    let n = 0;
    for (const { ids, num } of lists) n = this.addPosting(ids, num, mark, n);
    return n;
  }

  /** Scores accumulate in a scratch array (same additions in the same order as a map would get); `touched` is as long. */
  private growScratch(): void {
    if (this.scratch.length < this.count) {
      this.scratch = new Float64Array(Math.max(1024, this.count * 2));
      this.touched = new Int32Array(this.scratch.length);
    }
  }

  /**
   * Adds one posting's BM25 terms (only for sentences marked in `mark`, when given) to the
   * scratch scores; `n`: how many ids `touched` holds so far. Returns the new count.
   */
  private addPosting(ids: ArrayLike<number>, num: number, mark: Uint8Array | undefined, n: number): number {
    const inv = this.weights();
    const scores = this.scratch;
    // Ids scored so far, in a typed array: a growing list of 30,000 ids per query was 8x slower.
    const touched = this.touched;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      if (mark !== undefined && mark[id] === 0) continue;
      const w = inv[id]!;
      // 0: a removed sentence.
      if (w === 0) continue;
      // Every term adds more than 0, so a score of 0 means not scored yet. The id is written
      // either way and kept only then: a branch here is mispredicted about half the time,
      // and the search ran a quarter slower with it.
      const old = scores[id]!;
      touched[n] = id;
      n += Number(old === 0);
      scores[id] = old + num * w;
    }
    return n;
  }

  /**
   * `accumulate` over the marked sentences `among` (ids, any order, each once). A posting
   * much longer than the number of runs of consecutive ids in `among` (a source's sentences
   * are one run) is read only within them, stepping from run to run in ascending order with
   * a galloping search; the others are read whole, as `accumulate` reads them. Each sentence
   * gets the same additions in the same order either way (lists in turn), so the same
   * scores; only the order of `touched` differs, which the caller's heap does not see.
   */
  private accumulateAmong(lists: readonly { ids: ArrayLike<number>; num: number }[], mark: Uint8Array, among: ArrayLike<number>): number {
    this.growScratch();
    // Runs of consecutive ids, ascending: run r is runFrom[r] ..= runTo[r].
    if (this.runFrom.length < among.length) {
      this.runFrom = new Int32Array(among.length * 2);
      this.runTo = new Int32Array(among.length * 2);
      this.amongSorted = new Float64Array(among.length * 2);
    }
    // Runs in the order given, then sorted by start: each is packed as its start times 2^22
    // plus its length less one (a longer run is cut), which a numeric sort orders by start.
    const packed = this.amongSorted;
    let runs = 0;
    let from = -2;
    let to = -2;
    for (let k = 0; k <= among.length; k++) {
      const id = k < among.length ? among[k]! : -2;
      if (id === to + 1 && id - from < RUN_CUT) to = id;
      else {
        if (from >= 0) packed[runs++] = from * RUN_CUT + (to - from);
        from = to = id;
      }
    }
    const order = packed.subarray(0, runs).sort();
    const runFrom = this.runFrom;
    const runTo = this.runTo;
    for (let r = 0; r < runs; r++) {
      const p = order[r]!;
      const len = p % RUN_CUT;
      runFrom[r] = (p - len) / RUN_CUT;
      runTo[r] = runFrom[r]! + len;
    }
    const inv = this.weights();
    const scores = this.scratch;
    const touched = this.touched;
    let n = 0;
    for (const { ids, num } of lists) {
      const len = ids.length;
      // Stepping to a run costs a few reads of the posting; reading it whole, one per id
      // (measured on a story's search at Reuters scale: any factor from 4 to 32 did as well).
      if (runs * 16 < len) {
        let j = 0;
        for (let r = 0; r < runs && j < len; r++) {
          // The first id at or after the run's start, from j on: gallop, then bisect.
          const first = runFrom[r]!;
          if (ids[j]! < first) {
            let lo = j;
            let step = 1;
            while (lo + step < len && ids[lo + step]! < first) {
              lo += step;
              step *= 2;
            }
            let hi = Math.min(len, lo + step);
            lo++;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (ids[mid]! < first) lo = mid + 1;
              else hi = mid;
            }
            j = lo;
          }
          const last = runTo[r]!;
          for (; j < len; j++) {
            const id = ids[j]!;
            if (id > last) break;
            const w = inv[id]!;
            if (w === 0) continue;
            const old = scores[id]!;
            touched[n] = id;
            n += Number(old === 0);
            scores[id] = old + num * w;
          }
        }
        continue;
      }
      n = this.addPosting(ids, num, mark, n);
    }
    return n;
  }

  /**
   * `search` restricted to the sentences `among` (ids, any order, each once), with the same
   * scores and order; much cheaper than a filtered search (a story's sources in an archive).
   */
  searchAmong(queryTerms: readonly string[], limit: number, among: ArrayLike<number>): Hit[] {
    const lists = this.postingLists(queryTerms);
    let postingsRead = 0;
    for (const l of lists) postingsRead += l.ids.length;
    const heap = new TopK(limit);
    // A lookup costs about log2 of its posting's length; reading a posting costs one step per id.
    if (among.length * lists.length * 16 <= postingsRead) {
      const inv = this.weights();
      for (let k = 0; k < among.length; k++) {
        const id = among[k]!;
        const w = inv[id] ?? 0;
        if (w === 0) continue;
        let score = 0;
        for (const { ids, num } of lists) if (postedAt(ids, id)) score = score + num * w;
        if (score > 0) heap.offer(id, score);
      }
      return heap.sorted();
    }
    // Otherwise the postings are read as `search` reads them, keeping the marked sentences only
    // (a filter called for each of 30,000 hits cost more than the reading); a long posting only
    // where the runs of consecutive ids in `among` lie (a source's sentences are one run).
    if (this.mark.length < this.count) this.mark = new Uint8Array(Math.max(1024, this.count * 2));
    const mark = this.mark;
    for (let k = 0; k < among.length; k++) if (among[k]! < this.count) mark[among[k]!] = 1;
    const n = this.accumulateAmong(lists, mark, among);
    for (let k = 0; k < among.length; k++) if (among[k]! < this.count) mark[among[k]!] = 0;
    const scores = this.scratch;
    const touched = this.touched;
    for (let i = 0; i < n; i++) {
      const id = touched[i]!;
      heap.offer(id, scores[id]!);
      scores[id] = 0;
    }
    return heap.sorted();
  }

  /** BM25 over the query terms; terms absent from the index are replaced by close spellings. */
  search(queryTerms: readonly string[], limit: number, filter?: (id: number) => boolean): Hit[] {
    const n = this.accumulate(this.postingLists(queryTerms));
    const scores = this.scratch;
    const touched = this.touched;
    // The best `limit` by score (ties: lower id first), kept in a small heap rather than sorting every hit.
    const heap = new TopK(limit);
    // Most hits score below the worst kept once the heap is full: rejected here without a call
    // (the bar is kept in a local, as reading it from the heap for each of 25,000 hits showed).
    let bar = -Infinity;
    let full = false;
    for (let i = 0; i < n; i++) {
      const id = touched[i]!;
      const score = scores[id]!;
      scores[id] = 0;
      if ((!full || score >= bar) && (!filter || filter(id))) {
        heap.offer(id, score);
        full = heap.full;
        bar = heap.worstScore;
      }
    }
    return heap.sorted();
  }
}

/** Longest run of ids `accumulateAmong` packs in one number (2^22). */
const RUN_CUT = 4_194_304;

/** Where `id` is, or would go, in an ascending list of ids (binary search). */
function lowerBound(ids: ArrayLike<number>, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an ascending list of ids holds `id`. */
function postedAt(ids: ArrayLike<number>, id: number): boolean {
  const at = lowerBound(ids, id);
  return at < ids.length && ids[at] === id;
}

/** The k best hits offered (higher score first, then lower id), in a binary heap whose root is the worst kept. */
class TopK {
  private ids: number[] = [];
  private scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Whether k hits are kept. */
  get full(): boolean {
    return this.ids.length >= this.k;
  }

  /** The lowest score kept (when full, a hit scoring less cannot enter). */
  get worstScore(): number {
    return this.scores[0] ?? -Infinity;
  }

  /** True when hit a ranks below hit b. */
  private worse(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa < sb || (sa === sb && this.ids[a]! > this.ids[b]!);
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a]!;
    this.ids[a] = this.ids[b]!;
    this.ids[b] = id;
    const score = this.scores[a]!;
    this.scores[a] = this.scores[b]!;
    this.scores[b] = score;
  }

  offer(id: number, score: number): void {
    if (this.k <= 0) return;
    const n = this.ids.length;
    if (n < this.k) {
      this.ids.push(id);
      this.scores.push(score);
      for (let i = n; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0]!;
    if (score < rootScore || (score === rootScore && id > this.ids[0]!)) return;
    this.ids[0] = id;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.worse(l, m)) m = l;
      if (r < n && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): Hit[] {
    const hits = this.ids.map((id, i) => ({ id, score: this.scores[i]! }));
    return hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}

/** Folded text used for display-independent comparisons. */
export function folded(text: string): string {
  return foldForMatch(text);
}
