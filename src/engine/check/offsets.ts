/**
 * A time between two dated events ("on 13 May, a full week before the talks"; "on May 13,
 * four days before the talks on 16 May"): no source writes the length itself, but the sources
 * date both events, and the length follows from their dates.
 *
 * Precision first, so this speaks only when all of it holds:
 * - the length is counted in days or weeks (months and years between dates known to the month
 *   are not ruled out by them: 31 March to 1 September is five months and a day), a week
 *   give or take a day (news writes "a week after" for eight days);
 * - the sentence dates its own event to the day, before the length, and the sources support
 *   that date; or it dates neither event, and the sources date its own, all on one day, in
 *   sentences whose events are the clause's ("arrested the owner two days after the fire");
 * - the event it is counted from is dated to the day, in the draft with the sources' support,
 *   or by the sources alone, all of them on one day, in sentences whose events are that event;
 * - that day lies on the side the draft says ("before the talks": the talks come later).
 *
 * When the sentence dates both events itself ("on October 22, more than two weeks after Samoa
 * confirmed its outbreak on October 16"), the length follows from its own dates in any unit, as
 * closely as they are given (a month: any of its days), with the slack news allows each unit;
 * a length they cannot fit is wrong whatever the sources say. The length is replaced only
 * when the sources bear out both dates; otherwise the finding asks to check them.
 */
import { bestSimilarity, lemmaOf, type Claim } from '../claims';
import type { Token } from '../nlp';
import { daysInMonth, epochDay } from '../quantities/calendar';
import { parseQuantities, type Quantity } from '../quantities';
import { tokensOf, type SentenceContext } from './context';
import { judgeClaim, yearOf, type ClaimMatch, type FigureJudgement } from './figures';

const DAY = 86_400;
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

export interface OffsetJudgement {
  /** The length of time the draft gives. */
  claim: Claim;
  /** Days between the two events, as the sources date them. */
  days: number;
  /** The draft's words to replace (the length, with its article: "a full week"), offsets in the sentence. */
  start: number;
  end: number;
  /** The length as the draft would write it ("three days", "3 days"); none when it cannot be told which figure is wrong. */
  says?: string;
  /** How far apart the two dates are, in words ("6 days", "between 3 and 4 years"), when the draft gives both. */
  apart?: string;
  /** The sources of the two dates: the event's own, and the one it is counted from. */
  evidence: ClaimMatch[];
  /** The two dates as the sources give them. */
  from: string;
  to: string;
}

interface Day {
  year?: number;
  month: number;
  day: number;
}

function dayOf(q: Quantity): Day | undefined {
  const d = q.date;
  if (q.kind !== 'date' || !d || d.relative || d.month === undefined || d.day === undefined || d.dayRange !== undefined) return undefined;
  return { year: d.year, month: d.month, day: d.day };
}

/** Days from a to b, with a year taken from the other date where one lacks it (same year). */
function daysBetween(a: Day, b: Day): number | undefined {
  const year = a.year ?? b.year;
  const yearB = b.year ?? a.year;
  if (year === undefined || yearB === undefined) {
    // Neither has a year: within one year, as a reader takes "13 May … 16 May".
    const n = epochDay(2001, b.month, b.day) - epochDay(2001, a.month, a.day);
    return Number.isNaN(n) ? undefined : n;
  }
  const n = epochDay(yearB, b.month, b.day) - epochDay(year, a.month, a.day);
  return Number.isNaN(n) ? undefined : n;
}

/** The draft's length of time in days, as an interval, when counted in days or weeks. */
function lengthInDays(q: Quantity): { low: number; high: number; unit: string } | undefined {
  const unit = /\b(day|week)s?\b/i.exec(q.text)?.[1]?.toLowerCase();
  if (!unit || !Number.isFinite(q.low) || !Number.isFinite(q.high)) return undefined;
  // News counts weeks loosely: eight days after something is "a week after" it.
  const slack = unit === 'week' ? 1 : 0;
  return { low: q.low / DAY - slack, high: q.high / DAY + slack, unit };
}

function written(n: number, digits: boolean): string {
  return digits || n > 20 ? String(n) : NUMBER_WORDS[n]!;
}

/** "three days", "a week", "2 weeks": in the draft's unit when it is whole, else in days. */
function lengthText(days: number, unit: string, digits: boolean): string {
  const per = UNIT_DAYS[unit]!;
  if (per > 1 && days % per === 0) {
    const n = days / per;
    return n === 1 ? `a ${unit}` : `${written(n, digits)} ${unit}s`;
  }
  return days === 1 ? 'one day' : `${written(days, digits)} days`;
}

/**
 * The event a length is counted from, as lemmas: the verb or the noun phrase after "before" or
 * "after", the event first ("before the budget summit" → summit, budget; "after taking off" → take off, take;
 * "after Russia launched its invasion" → launch, invasion).
 */
function anchorEvent(toks: readonly Token[], text: string, from: number): string[] {
  let k = toks.findIndex((t) => t.start >= from);
  if (k < 0 || !/^(?:before|after)$/i.test(toks[k]!.text)) return [];
  k++;
  const out: string[] = [];
  for (; k < toks.length && out.length < 4; k++) {
    const t = toks[k]!;
    // The phrase ends at punctuation (the word tokens leave it out: it is read from the text between them).
    if (t.kind !== 'word' || /[,;:.!?()"“”—–]/.test(text.slice(toks[k - 1]!.end, t.start))) break;
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'PRON' || t.pos === 'NUM' || t.norm === "'s") {
      if (out.length) break;
      continue;
    }
    if (t.pos === 'VERB' || (t.pos === 'AUX' && out.length)) {
      // "after Russia launched its invasion": the nouns before the verb are its subject; the
      // event is the verb (and the head of its object).
      if (out.length) {
        let v = k;
        while (v < toks.length && toks[v]!.pos === 'AUX') v++;
        const verb = toks[v];
        if (!verb || verb.pos !== 'VERB' || /[,;:.!?()"“”—–]/.test(text.slice(toks[k - 1]!.end, verb.start))) break;
        const event = [lemmaOf(verb)];
        for (let m = v + 1; m < toks.length && m < v + 5; m++) {
          const x = toks[m]!;
          if (x.kind !== 'word' || /[,;:.!?()"“”—–]/.test(text.slice(toks[m - 1]!.end, x.start))) break;
          if (x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'PRON' || x.norm === "'s") continue;
          if (x.pos === 'NOUN') {
            // The last noun of the object's run is its head ("full-scale invasion").
            let h = m;
            while (toks[h + 1]?.pos === 'NOUN') h++;
            event.push(lemmaOf(toks[h]!));
          }
          break;
        }
        return event;
      }
      const next = toks[k + 1];
      if (next && next.pos === 'ADP' && next.end - next.start <= 4) out.push(`${lemmaOf(t)} ${next.norm}`);
      out.push(lemmaOf(t));
      return out;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') out.push(lemmaOf(t));
    else break;
  }
  // A noun phrase's head is its last noun ("budget summit": a summit): the event, first.
  return out.reverse();
}

/** Whether a source claim is about the event the length is counted from (its events include it). */
function aboutEvent(ref: readonly string[], c: Claim): boolean {
  return bestSimilarity(ref, c.events) >= 0.9;
}

/**
 * The day the sources give the event a length is counted from: a synthetic date claim for it
 * (its event and the words of its phrase, dated where the draft's length puts it) judged as
 * any figure is. Supported: the length holds. Ruled out by sources that all give one other
 * day for that event: that day.
 */
function sourcedAnchor(ctx: SentenceContext, o: Claim, words: Claim['context'], names: string[], at: Day, direction: 'before' | 'after', length: number): { day: Day; text: string; matches: ClaimMatch[] } | 'holds' | undefined {
  const ref = anchorEvent(tokensOf(ctx), ctx.sentence.text, o.q.end);
  if (ref.length === 0) return undefined;
  const shift = direction === 'before' ? length : -length;
  const base = epochDay(at.year ?? 2001, at.month, at.day) + shift;
  if (Number.isNaN(base)) return undefined;
  const when = new Date(base * DAY * 1000);
  const text = `${when.getUTCDate()} ${MONTHS[when.getUTCMonth()]}${at.year !== undefined ? ` ${when.getUTCFullYear()}` : ''}`;
  const q = parseQuantities(text).find((x) => x.kind === 'date');
  if (!q) return undefined;
  const j = judgeClaim(ctx, dateClaim(o, q, [...ref], words, names));
  if (j.verdict === 'supported') return 'holds';
  if (j.verdict !== 'contradiction') return undefined;
  const against = j.matches.filter((m) => !m.compatible && !m.weak && aboutEvent(ref, m.claim));
  if (against.length === 0 || against.length !== j.matches.filter((m) => !m.compatible).length) return undefined;
  return oneDay(against);
}

/** A date claim made from a length's claim: its clause, with the events and words given, dated `q`. */
function dateClaim(o: Claim, q: Quantity, events: string[], context: string[], names: string[]): Claim {
  return { ...o, q, dim: 'date', role: 'measure', thing: undefined, thingPhrase: undefined, mods: [], events, context, near: [], names, scope: 'unknown', ref: undefined, bound: undefined, from: undefined };
}

/** The one day source dates all give (to the day, years agreeing where given), with the first as written. */
function oneDay(matches: ClaimMatch[]): { day: Day; text: string; matches: ClaimMatch[] } | undefined {
  const days = matches.map((m) => dayOf(m.claim.q));
  const first = days[0];
  if (!first || !days.every((d) => d && d.month === first.month && d.day === first.day && (d.year === undefined || first.year === undefined || d.year === first.year))) return undefined;
  return { day: first, text: matches[0]!.claim.q.text, matches };
}

/**
 * The day the sources give the sentence's own event when the draft dates neither event ("the
 * owner was arrested two days after the fire"): a date claim of the clause's own words (those
 * outside the phrase of the event it is counted from), set on a day no source gives, judged as
 * any figure is. Every source date aligned strongly enough to rule that day out must be about
 * the clause's own event and give one day; else the sources do not say when it happened.
 */
function sourcedOwnDay(ctx: SentenceContext, o: Claim, anchorWords: ReadonlySet<string>): { day: Day; text: string; matches: ClaimMatch[] } | undefined {
  const events = o.events.filter((e) => !e.split(' ').some((w) => anchorWords.has(w)));
  if (events.length === 0) return undefined;
  const q = parseQuantities(UNSOURCED_DAY).find((x) => x.kind === 'date');
  if (!q) return undefined;
  const j = judgeClaim(
    ctx,
    dateClaim(
      o,
      q,
      events,
      o.context.filter((w) => !anchorWords.has(w)),
      o.names.filter((n) => !n.split(' ').some((w) => anchorWords.has(w))),
    ),
  );
  if (j.verdict !== 'contradiction') return undefined;
  const against = j.matches.filter((m) => !m.compatible);
  if (against.length === 0 || against.some((m) => m.weak || !aboutEvent(events, m.claim))) return undefined;
  return oneDay(against);
}

/** A day before any news archive: every source's date for the event differs from it. */
const UNSOURCED_DAY = '1 January 1001';

/** Slack news allows a length in each unit: "a week after" for eight days, "a month after" for five weeks. */
const SLACK_DAYS: Record<string, number> = { day: 0, week: 1, fortnight: 1, month: 7, year: 31, decade: 365 };

/** The unit a length of time is written in. */
function unitOf(q: Quantity): string | undefined {
  return /\b(day|week|fortnight|month|year|decade)s?\b/i.exec(q.text)?.[1]?.toLowerCase();
}

/** The days a date may be, as epoch days, by what it gives: a day, a month, or a year. */
function daysOfDate(q: Quantity, year: number): [number, number] | undefined {
  const d = q.date;
  if (q.kind === 'year') return Number.isInteger(q.value) ? [epochDay(q.value, 1, 1), epochDay(q.value, 12, 31)] : undefined;
  if (q.kind !== 'date' || !d || d.relative || d.weekday !== undefined && d.day === undefined || d.month === undefined) return undefined;
  const y = d.year ?? year;
  if (d.day !== undefined && d.dayRange === undefined) return [epochDay(y, d.month, d.day), epochDay(y, d.month, d.day)];
  const [a, b] = d.dayRange ?? [1, daysInMonth(y, d.month)];
  return [epochDay(y, d.month, a), epochDay(y, d.month, b)];
}

/** "6 days", "3 months", "between 3 and 4 years": how far apart two dates are, in the length's unit. */
function apartText(lo: number, hi: number, unit: string): string {
  // Under one of the length's units, in the next smaller one ("about 6 months", not "0.5 years").
  if ((unit === 'year' || unit === 'decade') && hi < 365) unit = 'month';
  if (unit === 'month' && hi < 30) unit = 'day';
  const per = unit === 'decade' || unit === 'year' ? 365.25 : unit === 'month' ? 30.44 : unit === 'week' || unit === 'fortnight' ? 7 : 1;
  const name = per === 365.25 ? 'year' : per === 30.44 ? 'month' : per === 7 ? 'week' : 'day';
  const a = lo / per;
  const b = hi / per;
  const round = (x: number) => (per === 1 ? Math.round(x) : Math.round(x * 2) / 2);
  const one = (x: number) => `${round(x)} ${name}${round(x) === 1 ? '' : 's'}`;
  // Two days known to the day, weeks apart at most: in days ("6 days", not "about 1 week").
  if (lo === hi && lo <= 60) return lo === 1 ? 'one day' : `${lo} days`;
  if (round(a) === round(b)) return `about ${one(a)}`;
  return `between ${round(a)} and ${one(b)}`;
}

/**
 * The two dates a draft sentence gives a length of time between: its own event's, and the
 * date of the event it is counted from, inside that event's phrase ("on October 22, more than
 * two weeks after Samoa confirmed its outbreak on October 16", "the tremor of December 28";
 * "began on March 26 and was due to end a fortnight later, on April 4").
 */
function draftPair(claims: readonly Claim[], o: Claim, text: string, toks: readonly Token[]): { earlier: Claim; later: Claim } | undefined {
  const dated = (c: Claim) => c.dim === 'date' && (c.q.kind === 'year' || (c.q.date !== undefined && !c.q.date.relative && c.q.date.month !== undefined));
  const tail = text.slice(o.q.end);
  const word = /^\s*(before|after|later|earlier)\b/i.exec(tail)?.[1]?.toLowerCase();
  if (!word) return undefined;
  const before = claims.filter((c) => c.dim === 'date' && c.q.end <= o.q.start);
  // "A year after hosting the March 2022 talks, Türkiye mediated a swap in September 2022": a
  // sentence that opens with the length dates the event it is counted from in that phrase,
  // and its own event in the clause after it.
  const opens = before.length === 0 && (word === 'before' || word === 'after') && !/[\p{L}\p{N}]/u.test(text.slice(0, o.q.start).replace(/\b(?:a|an|some|about|almost|nearly|just|only|barely|more than|less than|over|under)\b/gi, ''));
  if (opens) {
    const comma = text.indexOf(',', o.q.end);
    const anchor = claims.find((c) => c.dim === 'date' && c.q.start >= o.q.end && (comma < 0 || c.q.end <= comma));
    const own = comma < 0 ? undefined : claims.find((c) => c.dim === 'date' && c.q.start > comma);
    if (!anchor || !own || !dated(anchor) || !dated(own) || claims.filter((c) => c.dim === 'date').length !== 2) return undefined;
    if (!anchorDateIsItsEvent(text, toks, o.q.end, anchor)) return undefined;
    return word === 'before' ? { earlier: own, later: anchor } : { earlier: anchor, later: own };
  }
  if (before.length !== 1 || !dated(before[0]!)) return undefined;
  const first = before[0]!;
  if (word === 'before' || word === 'after') {
    // The first date after "before"/"after" in the same clause is the other event's.
    const next = claims.find((c) => c.dim === 'date' && c.q.start >= o.q.end);
    // (A full stop inside a number, "the 4.7-magnitude tremor of December 28", ends nothing.)
    // A date set off by commas right after the event's verb is that verb's ("two months
    // before he first said, on July 2, that …").
    const gap = next ? text.slice(o.q.end, next.q.start) : '';
    const setOff = /^[^,;:!?()—–.]*,\s*(?:on|in)\s+$/i.test(gap) && /^\s*(?:,|$)/.test(text.slice(next?.q.end ?? 0));
    if (!next || !dated(next) || (!setOff && /[,;:!?()—–]|\.(?!\d)/.test(gap))) return undefined;
    // After a verb ("a day after Allied disclosed …"), the date must be that verb's ("… on
    // October 16"): not one that names something in its object ("Campeau's Sept 12 tender
    // offer") or in a clause of its own ("that …").
    if (!anchorDateIsItsEvent(text, toks, o.q.end, next)) return undefined;
    return word === 'before' ? { earlier: first, later: next } : { earlier: next, later: first };
  }
  // "… a fortnight later, on April 4": the date just after is the later event's.
  const next = claims.find((c) => c.dim === 'date' && c.q.start >= o.q.end);
  if (!next || !dated(next) || !/^\s*(?:later|earlier)\s*,?\s*(?:on|in)?\s*$/i.test(text.slice(o.q.end, next.q.start))) return undefined;
  return word === 'later' ? { earlier: first, later: next } : { earlier: next, later: first };
}

/** Verbs whose object is an event that takes place when they do: to host, hold, stage or convene talks. */
const HOLDING_VERBS = new Set(['host', 'hold', 'stage', 'convene']);

/**
 * Whether a date after "before"/"after" dates the event the length is counted from. After a
 * verb ("a day after Allied disclosed …"), the date must be that verb's ("… on October 16"):
 * not one that names something in its object ("Campeau's Sept 12 tender offer"), unless the
 * verb holds that event ("after hosting the March 2022 talks"), nor one in a clause of its
 * own ("that …").
 */
function anchorDateIsItsEvent(text: string, toks: readonly Token[], from: number, date: Claim): boolean {
  const between = toks.filter((t) => t.start >= from && t.end <= date.q.start);
  const verbs = between.filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verbs.length === 0) return true;
  if (between.some((t) => /^(?:that|which|who|whom|whose)$/.test(t.norm))) return false;
  const after = toks.find((t) => t.start >= date.q.end);
  const names = after !== undefined && (after.pos === 'NOUN' || after.pos === 'PROPN') && !/[,;:.!?]/.test(text.slice(date.q.end, after.start));
  return !names || verbs.every((t) => t.pos === 'AUX' || HOLDING_VERBS.has(lemmaOf(t)));
}

/**
 * How many days apart the draft's two dates are, at least and at most. A date without a year
 * takes the other's; with no year on either, the later event is the next time that day comes
 * ("December 28 … January 7": ten days).
 */
function gapOf(earlier: Quantity, later: Quantity, unit: string): [number, number] | undefined {
  const ye = yearOf(earlier);
  const yl = yearOf(later);
  // Years apart are told only by two years: "16 May, three years after the March 2022 talks"
  // does not put 16 May in 2022.
  if ((unit === 'year' || unit === 'decade') && (ye === undefined || yl === undefined)) return undefined;
  const base = ye ?? yl ?? 2001;
  const e = daysOfDate(earlier, ye ?? (yl !== undefined ? yl : base));
  let l = daysOfDate(later, yl ?? base);
  if (!e || !l || e.some(Number.isNaN) || l.some(Number.isNaN)) return undefined;
  if (yl === undefined && l[1] < e[0]) {
    const next = daysOfDate(later, (ye ?? base) + 1);
    if (!next || next.some(Number.isNaN)) return undefined;
    l = next;
  }
  const lo = l[0] - e[1];
  const hi = l[1] - e[0];
  // The draft's own order says which comes first: dates the other way round are not this pair.
  if (hi < 0) return undefined;
  return [Math.max(0, lo), hi];
}

export interface OffsetJudgements {
  /** The lengths the sources' dates rule out. */
  ruledOut: OffsetJudgement[];
  /** Where the lengths the sources' dates bear out start in the sentence. */
  held: Set<number>;
}

/**
 * Whether a source's date is the day a length of time in the draft sentence puts another
 * event on ("sent on February 21, six weeks after its first attempt": a source's "January 10"
 * dates the first attempt): it dates that event, and is no evidence against this date.
 */
export function datesOtherEvent(claims: readonly Claim[], date: Claim, source: Quantity): boolean {
  if (date.dim !== 'date') return false;
  const at = dayOf(date.q);
  const theirs = dayOf(source);
  if (!at || !theirs) return false;
  const between = daysBetween(at, theirs);
  if (between === undefined || between === 0) return false;
  return claims.some((o) => {
    if (o.dim !== 'duration' || o.role !== 'offset') return false;
    const length = lengthInDays(o.q);
    return length !== undefined && Math.abs(between) >= Math.floor(length.low) && Math.abs(between) <= Math.ceil(length.high);
  });
}

/** Where the words to replace start: the length's, or "a" before a length written without a number ("a full week"). */
function lengthStart(text: string, q: Quantity): number {
  const article = /\b(an?)\s+$/i.exec(text.slice(0, q.start));
  return article && !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i.test(q.text) ? q.start - article[0].length : q.start;
}

/** The lengths of time between dated events of a sentence, judged once for every rule that reads them. */
export function judgedOffsets(ctx: SentenceContext, judged: readonly FigureJudgement[]): OffsetJudgements {
  return (ctx.offsets ??= judgeOffsets(ctx, judged));
}

/** The lengths of time between dated events that the sources' dates rule out or bear out. */
export function judgeOffsets(ctx: SentenceContext, judged: readonly FigureJudgement[]): OffsetJudgements {
  const claims = ctx.draftClaims ?? [];
  const out: OffsetJudgement[] = [];
  const held = new Set<number>();
  const text = ctx.sentence.text;
  for (const j of judged) {
    const o = j.claim;
    if (o.dim !== 'duration' || o.role !== 'offset' || j.verdict === 'contradiction' || j.verdict === 'disagree' || j.verdict === 'supported') continue;
    if (o.negated || o.hedged || o.vague || o.quoted) continue;
    // Both dates in the draft: the length follows from them, whatever the sources say
    // ("… and ended a fortnight later, on April 4": "later" and "earlier" too).
    const pair = draftPair(claims, o, text, tokensOf(ctx));
    const unit = unitOf(o.q);
    if (pair && unit && Number.isFinite(o.q.low) && Number.isFinite(o.q.high)) {
      const gap = gapOf(pair.earlier.q, pair.later.q, unit);
      if (!gap) continue;
      const slack = SLACK_DAYS[unit]!;
      const low = o.q.low / DAY - slack;
      const high = o.q.high / DAY + slack;
      const verdictOf = (c: Claim) => judged.find((x) => x.claim.q.start === c.q.start);
      const e = verdictOf(pair.earlier);
      const l = verdictOf(pair.later);
      const both = e?.verdict === 'supported' && l?.verdict === 'supported';
      if (gap[1] >= low && gap[0] <= high) {
        // Sourced when the sources bear out both dates, closely enough to fix the length
        // ("in August, two weeks before September 10" only agrees with itself).
        if (both && gap[0] >= low && gap[1] <= high) held.add(o.q.start);
        continue;
      }
      // Which figure is wrong is known only when the sources bear out both dates: then the
      // length is replaced; else the sentence is still at odds with itself, and says so.
      const exact = gap[0] === gap[1] && (unit === 'day' || unit === 'week' || unit === 'fortnight');
      const start = lengthStart(text, o.q);
      out.push({
        claim: o,
        days: gap[0],
        start,
        end: o.q.end,
        says: both && exact ? lengthText(gap[0], unit === 'fortnight' ? 'week' : unit, /\d/.test(o.q.text)) : undefined,
        apart: apartText(gap[0], gap[1], unit),
        evidence: both ? [...e!.matches.filter((m) => m.compatible).slice(0, 1), ...l!.matches.filter((m) => m.compatible).slice(0, 1)] : [],
        from: pair.earlier.q.text,
        to: pair.later.q.text,
      });
      continue;
    }
    const direction = /^\s*(before|after)\b/i.exec(text.slice(o.q.end))?.[1]?.toLowerCase() as 'before' | 'after' | undefined;
    if (!direction) continue;
    const length = lengthInDays(o.q);
    if (!length) continue;
    // The event's own date: the one date of the sentence before the length, supported by the
    // sources; where the sentence dates neither event, the day the sources give its own.
    const before = claims.filter((c) => c.dim === 'date' && c.q.end <= o.q.start);
    const after = claims.filter((c) => c.dim === 'date' && c.q.start >= o.q.end);
    let at: Day | undefined;
    let ownText: string;
    let ownMatches: ClaimMatch[];
    if (before.length === 0 && after.length === 0 && !claims.some((c) => c.dim === 'time')) {
      const phrase = text.slice(o.q.end).replace(/^\s*(?:before|after)\s+/i, '');
      const anchorWords = new Set((phrase.split(/[,;:.!?]/)[0] ?? '').toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
      for (const w of anchorEvent(tokensOf(ctx), text, o.q.end)) anchorWords.add(w);
      const sourced = sourcedOwnDay(ctx, o, anchorWords);
      if (!sourced) continue;
      at = sourced.day;
      ownText = sourced.text;
      ownMatches = sourced.matches;
    } else {
      if (before.length !== 1) continue;
      const own = judged.find((x) => x.claim.q.start === before[0]!.q.start);
      at = dayOf(before[0]!.q);
      if (!own || own.verdict !== 'supported' || !at) continue;
      ownText = before[0]!.q.text;
      ownMatches = own.matches.filter((m) => m.compatible);
    }
    // The day it is counted from: a date the draft gives after the length (supported), or the sources'.
    let anchor: { day: Day; text: string; matches: ClaimMatch[] } | undefined;
    if (after.length > 0) {
      const theirs = judged.find((x) => x.claim.q.start === after[0]!.q.start);
      const day = dayOf(after[0]!.q);
      if (!theirs || theirs.verdict !== 'supported' || !day) continue;
      anchor = { day, text: after[0]!.q.text, matches: theirs.matches.filter((m) => m.compatible) };
    } else {
      const phrase = text.slice(o.q.end).replace(/^\s*(?:before|after)\s+/i, '');
      const clause = phrase.split(/[,;:.!?]/)[0] ?? '';
      const names = o.names.filter((n) => clause.toLowerCase().includes(n));
      const words = o.context.filter((w) => clause.toLowerCase().includes(w));
      const found = sourcedAnchor(ctx, o, words, names, at, direction, Math.round((length.low + length.high) / 2));
      if (found === 'holds') held.add(o.q.start);
      if (!found || found === 'holds') continue;
      anchor = found;
    }
    const between = daysBetween(at, anchor.day);
    if (between === undefined) continue;
    const days = direction === 'before' ? between : -between;
    // The sources put the other event on the other side: not the same pair of events.
    if (days <= 0) continue;
    if (days >= Math.floor(length.low) && days <= Math.ceil(length.high)) {
      held.add(o.q.start);
      continue;
    }
    const start = lengthStart(text, o.q);
    out.push({
      claim: o,
      days,
      start,
      end: o.q.end,
      says: lengthText(days, length.unit, /\d/.test(o.q.text)),
      evidence: [...ownMatches.slice(0, 1), ...anchor.matches.slice(0, 2)],
      from: ownText,
      to: anchor.text,
    });
  }
  return { ruledOut: out, held };
}
