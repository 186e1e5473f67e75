/** What every check of one draft sentence shares: its terms and the nearest source sentences. */
import type { Corpus } from '../corpus';
import { coverageOf, prepareDraft, type Coverage, type PreparedDraft } from '../citations/support';
import { termsOf, type Terms } from '../citations/retrieval';
import type { Near } from '../search-thread';
import type { SentRec } from '../store';
import type { QuoteMention } from '../quotes';
import type { Sentence } from '../types';
import { attributedSources, StoryScoper, type Scope } from './story';
import { LineIndex } from '../text/lines';
import { wordTokens as tokenize, type Token } from '../nlp';
import { parseQuantities, type Quantity } from '../quantities';
import { claimsOf, type Claim } from '../claims';
import { hasWholeWords } from '../text/fold';
import { recent, SENTENCE_MEMO } from '../text/memo';

export interface Candidate {
  rec: SentRec;
  cov: Coverage;
}

export interface SentenceContext {
  corpus: Corpus;
  text: string;
  lines: LineIndex;
  sentence: Sentence;
  terms: Terms;
  termSet: Set<string>;
  /** Source sentences ranked by how much of the draft sentence they cover. */
  candidates: Candidate[];
  /** The draft sentence's own claims, once figures have been read. */
  draftClaims?: import('../claims').Claim[];
  /** The draft sentence's figures, once read (see `quantitiesOf`). */
  quantities?: readonly Quantity[];
  /**
   * The draft sentence's quotations, when read beforehand, with the source sentences nearest
   * the words of quotation n (a full check searches for them on the search thread).
   */
  quotes?: {
    found: QuoteMention[];
    near: (n: number) => Candidate[] | undefined;
    /** Where the draft sentence `d` sentences from this one starts (a speaker named in another sentence); undefined when unknown. */
    sentenceStart?: (d: number) => number | undefined;
  };
  /** The sentence's figures as judged (see ./rules/figures), once for every rule that reads them. */
  judged?: import('./figures').FigureJudgement[];
  /** The sentence's lengths of time between dated events as judged (see ./offsets), once for every rule that reads them. */
  offsets?: import('./offsets').OffsetJudgements;
  /** `candidates` and the nearest sentences of the sentence's story (see `figureCandidates`). */
  storyCandidates?: Candidate[];
  /** Names already looked for in `candidates` (see `writtenInCandidates`). */
  writtenIn?: Map<string, boolean>;
  /** The sources this sentence's figures may be judged by (see ./story); undefined: no story known. */
  scope?: Scope;
  /** Tokens of the draft sentence (key -1) and of source sentences (their ids), once split (see `tokensOf`). */
  tokens?: Map<number, readonly Token[]>;
}

/**
 * The draft sentence's tokens, or a source sentence's: split once for all the checks of this
 * draft sentence (a source sentence with figures of several measures was split for each).
 */
export function tokensOf(ctx: SentenceContext, rec?: SentRec): readonly Token[] {
  const key = rec ? rec.id : -1;
  let toks = (ctx.tokens ??= new Map()).get(key);
  if (!toks) ctx.tokens.set(key, (toks = rec ? sourceTokens(ctx.corpus, rec) : tokenize(ctx.sentence.text)));
  return toks;
}

/** Source sentences whose word tokens checks remember, per corpus (a check reads the same ones for many draft sentences). */
const SOURCE_TOKENS = 4096;
const sourceTokenMemo = new WeakMap<Corpus, { version: number; map: Map<number, readonly Token[]> }>();

function sourceTokens(corpus: Corpus, rec: SentRec): readonly Token[] {
  const version = corpus.store.index.version;
  let memo = sourceTokenMemo.get(corpus);
  if (!memo || memo.version !== version) sourceTokenMemo.set(corpus, (memo = { version, map: new Map() }));
  let toks = memo.map.get(rec.id);
  if (!toks) {
    toks = tokenize(rec.sent.text);
    if (memo.map.size >= SOURCE_TOKENS) memo.map.clear();
    memo.map.set(rec.id, toks);
  }
  return toks;
}

/**
 * Figures of draft sentences, remembered from one check to the next (a draft is checked
 * again when its sources or settings change). Shared: checks read them and never change them.
 */
const draftFigures = recent((text: string): readonly Quantity[] => {
  try {
    return parseQuantities(text);
  } catch {
    return [];
  }
}, SENTENCE_MEMO);

/** The draft sentence's figures, read once for all the checks that need them (none when unreadable). */
export function quantitiesOf(ctx: SentenceContext): readonly Quantity[] {
  return (ctx.quantities ??= draftFigures(ctx.sentence.text));
}

/** The draft sentence's claims, read once for all the checks that need them (figures, tallies, breakdowns). */
export function draftClaimsOf(ctx: SentenceContext): Claim[] {
  return (ctx.draftClaims ??= claimsOf(ctx.sentence.text, quantitiesOf(ctx)));
}

export function idfOf(corpus: Corpus): (t: string) => number {
  const index = corpus.store.index;
  // A word no source has weighs like the rarest word a source has: in a small corpus every word is rare.
  const n = Math.max(1, index.size);
  const unseen = Math.log(1 + (n - 1 + 0.5) / 1.5);
  return (t: string) => (index.has(t) ? index.idf(t) : unseen);
}

/** How many source sentences a draft sentence's checks look at. */
export const CANDIDATES = 60;

/** A draft sentence's stems weighted for `coverageOf` (the search thread gets the same). */
export function draftOf(corpus: Corpus, terms: Terms): PreparedDraft {
  return prepareDraft({ stems: terms.stems, terms: new Set(terms.terms), classOf: terms.classOf }, idfOf(corpus));
}

/**
 * Source sentences near a piece of draft text, best covered first (ties: more terms, then
 * search rank). `draft`: its stems weighted for coverage, when already worked out. `known`:
 * sentences the caller has already (found, they are left out of what it gets, not weighed).
 */
export function nearest(
  corpus: Corpus,
  terms: Terms,
  limit = CANDIDATES,
  draft?: PreparedDraft,
  filter?: (id: number) => boolean,
  among?: () => ArrayLike<number>,
  known?: ReadonlySet<number>,
): Candidate[] {
  const out: Candidate[] = [];
  const index = corpus.store.index;
  // The same hits either way: a few sentences are scored one by one, many by reading postings.
  const hits = (among && index.searchAmong(terms.terms, limit, among())) ?? index.search(terms.terms, limit, filter);
  for (const h of hits) {
    if (known?.has(h.id)) continue;
    const rec = corpus.store.sents[h.id];
    if (!rec || !rec.alive) continue;
    draft ??= draftOf(corpus, terms);
    out.push({ rec, cov: coverageOf(draft, { stems: rec.terms.stems, terms: rec.termSet }) });
  }
  // The index counts a sentence's distinct terms (what the search thread has to break ties with).
  out.sort((a, b) => b.cov.score - a.cov.score || b.rec.terms.terms.length - a.rec.terms.terms.length);
  return out;
}

/** What `nearest` gives, from what the search thread worked out (see ../search-thread). */
export function candidatesFrom(corpus: Corpus, found: readonly Near[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of found) {
    const rec = corpus.store.sents[f.id];
    if (rec?.alive) out.push({ rec, cov: f.cov });
  }
  return out;
}

/**
 * `pre`: the sentence's terms and nearest sentences when worked out beforehand (a full check
 * searches on another thread), and how to find its scope. The scope is worked out when a
 * check first asks for it: weighing a sentence against an archive's sources is not free, and
 * most sentences have no figure or title to judge.
 */
export function makeContext(
  corpus: Corpus,
  text: string,
  lines: LineIndex,
  sentence: Sentence,
  pre?: { terms: Terms; candidates?: Candidate[]; scope?: Scope | (() => Scope) },
): SentenceContext {
  const terms = pre?.terms ?? termsOf(sentence.text);
  const find: () => Scope =
    pre && 'scope' in pre
      ? typeof pre.scope === 'function'
        ? pre.scope
        : () => pre.scope as Scope
      : () => attributedSources(corpus, sentence.text) ?? new StoryScoper(corpus).scopeOfSentence(text, sentence);
  let scope: { value: Scope } | undefined;
  return {
    corpus,
    text,
    lines,
    sentence,
    terms,
    termSet: new Set(terms.terms),
    candidates: pre?.candidates ?? nearest(corpus, terms),
    get scope(): Scope {
      return (scope ??= { value: find() }).value;
    },
    set scope(value: Scope) {
      scope = { value };
    },
  };
}

/** How many sentences of the draft sentence's own story its figures are also compared with. */
export const STORY_CANDIDATES = 30;

/**
 * The candidates a sentence's figures are judged by: its nearest sentences, and when its
 * story is a few sources of a larger archive, the nearest sentences of those sources too
 * (in an archive, the right article's sentence can rank below other stories' sentences).
 */
/**
 * Whether one of the sentence's nearest source sentences writes `name` as whole words, within
 * a longer name too ("the Sunshine Coast Rugby Union" writes "Sunshine Coast"): a name the
 * sources have, though not as a name of its own. Remembered per sentence (several checks ask).
 */
export function writtenInCandidates(ctx: SentenceContext, name: string): boolean {
  const memo = (ctx.writtenIn ??= new Map());
  let found = memo.get(name);
  if (found === undefined) memo.set(name, (found = ctx.candidates.some((c) => hasWholeWords(c.rec.sent.text, name))));
  return found;
}

/**
 * The source sentences a figure of the draft sentence may be judged by: those of its story
 * (../story: every candidate when the sources are one story, none when the sentence's story is
 * not known), with the story's nearest sentences that are not among the sentence's nearest.
 */
export function figureCandidates(ctx: SentenceContext): Candidate[] {
  const scope = ctx.scope;
  if (!scope) return [];
  if (scope === 'all') return ctx.candidates;
  if (ctx.storyCandidates) return ctx.storyCandidates;
  const sents = ctx.corpus.store.sents;
  // The story's nearest sentences that are not among the sentence's nearest already.
  const extra = nearest(
    ctx.corpus,
    ctx.terms,
    STORY_CANDIDATES,
    undefined,
    (id) => scope.has(sents[id]!.doc),
    () => sentencesOfSources(ctx.corpus, scope),
    new Set(ctx.candidates.map((c) => c.rec.id)),
  );
  ctx.storyCandidates = [...ctx.candidates.filter((c) => scope.has(c.rec.doc)), ...extra];
  return ctx.storyCandidates;
}

/** Per corpus, until its index changes: the ids of each source's live sentences. */
const sentencesMemo = new WeakMap<Corpus, { version: number; bySource: Map<number, number[]> }>();

/** The ids of the live sentences of some sources (the sentences of a story). */
export function sentencesOfSources(corpus: Corpus, sources: ReadonlySet<number>): number[] {
  const version = corpus.store.index.version;
  let memo = sentencesMemo.get(corpus);
  if (!memo || memo.version !== version) {
    const bySource = new Map<number, number[]>();
    const sents = corpus.store.sents;
    for (let id = 0; id < sents.length; id++) {
      const rec = sents[id];
      if (!rec?.alive) continue;
      let list = bySource.get(rec.doc);
      if (!list) bySource.set(rec.doc, (list = []));
      list.push(id);
    }
    sentencesMemo.set(corpus, (memo = { version, bySource }));
  }
  const out: number[] = [];
  for (const d of sources) for (const id of memo.bySource.get(d) ?? []) out.push(id);
  return out;
}
