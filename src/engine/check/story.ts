/**
 * Story scoping: which sources a draft sentence's figures may be ruled out by.
 *
 * A figure is contradicted only by sources about the same story. A story is read from
 * what a draft's section and sentence say — the names they give (people, organisations,
 * places) above all, and their other words — each weighted by how few sources have it:
 * the sources that share most of it are the story (those within `IN_STORY` of the best).
 * When the draft shares nothing telling with any source, nothing is ruled out. Sources that are themselves one story (see
 * `StoryScoper.isOneStory`: a reporter's folder about one event) are all in it.
 */
import type { Corpus } from '../corpus';
import { stemUncached, tokensOf, type Token } from '../nlp';
import { memoize } from '../text/memo';
import { hasWholeWords } from '../text/fold';
import { termsOf } from '../citations/retrieval';
import { draftSentences } from '../sentences';
import { findMentions } from '../entities';

/** A source shares this share of what the best-matching source shares with the draft, or more, to be in the story. */
const IN_STORY = 0.7;
/** Names weigh this much more than other words in telling a story apart. */
const NAME_WEIGHT = 2;
/**
 * A folder of at most this many sources is one a writer gathered by hand: there a word in
 * most of them can still tell the story (with 3 sources, any shared word is in a third).
 */
const SMALL_FOLDER = 12;
/** How far around a sentence its section is read for a single sentence's scope (a hover). */
const SECTION_WINDOW = 20_000;
/** A word in more sentences than this is not looked up (it is in most sources anyway). */
const MAX_POSTINGS = 20_000;
/** A name given by more than this share of the sources does not pick a story. */
const COMMON_NAME = 0.3;
/** A sentence's own names weigh this much more than the rest of its section's. */
const OWN_NAMES = 2;

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/**
 * Search terms of the names a text gives (proper nouns other than days and months), and of
 * those the ones that tell whose story it is: a word that ends a name ("Mugabe" of "Robert
 * Mugabe", "Kong" of "Hong Kong") or is one by itself. A word before another word of the same
 * name is mostly a first name, which many people share ("Robert"): alone it is not a story.
 */
export const nameTerms: (text: string) => { all: string[]; telling: string[] } = memoize(readNameTerms, 4096);

/** A capitalised proper noun that is not a day or a month: a word of a name. */
function nameWord(t: Token): boolean {
  return t.pos === 'PROPN' && t.kind === 'word' && t.cap && !CALENDAR.has(t.norm);
}

/** Whether the name word at `i` goes on into the next, after a space ("Robert | Mugabe"): then it does not end the name. */
function nameGoesOn(toks: readonly Token[], i: number): boolean {
  const next = toks[i + 1];
  return next !== undefined && next.pos === 'PROPN' && next.kind === 'word' && next.cap && next.sp;
}

/**
 * Whether the word at `i` is a capitalised first word that is no name: a first word is a name
 * only if the tagger is sure of it mid-sentence too, so not when a lower-case verb or noun
 * follows it ("Negotiators spent …", "Aftershocks increase …"), nor when it is all there is (a
 * one-word heading: "# Strike").
 */
function openerNoName(toks: readonly Token[], i: number): boolean {
  return i === 0 && (!toks[1] || (!toks[1].cap && toks[1].pos !== 'PROPN' && toks[1].norm !== "'s"));
}

function readNameTerms(text: string): { all: string[]; telling: string[] } {
  const out = new Set<string>();
  const telling = new Set<string>();
  const toks: readonly Token[] = tokensOf(text);
  toks.forEach((t, i) => {
    if (!nameWord(t)) return;
    if (openerNoName(toks, i)) return;
    if (t.norm.length < 2) return;
    const term = stemUncached(t.norm);
    out.add(term);
    if (!nameGoesOn(toks, i)) telling.add(term);
  });
  return { all: [...out], telling: [...telling] };
}

export type Scope = ReadonlySet<number> | 'all' | undefined;

/** The names a headline gives that tell its story (see `nameTerms`), as written. */
const headlineNames = memoize((title: string): string[] => {
  const toks = tokensOf(title);
  const out: string[] = [];
  toks.forEach((t, i) => {
    // A headline's first word is read as a sentence's ("Aftershocks increase …").
    if (openerNoName(toks, i)) return;
    if (nameWord(t) && t.norm.length >= 2 && !nameGoesOn(toks, i)) out.push(t.text);
  });
  return out;
}, 4096);

/**
 * Whether two sources may tell one story, by their headlines: one of them writes a name the
 * other's headline tells its story by ("Magnitogorsk", "Humberto"). Sources without a headline,
 * or whose headlines name nothing, may (nothing says otherwise).
 */
export function mayShareStory(a: { title?: string; text: string }, b: { title?: string; text: string }): boolean {
  const na = a.title ? headlineNames(a.title) : [];
  const nb = b.title ? headlineNames(b.title) : [];
  if (na.length === 0 || nb.length === 0) return true;
  return na.some((w) => hasWholeWords(b.text, w)) || nb.some((w) => hasWholeWords(a.text, w));
}

/** Search terms of a text that can tell a story (no synonym classes, no numbers). */
const wordTerms: (text: string) => string[] = memoize((text: string) => termsOf(text).terms.filter((t) => !t.startsWith('#') && !/^\d/.test(t)), 4096);

/** Names the sources must share to be one story: a place and the two parties, say. */
const STORY_CORE = 3;
/** Share of the sources each of those names must be in. */
const STORY_SHARE = 0.6;
/** Sources whose names are tried as the story's core (a name in 60% of the sources misses all five only rarely). */
const CORE_SAMPLE = 5;

const oneStoryMemo = new WeakMap<Corpus, { version: number; oneStory: boolean }>();
/** The sources of each term looked up, per corpus, until its index changes (at most `DOCS_MEMO` terms). */
const docsMemo = new WeakMap<Corpus, { version: number; map: Map<string, Int32Array> }>();
const DOCS_MEMO = 50_000;

/** Sources per name term for one check (names repeat across a draft's sentences). */
export class StoryScoper {
  private docsOf = new Map<string, Int32Array>();
  /** Weights being summed, by source id (all zero between calls of `weights`). */
  private acc = new Float64Array(0);
  /** Whether a source shares one of the names being weighed, by source id (all zero between calls). */
  private namedAcc = new Uint8Array(0);
  private readonly docCount: number;
  private oneStory: boolean | undefined;

  constructor(private readonly corpus: Corpus) {
    this.docCount = Math.max(1, corpus.docs.length);
  }

  /**
   * Whether the sources tell one story: at least `STORY_CORE` names are each in 60% of the
   * sources or more (a reporter's folder about one event; an archive of many stories has
   * no such names). Read from the sources' text and the search index, not from the
   * background analysis, so the answer does not depend on how far that has got.
   */
  isOneStory(): boolean {
    const docs = this.corpus.docs;
    if (docs.length <= 1) return true;
    const version = this.corpus.store.index.version;
    const memo = oneStoryMemo.get(this.corpus);
    if (memo && memo.version === version) return memo.oneStory;
    const need = Math.ceil(docs.length * STORY_SHARE);
    const tried = new Set<string>();
    let core = 0;
    for (const doc of docs.slice(0, CORE_SAMPLE)) {
      for (const span of doc.body) {
        for (const t of nameTerms(doc.text.slice(span.start, Math.min(span.end, span.start + 20_000))).all) {
          if (tried.has(t)) continue;
          tried.add(t);
          if (this.corpus.store.index.df(t) > MAX_POSTINGS) continue;
          if (this.docs(t).length >= need) core++;
        }
        if (core >= STORY_CORE) break;
      }
      if (core >= STORY_CORE) break;
    }
    const oneStory = core >= STORY_CORE;
    oneStoryMemo.set(this.corpus, { version, oneStory });
    return oneStory;
  }

  /** The sources a term is in, each once. */
  private docs(term: string): Int32Array {
    let found = this.docsOf.get(term);
    if (!found) {
      // Kept for the next check too, until the index changes (a re-check after an edit asks again).
      const version = this.corpus.store.index.version;
      let shared = docsMemo.get(this.corpus);
      if (!shared || shared.version !== version) docsMemo.set(this.corpus, (shared = { version, map: new Map() }));
      found = shared.map.get(term);
      if (found) {
        this.docsOf.set(term, found);
        return found;
      }
      const set = new Set<number>();
      const sents = this.corpus.store.sents;
      const ids = this.corpus.store.index.sentencesWith(term);
      for (let k = 0; k < ids.length; k++) {
        const rec = sents[ids[k]!];
        if (rec?.alive) set.add(rec.doc);
      }
      found = Int32Array.from(set);
      this.docsOf.set(term, found);
      if (shared.map.size >= DOCS_MEMO) shared.map.clear();
      shared.map.set(term, found);
    }
    return found;
  }

  /**
   * Per source: how much of what a text says it says too — its names (weighing double) and
   * its other words, each weighted by how few sources have it. A word most sources have
   * tells no story apart and is left out.
   */
  weights(text: string | readonly string[]): DocWeights {
    // A section is read sentence by sentence (each remembered), so a re-check after an edit
    // reads only the edited sentence again.
    const pieces = typeof text === 'string' ? [text] : text;
    const names = new Set<string>();
    const telling = new Set<string>();
    const words = new Set<string>();
    for (const piece of pieces) {
      const n = nameTerms(piece);
      for (const t of n.all) names.add(t);
      for (const t of n.telling) telling.add(t);
      for (const t of wordTerms(piece)) words.add(t);
    }
    for (const t of names) words.add(t);
    // Summed by source id in one reused array: a word can be in thousands of an archive's sources.
    const size = this.corpus.store.docs.length;
    if (this.acc.length < size) this.acc = new Float64Array(Math.max(size, 2 * this.acc.length));
    if (this.namedAcc.length < size) this.namedAcc = new Uint8Array(this.acc.length);
    const acc = this.acc;
    const namedAcc = this.namedAcc;
    const touched: number[] = [];
    const add = (t: string, docs: Int32Array) => {
      const name = names.has(t);
      const w = Math.log(1 + this.docCount / docs.length) * (name ? NAME_WEIGHT : 1);
      for (let k = 0; k < docs.length; k++) {
        const d = docs[k]!;
        if (acc[d] === 0) touched.push(d);
        acc[d] = acc[d]! + w;
        if (name && telling.has(t)) namedAcc[d] = 1;
      }
    };
    const common: string[] = [];
    for (const t of words) {
      if (this.corpus.store.index.df(t) > MAX_POSTINGS) continue;
      const docs = this.docs(t);
      if (docs.length === 0) continue;
      if (docs.length > Math.max(1, this.docCount * COMMON_NAME)) {
        common.push(t);
        continue;
      }
      add(t, docs);
    }
    // In a small folder every word is in most sources: when nothing rarer is shared, the
    // common words are all there is to tell the story by.
    if (touched.length === 0 && this.docCount <= SMALL_FOLDER) for (const t of common) add(t, this.docs(t));
    // A name most sources give ("Halvern" in a folder about its port) weighs nothing, but the
    // sources that give it do share a name with the text.
    for (const t of common) {
      if (!telling.has(t)) continue;
      const docs = this.docs(t);
      for (let k = 0; k < docs.length; k++) if (acc[docs[k]!] !== 0) namedAcc[docs[k]!] = 1;
    }
    const ids = Int32Array.from(touched);
    const values = new Float64Array(ids.length);
    // A name no source has still says who or where the text is about: then no source shares
    // one, and the sources tell another story (see `scope`).
    const named = names.size > 0 ? new Uint8Array(ids.length) : undefined;
    for (let k = 0; k < ids.length; k++) {
      values[k] = acc[ids[k]!]!;
      acc[ids[k]!] = 0;
      if (named) named[k] = namedAcc[ids[k]!]!;
      namedAcc[ids[k]!] = 0;
    }
    return new DocWeights(ids, values, named);
  }

  /**
   * The weights of a section of a draft, from its sentences' texts: kept per corpus until its
   * sources change, so checking an unchanged section again (every re-check of a long draft)
   * does not weigh it again.
   */
  sectionWeights(texts: readonly string[]): DocWeights {
    const version = this.corpus.store.index.version;
    let memo = sectionMemo.get(this.corpus);
    if (!memo || memo.version !== version) sectionMemo.set(this.corpus, (memo = { version, map: new Map() }));
    const key = texts.join('\n');
    let w = memo.map.get(key);
    if (!w) {
      if (memo.map.size >= SECTION_MEMO) memo.map.clear();
      memo.map.set(key, (w = this.weights(texts)));
    }
    return w;
  }

  /**
   * The sources that give a name a section's heading tells its story by ("# Magnitogorsk
   * collapse", "## Chirac's legacy"): a person's surname, any word of another name, leaving out
   * words most sources have. Undefined when the heading names nothing that tells a story; empty
   * when no source has any of its names (no source tells the section's story).
   */
  headingSources(heading: string): ReadonlySet<number> | undefined {
    let memo = headingMemo.get(this.corpus);
    const version = this.corpus.store.index.version;
    if (!memo || memo.version !== version) headingMemo.set(this.corpus, (memo = { version, map: new Map() }));
    if (memo.map.has(heading)) return memo.map.get(heading);
    let out: Set<number> | undefined;
    for (const m of findMentions(heading)) {
      const words = tokensOf(m.text).filter((t) => t.kind === 'word' && t.cap && !CALENDAR.has(t.norm) && t.norm.length >= 2);
      for (const t of m.kind === 'person' ? words.slice(-1) : words) {
        const term = stemUncached(t.norm);
        if (this.corpus.store.index.df(term) > MAX_POSTINGS) continue;
        const docs = this.docs(term);
        if (docs.length > Math.max(1, this.docCount * COMMON_NAME)) continue;
        out ??= new Set();
        for (let k = 0; k < docs.length; k++) out.add(docs[k]!);
      }
    }
    if (memo.map.size >= SECTION_MEMO) memo.map.clear();
    memo.map.set(heading, out);
    return out;
  }

  /** `scope` kept to the sources that give a name its section's heading tells the story by (see `headingSources`). */
  private underHeading(scope: Scope, heading: string | undefined): Scope {
    if (!heading || !(scope instanceof Set)) return scope;
    const named = this.headingSources(heading);
    if (!named) return scope;
    const out = new Set([...scope].filter((d) => named.has(d)));
    return out.size > 0 ? out : undefined;
  }

  /**
   * `scope` of a sentence in a section whose weights `sectionWeights` gave, kept with them;
   * under the section's `heading`, kept to the sources that give one of its names.
   */
  scopeIn(section: DocWeights, sentence: string, heading?: string): Scope {
    let memo = scopeMemo.get(section);
    if (!memo) scopeMemo.set(section, (memo = new Map()));
    if (memo.has(sentence)) return memo.get(sentence);
    const scope = this.underHeading(this.scope(section, this.weights(sentence)), heading);
    if (memo.size >= SCOPE_MEMO) memo.clear();
    memo.set(sentence, scope);
    return scope;
  }

  /** The scope of one sentence of a draft, its section read from `text` (for a hover or a one-sentence check). */
  scopeOfSentence(text: string, sentence: { start: number; text: string }): Scope {
    if (this.isOneStory()) return 'all';
    // Its section, or as much of it as lies within `SECTION_WINDOW` characters either side
    // (a hover on a megabyte of draft reads a window of it, not all of it).
    const lo = Math.max(0, sentence.start - SECTION_WINDOW);
    const hi = Math.min(text.length, sentence.start + sentence.text.length + SECTION_WINDOW);
    const window = text.slice(lo, hi);
    const at = sentence.start - lo;
    let from = 0;
    let to = window.length;
    for (const st of sectionStarts(window)) {
      if (st <= at) from = st;
      else {
        to = st;
        break;
      }
    }
    const section = window.slice(from, to);
    return this.underHeading(this.scope(this.weights(draftSentences(section, 'markdown').map((x) => x.text)), this.weights(sentence.text)), headingOf(section));
  }

  /**
   * The sources a sentence's figures may be judged by, from the weights of its section's
   * names and its own: a set of source ids, 'all', or undefined when no story is known.
   */
  scope(section: Weights, own: Weights): Scope {
    // Sources that are all one story are all evidence, whichever of its names a sentence gives.
    this.oneStory ??= this.isOneStory();
    if (this.oneStory) return 'all';
    // The section's weights are shared by every sentence of it (a section of a long draft
    // weighs thousands of sources): read them ranked, once, and add each sentence's own.
    const ranked = rankedOf(section);
    let best = ranked.length ? ranked[0]![1] : 0;
    const mine = own instanceof DocWeights ? own : DocWeights.of(own);
    const totals = new Float64Array(mine.ids.length);
    for (let k = 0; k < totals.length; k++) {
      const total = (section.get(mine.ids[k]!) ?? 0) + OWN_NAMES * mine.values[k]!;
      totals[k] = total;
      if (total > best) best = total;
    }
    // A news story is told by its names: when the draft names people, places or bodies, a
    // source that shares none of them is about something else, however many other words it
    // shares ("died at the age of 55" is every obituary's sentence); when no source has any of
    // them, no source tells this story.
    const sectionNamed = section instanceof DocWeights ? section.named : undefined;
    const needName = !!(sectionNamed || mine.named);
    const hasName = (d: number, k?: number) => (k !== undefined && mine.named?.[k] === 1) || (section instanceof DocWeights && section.isNamed(d)) || (mine.named !== undefined && mine.isNamed(d));
    if (needName) {
      best = 0;
      for (const [d, w] of ranked) {
        if (hasName(d)) {
          best = w;
          break;
        }
      }
      for (let k = 0; k < totals.length; k++) if (totals[k]! > best && hasName(mine.ids[k]!, k)) best = totals[k]!;
    }
    if (best === 0) return undefined;
    const bar = best * IN_STORY;
    const out = new Set<number>();
    for (let k = 0; k < totals.length; k++) if (totals[k]! >= bar && (!needName || hasName(mine.ids[k]!, k))) out.add(mine.ids[k]!);
    for (const [d, w] of ranked) {
      if (w < bar) break;
      if (!needName || hasName(d)) out.add(d);
    }
    return out;
  }
}

/** Weights by source id: a `Map`, or the `DocWeights` that `StoryScoper.weights` makes. */
export type Weights = Pick<ReadonlyMap<number, number>, 'get' | 'size'> & Iterable<[number, number]>;

/** Weights of the sources a text shares words with, as two parallel arrays (looked up by id once asked). */
export class DocWeights implements Weights {
  private byId: Float64Array | undefined;
  private namedById: Uint8Array | undefined;

  constructor(
    readonly ids: Int32Array,
    readonly values: Float64Array,
    /** Per entry, 1 when the source shares one of the text's names; absent when the text gives no name. */
    readonly named?: Uint8Array,
  ) {}

  /** Per-entry values laid out by source id, for lookups (made on the first one). */
  private byIdOf<T extends Float64Array | Uint8Array>(values: T, make: (n: number) => T): T {
    let max = -1;
    for (let k = 0; k < this.ids.length; k++) max = Math.max(max, this.ids[k]!);
    const out = make(max + 1);
    for (let k = 0; k < this.ids.length; k++) out[this.ids[k]!] = values[k]!;
    return out;
  }

  /** Whether source `doc` shares one of the text's names. */
  isNamed(doc: number): boolean {
    if (!this.named) return false;
    this.namedById ??= this.byIdOf(this.named, (n) => new Uint8Array(n));
    return doc < this.namedById.length && this.namedById[doc] === 1;
  }

  get size(): number {
    return this.ids.length;
  }

  get(doc: number): number | undefined {
    this.byId ??= this.byIdOf(this.values, (n) => new Float64Array(n));
    const w = doc < this.byId.length ? this.byId[doc]! : 0;
    return w === 0 ? undefined : w;
  }

  *[Symbol.iterator](): Iterator<[number, number]> {
    for (let k = 0; k < this.ids.length; k++) yield [this.ids[k]!, this.values[k]!];
  }

  /** The same weights, from pairs. */
  static of(weights: Iterable<[number, number]>): DocWeights {
    const pairs = [...weights];
    return new DocWeights(Int32Array.from(pairs, (p) => p[0]), Float64Array.from(pairs, (p) => p[1]));
  }
}

/** Sections' weights per corpus, by their text, until its sources change (at most `SECTION_MEMO`). */
const sectionMemo = new WeakMap<Corpus, { version: number; map: Map<string, DocWeights> }>();
const SECTION_MEMO = 32;
/** Sentences' scopes per section (at most `SCOPE_MEMO` each); gone with the section's weights. */
const scopeMemo = new WeakMap<DocWeights, Map<string, Scope>>();
/** Per corpus, until its sources change: the sources each heading's names pick (see `headingSources`). */
const headingMemo = new WeakMap<Corpus, { version: number; map: Map<string, ReadonlySet<number> | undefined> }>();
const SCOPE_MEMO = 4096;

/** A weight map's entries, heaviest first; made once per map. */
const rankedMemo = new WeakMap<Weights, [number, number][]>();
function rankedOf(weights: Weights): [number, number][] {
  let r = rankedMemo.get(weights);
  if (!r) rankedMemo.set(weights, (r = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0])));
  return r;
}

/** The words of a section's heading line ("## Chirac's legacy" → "Chirac's legacy"), if it opens with one. */
export function headingOf(section: string): string | undefined {
  const m = /^#{1,6}[ \t]+([^\n]*)/.exec(section);
  return m ? m[1]!.replace(/[ \t#]+$/, '').trim() || undefined : undefined;
}

/** Sections of a Markdown draft start at headings; a section's names set its story. */
export function sectionStarts(text: string): number[] {
  const out = [0];
  const re = /^#{1,6}[ \t]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > 0) out.push(m.index);
  return out;
}

/**
 * The sources a sentence attributes its words to by outlet ("Sky News said …", "according to
 * the BBC"): what it says is checked against them only. Undefined when it names no outlet.
 */
export function attributedSources(corpus: Corpus, sentence: string): Set<number> | undefined {
  let out: Set<number> | undefined;
  const folded = sentence.toLowerCase();
  for (const [outlet, ids] of outletsOf(corpus)) {
    let at = folded.indexOf(outlet);
    while (at >= 0) {
      const before = at === 0 ? ' ' : folded[at - 1]!;
      const after = folded[at + outlet.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        out ??= new Set();
        for (const id of ids) out.add(id);
        break;
      }
      at = folded.indexOf(outlet, at + 1);
    }
  }
  return out;
}

/** Per corpus, until its sources change: each outlet (lower case) with the ids of its sources. */
const outletMemo = new WeakMap<Corpus, { version: number; docs: number; outlets: Map<string, number[]> }>();

/** The outlets of a corpus's sources (an archive of 19,000 articles has a few dozen), each with its sources. */
function outletsOf(corpus: Corpus): Map<string, number[]> {
  const version = corpus.store.index.version;
  const docs = corpus.store.docs;
  let memo = outletMemo.get(corpus);
  if (!memo || memo.version !== version || memo.docs !== docs.length) {
    const outlets = new Map<string, number[]>();
    docs.forEach((doc, id) => {
      const outlet = doc?.outlet?.trim().toLowerCase();
      if (!outlet || outlet.length < 2) return;
      let ids = outlets.get(outlet);
      if (!ids) outlets.set(outlet, (ids = []));
      ids.push(id);
    });
    outletMemo.set(corpus, (memo = { version, docs: docs.length, outlets }));
  }
  return memo.outlets;
}

export function inScope(scope: Scope, doc: number): boolean {
  return scope === 'all' || (scope !== undefined && scope.has(doc));
}
