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
 *   that date;
 * - the event it is counted from is dated to the day, in the draft with the sources' support,
 *   or by the sources alone, all of them on one day, in sentences whose events are that event;
 * - that day lies on the side the draft says ("before the talks": the talks come later).
 */
import { bestSimilarity, lemmaOf, type Claim } from '../claims';
import type { Token } from '../nlp';
import { epochDay } from '../quantities/calendar';
import { parseQuantities, type Quantity } from '../quantities';
import { tokensOf, type SentenceContext } from './context';
import { judgeClaim, type ClaimMatch, type FigureJudgement } from './figures';

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
  /** The length as the draft would write it ("three days", "3 days"). */
  says: string;
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
 * "after", the event first ("before the budget summit" → summit, budget; "after taking off" → take off, take).
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
    if (t.pos === 'VERB') {
      if (out.length) break;
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
  const synthetic: Claim = {
    ...o,
    q,
    dim: 'date',
    role: 'measure',
    thing: undefined,
    thingPhrase: undefined,
    mods: [],
    events: [...ref],
    context: words,
    near: [],
    names,
    scope: 'unknown',
    ref: undefined,
    bound: undefined,
    from: undefined,
  };
  const j = judgeClaim(ctx, synthetic);
  if (j.verdict === 'supported') return 'holds';
  if (j.verdict !== 'contradiction') return undefined;
  const against = j.matches.filter((m) => !m.compatible && !m.weak && aboutEvent(ref, m.claim));
  if (against.length === 0 || against.length !== j.matches.filter((m) => !m.compatible).length) return undefined;
  const days = against.map((m) => dayOf(m.claim.q));
  if (days.some((d) => !d)) return undefined;
  const first = days[0]!;
  if (!days.every((d) => d!.month === first.month && d!.day === first.day && (d!.year === undefined || first.year === undefined || d!.year === first.year))) return undefined;
  return { day: first, text: against[0]!.claim.q.text, matches: against };
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
    const direction = /^\s*(before|after)\b/i.exec(text.slice(o.q.end))?.[1]?.toLowerCase() as 'before' | 'after' | undefined;
    if (!direction) continue;
    const length = lengthInDays(o.q);
    if (!length) continue;
    // The event's own date: the one date of the sentence before the length, supported by the sources.
    const before = claims.filter((c) => c.dim === 'date' && c.q.end <= o.q.start);
    if (before.length !== 1) continue;
    const own = judged.find((x) => x.claim.q.start === before[0]!.q.start);
    const at = dayOf(before[0]!.q);
    if (!own || own.verdict !== 'supported' || !at) continue;
    // The day it is counted from: a date the draft gives after the length (supported), or the sources'.
    const after = claims.filter((c) => c.dim === 'date' && c.q.start >= o.q.end);
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
    // The words to replace: the length, and "a" before a length written without a number ("a full week").
    let start = o.q.start;
    const article = /\b(an?)\s+$/i.exec(text.slice(0, start));
    if (article && !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i.test(o.q.text)) start -= article[0].length;
    out.push({
      claim: o,
      days,
      start,
      end: o.q.end,
      says: lengthText(days, length.unit, /\d/.test(o.q.text)),
      evidence: [...own.matches.filter((m) => m.compatible).slice(0, 1), ...anchor.matches.slice(0, 2)],
      from: before[0]!.q.text,
      to: anchor.text,
    });
  }
  return { ruledOut: out, held };
}
