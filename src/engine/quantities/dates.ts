/**
 * Dates and clock times from tokens: written dates in any order ("16 May 2025", "May 16th, 2025",
 * "the fourth of July, 1995", "02/22/2016", "2019-aug-01", "January twenty five nineteen eighty
 * six"), weekdays and their modifiers ("Friday", "next Sunday", "Tuesday of last week", "the first
 * Friday of next month"), dates counted from today ("yesterday", "two days ago", "in two weeks",
 * "three weeks from tomorrow"), parts of a month or year ("mid-May", "early 2025"), and times
 * ("7:56:30 pm", "9.30am", "ten past nine in the evening", "noon").
 *
 * Which way a weekday points (back for "met on Friday", forward for "will meet on Friday") is read
 * from the verb it belongs to (./tense).
 */
import type { DateValue, PartOfDay } from './types';
import type { NumberReader } from './numbers';
import type { View } from './view';
import { dateDirection } from './tense';
import { epochDay } from './calendar';
import {
  CALENDAR_MULTIPLE,
  CALENDAR_UNITS,
  DATE_PREPS,
  DURATION_UNITS,
  MONTHS,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  SCALES,
  TENS,
  UNITS,
  WEEKDAY_ABBR,
  WEEKDAYS,
} from './words';

export interface DateHit {
  date: DateValue;
  /** Token range. */
  i: number;
  j: number;
  /** Days of the month of a range ("16-17 May"). */
  range?: [number, number];
  /** A calendar year without month ("early 2025"): [low, high] as fractional years. */
  yearPart?: [number, number];
  /** The part is of a decade ("the early 1990s"): whole years. */
  decade?: boolean;
}

export interface TimeHit {
  /** Seconds after midnight. */
  value: number;
  i: number;
  j: number;
}

/** Month words that are also common words in lower case: months only when capitalised. */
const ABBREVIATED_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const LOWER_AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august', 'mar', 'sat', 'sun', 'dec']);
const AMPM = /^(?:([ap])\.?m\.?|([ap])\.?)$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthDays(y: number | undefined, m: number): number {
  if (m === 2) return y === undefined || isLeap(y) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function validDay(y: number | undefined, m: number, d: number): boolean {
  return Number.isInteger(d) && d >= 1 && m >= 1 && m <= 12 && d <= monthDays(y, m);
}

export class DateReader {
  constructor(
    private readonly v: View,
    private readonly nr: NumberReader,
  ) {}

  // ---- pieces -----------------------------------------------------------------------

  /** A month name at k; lower case only where `lower` and the word is not also a common word ("may"). */
  monthAt(k: number, lower = false): { m: number; j: number } | undefined {
    const v = this.v;
    const t = v.tok(k);
    const s = v.w(k);
    if (!t || !s) return undefined;
    const m = MONTHS[s];
    if (m === undefined) return undefined;
    if (!t.cap && (!lower || LOWER_AMBIGUOUS_MONTHS.has(s))) return undefined;
    let j = k + 1;
    if (v.p(j) === '.' && v.glued(j) && ABBREVIATED_MONTHS.has(s)) j++; // "Sep" and its dot apart
    return { m, j };
  }

  /** A day of the month in digits at k: "16", "16th", "04th". */
  private dayNumAt(k: number): { d: number; j: number } | undefined {
    const v = this.v;
    const t = v.tok(k);
    if (!t || v.masked[k]) return undefined;
    let m: RegExpExecArray | null = null;
    if (t.kind === 'number') m = /^(\d{1,2})$/.exec(t.text);
    else if (t.kind === 'ordinal') m = /^(\d{1,2})(?:st|nd|rd|th)$/i.exec(t.text);
    if (!m) return undefined;
    const d = Number(m[1]);
    if (!(d >= 1 && d <= 31)) return undefined;
    // "16:00" is a time
    if (v.p(k + 1) === ':' && v.glued(k + 1)) return undefined;
    return { d, j: k + 1 };
  }

  /** A day of the month in words: "fourth", "twenty-first", "thirty first", "twenty five" (`cardinal`). */
  private dayWordAt(k: number, cardinal: boolean): { d: number; j: number } | undefined {
    const v = this.v;
    const s = v.w(k);
    if (!s) return undefined;
    const o = ORDINAL_WORDS[s];
    if (o !== undefined) return o >= 1 && o <= 31 ? { d: o, j: k + 1 } : undefined;
    const te = TENS[s];
    if (te === 20 || te === 30) {
      let j = k + 1;
      if (v.hyphen(j)) j++;
      const o2 = ORDINAL_WORDS[v.w(j)];
      if (o2 !== undefined && o2 < 10 && te + o2 <= 31) return { d: te + o2, j: j + 1 };
      if (cardinal) {
        const u = UNITS[v.w(j)];
        if (u !== undefined && u > 0 && u < 10 && te + u <= 31) return { d: te + u, j: j + 1 };
        if (j === k + 1) return { d: te, j };
      }
      return undefined;
    }
    if (cardinal) {
      const u = UNITS[s];
      if (u !== undefined && u >= 1) return { d: u, j: k + 1 };
    }
    return undefined;
  }

  private dayAt(k: number, cardinalWords: boolean): { d: number; j: number } | undefined {
    return this.dayNumAt(k) ?? this.dayWordAt(k, cardinalWords);
  }

  /** A four-digit year at k ("2025"), not followed by a unit ("2025 people" is a count). */
  private yearNumAt(k: number): { y: number; j: number } | undefined {
    const v = this.v;
    const t = v.num(k);
    if (!t || !/^\d{4}$/.test(t.text)) return undefined;
    const y = Number(t.text);
    if (!(y >= 1000 && y <= 2999)) return undefined;
    if (!this.notFollowedByUnit(k + 1)) return undefined;
    return { y, j: k + 1 };
  }

  /**
   * A year in words: "two thousand and eighteen", "nineteen hundred ninety three", or in two
   * halves as years are spoken: "nineteen seventy eight", "nineteen zero one", "twenty twenty".
   */
  private yearWordsAt(k: number): { y: number; j: number } | undefined {
    const v = this.v;
    const s = v.w(k);
    const first = UNITS[s] ?? TENS[s];
    if (first === undefined) return undefined;
    const whole = this.nr.wordNumber(k, k, 0);
    if (whole && whole.value >= 1000 && whole.value <= 2999 && Number.isInteger(whole.value)) return { y: whole.value, j: whole.j };
    if (first >= 10 && first <= 29 && whole && whole.j === k + 1) {
      // the second half: 0-99 in words, "zero one"/"oh one" digit by digit
      const z = v.w(k + 1);
      if ((z === 'zero' || z === 'oh' || z === 'nought') && UNITS[v.w(k + 2)] !== undefined && UNITS[v.w(k + 2)]! < 10) {
        return { y: first * 100 + UNITS[v.w(k + 2)]!, j: k + 3 };
      }
      const second = this.nr.wordNumber(k + 1, k + 1, 0);
      if (second && second.value >= 10 && second.value < 100 && second.scale === 1) return { y: first * 100 + second.value, j: second.j };
    }
    return undefined;
  }

  /** A year after a day and month: ", 2025", " 2025", " of 1995", " in 2020", " of 87", spoken years. */
  private yearAfter(j: number): { y?: number; yy?: number; j: number } | undefined {
    const v = this.v;
    let k = j;
    if (v.p(k) === ',') k++;
    const direct = this.yearNumAt(k) ?? this.yearWordsAt(k);
    if (direct) return direct;
    const w = v.w(k);
    if ((w === 'of' || w === 'in') && k === j) {
      const y = this.yearNumAt(k + 1) ?? this.yearWordsAt(k + 1);
      if (y) return y;
      // "15 April of 87"
      const t = v.num(k + 1);
      if (w === 'of' && t && /^\d{2}$/.test(t.text) && this.notFollowedByUnit(k + 2)) return { yy: Number(t.text), j: k + 2 };
    }
    // "April 15 '87"
    if (v.p(k) === "'" && !v.tok(k + 1)?.sp) {
      const t = v.num(k + 1);
      if (t && /^\d{2}$/.test(t.text)) return { yy: Number(t.text), j: k + 2 };
    }
    return undefined;
  }

  notFollowedByUnit(j: number): boolean {
    const v = this.v;
    const s = v.w(j);
    return !(DURATION_UNITS[s] !== undefined || SCALES[s] !== undefined || s === 'percent' || v.p(j) === '%' || s === 'per');
  }

  /** A weekday at k: a full name in any case, an abbreviation only capitalised ("Mon"). */
  weekdayAt(k: number, abbrOk = false): { wd: number; j: number } | undefined {
    const v = this.v;
    const t = v.tok(k);
    const s = v.w(k);
    if (!t || !s) return undefined;
    const full = WEEKDAYS[s];
    if (full !== undefined) return { wd: full, j: k + 1 };
    const ab = WEEKDAY_ABBR[s];
    if (ab !== undefined && t.cap && t.text.length <= 5) {
      let j = k + 1;
      if (v.p(j) === '.' && v.glued(j)) j++;
      // "Sun", "Sat" and "Wed" are words too: an abbreviation is a weekday only before a date or a time
      if (!abbrOk && !this.datePieceAt(v.p(j) === ',' ? j + 1 : j)) return undefined;
      return { wd: ab, j };
    }
    return undefined;
  }

  /** A number, an ordinal, a month or a clock time at k: what may follow a weekday in a written date. */
  private datePieceAt(k: number): boolean {
    const t = this.v.tok(k);
    if (!t) return false;
    return t.kind === 'number' || t.kind === 'ordinal' || t.kind === 'time' || MONTHS[this.v.w(k)] !== undefined;
  }

  private partOfDayAfter(j: number): { p: PartOfDay; j: number } | undefined {
    const s = this.v.w(j);
    if (s && s !== 'tonight' && s !== 'overnight' && PARTS_OF_DAY[s]) return { p: PARTS_OF_DAY[s]!, j: j + 1 };
    return undefined;
  }

  // ---- dates --------------------------------------------------------------------------

  /** The date that starts at token k, if any. */
  dateAt(k: number): DateHit | undefined {
    const v = this.v;
    const t = v.tok(k);
    if (!t || v.masked[k]) return undefined;
    if (t.kind === 'number') return this.numericDate(k) ?? this.withDirection(this.compactDate(k) ?? this.dayMonth(k)) ?? this.offsetDate(k);
    if (t.kind === 'ordinal') return this.withDirection(this.dayMonth(k)) ?? this.dayOfRelativeMonth(k);
    if (t.kind !== 'word') return undefined;
    const s = v.w(k);
    if (!s) return undefined;
    return (
      this.relativeDay(k) ??
      this.weekdayDate(k) ??
      this.modifiedDate(k) ??
      this.withDirection(this.monthDate(k) ?? this.compactDate(k)) ??
      this.partOfPeriod(k) ??
      this.withDirection(this.theDate(k) ?? this.dayMonth(k)) ??
      this.nthWeekday(k) ??
      this.offsetDate(k)
    );
  }

  /** "02/22/2016", "21-04-2016", "2015/08/12", "2025-05-16", "13.5.2015", "21/04/16", "20161016": one number token. */
  private numericDate(k: number, weekday?: number): DateHit | undefined {
    const v = this.v;
    const text = v.tok(k)?.text ?? '';
    let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[3]);
      const d = Number(m[4]);
      return validDay(y, mo, d) ? { date: { year: y, month: mo, day: d }, i: k, j: k + 1 } : undefined;
    }
    m = /^(\d{1,2})([-/.])(\d{1,2})(?:\2|,)(\d{4}|\d{2})$/.exec(text);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const yText = m[4]!;
      const y = yText.length === 4 ? Number(yText) : undefined;
      const yy = yText.length === 2 ? Number(yText) : undefined;
      // Day and month: the one above 12 is the day; dotted dates are day first.
      let order: 'dm' | 'md' | undefined;
      if (a > 12 && b <= 12) order = 'dm';
      else if (b > 12 && a <= 12) order = 'md';
      else if (a === b) order = 'dm';
      else if (m[2] === '.') order = 'dm';
      else if (weekday !== undefined && y !== undefined) {
        const dm = validDay(y, b, a) && weekdayOfDate(y, b, a) === weekday;
        const md = validDay(y, a, b) && weekdayOfDate(y, a, b) === weekday;
        if (dm !== md) order = dm ? 'dm' : 'md';
      }
      if (!order) return undefined;
      const day = order === 'dm' ? a : b;
      const month = order === 'dm' ? b : a;
      if (!validDay(y, month, day)) return undefined;
      const date: DateValue = { month, day };
      if (y !== undefined) date.year = y;
      else {
        date.yy = yy;
        date.relative = 'offset';
      }
      return { date, i: k, j: k + 1 };
    }
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (y >= 1900 && y <= 2100 && validDay(y, mo, d)) return { date: { year: y, month: mo, day: d }, i: k, j: k + 1 };
    }
    return undefined;
  }

  /**
   * A date written as one glued run with a month name: "Sep-23-2020", "05-Aug-2016", "2019/aug/01",
   * "23/Sep/2020", "2020/23/Sep", "September-2020-23", "Dec31", "jun-15". Its parts are a month, a
   * day (1-31) and optionally a four-digit year, in any order.
   */
  private compactDate(k: number): DateHit | undefined {
    const v = this.v;
    if (!v.tok(k)) return undefined;
    const end = v.runEnd(k);
    if (end - k > 7) return undefined;
    let j = end;
    while (j > k + 1 && /^[.,;:!?)"']$/.test(v.p(j - 1))) j--;
    const text = v.input.slice(v.t[k]!.start, v.t[j - 1]!.end);
    if (!/[a-z]/i.test(text) || !/\d/.test(text)) return undefined;
    const parts = text.split(/[-/.]|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/i).filter((p) => p !== '');
    if (parts.length < 2 || parts.length > 4) return undefined;
    let month: number | undefined;
    let weekday: number | undefined;
    const nums: string[] = [];
    for (const p of parts) {
      const lp = p.toLowerCase();
      if (/^\d+$/.test(p)) nums.push(p);
      else if (MONTHS[lp] !== undefined && month === undefined) month = MONTHS[lp];
      else if ((WEEKDAYS[lp] ?? WEEKDAY_ABBR[lp]) !== undefined && weekday === undefined && nums.length === 0 && month === undefined) weekday = WEEKDAYS[lp] ?? WEEKDAY_ABBR[lp];
      else return undefined;
    }
    if (month === undefined || nums.length === 0 || nums.length > 2) return undefined;
    const years = nums.filter((n) => n.length === 4);
    const days = nums.filter((n) => n.length <= 2);
    if (years.length > 1 || days.length !== 1) return undefined;
    const d = Number(days[0]);
    const y = years.length ? Number(years[0]) : undefined;
    if (!validDay(y, month, d)) return undefined;
    const date: DateValue = { month, day: d };
    if (weekday !== undefined) date.weekday = weekday;
    if (y !== undefined) date.year = y;
    else {
      // "Dec31, 1994"
      const ya = this.yearAfter(j);
      if (ya?.y !== undefined && validDay(ya.y, month, d)) return { date: { ...date, year: ya.y }, i: k, j: ya.j };
    }
    return { date, i: k, j };
  }

  /**
   * Day, then month: "16 May 2025", "16th of May", "the fourth of July, 1995", "16-17 May",
   * "twenty second of June 2017", "twenty five January nineteen eighty six".
   */
  private dayMonth(k: number): DateHit | undefined {
    const v = this.v;
    let range: [number, number] | undefined;
    let d: { d: number; j: number } | undefined;
    const t = v.tok(k);
    if (!t) return undefined;
    const rm = t.kind === 'number' ? /^(\d{1,2})[-–](\d{1,2})$/.exec(t.text) : null;
    if (rm) {
      const a = Number(rm[1]);
      const b = Number(rm[2]);
      if (a >= 1 && b > a && b <= 31) {
        range = [a, b];
        d = { d: a, j: k + 1 };
      }
    } else d = this.dayAt(k, true);
    if (!d) return undefined;
    let j = d.j;
    const cardinalWord = t.kind === 'word' && ORDINAL_WORDS[v.w(k)] === undefined && !/-?(first|second|third|th)$/.test(v.input.slice(t.start, v.t[j - 1]!.end));
    if (!range && (v.p(j) === '-' || v.w(j) === 'to' || v.w(j) === 'and') && t.kind !== 'word') {
      const d2 = this.dayNumAt(j + 1);
      if (d2 && d2.d > d.d && this.monthAt(d2.j, true)) {
        range = [d.d, d2.d];
        j = d2.j;
      }
    }
    // "16. Nov. 2016": the dot of an ordinal day, as much of Europe writes it
    if (v.p(j) === '.' && v.glued(j) && t.kind === 'number' && !range && this.monthAt(j + 1, true)) j++;
    const hasOf = v.w(j) === 'of';
    if (hasOf) j++;
    // Lower-case months after digits or "of"; written days as words need a capital month or "of".
    const mo = this.monthAt(j, t.kind !== 'word' || hasOf);
    if (!mo) return undefined;
    // "one May morning", "two March rallies": a cardinal word before a month is a day only with a year after
    const date: DateValue = { month: mo.m };
    if (range) date.dayRange = range;
    else date.day = d.d;
    const y = this.yearAfter(mo.j);
    if (cardinalWord && !y) return undefined;
    if (y?.y !== undefined) {
      date.year = y.y;
      if (!range && !validDay(y.y, mo.m, d.d)) return undefined;
    } else if (y?.yy !== undefined) {
      date.yy = y.yy;
      date.relative = 'offset';
    }
    if (!range && !validDay(date.year, mo.m, d.d)) return undefined;
    return { date, i: k, j: y ? y.j : mo.j, range };
  }

  /** A day and month without a year point back or forward as their verb does ("met on December 28" in a January story). */
  private withDirection(hit: DateHit | undefined): DateHit | undefined {
    if (!hit) return hit;
    const d = hit.date;
    if (d.month !== undefined && (d.day !== undefined || d.dayRange) && d.year === undefined && d.yy === undefined && !d.relative) {
      const dir = dateDirection(this.v.t, hit.i, hit.j);
      if (dir) d.direction = dir;
    }
    return hit;
  }

  /**
   * Month, then day and year: "May 16", "May 16th, 2025", "Dec. 31, 1994", "January first 2000",
   * "September the twenty-first nineteen seventy eight", "March 2022", "in May".
   */
  private monthDate(k: number): DateHit | undefined {
    const v = this.v;
    if (!v.tok(k)) return undefined;
    // A lower-case month is a month when a day or year follows it ("july 4th of 1995") or a date word comes before.
    const lowerOk = v.tok(k)!.cap || this.dateContextBefore(k);
    const mo = this.monthAt(k, true);
    if (!mo) return undefined;
    if (!lowerOk) {
      const nx = v.tok(mo.j);
      if (!nx || !(nx.kind === 'number' || nx.kind === 'ordinal' || (v.w(mo.j) === 'the' && this.dayWordAt(mo.j + 1, true)) || this.dayWordAt(mo.j, false))) return undefined;
    }
    let j = mo.j;
    if (v.w(j) === 'the' && this.dayWordAt(j + 1, true)) j++;
    // "July 27-28"
    const rt = v.num(j);
    const rm = rt ? /^(\d{1,2})[-–](\d{1,2})$/.exec(rt.text) : null;
    if (rm && Number(rm[1]) >= 1 && Number(rm[2]) > Number(rm[1]) && Number(rm[2]) <= 31) {
      const range: [number, number] = [Number(rm[1]), Number(rm[2])];
      const y = this.yearAfter(j + 1);
      const date: DateValue = { month: mo.m, dayRange: range };
      if (y?.y !== undefined) date.year = y.y;
      return { date, i: k, j: y?.y !== undefined ? y.j : j + 1, range };
    }
    const dn = this.dayNumAt(j);
    const dw = dn ? undefined : this.dayWordAt(j, true);
    const d = dn ?? dw;
    if (d) {
      const y = this.yearAfter(d.j);
      // "May 16 people" and "in May two people": a day only when no unit follows; in words, only
      // as an ordinal or with a year after it.
      const ordinalWord = dw && ORDINAL_WORDS[v.w(d.j - 1)] !== undefined;
      if (y || (dn && this.notFollowedByUnit(d.j)) || ordinalWord) {
        const date: DateValue = { month: mo.m, day: d.d };
        if (y?.y !== undefined) date.year = y.y;
        else if (y?.yy !== undefined) {
          date.yy = y.yy;
          date.relative = 'offset';
        }
        if (!validDay(date.year, mo.m, d.d)) return undefined;
        return { date, i: k, j: y ? y.j : d.j };
      }
    }
    const y = this.yearNumAt(j);
    if (y) return { date: { year: y.y, month: mo.m }, i: k, j: y.j };
    const prev = v.w(k - 1);
    const nx = v.tok(j);
    if (DATE_PREPS.has(prev) && (v.w(k) !== 'may' || prev !== 'and') && !(nx && nx.kind === 'word' && nx.cap && nx.pos === 'PROPN')) {
      return { date: { month: mo.m }, i: k, j };
    }
    return undefined;
  }

  /** A preposition or weekday before k that makes a lower-case month a month ("on jan 5"). */
  private dateContextBefore(k: number): boolean {
    const prev = this.v.w(k - 1);
    return prev === 'on' || prev === 'of' || prev === 'since' || prev === 'until' || prev === 'by' || this.weekdayAt(k - 1) !== undefined || this.weekdayAt(k - 2) !== undefined;
  }

  /** "today", "tomorrow", "yesterday", "tonight", "last night", "this morning", "the day after tomorrow". */
  private relativeDay(k: number): DateHit | undefined {
    const v = this.v;
    const s = v.w(k);
    const rel = s === 'tmrw' || s === 'tmr' ? 'tomorrow' : s;
    if (rel === 'yesterday' || rel === 'today' || rel === 'tomorrow' || rel === 'tonight') {
      const date: DateValue = { relative: rel === 'tonight' ? 'today' : rel };
      let j = k + 1;
      if (rel === 'tonight') date.partOfDay = 'night';
      else {
        const pod = this.partOfDayAfter(j);
        if (pod) {
          date.partOfDay = pod.p;
          j = pod.j;
        }
      }
      return { date, i: k, j };
    }
    if (s === 'last' && v.w(k + 1) === 'night') return { date: { relative: 'yesterday', partOfDay: 'night' }, i: k, j: k + 2 };
    if (s === 'this' && this.partOfDayAfter(k + 1)) {
      const pod = this.partOfDayAfter(k + 1)!;
      return { date: { relative: 'today', partOfDay: pod.p }, i: k, j: pod.j };
    }
    // "the day before yesterday", "the day after tomorrow"
    if (s === 'the' && v.w(k + 1) === 'day' && (v.w(k + 2) === 'after' || v.w(k + 2) === 'before')) {
      const base = this.relativeDayShift(k + 3);
      if (base) {
        const day = base.day + (v.w(k + 2) === 'after' ? 1 : -1);
        return { date: shiftDate({ day }), i: k, j: base.j };
      }
    }
    return undefined;
  }

  /** "today", "tomorrow", "yesterday", "now" as a number of days from the reference date. */
  private relativeDayShift(k: number): { day: number; j: number } | undefined {
    const s = this.v.w(k);
    if (s === 'today' || s === 'now') return { day: 0, j: k + 1 };
    if (s === 'tomorrow' || s === 'tmrw' || s === 'tmr') return { day: 1, j: k + 1 };
    if (s === 'yesterday') return { day: -1, j: k + 1 };
    return undefined;
  }

  /**
   * A weekday and what follows it: "Friday", "Friday evening", "Friday, 16 May 2025", "Thursday the
   * 21st", "Monday 21", "Friday 2018-7-6", "Friday next week", "Tuesday of last week".
   */
  private weekdayDate(k: number, modifier?: DateValue, from = k): DateHit | undefined {
    const v = this.v;
    const w = this.weekdayAt(k);
    if (!w) return undefined;
    let j = w.j;
    const after = v.p(j) === ',' || v.p(j) === '-' || v.p(j) === '(' ? j + 1 : j;
    const num = v.num(after);
    if (num) {
      const nd = this.numericDate(after, w.wd);
      if (nd) return { ...nd, date: { ...nd.date, weekday: w.wd }, i: from, j: this.closeParen(nd.j) };
    }
    const full = this.dayMonth(after) ?? this.monthDate(after) ?? this.compactDate(after);
    if (full && full.date.month !== undefined && (full.date.day !== undefined || full.date.dayRange)) {
      const date = { ...full.date, weekday: w.wd };
      const pod = this.partOfDayAfter(full.j);
      if (pod) date.partOfDay = pod.p;
      return { date, i: from, j: this.closeParen(pod ? pod.j : full.j), range: full.range };
    }
    // "Thursday the 21st", "Friday the twenty second", "Monday 21": a day of a month near the reference date
    let dk = j;
    if (v.w(dk) === 'the') dk++;
    let day = this.dayNumAt(dk) ?? (dk > j ? this.dayWordAt(dk, true) : undefined);
    // "Friday the fifteenth", but not "on Friday the two sides met" or "on Sunday the first convoy
    // left": a day in words only at the end of a clause
    if (day && dk > j && !this.dayNumAt(dk)) {
      const after = v.tok(day.j);
      if (after && !(after.kind === 'punct' || after.kind === 'symbol')) day = undefined;
    }
    // "Monday 21": digits right after the weekday, not a count ("Monday 21 people")
    if (day && dk === j && v.tok(day.j) && !(v.tok(day.j)!.kind === 'punct' || v.tok(day.j)!.kind === 'symbol')) day = undefined;
    if (day && (dk > j || this.notFollowedByUnit(day.j)) && !modifier) {
      return { date: { weekday: w.wd, day: day.d, relative: 'offset' }, i: from, j: day.j };
    }
    const date: DateValue = { ...modifier, weekday: w.wd };
    const pod = this.partOfDayAfter(j);
    if (pod) {
      date.partOfDay = pod.p;
      j = pod.j;
    }
    // "Friday next week", "Tuesday of last week", "monday of the following week"
    const wk = this.weekAfter(j);
    if (wk) {
      date.week = wk.week;
      date.relative = 'offset';
      delete date.direction;
      delete date.anchor;
      return { date, i: from, j: wk.j };
    }
    if (date.week === undefined && date.direction === undefined && date.anchor === undefined) {
      if (dateDirection(v.t, from, j) === 'future') date.direction = 'future';
    }
    return { date, i: from, j };
  }

  private closeParen(j: number): number {
    return this.v.p(j) === ')' ? j + 1 : j;
  }

  /** "next week", "of last week", "of the following week", "of this week" → weeks from the reference week. */
  private weekAfter(j: number): { week: number; j: number } | undefined {
    const v = this.v;
    let k = j;
    if (v.w(k) === 'of' || v.w(k) === 'on') k++;
    const m = WEEK_MODIFIERS[v.w(k)];
    if (m !== undefined && v.w(k + 1) === 'week') return { week: m, j: k + 2 };
    return undefined;
  }

  /**
   * A modifier, then a weekday or a week: "this Friday", "next Sunday", "last Sunday", "previous
   * Monday", "this past Wednesday", "coming Thursday", "this upcoming Friday", "following Friday",
   * "next week Sunday", "next week on Tuesday", "this week Friday", "last week", "next week".
   */
  private modifiedDate(k: number): DateHit | undefined {
    const v = this.v;
    const s = v.w(k);
    let j = k + 1;
    let mod = s;
    if (s === 'this' || s === 'the') {
      const nx = v.w(j);
      if (nx === 'past' || nx === 'coming' || nx === 'upcoming' || nx === 'previous') {
        mod = nx;
        j++;
      } else if (s === 'the') return undefined;
    }
    if (!(mod in WEEK_MODIFIERS) && mod !== 'past' && mod !== 'coming' && mod !== 'upcoming') return undefined;
    // "next week Sunday", "next week on Tuesday", "previous week - Monday"
    if (v.w(j) === 'week') {
      const week = WEEK_MODIFIERS[mod];
      if (week === undefined) return undefined;
      let dk = j + 1;
      if (v.w(dk) === 'on' || v.p(dk) === '-' || v.p(dk) === ',') dk++;
      const wd = this.weekdayAt(dk, true);
      if (wd) {
        const date: DateValue = { weekday: wd.wd, week, relative: 'offset' };
        const pod = this.partOfDayAfter(wd.j);
        if (pod) date.partOfDay = pod.p;
        return { date, i: k, j: pod ? pod.j : wd.j };
      }
      if (week === -1) return { date: { relative: 'lastWeek' }, i: k, j: j + 1 };
      if (week === 1) return { date: { relative: 'nextWeek' }, i: k, j: j + 1 };
      return undefined;
    }
    if (!this.weekdayAt(j)) return undefined;
    let modifier: DateValue;
    if (mod === 'past') modifier = { direction: 'past', anchor: { relative: 'yesterday' } };
    else if (mod === 'coming' || mod === 'upcoming') modifier = { direction: 'future', anchor: { relative: 'tomorrow' } };
    else if (mod === 'this') {
      // "this Friday": by the tense of its verb, else the Friday of this week
      const dir = dateDirection(v.t, k, j + 1);
      modifier = dir ? { direction: dir } : { week: 0, relative: 'offset' };
    } else modifier = { week: WEEK_MODIFIERS[mod]!, relative: 'offset' };
    return this.weekdayDate(j, modifier, k);
  }

  /** "first Sunday", "the first Friday of next month", "the third Wednesday of previous month", "the first friday in this month". */
  private nthWeekday(k: number): DateHit | undefined {
    const v = this.v;
    let i = k;
    if (v.w(i) === 'the') i++;
    const nth = ORDINAL_WORDS[v.w(i)];
    if (nth === undefined || nth < 1 || nth > 5) return undefined;
    const wd = this.weekdayAt(i + 1);
    if (!wd) return undefined;
    const ms = this.monthAfter(wd.j);
    if (!ms && i === k) {
      // "first Sunday" alone: of this month
      return { date: { weekday: wd.wd, nth, monthShift: 0, relative: 'offset' }, i: k, j: wd.j };
    }
    if (!ms) return undefined;
    if (ms.month !== undefined) return { date: { weekday: wd.wd, nth, month: ms.month, relative: 'offset' }, i: k, j: ms.j };
    return { date: { weekday: wd.wd, nth, monthShift: ms.shift, relative: 'offset' }, i: k, j: ms.j };
  }

  /** "of next month", "in this month", "of previous month", "of May" → months from the reference month, or a month. */
  private monthAfter(j: number): { shift?: number; month?: number; j: number } | undefined {
    const v = this.v;
    const w = v.w(j);
    if (w !== 'of' && w !== 'in') return undefined;
    const m = WEEK_MODIFIERS[v.w(j + 1)];
    if (m !== undefined && v.w(j + 2) === 'month') return { shift: m, j: j + 3 };
    const mo = this.monthAt(j + 1, true);
    if (mo) return { month: mo.m, j: mo.j };
    return undefined;
  }

  /** "the 20th of next month", "20th of next month", "the 15th day of next month". */
  private dayOfRelativeMonth(k: number): DateHit | undefined {
    const v = this.v;
    const d = this.dayAt(k, false);
    if (!d) return undefined;
    let j = d.j;
    if (v.w(j) === 'day') j++;
    const ms = this.monthAfter(j);
    if (!ms || ms.shift === undefined) return undefined;
    return { date: { day: d.d, monthShift: ms.shift, relative: 'offset' }, i: k, j: ms.j };
  }

  /** Dates starting with "the": "the 16th of May", "the 20th of next month", "the first Friday of next month". */
  private theDate(k: number): DateHit | undefined {
    if (this.v.w(k) !== 'the') return undefined;
    const inner = this.dayMonth(k + 1) ?? this.dayOfRelativeMonth(k + 1);
    return inner ? { ...inner, i: k } : undefined;
  }

  /** early/mid/late May, mid-2022, the end of March, "mid-May" as one word, "pre-2014". */
  private partOfPeriod(k: number): DateHit | undefined {
    const v = this.v;
    const t = v.tok(k)!;
    const s = v.w(k);
    // one token: "mid-May", "mid-2022", "early-2020", "pre-2014"
    const one = /^(mid|early|late|pre|post)-([a-z]+|\d{4})$/.exec(s);
    if (one) {
      const part = one[1]!;
      const rest = one[2]!;
      if (/^\d{4}$/.test(rest)) {
        const y = Number(rest);
        if (!(y >= 1800 && y <= 2100)) return undefined;
        if (part === 'pre' || part === 'post') return { date: { year: y }, i: k, j: k + 1, yearPart: [y, y] };
        return { date: { year: y }, i: k, j: k + 1, yearPart: yearPart(part, y) };
      }
      const m = MONTHS[rest];
      if (m === undefined || part === 'pre' || part === 'post') return undefined;
      const range = monthPart(part);
      const y = this.yearAfter(k + 1);
      const date: DateValue = { month: m, dayRange: range };
      if (y?.y !== undefined) date.year = y.y;
      return { date, i: k, j: y?.y !== undefined ? y.j : k + 1, range };
    }
    if (!(s === 'early' || s === 'mid' || s === 'late' || s === 'end' || s === 'beginning' || s === 'start')) return undefined;
    let j = k + 1;
    if ((v.isDash(j) && v.glued(j)) || ((s === 'end' || s === 'beginning' || s === 'start') && v.w(j) === 'of')) j++;
    else if (s === 'end' || s === 'beginning' || s === 'start') return undefined;
    const range = monthPart(s);
    const mo = this.monthAt(j, true);
    if (mo) {
      const y = this.yearAfter(mo.j);
      const date: DateValue = { month: mo.m, dayRange: range };
      if (y?.y !== undefined) date.year = y.y;
      return { date, i: k, j: y?.y !== undefined ? y.j : mo.j, range };
    }
    const y = this.yearNumAt(j);
    if (y && y.y >= 1800 && y.y <= 2100 && t) return { date: { year: y.y }, i: k, j: y.j, yearPart: yearPart(s, y.y) };
    // "the early 1990s": the first, middle or last years of a decade
    const dec = v.tok(j);
    const dm = dec && dec.kind === 'decade' && j === k + 1 ? /^(\d{3}0)s$/.exec(dec.text) : null;
    if (dm && (s === 'early' || s === 'mid' || s === 'late')) {
      const d0 = Number(dm[1]);
      const part: [number, number] = s === 'early' ? [d0, d0 + 3] : s === 'mid' ? [d0 + 3, d0 + 6] : [d0 + 6, d0 + 9];
      return { date: { year: d0 }, i: k, j: j + 1, yearPart: part, decade: true };
    }
    return undefined;
  }

  // ---- counted dates ------------------------------------------------------------------------

  /**
   * An amount of calendar units at k: "two weeks", "a month", "1 month 21 days", "2 years, 1
   * month and 21 days", "a fortnight", "few months", "a few days".
   */
  private amountAt(k: number): { shift: NonNullable<DateValue['shift']>; j: number } | undefined {
    const v = this.v;
    const shift: NonNullable<DateValue['shift']> = {};
    let j = k;
    let any = false;
    for (let guard = 0; guard < 4; guard++) {
      let n: number | undefined;
      let nj = j;
      const w = v.w(j);
      if ((w === 'a' || w === 'an' || w === 'one') && CALENDAR_UNITS[v.w(j + 1)] !== undefined) {
        n = 1;
        nj = j + 1;
      } else if ((w === 'few' || (w === 'a' && v.w(j + 1) === 'few')) && CALENDAR_UNITS[v.w(w === 'a' ? j + 2 : j + 1)] !== undefined) {
        // "a few": three, as people count them
        n = 3;
        nj = w === 'a' ? j + 2 : j + 1;
      } else {
        const num = this.nr.at(j);
        if (num && !num.plural && !num.article && !num.fraction && num.value > 0 && Number.isFinite(num.value) && num.value < 10000) {
          n = num.value;
          nj = num.j;
        }
      }
      if (n === undefined) break;
      const uw = v.w(nj);
      const unit = CALENDAR_UNITS[uw];
      if (unit === undefined) break;
      if (!Number.isInteger(n)) return undefined;
      const total = n * (CALENDAR_MULTIPLE[uw] ?? 1);
      if (shift[unit] !== undefined) return undefined;
      shift[unit] = total;
      any = true;
      j = nj + 1;
      // "1 month and 21 days", "2 years, 1 month"
      const sep = v.w(j) === 'and' || v.p(j) === ',' ? j + 1 : j;
      if (sep !== j) {
        const more = this.nr.at(sep);
        if (!(more || v.w(sep) === 'a' || v.w(sep) === 'an') || CALENDAR_UNITS[v.w(more ? more.j : sep + 1)] === undefined) break;
        j = sep;
      }
    }
    return any ? { shift, j } : undefined;
  }

  /**
   * Dates counted from another: "two days ago", "3 weeks from tomorrow", "two days after today", "2
   * weeks from January 15", "two months after next Friday", "in two weeks" (when the verb points
   * forward: "the war ended in two weeks" is a duration), "Monday two weeks from now".
   */
  private offsetDate(k: number): DateHit | undefined {
    const v = this.v;
    const s = v.w(k);
    if (s === 'in' || s === 'within') {
      if (s === 'within') return undefined;
      const a = this.amountAt(k + 1);
      if (!a) return undefined;
      let j = a.j;
      if (v.w(j) === "'s" || v.w(j) === 's') j++;
      if (v.w(j) === 'time') j++;
      if (dateDirection(v.t, k, j) !== 'future') return undefined;
      return { date: shiftDate(a.shift), i: k, j };
    }
    const a = this.amountAt(k);
    if (!a) return undefined;
    const j = a.j;
    const w = v.w(j);
    if (w === 'ago') {
      const neg = negate(a.shift);
      const only = Object.keys(a.shift);
      if (only.length === 1 && a.shift.day !== undefined) return { date: { relative: 'daysAgo', amount: a.shift.day }, i: k, j: j + 1 };
      return { date: shiftDate(neg), i: k, j: j + 1 };
    }
    if (w === 'from' || w === 'after' || w === 'before') {
      const sign = w === 'before' ? -1 : 1;
      const shift = sign === 1 ? a.shift : negate(a.shift);
      const rd = this.relativeDayShift(j + 1);
      if (rd) return { date: shiftDate(addDays(shift, rd.day)), i: k, j: rd.j };
      // from another date: "2 weeks from January 15", "two months after next Friday", "3 days from Tuesday"
      const anchor = this.dateAt(j + 1);
      if (anchor && !anchor.yearPart && (anchor.date.day !== undefined || anchor.date.weekday !== undefined || anchor.date.relative)) {
        const date: DateValue = { relative: 'offset', shift, anchor: anchor.date };
        if (anchor.date.weekday !== undefined && anchor.date.day === undefined && anchor.date.week === undefined && !anchor.date.direction && w === 'from') {
          anchor.date.direction = 'future';
        }
        if (anchor.date.month !== undefined && anchor.date.year === undefined && !anchor.date.direction) {
          const dir = dateDirection(v.t, k, anchor.j);
          if (dir) anchor.date.direction = dir;
        }
        return { date, i: k, j: anchor.j };
      }
    }
    return undefined;
  }

  // ---- times ----------------------------------------------------------------------------

  /** A clock time at k: "17:41", "7:56:30 pm", "5pm", "9.30am", "1140 a.m.", "noon", "ten past nine", "seven in the evening". */
  timeAt(k: number): TimeHit | undefined {
    const v = this.v;
    const t = v.tok(k);
    if (!t || v.masked[k]) return undefined;
    const s = v.w(k);
    if (s === 'noon' || s === 'midday' || s === 'noonish') return { value: 12 * 3600, i: k, j: k + 1 };
    if (s === 'midnight') return { value: 0, i: k, j: k + 1 };
    if (s === 'mid' && v.w(k + 1) === 'night') return { value: 0, i: k, j: k + 2 };
    // "in the morning at 7", "early morning at 8:00"
    const podFirst = this.partOfDayPhrase(k);
    if (podFirst && v.w(podFirst.j) === 'at') {
      const c = this.clockAt(podFirst.j + 1, true);
      if (c && !c.ampm) return { value: adjustByPart(c.h, c.m, c.s, podFirst.p), i: k, j: c.j };
    }
    // "ten past nine", "quarter to five", "20 min past eight"
    const past = this.pastOrTo(k);
    if (past) return past;
    const c = this.clockAt(k, false);
    if (!c) return undefined;
    return { value: c.h * 3600 + c.m * 60 + c.s, i: k, j: c.j };
  }

  /** "in the morning", "in the evening", "early morning", "this afternoon" → part of the day. */
  private partOfDayPhrase(k: number): { p: PartOfDay; j: number } | undefined {
    const v = this.v;
    let j = k;
    if (v.w(j) === 'in' && v.w(j + 1) === 'the') j += 2;
    else if (v.w(j) === 'early' || v.w(j) === 'late') j += 1;
    else if (v.w(j) === 'at' && v.w(j + 1) === 'night') return { p: 'night', j: j + 2 };
    const p = PARTS_OF_DAY[v.w(j)];
    if (!p || j === k) return undefined;
    return { p, j: j + 1 };
  }

  /** "ten past nine", "20 min past eight in the evening", "quarter to five", "half past two". */
  private pastOrTo(k: number): TimeHit | undefined {
    const v = this.v;
    let minutes: number | undefined;
    let j = k;
    const s = v.w(k);
    if (s === 'quarter' || (s === 'a' && v.w(k + 1) === 'quarter')) {
      minutes = 15;
      j = s === 'a' ? k + 2 : k + 1;
    } else if (s === 'half') {
      minutes = 30;
      j = k + 1;
    } else {
      const n = this.nr.at(k);
      if (!n || n.plural || n.article || n.fraction || !Number.isInteger(n.value) || n.value < 1 || n.value > 59) return undefined;
      minutes = n.value;
      j = n.j;
      if (/^(min|mins|minute|minutes)$/.test(v.w(j))) j++;
    }
    const rel = v.w(j);
    if (rel !== 'past' && rel !== 'to' && rel !== 'after') return undefined;
    if (rel === 'to' && s !== 'quarter' && s !== 'a' && minutes > 30) return undefined;
    const h = this.hourAt(j + 1);
    if (!h) return undefined;
    let hour = h.h;
    let m = minutes;
    if (rel === 'to') {
      hour = (hour + 23) % 24;
      m = 60 - minutes;
    }
    let end = h.j;
    const ap = this.ampmAt(end);
    if (ap) {
      hour = to24(hour, ap.ampm);
      end = ap.j;
    } else {
      const pod = this.partOfDayPhrase(end);
      if (pod) {
        hour = adjustHour(hour, pod.p);
        end = pod.j;
      } else if (v.num(k) || v.num(j + 1) || h.h > 12 || (rel === 'to' && s !== 'quarter' && s !== 'a' && s !== 'half')) {
        // "10 to 20" and "five to six" are ranges: a bare time is "ten past nine", "quarter to five"
        return undefined;
      }
    }
    return { value: hour * 3600 + m * 60, i: k, j: end };
  }

  /** An hour from 1 to 12 (or 0-23 in digits) at k, in digits or words. */
  private hourAt(k: number): { h: number; j: number } | undefined {
    const v = this.v;
    const t = v.num(k);
    if (t) {
      if (!/^\d{1,2}$/.test(t.text)) return undefined;
      const h = Number(t.text);
      return h <= 23 ? { h, j: k + 1 } : undefined;
    }
    const u = UNITS[v.w(k)];
    if (u !== undefined && u >= 1 && u <= 12) return { h: u, j: k + 1 };
    return undefined;
  }

  /** Whether the hour whose am/pm is at j follows "at" ("at 7p", "at 9:00a"). */
  private afterAt(j: number): boolean {
    const v = this.v;
    let k = j - 1;
    while (k > 0 && !v.t[k]!.sp) k--;
    return v.w(k - 1) === 'at';
  }

  /** "am", "pm", "a.m.", "p.m.", "a", "p" (glued), "p . m ." → am or pm, and the token after. */
  private ampmAt(j: number): { ampm: 'am' | 'pm'; j: number } | undefined {
    const v = this.v;
    const t = v.tok(j);
    if (!t || v.masked[j] || t.kind !== 'word') return undefined;
    const s = t.norm;
    const m = AMPM.exec(s);
    if (m) {
      const letter = (m[1] ?? m[2])!;
      // a lone "a" or "p" is am/pm only glued to the digits of an hour after "at" ("at 9:00a", "at 7p"): "3p" is also pence
      if (m[2] && (!v.glued(j) || !this.afterAt(j))) return undefined;
      let end = j + 1;
      // "p.m" then its last dot apart; after "pm" a dot is the full stop
      if (v.p(end) === '.' && v.glued(end) && /^[ap]\.m$/.test(s)) end++;
      return { ampm: letter === 'a' ? 'am' : 'pm', j: end };
    }
    // "p . m ." and "p.m" split by the tokenizer
    if ((s === 'p' || s === 'a') && v.p(j + 1) === '.' && v.w(j + 2) === 'm') {
      let end = j + 3;
      if (v.p(end) === '.') end++;
      return { ampm: s === 'a' ? 'am' : 'pm', j: end };
    }
    return undefined;
  }

  /**
   * Digits that are a clock time: "17:41", "7:56:30", "9:00a", "5pm" (one token), "8.10 pm",
   * "10.30am", "1140 a.m.", "9.am", "9 o'clock", "12 noon", "11ish", "one in the morning". A bare
   * number needs am/pm, "o'clock" or a part of the day; `bare` allows "at 7" after a part of day.
   */
  private clockAt(k: number, bare: boolean): { h: number; m: number; s: number; j: number; ampm?: boolean } | undefined {
    const v = this.v;
    const t = v.tok(k)!;
    let h: number | undefined;
    let m = 0;
    let sec = 0;
    let j = k + 1;
    let hasMinutes = false;
    let ampm: 'am' | 'pm' | undefined;
    if (t.kind === 'time') {
      // "5pm", "10:30pm", "0am" (from "10.30am")
      const tm = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?m\.?$/i.exec(t.text);
      if (!tm) return undefined;
      h = Number(tm[1]);
      if (tm[2]) {
        m = Number(tm[2]);
        hasMinutes = true;
      }
      if (tm[3]) sec = Number(tm[3]);
      ampm = tm[4]!.toLowerCase() === 'a' ? 'am' : 'pm';
    } else if (t.kind === 'number') {
      const tm = /^(\d{1,2})(?::(\d{2}))(?::(\d{2}))?$/.exec(t.text);
      const dotted = /^(\d{1,2})\.(\d{1,2})$/.exec(t.text);
      const hhmm = /^(\d{1,2})(\d{2})$/.exec(t.text);
      if (tm) {
        h = Number(tm[1]);
        m = Number(tm[2]);
        if (tm[3]) sec = Number(tm[3]);
        hasMinutes = true;
      } else if (dotted) {
        // "8.10 pm", "10.3" + "0am": minutes written with a dot need am/pm
        h = Number(dotted[1]);
        const nx = v.tok(j);
        if (nx && nx.kind === 'time' && v.glued(j) && /^\d[ap]\.?m\.?$/i.test(nx.text) && dotted[2]!.length === 1) {
          m = Number(dotted[2]! + nx.text[0]);
          ampm = nx.text[1]!.toLowerCase() === 'a' ? 'am' : 'pm';
          j++;
        } else {
          if (dotted[2]!.length !== 2) return undefined;
          m = Number(dotted[2]);
          const ap = this.ampmAt(j);
          if (!ap) return undefined;
          ampm = ap.ampm;
          j = ap.j;
        }
        hasMinutes = true;
      } else if (hhmm && (t.text.length === 4 || t.text.length === 3)) {
        // "1140 a.m.", "0800 GMT": hours and minutes without a separator need am/pm or a time zone
        const ap = this.ampmAt(j);
        const zone = TIME_ZONES.has(v.w(j));
        if (!ap && !(zone && t.text.length === 4)) return undefined;
        h = Number(hhmm[1]);
        m = Number(hhmm[2]);
        hasMinutes = true;
        if (ap) {
          ampm = ap.ampm;
          j = ap.j;
        }
      } else if (/^\d{1,2}$/.test(t.text) && v.p(j) === '.' && v.glued(j) && v.tok(j + 1)?.kind === 'time' && v.glued(j + 1) && /^\d{2}[ap]\.?m\.?$/i.test(v.tok(j + 1)!.text)) {
        // "8.10am" comes as "8", ".", "10am"
        const x = v.tok(j + 1)!.text;
        h = Number(t.text);
        m = Number(x.slice(0, 2));
        ampm = x[2]!.toLowerCase() === 'a' ? 'am' : 'pm';
        hasMinutes = true;
        j += 2;
      } else if (/^\d{1,2}$/.test(t.text)) {
        h = Number(t.text);
        // "9.am"
        if (v.p(j) === '.' && v.glued(j) && v.glued(j + 1) && /^[ap]m$/.test(v.w(j + 1)) && !v.tok(j + 1)!.sp) {
          ampm = v.w(j + 1) === 'am' ? 'am' : 'pm';
          j += 2;
        }
      } else return undefined;
    } else {
      // "seven p.m.", "one in the morning"
      const u = UNITS[v.w(k)];
      if (u === undefined || u < 1 || u > 12) return undefined;
      h = u;
    }
    if (h === undefined) return undefined;
    if (m > 59 || sec > 59) return undefined;
    if (!ampm) {
      const ap = this.ampmAt(j);
      if (ap) {
        ampm = ap.ampm;
        j = ap.j;
      }
    }
    const w = v.w(j);
    if (!ampm && !hasMinutes && (w === "o'clock" || w === 'oclock')) {
      if (h < 1 || h > 12) return undefined;
      return { h, m: 0, s: 0, j: j + 1 };
    }
    if (!ampm && !hasMinutes && w === 'noon' && h === 12) return { h: 12, m: 0, s: 0, j: j + 1 };
    if (!ampm && !hasMinutes && w === 'ish' && v.glued(j) && h >= 1 && h <= 12) return { h, m: 0, s: 0, j: j + 1 };
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      return { h: to24(h, ampm), m, s: sec, j, ampm: true };
    }
    const pod = this.partOfDayPhrase(j);
    if (pod && (pod.p !== 'night' || h >= 6) && h >= 1 && h <= 12 && !hasMinutes) {
      // "seven in the evening", "one in the morning"
      const word = t.kind === 'word' || v.w(j) === 'in';
      if (word) return { h: adjustHour(h, pod.p), m, s: sec, j: pod.j };
    }
    if (hasMinutes && t.kind === 'number') {
      if (h > 24) return undefined;
      const pod2 = this.partOfDayPhrase(j);
      if (pod2) return { h: adjustHour(h, pod2.p), m, s: sec, j: pod2.j };
      return { h, m, s: sec, j };
    }
    if (bare && t.kind === 'number' && h >= 1 && h <= 12) return { h, m, s: sec, j };
    return undefined;
  }
}

const TIME_ZONES = new Set(['gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt', 'msk', 'hrs']);

/**
 * Weeks or months from the reference one, as modifiers say: this 0, next 1, last/previous -1.
 * "following" is not one: it is a preposition ("following Wednesday's quake") or counts from the
 * story's own time ("the following Friday"), not from the day of writing.
 */
const WEEK_MODIFIERS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  this: 0,
  next: 1,
  last: -1,
  previous: -1,
});

function to24(h: number, ampm: 'am' | 'pm'): number {
  if (ampm === 'pm' && h < 12) return h + 12;
  if (ampm === 'am' && h === 12) return 0;
  return h;
}

/** An hour 1-12 read with the part of the day it is in ("seven in the evening" = 19). */
function adjustHour(h: number, p: PartOfDay): number {
  if (p === 'morning') return h === 12 ? 0 : h;
  if (p === 'afternoon' || p === 'evening') return h < 12 ? h + 12 : h;
  // night: 9-11 in the evening, 12-5 after midnight
  return h >= 6 && h < 12 ? h + 12 : h === 12 ? 0 : h;
}

function adjustByPart(h: number, m: number, s: number, p: PartOfDay): number {
  return adjustHour(h, p) * 3600 + m * 60 + s;
}

function monthPart(s: string): [number, number] {
  return s === 'early' || s === 'beginning' || s === 'start' ? [1, 10] : s === 'mid' ? [11, 20] : [21, 31];
}

function yearPart(s: string, y: number): [number, number] {
  const frac: [number, number] = s === 'mid' ? [0.25, 0.75] : s === 'early' || s === 'beginning' || s === 'start' ? [0, 0.34] : [0.66, 0.999];
  return [y + frac[0], y + frac[1]];
}

function negate(shift: NonNullable<DateValue['shift']>): NonNullable<DateValue['shift']> {
  const out: NonNullable<DateValue['shift']> = {};
  for (const [k, n] of Object.entries(shift) as [keyof typeof shift, number][]) out[k] = -n;
  return out;
}

function addDays(shift: NonNullable<DateValue['shift']>, days: number): NonNullable<DateValue['shift']> {
  if (days === 0) return shift;
  return { ...shift, day: (shift.day ?? 0) + days };
}

function shiftDate(shift: NonNullable<DateValue['shift']>): DateValue {
  return { relative: 'offset', shift };
}

function weekdayOfDate(y: number, m: number, d: number): number {
  const e = epochDay(y, m, d);
  return Number.isNaN(e) ? NaN : (((e + 4) % 7) + 7) % 7;
}
