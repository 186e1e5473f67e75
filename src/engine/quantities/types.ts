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

export type RelativeRef = 'yesterday' | 'today' | 'tomorrow' | 'hoursAgo' | 'daysAgo' | 'lastWeek' | 'nextWeek';

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
  /** 'second' for durations, currency code for money, 'percent' for percentages. */
  unit?: string;
  currency?: string;
  date?: DateValue;
  /** "1,000 each", "each side will release 500". */
  perSide?: boolean;
  /** "two-hour talks", "30-day ceasefire". */
  compound?: boolean;
  /** The figure is a round number (2000, 1.5 million, 90). */
  approxRound?: boolean;
}
