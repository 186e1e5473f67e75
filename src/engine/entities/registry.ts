/** Merges name mentions into entities across spelling variants, surnames and aliases. */
import Fuse from 'fuse.js';
import { normalizePhrase } from '../text';
import { NAME_CONNECTORS, countryOf, gazetteerKey, lookupPlace, regionDemonym } from './gazetteer';
import { findMentions, handleName, type Mention, type MentionKind } from './mentions';
import { nameSkeleton, sameNameWord } from './names';

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

interface TokDoc {
  skel: string;
  id: number;
}

export interface RegistryState<R> {
  entities: Map<number, Entity<R>>;
  byKey: Map<string, number>;
  aliasOf: Map<string, string>;
  aliasName: Map<string, string>;
  nextId: number;
  skelDocs: Map<number, { skel: string; seq: number }[]>;
  seq: number;
  wordIds: Map<string, Set<number>>;
}

const FUSE_OPTIONS = {
  keys: ['skel'],
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
  isCaseSensitive: true,
};

/** `s` and, for skeletons of 5+ letters, `s` with each one letter removed (edit-distance-1 neighbourhood keys). */
function deletionKeys(s: string): string[] {
  const out = [s];
  if (s.length >= 5) for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

function nameWords(key: string): string[] {
  return key.split(' ').filter((w) => w.length > 0);
}

/** Surname of a folded full name: last word, with its connectors ("von der leyen"). */
function surnameOf(words: string[]): string | undefined {
  if (words.length < 2) return undefined;
  let i = words.length - 1;
  while (i > 1 && NAME_CONNECTORS.has(words[i - 1]!)) i--;
  return words.slice(i).join(' ');
}

function rank(name: string): number {
  return nameWords(name).length * 1000 + name.length;
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
 */
export class EntityRegistry<R = unknown> {
  private entities = new Map<number, Entity<R>>();
  private byKey = new Map<string, number>();
  private aliasOf = new Map<string, string>();
  private aliasName = new Map<string, string>();
  private nextId = 1;
  /**
   * Name-word skeleton documents per entity, in the order a single fuse.js
   * collection over all of them would hold (`seq`). Lookups run fuse.js only
   * over the entities that can pass `sameNameWord`, found through `wordIds`,
   * so each lookup costs the same at any corpus size and returns what one
   * fuse.js search over every document would.
   */
  private skelDocs = new Map<number, { skel: string; seq: number }[]>();
  private seq = 0;
  /** Skeleton (and its one-deletion variants), or `=word`, of every key word → entity ids. */
  private wordIds = new Map<string, Set<number>>();

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
    const { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, wordIds } = this;
    return { entities, byKey, aliasOf, aliasName, nextId, skelDocs, seq, wordIds };
  }

  static fromState<R>(state: RegistryState<R>): EntityRegistry<R> {
    const r = new EntityRegistry<R>();
    Object.assign(r, state);
    return r;
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
      const words = nameWords(key);
      if (e.kind === 'person' || e.kind === 'other') e.surname = surnameOf(words);
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
    if (e.kind === 'other' && m.kind !== 'other') e.kind = m.kind;
    if (e.kind === 'place' || this.aliasName.has(this.canonicalKey(key))) return;
    if (this.aliasName.has(this.canonicalKey(normalizePhrase(e.name)))) return;
    if (!m.handle && !m.demonym && rank(normalizePhrase(display)) > rank(normalizePhrase(e.name))) {
      e.name = display;
      const words = nameWords(key);
      const sn = surnameOf(words);
      if (sn) e.surname = sn;
    }
  }

  private index(e: Entity<R>, key: string): void {
    if (!key) return;
    if (!this.byKey.has(key)) this.byKey.set(key, e.id);
    // A key seen before adds nothing: its words are indexed and its skeleton documents
    // exist (a repeated document never ranks before the first of its entity).
    if (e.keys.has(key)) return;
    e.keys.add(key);
    this.indexWords(e.id, key);
    if (e.kind === 'person' || e.kind === 'other') {
      for (const w of nameWords(key)) {
        if (NAME_CONNECTORS.has(w)) continue;
        const skel = nameSkeleton(w);
        if (skel.length >= 2) this.addDoc(e.id, skel);
      }
    }
  }

  private addDoc(id: number, skel: string): void {
    let docs = this.skelDocs.get(id);
    if (!docs) this.skelDocs.set(id, (docs = []));
    // fuse.js ranks an entity by its best document, ties by collection order, so a
    // second document with the same skeleton can never change a result.
    if (docs.some((d) => d.skel === skel)) return;
    docs.push({ skel, seq: this.seq++ });
  }

  private indexWords(id: number, key: string): void {
    for (const w of nameWords(key)) {
      const keys = ['=' + w];
      const skel = nameSkeleton(w);
      if (skel) keys.push(...deletionKeys(skel));
      for (const k of keys) {
        let ids = this.wordIds.get(k);
        if (!ids) this.wordIds.set(k, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  /**
   * Ids of every entity with a key word `w` where `word === w` or
   * `sameNameWord(word, w)` may hold (a superset; callers check).
   */
  private similarIds(word: string): number[] {
    const keys = ['=' + word];
    const skel = nameSkeleton(word);
    if (skel) keys.push(...deletionKeys(skel));
    const out = new Set<number>();
    for (const k of keys) {
      const ids = this.wordIds.get(k);
      if (ids) for (const id of ids) if (this.entities.has(id)) out.add(id);
    }
    return [...out].sort((a, b) => a - b);
  }

  /** Entities having a name word that is a spelling variant of `word`. */
  private wordCandidates(word: string): Entity<R>[] {
    const skel = nameSkeleton(word);
    if (!skel) return [];
    // Only entities with a word that may be `sameNameWord` to this one can pass the
    // callers' checks; fuse.js over their documents (in collection order) ranks them
    // exactly as a search of the whole collection would.
    const docs: TokDoc[] = [];
    const seqs: number[] = [];
    for (const id of this.similarIds(word)) for (const d of this.skelDocs.get(id) ?? []) {
      docs.push({ skel: d.skel, id });
      seqs.push(d.seq);
    }
    if (docs.length === 0) return [];
    const order = docs.map((_, i) => i).sort((a, b) => seqs[a]! - seqs[b]!);
    const fuse = new Fuse<TokDoc>(order.map((i) => docs[i]!), FUSE_OPTIONS);
    const ids = new Set<number>();
    for (const r of fuse.search(skel)) {
      if ((r.score ?? 1) > 0.4) continue;
      ids.add(r.item.id);
    }
    const out: Entity<R>[] = [];
    for (const id of ids) {
      const e = this.entities.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  private find(m: Mention): Entity<R> | undefined {
    const key = this.canonicalKey(m.key);
    if (!key) return undefined;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return this.entities.get(exact);
    if (m.kind === 'place' || m.kind === 'organization') {
      return this.fuzzyWhole(key, m.kind);
    }
    const words = nameWords(key).filter((w) => !NAME_CONNECTORS.has(w));
    if (words.length === 0) return undefined;
    if (words.length === 1) {
      const w = words[0]!;
      let best: Entity<R> | undefined;
      for (const e of this.wordCandidates(w)) {
        if (e.kind === 'place' || e.kind === 'organization') continue;
        const sn = e.surname ? nameWords(e.surname) : [];
        const last = sn[sn.length - 1];
        const bySurname = last !== undefined && sameNameWord(w, last);
        const bySingle = [...e.keys].some((k) => !k.includes(' ') && sameNameWord(w, k));
        if (!bySurname && !bySingle) continue;
        if (!best || e.refs.length > best.refs.length || (e.refs.length === best.refs.length && rank(e.name) > rank(best.name))) best = e;
      }
      return best;
    }
    // Full name: same surname and compatible first name.
    const first = words[0]!;
    const last = words[words.length - 1]!;
    let surnameOnly: Entity<R> | undefined;
    for (const e of this.wordCandidates(last)) {
      if (e.kind === 'place' || e.kind === 'organization') continue;
      for (const k of e.keys) {
        const ew = nameWords(k).filter((w) => !NAME_CONNECTORS.has(w));
        if (ew.length === 0 || !sameNameWord(ew[ew.length - 1]!, last)) continue;
        if (ew.length === 1) {
          surnameOnly ??= e;
          continue;
        }
        const ef = ew[0]!;
        if (sameNameWord(ef, first) || (ef.length === 1 && ef === first[0]) || (first.length === 1 && first === ef[0])) {
          return e;
        }
      }
    }
    return surnameOnly;
  }

  private fuzzyWhole(key: string, kind: MentionKind): Entity<R> | undefined {
    const words = nameWords(key);
    if (words.length === 0) return undefined;
    // Entities in creation order (as `this.entities` iterates) whose first word may match.
    for (const id of this.similarIds(words[0]!)) {
      const e = this.entities.get(id)!;
      if (e.kind !== kind) continue;
      for (const k of e.keys) {
        const ew = nameWords(k);
        if (ew.length !== words.length) continue;
        if (ew.every((w, i) => w === words[i] || (w.length >= 5 && sameNameWord(w, words[i]!)))) return e;
      }
    }
    return undefined;
  }

  /** After a full name appears, fold earlier surname-only entities into it. */
  private absorbSurnameOnly(e: Entity<R>, words: string[]): void {
    const last = words[words.length - 1]!;
    for (const other of this.wordCandidates(last)) {
      if (other.id === e.id || other.kind === 'place' || other.kind === 'organization') continue;
      const keys = [...other.keys];
      if (keys.every((k) => nameWords(k).length === 1 && sameNameWord(k, last))) this.merge(e, other);
    }
  }

  private merge(into: Entity<R>, from: Entity<R>): void {
    if (into.id === from.id) return;
    for (const v of from.variants) into.variants.add(v);
    for (const r of from.refs) into.refs.push(r);
    for (const k of from.keys) {
      into.keys.add(k);
      this.byKey.set(k, into.id);
    }
    if (into.kind === 'other') into.kind = from.kind;
    if (rank(normalizePhrase(from.name)) > rank(normalizePhrase(into.name)) && into.kind !== 'place') {
      into.name = from.name;
      into.surname = from.surname ?? into.surname;
    }
    this.entities.delete(from.id);
    this.skelDocs.delete(from.id);
    this.skelDocs.delete(into.id);
    for (const k of into.keys) {
      this.indexWords(into.id, k);
      for (const w of nameWords(k)) {
        if (!NAME_CONNECTORS.has(w)) this.addDoc(into.id, nameSkeleton(w));
      }
    }
    this.onMerge?.(from.id, into.id);
  }
}
