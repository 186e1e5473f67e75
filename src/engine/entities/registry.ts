/** Merges name mentions into entities across spelling variants, surnames and aliases. */
import Fuse from 'fuse.js';
import { normalizePhrase } from '../text';
import { NAME_CONNECTORS, countryOf, gazetteerKey, lookupPlace, regionDemonym } from './gazetteer';
import { findMentions, handleName, type Mention, type MentionKind } from './mentions';
import { nameSkeleton, sameNameWord } from './names';
import { memoize } from '../text/memo';

export interface Entity<R = unknown> {
  id: number;
  /** Canonical name: the longest full form seen (gazetteer name for places, alias canonical if set). */
  name: string;
  kind: MentionKind;
  /** Surface forms seen (as written). */
  variants: Set<string>;
  /** Last name of a person known by a full name ("zelenskyy", folded). */
  surname?: string;
  /** Folded lookup keys. */
  keys: Set<string>;
  /** Caller references of every mention added. */
  refs: R[];
}

export interface RegistryState<R> {
  entities: Map<number, Entity<R>>;
  byKey: Map<string, number>;
  aliasOf: Map<string, string>;
  aliasName: Map<string, string>;
  nextId: number;
  skelDocs: Map<number, Map<string, number>>;
  seq: number;
  surnameIx: Map<string, number[]>;
}

/** The maps of a registry state, in the order they are packed. */
const PACKED_MAPS = ['entities', 'byKey', 'skelDocs', 'surnameIx', 'aliasOf', 'aliasName'] as const;
type PackedMap = (typeof PACKED_MAPS)[number];
/** Map entries per chunk, at most, and bytes: a chunk decodes in a few milliseconds (about 50 MB/s here). */
const PACK_CHUNK = 2000;
const PACK_BYTES = 192 * 1024;

/**
 * A registry state as the persistent index stores it: each map's entries in chunks, each chunk
 * one serialized blob, so a warm start can decode the registry a slice at a time between
 * requests (one blob of 40,000 entities took a third of a second).
 */
export interface PackedRegistry {
  nextId: number;
  seq: number;
  /** Per chunk: which map (index into PACKED_MAPS) and its serialized entries. */
  maps: Uint8Array;
  chunks: Uint8Array[];
}

/** Packs a registry state; `pause` is awaited (when it returns a promise) between chunks, so requests are answered meanwhile. */
export async function packRegistry<R>(state: RegistryState<R>, serialize: (v: unknown) => Uint8Array, pause: () => Promise<void> | undefined = () => undefined): Promise<PackedRegistry> {
  const maps: number[] = [];
  const chunks: Uint8Array[] = [];
  for (let m = 0; m < PACKED_MAPS.length; m++) {
    const entries = [...(state[PACKED_MAPS[m]!] as Map<unknown, unknown>)];
    // A chunk over PACK_BYTES (entries carrying much, like a document's name shapes) is halved until under it.
    const put = async (from: number, to: number): Promise<void> => {
      const blob = serialize(entries.slice(from, to));
      if (blob.length > PACK_BYTES && to - from > 1) {
        const mid = (from + to) >> 1;
        await put(from, mid);
        await put(mid, to);
        return;
      }
      maps.push(m);
      chunks.push(blob);
      await pause();
    };
    for (let i = 0; i < entries.length; i += PACK_CHUNK) await put(i, Math.min(entries.length, i + PACK_CHUNK));
  }
  return { nextId: state.nextId, seq: state.seq, maps: Uint8Array.from(maps), chunks };
}

/** Decodes a packed registry chunk by chunk (`step`), in the order the chunks were written. */
export class RegistryUnpacker<R> {
  private next = 0;
  private readonly state: RegistryState<R>;

  constructor(
    private readonly packed: PackedRegistry,
    private readonly deserialize: (b: Uint8Array) => unknown,
  ) {
    this.state = {
      entities: new Map(),
      byKey: new Map(),
      aliasOf: new Map(),
      aliasName: new Map(),
      nextId: packed.nextId,
      skelDocs: new Map(),
      seq: packed.seq,
      surnameIx: new Map(),
    };
  }

  /** Decodes chunks until `deadline` (performance.now()); true when all are in. */
  step(deadline = Infinity): boolean {
    const { maps, chunks } = this.packed;
    while (this.next < chunks.length) {
      const name: PackedMap | undefined = PACKED_MAPS[maps[this.next]!];
      if (!name) throw new Error(`unknown registry map ${maps[this.next]}`);
      const target = this.state[name] as Map<unknown, unknown>;
      for (const [k, v] of this.deserialize(chunks[this.next]!) as [unknown, unknown][]) target.set(k, v);
      this.next++;
      if (performance.now() >= deadline) break;
    }
    return this.next >= chunks.length;
  }

  /** The whole state (decoding what is left). */
  result(): RegistryState<R> {
    this.step();
    return this.state;
  }
}

/** The lookup indexes made from the entities' keys (see `EntityRegistry.indexes`). */
interface Indexes {
  one: Map<string, Bucket>;
  full: Map<string, Map<string, Bucket[]>>;
  wholeExact: Map<string, Map<number, Bucket[]>>;
  wholeNear: Map<string, Map<number, Bucket[]>>;
}

const emptyIndexes = (): Indexes => ({ one: new Map(), full: new Map(), wholeExact: new Map(), wholeNear: new Map() });

/** Index entries: entity id and one of its keys, repeated (`[id, key, id, key, …]`). */
type Bucket = (number | string)[];

const FUSE_OPTIONS = {
  keys: ['skel'],
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
  isCaseSensitive: true,
};

/** Remembered `fuseScore`s: query → document → score (at most SCORES in all). */
const scores = new Map<string, Map<string, number>>();
let scored = 0;
const SCORES = 50_000;

/**
 * fuse.js score of one name-word skeleton document for a skeleton query, `-1` when
 * fuse.js does not return the document or returns it above the threshold. fuse.js
 * scores every document of a collection on its own (its bitap score and its own
 * field norm), then sorts by score and collection order; so this is the score the
 * document gets in any collection.
 */
function fuseScore(query: string, doc: string): number {
  let byDoc = scores.get(query);
  let s = byDoc?.get(doc);
  if (s !== undefined) return s;
  const r = new Fuse([{ skel: doc }], FUSE_OPTIONS).search(query)[0];
  const score = r ? (r.score ?? 1) : 1;
  s = r && score <= 0.4 ? score : -1;
  if (++scored > SCORES) {
    scores.clear();
    scored = 1;
    byDoc = undefined;
  }
  if (!byDoc) scores.set(query, (byDoc = new Map()));
  byDoc.set(doc, s);
  return s;
}

/** `s` and, for skeletons of 5+ letters, `s` with each one letter removed (edit-distance-1 neighbourhood keys). */
function deletionKeys(s: string): string[] {
  const out = [s];
  if (s.length >= 5) for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/**
 * Neighbourhood keys of a name word (none when its skeleton is empty):
 * `sameNameWord(a, b)` implies that `a` and `b` share one (equal skeletons share
 * the skeleton; skeletons of 5+ letters one edit apart share a one-deletion key).
 */
const neighbourKeys = memoize((word: string): readonly string[] => {
  const skel = nameSkeleton(word);
  return skel ? deletionKeys(skel) : [];
});

/**
 * First letters of a word, as written and of its skeleton: a first name
 * compatible with another (`sameNameWord`, or one the initial of the other)
 * shares one with it.
 */
const initialKeys = memoize((word: string): readonly string[] => {
  const out: string[] = [];
  if (word.length > 0) out.push(word[0]!);
  const skel = nameSkeleton(word);
  if (skel && skel[0] !== word[0]) out.push(skel[0]!);
  return out;
});

function nameWords(key: string): string[] {
  return key.split(' ').filter((w) => w.length > 0);
}

interface KeyInfo {
  words: readonly string[];
  /** The words that are not name connectors ("von", "der"). */
  ew: readonly string[];
}

const keyInfo = memoize((key: string): KeyInfo => {
  const words = nameWords(key);
  return { words, ew: words.filter((w) => !NAME_CONNECTORS.has(w)) };
});

function pushEntry(ix: Map<string, Bucket>, at: string, id: number, key: string): void {
  const b = ix.get(at);
  if (!b) ix.set(at, [id, key]);
  else if (b[b.length - 2] !== id || b[b.length - 1] !== key) b.push(id, key);
}

/** Adds an entry to `ix[a][b][i]`. */
function pushEntry3<A, B>(ix: Map<A, Map<B, Bucket[]>>, a: A, b: B, i: number, id: number, key: string): void {
  let byB = ix.get(a);
  if (!byB) ix.set(a, (byB = new Map()));
  let byI = byB.get(b);
  if (!byI) byB.set(b, (byI = []));
  const bucket = byI[i];
  if (!bucket) byI[i] = [id, key];
  else if (bucket[bucket.length - 2] !== id || bucket[bucket.length - 1] !== key) bucket.push(id, key);
}

/** Surname of a folded full name: last word, with its connectors ("von der leyen"). */
function surnameOf(words: readonly string[]): string | undefined {
  if (words.length < 2) return undefined;
  let i = words.length - 1;
  while (i > 1 && NAME_CONNECTORS.has(words[i - 1]!)) i--;
  return words.slice(i).join(' ');
}

/**
 * Whether two first names may be one person's: spelling variants, an initial and the name,
 * or a short form that begins the long one ("Alex" and "Alexander", "Chris" and "Christopher").
 */
function compatibleFirst(a: string, b: string): boolean {
  if (sameNameWord(a, b)) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

function rank(name: string): number {
  // nameWords(name).length, counted in place
  let words = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== 32 && (i === 0 || name.charCodeAt(i - 1) === 32)) words++;
  return words * 1000 + name.length;
}

function isWhole(kind: MentionKind): boolean {
  return kind === 'place' || kind === 'organization';
}

/** Position of an entity in fuse.js results: its best document's score, then collection order. */
type Rank = [score: number, seq: number];

function before(a: Rank, b: Rank): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** Turns a name string into a mention-like record. */
function mentionOf(name: string): Mention | undefined {
  const t = name.trim().replace(/['’]s$/i, '');
  if (!t) return undefined;
  if (t.startsWith('@')) {
    return { text: t, start: 0, end: t.length, kind: 'other', key: normalizePhrase(handleName(t)), handle: true };
  }
  const place = lookupPlace(t);
  if (place) return { text: t, start: 0, end: t.length, kind: 'place', key: gazetteerKey(place.name), canonical: place.name };
  const country = countryOf(t);
  if (country && !/\s/.test(t)) {
    return { text: t, start: 0, end: t.length, kind: 'place', key: gazetteerKey(country), canonical: country, demonym: true };
  }
  const region = regionDemonym(t);
  if (region) return { text: t, start: 0, end: t.length, kind: 'place', key: gazetteerKey(region), canonical: region };
  const found = findMentions(t).filter((m) => !m.demonym);
  if (found.length > 0) {
    let best = found[0]!;
    for (const m of found) if (m.end - m.start > best.end - best.start) best = m;
    return best;
  }
  return { text: t, start: 0, end: t.length, kind: 'other', key: normalizePhrase(t) };
}

/**
 * A set of entities built from mentions. Spelling variants (by transliteration
 * skeleton and fuzzy match), surname-only mentions, @handles, gazetteer place
 * variants, demonyms and user aliases all resolve to one entity.
 *
 * Fuzzy lookups rank entities as one fuse.js search of a name word's skeleton
 * over the name-word skeleton documents of every entity would (the search the
 * registry was first written with), but read only index buckets of the word and
 * score only the entities the caller can accept, so their cost does not grow with
 * the corpus.
 */
export class EntityRegistry<R = unknown> {
  private entities = new Map<number, Entity<R>>();
  private byKey = new Map<string, number>();
  private aliasOf = new Map<string, string>();
  private aliasName = new Map<string, string>();
  private nextId = 1;
  /**
   * Name-word skeleton documents per entity (skeleton → `seq`, its position in a
   * single fuse.js collection of every document).
   */
  private skelDocs = new Map<number, Map<string, number>>();
  private seq = 0;
  /*
   * Lookup indexes: a neighbourhood key (see `neighbourKeys`) → entries of the
   * keys that may match there. Entries are never removed: an entry of a merged
   * entity is skipped, and callers test each entry exactly (so which entries a
   * bucket holds, and in what order, does not change any answer).
   *   one: one-word keys by their word, and keys of one non-connector word
   *     ("de gaulle") by that word.
   *   full: keys of 2+ non-connector words by their last word's key, an initial
   *     of their first word, then the length of the first word's skeleton (a
   *     compatible first name has the same initial and a skeleton at most one
   *     letter longer or shorter, or is an initial).
   *   wholeExact: keys of places and organisations by each word, word count, position.
   *   wholeNear: the same by each key of their words of 5+ letters.
   * They follow from the entities' keys, so the persistent index does not store
   * them (reading them back took longer than making them): a registry read back
   * makes them again when first needed.
   */
  private ix: Indexes | undefined = emptyIndexes();
  /** Entity ids by the last word of (any surname they had). */
  private surnameIx = new Map<string, number[]>();

  /**
   * Called after an entity is merged into another (its id is gone; `into` holds
   * its names): owners of stored ids move them over.
   */
  onMerge: ((from: number, into: number) => void) | undefined;

  /** User aliases: canonical name → variants (all resolve to the canonical). */
  setAliases(aliases: Record<string, string[]>): void {
    this.aliasOf.clear();
    this.aliasName.clear();
    for (const [canonical, variants] of Object.entries(aliases)) {
      const ck = normalizePhrase(canonical);
      this.aliasName.set(ck, canonical);
      for (const v of variants) {
        const vk = normalizePhrase(v.replace(/^@/, ''));
        if (vk && vk !== ck) this.aliasOf.set(vk, ck);
        const hk = v.startsWith('@') ? normalizePhrase(handleName(v)) : '';
        if (hk && hk !== ck) this.aliasOf.set(hk, ck);
      }
    }
    // Merge entities already registered under variants of the same canonical.
    for (const [vk, ck] of this.aliasOf) {
      const a = this.byKey.get(vk);
      const b = this.byKey.get(ck);
      if (a !== undefined && b !== undefined && a !== b) this.merge(this.entities.get(b)!, this.entities.get(a)!);
      else if (a !== undefined && b === undefined) this.index(this.entities.get(a)!, ck);
    }
    for (const [ck, name] of this.aliasName) {
      const id = this.byKey.get(ck);
      if (id !== undefined) this.entities.get(id)!.name = name;
    }
  }

  /** The entity with this id (an id from `add`/`resolve`, or a stored mention's `entity`). */
  get(id: number): Entity<R> | undefined {
    return this.entities.get(id);
  }

  /** Plain data for the persistent index (see ../cache). */
  exportState(): RegistryState<R> {
    const { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, surnameIx } = this;
    return { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, surnameIx };
  }

  static fromState<R>(state: RegistryState<R>): EntityRegistry<R> {
    const r = new EntityRegistry<R>();
    const { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, surnameIx } = state;
    Object.assign(r, { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, surnameIx });
    r.ix = undefined;
    return r;
  }

  /**
   * The lookup indexes. After `fromState` they are made from every entity's keys:
   * in slices by `prepare`, or here, at once, when something needs them first.
   */
  private get indexes(): Indexes {
    if (!this.ix) this.buildSome(Infinity);
    return this.ix!;
  }

  /** An index build under way: the indexes so far, and the entities still to add. */
  private building: { ix: Indexes; rest: Iterator<Entity<R>> } | undefined;

  /** Adds entities to the indexes being built until `deadline` (performance.now()); true when done. */
  private buildSome(deadline: number): boolean {
    const b = (this.building ??= { ix: emptyIndexes(), rest: this.entities.values() });
    for (let k = 0; ; k++) {
      // Nothing changes the entities while a build is under way: every change goes through `indexes`.
      const next = b.rest.next();
      if (next.done) break;
      for (const key of next.value.keys) this.indexKey(next.value, key, b.ix);
      if ((k & 7) === 7 && performance.now() > deadline) return false;
    }
    this.ix = b.ix;
    this.building = undefined;
    return true;
  }

  /**
   * Makes the lookup indexes of a registry read back with `fromState` in slices of
   * `sliceMs`, awaiting `pause()` between them, so that a caller can answer requests
   * meanwhile. A lookup that comes first finishes the work at once.
   */
  async prepare(sliceMs: number, pause: () => Promise<void>): Promise<void> {
    while (!this.ix) {
      if (this.buildSome(performance.now() + sliceMs)) return;
      await pause();
    }
  }

  /** Number of entities. */
  get size(): number {
    return this.entities.size;
  }

  all(): Entity<R>[] {
    return [...this.entities.values()];
  }

  /** The entity a name (any spelling, surname, handle, demonym or alias) refers to. */
  resolve(nameOrMention: string | Mention): Entity<R> | undefined {
    const m = typeof nameOrMention === 'string' ? mentionOf(nameOrMention) : nameOrMention;
    if (!m) return undefined;
    return this.find(m);
  }

  /** Registers a mention; returns the entity it was merged into (or created). */
  add(mention: Mention | string, ref?: R): Entity<R> {
    const m = typeof mention === 'string' ? mentionOf(mention) : mention;
    if (!m) throw new Error('empty name');
    const key = this.canonicalKey(m.key);
    const display = m.handle ? handleName(m.text) : m.text;
    let e = this.find(m);
    if (!e) {
      e = {
        id: this.nextId++,
        name: m.canonical ?? this.aliasName.get(key) ?? display,
        kind: m.kind,
        variants: new Set(),
        keys: new Set(),
        refs: [],
      };
      this.entities.set(e.id, e);
      const words = keyInfo(key).words;
      if (e.kind === 'person' || e.kind === 'other') this.setSurname(e, surnameOf(words));
      this.index(e, key);
      if (words.length >= 2 && (e.kind === 'person' || e.kind === 'other')) this.absorbSurnameOnly(e, words);
    } else {
      this.index(e, key);
      this.upgrade(e, m, key, display);
    }
    e.variants.add(m.text);
    if (ref !== undefined) e.refs.push(ref);
    return e;
  }

  private canonicalKey(key: string): string {
    return this.aliasOf.get(key) ?? key;
  }

  private upgrade(e: Entity<R>, m: Mention, key: string, display: string): void {
    if (e.kind === 'other' && m.kind !== 'other') this.setKind(e, m.kind);
    if (e.kind === 'place' || this.aliasName.has(this.canonicalKey(key))) return;
    if (this.aliasName.has(this.canonicalKey(normalizePhrase(e.name)))) return;
    if (!m.handle && !m.demonym && rank(normalizePhrase(display)) > rank(normalizePhrase(e.name))) {
      e.name = display;
      const sn = surnameOf(keyInfo(key).words);
      if (sn) this.setSurname(e, sn);
    }
  }

  private setKind(e: Entity<R>, kind: MentionKind): void {
    const was = isWhole(e.kind);
    e.kind = kind;
    if (!was && isWhole(kind)) for (const k of e.keys) this.indexWhole(e.id, k);
  }

  private setSurname(e: Entity<R>, surname: string | undefined): void {
    e.surname = surname;
    if (!surname) return;
    const sn = keyInfo(surname).words;
    const last = sn[sn.length - 1];
    if (last === undefined) return;
    for (const nk of neighbourKeys(last)) {
      const ids = this.surnameIx.get(nk);
      if (!ids) this.surnameIx.set(nk, [e.id]);
      else if (ids[ids.length - 1] !== e.id) ids.push(e.id);
    }
  }

  private index(e: Entity<R>, key: string): void {
    if (!key) return;
    if (!this.byKey.has(key)) this.byKey.set(key, e.id);
    // A key seen before adds nothing: its words are indexed and its skeleton documents
    // exist (a repeated document never ranks before the first of its entity).
    if (e.keys.has(key)) return;
    e.keys.add(key);
    this.indexKey(e, key);
    if (e.kind === 'person' || e.kind === 'other') {
      for (const w of keyInfo(key).ew) {
        const skel = nameSkeleton(w);
        if (skel.length >= 2) this.addDoc(e.id, skel);
      }
    }
  }

  private addDoc(id: number, skel: string): void {
    let docs = this.skelDocs.get(id);
    if (!docs) this.skelDocs.set(id, (docs = new Map()));
    // fuse.js ranks an entity by its best document, ties by collection order, so a
    // second document with the same skeleton can never change a result.
    if (!docs.has(skel)) docs.set(skel, this.seq++);
  }

  /** Adds a key of `e` to the lookup indexes. */
  private indexKey(e: Entity<R>, key: string, ix: Indexes = this.indexes): void {
    const id = e.id;
    const { ew } = keyInfo(key);
    if (!key.includes(' ')) for (const nk of neighbourKeys(key)) pushEntry(ix.one, nk, id, key);
    if (ew.length === 1) for (const nk of neighbourKeys(ew[0]!)) pushEntry(ix.one, nk, id, key);
    if (ew.length >= 2) {
      const initials = initialKeys(ew[0]!);
      const len = nameSkeleton(ew[0]!).length;
      for (const nk of neighbourKeys(ew[ew.length - 1]!)) for (const c of initials) pushEntry3(ix.full, nk, c, len, id, key);
    }
    if (isWhole(e.kind)) this.indexWhole(id, key, ix);
  }

  private indexWhole(id: number, key: string, ix: Indexes = this.indexes): void {
    const { words } = keyInfo(key);
    const n = words.length;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      pushEntry3(ix.wholeExact, w, n, i, id, key);
      if (w.length >= 5) for (const nk of neighbourKeys(w)) pushEntry3(ix.wholeNear, nk, n, i, id, key);
    }
  }

  /**
   * Where fuse.js would return entity `id` for a search of `skel` over all
   * skeleton documents, or undefined when it would not return it.
   */
  private rankOf(skel: string, id: number): Rank | undefined {
    let best: Rank | undefined;
    for (const [doc, seq] of this.skelDocs.get(id) ?? []) {
      const score = fuseScore(skel, doc);
      if (score < 0) continue;
      if (!best || score < best[0] || (score === best[0] && seq < best[1])) best = [score, seq];
    }
    return best;
  }

  /** Whether fuse.js would return entity `id` for `skel`; tries the documents `likely` first. */
  private returned(skel: string, id: number, likely: readonly string[]): boolean {
    const docs = this.skelDocs.get(id);
    if (!docs) return false;
    for (const doc of likely) if (docs.has(doc) && fuseScore(skel, doc) >= 0) return true;
    for (const doc of docs.keys()) if (fuseScore(skel, doc) >= 0) return true;
    return false;
  }

  /** The entity fuse.js would return first among `ids` (all of which it returns). */
  private firstRanked(skel: string, ids: readonly number[]): Entity<R> | undefined {
    if (ids.length <= 1) return ids.length ? this.entities.get(ids[0]!) : undefined;
    let best: number | undefined;
    let bestRank: Rank | undefined;
    for (const id of ids) {
      const r = this.rankOf(skel, id)!;
      if (!bestRank || before(r, bestRank)) {
        best = id;
        bestRank = r;
      }
    }
    return this.entities.get(best!);
  }

  private find(m: Mention): Entity<R> | undefined {
    const key = this.canonicalKey(m.key);
    if (!key) return undefined;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return this.entities.get(exact);
    if (m.kind === 'place' || m.kind === 'organization') {
      return this.fuzzyWhole(key, m.kind);
    }
    const words = keyInfo(key).ew;
    if (words.length === 0) return undefined;
    if (words.length === 1) return this.findWord(words[0]!);
    return this.findFullName(words[0]!, words[words.length - 1]!);
  }

  /**
   * One name word: among persons (and unclassified names) whose surname or a
   * one-word key is a spelling variant of it, the one with the most references,
   * then the longest name, then the first fuse.js returns.
   */
  private findWord(w: string): Entity<R> | undefined {
    const skel = nameSkeleton(w);
    if (!skel) return undefined;
    const nks = neighbourKeys(w);
    const ok = new Set<number>();
    const tested = new Set<number>();
    const accept = (id: number, bySingleKey?: string): void => {
      if (ok.has(id)) return;
      const e = this.entities.get(id);
      if (!e || e.kind === 'place' || e.kind === 'organization') return;
      if (bySingleKey !== undefined) {
        if (!bySingleKey.includes(' ') && sameNameWord(w, bySingleKey)) ok.add(id);
        return;
      }
      if (tested.has(id)) return;
      tested.add(id);
      const sn = e.surname ? keyInfo(e.surname).words : [];
      const last = sn[sn.length - 1];
      if (last !== undefined && sameNameWord(w, last)) ok.add(id);
    };
    for (const nk of nks) {
      const b = this.indexes.one.get(nk);
      if (b) for (let i = 0; i < b.length; i += 2) accept(b[i] as number, b[i + 1] as string);
      const s = this.surnameIx.get(nk);
      if (s) for (const id of s) accept(id);
    }
    let best: Entity<R> | undefined;
    let tier: number[] = [];
    for (const id of ok) {
      if (!this.returned(skel, id, [skel])) continue;
      const e = this.entities.get(id)!;
      if (!best || e.refs.length > best.refs.length || (e.refs.length === best.refs.length && rank(e.name) > rank(best.name))) {
        best = e;
        tier = [id];
      } else if (e.refs.length === best.refs.length && rank(e.name) === rank(best.name)) tier.push(id);
    }
    return tier.length > 1 ? this.firstRanked(skel, tier) : best;
  }

  /**
   * A full name: the first entity fuse.js returns for the last word that has a key
   * with that surname and a compatible first name, else the first with a key of
   * the surname alone.
   */
  private findFullName(first: string, last: string): Entity<R> | undefined {
    const skel = nameSkeleton(last);
    if (!skel) return undefined;
    const lastKeys = neighbourKeys(last);
    const full = new Set<number>();
    const alone = new Set<number>();
    const test = (id: number, key: string): void => {
      if (full.has(id)) return;
      const e = this.entities.get(id);
      if (!e || e.kind === 'place' || e.kind === 'organization') return;
      const ew = keyInfo(key).ew;
      if (ew.length === 0 || !sameNameWord(ew[ew.length - 1]!, last)) return;
      if (ew.length === 1) {
        alone.add(id);
        return;
      }
      const ef = ew[0]!;
      if (sameNameWord(ef, first) || (ef.length === 1 && ef === first[0]) || (first.length === 1 && first === ef[0])) full.add(id);
    };
    // First-word skeleton lengths a compatible first name can have: one letter more or
    // less (a spelling variant), 0 or 1 (an initial), any when `first` is an initial.
    const len = nameSkeleton(first).length;
    const any = first.length === 1;
    const initials = initialKeys(first);
    for (const nk of lastKeys) {
      const b = this.indexes.one.get(nk);
      if (b) for (let i = 0; i < b.length; i += 2) test(b[i] as number, b[i + 1] as string);
      for (const c of initials) {
        const byLen = this.indexes.full.get(nk)?.get(c);
        if (!byLen) continue;
        for (let l = 0; l < byLen.length; l++) {
          const f = byLen[l];
          if (!f || !(any || l <= 1 || (l >= len - 1 && l <= len + 1))) continue;
          for (let i = 0; i < f.length; i += 2) test(f[i] as number, f[i + 1] as string);
        }
      }
    }
    const likely = [skel];
    const fulls = [...full].filter((id) => this.returned(skel, id, likely));
    if (fulls.length > 0) return this.firstRanked(skel, fulls);
    // A name known by its surname alone may be this person's, unless it is already someone
    // else's full name: "Ivanka Trump" is not the "Trump" who is "Donald Trump", nor "Bill
    // Clinton" the "Clinton" who is "Hillary Clinton" (relatives share surnames).
    const alones = [...alone].filter((id) => !full.has(id) && !this.otherFirstName(id, first, last) && this.returned(skel, id, likely));
    return this.firstRanked(skel, alones);
  }

  /** Whether entity `id` has a full name of surname `last` whose first name is not `first` (nor its initial, nor a short form of it). */
  private otherFirstName(id: number, first: string, last: string): boolean {
    const e = this.entities.get(id);
    if (!e) return false;
    for (const k of e.keys) {
      const ew = keyInfo(k).ew;
      if (ew.length < 2 || !sameNameWord(ew[ew.length - 1]!, last)) continue;
      if (!compatibleFirst(ew[0]!, first)) return true;
    }
    return false;
  }

  private fuzzyWhole(key: string, kind: MentionKind): Entity<R> | undefined {
    const { words } = keyInfo(key);
    const n = words.length;
    if (n === 0) return undefined;
    // Each word of a matching key equals, or is a variant of, the word at its
    // position: read the position with the fewest entries.
    let bestBuckets: Bucket[] = [];
    let bestSize = Infinity;
    for (let i = 0; i < n && bestSize > 0; i++) {
      const buckets: Bucket[] = [];
      let size = 0;
      const exact = this.indexes.wholeExact.get(words[i]!)?.get(n)?.[i];
      if (exact) {
        buckets.push(exact);
        size += exact.length;
      }
      for (const nk of neighbourKeys(words[i]!)) {
        const near = this.indexes.wholeNear.get(nk)?.get(n)?.[i];
        if (near) {
          buckets.push(near);
          size += near.length;
        }
      }
      if (size < bestSize) {
        bestSize = size;
        bestBuckets = buckets;
      }
    }
    if (bestSize === 0) return undefined;
    // The first match in creation order.
    let best: Entity<R> | undefined;
    for (const b of bestBuckets) {
      for (let i = 0; i < b.length; i += 2) {
        const id = b[i] as number;
        if (best && id >= best.id) continue;
        const e = this.entities.get(id);
        if (!e || e.kind !== kind) continue;
        const ew = keyInfo(b[i + 1] as string).words;
        if (ew.length === n && ew.every((w, j) => w === words[j] || (w.length >= 5 && sameNameWord(w, words[j]!)))) best = e;
      }
    }
    return best;
  }


  /** After a full name appears, fold earlier surname-only entities into it. */
  private absorbSurnameOnly(e: Entity<R>, words: readonly string[]): void {
    const last = words[words.length - 1]!;
    const skel = nameSkeleton(last);
    if (!skel) return;
    const seen = new Set<number>();
    const ranked: [Rank, Entity<R>][] = [];
    for (const nk of neighbourKeys(last)) {
      const b = this.indexes.one.get(nk);
      if (!b) continue;
      for (let i = 0; i < b.length; i += 2) {
        const id = b[i] as number;
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.entities.get(id);
        if (!other || other.id === e.id || other.kind === 'place' || other.kind === 'organization') continue;
        if (![...other.keys].every((k) => keyInfo(k).words.length === 1 && sameNameWord(k, last))) continue;
        const r = this.rankOf(skel, id);
        if (r) ranked.push([r, other]);
      }
    }
    ranked.sort((a, b) => (before(a[0], b[0]) ? -1 : 1));
    for (const [, other] of ranked) this.merge(e, other);
  }

  private merge(into: Entity<R>, from: Entity<R>): void {
    if (into.id === from.id) return;
    for (const v of from.variants) into.variants.add(v);
    for (const r of from.refs) into.refs.push(r);
    for (const k of from.keys) {
      into.keys.add(k);
      this.byKey.set(k, into.id);
    }
    if (into.kind === 'other') this.setKind(into, from.kind);
    if (rank(normalizePhrase(from.name)) > rank(normalizePhrase(into.name)) && into.kind !== 'place') {
      into.name = from.name;
      this.setSurname(into, from.surname ?? into.surname);
    }
    this.entities.delete(from.id);
    this.skelDocs.delete(from.id);
    this.skelDocs.delete(into.id);
    for (const k of from.keys) this.indexKey(into, k);
    for (const k of into.keys) {
      for (const w of keyInfo(k).ew) this.addDoc(into.id, nameSkeleton(w));
    }
    this.onMerge?.(from.id, into.id);
  }
}
