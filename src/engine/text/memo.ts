/** Bounded memoisation of pure functions of one string. */

/**
 * How many sentences the readings a check asks for again are remembered for (tokens, words,
 * names, figures). A check reads every sentence of the draft, and the next check of the same
 * draft (sources changed, a setting changed, the file opened again) reads them again: 512
 * sentences are a draft of some 20,000 words. Indexing goes through the same memos, one
 * sentence after another, so for it the size only bounds the memory they hold.
 */
export const SENTENCE_MEMO = 512;

const NONE = Symbol('none');

/**
 * `f` with its results remembered for repeated arguments. Memory is bounded: two
 * generations of at most `size` entries each; when the newer one fills it becomes
 * the older one (entries used since survive the flip). `f` must be pure and
 * return primitives or values its callers never mutate.
 */
export function memoize<T>(f: (s: string) => T, size = 4096): (s: string) => T {
  let cur = new Map<string, T | typeof NONE>();
  let old = new Map<string, T | typeof NONE>();
  return (s: string): T => {
    let v = cur.get(s);
    if (v !== undefined) return (v === NONE ? undefined : v) as T;
    v = old.get(s);
    if (v === undefined) {
      const r = f(s);
      v = r === undefined ? NONE : r;
    }
    if (cur.size >= size) {
      old = cur;
      cur = new Map();
    }
    cur.set(s, v);
    return (v === NONE ? undefined : v) as T;
  };
}

/**
 * `f` remembering its results for the last `size` distinct arguments: for
 * analyses that several extractors ask of the same sentence in a row. Callers get
 * the same value each time, so `f` must return values nobody mutates (or the
 * caller copies them).
 */
export function recent<T>(f: (s: string) => T, size = 8): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(s, v);
    }
    return v;
  };
}
