/**
 * Aligning two claims: how sure we are that a draft's figure and a source's figure
 * measure the same thing. A score over the parts of the two frames (./frame):
 *
 * - the thing counted or ranked ("prisoners" ≈ "captives"; "people" ≠ "officers");
 * - the events of their clauses ("lasted" ≈ "spent"; "killed" ≈ "died"; never
 *   "killed" against "injured");
 * - the other content words of their clauses, weighted by how rare they are.
 *
 * Frames of different dimensions or roles, of clashing sides ("Ukrainian" against
 * "Russian" soldiers) or opposed concepts do not align at all.
 */
import { ENDING_VERBS } from './words';
import type { Claim, Dimension } from './frame';
import { bestSimilarity, keysOf, newsConcept, similarity } from './similarity';

export interface Alignment {
  /** 0..1: how sure it is that the two figures measure the same thing. */
  score: number;
  thing: number;
  events: number;
  context: number;
  /** Weight of the draft clause's other words (0: the clause has none). */
  contextWeight: number;
  /** Similarity of the two nearest events (0.5 when one clause has none). */
  primary: number;
  /** Both clauses have an event of their own (the primary similarity says something). */
  primaryKnown: boolean;
  /** Both are distances from the same place, in the same direction where both give one. */
  anchored: boolean;
}

/** How many of a clause's events, nearest to the figure first, speak for it. */
const PRIMARY_EVENTS = 2;
/** What agreement on an event other than the nearest is worth. */
const SECONDARY = 0.7;

const THING_FIRST: ReadonlySet<Dimension> = new Set(['count', 'money', 'percent', 'ordinal', 'age']);

function comparableDims(a: Claim, b: Claim): boolean {
  if (a.dim !== b.dim) return false;
  // A measure compares only within its unit ("70 miles" is not "112" of anything else), a
  // fraction only with fractions.
  if (a.dim === 'count' && (a.q.kind === 'count' ? a.q.unit : undefined) !== (b.q.kind === 'count' ? b.q.unit : undefined)) return false;
  if (!!a.q.fraction !== !!b.q.fraction) return false;
  return true;
}

const DURATION_CONCEPT = 'news:duration';
/** The one lemma verbs of ending stand for in a length of time's events. */
const ENDING = 'end';
/** Nouns that count people as such. */
const PEOPLE = new Set(['people', 'person', 'individual']);
/**
 * Concepts whose nouns count people by what happened to them: "750 deaths" is "killed 750
 * people", "7,999 injuries" is "injured 7,999 people" (news counts a death or an injury per person).
 */
const CASUALTY_CONCEPTS = new Set(['news:deaths', 'news:injuries']);

/**
 * Whether `people` counts persons as such and `casualty` counts the same persons by what
 * befell them, that is what `people`'s own clause says happened ("killed 950 people" and
 * "750 deaths"); undefined when what befell them is opposed to the casualty noun
 * ("killed 950 people" and "7,999 injuries").
 */
function samePeople(people: Claim, casualty: Claim): boolean | undefined {
  if (!people.thing || !casualty.thing || !PEOPLE.has(people.thing)) return false;
  const concept = newsConcept(casualty.thing);
  if (!concept || !CASUALTY_CONCEPTS.has(concept)) return false;
  const first = derived(people).activity[0];
  if (first === undefined) return false;
  // "killed 950 people" against "7,999 injuries": other people, never the same count.
  if (similarity(first, casualty.thing) < 0) return undefined;
  return newsConcept(first) === concept;
}

/** What alignment reads of a claim, worked out once per claim (a check meets each source claim many times). */
interface Derived {
  /** Events, without "lasted"-like verbs for lengths of time, nearest first (at most PRIMARY_EVENTS). */
  activity: string[];
  /** All the clause's words: events, context, modifiers and the thing. */
  words: string[];
  /** Comparison keys of `words` (stems and concepts). */
  keys: Set<string>;
  /** The draft side's own words for the context score: context, modifiers, events. */
  mine: string[];
}

const derivedOf = new WeakMap<Claim, Derived>();

function derived(c: Claim): Derived {
  let d = derivedOf.get(c);
  if (!d) {
    // Of a length of time, every verb of ending says the same ("ended after", "concluded after"): one event.
    const all = c.dim === 'duration' ? c.events.filter((e) => newsConcept(e) !== DURATION_CONCEPT).map((e) => (ENDING_VERBS.has(e) ? ENDING : e)) : c.events;
    const words = [...c.events, ...c.context, ...c.mods];
    if (c.thing) words.push(c.thing);
    const keys = new Set<string>();
    for (const w of words) for (const k of keysOf(w)) keys.add(k);
    d = { activity: all.slice(0, PRIMARY_EVENTS), words, keys, mine: [...new Set([...c.context, ...c.mods, ...c.events])] };
    derivedOf.set(c, d);
  }
  return d;
}

/**
 * The alignment of a draft claim with a source claim, or undefined when they cannot be
 * about the same measure. `weight(lemma)`: how telling a word is (rare words more).
 */
export function alignClaims(d: Claim, s: Claim, weight: (lemma: string) => number): Alignment | undefined {
  if (!comparableDims(d, s)) return undefined;
  const dd = derived(d);
  const sd = derived(s);
  // A date of an event may meet a "first … since" date of it (the last time it happened).
  const sinceForDate = d.dim === 'date' && d.role === 'measure' && s.role === 'since';
  if ((d.role !== s.role && !sinceForDate) || d.role === 'frame') return undefined;
  if (d.side && s.side && d.side !== s.side) return undefined;
  // A time counted from one event is not a time counted from another.
  if (d.role === 'offset' && d.ref?.length && s.ref?.length && bestSimilarity(d.ref, s.ref) < 0.9) return undefined;
  // Distances: measured from another place, or in another direction, they are other measures.
  let anchored = false;
  if (d.from && s.from) {
    if (d.from.place !== s.from.place) return undefined;
    if (d.from.direction && s.from.direction && d.from.direction !== s.from.direction) return undefined;
    anchored = true;
  }
  // The thing counted.
  let thing: number;
  // People counted by one and their deaths or injuries by the other: the casualty noun is the event too.
  let casualties = false;
  if (d.thing && s.thing) {
    thing = Math.max(similarity(d.thing, s.thing), d.thingPhrase ? similarity(d.thingPhrase, s.thing) : 0, s.thingPhrase ? similarity(d.thing, s.thingPhrase) : 0);
    if (similarity(d.thing, s.thing) < 0) thing = -1;
    if (thing < 0) return undefined;
    if (thing === 0) {
      const same = [samePeople(d, s), samePeople(s, d)];
      if (same.includes(undefined)) return undefined;
      if (same.includes(true)) {
        thing = 1;
        casualties = true;
      }
    }
    // "ten crew members" against "six crew": the thing of one is a modifier of the other's.
    if (thing === 0) thing = 0.8 * Math.max(0, bestSimilarity([d.thing], s.mods), bestSimilarity([s.thing], d.mods));
  } else if (d.thing || s.thing) {
    const [has, other] = d.thing ? [d, s] : [s, d];
    thing = 0.8 * Math.max(0, bestSimilarity([has.thing!], derived(other).words));
    // A count with no noun counts people ("39 are confirmed dead", "killing 52").
    if (other.dim === 'count' && PEOPLE.has(has.thing!)) thing = Math.max(thing, 0.9);
  } else thing = 0.5;
  // The events of the two clauses. The nearest (the verb a date or length belongs to, what
  // a count of people did or suffered) decides: "56 died and more than 200 were hurt" is
  // not two counts of the dead. Further events count for less.
  // Of a length of time, "lasted", "went on", "spent" say only that it is a length: what
  // went on is the next event ("the session lasted" against "negotiators talked for").
  const de = dd.activity;
  const se = sd.activity;
  let events = 0.5;
  let primary = 0.5;
  if (de.length && se.length) {
    primary = similarity(de[0]!, se[0]!);
    if (primary < 0) return undefined;
    events = Math.max(primary, SECONDARY * Math.max(0, bestSimilarity(de, se)));
    if (events === 0) events = 0.6 * Math.max(0, bestSimilarity(de, sd.words), bestSimilarity(se, dd.words));
  } else if (de.length || se.length) {
    const [has, other] = de.length ? [de, sd] : [se, dd];
    events = 0.35 + 0.5 * Math.max(0, bestSimilarity(has, other.words));
    primary = events;
  }
  if (casualties) {
    events = Math.max(events, 1);
    primary = Math.max(primary, 1);
  }
  // The rest of the draft's clause, by weight: a word is shared when the source's clause
  // has it, a form of it or a word of the same concept.
  const theirs = sd.keys;
  let total = 0;
  let shared = 0;
  // The words naming the place a distance is from say nothing of what is located.
  const own = anchored ? dd.mine.filter((w) => !d.from!.words.includes(w)) : dd.mine;
  for (const w of own) {
    const k = weight(w);
    total += k;
    for (const x of keysOf(w)) {
      if (theirs.has(x)) {
        shared += k;
        break;
      }
    }
  }
  // A clause with nothing but its figure and thing neither agrees nor disagrees: neutral.
  const context = total > 0 ? shared / total : 0.5;
  // A distance's place stands for what it measures: "37 km north of Tandag City" in both is one measure.
  if (anchored) thing = 1;
  const score = THING_FIRST.has(d.dim) ? 0.45 * thing + 0.25 * events + 0.3 * context : 0.15 * thing + 0.45 * events + 0.4 * context;
  return { score, thing, events, context, contextWeight: total, primary, primaryKnown: de.length > 0 && se.length > 0, anchored };
}
