/**
 * Word senses and concepts for claim alignment: whether two words a reporter may use for one
 * another name the same thing or event (talks ≈ negotiations, killed ≈ dead), something
 * different (killed vs injured), or something merely related; and the coarse category of a
 * counted noun (person, event, money...). Built on WordNet 3.1 (the table made at build time,
 * ./table) and a small overlay of news usage (./news-overlay.json). See README.md here.
 */
import { memoize } from '../text/memo';
import { lemmaCandidates, normalizeWord, type Pos } from './morph';
import { CATEGORIES, overlay, useOverlayData, type Category, type OverlayData } from './overlay';
import {
  ADJ,
  ALSO_SEE,
  ANTONYM,
  ATTRIBUTE,
  CAUSE,
  DERIVATION,
  ENTAILMENT,
  findLemma,
  getTable,
  HYPERNYM,
  useTableFile as setTableFile,
  INSTANCE,
  NOUN,
  PARTICIPLE,
  PERTAINYM,
  SIMILAR,
  synsetName,
  synsetPos,
  VERB,
  VERB_GROUP,
  type Table,
} from './table';

export type { Pos } from './morph';
export type { Category } from './overlay';
export { CATEGORIES, type OverlayData } from './overlay';
export { TableMissingError, TABLE_FILE, tableCandidates } from './table';

/** A word as written ("killed", "talks", "prisoners of war") with its part of speech when the caller knows it. */
export interface WordRef {
  lemma: string;
  pos?: Pos;
}
export type WordArg = string | WordRef;

/** Relatedness at or above this: the two words name the same thing (derivational and cause links count; kinds and siblings do not). */
export const SAME_THRESHOLD = 0.8;
/** Relatedness of two words that name different things that news must keep apart. */
export const OPPOSED = -1;

/**
 * The score of each way two senses can be related, before weighting by how common the two
 * senses are (see relatedness).
 */
export const LEVELS = {
  /** One synset, one overlay concept, or the same word. */
  same: 1,
  /** Derivationally related forms: negotiate–negotiation, die–death, kill–killing. */
  derivation: 0.9,
  /** A verb and the verb it causes: kill → die. */
  cause: 0.9,
  /** An adjective and the verb it is the participle of. */
  participle: 0.9,
  /** An adjective satellite and its head: slain–dead. */
  similar: 0.85,
  /** An adjective and the noun it pertains to: electoral–election. */
  pertainym: 0.85,
  /** Verbs WordNet groups as senses of similar meaning. */
  verbGroup: 0.8,
  /** One noun sense directly a kind of the other: detainee–prisoner, session–meeting. Verbs: 0.6. */
  nounHypernym: 0.7,
  verbHypernym: 0.6,
  /** Two noun senses with one direct hypernym (or one two steps above the other). Verbs: 0.45. */
  nounSibling: 0.6,
  verbSibling: 0.45,
  /** Two adjective satellites of one head. */
  adjSibling: 0.6,
  /** Noun senses three and four steps apart through their nearest common hypernym (verbs: three steps, 0.3). */
  noun3: 0.42,
  noun4: 0.29,
  verb3: 0.3,
  entailment: 0.6,
  alsoSee: 0.6,
  /** An adjective and the attribute it is a value of (dead → life): related, not the same. */
  attribute: 0.5,
} as const;

/** How two words came to their relatedness (relation().kind). */
export type RelationKind =
  | 'same-word'
  | 'overlay'
  | 'distinct'
  | 'antonym'
  | 'synonym'
  | 'derivation'
  | 'cause'
  | 'participle'
  | 'similar'
  | 'pertainym'
  | 'verb-group'
  | 'hypernym'
  | 'sibling'
  | 'cousin'
  | 'entailment'
  | 'also-see'
  | 'attribute'
  | 'none';

export interface Relation {
  /** -1 (different things), or 0..1 as relatedness returns. */
  score: number;
  kind: RelationKind;
  /** The concepts it went through: the two synsets, or the overlay concept. */
  concepts?: [string, string] | [string];
  /** The overlay entry's reason, for an overlay concept or a distinct pair. */
  reason?: string;
}

/** A sense taken into account for a word: a synset and how common it is for the word (1 for the most common). */
export interface Sense {
  concept: string;
  pos: Pos;
  salience: number;
}

/*
 * Sense weighting. A lemma's sense i (0-based, WordNet's order) with tag count c weighs
 * c + 1/(i+1): the tag counts decide where there are any, and WordNet's order (a Zipf-like
 * prior) where there are none. A sense's salience is its weight over the lemma's heaviest.
 * Senses of a base form (talk for "talks") count 0.7 of theirs when the word as written is a
 * lemma itself (talks: negotiations; wages), since the word's own senses are then a little more
 * likely, though the base form's are common too (wages are a wage's plural as much as a lemma).
 * Two senses' relation counts at the geometric mean of their saliences, so a rare sense
 * (talk as a lecture) cannot make two words the same.
 */
const BASE_DISCOUNT = 0.7;
/** An antonym link counts when its two senses weigh at least this much (geometric mean). */
const ANTONYM_MIN = 0.5;
/** Salience at least this for conceptsOf and isA: the word's dominant senses. */
const DOMINANT = 0.5;
/** Nearest common hypernym must be at least this deep (steps from a root): not entity, abstraction, group, act, event. */
const MIN_LCS_DEPTH_NOUN = 4;
const MIN_LCS_DEPTH_VERB = 1;
const NOUN_PATH = [1, LEVELS.nounHypernym, LEVELS.nounSibling, LEVELS.noun3, LEVELS.noun4];
const VERB_PATH = [1, LEVELS.verbHypernym, LEVELS.verbSibling, LEVELS.verb3];
const MAX_UP = NOUN_PATH.length - 1;

interface View {
  readonly form: string;
  readonly syn: Int32Array;
  readonly sal: Float64Array;
  readonly concepts: readonly number[];
  readonly sides: readonly number[];
}

const POS_LIST: readonly Pos[] = ['n', 'v', 'a'];
const POS_NUM: Record<Pos, number> = { n: NOUN, v: VERB, a: ADJ };
const POS_LETTER = ['n', 'v', 'a'] as const;

/**
 * The senses and overlay entries of a word. Key: mode, part of speech ('*' for any), '|', the
 * normalised word. Mode 'w' (a word to compare): each candidate lemma's senses are weighed
 * against that lemma's most common sense, base forms' at BASE_DISCOUNT when the word is a lemma
 * itself. Mode 'c' (a counted noun, for categories): all candidate lemmas' senses are weighed
 * together by tag count, since what is counted in "90 minutes" is minutes in the sense the
 * concordance tags most often (the unit of time, tagged as minute; not the record of a meeting).
 */
function makeView(key: string): View {
  const bar = key.indexOf('|');
  const counted = key[0] === 'c';
  const posKey = key.slice(1, bar);
  const form = key.slice(bar + 1);
  const t = getTable();
  const ov = overlay();
  const syn: number[] = [];
  const sal: number[] = [];
  const concepts: number[] = [];
  const sides: number[] = [];
  const addAll = (into: number[], from: readonly number[] | undefined) => {
    if (from) for (const x of from) if (!into.includes(x)) into.push(x);
  };
  for (const pos of posKey === '*' ? POS_LIST : [posKey as Pos]) {
    const p = POS_NUM[pos];
    const cands = lemmaCandidates(form, pos, known);
    const first = syn.length;
    let exact = false;
    let posMax = 0;
    cands.forEach((cand, k) => {
      addAll(concepts, ov.conceptsOf.get(cand));
      addAll(concepts, ov.conceptsOf.get(`${cand}/${pos}`));
      addAll(sides, ov.sidesOf.get(cand));
      addAll(sides, ov.sidesOf.get(`${cand}/${pos}`));
      const li = findLemma(t, cand);
      if (li < 0) return;
      const from = t.senseStart[li]!;
      const to = t.senseStart[li + 1]!;
      let max = 0;
      let rank = 0;
      for (let s = from; s < to; s++) {
        if (synsetPos(t, t.senseSynset[s]!) !== p) continue;
        const w = t.senseTag[s]! + 1 / (rank + 1);
        if (w > max) max = w;
        rank++;
      }
      if (rank === 0) return;
      if (k === 0) exact = true;
      if (counted) posMax = Math.max(posMax, max);
      // Word mode: against this lemma's most common sense; counted mode: raw, against all lemmas' (below).
      const scale = counted ? 1 : (k > 0 && exact ? BASE_DISCOUNT : 1) / max;
      rank = 0;
      for (let s = from; s < to; s++) {
        const ss = t.senseSynset[s]!;
        if (synsetPos(t, ss) !== p) continue;
        const v = (t.senseTag[s]! + 1 / (rank + 1)) * scale;
        rank++;
        const at = syn.indexOf(ss);
        if (at < 0) {
          syn.push(ss);
          sal.push(v);
        } else if (v > sal[at]!) sal[at] = v;
      }
    });
    if (counted && posMax > 0) for (let i = first; i < sal.length; i++) sal[i]! /= posMax;
  }
  return { form, syn: Int32Array.from(syn), sal: Float64Array.from(sal), concepts, sides };
}

/** A word WordNet or the overlay has as a lemma or as a word of one (for the words of a phrase). */
function known(word: string): boolean {
  return findLemma(getTable(), word) >= 0 || overlay().words.has(word);
}

let viewOf = memoize(makeView, 8192);

/**
 * Views by the word as given, one map per part of speech, so that a word met again costs one
 * map lookup and no allocation (the memo above is keyed on the normalised word).
 */
const RAW_VIEWS_MAX = 16384;
let rawViews = { '*': new Map<string, View>(), n: new Map<string, View>(), v: new Map<string, View>(), a: new Map<string, View>() };

/** Forgets every word and synset worked out (after the table or the overlay changed). */
function forget(): void {
  viewOf = memoize(makeView, 8192);
  rawViews = { '*': new Map(), n: new Map(), v: new Map(), a: new Map() };
  ancestorCache = new Map();
  depthMemo = new Uint8Array(0);
  markStamp = new Uint32Array(0);
  anchorOf = undefined;
  categoryMask = new Uint16Array(0);
}

/** Uses other overlay data from now on (tests and measurements: an empty one shows what WordNet alone gives); undefined goes back to the shipped one. */
export function useOverlay(d: OverlayData | undefined): void {
  useOverlayData(d);
  forget();
}

/** Reads the WordNet table from `file` from now on (tests); undefined goes back to the places tableCandidates() gives. */
export function useTableFile(file: string | undefined): void {
  setTableFile(file);
  forget();
}

function view(w: WordArg): View {
  const lemma = typeof w === 'string' ? w : w.lemma;
  const pos = typeof w === 'string' ? '*' : (w.pos ?? '*');
  const map = rawViews[pos];
  let v = map.get(lemma);
  if (!v) {
    v = viewOf(`w${pos}|${normalizeWord(lemma)}`);
    if (map.size >= RAW_VIEWS_MAX) map.clear();
    map.set(lemma, v);
  }
  return v;
}

function countedView(word: string): View {
  return viewOf(`cn|${normalizeWord(word)}`);
}

// ---- Links and hypernyms between two synsets ----

/** Scratch for the last level() call: how the two synsets are related. */
let levelKind: RelationKind = 'none';
let levelAntonym = false;

const LINK_LEVEL: Record<number, [number, RelationKind]> = {
  [DERIVATION]: [LEVELS.derivation, 'derivation'],
  [CAUSE]: [LEVELS.cause, 'cause'],
  [PARTICIPLE]: [LEVELS.participle, 'participle'],
  [SIMILAR]: [LEVELS.similar, 'similar'],
  [PERTAINYM]: [LEVELS.pertainym, 'pertainym'],
  [VERB_GROUP]: [LEVELS.verbGroup, 'verb-group'],
  [ENTAILMENT]: [LEVELS.entailment, 'entailment'],
  [ALSO_SEE]: [LEVELS.alsoSee, 'also-see'],
  [ATTRIBUTE]: [LEVELS.attribute, 'attribute'],
};
const LINK_LEVEL_VALUE = new Float64Array(16);
for (const [type, [v]] of Object.entries(LINK_LEVEL)) LINK_LEVEL_VALUE[Number(type)] = v;

/** Best direct link from a to b (hypernyms aside), recording an antonym in levelAntonym. */
function directLinks(t: Table, a: number, b: number, best: number): number {
  for (let k = t.linkStart[a]!, end = t.linkStart[a + 1]!; k < end; k++) {
    if (t.linkTarget[k] !== b) continue;
    const type = t.linkType[k]!;
    if (type === ANTONYM) levelAntonym = true;
    else if (LINK_LEVEL_VALUE[type]! > best) {
      best = LINK_LEVEL_VALUE[type]!;
      levelKind = LINK_LEVEL[type]![1];
    }
  }
  return best;
}

/** Head of an adjective satellite (itself otherwise). */
function headOf(t: Table, s: number): number {
  if (!(t.synsetLex[s]! & 0x80)) return s;
  for (let k = t.linkStart[s]!, end = t.linkStart[s + 1]!; k < end; k++) if (t.linkType[k] === SIMILAR) return t.linkTarget[k]!;
  return s;
}

function hasAntonym(t: Table, a: number, b: number): boolean {
  for (let k = t.linkStart[a]!, end = t.linkStart[a + 1]!; k < end; k++) if (t.linkType[k] === ANTONYM && t.linkTarget[k] === b) return true;
  for (let k = t.linkStart[b]!, end = t.linkStart[b + 1]!; k < end; k++) if (t.linkType[k] === ANTONYM && t.linkTarget[k] === a) return true;
  return false;
}

/** Depth of each synset (fewest hypernym steps to a root) + 1; 0 = not worked out yet. */
let depthMemo = new Uint8Array(0);

function depthOf(t: Table, s: number): number {
  if (depthMemo.length !== t.synsetCount) depthMemo = new Uint8Array(t.synsetCount);
  const m = depthMemo[s]!;
  if (m) return m - 1;
  depthMemo[s] = 1; // a guard against cycles (WordNet has none)
  let d = -1;
  for (let k = t.linkStart[s]!, end = t.linkStart[s + 1]!; k < end; k++) {
    const type = t.linkType[k]!;
    if (type > INSTANCE) break;
    const pd = depthOf(t, t.linkTarget[k]!) + 1;
    if (d < 0 || pd < d) d = pd;
  }
  if (d < 0) d = 0;
  depthMemo[s] = Math.min(d, 254) + 1;
  return d;
}

/** Hypernyms of s up to MAX_UP steps (an instance hypernym counts two), as [synset, steps, ...], s itself first. */
function makeAncestors(t: Table, s: number): Int32Array {
  const out: number[] = [s, 0];
  for (let i = 0; i < out.length; i += 2) {
    const x = out[i]!;
    const d = out[i + 1]!;
    for (let k = t.linkStart[x]!, end = t.linkStart[x + 1]!; k < end; k++) {
      const type = t.linkType[k]!;
      if (type > INSTANCE) break;
      const nd = d + (type === INSTANCE ? 2 : 1);
      if (nd > MAX_UP) continue;
      const y = t.linkTarget[k]!;
      let seen = false;
      for (let j = 0; j < out.length; j += 2) if (out[j] === y) seen = true;
      if (!seen) out.push(y, nd);
    }
  }
  return Int32Array.from(out);
}

let ancestorCache = new Map<number, Int32Array>();

function ancestors(t: Table, s: number): Int32Array {
  let a = ancestorCache.get(s);
  if (!a) {
    if (ancestorCache.size >= 16384) ancestorCache = new Map();
    a = makeAncestors(t, s);
    ancestorCache.set(s, a);
  }
  return a;
}

/** Marks of the synset whose ancestors are marked (stamp) and their distances. */
let markStamp = new Uint32Array(0);
let markDist = new Uint8Array(0);
let stamp = 0;

function markAncestors(t: Table, s: number): void {
  if (markStamp.length !== t.synsetCount) {
    markStamp = new Uint32Array(t.synsetCount);
    markDist = new Uint8Array(t.synsetCount);
    stamp = 0;
  }
  stamp++;
  const a = ancestors(t, s);
  for (let i = 0; i < a.length; i += 2) {
    markStamp[a[i]!] = stamp;
    markDist[a[i]!] = a[i + 1]!;
  }
}

/** Fewest steps from b through a common hypernym to the marked synset, or -1. */
function pathToMarked(t: Table, b: number, minDepth: number): number {
  const a = ancestors(t, b);
  let best = -1;
  for (let i = 0; i < a.length; i += 2) {
    const y = a[i]!;
    if (markStamp[y] !== stamp) continue;
    const l = markDist[y]! + a[i + 1]!;
    // A common hypernym must not be too general, unless it is one of the two (a direct hypernym).
    if ((best < 0 || l < best) && (markDist[y] === 0 || a[i + 1] === 0 || depthOf(t, y) >= minDepth)) best = l;
  }
  return best;
}

/**
 * How closely synsets a and b are related (0..1), before sense weighting; sets levelKind and
 * levelAntonym. `a` must be the synset last given to markAncestors.
 */
function level(t: Table, a: number, b: number, floor: number): number {
  levelKind = 'none';
  levelAntonym = false;
  if (a === b) {
    levelKind = 'synonym';
    return 1;
  }
  let best = directLinks(t, a, b, 0);
  best = directLinks(t, b, a, best);
  const pa = synsetPos(t, a);
  const pb = synsetPos(t, b);
  if (pa === ADJ && pb === ADJ) {
    const ha = headOf(t, a);
    const hb = headOf(t, b);
    if (!levelAntonym && (ha !== a || hb !== b) && hasAntonym(t, ha, hb)) levelAntonym = true;
    if (ha === hb && LEVELS.adjSibling > best) {
      best = LEVELS.adjSibling;
      levelKind = 'sibling';
    }
  } else if (pa === pb && best < (pa === NOUN ? NOUN_PATH[1]! : VERB_PATH[1]!) && floor < (pa === NOUN ? NOUN_PATH[1]! : VERB_PATH[1]!)) {
    const path = pa === NOUN ? NOUN_PATH : VERB_PATH;
    const l = pathToMarked(t, b, pa === NOUN ? MIN_LCS_DEPTH_NOUN : MIN_LCS_DEPTH_VERB);
    if (l > 0 && l < path.length && path[l]! > best) {
      best = path[l]!;
      levelKind = l === 1 ? 'hypernym' : l === 2 ? 'sibling' : 'cousin';
    }
  }
  return best;
}

// ---- Words ----

let lastRelation: Relation = { score: 0, kind: 'none' };
let explain = false;

/**
 * The overlay's distinct group in which the two words stand on different sides, or -1. A word
 * on two sides of a group (defeat: the verb wins, the noun loses) is opposed to both: when the
 * overlay cannot tell the two apart, they are not aligned.
 */
function overlayDistinct(a: View, b: View): number {
  if (!a.sides.length || !b.sides.length) return -1;
  const { sideGroup } = overlay();
  for (const x of a.sides) for (const y of b.sides) if (x !== y && sideGroup[x] === sideGroup[y]) return sideGroup[x]!;
  return -1;
}

function compare(a: View, b: View): number {
  if (a.form === b.form) {
    if (explain) lastRelation = { score: 1, kind: 'same-word' };
    return 1;
  }
  const ov = overlay();
  const g = overlayDistinct(a, b);
  if (g >= 0) {
    if (explain) lastRelation = { score: OPPOSED, kind: 'distinct', reason: ov.groups[g] };
    return OPPOSED;
  }
  for (const c of a.concepts) {
    if (b.concepts.includes(c)) {
      if (explain) lastRelation = { score: 1, kind: 'overlay', concepts: [ov.concepts[c]!.id], reason: ov.concepts[c]!.reason };
      return 1;
    }
  }
  const t = getTable();
  let best = 0;
  let bestKind: RelationKind = 'none';
  let bestA = -1;
  let bestB = -1;
  let antonym = 0;
  let antA = -1;
  let antB = -1;
  for (let i = 0; i < a.syn.length; i++) {
    const sa = a.syn[i]!;
    const wa = a.sal[i]!;
    let marked = false;
    for (let j = 0; j < b.syn.length; j++) {
      const w = Math.sqrt(wa * b.sal[j]!);
      if (w <= best && w < ANTONYM_MIN) continue;
      if (!marked) {
        markAncestors(t, sa);
        marked = true;
      }
      const lv = level(t, sa, b.syn[j]!, best / w);
      if (levelAntonym && w > antonym) {
        antonym = w;
        antA = sa;
        antB = b.syn[j]!;
      }
      if (lv * w > best) {
        best = lv * w;
        bestKind = levelKind;
        bestA = sa;
        bestB = b.syn[j]!;
      }
    }
  }
  if (antonym >= ANTONYM_MIN && best < 1) {
    if (explain) lastRelation = { score: OPPOSED, kind: 'antonym', concepts: [synsetName(t, antA), synsetName(t, antB)] };
    return OPPOSED;
  }
  if (explain) lastRelation = bestA < 0 ? { score: 0, kind: 'none' } : { score: best, kind: bestKind, concepts: [synsetName(t, bestA), synsetName(t, bestB)] };
  return best;
}

/**
 * How far two words name the same thing, for aligning a draft's claim with a source's:
 *  - 1: the same thing or event: one WordNet synset (talks, negotiation), one concept of the
 *    news overlay (killed, dead, deaths), or the same word;
 *  - about 0.9: derivationally related (negotiate, negotiation), or a verb and what it causes
 *    (kill, die); 0.85: an adjective and its head or its noun; SAME_THRESHOLD (0.8) and above
 *    counts as the same;
 *  - 0.7 one noun sense directly a kind of the other (detainee, prisoner), 0.6 siblings under
 *    one hypernym, 0.42 and 0.29 three and four steps apart (verbs lower): related, not the same;
 *  - 0: nothing found;
 *  - OPPOSED (-1): different things news must keep apart: an overlay "distinct" pair (dead,
 *    injured; prisoners, soldiers), or WordNet antonyms between common senses (buy, sell).
 * Each level is weighted by the geometric mean of the two senses' salience (how common each
 * sense is for its word), so rare senses count little; when unsure the score is low.
 * Words may be inflected (killed, talks, prisoners of war); give `pos` when known.
 * Words are worked out once and remembered (bounded); a call on words met before allocates nothing.
 */
export function relatedness(a: WordArg, b: WordArg): number {
  return compare(view(a), view(b));
}

/** relatedness with how it was reached: the kind of link, the concepts it went through, and the overlay's reason. */
export function relation(a: WordArg, b: WordArg): Relation {
  explain = true;
  try {
    lastRelation = { score: 0, kind: 'none' };
    compare(view(a), view(b));
    return lastRelation;
  } finally {
    explain = false;
  }
}

/** True when the two words name the same thing (relatedness ≥ SAME_THRESHOLD). */
export function sameThing(a: WordArg, b: WordArg): boolean {
  return relatedness(a, b) >= SAME_THRESHOLD;
}

/** The senses taken into account for a word, most common first (all kept senses of its candidate lemmas). */
export function sensesOf(word: string, pos?: Pos): Sense[] {
  const v = view({ lemma: word, pos });
  const t = getTable();
  const out: Sense[] = [];
  for (let i = 0; i < v.syn.length; i++) out.push({ concept: synsetName(t, v.syn[i]!), pos: POS_LETTER[synsetPos(t, v.syn[i]!)]!, salience: v.sal[i]! });
  return out.sort((x, y) => y.salience - x.salience);
}

/**
 * Concept ids of a word: its overlay concepts ("news:deaths") and the synsets of its dominant
 * senses (salience ≥ minSalience, default 0.5), named after a lemma that has them
 * ("negotiation.n.01"), most common first. Two words that share an id name the same thing in
 * that sense; relatedness weighs the rest.
 */
export function conceptsOf(word: string, pos?: Pos, minSalience = DOMINANT): string[] {
  const v = view({ lemma: word, pos });
  const ov = overlay();
  const out = v.concepts.map((c) => ov.concepts[c]!.id);
  for (const s of sensesOf(word, pos)) if (s.salience >= minSalience) out.push(s.concept);
  return out;
}

// ---- Categories ----

/**
 * Anchors of the categories: a noun sense (lemma, sense number in WordNet 3.1) whose hyponyms
 * fall in the category. The nearest anchor above a sense gives its category (a dollar is a
 * monetary unit before it is a measure); a sense with none falls back on its lexicographer file.
 */
const ANCHORS: readonly [string, number, Category][] = [
  ['person', 1, 'person'],
  ['people', 1, 'person'], // "people", "the dead", "the wounded": counted, they are persons
  ['organization', 1, 'organization'],
  ['group', 1, 'group'],
  ['location', 1, 'place'],
  ['time period', 1, 'time'],
  ['time unit', 1, 'time'],
  ['event', 1, 'event'],
  ['natural phenomenon', 1, 'event'], // earthquakes, floods, storms
  ['artifact', 1, 'artifact'],
  ['money', 1, 'money'],
  ['money', 3, 'money'],
  ['monetary unit', 1, 'money'],
  ['sum', 1, 'money'],
  ['possession', 2, 'money'], // WordNet's possessions: payments, costs, taxes, profits, debts
  ['measure', 2, 'quantity'],
  ['proportion', 1, 'quantity'],
  ['animal', 1, 'animal'],
];

/** Category by lexicographer file, for senses under no anchor. */
const LEX_CATEGORY: Record<number, Category> = { 4: 'event', 5: 'animal', 6: 'artifact', 11: 'event', 14: 'group', 15: 'place', 18: 'person', 21: 'money', 23: 'quantity', 28: 'time' };

let anchorOf: Map<number, number> | undefined;
/** Per synset: bit c set when category c is at or above it; bit 15 once worked out. */
let categoryMask = new Uint16Array(0);
/** Per synset: nearest category + 1. */
let categoryNear = new Uint8Array(0);

function anchors(t: Table): Map<number, number> {
  if (anchorOf) return anchorOf;
  anchorOf = new Map();
  for (const [lemma, sense, cat] of ANCHORS) {
    const li = findLemma(t, lemma);
    let n = 0;
    if (li >= 0) {
      for (let s = t.senseStart[li]!; s < t.senseStart[li + 1]!; s++) {
        if (synsetPos(t, t.senseSynset[s]!) === NOUN && ++n === sense) {
          if (!anchorOf.has(t.senseSynset[s]!)) anchorOf.set(t.senseSynset[s]!, CATEGORIES.indexOf(cat));
          break;
        }
      }
    }
    if (n !== sense) throw new Error(`concepts: category anchor ${lemma} (noun sense ${sense}) is not in the WordNet table`);
  }
  return anchorOf;
}

function categorize(t: Table, s: number): void {
  if (categoryMask.length !== t.synsetCount) {
    categoryMask = new Uint16Array(t.synsetCount);
    categoryNear = new Uint8Array(t.synsetCount);
  }
  if (categoryMask[s]! & 0x8000) return;
  const anc = anchors(t);
  let mask = 0;
  let near = -1;
  // Breadth first up the hypernyms, so the nearest anchor is met first.
  const queue = [s];
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i]!;
    const c = anc.get(x);
    if (c !== undefined) {
      mask |= 1 << c;
      if (near < 0) near = c;
    }
    for (let k = t.linkStart[x]!, end = t.linkStart[x + 1]!; k < end; k++) {
      if (t.linkType[k]! > INSTANCE) break;
      const y = t.linkTarget[k]!;
      if (!queue.includes(y)) queue.push(y);
    }
  }
  if (near < 0) {
    const lexCat = LEX_CATEGORY[t.synsetLex[s]! & 0x7f];
    near = CATEGORIES.indexOf(lexCat ?? 'other');
    if (lexCat) mask |= 1 << near;
  }
  categoryMask[s] = mask | 0x8000;
  categoryNear[s] = near + 1;
}

function overlayCategory(v: View): Category | undefined {
  const ov = overlay();
  for (const c of v.concepts) if (ov.concepts[c]!.category) return ov.concepts[c]!.category;
  return undefined;
}

/**
 * Coarse class of a counted noun: the category the word's noun senses fall in, each sense
 * weighing its salience (so the common sense decides: a city is a place, though WordNet also
 * has a city's people); the overlay's category first when the word is in an overlay concept
 * that gives one (talks, meeting: event). 'other' for a word with no noun sense.
 */
export function categoryOf(word: string): Category {
  const v = countedView(word);
  const oc = overlayCategory(v);
  if (oc) return oc;
  const t = getTable();
  const votes = new Float64Array(CATEGORIES.length);
  for (let i = 0; i < v.syn.length; i++) {
    categorize(t, v.syn[i]!);
    votes[categoryNear[v.syn[i]!]! - 1]! += v.sal[i]!;
  }
  let best = CATEGORIES.length - 1;
  for (let c = 0; c < CATEGORIES.length; c++) if (votes[c]! > votes[best]!) best = c;
  return CATEGORIES[best]!;
}

/**
 * Whether a word (as a noun) is a kind of the category: one of its dominant noun senses
 * (salience ≥ 0.5) has the category's anchor among its hypernyms (an army is an organization
 * and a group), or, for a word in an overlay concept with a category, that category alone.
 */
export function isA(word: string, category: Category): boolean {
  const v = countedView(word);
  const oc = overlayCategory(v);
  if (oc) return oc === category;
  const t = getTable();
  const bit = 1 << CATEGORIES.indexOf(category);
  for (let i = 0; i < v.syn.length; i++) {
    if (v.sal[i]! < DOMINANT) continue;
    categorize(t, v.syn[i]!);
    if (categoryMask[v.syn[i]!]! & bit) return true;
  }
  return category === 'other' && categoryOf(word) === 'other';
}
