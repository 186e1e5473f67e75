/**
 * The news overlay (news-overlay.json) made ready for lookups: which overlay concepts and which
 * sides of a "distinct" group a lemma belongs to.
 */
import type { Pos } from './morph';
import { normalizeWord } from './morph';
import data from './news-overlay.json';

export const CATEGORIES = ['person', 'group', 'organization', 'place', 'time', 'event', 'artifact', 'money', 'quantity', 'animal', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface OverlayData {
  concepts: { id: string; members: string[]; reason: string; category?: string }[];
  distinct: { sides: string[][]; reason: string }[];
}

export interface OverlayConcept {
  /** "news:" + the entry's id. */
  readonly id: string;
  readonly reason: string;
  readonly category: Category | undefined;
}

export interface Overlay {
  readonly concepts: readonly OverlayConcept[];
  /** Reason of each distinct group. */
  readonly groups: readonly string[];
  /** "lemma" (any part of speech) or "lemma/pos" → overlay concepts. */
  readonly conceptsOf: ReadonlyMap<string, readonly number[]>;
  /** Same keys → sides, each side numbered; sideGroup[side] is its group. */
  readonly sidesOf: ReadonlyMap<string, readonly number[]>;
  readonly sideGroup: readonly number[];
  /** Every word of every member. */
  readonly words: ReadonlySet<string>;
}

function parseMember(m: string, where: string): { lemma: string; pos: Pos | undefined } {
  const slash = m.lastIndexOf('/');
  const pos = slash > 0 ? m.slice(slash + 1) : undefined;
  if (pos !== undefined && pos !== 'n' && pos !== 'v' && pos !== 'a') throw new Error(`news overlay: ${where}: bad part of speech in ${JSON.stringify(m)}`);
  const lemma = normalizeWord(slash > 0 ? m.slice(0, slash) : m);
  if (!lemma) throw new Error(`news overlay: ${where}: empty member`);
  return { lemma, pos };
}

const keyOf = (lemma: string, pos: Pos | undefined) => (pos ? `${lemma}/${pos}` : lemma);

function add<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const l = map.get(k);
  if (!l) map.set(k, [v]);
  else if (!l.includes(v)) l.push(v);
}

/** Checks and indexes overlay data; throws on an entry without a reason, an unknown @concept, or a member on two sides of one group. */
export function compileOverlay(d: OverlayData): Overlay {
  const concepts: OverlayConcept[] = [];
  const conceptsOf = new Map<string, number[]>();
  const membersOf = new Map<string, string[]>();
  for (const c of d.concepts) {
    if (!c.id || !c.reason?.trim()) throw new Error(`news overlay: concept ${JSON.stringify(c.id)} needs an id and a reason`);
    if (membersOf.has(c.id)) throw new Error(`news overlay: concept ${c.id} given twice`);
    if (c.category !== undefined && !(CATEGORIES as readonly string[]).includes(c.category)) throw new Error(`news overlay: concept ${c.id}: unknown category ${c.category}`);
    const n = concepts.length;
    concepts.push({ id: `news:${c.id}`, reason: c.reason, category: c.category as Category | undefined });
    const keys: string[] = [];
    for (const m of c.members) {
      const { lemma, pos } = parseMember(m, `concept ${c.id}`);
      keys.push(keyOf(lemma, pos));
      add(conceptsOf, keyOf(lemma, pos), n);
    }
    membersOf.set(c.id, keys);
  }
  const groups: string[] = [];
  const sidesOf = new Map<string, number[]>();
  const sideGroup: number[] = [];
  d.distinct.forEach((g, gi) => {
    if (!g.reason?.trim()) throw new Error(`news overlay: distinct group ${gi} needs a reason`);
    if (g.sides.length < 2) throw new Error(`news overlay: distinct group ${gi} needs two sides or more`);
    groups.push(g.reason);
    const seen = new Map<string, number>();
    for (const side of g.sides) {
      const s = sideGroup.length;
      sideGroup.push(gi);
      for (const m of side) {
        const keys = m.startsWith('@')
          ? membersOf.get(m.slice(1)) ??
            (() => {
              throw new Error(`news overlay: distinct group ${gi}: unknown concept ${m}`);
            })()
          : [(({ lemma, pos }) => keyOf(lemma, pos))(parseMember(m, `distinct group ${gi}`))];
        for (const k of keys) {
          const other = seen.get(k);
          if (other !== undefined && other !== s) throw new Error(`news overlay: distinct group ${gi}: ${k} is on two sides`);
          seen.set(k, s);
          add(sidesOf, k, s);
        }
      }
    }
  });
  const words = new Set<string>();
  for (const k of [...conceptsOf.keys(), ...sidesOf.keys()]) for (const w of k.replace(/\/[nva]$/, '').split(' ')) words.add(w);
  return { concepts, groups, conceptsOf, sidesOf, sideGroup, words };
}

let compiled: Overlay | undefined;
let chosen: OverlayData | undefined;

/** The overlay in use: the one shipped with the engine unless useOverlayData chose another. */
export function overlay(): Overlay {
  return (compiled ??= compileOverlay(chosen ?? (data as OverlayData)));
}

/** Uses other overlay data from now on (tests, measurements); undefined goes back to the shipped one. */
export function useOverlayData(d: OverlayData | undefined): void {
  chosen = d;
  compiled = undefined;
}
