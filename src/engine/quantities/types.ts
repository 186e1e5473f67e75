/** Data shapes of the quantities module (figures, durations, dates...). */

export type QuantityKind = 'count' | 'duration' | 'date' | 'ordinal' | 'percent' | 'money' | 'year' | 'time';

export type Qualifier =
  | 'exact'
  | 'about'
  | 'less'
  | 'more'
  | 'atLeast'
  | 'atMost'
  | 'nearly'
  | 'barely'
  | 'justOver'
  | 'justUnder'
  | 'range'
  | 'plural'; /* "thousands of", "within weeks" */

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/**
 * A date that needs the reference date (a source's publication date) to be known. 'offset': counted
 * from it by `shift`, `week`, `monthShift`, `nth` or `yy` (see DateValue).
 */
export type RelativeRef = 'yesterday' | 'today' | 'tomorrow' | 'hoursAgo' | 'daysAgo' | 'lastWeek' | 'nextWeek' | 'offset';

/** Calendar facts; any part may be unknown. */
export interface DateValue {
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday?: number;
  partOfDay?: PartOfDay;
  /** Unresolved relative reference. */
  relative?: RelativeRef;
  /** For 'hoursAgo' / 'daysAgo': how many hours / days. */
  amount?: number;
  /** Part of a month without an exact day ("mid-May" = [11, 20]). */
  dayRange?: [number, number];
  /**
   * Whole calendar units to move (signed) from the reference date, or from `anchor` when given:
   * "in two weeks" {week: 2}, "a month ago" {month: -1}, "two days before yesterday" {day: -3}.
   */
  shift?: { year?: number; month?: number; week?: number; day?: number };
  /** What `shift` counts from when it is not the reference date: "2 weeks from January 15", "3 days after Christmas". */
  anchor?: DateValue;
  /**
   * Which way a weekday without a date lies from the reference date: 'past' (the latest on or before
   * it: "met on Friday"), 'future' (the first on or after it: "will meet on Friday"). Unset: past.
   */
  direction?: 'past' | 'future';
  /** The weekday is in the week (Monday to Sunday) this many weeks from the reference date's: "next Friday" 1, "last Sunday" -1, "this Friday" 0. */
  week?: number;
  /** The month is this many months from the reference date's: "the 20th of next month" {day: 20, monthShift: 1}. */
  monthShift?: number;
  /** The nth `weekday` of the month: "the first Friday of next month" {weekday: 5, nth: 1, monthShift: 1}. */
  nth?: number;
  /**
   * A date resolved from a count of years or months ("three years ago", "in two months") is known
   * only to the year or the month: its day (and month) are the reference date's, not stated.
   */
  grain?: 'year' | 'month';
  /** A year written with two digits ("15 April of 87"): the century is the one that puts it within 80 years before and 20 after the reference date. */
  yy?: number;
}

export interface Quantity {
  kind: QuantityKind;
  /** Exact matched text; text === input.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** Offsets of just the figure ("two hours" inside "less than two hours"). */
  valueStart: number;
  valueEnd: number;
  /**
   * Nominal value in the base unit: count; duration in seconds; percent 0-100;
   * money in the currency unit; ordinal n; year; time in seconds after midnight;
   * date in days since 1970-01-01 when year+month+day are known, else NaN.
   */
  value: number;
  low: number;
  high: number;
  lowOpen?: boolean;
  highOpen?: boolean;
  qualifier: Qualifier;
  /**
   * 'second' for durations, currency code for money, 'percent' for percentages, and for a count
   * that is a measure, its unit of measure ("km", "kg", "mi", "km/h"…): measures compare only
   * within one unit.
   */
  unit?: string;
  currency?: string;
  date?: DateValue;
  /** "1,000 each", "each side will release 500". */
  perSide?: boolean;
  /** "two-hour talks", "30-day ceasefire". */
  compound?: boolean;
  /** The figure is a round number (2000, 1.5 million, 90). */
  approxRound?: boolean;
  /**
   * A count written as a fraction or ratio: numerator and denominator ("two thirds" [2, 3], "3/4",
   * "one in five" [1, 5]); `value` is their quotient. Fractions compare only with fractions.
   */
  fraction?: [number, number];
  /** A duration that is someone's or something's age ("five years old", "a 90-day-old bill", "87 yo"). */
  age?: boolean;
  /**
   * One side of a tally written as a pair ("passed 232-196", "votes of 230-to-197", "won 3-1"):
   * 1 for the first figure, 2 for the second. Each side is a count of its own.
   */
  tally?: 1 | 2;
}
