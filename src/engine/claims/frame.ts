/**
 * Claims as frames. A figure in a sentence is read as what it measures:
 *
 * - its dimension (a count, a sum of money, a share, a length of time, a date, a rank, an age);
 * - the thing it counts or ranks ("prisoners", "crew members", "attempt"), from the noun
 *   phrase the figure heads or the "of" phrase after it;
 * - the events of its clause (the verbs and the counted thing's own events: "lasted",
 *   "killed", "made landfall");
 * - the other content words of its clause, not of the whole sentence;
 * - who it is about (a demonym before the counted noun: "Ukrainian soldiers");
 * - its polarity, hedging (an expectation, a plan, a quotation), vagueness ("thousands")
 *   and scope (per side or in total);
 * - its role: a measure, a cut-off that dates the sentence's other figures ("as of",
 *   "by"), the start of a state ("since 2002"), or a bound ("before 1988").
 *
 * Two frames are compared by alignment (./align), never by equal keys.
 */
import { categoryOf } from '../concepts';
import { demonymCountry, lookupPlace } from '../entities/gazetteer';
import { tokenIndexAt, type Token } from '../nlp';
import type { Quantity } from '../quantities';
import { dateDirection } from '../quantities/tense';
import { STOPWORDS } from '../text/stopwords';
import { CHANGE_DOWN, CHANGE_UP, ENDING_VERBS, EVENT_WORDS, HEDGE_WORDS, LIGHT_VERBS, REPORTING_VERBS, UNIT_NOUNS, VALUE_VERBS } from './words';

export type Scope = 'perSide' | 'total' | 'unknown';

export type Dimension = 'count' | 'money' | 'percent' | 'duration' | 'date' | 'time' | 'ordinal' | 'age';

/**
 * What a date or duration does in its sentence: `measure` (when something happened, or how
 * long it lasted); `frame` (a cut-off that dates the sentence's other figures: "as of 19
 * April", "by Friday"); `since` (when a state began: "mayor since 1998", "the first talks
 * since March 2022"); `offset` (the time between two events: "five minutes after takeoff").
 */
export type ClaimRole = 'measure' | 'frame' | 'since' | 'offset';

export interface Claim {
  q: Quantity;
  dim: Dimension;
  role: ClaimRole;
  /** Lemma of the noun the figure counts, ranks or dates ("prisoner", "member", "attempt"). */
  thing?: string;
  /** The thing with the phrase after it, as news words it ("pause in the fighting"), when it has one. */
  thingPhrase?: string;
  /** Lemmas of the words that narrow the thing: compound nouns and "of" phrases ("crew", "war"). */
  mods: string[];
  /** Lemmas of the clause's verbs and event nouns, nearest to the figure first. */
  events: string[];
  /** Lemmas of the clause's other content words. */
  context: string[];
  /** Lemmas within a few words of the figure ("worldwide" in "$566 million worldwide"). */
  near: string[];
  /** Names (proper nouns, folded) in the figure's clause: who and where it is about. */
  names: string[];
  /** Words of `names` inside a longer name that is no place, after its first word ("India" of "Air India Express"). */
  inNames?: string[];
  /** Country that qualifies the counted thing ("215 Ukrainian soldiers" → Ukraine). */
  side?: string;
  scope: Scope;
  /** The clause is negated ("did not last two hours"). */
  negated: boolean;
  /** Stated as an expectation, a plan or a possibility ("will", "expected", "could"). */
  hedged: boolean;
  /** A vague figure ("thousands of", "dozens"). */
  vague: boolean;
  /** Inside quotation marks (a quote, or a title such as the song "1999"). */
  quoted: boolean;
  /** "before 1988", "after 2015": bounds a date rather than giving it. */
  bound?: 'before' | 'after';
  /** For a time between two events ("five minutes after takeoff"): the event it is counted from. */
  ref?: string[];
  /** Token index range of the figure and of its clause, in the sentence's tokens. */
  span: [number, number];
  /**
   * For a distance: the place it is measured from and the direction ("37 km north of Tandag
   * City" → { from: 'city', direction: 'north' }); the head noun stands for the place, so "the
   * airport" and "Henderson Executive Airport" are one.
   */
  from?: { place: string; direction?: string; words: string[] };
}

/** Units of length: a figure in one of them, followed by "(direction) of/from" a place, is a distance from that place. */
const LENGTH_UNITS = new Set(['mm', 'cm', 'm', 'km', 'in', 'ft', 'yd', 'mi', 'nmi']);
/** Compass directions as news writes them ("north", "north-east", "northeast", "NE" is not read). */
const DIRECTION = /^(?:north|south|east|west)(?:-?(?:east|west))?(?:ward|wards)?$/;

/**
 * "nine kilometres east of Carrascal", "about half a mile (…) to the south of the airport",
 * "some 30 kilometres from Barcelona": the place a distance is measured from, with the
 * direction when one is given.
 */
function distanceFrom(toks: readonly Token[], i1: number): Claim['from'] {
  let k = i1;
  // An aside in parentheses right after the figure ("73 km (45 miles) north of").
  if (toks[k]?.norm === '(') {
    while (k < toks.length && k < i1 + 12 && toks[k]!.norm !== ')') k++;
    k++;
  }
  if (toks[k]?.norm === 'away') k++;
  let direction: string | undefined;
  if (toks[k]?.norm === 'to' && toks[k + 1]?.norm === 'the' && DIRECTION.test(toks[k + 2]?.norm ?? '')) k += 2;
  if (DIRECTION.test(toks[k]?.norm ?? '')) direction = toks[k++]!.norm.replace(/-/g, '').replace(/wards?$/, '');
  if (toks[k]?.norm !== 'of' && toks[k]?.norm !== 'from') return undefined;
  k++;
  if (toks[k]?.pos === 'DET') k++;
  let place: string | undefined;
  const words = direction ? [direction] : [];
  for (; k < toks.length && (isNoun(toks[k]) || toks[k]!.pos === 'ADJ'); k++) {
    words.push(lemmaOf(toks[k]!));
    if (isNoun(toks[k])) place = lemmaOf(toks[k]!);
  }
  return place ? { place, direction, words } : undefined;
}

/**
 * A sentence with more figures than this is a table, a list or noise, not prose (news
 * sentences give a handful): only its first figures are read as claims. Each figure is
 * compared with every other of its clause, so the cap also bounds the work a sentence costs.
 */
export const MAX_CLAIMS_PER_SENTENCE = 24;

/** How many words before a figure a hedge may stand and still speak for it. */
const HEDGE_REACH = 5;
/** Particles that make a phrasal verb with the verb before them. */
const PARTICLES = new Set(['down', 'up', 'off', 'out', 'back', 'away']);
/** Words that are particles only when no noun phrase follows ("dragged on for hours", not "held on Friday"). */
const LOOSE_PARTICLES = new Set(['on', 'over', 'in']);

const YEAR = 365.25 * 86400;
/** Pronouns that stand for the clause before as a subject. */
const PRONOUN_SUBJECTS = new Set(['it', 'they', 'this', 'that']);
/** Participles that make the people they describe captives. */
const HELD = new Set(['captured', 'detained', 'jailed', 'imprisoned', 'held', 'abducted', 'kidnapped']);
/** Words that open a relative clause. */
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where', 'when']);
/** How much further off words after a date or length of time are read (what it belongs to comes before it). */
const BEFORE_BIAS = 6;
/** How much further off words before a count are read (what it counts comes after it). */
const AFTER_BIAS = 3;
/** How many words either side of a figure are its immediate scope (`Claim.near`). */
const NEAR = 3;
/** How much further off a verb nearer to another figure of the clause is read. */
const RIVAL_PENALTY = 8;
/**
 * How much further off a verb is read when it opens a conjunct after a count's noun phrase
 * ("killed 12 people and injured 40", "destroyed 300 homes and damaged 1,200"): the count
 * is the object of the verb before it, and the verb after "and" shares only the subject.
 */
const CONJUNCT_PENALTY = 6;
/** Conjunctions that join two verb phrases of one subject. */
const VP_JOINERS = new Set(['and', 'or', 'but']);
/** Words that join the figures of a list. */
const LIST_JOINERS = new Set([',', 'and', 'or']);

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

function isPunct(t: Token): boolean {
  return t.kind === 'punct' || t.kind === 'symbol';
}

/**
 * Where a clause ends: sentence punctuation, a dash set off by spaces, and commas — except
 * a comma inside a list of figures ("aged nine, ten, 49, and 59"), which keeps the list in
 * one clause. Parentheses and quotation marks enclose asides and titles within a clause
 * ("Meet the Blacks (film) was rated 13%", the singles "Liar" and "Shameless" peaked at …).
 */
function isBreak(toks: readonly Token[], i: number, inFigure: Uint8Array): boolean {
  const t = toks[i]!;
  if (!isPunct(t)) return false;
  const n = t.norm;
  if (n === ';' || n === ':' || n === '?' || n === '!') return true;
  if (n === '-' || n === '--') return t.sp && (toks[i + 1]?.sp ?? true);
  if (n === ',') {
    if (asideCommas(toks).has(i) || relativeAsides.get(inFigure)?.[i] === ASIDE_COMMA) return false;
    const before = i > 0 && inFigure[i - 1] === 1;
    let j = i + 1;
    while (j < toks.length && (toks[j]!.norm === 'and' || toks[j]!.norm === 'or')) j++;
    const after = j < toks.length && inFigure[j] === 1;
    return !(before && after);
  }
  return false;
}

/** Longest attribution set off inside a clause, in tokens ("officials said", "according to the state news agency"). */
const ASIDE_TOKENS = 6;
const asides = new WeakMap<readonly Token[], ReadonlySet<number>>();

/**
 * Commas that set off an attribution inside a clause: "around 50 gallons of diesel fuel,
 * officials said, spilled and ignited"; "the fire, according to police, started at 3 a.m.".
 * The attribution says who reports the clause, it does not end it: both commas are no break.
 */
function asideCommas(toks: readonly Token[]): ReadonlySet<number> {
  let out = asides.get(toks);
  if (out) return out;
  const found = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.norm !== ',') continue;
    let j = i + 1;
    while (j < toks.length && j <= i + ASIDE_TOKENS + 1 && !isPunct(toks[j]!)) j++;
    if (j >= toks.length || toks[j]!.norm !== ',' || j === i + 1) continue;
    let reporting = 0;
    let otherVerbs = 0;
    let someone = false;
    const according = toks[i + 1]!.norm === 'according' && toks[i + 2]?.norm === 'to';
    for (let k = i + 1; k < j; k++) {
      const t = toks[k]!;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && REPORTING_VERBS.has(lemmaOf(t))) reporting++;
      else if (t.pos === 'VERB' || t.pos === 'AUX') otherVerbs++;
      if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') someone = true;
    }
    // "according" may be tagged as a verb itself.
    if (someone && (according ? reporting + otherVerbs <= 1 : reporting === 1 && otherVerbs === 0)) {
      found.add(i);
      found.add(j);
    }
  }
  asides.set(toks, (out = found));
  return out;
}

/** Longest relative clause set off by commas that is read as an aside, in tokens. */
const RELATIVE_ASIDE_TOKENS = 10;
const ASIDE_WORD = 1;
const ASIDE_COMMA = 2;
const ASIDE_OBLIQUE = 3;
/** Per sentence (keyed by its figure marks, made once per sentence): its relative asides (see `markRelativeAsides`). */
const relativeAsides = new WeakMap<Uint8Array, Uint8Array>();
/** The marks of a sentence without relative asides (most sentences): read as all zero. */
const NO_ASIDES = new Uint8Array(0);

/**
 * Relative clauses set off by commas ("worked for Cipriani S.A., which owns the restaurant, for
 * more than ten years"): a non-restrictive relative clause says something of the noun before
 * it, and the clause it interrupts goes on after its second comma. Its commas are no break, and
 * for a figure outside it its verbs are context, not the event the figure measures (its words
 * are none of the figure's when it follows the object of a preposition). One with a figure of
 * its own ("Warholm, who is 23 years old, won") is that figure's clause, and stays one.
 * Returns the marks per token (ASIDE_WORD, ASIDE_COMMA, ASIDE_OBLIQUE), remembered for `isBreak`.
 */
function markRelativeAsides(toks: readonly Token[], inFigure: Uint8Array): Uint8Array {
  let marks = NO_ASIDES;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.norm !== ',' || !RELATIVES.has(toks[i + 1]!.norm) || toks[i + 1]!.norm === 'where' || toks[i + 1]!.norm === 'when') continue;
    let j = i + 2;
    while (j < toks.length && j <= i + RELATIVE_ASIDE_TOKENS + 1 && !isPunct(toks[j]!) && !inFigure[j]) j++;
    if (j >= toks.length || toks[j]!.norm !== ',') continue;
    if (marks === NO_ASIDES) marks = new Uint8Array(toks.length);
    marks[i] = ASIDE_COMMA;
    marks[j] = ASIDE_COMMA;
    // The noun phrase it follows: after a preposition ("on the Saffir–Simpson scale, which is
    // used by the NHC"), it tells of that object alone, none of the clause's figures.
    let h = i - 1;
    while (h >= 0 && (isNoun(toks[h]) || toks[h]!.pos === 'ADJ' || toks[h]!.pos === 'DET' || toks[h]!.pos === 'NUM' || (isPunct(toks[h]!) && toks[h]!.norm !== ','))) h--;
    const oblique = h >= 0 && toks[h]!.pos === 'ADP';
    for (let k = i + 1; k < j; k++) marks[k] = oblique ? ASIDE_OBLIQUE : ASIDE_WORD;
    i = j - 1;
  }
  relativeAsides.set(inFigure, marks);
  return marks;
}

function clauseOf(toks: readonly Token[], i0: number, i1: number, inFigure: Uint8Array): [number, number] {
  let a = i0;
  while (a > 0 && !isBreak(toks, a - 1, inFigure)) a--;
  let b = i1;
  while (b < toks.length && !isBreak(toks, b, inFigure)) b++;
  return [a, b];
}

/** "was retired from theatres": a participle the tagger reads as an adjective after a form of "be" is the passive verb. */
function passiveParticiple(toks: readonly Token[], k: number): boolean {
  const t = toks[k]!;
  return t.pos === 'ADJ' && /(ed|en)$/.test(t.norm) && toks[k - 1]?.pos === 'AUX';
}

/** "of which 304", "of whom 12", "including 70": the figure is a part of one before it. */
function partOfPrevious(toks: readonly Token[], i0: number): boolean {
  const p1 = toks[i0 - 1]?.norm;
  const p2 = toks[i0 - 2]?.norm;
  return p1 === 'including' || p1 === 'among' || (p2 === 'of' && (p1 === 'which' || p1 === 'whom' || p1 === 'them'));
}

/** The clause opens (after a conjunction) with a pronoun subject and its verb: "and it lasted …". */
function pronounSubject(toks: readonly Token[], [a, b]: [number, number]): boolean {
  let k = a;
  while (k < b && (toks[k]!.pos === 'CCONJ' || toks[k]!.pos === 'ADV')) k++;
  return k < b && PRONOUN_SUBJECTS.has(toks[k]!.norm) && (toks[k + 1]?.pos === 'VERB' || toks[k + 1]?.pos === 'AUX');
}

function startsWithVerb(toks: readonly Token[], [a, b]: [number, number]): boolean {
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (t.pos === 'ADV') continue;
    return t.pos === 'AUX' || t.pos === 'VERB';
  }
  return false;
}

/**
 * Content words of the noun phrase a verb-first clause is said of: walking back from the
 * comma before it over appositions (clauses without a verb) to the clause that holds the
 * subject, whose words (up to its end) are taken with theirs.
 */
function subjectWords(toks: readonly Token[], comma: number, inFigure: Uint8Array): string[] {
  const out: string[] = [];
  let end = comma;
  for (let guard = 0; end > 0 && guard < 4; guard++) {
    const [a, b] = clauseOf(toks, end - 1, end, inFigure);
    for (let k = a; k < b; k++) {
      const t = toks[k]!;
      if (t.kind === 'word' && CONTENT_POS.has(t.pos) && !STOPWORDS.has(t.norm) && t.pos !== 'NUM') out.push(lemmaOf(t));
    }
    if (hasVerb(toks, [a, b], inFigure) || a === 0 || toks[a - 1]!.norm !== ',') break;
    end = a - 1;
  }
  return out;
}

function hasVerb(toks: readonly Token[], [a, b]: [number, number], inFigure: Uint8Array): boolean {
  for (let k = a; k < b; k++) if (!inFigure[k] && (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX')) return true;
  return false;
}

/** Conjunctions that open a gapped conjunct ("… and the USGS at 7.0", "… while Ukraine 250"). */
const GAP_CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas']);

/**
 * The claim a gapped conjunct repeats: "[Turkey put it] at magnitude 6.6 and the USGS at 7.0",
 * "[Russia freed] 300 soldiers and Ukraine 250". The figure follows a conjunction and a noun
 * phrase with no verb between; the figure before it, of the same clause, is introduced the
 * same way (the same preposition, or a verb directly where this one has its subject).
 */
function gappedAfter(toks: readonly Token[], i0: number, dim: Dimension, clause: readonly [number, number], out: readonly Claim[], outAt: readonly number[], inFigure: Uint8Array): Claim | undefined {
  let conj = -1;
  for (let k = i0 - 1; k >= clause[0]; k--) {
    const t = toks[k]!;
    if (inFigure[k] || t.pos === 'VERB' || t.pos === 'AUX' || isPunct(t)) return undefined;
    if (GAP_CONJUNCTIONS.has(t.norm)) {
      conj = k;
      break;
    }
  }
  // A subject between the conjunction and the figure: at least one noun, nothing but its phrase.
  if (conj < 0 || conj + 1 >= i0) return undefined;
  const prep = toks[i0 - 1]!.pos === 'ADP' ? toks[i0 - 1]!.norm : undefined;
  // "and soybean commitments of 157,500 tonnes": "of" ties the figure to the noun before it.
  if (prep === 'of') return undefined;
  const subjectEnd = prep ? i0 - 1 : i0;
  const subject = toks.slice(conj + 1, subjectEnd);
  if (!subject.some(isNoun) || !subject.every((t) => isNoun(t) || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM')) return undefined;
  for (let m = out.length - 1; m >= 0; m--) {
    const at = outAt[m]!;
    if (at < clause[0] || at >= conj) continue;
    const prev = out[m]!;
    if (prev.dim !== dim) return undefined;
    if (!prev.thing) return undefined;
    // What introduces the earlier figure, past a determiner or unit noun ("at magnitude 6.6", "at a cost of").
    let k = at - 1;
    while (k > at - 3 && k >= clause[0] && (toks[k]!.pos === 'DET' || (isNoun(toks[k]) && toks[k]!.pos !== 'PROPN'))) k--;
    const before = toks[k];
    const same = prep ? before?.pos === 'ADP' && before.norm === prep : k === at - 1 && before?.pos === 'VERB';
    return same ? prev : undefined;
  }
  return undefined;
}

/** "18 of the 190": the figure after "of (the)" that follows another figure is the whole the first is part of. */
function isWholeOf(toks: readonly Token[], i0: number, inFigure: Uint8Array): boolean {
  let k = i0 - 1;
  if (toks[k]?.pos === 'DET') k--;
  if (toks[k]?.norm !== 'of') return false;
  return inFigure[k - 1] === 1;
}

/** What may follow a number that names something ("flight 1344 from Dubai", "Article 50."): no word it could count or describe. */
function isIdAfter(t: Token | undefined, next: Token | undefined): boolean {
  if (!t) return true;
  if (t.norm === 'of') return false;
  // "flight 1344 overshot the runway" (a verb of the sentence), not "500 captured soldiers" (a participle of the noun).
  if (t.pos === 'VERB' || t.pos === 'ADJ') return !isNoun(next) && next?.pos !== 'ADJ';
  return t.kind === 'punct' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'AUX';
}

const isNoun = (t: Token | undefined): boolean => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN') && t.kind === 'word';

/** A common noun in the singular ("hurricane", not "hurricanes"). */
const singularNoun = (t: Token | undefined): boolean => !!t && t.pos === 'NOUN' && t.kind === 'word' && lemmaOf(t) === t.norm && !t.norm.endsWith('s');

/** Lemma to compare words by: wink leaves capitalised sentence openers unlemmatised ("Negotiators"). */
export function lemmaOf(t: Token): string {
  return t.lemma || t.norm;
}

interface ThingFound {
  thing?: string;
  phrase?: string;
  mods: string[];
  side?: string;
  /** Read from the noun before the figure ("the death toll rose to 22"), not after it. */
  fromBefore?: boolean;
}

/** What a claim already read counts, for a figure that counts the same (the other side of its tally). */
function thingOf(c: Claim): ThingFound {
  return { thing: c.thing, phrase: c.thingPhrase, mods: [...c.mods], side: c.side };
}

/**
 * The noun phrase a figure heads: the last noun of the run of nouns after it ("police
 * officers" → officer, with "police"), adjectives and demonyms skipped, "of"-phrases
 * after it kept as modifiers ("prisoners of war"); a unit or container noun ("a total of",
 * "dozens of", "a group of") hands over to the noun after its "of".
 */
function thingAfter(toks: readonly Token[], from: number, to: number): ThingFound {
  const mods: string[] = [];
  let side: string | undefined;
  let i = from;
  // "six of them crew members", "2,000 of the captives".
  if (toks[i]?.norm === 'of') {
    i++;
    while (i < to && (toks[i]!.pos === 'DET' || toks[i]!.pos === 'PRON')) i++;
  }
  while (i < to) {
    const t = toks[i]!;
    const country = demonymCountry(t.text);
    if (country && (t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NOUN') && isNoun(toks[i + 1])) {
      side = country;
      i++;
      continue;
    }
    // Adjectives, numbers and participles between a figure and its noun ("500 captured soldiers") describe the noun.
    const participle = t.pos === 'VERB' && /(ed|en)$/.test(t.norm) && isNoun(toks[i + 1]);
    if (t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || participle || (isPunct(t) && t.norm === '-' && !t.sp)) {
      i++;
      continue;
    }
    break;
  }
  // "500 captured soldiers", "detained protesters": people held by the other side are captives.
  let held = false;
  for (let k = from; k < i; k++) if (HELD.has(toks[k]!.norm)) held = true;
  if (!isNoun(toks[i]) || i >= to) return { mods, side };
  let head = i;
  // A compound's head is its last noun: a name before a common noun modifies it ("six NBA
  // championships", "five Apple stores"); a name after one starts another phrase ("52 people Sunday").
  while (head + 1 < to && isNoun(toks[head + 1]) && (!toks[head + 1]!.cap === !toks[head]!.cap || (toks[head]!.cap && !toks[head + 1]!.cap))) head++;
  for (let k = i; k < head; k++) mods.push(lemmaOf(toks[k]!));
  const thing = lemmaOf(toks[head]!);
  // "pause in the fighting", "halt to the fighting": the thing and its phrase, as news words them.
  let phrase: string | undefined;
  const prep = toks[head + 1];
  if (prep && (prep.norm === 'in' || prep.norm === 'to' || prep.norm === 'of') && head + 2 < to) {
    const det = toks[head + 2]!.norm === 'the' ? 1 : 0;
    const noun = toks[head + 2 + det];
    if (isNoun(noun)) phrase = `${lemmaOf(toks[head]!)} ${prep.norm}${det ? ' the' : ''} ${noun!.norm}`;
  }
  // "of" phrase: "prisoners of war", "days of mourning", "a total of 39".
  if (toks[head + 1]?.norm === 'of' && head + 2 < to) {
    let j = head + 2;
    while (j < to && (toks[j]!.pos === 'DET' || toks[j]!.pos === 'ADJ' || toks[j]!.pos === 'PRON')) j++;
    if (isNoun(toks[j])) {
      let h = j;
      while (h + 1 < to && isNoun(toks[h + 1])) h++;
      if (UNIT_NOUNS.has(thing)) {
        const inner = thingAfter(toks, head + 2, to);
        return { thing: inner.thing, mods: [...mods, ...inner.mods], side: side ?? inner.side };
      }
      for (let k = j; k <= h; k++) mods.push(lemmaOf(toks[k]!));
    }
  }
  if (held && categoryOfThing(thing) === 'person') return { thing: 'prisoner', phrase, mods: [...mods, thing], side };
  return { thing, phrase, mods, side };
}

function categoryOfThing(lemma: string): string {
  try {
    return categoryOf(lemma);
  } catch {
    return 'other';
  }
}

/**
 * Words inside the clause's multi-word names that are no place as a whole, after the name's
 * first word ("India" of "Air India Express"; not "U.S." of "U.S. Libertarian Party", a body of
 * the place it opens with, nor any word of a name that ends with a place, "New Mexico").
 */
function wordsOfLongNames(toks: readonly Token[], clause: [number, number]): string[] {
  const out: string[] = [];
  let k = clause[0];
  while (k < clause[1]) {
    if (!(toks[k]!.pos === 'PROPN' && toks[k]!.cap && toks[k]!.kind === 'word')) {
      k++;
      continue;
    }
    let e = k + 1;
    // (Any capitalised word goes on a name mid-sentence: the tagger reads "Express" of "Air India Express" as a verb.)
    while (e < clause[1] && toks[e]!.cap && toks[e]!.kind === 'word' && toks[e]!.sp) e++;
    // (Nor one that ends with a place: "New Mexico" is a place the gazetteer may not know.)
    if (e - k >= 2 && lookupPlace(toks[e - 1]!.text) === undefined && lookupPlace(toks.slice(k, e).map((t) => t.text).join(' ')) === undefined) {
      for (let j = k + 1; j < e; j++) out.push(toks[j]!.norm);
    }
    k = e;
  }
  return out;
}

/** How many words before an age set off by a comma its holder may start. */
const AGE_HOLDER_REACH = 6;

/**
 * Where the noun phrase an age is set off from ends ("one of their daughters, aged 17"; "the
 * victim, 49,"): the comma before the age (and its "aged"), or -1 when no comma sets it off.
 */
function ageHolderEnd(toks: readonly Token[], i0: number): number {
  let k = i0 - 1;
  if (toks[k]?.norm === 'aged' || toks[k]?.norm === 'age') k--;
  return toks[k]?.norm === ',' ? k : -1;
}

/**
 * The noun phrase a date in the possessive dates ("Saturday's theft", "Saturday's El Paso
 * Walmart shooting"): from the word after "'s" to its head, the last of its run of names,
 * nouns and -ing forms; undefined when no "'s" follows the date.
 */
function possessedPhrase(toks: readonly Token[], i1: number): [number, number] | undefined {
  if (toks[i1]?.norm !== "'s") return undefined;
  let k = i1 + 1;
  let head = -1;
  for (; k < toks.length && k < i1 + 7; k++) {
    const t = toks[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && t.norm.endsWith('ing'))) head = k;
    else if (t.pos !== 'ADJ') break;
  }
  return head < 0 ? undefined : [i1 + 1, head];
}

/** The nearest noun before the figure in its clause that the figure is a value of ("the death toll rose to 22"). */
function thingBefore(toks: readonly Token[], from: number, i0: number): ThingFound {
  for (let k = i0 - 1; k >= from; k--) {
    const t = toks[k]!;
    if (isNoun(t)) {
      const mods: string[] = [];
      for (let m = k - 1; m >= from && isNoun(toks[m]); m--) mods.push(lemmaOf(toks[m]!));
      return { thing: lemmaOf(t), mods };
    }
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !REPORTING_VERBS.has(lemmaOf(t)) && !VALUE_VERBS.has(lemmaOf(t))) break;
  }
  return { mods: [] };
}

/** Oldest age news gives a person in years; a bare number above it is no age. */
const MAX_AGE = 120;

/**
 * The other ways news writes a person's age: "at the age of 80"; "died at 86" (a bare number
 * after dying "at", with no noun of its own); "Kobe Bryant, 41, …" (a bare whole number set
 * off by commas right after a name: the style of news agencies).
 */
function writtenAsAge(q: Quantity, toks: readonly Token[], i0: number, i1: number): boolean {
  if (!/^\d{1,3}$/.test(q.text) || q.value < 1 || q.value > MAX_AGE) return false;
  const before = (k: number) => toks[i0 - k];
  const after = toks[i1];
  if (before(1)?.norm === 'of' && before(2)?.norm === 'age') return true;
  const bare = !after || after.kind === 'punct' || after.pos === 'CCONJ' || after.pos === 'ADP';
  if (before(1)?.norm === 'at' && before(2) && lemmaOf(before(2)!) === 'die' && bare) return true;
  // "the oldest of the children, who was 29,": a relative clause giving a person a bare number.
  if ((before(1)?.norm === 'was' || before(1)?.norm === 'is') && before(2)?.norm === 'who' && before(3)?.norm === ',' && (!after || after.kind === 'punct')) return true;
  const name = before(2);
  // (A place so listed is counted, not aged: "Brazil, 41, and Chile, 12".)
  return before(1)?.norm === ',' && after?.norm === ',' && name !== undefined && name.pos === 'PROPN' && name.cap && name.kind === 'word' && lookupPlace(name.text) === undefined;
}

function dimensionOf(q: Quantity, toks: readonly Token[], i0: number, i1: number): Dimension | undefined {
  const prev = toks[i0 - 1]?.norm;
  const text = q.text.toLowerCase();
  if (q.kind === 'duration' && (q.age || /year(s)?-old|years? old/.test(text + ' ' + (toks[i1]?.norm ?? '') + ' ' + (toks[i1 + 1]?.norm ?? '')))) return 'age';
  if (q.kind === 'count' && (prev === 'aged' || prev === 'age' || (toks[i1]?.norm === 'years' && toks[i1 + 1]?.norm === 'old'))) return 'age';
  if (q.kind === 'count' && writtenAsAge(q, toks, i0, i1)) return 'age';
  switch (q.kind) {
    case 'count':
      return 'count';
    case 'money':
      return 'money';
    case 'percent':
      return 'percent';
    case 'duration':
      return 'duration';
    case 'date':
    case 'year':
      return 'date';
    case 'time':
      return 'time';
    case 'ordinal':
      return 'ordinal';
  }
  return undefined;
}

/** What a date or duration does in its sentence (see `ClaimRole`), and a bound it sets. */
function roleOf(dim: Dimension, toks: readonly Token[], i0: number, i1: number): { role: ClaimRole; bound?: 'before' | 'after' } | undefined {
  // Adverbs that qualify the figure ("well over two hours", "just after") stand between it and its preposition.
  while (i0 > 0 && toks[i0 - 1]!.pos === 'ADV' && !['ago', 'later', 'earlier', 'since', 'before', 'after'].includes(toks[i0 - 1]!.norm)) i0--;
  const p1 = toks[i0 - 1]?.norm;
  const p2 = toks[i0 - 2]?.norm;
  const n1 = toks[i1]?.norm;
  if (dim === 'date' || dim === 'time') {
    if (p1 === 'since' || p2 === 'since') return { role: 'since' };
    if (p1 === 'before' || p1 === 'after') {
      // "born before 1988": a bound on when the event happened; else a cut-off.
      const verb = toks[i0 - 2];
      if (verb && verb.pos === 'VERB') return { role: 'measure', bound: p1 };
      return { role: 'frame', bound: p1 };
    }
    if (p1 === 'by' || p1 === 'until' || p1 === 'till' || p1 === 'through' || (p2 === 'as' && p1 === 'of') || (p2 === 'prior' && p1 === 'to') || (p2 === 'up' && p1 === 'to')) return { role: 'frame' };
    // "the 2018 Cincinnati Masters", "the 2022 talks": a year before a noun names which
    // occurrence of a recurring event is meant; it is part of a name, not a date to check.
    if (isNoun(toks[i1]) && i1 === i0 + 1 && /^\d{4}$/.test(toks[i0]!.text)) return { role: 'frame' };
    return { role: 'measure' };
  }
  if (dim === 'duration') {
    // "talked for three hours before the session broke up": "for" gives a length.
    if (p1 === 'for') return { role: 'measure' };
    // "concluded after just over 90 minutes", "wrapped up after three days": how long something went on before it ended.
    const ending = (t: Token | undefined) => ENDING_VERBS.has(t?.lemma ?? '');
    if (p1 === 'after' && (ending(toks[i0 - 2]) || (PARTICLES.has(toks[i0 - 2]?.norm ?? '') && ending(toks[i0 - 3])))) return { role: 'measure' };
    // "the first direct talks in over three years": the time since it last happened.
    if (p1 === 'in' && toks.slice(0, i0).some((t) => t.norm === 'first')) return { role: 'since' };
    // "two years ago", "one hour after the blast", "a day later": the time between two events.
    if (n1 === 'ago' || n1 === 'after' || n1 === 'before' || n1 === 'later' || n1 === 'earlier' || n1 === 'since') return { role: 'offset' };
    // "crossed the line in 48.30 seconds", "sold out in ten minutes": after a verb of what
    // happened, "in" gives the time it took; after a planned one ("is due to retire in two
    // months"), when it will happen.
    if (p1 === 'in' && dateDirection(toks, i0, i1) === 'past') return { role: 'measure' };
    if (p1 === 'within' || p1 === 'in' || p1 === 'after') return { role: 'offset' };
    return { role: 'measure' };
  }
  return { role: 'measure' };
}

/** Offsets inside quotation marks in a sentence. */
export function quotedRegions(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '\u201C' || (c === '"' && open < 0)) {
      open = i;
    } else if ((c === '\u201D' || c === '"') && open >= 0) {
      out.push([open, i]);
      open = -1;
    }
  }
  // Single quotation marks, as British style quotes: one opening after a space or an opening
  // bracket, closed by one before a space or punctuation (an apostrophe inside a word is neither).
  let single = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c !== "'" && c !== '\u2018' && c !== '\u2019') continue;
    const before = i === 0 ? ' ' : sentence[i - 1]!;
    const after = i + 1 >= sentence.length ? ' ' : sentence[i + 1]!;
    if (single < 0 && c !== '\u2019' && /[\s(\[—–-]/.test(before) && /\S/.test(after)) single = i;
    else if (single >= 0 && c !== '\u2018' && /\S/.test(before) && /[\s.,;:!?)\]—–-]/.test(after)) {
      if (!out.some(([a, b]) => a < i && single < b)) out.push([single, i]);
      single = -1;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const PER_SIDE = new Set(['each', 'apiece']);
const TOTAL_PHRASES: string[][] = [['in', 'all'], ['in', 'total'], ['altogether'], ['combined'], ['overall'], ['total', 'of'], ['a', 'total']];

function scopeOf(q: Quantity, toks: readonly Token[], i0: number, i1: number, clause: [number, number]): Scope {
  if (q.perSide) return 'perSide';
  // "the two sides", "both delegations": small counts in words name the parties, not a figure.
  if (q.value <= 3 && !/\d/.test(q.text)) return 'unknown';
  const from = Math.max(clause[0], i0 - 3);
  const to = Math.min(clause[1], i1 + 6);
  for (let k = from; k < to; k++) {
    const n = toks[k]!.norm;
    if (PER_SIDE.has(n)) return 'perSide';
    // "from each side", "per side", "on both sides"
    if ((n === 'per' || n === 'each') && (toks[k + 1]?.norm === 'side' || toks[k + 1]?.norm === 'country')) return 'perSide';
  }
  for (let k = from; k < to; k++) {
    for (const p of TOTAL_PHRASES) {
      let ok = true;
      for (let j = 0; j < p.length; j++) if (toks[k + j]?.norm !== p[j]) ok = false;
      if (ok) return 'total';
    }
  }
  return 'unknown';
}

/**
 * Whether the verb at `k`, after a figure ending at `end`, opens a verb phrase joined to
 * the one the figure belongs to: "and" (or "or", "but"), perhaps with an adverb or
 * auxiliary, right before it, and no verb between the figure and that conjunction.
 */
function opensConjunct(toks: readonly Token[], end: number, k: number): boolean {
  if (toks[k]!.pos !== 'VERB') return false;
  let j = k - 1;
  while (j >= end && (toks[j]!.pos === 'ADV' || toks[j]!.pos === 'AUX')) j--;
  if (j < end || !VP_JOINERS.has(toks[j]!.norm)) return false;
  for (let m = end; m < j; m++) if (toks[m]!.pos === 'VERB' || toks[m]!.pos === 'AUX') return false;
  return true;
}

/**
 * A tally written in words: two whole counts joined by "to", with at most two words after the
 * first ("voted 66 to 27", "by 230 votes to 198", "1,124 pledged delegates to 851"), the second no
 * larger (a rising pair is a range: "10 to 20"). Not where the first is where a change started
 * ("from 66 to 37", "between") or how much a count changed ("fell by 30 to 20": a verb of
 * change, ./data/words.json "changes", among the three words before it).
 */
function wordTallies(sentence: string, toks: readonly Token[], qs: readonly Quantity[]): readonly Quantity[] {
  let out: Quantity[] | undefined;
  const plain = (q: Quantity) => q.kind === 'count' && q.qualifier === 'exact' && !q.tally && !q.unit && !q.fraction && /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(q.text);
  for (let n = 0; n + 1 < qs.length; n++) {
    const a = qs[n]!;
    const b = qs[n + 1]!;
    if (!plain(a) || !plain(b) || a.value < b.value) continue;
    if (!/^\s+(?:[a-z]+\s+){0,2}to\s+$/i.test(sentence.slice(a.end, b.start))) continue;
    if (/\b(?:from|between)\s+$/i.test(sentence.slice(Math.max(0, a.start - 12), a.start))) continue;
    const i0 = tokenIndexAt(toks, a.start);
    if (toks.slice(Math.max(0, i0 - 3), i0).some((t) => CHANGE_UP.has(t.lemma) || CHANGE_DOWN.has(t.lemma))) continue;
    out ??= [...qs];
    out[n] = { ...a, tally: 1 };
    out[n + 1] = { ...b, tally: 2 };
    n++;
  }
  return out ?? qs;
}

/**
 * Claims for every figure of a sentence. `toks` are the sentence's tokens (../nlp) and
 * `quantities` its figures (../quantities), both with offsets into `sentence`.
 */
export function framesOf(sentence: string, toks: readonly Token[], allQuantities: readonly Quantity[]): Claim[] {
  if (allQuantities.length === 0) return [];
  const quantities = wordTallies(sentence, toks, allQuantities.length > MAX_CLAIMS_PER_SENTENCE ? allQuantities.slice(0, MAX_CLAIMS_PER_SENTENCE) : allQuantities);
  const inFigure = new Uint8Array(toks.length);
  const spans: [number, number][] = [];
  for (const q of quantities) {
    const i0 = tokenIndexAt(toks, q.start);
    let i1 = i0;
    while (i1 < toks.length && toks[i1]!.start < q.end) i1++;
    for (let k = i0; k < i1; k++) inFigure[k] = 1;
    spans.push([i0, i1]);
  }
  const asideWords = markRelativeAsides(toks, inFigure);
  const regions = quotedRegions(sentence);
  const quoted = (o: number) => regions.some(([a, b]) => o > a && o < b);
  // Figures in a list ("aged nine, ten, 49 and 59", "49 and 69 years old") share what the
  // list says of them: a list is figures separated only by commas, "and" and "or".
  const group: number[] = quantities.map((_, n) => n);
  for (let n = 1; n < quantities.length; n++) {
    const [, prevEnd] = spans[n - 1]!;
    const [start] = spans[n]!;
    let joined = prevEnd <= start;
    for (let k = prevEnd; k < start && joined; k++) joined = LIST_JOINERS.has(toks[k]!.norm);
    if (joined) group[n] = group[n - 1]!;
  }
  const dims = quantities.map((q, n) => dimensionOf(q, toks, spans[n]![0], spans[n]![1]));
  quantities.forEach((_, n) => {
    if (dims[n] !== 'count') return;
    if (quantities.some((__, m) => group[m] === group[n] && dims[m] === 'age')) dims[n] = 'age';
  });
  // "Saturday's theft", "Friday's talks": a date in the possessive dates the noun phrase after
  // it, whose head is its event; that phrase is no other date's or length's event (a count
  // "died in Monday's car bombing" still counts the bombing's dead).
  const possessed = spans.map(([, i1], n) => (dims[n] === 'date' ? possessedPhrase(toks, i1) : undefined));
  const inPossessed = (k: number, own: number) => possessed.some((p, m) => m !== own && p !== undefined && k >= p[0] && k <= p[1]);
  const out: Claim[] = [];
  /** The first token of each claim in `out`. */
  const outAt: number[] = [];
  quantities.forEach((q0, n) => {
    let q = q0;
    const [i0, i1] = spans[n]!;
    if (i0 >= toks.length) return;
    if ((q.kind === 'count' || q.kind === 'money') && sentence[q.end] === '+' && q.qualifier === 'exact') {
      q = { ...q, qualifier: 'atLeast', high: q.value * 1.5 };
    }
    const dim = dims[n];
    if (!dim) return;
    // Ages are compared in years, whether written "aged 49" or "a 69-year-old".
    if (dim === 'age' && q.kind === 'duration') q = { ...q, kind: 'count', value: q.value / YEAR, low: q.low / YEAR, high: q.high / YEAR, unit: undefined };
    // "flight 1344", "Article 50", "Apollo 11": a bare number after a noun, not followed by
    // what it would count, names something; it is not a figure.
    if (dim === 'count' && !q.tally && /^\d+$/.test(q.text) && isNoun(toks[i0 - 1]) && isIdAfter(toks[i1], toks[i1 + 1])) return;
    // "a category 4 hurricane", "a Level 3 lockdown": a number after a noun and before a noun in
    // the singular names a class of it; it counts nothing.
    // (A tally between them is a result: "a party-line 230–189 vote".)
    if (dim === 'count' && !q.tally && /^\d+$/.test(q.text) && q.value !== 1 && isNoun(toks[i0 - 1]) && toks[i0 - 1]!.pos === 'NOUN' && singularNoun(toks[i1])) return;
    // "by 8 p.m. on Saturday", "at 4:53 a.m. Thursday": a day written after a time of day is
    // one expression with it, and takes the role the time's preposition gives.
    const timeBefore = dim === 'date' ? spans.findIndex(([, b], m) => dims[m] === 'time' && (b === i0 || (b === i0 - 1 && toks[i0 - 1]!.norm === 'on'))) : -1;
    const r = roleOf(dim, toks, timeBefore >= 0 ? spans[timeBefore]![0] : i0, i1);
    if (!r) return;
    let clause = clauseOf(toks, i0, i1, inFigure);
    // A phrase without a verb ("On May 13,", "After some three hours behind closed doors,")
    // belongs to the clause it is set off from.
    if (!hasVerb(toks, clause, inFigure)) {
      if (toks[clause[1]]?.norm === ',') clause = [clause[0], clauseOf(toks, clause[1] + 1, clause[1] + 1, inFigure)[1]];
      else if (clause[0] > 0 && toks[clause[0] - 1]?.norm === ',') clause = [clauseOf(toks, clause[0] - 2, clause[0] - 1, inFigure)[0], clause[1]];
    }
    // A relative clause after a comma ("…18th round of sanctions, which are already being
    // prepared") describes the noun phrase before it: it is part of the figure's clause.
    while (clause[1] + 1 < toks.length && toks[clause[1]]!.norm === ',' && RELATIVES.has(toks[clause[1] + 1]!.norm)) {
      clause = [clause[0], clauseOf(toks, clause[1] + 1, clause[1] + 2, inFigure)[1]];
    }
    // A clause without a verb after a comma continues the one before it ("grossed $5.4
    // million in the US, and $1.1 million elsewhere, for a worldwide total of $6.5
    // million"): the verb, and the words before the first figure of that clause (its
    // subject), are said of this figure too.
    const inherited: number[] = [];
    if (!hasVerb(toks, clause, inFigure) && clause[0] > 1 && toks[clause[0] - 1]!.norm === ',') {
      let end = clause[0] - 1;
      for (let guard = 0; end > 0 && guard < 6; guard++) {
        const prev = clauseOf(toks, end - 1, end, inFigure);
        if (hasVerb(toks, prev, inFigure)) {
          for (let k = prev[0]; k < prev[1] && !inFigure[k]; k++) inherited.push(k);
          break;
        }
        if (prev[0] === 0 || toks[prev[0] - 1]!.norm !== ',') break;
        end = prev[0] - 1;
      }
    }
    // Phrases without a verb set off before the clause ("Globally,", "On Rotten Tomatoes,",
    // "In the United States,") say where or when it holds: they belong to it.
    while (clause[0] > 1 && toks[clause[0] - 1]!.norm === ',') {
      const prev = clauseOf(toks, clause[0] - 2, clause[0] - 1, inFigure);
      if (hasVerb(toks, prev, inFigure) || spans.some(([a, b], m) => m !== n && a >= prev[0] && b <= prev[1])) break;
      clause = [prev[0], clause[1]];
    }
    // A figure in a list ("aged nine, ten, 49") counts what the list's last figure counts.
    // Only past another figure: "64,000 tonnes and barley by 7,000 tonnes" is no list, and
    // "barley" is what the next figure counts.
    let after = i1;
    for (let k = i1; k < clause[1] && (inFigure[k] === 1 || toks[k]!.norm === ',' || toks[k]!.norm === 'and' || toks[k]!.norm === 'or'); k++) if (inFigure[k] === 1) after = k + 1;
    let found: ThingFound = { mods: [] };
    // A tally's two sides ("passed 232-196", "votes of 230-to-197") count what the noun after the
    // pair names ("a 232-196 vote") or the noun before its "of" ("votes of"); the clause's
    // subject ("the resolution passed …") is not what they count.
    // Both sides count the same thing; a tally listed after another ("230-to-197 and 229-to-198")
    // counts what that one counts.
    const tallyFrom = q.tally === 2 && quantities[n - 1]?.tally === 1 ? spans[n - 1]![0] : i0;
    if (q.tally) {
      const pairEnd = q.tally === 1 && quantities[n + 1]?.tally === 2 ? spans[n + 1]![1] : i1;
      const before = out[out.length - 1];
      const listed = (c: Claim | undefined) => c?.q.tally === 2 && c.thing !== undefined && toks.slice(outAt[outAt.length - 1]! + 1, tallyFrom).every((t) => LIST_JOINERS.has(t.norm));
      if (q.tally === 2 && before?.q.tally === 1 && before.q.end <= q.start) found = thingOf(before);
      else {
        // "66 votes to 37": the noun right after the first figure; "a 232-196 vote": after the pair.
        const worded = q.tally === 1 && quantities[n + 1]?.tally === 2 && /\s/.test(sentence.slice(q.end, quantities[n + 1]!.start));
        found = worded ? thingAfter(toks, i1, clause[1]) : { mods: [] };
        if (!found.thing) found = thingAfter(toks, pairEnd, clause[1]);
        if (!found.thing && toks[tallyFrom - 1]?.norm === 'of' && isNoun(toks[tallyFrom - 2])) found = { ...thingBefore(toks, tallyFrom - 2, tallyFrom - 1), side: found.side, fromBefore: true };
        if (!found.thing && listed(before)) found = thingOf(before!);
      }
    } else if (dim === 'duration') {
      // "two-hour session", "30-day ceasefire" (a compound), "three days of mourning".
      if (q.compound) found = thingAfter(toks, after, clause[1]);
      else if (toks[after]?.norm === 'of') found = thingAfter(toks, after + 1, clause[1]);
    } else if (dim !== 'date' && dim !== 'time') {
      found = thingAfter(toks, after, clause[1]);
      // "the death toll rose to 22": the figure is the value of the noun before it.
      if (!found.thing && (dim === 'count' || dim === 'percent')) found = { ...thingBefore(toks, clause[0], i0), side: found.side, fromBefore: true };
      // "one of their daughters, aged 17", "the victim, 49,": an age after a noun is that noun's.
      if (!found.thing && dim === 'age') {
        const holder = ageHolderEnd(toks, i0);
        if (holder > 0) found = { ...thingBefore(toks, Math.max(0, holder - AGE_HOLDER_REACH), holder), side: found.side, fromBefore: true };
      }
      // "a budget of $185 million", "a fine of $5,000": the sum is the noun's.
      if (!found.thing && dim === 'money' && toks[i0 - 1]?.norm === 'of' && isNoun(toks[i0 - 2])) found = { ...thingBefore(toks, i0 - 2, i0 - 1), side: found.side, fromBefore: true };
    }
    // Gapping: "Turkey put it at magnitude 6.6 and the USGS at 7.0", "Russia freed 300 soldiers
    // and Ukraine 250". A conjunct with no verb of its own repeats the verb and the counted
    // thing of the figure before it; the noun just before this figure is its subject.
    const gapped = !found.thing || found.fromBefore ? gappedAfter(toks, i0, dim, clause, out, outAt, inFigure) : undefined;
    if (gapped) found = { thing: gapped.thing, phrase: gapped.thingPhrase, mods: [...gapped.mods], side: found.side };
    // "696 cases, of which 304 were in Srpska", "including 70 schools": a part counts what its whole counted.
    if (!found.thing && dim === 'count' && out.length > 0 && partOfPrevious(toks, i0)) found = { ...found, thing: out.filter((c) => c.thing).pop()?.thing };
    // "22 killed, with 25 others injured": "others" counts more of what the sentence counted before.
    if (found.thing === 'other' || found.thing === 'others') found = { ...found, thing: out.filter((c) => c.thing && c.thing !== 'other').pop()?.thing ?? 'people' };
    // "18 of the 190 people aboard were killed": the clause's verb is said of the part (18),
    // not of the whole (190), which only counts what its own noun phrase says.
    const whole = dim === 'count' && toks[i0 - 1]?.norm !== undefined && isWholeOf(toks, i0, inFigure);
    // Where the clause's predicate begins after the whole's noun phrase ("… of the 20 confirmed
    // dead | were civilians"): what it says is said of the part.
    let predicateAt = clause[1];
    if (whole) for (let k = i1; k < clause[1]; k++) if (toks[k]!.pos === 'AUX' || (toks[k]!.pos === 'VERB' && !/(?:ed|en|ing)$/.test(toks[k]!.norm))) {
      predicateAt = k;
      break;
    }
    const events: string[] = [];
    const context: string[] = [];
    // Nearest first. What a date or length of time belongs to usually comes before it
    // ("arrived … on Thursday", "the meeting … lasted two hours and ended"); what a count
    // counts, after it ("two people died"): the other side is read as further off.
    const before = dim === 'date' || dim === 'time' || dim === 'duration';
    const distanceTo = (k: number, a: number, b: number, back: boolean) =>
      k < a ? a - k + (back ? 0 : AFTER_BIAS) : k - b + 1 + (back ? BEFORE_BIAS : opensConjunct(toks, b, k) ? CONJUNCT_PENALTY : 0);
    const distance = (k: number) => distanceTo(k, i0, i1, before);
    // Other figures of the clause: a word nearer to one of them is that figure's
    // ("grossed $169 million in the US and $318 million worldwide"); the words before the
    // clause's first figure (its subject and verb) are said of all of them.
    const rivals: { a: number; b: number; back: boolean; counts: boolean }[] = [];
    let firstFigure = i0;
    for (let m = 0; m < spans.length; m++) {
      const [a, b] = spans[m]!;
      if (m === n || a < clause[0] || b > clause[1] || group[m] === group[n]) continue;
      rivals.push({ a, b, back: dims[m] === 'date' || dims[m] === 'time' || dims[m] === 'duration', counts: dims[m] === 'count' || dims[m] === 'money' || dims[m] === 'percent' });
      if (a < firstFigure) firstFigure = a;
    }
    // (Loops rather than `rivals.some`: these run for every word of the clause.)
    const nearer = (k: number) => {
      const d = distance(k);
      for (const r of rivals) if (distanceTo(k, r.a, r.b, r.back) < d) return true;
      return false;
    };
    // Verbs are the whole clause's ("the two nations held their first talks … on May 16"),
    // but one nearer to another figure is read as further off from this one.
    const isVerb = (k: number) => toks[k]!.pos === 'VERB' || passiveParticiple(toks, k) || EVENT_WORDS.has(lemmaOf(toks[k]!));
    // The noun another count counts ("with 2,986 deaths") is that count's, never this figure's event.
    const countedByRival = (k: number) => {
      if (!isNoun(toks[k])) return false;
      for (const r of rivals) {
        if (!r.counts || k < r.b || k >= r.b + 3) continue;
        let between = false;
        for (let j = r.b; j < k && !between; j++) between = toks[j]!.pos === 'VERB' || isPunct(toks[j]!);
        if (!between) return true;
      }
      return false;
    };
    // The words of the clause that are this figure's, each with its rank (its distance, plus
    // RIVAL_PENALTY when nearer to another figure and past the clause's first figure), worked
    // out once per word rather than at every comparison of the sort.
    const order: number[] = [];
    const ranks = new Int32Array(clause[1] - clause[0]);
    for (let k = clause[0]; k < clause[1]; k++) {
      if ((k >= i0 && k < i1) || asideWords[k] === ASIDE_OBLIQUE) continue;
      const toRival = rivals.length > 0 && k >= firstFigure && nearer(k);
      if ((toRival && !isVerb(k)) || (rivals.length > 0 && countedByRival(k))) continue;
      order.push(k);
      ranks[k - clause[0]] = distance(k) + (toRival ? RIVAL_PENALTY : 0);
    }
    order.sort((a, b) => ranks[a - clause[0]]! - ranks[b - clause[0]]! || a - b);
    for (const k of inherited) order.push(k);
    let negated = false;
    let hedged = false;
    for (const k of order) {
      let t = toks[k]!;
      if (inFigure[k]) continue;
      const lemma = lemmaOf(t);
      if (t.norm === 'not' || t.norm === "n't" || t.norm === 'never' || t.norm === 'no') negated = true;
      // A hedge speaks for the figure when it stands just before it ("expected to arrive on
      // Friday", "could agree on a 30-day truce") or before it with no other verb between
      // ("will be the first dialogue in nearly three years"), not anywhere in its clause.
      if ((HEDGE_WORDS.has(lemma) || HEDGE_WORDS.has(t.norm)) && k < i0 && (i0 - k <= HEDGE_REACH || !toks.slice(k + 1, i0).some((x) => x.pos === 'VERB'))) hedged = true;
      if (!CONTENT_POS.has(t.pos) || t.kind !== 'word' || STOPWORDS.has(t.norm)) continue;
      // "officials said 39 died": saying is not what a count measures; but "announced on May 9" dates the announcing.
      if (t.pos === 'VERB' && REPORTING_VERBS.has(lemma) && dim !== 'date' && dim !== 'time') continue;
      if (whole && (k < i0 || t.pos === 'VERB' || k >= predicateAt)) continue;
      // A capitalised verb mid-sentence is part of a title ("The House That Jack Built"), not an event.
      const titleWord = t.cap && k > 0 && t.pos === 'VERB';
      // "was retired from theatres": a participle after a form of "be" is the passive verb.
      if (passiveParticiple(toks, k)) t = { ...t, pos: 'VERB' };
      // "aged 17", "at age 49": the word that makes the figure an age is part of it, no event.
      const ageMarker = dim === 'age' && (lemma === 'age' || t.norm === 'aged');
      // A relative clause set off by commas tells of a noun of the clause, not of what its figure measures: its verbs are context.
      const aside = asideWords[k] === ASIDE_WORD;
      if (!titleWord && !ageMarker && !aside && lemma !== found.thing && !(before && inPossessed(k, n)) && (t.pos === 'VERB' || EVENT_WORDS.has(lemma))) {
        // A verb and its particle are one event ("touched down", "dragged on", "went on").
        const next = toks[k + 1];
        const after = toks[k + 2];
        const particle = next && (PARTICLES.has(next.norm) || (LOOSE_PARTICLES.has(next.norm) && (!after || after.pos === 'ADP' || after.pos === 'PUNCT' || after.pos === 'SCONJ' || after.pos === 'CCONJ')));
        const phrasal = t.pos === 'VERB' && particle ? `${lemma} ${next!.norm}` : undefined;
        if (phrasal && !events.includes(phrasal)) events.push(phrasal);
        // "received 180 reviews", "based on 61 reviews": light verbs say nothing of what happened.
        if (t.pos === 'VERB' && LIGHT_VERBS.has(lemma)) continue;
        if (!events.includes(lemma)) events.push(lemma);
      } else if (!context.includes(lemma) && lemma !== found.thing) context.push(lemma);
    }
    // The gapped conjunct's verb is the one it leaves out: that of the figure it repeats.
    if (gapped) for (const e of gapped.events) if (!events.includes(e)) events.push(e);
    // A date in the possessive is the date of the noun phrase after it, not of its clause's verb.
    const mine = possessed[n];
    if (mine) events.splice(0, events.length, lemmaOf(toks[mine[1]]!));
    // A clause that starts with its verb after a comma ("…, both truck drivers, were 49")
    // is said of the noun phrase before: its words, and those of appositions between, join
    // the figure's context.
    // So is a clause whose subject is a pronoun ("… since 2022 - and it lasted barely two
    // hours"): "it" stands for the clause before.
    if (clause[0] > 0 && (toks[clause[0] - 1]!.norm === ',' ? startsWithVerb(toks, clause) : pronounSubject(toks, clause))) {
      for (const w of subjectWords(toks, clause[0] - 1, inFigure)) if (!context.includes(w) && !events.includes(w)) context.push(w);
    }
    // "five minutes after takeoff": the event the time is counted from.
    let ref: string[] | undefined;
    if (r.role === 'offset') {
      ref = [];
      const at = toks[i1]?.norm === 'after' || toks[i1]?.norm === 'before' || toks[i1]?.norm === 'since' ? i1 + 1 : toks[i0 - 1]?.norm === 'after' ? -1 : -1;
      if (at > 0) {
        for (let k = at; k < Math.min(clause[1], at + 4); k++) {
          const t = toks[k]!;
          if (t.pos === 'VERB' || isNoun(t)) {
            const next = toks[k + 1];
            if (t.pos === 'VERB' && next && PARTICLES.has(next.norm)) ref.push(`${lemmaOf(t)} ${next.norm}`);
            ref.push(lemmaOf(t));
            break;
          }
        }
      }
    }
    // The few words either side of the figure (past its counted noun): its immediate scope.
    const near: string[] = [];
    let thingEnd = i1;
    while (thingEnd < clause[1] && thingEnd < i1 + 3 && (isNoun(toks[thingEnd]) || toks[thingEnd]!.pos === 'ADJ' || inFigure[thingEnd])) thingEnd++;
    for (let k = Math.max(clause[0], i0 - NEAR); k < Math.min(clause[1], thingEnd + NEAR); k++) {
      if (k >= i0 && k < i1) continue;
      const t = toks[k]!;
      if (t.kind !== 'word') continue;
      const lemma = lemmaOf(t);
      near.push(lemma);
      // "the 60-day ceasefire proposed by Trump": a plan named after the figure's noun.
      if (k >= thingEnd && HEDGE_WORDS.has(lemma)) hedged = true;
    }
    // Names of the clause, and of the clause it continues (its subject: "London is one of the
    // worst affected regions, with 21,654 cases").
    const names: string[] = [];
    const nameAt = (k: number) => {
      const t = toks[k]!;
      if (t.pos === 'PROPN' && t.cap && t.kind === 'word' && !inFigure[k] && !names.includes(t.norm)) names.push(t.norm);
    };
    for (let k = clause[0]; k < clause[1]; k++) if (asideWords[k] !== ASIDE_OBLIQUE) nameAt(k);
    const inNames = wordsOfLongNames(toks, clause);
    // A relative clause ("George Floyd, whose death in police custody in May …") is said of the
    // name it follows: that name is the clause's too.
    for (let k = clause[0]; k < Math.min(clause[1], clause[0] + 2); k++) {
      if (toks[k]!.norm !== 'whose' && toks[k]!.norm !== 'who') continue;
      let j = k - 1;
      if (toks[j]?.norm === ',') j--;
      for (; j >= 0 && toks[j]!.pos === 'PROPN' && toks[j]!.cap; j--) nameAt(j);
      break;
    }
    for (const k of inherited) nameAt(k);
    const from = dim === 'count' && q.kind === 'count' && q.unit && LENGTH_UNITS.has(q.unit) ? distanceFrom(toks, i1) : undefined;
    out.push({
      q,
      dim,
      near,
      names,
      ...(inNames.length ? { inNames } : {}),
      ref,
      role: r.role,
      bound: r.bound,
      thing: found.thing,
      thingPhrase: found.phrase,
      mods: found.mods,
      events,
      context,
      side: found.side,
      scope: dim === 'count' ? scopeOf(q, toks, i0, i1, clause) : 'unknown',
      negated,
      hedged: hedged || quoted(q.start),
      vague: q.qualifier === 'plural',
      quoted: quoted(q.start),
      span: [clause[0], clause[1]],
      ...(from ? { from } : {}),
    });
    outAt.push(i0);
  });
  // "192 units were sold during 2012": a year or month in the clause of a count, sum or
  // share says when that figure holds; it is the figure's time frame, not a date to check.
  for (const c of out) {
    if (c.dim !== 'date' || c.role !== 'measure' || c.bound) continue;
    const d = c.q.date;
    const coarse = c.q.kind === 'year' || (d !== undefined && d.day === undefined && d.weekday === undefined && d.dayRange === undefined);
    if (!coarse) continue;
    if (out.some((o) => o !== c && (o.dim === 'count' || o.dim === 'money' || o.dim === 'percent') && o.span[0] === c.span[0] && o.span[1] === c.span[1])) c.role = 'frame';
  }
  return out;
}
