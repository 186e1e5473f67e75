/**
 * Figures: each claim of a draft sentence (a frame: ../claims/frame) is aligned with the
 * claims of the nearest source sentences of the same story (./story); the sources that
 * align strongly enough decide whether they support the figure, rule it out, or disagree
 * among themselves. Below the alignment a decision needs, the check abstains.
 */
import { alignClaims, lemmaOf, newsConcept, type Alignment, type Claim } from '../claims';
import { lookupPlace } from '../entities/gazetteer';
import { findMentions } from '../entities/mentions';
import type { EntityRegistry } from '../entities/registry';
import { CHANGE_DOWN, CHANGE_UP, PHASE_OF } from '../claims/words';
import { foldForMatch } from '../text/fold';
import { stem, tokensOf as sentenceTokens } from '../nlp';
import { epochDay, formatQuantity, intervalsCompatible, weekdayOf, type Quantity } from '../quantities';
import type { SentRec } from '../store';
import { draftClaimsOf, figureCandidates, idfOf, type SentenceContext } from './context';
import { datesOtherEvent } from './offsets';
import { mayShareStory } from './story';

export interface ClaimMatch {
  rec: SentRec;
  claim: Claim;
  /** How sure it is that the source's figure measures what the draft's does (0..1). */
  sim: number;
  /** Stated as an expectation, inside a quotation, or vaguely ("thousands"). */
  weak: boolean;
  /** Only compatible under one reading of an unclear per-side/total scope. */
  ambiguous: boolean;
  compatible: boolean;
}

export type Verdict = 'supported' | 'contradiction' | 'disagree' | 'none';

export interface FigureJudgement {
  claim: Claim;
  verdict: Verdict;
  matches: ClaimMatch[];
}

/** Alignment a source claim needs to count as support. */
export const SUPPORT_ALIGNMENT = 0.45;
/** Alignment a source claim needs to rule a figure out (precision first: well above support). */
export const CONTRADICT_ALIGNMENT = 0.5;
/** Coverage of the draft sentence by a source sentence at which it reads as a retelling of it (see `judgeClaim`). */
const RETOLD_COVERAGE = 0.5;
/** Share of the draft clause's words a distance's source clause must have to locate the same thing. */
const ANCHORED_CONTEXT = 0.3;
/** How much the source paragraph's match with the draft sentence adds (see `paragraphCoverage`). */
const DISCOURSE_WEIGHT = 0.2;
/** Sentences of a source paragraph before a figure's sentence that set its scene. */
const SCENE_SENTENCES = 3;

/**
 * How much of the draft sentence (its search terms, by weight) the source sentence and the
 * sentences before it in its paragraph have: a paragraph's opening sets the scene for the
 * figures that follow ("An apartment building collapsed … A total of 39 are confirmed
 * dead"), and tells one event's figures from another's in the same article.
 */
function paragraphCoverage(ctx: SentenceContext, rec: SentRec, terms: readonly string[], total: number, idf: (t: string) => number): number {
  if (total <= 0) return 0;
  const recs = [rec, ...sceneOf(ctx, rec)];
  let shared = 0;
  for (const t of terms) if (recs.some((r) => r.termSet.has(t))) shared += idf(t);
  return shared / total;
}

/** Pronouns of the first person: the speaker's, whom a sentence of their own does not name. */
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our', "i'm", "we're", "i've", "we've"]);

/** Whether a draft claim's clause speaks in the first person ("we started observing in 1999"). */
function spokenInFirstPerson(ctx: SentenceContext, c: Claim): boolean {
  // The claim's token indices are those of the sentence's full tokens (../nlp), punctuation included.
  const toks = sentenceTokens(ctx.sentence.text);
  for (let k = c.span[0]; k < c.span[1] && k < toks.length; k++) if (FIRST_PERSON.has(toks[k]!.norm)) return true;
  return false;
}

/** The sentences of a source paragraph just before `rec` (see SCENE_SENTENCES). */
function sceneOf(ctx: SentenceContext, rec: SentRec): SentRec[] {
  const sents = ctx.corpus.store.sents;
  const out: SentRec[] = [];
  for (let id = rec.id - 1; id >= 0 && out.length < SCENE_SENTENCES; id--) {
    const r = sents[id];
    if (!r || r.doc !== rec.doc || r.paragraph !== rec.paragraph) break;
    if (r.alive) out.push(r);
  }
  return out;
}

/** How much a sentence-level match adds to a clause-level alignment. */
const SENTENCE_WEIGHT = 0.15;

function scaled(q: Quantity, f: number): Quantity {
  return { ...q, value: q.value * f, low: q.low * f, high: q.high * f };
}

/** A date or year as a span of fractional years, for "before"/"after" bounds. */
function yearSpan(q: Quantity): [number, number] | undefined {
  if (q.kind === 'year' && Number.isFinite(q.low)) return [q.low, q.high + 1];
  const d = q.date;
  if (q.kind !== 'date' || d?.year === undefined) return undefined;
  if (d.month === undefined) return [d.year, d.year + 1];
  const start = d.year + (d.month - 1) / 12 + ((d.day ?? 1) - 1) / 365;
  return [start, d.day === undefined ? d.year + d.month / 12 : start + 1 / 365];
}

/** A draft claim with its figure as written (see `asWritten`), alone and doubled, worked out once for all the source claims it meets. */
class DraftFigure {
  private single: Quantity | undefined;
  private double: Quantity | undefined;
  constructor(readonly claim: Claim) {}

  /** `claim`'s figure as written, or twice it (a per-side figure as a total). */
  written(twice: boolean): Quantity {
    if (twice) return (this.double ??= asWritten(scaled(this.claim.q, 2)));
    return (this.single ??= asWritten(this.claim.q));
  }
}

const OK = { ok: true, ambiguous: false } as const;
const NOT_OK = { ok: false, ambiguous: false } as const;
const plain = (ok: boolean) => (ok ? OK : NOT_OK);

/** Compatibility of two counts taking "each" against "in all" into account (two parties). */
function compatible(draft: DraftFigure, s: Claim): { ok: boolean; ambiguous: boolean } {
  const d = draft.claim;
  if (d.bound) {
    const a = yearSpan(d.q);
    const b = yearSpan(s.q);
    if (!a || !b) return OK;
    return plain(d.bound === 'before' ? b[0] < a[0] : b[1] > a[1] - 1e-9 && b[0] >= a[1] - 1e-9);
  }
  const direct = () => safeCompat(draft, false, s.q);
  if (d.dim !== 'count' || d.scope === s.scope) return plain(direct());
  if (d.scope === 'perSide' && s.scope === 'total') return plain(safeCompat(draft, true, s.q));
  if (d.scope === 'total' && s.scope === 'perSide') return plain(safeCompat(draft, false, scaled(s.q, 2)));
  if (d.scope === 'perSide' && s.scope === 'unknown') {
    const asPerSide = direct();
    const asTotal = safeCompat(draft, true, s.q);
    return { ok: asPerSide || asTotal, ambiguous: asPerSide !== asTotal };
  }
  // draft scope unknown, source per side: the draft may mean either
  const a = direct();
  const b = safeCompat(draft, false, scaled(s.q, 2));
  return plain(a || b);
}

/**
 * A draft's figure as a writer means it: a round figure stands for the value it
 * rounds ("789,000" for 789,298), and a bound the writer sets ("more than 206")
 * does not exclude the figure itself.
 */
function asWritten(q: Quantity): Quantity {
  if (q.kind === 'date' || q.kind === 'year' || q.kind === 'time' || q.kind === 'ordinal') return q;
  let lo = q.low;
  let hi = q.high;
  if (q.qualifier === 'exact' || q.qualifier === 'range') {
    // A bare figure is not an open bound.
    q = { ...q, lowOpen: false, highOpen: false };
  }
  // The draft's own bounds are read literally: "more than 50%" is true of 99%.
  if (q.qualifier === 'more' || q.qualifier === 'atLeast') hi = Math.abs(q.value) * 1000 + 1000;
  if (q.qualifier === 'less' || q.qualifier === 'atMost') lo = 0;
  if (q.kind !== 'count' && q.kind !== 'money') return { ...q, low: lo, high: hi };
  if (q.qualifier === 'exact' && Number.isFinite(q.value) && q.value >= 1000) {
    let unit = 1;
    while (q.value % (unit * 10) === 0 && unit < q.value) unit *= 10;
    const tol = Math.min(unit / 2, q.value * 0.02);
    lo -= tol;
    hi += tol;
  }
  return { ...q, low: lo, high: hi };
}

function safeCompat(draft: DraftFigure, twice: boolean, b: Quantity): boolean {
  try {
    return intervalsCompatible(draft.written(twice), b);
  } catch {
    return true;
  }
}

/**
 * A plain figure equal to the bound a source sets ("80%" for "over 80%", "200" for "more
 * than 200") drops the source's qualifier; it does not contradict it.
 */
function atBound(a: Quantity, b: Quantity): boolean {
  if (a.qualifier !== 'exact' || !Number.isFinite(a.value)) return false;
  const eps = Math.max(1e-9, Math.abs(a.value) * 1e-9);
  return (b.lowOpen === true && Math.abs(a.value - b.low) <= eps) || (b.highOpen === true && Math.abs(a.value - b.high) <= eps) || (b.qualifier !== 'exact' && Math.abs(a.value - b.value) <= eps);
}

/** A source date that is coarser than the draft's cannot pin the draft's day ("March 2022" vs "16 May"). */
function comparableGrain(d: Quantity, s: Quantity, bound?: string): boolean {
  if (bound) return true;
  if (d.kind !== 'date' && d.kind !== 'year') return true;
  const grain = (q: Quantity) => {
    if (q.kind === 'year') return 1;
    const dv = q.date;
    if (!dv) return 0;
    if (dv.day !== undefined || dv.weekday !== undefined) return 3;
    if (dv.month !== undefined) return 2;
    return dv.year !== undefined ? 1 : 0;
  };
  return grain(s) >= grain(d);
}

/**
 * A draft date without a year ("14 May") takes the year the sources give for the
 * same event, so that it can be compared with a weekday ("Friday").
 */
function withSourcedYear(claim: Claim, comparables: Claim[]): Claim {
  const d = claim.q.date;
  if (claim.q.kind !== 'date' || !d || d.year !== undefined || d.month === undefined || d.day === undefined) return claim;
  const years = new Map<number, number>();
  for (const c of comparables) {
    const y = c.q.date?.year;
    if (y !== undefined && c.q.date?.month !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const top = [...years.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top) return claim;
  const year = top[0];
  const day = epochDay(year, d.month, d.day);
  const date = { ...d, year, weekday: weekdayOf(year, d.month, d.day) };
  return { ...claim, q: { ...claim.q, date, value: day, low: day, high: day } };
}

/** Calendar years and day-level dates a sentence is about, other than the figure being checked. */
interface TimeFrame {
  years: Set<number>;
  /** Months the sentence names (1-12), with or without a day. */
  months: Set<number>;
  days: Set<number>;
  cutoff?: boolean;
}

function timeFrame(claims: readonly Claim[], except?: Claim): TimeFrame {
  const years = new Set<number>();
  const months = new Set<number>();
  const days = new Set<number>();
  let cutoff = false;
  for (const c of claims) {
    if (c === except || c.q === except?.q) continue;
    if (c.role === 'frame' && c.bound) cutoff = true;
    const d = c.q.date;
    if (c.q.kind === 'year' && Number.isInteger(c.q.value)) years.add(c.q.value);
    if (c.q.kind === 'date' && d?.year !== undefined) years.add(d.year);
    if (c.q.kind === 'date' && d?.month !== undefined) months.add(d.month);
    if (c.q.kind === 'date' && d?.month !== undefined && d.day !== undefined) days.add(d.month * 100 + d.day);
  }
  return { years, months, days, cutoff };
}

/**
 * Figures stated for different years, months or days are about different moments ("192 units
 * in 2012" against "1,000 in 2013"; a poll average "at the end of June" against one "as July
 * came to a close").
 */
function sameTimeFrame(a: TimeFrame, b: TimeFrame): boolean {
  // "fewer than 80 cases before March 12" is not "88 cases as of 12 March".
  if (a.cutoff && (b.years.size || b.days.size)) return false;
  if (a.years.size && b.years.size && ![...a.years].some((y) => b.years.has(y))) return false;
  if (a.months.size && b.months.size && ![...a.months].some((m) => b.months.has(m))) return false;
  if (a.days.size && b.days.size && ![...a.days].some((d) => b.days.has(d))) return false;
  return true;
}

/** A claim aligned with the draft's, before votes are counted. */
interface Aligned {
  rec: SentRec;
  claim: Claim;
  a: Alignment;
  score: number;
  /** How well the source sentence covers the draft sentence's words. */
  cov: number;
  ok: boolean;
  ambiguous: boolean;
  /** Agrees only by dropping the source's qualifier. */
  bound?: boolean;
}

/**
 * Whether an alignment is strong enough to rule a figure out: the words around must agree,
 * and so must what the figure counts (for counts, ranks, sums and shares) or the event
 * it times (for dates and lengths of time).
 */
function strong(d: Claim, x: Aligned): boolean {
  return weakness(d, { ...x, sentence: x.rec.sent.text }) === undefined;
}

/** Why an alignment is too weak to rule a figure out, or undefined when it is strong enough. */
export function weakness(d: Claim, x: { score: number; claim: Claim; a: Alignment; sentence?: string }): string | undefined {
  // A named person has one age in one story: where both clauses give the age to the same name
  // ("Adamowicz, 53, has supported …" against "Paweł Adamowicz, 58, died …"), what else they
  // tell of that person does not make it another age.
  if (d.dim === 'age' && sameNamedHolder(d, x.claim)) return undefined;
  if (x.score < CONTRADICT_ALIGNMENT) return 'score';
  // Distances from the same place: what is located is told by the clauses' other words ("the
  // epicentre … 37 km north of Tandag City"), not by their verbs (lay, was located, sits).
  if (x.a.anchored) {
    if (placeClash(d, x)) return 'another place';
    return x.a.contextWeight === 0 || x.a.context >= ANCHORED_CONTEXT ? undefined : 'distance of another thing';
  }
  const s = x.claim;
  // What is counted or timed is named by a specific noun in both ("a 60-day pause in the
  // fighting" against "a 30-day ceasefire"): that identifies the measure.
  // (A count is also told apart by what was done: "drove 55 yards" is not "scrambled 3 yards".)
  const specific = d.dim !== 'count' && d.thing !== undefined && !GENERIC_THINGS.has(d.thing) && x.a.thing >= 0.9;
  // Both clauses say what happened, and it is not the same event ("58,000 evacuated" against "6,000 killed").
  if (!specific && d.events.length > 0 && s.events.length > 0 && x.a.events < 0.5) return 'events differ';
  // A figure for one place is not a figure for another or for the world ("in the United
  // States and Canada" against "worldwide"); and where the source's sentence names the
  // draft's place in another clause, that clause's figure is the one to compare.
  if (placeClash(d, x)) return 'another place';
  // The time between two events: both ends must be the same events.
  if (d.role === 'offset') return x.a.events >= 0.9 && x.a.context >= 0.5 ? undefined : 'offset';
  // An age is one person's: it is checked against the same named person only.
  // Where the source's clause names no one, its age is of what it describes: the same noun in
  // both ("the 25-year-old building", "one of their daughters, aged 17") is the same one.
  if (d.dim === 'age' && !sharesName(d, s) && !sameUnnamed(d, x)) return 'age of another';
  // A count of people as such is told apart by what happened to them.
  if (d.dim === 'count' && d.thing && GENERIC_THINGS.has(d.thing)) return x.a.thing >= 0.7 && x.a.events >= 0.8 ? undefined : 'generic count';
  if ((THING_FIRST.has(d.dim) || (d.dim === 'duration' && specific)) && d.thing) return x.a.thing >= 0.9 && (x.a.events >= 0.5 || x.a.context >= 0.3) ? undefined : 'thing';
  // A source figure of a named kind the draft's clause does not mention ("a budget of $185
  // million" against "earned less than $170 million") measures something else, whatever verb
  // the two clauses share ("grossing $566 million against a budget of $185 million").
  if (s.thing && !d.thing && THING_FIRST.has(d.dim) && x.a.thing < 0.5) return 'another thing';
  // A date next to a phase verb dates that phase ("halted the search on Tuesday"): a date of
  // the event itself, or of another phase of it, is another date.
  if ((d.dim === 'date' || d.dim === 'time') && phaseClash(d, s)) return 'another phase';
  // A date or length of time belongs to its nearest event: that event must be the source's.
  if (x.a.primaryKnown) return x.a.primary >= 0.8 ? undefined : 'primary event';
  return x.a.events >= 0.5 || (d.events.length === 0 && x.a.contextWeight > 0 && x.a.context >= 0.5) ? undefined : 'no event';
}

/** How many of a clause's events, nearest first, may name the phase its date is of. */
const PHASE_EVENTS = 2;

function phasesOf(c: Claim): Set<string> {
  const out = new Set<string>();
  for (const e of c.events.slice(0, PHASE_EVENTS)) {
    const p = PHASE_OF.get(e);
    if (p) out.add(p);
  }
  return out;
}

/** The draft dates a phase of an event (begun, halted, resumed…) and the source's clause dates no such phase of it. */
function phaseClash(d: Claim, s: Claim): boolean {
  const dp = phasesOf(d);
  if (dp.size === 0) return false;
  const sp = phasesOf(s);
  return ![...dp].some((p) => sp.has(p));
}

/** The draft's clause and the source's name different places or scopes (see `weakness`). */
function placeClash(d: Claim, x: { claim: Claim; sentence?: string }): boolean {
  const s = x.claim;
  const worldwide = (c: Claim) => c.near.some((w) => newsConcept(w) === WORLDWIDE);
  const places = (c: Claim) => c.names.filter((n) => isPlace(n) && !c.inNames?.includes(n));
  const dp = places(d);
  const sp = places(s);
  if ((worldwide(d) && sp.length > 0 && !worldwide(s)) || (worldwide(s) && dp.length > 0 && !worldwide(d))) return true;
  // Both name where it happened, and the places are not one another ("in Ankara" against
  // "in Istanbul"; "in Turkey" and "in Istanbul" are one place at two scales).
  if (dp.length > 0 && sp.length > 0 && !dp.some((a) => sp.some((b) => samePlace(a, b)))) return true;
  if (dp.length > 0 && x.sentence) {
    const folded = foldForMatch(x.sentence);
    if (dp.some((p) => !s.names.includes(p) && new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(folded))) return true;
  }
  return false;
}

const WORLDWIDE = 'news:worldwide';

function isPlace(name: string): boolean {
  return lookupPlace(name) !== undefined;
}

/** The same place, or one within the other's country. */
function samePlace(a: string, b: string): boolean {
  const x = lookupPlace(a);
  const y = lookupPlace(b);
  if (!x || !y) return a === b;
  if (x.name === y.name) return true;
  const cx = x.type === 'country' ? x.name : x.country;
  const cy = y.type === 'country' ? y.name : y.country;
  return (x.type === 'country' || y.type === 'country') && cx !== undefined && cx === cy;
}

/**
 * Whether an age in a source clause that names nobody is the age of what the draft's clause
 * describes: both say it of the same noun, and neither says something else happened to it.
 */
function sameUnnamed(d: Claim, x: { claim: Claim; a: Alignment }): boolean {
  const s = x.claim;
  if (s.names.some((n) => !isPlace(n))) return false;
  if (!d.thing || !s.thing || x.a.thing < 0.9) return false;
  return d.events.length === 0 || s.events.length === 0 || x.a.events >= 0.5;
}

/**
 * Whether the figure at `at` is given as the value a count rose to ('up': "rose to 22") or fell
 * to ('down'): the verb before "to", by the lemma the tagger gives it (not an -ing form).
 */
function changedTo(sentence: string, at: number): 'up' | 'down' | undefined {
  const from = Math.max(0, at - 40);
  const m = /(\p{L}+)\s+to\s+(?:about\s+|around\s+|at\s+least\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$/iu.exec(sentence.slice(from, at));
  if (!m || /ing$/i.test(m[1]!)) return undefined;
  const verb = sentenceTokens(sentence).find((t) => t.start === from + m.index);
  const lemma = verb ? lemmaOf(verb) : m[1]!.toLowerCase();
  if (CHANGE_UP.has(lemma)) return 'up';
  if (CHANGE_DOWN.has(lemma)) return 'down';
  return undefined;
}

/** Both ages are given to one name ("Paweł Adamowicz, 58," and "Adamowicz, 53,"). */
function sameNamedHolder(d: Claim, s: Claim): boolean {
  const named = (c: Claim) => c.thing !== undefined && c.names.some((n) => !isPlace(n) && n.split(' ').includes(c.thing!));
  return d.thing !== undefined && d.thing === s.thing && named(d) && named(s);
}

/** Both claims' clauses name the same person (a name in the draft's clause is in the source's). */
function sharesName(d: Claim, s: Claim): boolean {
  const theirs = new Set(s.names);
  return d.names.some((n) => theirs.has(n));
}

/**
 * Figures orders of magnitude apart measure different things: a writer who means "two
 * hours" does not write "three years", nor "58,000" for 6,000 by mistake of fact.
 */
const SAME_MEASURE_RATIO = 20;

function sameMagnitude(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'date' || a.kind === 'year' || a.kind === 'time' || a.kind === 'ordinal') return true;
  const x = Math.abs(a.value);
  const y = Math.abs(b.value);
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return true;
  return Math.max(x, y) / Math.min(x, y) <= SAME_MEASURE_RATIO;
}

/**
 * Whether two dates can be told apart at the draft's precision: the draft's day needs the
 * source's day (or both weekdays), its weekday a weekday, its month a month, its year a
 * year. "Wednesday" against "September 12" with no year known decides nothing.
 */
function dateDecidable(d: Quantity, s: Quantity): boolean {
  if (d.kind !== 'date' && d.kind !== 'year') return true;
  const dd = d.kind === 'year' ? { year: d.value } : d.date ?? {};
  const sd = s.kind === 'year' ? { year: s.value } : s.date ?? {};
  if (dd.relative || sd.relative) return false;
  const weekday = (x: typeof dd) => ('weekday' in x && x.weekday !== undefined ? x.weekday : x.year !== undefined && 'month' in x && x.month !== undefined && 'day' in x && x.day !== undefined ? weekdayOf(x.year, x.month, x.day) : undefined);
  const hasDay = (x: typeof dd) => ('day' in x && x.day !== undefined) || ('dayRange' in x && x.dayRange !== undefined);
  if (hasDay(dd)) return (hasDay(sd) && ('month' in sd ? sd.month !== undefined : false)) || (weekday(dd) !== undefined && weekday(sd) !== undefined);
  if ('weekday' in dd && dd.weekday !== undefined) return weekday(sd) !== undefined;
  if ('month' in dd && dd.month !== undefined) return 'month' in sd && sd.month !== undefined;
  return dd.year !== undefined && sd.year !== undefined;
}

/** The calendar year of a date claim, when written. */
export function yearOf(q: Quantity): number | undefined {
  if (q.kind === 'year') return q.value;
  return q.date?.year;
}

/**
 * Whether the contradicting figures rule out one value: values that are far apart from
 * each other (more than twice the smallest) were not one measure to begin with, so they
 * rule out nothing (an archive's "3 percent", "11%" and "71 percent" of different votes).
 */
function oneMeasure(against: readonly Aligned[]): boolean {
  const values = against.map((x) => x.claim.q).filter((q) => q.kind !== 'date' && q.kind !== 'year' && q.kind !== 'time' && Number.isFinite(q.value));
  if (values.length < 2) return true;
  const lows = values.map((q) => Math.max(Math.abs(q.low), 1e-9));
  const highs = values.map((q) => Math.abs(q.high));
  return Math.max(...lows) <= 2 * Math.min(...highs);
}

const THING_FIRST = new Set(['count', 'ordinal', 'money', 'percent', 'age']);

/** Nouns that count without naming a kind of thing: the event is what tells two such counts apart. */
const GENERIC_THINGS = new Set(['people', 'person', 'individual', 'other', 'others', 'one', 'time', 'thing']);

/**
 * Weaker evidence than a report: a vague figure, a quotation, or an expectation — unless
 * the draft is as vague or states the same expectation ("were expected to arrive on
 * Saturday" against "are expected to arrive on Friday", "hundreds" against "thousands",
 * are plain disagreements).
 */
function weakFor(d: Claim, c: Claim): boolean {
  return (c.hedged && !d.hedged) || (c.vague && !d.vague) || c.quoted;
}

/** Folded words of a name ("Park Won-soon" → park, won-soon). */
function nameWords(text: string): string[] {
  return foldForMatch(text).split(/\s+/).filter(Boolean);
}

/**
 * The people a draft claim's clause names (entity ids; a name the sources never give stands
 * for itself), or undefined when it names none.
 */
function draftPersons(registry: EntityRegistry, sentence: string, d: Claim): Set<number | string> | undefined {
  // A clause that names no one ("…, developed a fever on Wednesday and died on Saturday") is
  // said of the people its sentence names (its subject, "John Horton Conway, …").
  const mine = d.names.length > 0 ? new Set(d.names.map(foldForMatch)) : undefined;
  let out: Set<number | string> | undefined;
  for (const m of findMentions(sentence)) {
    if (mine && !nameWords(m.text).some((w) => mine.has(w))) continue;
    // "Rosselló's chief of staff … announced his resignation": a name in the possessive owns
    // what the clause tells of; it is not who it befell.
    if (m.possessive) continue;
    const e = registry.resolve(m);
    if ((e?.kind ?? m.kind) !== 'person') continue;
    (out ??= new Set()).add(e ? e.id : m.key);
    // The name as written too: a source may write it inside a longer name ("Chemist Otto Klemm").
    out.add(foldForMatch(m.text));
  }
  return out;
}

/** Whether a name as written holds every word of one of the draft's names (`mine`'s strings). */
function holdsName(mine: Set<number | string>, text: string): boolean {
  const words = new Set(nameWords(text));
  for (const n of mine) if (typeof n === 'string' && n.split(/\s+/).every((w) => words.has(w))) return true;
  return false;
}

/**
 * Whether a source's date is said of other people than the draft's: the draft's clause (or,
 * naming no one, its sentence) names people, the source's clause (or its sentence) names
 * people, and the source's sentence names none of the draft's. "Park was elected mayor in
 * 2011" is not ruled out by another candidate's "mid-2018".
 */
function otherPeople(ctx: SentenceContext, mine: Set<number | string>, rec: SentRec, s: Claim): boolean {
  const registry = ctx.corpus.registry;
  const theirs = new Set(s.names.map(foldForMatch));
  let named = false;
  let people = false;
  for (const ref of rec.mentions) {
    const e = registry.get(ref.entity);
    if (!e || e.kind !== 'person') continue;
    people = true;
    const written = rec.sent.text.slice(ref.start, ref.end);
    if (mine.has(e.id) || holdsName(mine, written)) return false;
    // A source clause that names no one is said of the people its sentence names.
    if (!named && (theirs.size === 0 || nameWords(written).some((w) => theirs.has(w)))) named = true;
  }
  if (named) return true;
  // A sentence whose people are pronouns ("She was first elected in 2011") is said of the
  // people its paragraph named just before: other people when they are all others.
  if (people || !PERSONAL_SUBJECT.test(rec.sent.text)) return false;
  let others = false;
  for (const r of sceneOf(ctx, rec)) {
    for (const ref of r.mentions) {
      const e = registry.get(ref.entity);
      if (!e || e.kind !== 'person') continue;
      if (mine.has(e.id) || holdsName(mine, r.sent.text.slice(ref.start, ref.end))) return false;
      others = true;
    }
  }
  return others;
}

/** A sentence whose subject is a personal pronoun. */
const PERSONAL_SUBJECT = /^(?:\S+\s+){0,4}?(?:he|she|they|his|her)\b/i;

/** An indefinite article right before a figure ("a second man"). */
const INDEFINITE_BEFORE = /\ban?\s+$/i;

export function judgeClaim(ctx: SentenceContext, original: Claim): FigureJudgement {
  const idf = idfOf(ctx.corpus);
  const weight = (lemma: string) => idf(stem(lemma));
  const aligned: Aligned[] = [];
  const comparables: Claim[] = [];
  const isTime = original.dim === 'date' || original.dim === 'time';
  const myFrame = isTime ? undefined : timeFrame(ctx.draftClaims ?? [], original);
  const found: { rec: SentRec; cov: number; s: Claim; a: Alignment }[] = [];
  for (const cand of figureCandidates(ctx)) {
    for (const s of cand.rec.claims) {
      // A tally's side is compared with the same side of another tally ("ruled 7-2" with "6-3": 7 with 6).
      if (original.q.tally && s.q.tally && original.q.tally !== s.q.tally) continue;
      const a = alignClaims(original, s, weight);
      if (!a) continue;
      if (!comparableGrain(original.q, s.q, original.bound)) continue;
      if (!original.bound && !dateDecidable(original.q, s.q)) continue;
      found.push({ rec: cand.rec, cov: cand.cov.score, s, a });
      comparables.push(s);
    }
  }
  if (found.length === 0) return { claim: original, verdict: 'none', matches: [] };
  const claim = withSourcedYear(original, comparables);
  const draft = new DraftFigure(claim);
  const idfOfTerm = idfOf(ctx.corpus);
  const draftTerms = ctx.terms.terms.filter((t) => !t.startsWith('#'));
  let draftWeight = 0;
  for (const t of draftTerms) draftWeight += idfOfTerm(t);
  const discourseOf = new Map<number, number>();
  for (const f of found) {
    if (myFrame && !sameTimeFrame(myFrame, timeFrame(f.rec.claims, f.s))) continue;
    const c = compatible(draft, f.s);
    // A side of a tally ("won 32–20") is a bare count: only the other side of the same result
    // tells which result it is (../tallies.ts). Here it can be supported, never ruled out.
    if (!c.ok && (original.q.tally || f.s.q.tally)) continue;
    // A plain figure at a source's bound ("two hours" for "less than two hours") drops the
    // qualifier: weak agreement, not a contradiction.
    const bound = !c.ok && atBound(draft.written(false), f.s.q);
    // A "first … since" date says when the event last happened: it can support the draft's
    // date of that event, never rule it out (the event has happened again since).
    if (f.s.role === 'since' && original.role === 'measure' && !c.ok) continue;
    // "arrested a second man", "made a third arrest": an ordinal after "a" adds another member to a
    // series and says its earlier members exist; it rules out no lower rank of the series.
    if (!c.ok && f.s.dim === 'ordinal' && claim.q.value < f.s.q.value && INDEFINITE_BEFORE.test(f.rec.sent.text.slice(Math.max(0, f.s.q.start - 4), f.s.q.start))) continue;
    let discourse = discourseOf.get(f.rec.id);
    if (discourse === undefined) discourseOf.set(f.rec.id, (discourse = paragraphCoverage(ctx, f.rec, draftTerms, draftWeight, idfOfTerm)));
    const score = f.a.score + SENTENCE_WEIGHT * f.cov + DISCOURSE_WEIGHT * discourse;
    aligned.push({ rec: f.rec, claim: f.s, a: f.a, score, cov: f.cov, ok: c.ok || bound, ambiguous: c.ambiguous, bound });
  }
  // A date in another year, where a source gives the draft's date: another occurrence of the
  // event (talks held in 2022 and again in 2025), not a correction.
  const drafted = yearOf(claim.q);
  const exact = drafted !== undefined && aligned.some((x) => x.ok && yearOf(x.claim.q) === drafted && x.score >= SUPPORT_ALIGNMENT);
  // One vote per source document: its best-aligned statement on the point.
  const perDoc = new Map<number, Aligned>();
  const registry = ctx.corpus.registry;
  // "I", "we": who speaks is not said, so no source's statement about someone can rule it out.
  const firstPerson = spokenInFirstPerson(ctx, original);
  // What happened when is told apart by who it happened to.
  const persons = isTime ? draftPersons(registry, ctx.sentence.text, original) : undefined;
  // Each document's sentence closest to the draft's (see `retold` below).
  const closest = new Map<number, number>();
  for (const x of aligned) closest.set(x.rec.doc, Math.max(closest.get(x.rec.doc) ?? 0, x.cov));
  const retells = (x: Aligned) => x.cov >= RETOLD_COVERAGE && x.cov === closest.get(x.rec.doc);
  for (const x of aligned) {
    if (x.score < SUPPORT_ALIGNMENT) continue;
    if (!x.ok && (!strong(original, x) || !sameMagnitude(claim.q, x.claim.q))) continue;
    if (!x.ok && persons && otherPeople(ctx, persons, x.rec, x.claim)) continue;
    if (!x.ok && isTime && anotherMeasurement(ctx.draftClaims ?? [], original, x.rec.claims)) continue;
    if (!x.ok && firstPerson) continue;
    if (!x.ok && exact && yearOf(x.claim.q) !== undefined && yearOf(x.claim.q) !== drafted) continue;
    const prev = perDoc.get(x.rec.doc);
    // (A source that lists the draft's figure among others supports it: agreement breaks ties.)
    const rank = (y: Aligned) => y.score + (weakFor(original, y.claim) ? 0 : 0.5) + (y.ambiguous ? 0 : 0.25) + (y.ok ? 0.01 : 0);
    if (!prev || rank(x) > rank(prev)) perDoc.set(x.rec.doc, x);
  }
  // A source that gives the draft's figure in one clause and another figure of the same
  // kind in another ("205 goals in Serie A … 305 in all competitions") supports it.
  for (const [doc, v] of perDoc) {
    if (v.ok) continue;
    // A source that writes the draft's very figure for the same named thing ("the magnitude 6.3
    // quake") is where the draft took it from, whatever else of that kind it counts (the 5.3 aftershock).
    const sameFigure = (x: Aligned) =>
      x.ok && !x.bound && original.thing !== undefined && x.claim.thing !== undefined && x.a.thing >= 0.9 && x.claim.q.value === claim.q.value && x.score >= SUPPORT_ALIGNMENT;
    // The document's sentence closest to the draft's, giving the draft's figure unqualified (and
    // not the sentence of the figure that differs), is the one the draft retells: the document
    // says the draft's figure of it, whatever another of its sentences says of an event with
    // words more like the draft's ("confirmed the outbreak on October 16" against the state of
    // emergency's "December 8").
    const retold = (x: Aligned) => x.ok && !x.bound && !x.ambiguous && !weakFor(original, x.claim) && retells(x) && x.cov > v.cov && x.score >= SUPPORT_ALIGNMENT;
    // A sentence that breaks a whole into parts ("696 cases, of which 304 were in Republika
    // Srpska") gives the figure of the part the draft names (a word around the part's figure,
    // not around the whole's): the whole does not rule the draft's figure out.
    const namedPart = (x: Aligned) =>
      x.ok &&
      !x.bound &&
      x.rec.id === v.rec.id &&
      x.claim.q.start !== v.claim.q.start &&
      x.claim.dim === v.claim.dim &&
      original.thing !== undefined &&
      x.claim.thing !== undefined &&
      x.a.thing >= 0.9 &&
      x.score >= SUPPORT_ALIGNMENT &&
      namesOwn(original, x.claim, v.claim);
    const agreeing = aligned.filter(
      (x) =>
        x.rec.doc === doc &&
        (sameFigure(x) || retold(x) || namedPart(x) || (x.ok && !x.bound && !weakFor(original, x.claim) && x.score >= Math.max(SUPPORT_ALIGNMENT, 0.85 * v.score) && strong(original, x))),
    );
    if (agreeing.length) perDoc.set(doc, agreeing.sort((a, b) => b.score - a.score)[0]!);
  }
  const votes = [...perDoc.values()];
  if (votes.length === 0) return { claim: original, verdict: 'none', matches: [] };
  const anyExplicit = votes.some((v) => !v.ambiguous);
  let strongS = 0;
  let weakS = 0;
  let strongC = 0;
  let weakC = 0;
  for (const v of votes) {
    const w = v.score;
    if (v.ok) {
      if (v.ambiguous && anyExplicit) continue;
      if (weakFor(original, v.claim) || v.bound) weakS += w;
      else strongS += w;
    } else if (weakFor(original, v.claim)) weakC += w;
    else strongC += w;
  }
  let verdict: Verdict;
  if (strongC === 0 && weakC === 0) verdict = 'supported';
  else if (!oneMeasure(votes.filter((v) => !v.ok))) verdict = strongS + weakS > 0 ? 'supported' : 'none';
  else if (strongS > 0 && strongC > 0) verdict = strongS > strongC * 1.5 ? 'supported' : 'disagree';
  else if (strongC > 0) verdict = weakS > 0 ? 'disagree' : 'contradiction';
  else verdict = strongS > 0 ? 'supported' : 'disagree';
  // A running count given as what it rose or fell to ("the death toll rose to 22"): a source
  // figure on the side it changed from is an earlier stage of the count, not another value.
  const changed = (verdict === 'disagree' || verdict === 'contradiction') && !isTime ? changedTo(ctx.sentence.text, original.q.start) : undefined;
  if (changed) {
    const earlier = (v: Aligned) => !v.ok && Number.isFinite(v.claim.q.value) && (changed === 'up' ? v.claim.q.high < claim.q.low : v.claim.q.low > claim.q.high);
    if (votes.filter((v) => !v.ok).every(earlier)) verdict = votes.some((v) => v.ok) ? 'supported' : 'none';
  }
  if (verdict === 'disagree' || verdict === 'contradiction') {
    const docs = ctx.corpus.store.docs;
    const yes = votes.filter((v) => v.ok).map((v) => docs[v.rec.doc]!);
    const no = votes.filter((v) => !v.ok).map((v) => docs[v.rec.doc]!);
    // Sources that disagree tell one story: where every source giving the draft's figure and
    // every source giving another are stories apart by their headlines (a quake's toll and a
    // building collapse's), they do not disagree: each counts its own.
    if (verdict === 'disagree' && yes.length > 0 && no.length > 0 && !yes.some((a) => no.some((b) => mayShareStory(a, b)))) verdict = 'none';
    // Sources against the figure that are each a story apart: at most one is the draft's, and nothing says which.
    if (verdict === 'contradiction' && no.length > 1 && no.every((a) => no.every((b) => a === b || !mayShareStory(a, b)))) verdict = 'none';
  }
  const matches: ClaimMatch[] = votes.map((v) => ({
    rec: v.rec,
    claim: v.claim,
    sim: v.score,
    weak: weakFor(original, v.claim),
    ambiguous: v.ambiguous,
    compatible: v.ok,
  }));
  matches.sort((x, y) => y.sim - x.sim);
  return { claim: original, verdict, matches };
}

/** Every claim of a draft sentence with its judgement. */
export function judgeFigures(ctx: SentenceContext): FigureJudgement[] {
  const all = draftClaimsOf(ctx);
  return all
    .filter((c) => c.role !== 'frame' && !c.quoted)
    .map((c) => judgeClaim(ctx, c))
    .map((j) => {
      // A sentence that gives the time between two events dates both: a source date on the
      // other event's day is that event's, not evidence against this one. Nor is a source's
      // figure that the sentence itself gives to something else of the same kind ("her second
      // warning … six weeks after her first": a source's "second" is the other warning's).
      if (j.verdict !== 'contradiction' && j.verdict !== 'disagree') return j;
      const against = j.matches.filter((m) => !m.compatible);
      if (against.length === 0 || !against.every((m) => datesOtherEvent(all, j.claim, m.claim.q) || givenElsewhere(all, j.claim, m.claim.q) || sumOfParts(all, j.claim, m.claim.q) || partOfWhole(all, j.claim, m.claim.q))) return j;
      const matches = j.matches.filter((m) => m.compatible);
      return { ...j, verdict: matches.length ? 'supported' : 'none', matches };
    });
}

/** Whether the draft sentence gives a source's figure itself, to another thing of the same kind. */
function givenElsewhere(claims: readonly Claim[], claim: Claim, source: Quantity): boolean {
  return claims.some((c) => {
    if (c === claim || c.dim !== claim.dim || c.q.start === claim.q.start) return false;
    if (c.thing !== undefined && claim.thing !== undefined && c.thing !== claim.thing) return false;
    if (c.dim === 'date') {
      const a = c.q.date;
      const b = source.date;
      return !!a && !!b && a.day !== undefined && a.month !== undefined && a.day === b.day && a.month === b.month && (a.year === undefined || b.year === undefined || a.year === b.year);
    }
    return Number.isFinite(source.value) && c.q.kind === source.kind && source.value >= c.q.low && source.value <= c.q.high && !(source.value >= claim.q.low && source.value <= claim.q.high);
  });
}

/**
 * Whether a source's figure is the sum of the draft sentence's figures of the same thing: the
 * sentence breaks the source's whole into parts ("77 reviews are 'Rotten' while 31 are
 * 'Fresh'" against "108 reviews"), so the whole is no value of any one part.
 */
function sumOfParts(claims: readonly Claim[], claim: Claim, source: Quantity): boolean {
  if ((claim.dim !== 'count' && claim.dim !== 'money') || claim.thing === undefined || !Number.isFinite(source.value)) return false;
  const parts = claims.filter((c) => c.dim === claim.dim && c.thing === claim.thing && Number.isFinite(c.q.value) && c.q.low === c.q.high);
  return parts.length >= 2 && parts.includes(claim) && addsUpTo(parts, source.value);
}

/**
 * Whether the draft sentence gives a whole with its parts ("31 states: on the ballot in eight and
 * write-in access in 23 more") and a source's figure is one of the parts: the parts are the
 * sentence's other exact figures of the same kind, which add up to the whole.
 */
function partOfWhole(claims: readonly Claim[], claim: Claim, source: Quantity): boolean {
  if ((claim.dim !== 'count' && claim.dim !== 'money') || claim.q.low !== claim.q.high || !Number.isFinite(source.value)) return false;
  const parts = claims.filter((c) => c !== claim && c.dim === claim.dim && Number.isFinite(c.q.value) && c.q.low === c.q.high);
  return parts.length >= 2 && parts.some((c) => c.q.value === source.value) && addsUpTo(parts, claim.q.value);
}

/** Whether the claims' figures add up to `total`. */
function addsUpTo(parts: readonly Claim[], total: number): boolean {
  const sum = parts.reduce((n, c) => n + c.q.value, 0);
  return Math.abs(sum - total) < 1e-9 * Math.max(1, Math.abs(sum));
}

/** A context word as its news concept where the overlay has one ("globally" and "worldwide" are one scope). */
function sense(w: string): string {
  return newsConcept(w) ?? w;
}

/** Dimensions of a measurement a date may date: counts, shares and sums. */
const MEASURED = new Set(['count', 'percent', 'money']);

/**
 * Whether a source sentence dates another measurement of a series than the draft's: the draft
 * sentence gives figures of the event its date dates ("In early June, Biden led Trump 49.0% to
 * 42.2%"), the source sentence figures of the same kinds, and none of theirs is one of the
 * draft's ("at the end of June, Biden led Trump 50.0 percent to 40.4 percent"). Its date is the
 * date of those figures.
 */
function anotherMeasurement(draftClaims: readonly Claim[], date: Claim, theirs: readonly Claim[]): boolean {
  let compared = false;
  for (const d of draftClaims) {
    if (d === date || !MEASURED.has(d.dim) || !Number.isFinite(d.q.value) || !d.events.some((e) => date.events.includes(e))) continue;
    const same = theirs.filter((c) => c.dim === d.dim && Number.isFinite(c.q.value));
    if (same.length === 0) continue;
    if (same.some((c) => c.q.low <= d.q.high && d.q.low <= c.q.high)) return false;
    compared = true;
  }
  return compared;
}

/** Whether the draft's clause has a word around source claim `a`'s figure that is not around `b`'s (the same sentence's other figure). */
function namesOwn(d: Claim, a: Claim, b: Claim): boolean {
  const other = new Set(b.context.map(sense));
  const draft = new Set(d.context.map(sense));
  return a.context.some((w) => !other.has(sense(w)) && draft.has(sense(w)));
}

/** Human phrase for what a claim says ("less than 2 hours"). */
export function says(c: Claim): string {
  return c.q.text || formatQuantity(c.q);
}
