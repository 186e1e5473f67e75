/** Comparing, formatting and resolving parsed quantities. */
import { QUALIFIER_TEXT } from './interval';
import { daysInMonth, epochDay, fromEpochDay, weekdayOf } from './calendar';
import type { DateValue, Quantity } from './types';
import { MONTH_NAMES, WEEKDAY_NAMES } from './words';

const EPS = 1e-9;

interface Iv {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

function iv(q: Quantity): Iv {
  return { low: q.low, high: q.high, lowOpen: !!q.lowOpen, highOpen: !!q.highOpen };
}

/** Whether two intervals share at least one point (open ends respected, tiny float slack). */
export function overlaps(a: Iv, b: Iv): boolean {
  if ([a.low, a.high, b.low, b.high].some((x) => Number.isNaN(x))) return true;
  const tol = EPS * Math.max(1, Math.abs(a.low), Math.abs(a.high), Math.abs(b.low), Math.abs(b.high));
  // a entirely below b?
  if (a.high < b.low - tol) return false;
  if (Math.abs(a.high - b.low) <= tol && (a.highOpen || b.lowOpen)) return false;
  if (b.high < a.low - tol) return false;
  if (Math.abs(b.high - a.low) <= tol && (b.highOpen || a.lowOpen)) return false;
  return true;
}

/** A calendar year (or part of one) as a fractional interval of years. */
function yearSpan(q: Quantity): Iv {
  if (Number.isInteger(q.high)) return { low: q.low, high: q.high + 1, lowOpen: false, highOpen: true };
  return { low: q.low, high: q.high, lowOpen: false, highOpen: false };
}

/**
 * Whether two quantities can be compared at all: same kind (or both calendar), same currency,
 * same unit of measure (a measure never compares with a plain count), and fractions only with
 * fractions.
 */
export function comparable(a: Quantity, b: Quantity): boolean {
  const fam = (q: Quantity): string => (q.kind === 'year' || q.kind === 'date' ? 'cal' : q.kind);
  if (fam(a) !== fam(b)) return false;
  if (a.kind === 'money' && b.kind === 'money' && a.currency && b.currency && a.currency !== b.currency) return false;
  if (a.kind === 'count' && (a.unit ?? '') !== (b.unit ?? '')) return false;
  if (!!a.fraction !== !!b.fraction) return false;
  return true;
}

function datePartsCompatible(a: DateValue, b: DateValue): boolean {
  if (a.relative || b.relative) {
    const ar = a.relative;
    const br = b.relative;
    if (ar && br) {
      if (ar !== br) return false;
      if (a.amount !== undefined && b.amount !== undefined && Math.abs(a.amount - b.amount) > EPS) return false;
    }
    if (ar && br && a.partOfDay && b.partOfDay && a.partOfDay !== b.partOfDay) return false;
    return true;
  }
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  // a date known to the year (or month) only compares to that grain
  if (a.grain === 'year' || b.grain === 'year') return true;
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return false;
  if (a.grain === 'month' || b.grain === 'month') return true;
  const aDays = dayRangeOf(a);
  const bDays = dayRangeOf(b);
  if (a.month !== undefined && b.month !== undefined && aDays && bDays && (aDays[1] < bDays[0] || bDays[1] < aDays[0])) return false;
  const aw = weekdayKnown(a);
  const bw = weekdayKnown(b);
  if (aw !== undefined && bw !== undefined && aw !== bw) return false;
  // same day (or weekday) but a different part of it
  const sameDay =
    (a.day !== undefined && b.day !== undefined) || (aw !== undefined && bw !== undefined && (a.day === undefined || b.day === undefined));
  if (sameDay && a.partOfDay && b.partOfDay && a.partOfDay !== b.partOfDay) return false;
  return true;
}

function dayRangeOf(d: DateValue): [number, number] | undefined {
  if (d.day !== undefined) return [d.day, d.day];
  if (d.dayRange) return d.dayRange;
  return undefined;
}

function weekdayKnown(d: DateValue): number | undefined {
  if (d.weekday !== undefined) return d.weekday;
  if (d.year !== undefined && d.month !== undefined && d.day !== undefined) {
    const w = weekdayOf(d.year, d.month, d.day);
    return Number.isNaN(w) ? undefined : w;
  }
  return undefined;
}

function yearVsDate(y: Quantity, d: Quantity): boolean {
  const dv = d.date;
  if (!dv || dv.year === undefined) return true;
  const span = yearSpan(y);
  let lo = dv.year;
  let hi = dv.year + 1;
  if (dv.month !== undefined) {
    const dim = daysInMonth(dv.year, dv.month);
    const range = dayRangeOf(dv) ?? [1, dim];
    const ylen = 366;
    const startDoy = (epochDay(dv.year, dv.month, 1) - epochDay(dv.year, 1, 1)) + range[0] - 1;
    lo = dv.year + startDoy / ylen;
    hi = dv.year + (startDoy + (Math.min(range[1], dim) - range[0] + 1)) / ylen;
  }
  return overlaps(span, { low: lo, high: hi, lowOpen: false, highOpen: true });
}

/**
 * Same kind (or unit family) and the intervals overlap. Dates compare by their
 * known parts: day and month, weekday against a full date, part of the day.
 */
export function intervalsCompatible(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false;
  if (a.kind === 'year' && b.kind === 'year') return overlaps(yearSpan(a), yearSpan(b));
  if (a.kind === 'year' && b.kind === 'date') return yearVsDate(a, b);
  if (a.kind === 'date' && b.kind === 'year') return yearVsDate(b, a);
  if (a.kind === 'date' && b.kind === 'date') {
    const ad = a.date ?? {};
    const bd = b.date ?? {};
    if (!Number.isNaN(a.low) && !Number.isNaN(b.low) && !Number.isNaN(a.high) && !Number.isNaN(b.high)) {
      if (!overlaps(iv(a), iv(b))) return false;
    }
    return datePartsCompatible(ad, bd);
  }
  return overlaps(iv(a), iv(b));
}

// ---- formatting -------------------------------------------------------------

function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  for (const [scale, word] of [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (abs >= scale) {
      const x = v / scale;
      const r = Math.round(x * 100) / 100;
      if (Math.abs(r - x) < 1e-9) return `${r} ${word}`;
    }
  }
  const rounded = Math.round(v * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

const DURATION_STEPS: [number, string][] = [
  [365.25 * 86400, 'year'],
  [30.44 * 86400, 'month'],
  [7 * 86400, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

function durationUnit(sec: number): [number, string] {
  for (const [size, name] of DURATION_STEPS) {
    const x = sec / size;
    if (x >= 1 && Math.abs(x - Math.round(x)) < 1e-6) return [size, name];
  }
  for (const [size, name] of DURATION_STEPS) {
    const x = sec / size;
    if (x >= 1 && Math.abs(x * 2 - Math.round(x * 2)) < 1e-6) return [size, name];
  }
  for (const [size, name] of DURATION_STEPS) if (sec >= size) return [size, name];
  return [1, 'second'];
}

function fmtDuration(sec: number, unit?: [number, string]): string {
  const [size, name] = unit ?? durationUnit(sec);
  const x = Math.round((sec / size) * 100) / 100;
  return `${fmtNumber(x)} ${name}${x === 1 ? '' : 's'}`;
}

const CURRENCY_SIGN: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

function fmtMoney(v: number, cur?: string): string {
  const sign = cur ? CURRENCY_SIGN[cur] : undefined;
  if (sign) return sign + fmtNumber(v);
  return fmtNumber(v) + (cur ? ' ' + cur : '');
}

function ordinalSuffix(n: number): string {
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 13) return 'th';
  const m10 = n % 10;
  return m10 === 1 ? 'st' : m10 === 2 ? 'nd' : m10 === 3 ? 'rd' : 'th';
}

function fmtDate(d: DateValue): string {
  const parts: string[] = [];
  if (d.relative) {
    const rel: Record<string, string> = {
      yesterday: 'yesterday', today: 'today', tomorrow: 'tomorrow', lastWeek: 'last week', nextWeek: 'next week',
      hoursAgo: `${d.amount ?? 'some'} hours ago`, daysAgo: `${d.amount ?? 'some'} days ago`,
    };
    parts.push(rel[d.relative] ?? d.relative);
    if (d.partOfDay) parts.push(d.partOfDay);
    return parts.join(' ');
  }
  if (d.weekday !== undefined) parts.push(WEEKDAY_NAMES[d.weekday] ?? '');
  let cal = '';
  if (d.month !== undefined) {
    const mn = MONTH_NAMES[d.month - 1] ?? '';
    if (d.day !== undefined) cal = `${d.day} ${mn}`;
    else if (d.dayRange) {
      const [a, b] = d.dayRange;
      cal = a === 1 && b === 10 ? `early ${mn}` : a === 11 && b === 20 ? `mid-${mn}` : a === 21 && b === 31 ? `late ${mn}` : `${a}-${b} ${mn}`;
    } else cal = mn;
  }
  if (d.year !== undefined) cal = cal ? `${cal} ${d.year}` : String(d.year);
  if (cal) parts.push(cal);
  let s = parts.join(parts.length > 1 && d.day !== undefined ? ', ' : ' ');
  if (d.partOfDay) s += ` ${d.partOfDay}`;
  return s;
}

function fmtTime(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Human text for messages: "less than 2 hours", "1,000", "16 May 2025". */
export function formatQuantity(q: Quantity): string {
  const one = (v: number, unit?: [number, string]): string => {
    switch (q.kind) {
      case 'duration':
        return fmtDuration(v, unit);
      case 'percent':
        return `${fmtNumber(v)}%`;
      case 'money':
        return fmtMoney(v, q.currency);
      case 'ordinal':
        return `${v}${ordinalSuffix(Math.round(v))}`;
      case 'year':
        return String(Math.floor(v));
      case 'time':
        return fmtTime(v);
      default:
        return fmtNumber(v);
    }
  };
  if (q.kind === 'date') {
    if (!q.date) return q.text;
    const d = { ...q.date };
    // a weekday computed from the calendar date is not shown unless written
    if (d.weekday !== undefined && d.day !== undefined && !/(mon|tues|wednes|thurs|fri|satur|sun)day/i.test(q.text)) delete d.weekday;
    return fmtDate(d);
  }
  if (q.kind === 'year') {
    if (q.qualifier === 'range') return q.high - q.low === 9 && q.low % 10 === 0 ? `the ${q.low}s` : `${q.low}-${q.high}`;
    if (!Number.isInteger(q.high)) {
      const frac = q.low - Math.floor(q.low);
      const y = Math.floor(q.value);
      return frac < 0.1 ? `early ${y}` : frac < 0.5 ? `mid-${y}` : `late ${y}`;
    }
    return String(q.value);
  }
  if (q.qualifier === 'plural') {
    const words = q.text.slice(q.valueStart - q.start, q.valueEnd - q.start).trim();
    return words || q.text;
  }
  if (q.qualifier === 'range') {
    if (q.kind === 'duration') {
      const unit = durationUnit(q.high);
      const [size, name] = unit;
      return `${fmtNumber(q.low / size)} to ${fmtNumber(q.high / size)} ${name}s`;
    }
    return `${one(q.low)} to ${one(q.high)}`;
  }
  const prefix = QUALIFIER_TEXT[q.qualifier];
  return (prefix ? prefix + ' ' : '') + one(q.value);
}

// ---- relative dates -----------------------------------------------------------

/** Whether a date needs the reference date (publication date) to be known. */
export function needsReference(d: DateValue | undefined): boolean {
  if (!d) return false;
  if (d.relative !== undefined || d.yy !== undefined || d.anchor !== undefined) return true;
  if (d.weekday !== undefined && d.day === undefined) return true;
  // a day and month whose verb says which year ("met on December 28" in a January story)
  return d.direction !== undefined && d.month !== undefined && d.year === undefined;
}

function wdOf(e: number): number {
  return (((e + 4) % 7) + 7) % 7;
}

/** A calendar date moved by whole units; a day past the end of the month is the month's last day ("31 Jan + 1 month" = 28 Feb). */
function shiftEpoch(e: number, shift: NonNullable<DateValue['shift']>): number {
  let out = e;
  if (shift.year || shift.month) {
    const c = fromEpochDay(out);
    const months = c.month - 1 + (shift.month ?? 0) + 12 * (shift.year ?? 0);
    const year = c.year + Math.floor(months / 12);
    const month = (((months % 12) + 12) % 12) + 1;
    out = epochDay(year, month, Math.min(c.day, daysInMonth(year, month)));
  }
  return out + 7 * (shift.week ?? 0) + (shift.day ?? 0);
}

/** The epoch day a relative date names, counted from `pub`, or NaN when it names no single day. */
function resolveDay(d: DateValue, pub: number, depth = 0): number {
  if (depth > 3) return NaN;
  const pubWd = wdOf(pub);
  switch (d.relative) {
    case 'yesterday':
      return pub - 1;
    case 'today':
      return pub;
    case 'tomorrow':
      return pub + 1;
    case 'daysAgo':
      return d.amount !== undefined && Number.isFinite(d.amount) ? pub - Math.round(d.amount) : NaN;
    case 'hoursAgo':
      return pub - Math.floor((d.amount ?? 0) / 24);
    case 'lastWeek':
    case 'nextWeek':
      return NaN;
    default:
      break;
  }
  // What a shift counts from: another date, or the reference date
  let base = pub;
  if (d.anchor) {
    base = resolveDay(d.anchor, pub, depth + 1);
    if (Number.isNaN(base)) {
      const a = resolveRelativeDate(d.anchor, fromEpochIso(pub), depth + 1);
      if (a.year !== undefined && a.month !== undefined && a.day !== undefined) base = epochDay(a.year, a.month, a.day);
    }
    if (Number.isNaN(base)) return NaN;
  }
  const cur = fromEpochDay(pub);
  if (d.weekday !== undefined && d.nth !== undefined) {
    // the nth weekday of a month
    const months = cur.month - 1 + (d.monthShift ?? 0);
    const year = d.month !== undefined ? cur.year : cur.year + Math.floor(months / 12);
    const month = d.month ?? (((months % 12) + 12) % 12) + 1;
    const first = epochDay(year, month, 1);
    const day = 1 + ((d.weekday - wdOf(first) + 7) % 7) + 7 * (d.nth - 1);
    return day <= daysInMonth(year, month) ? first + day - 1 : NaN;
  }
  if (d.weekday !== undefined && d.day !== undefined && d.month === undefined) {
    // "Thursday the 21st": the nearest month to the reference date in which the 21st is a Thursday
    for (const step of [0, -1, 1, -2, 2, -3, 3]) {
      const months = cur.month - 1 + step;
      const year = cur.year + Math.floor(months / 12);
      const month = (((months % 12) + 12) % 12) + 1;
      const e = epochDay(year, month, d.day);
      if (!Number.isNaN(e) && wdOf(e) === d.weekday) return e;
    }
    return NaN;
  }
  if (d.weekday !== undefined && d.day === undefined && d.month === undefined && d.year === undefined) {
    if (d.week !== undefined) {
      // the weekday of the week (Monday to Sunday) `week` weeks from the reference date's
      const monday = pub - ((pubWd + 6) % 7) + 7 * d.week;
      return monday + ((d.weekday + 6) % 7);
    }
    const from = d.anchor ? base : pub;
    if (d.direction === 'future') return from + ((d.weekday - wdOf(from) + 7) % 7) + shiftDays(d);
    return from - ((wdOf(from) - d.weekday + 7) % 7) + shiftDays(d);
  }
  if (d.day !== undefined && d.monthShift !== undefined && d.month === undefined) {
    const months = cur.month - 1 + d.monthShift;
    const year = cur.year + Math.floor(months / 12);
    const month = (((months % 12) + 12) % 12) + 1;
    return epochDay(year, month, d.day);
  }
  if (d.shift) {
    if (d.anchor) return shiftEpoch(base, d.shift);
    if (d.month === undefined && d.day === undefined && d.weekday === undefined) return shiftEpoch(pub, d.shift);
  }
  return NaN;
}

function shiftDays(d: DateValue): number {
  return d.shift && !d.anchor ? 7 * (d.shift.week ?? 0) + (d.shift.day ?? 0) : 0;
}

function fromEpochIso(e: number): string {
  const c = fromEpochDay(e);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/**
 * Resolves a date that needs the reference date (yyyy-mm-dd: a source's publication date):
 * "yesterday", "12 hours ago", "in two weeks", "2 weeks from January 15", a weekday (back to the
 * latest on or before the date, or forward to the first on or after it when `direction` says so,
 * or in the week `week` says), "the first Friday of next month", "Thursday the 21st", a day and
 * month without year (the reference year), a two-digit year (the century that puts it within 80
 * years before and 20 after). Returns the input unchanged when nothing can be resolved.
 */
export function resolveRelativeDate(d: DateValue, published: string, depth = 0): DateValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m || !d) return d;
  const pub = epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (Number.isNaN(pub)) return d;
  const at = (e: number): DateValue => {
    const c = fromEpochDay(e);
    const out: DateValue = { year: c.year, month: c.month, day: c.day, weekday: weekdayOf(c.year, c.month, c.day) };
    if (d.partOfDay) out.partOfDay = d.partOfDay;
    return out;
  };
  if (d.yy !== undefined && d.month !== undefined && d.day !== undefined) {
    const refYear = Number(m[1]);
    let year = Math.floor(refYear / 100) * 100 + d.yy;
    if (year > refYear + 20) year -= 100;
    else if (year <= refYear - 80) year += 100;
    const e = epochDay(year, d.month, d.day);
    return Number.isNaN(e) ? d : at(e);
  }
  const e = resolveDay(d, pub, depth);
  if (!Number.isNaN(e)) {
    const out = at(e);
    // "three years ago" names a year, "two months ago" a month: not the day it was written
    const s = d.shift;
    if (s && !d.anchor && !s.day && !s.week) out.grain = s.month ? 'month' : 'year';
    return out;
  }
  if (d.relative === undefined && d.month !== undefined && d.day !== undefined && d.year === undefined) {
    // the reference year, or the year before or after when the verb points back or forward past it
    let year = Number(m[1]);
    const same = epochDay(year, d.month, d.day);
    if (d.direction === 'past' && same > pub) year--;
    else if (d.direction === 'future' && same < pub) year++;
    const out: DateValue = { ...d, year };
    delete out.direction;
    const w = weekdayOf(year, d.month, d.day);
    if (!Number.isNaN(w)) out.weekday = w;
    return out;
  }
  return d;
}
