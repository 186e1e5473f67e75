/**
 * Search classes and quantifier and negation words, read from ./data (each entry with
 * its reason): words outlets use interchangeably for one thing, as stems (../nlp `stem`)
 * or multi-word phrases. Nothing here is specific to any corpus.
 */
import { stem } from '../nlp';
import classes from './data/search-classes.json';
import words from './data/words.json';

const set = (group: { words: Record<string, string> }): ReadonlySet<string> => new Set(Object.keys(group.words));

/** Word classes for search (./data/search-classes.json, each with its reason). */
const RAW: Record<string, string[]> = {};
for (const [cls, entry] of Object.entries(classes.classes)) RAW[cls] = entry.words;

export interface ClassPhrase {
  cls: string;
  stems: string[];
}

const PHRASES: ClassPhrase[] = [];
const SINGLE = new Map<string, string>();
for (const [cls, words] of Object.entries(RAW)) {
  for (const w of words) {
    const stems = w.split(/[\s-]+/).map((x) => stem(x));
    if (stems.length === 1) {
      if (!SINGLE.has(stems[0]!)) SINGLE.set(stems[0]!, cls);
    } else PHRASES.push({ cls, stems });
  }
}
PHRASES.sort((a, b) => b.stems.length - a.stems.length);

/** The class phrases in the order classHits tries them (longest first). */
export const CLASS_PHRASES: readonly ClassPhrase[] = PHRASES;

/** Class of a single stem, or undefined. */
export function classOfStem(s: string): string | undefined {
  return SINGLE.get(s);
}

export interface ClassHit {
  cls: string;
  /** Index of the first token of the hit and one past the last. */
  from: number;
  to: number;
}

/** Phrases by their first stem, each with its rank in PHRASES (the order classHits tries them in). */
const PHRASES_BY_FIRST = new Map<string, { rank: number; phrase: ClassPhrase }[]>();
PHRASES.forEach((phrase, rank) => {
  const first = phrase.stems[0]!;
  let list = PHRASES_BY_FIRST.get(first);
  if (!list) PHRASES_BY_FIRST.set(first, (list = []));
  list.push({ rank, phrase });
});

/** True when `classHits` can find something at a token with this stem (a class word or a phrase's first word). */
export function startsClassHit(s: string): boolean {
  return SINGLE.has(s) || PHRASES_BY_FIRST.has(s);
}

/**
 * Finds class words and phrases in a token stem sequence, longest phrases first.
 * `stems` must be the stems of consecutive word tokens.
 *
 * Phrases are tried in PHRASES order, each left to right, and a phrase occurrence
 * is taken when none of its tokens is taken yet; then every free token that is a
 * class word is a hit. Only occurrences found through their first stem are tried,
 * in that same order, so the hits are those of trying every phrase everywhere.
 */
export function classHits(stems: string[]): ClassHit[] {
  const n = stems.length;
  /** Occurrences of phrases, as rank * n + start. */
  let found: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const list = PHRASES_BY_FIRST.get(stems[i]!);
    if (list === undefined) continue;
    for (const { rank, phrase } of list) {
      const ps = phrase.stems;
      if (i + ps.length > n) continue;
      let ok = true;
      for (let j = 1; j < ps.length; j++) {
        if (stems[i + j] !== ps[j]) {
          ok = false;
          break;
        }
      }
      if (ok) (found ??= []).push(rank * n + i);
    }
  }
  /** Per token: the class of the hit that starts there, and its end. */
  let hitCls: (string | undefined)[] | undefined;
  let hitEnd: number[] | undefined;
  let taken: Uint8Array | undefined;
  if (found !== undefined) {
    found.sort((a, b) => a - b);
    taken = new Uint8Array(n);
    hitCls = new Array<string | undefined>(n);
    hitEnd = new Array<number>(n);
    for (const key of found) {
      const i = key % n;
      const p = PHRASES[(key - i) / n]!;
      const len = p.stems.length;
      let free = true;
      for (let j = 0; j < len; j++) {
        if (taken[i + j]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      for (let j = 0; j < len; j++) taken[i + j] = 1;
      hitCls[i] = p.cls;
      hitEnd[i] = i + len;
    }
  }
  // Hits never share a start token, so walking the tokens gives them sorted by `from`.
  const hits: ClassHit[] = [];
  for (let i = 0; i < n; i++) {
    if (taken !== undefined && taken[i]) {
      const cls = hitCls![i];
      if (cls !== undefined) hits.push({ cls, from: i, to: hitEnd![i]! });
      continue;
    }
    const cls = SINGLE.get(stems[i]!);
    if (cls) hits.push({ cls, from: i, to: i + 1 });
  }
  return hits;
}

/** Words that speak of all of a group ("every member"), and of some of it ("several members"). */
export const UNIVERSAL = set(words.quantifiers.universal);
export const PARTIAL = set(words.quantifiers.partial);

/** Negation cues: words whose presence flips what a clause says. */
export const NEGATIONS = set(words.negations);
