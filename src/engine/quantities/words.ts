/** Vocabulary tables for figure parsing (all lower case, folded). */
import { table } from '../text/table';

export const UNITS: Record<string, number> = table({
  // "nought" and "naught" are British and older words for zero ("nought point five").
  zero: 0, nought: 0, naught: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});

export const TENS: Record<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

export const SCALES: Record<string, number> = table({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

/**
 * Scale abbreviations after digits, glued or spaced ("1k", "€2m", "$3bn", "10 bln"). Lower-case
 * "m" is also the metre and "mm" the millimetre: `parse` decides between them (see `mOrMetre`).
 */
export const SCALE_ABBR: Record<string, number> = table({
  k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, tln: 1e12,
});
/** Abbreviations that are scales when written apart from the figure too ("10 bln"); the rest only glued ("1k"). */
export const SPACED_SCALE_ABBR = new Set(['bn', 'mn', 'mln', 'bln', 'tn', 'trn', 'tln', 'mil']);

/** Approximate plural nouns → [low, high]. */
export const PLURAL_NUMBERS: Record<string, [number, number]> = table({
  dozens: [24, 99], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 999e6], billions: [2e9, 999e9],
  trillions: [2e12, 999e12],
});

export const ORDINAL_WORDS: Record<string, number> = table({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  // "nineth": a frequent misspelling of "ninth".
  nineth: 9,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
  billionth: 1e9, trillionth: 1e12,
});

/** Ordinal words that end a compound ordinal after a scale ("one hundred twenty-fifth", "two hundredth"). */
export const SCALE_ORDINALS: Record<string, number> = table({ hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9, trillionth: 1e12 });

/**
 * Denominators of fractions in words, singular and plural: the ordinals from "third" on
 * ("two thirds", "a fifth", "three twenty-firsts"), and "half" and "quarter", which English
 * uses for 2 and 4. "second" is never a denominator ("one second" is a time).
 */
export const DENOMINATOR_WORDS: Record<string, number> = (() => {
  const out: Record<string, number> = table({ half: 2, halves: 2, quarter: 4, quarters: 4 });
  for (const [w, n] of Object.entries(ORDINAL_WORDS)) {
    if (n < 3 || w === 'nineth') continue;
    out[w] = n;
    out[w + 's'] = n;
  }
  return out;
})();

/** Unicode vulgar fractions (½, ¾, ⅔ …) → [numerator, denominator]. */
export const VULGAR_FRACTIONS: Record<string, [number, number]> = table({
  '½': [1, 2], '⅓': [1, 3], '⅔': [2, 3], '¼': [1, 4], '¾': [3, 4], '⅕': [1, 5], '⅖': [2, 5], '⅗': [3, 5], '⅘': [4, 5],
  '⅙': [1, 6], '⅚': [5, 6], '⅐': [1, 7], '⅛': [1, 8], '⅜': [3, 8], '⅝': [5, 8], '⅞': [7, 8], '⅑': [1, 9], '⅒': [1, 10],
});

const DAY = 86400;
/** Duration unit words → seconds. A night is a day when stays are counted ("two nights" in a hotel). */
export const DURATION_UNITS: Record<string, number> = table({
  second: 1, seconds: 1, sec: 1, secs: 1,
  minute: 60, minutes: 60, min: 60, mins: 60,
  hour: 3600, hours: 3600, hr: 3600, hrs: 3600, h: 3600,
  day: DAY, days: DAY, night: DAY, nights: DAY,
  week: 7 * DAY, weeks: 7 * DAY, wk: 7 * DAY, wks: 7 * DAY,
  fortnight: 14 * DAY, fortnights: 14 * DAY,
  month: 30.44 * DAY, months: 30.44 * DAY,
  year: 365.25 * DAY, years: 365.25 * DAY, yr: 365.25 * DAY, yrs: 365.25 * DAY,
  decade: 3652.5 * DAY, decades: 3652.5 * DAY,
  century: 36525 * DAY, centuries: 36525 * DAY,
});

/**
 * Single-letter duration symbols, read only glued to the digits and in lower case ("10d", "3y", "2w"):
 * "3D" is three-dimensional, and a glued "s" makes a plural ("707s", "1990s").
 */
export const GLUED_DURATION_UNITS: Record<string, number> = table({ d: DAY, w: 7 * DAY, y: 365.25 * DAY });

/** Calendar units a date is moved by ("in two weeks", "a month ago"): duration words → unit. */
export const CALENDAR_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = table({
  day: 'day', days: 'day', week: 'week', weeks: 'week', wk: 'week', wks: 'week', fortnight: 'week', fortnights: 'week',
  month: 'month', months: 'month', year: 'year', years: 'year', yr: 'year', yrs: 'year', decade: 'year', decades: 'year',
});
/** How many calendar units one of these words is ("fortnight" = 2 weeks, "decade" = 10 years). */
export const CALENDAR_MULTIPLE: Record<string, number> = table({ fortnight: 2, fortnights: 2, decade: 10, decades: 10 });

/** Plural duration words usable without a number ("within weeks"). */
export const PLURAL_DURATIONS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);

export const CURRENCY_SYMBOLS: Record<string, string> = table({
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH', '₺': 'TRY', '₩': 'KRW',
});

export const CURRENCY_CODES: Record<string, string> = table({
  usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', cny: 'CNY', rmb: 'CNY', inr: 'INR', rub: 'RUB', uah: 'UAH',
  chf: 'CHF', cad: 'CAD', aud: 'AUD', try: 'TRY',
});

export const CURRENCY_WORDS: Record<string, string> = table({
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB',
  ruble: 'RUB', rubles: 'RUB', hryvnia: 'UAH', hryvnias: 'UAH', hryvnas: 'UAH', lira: 'TRY', liras: 'TRY',
  francs: 'CHF', franc: 'CHF',
});

export const MONTHS: Record<string, number> = table({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

export const WEEKDAYS: Record<string, number> = table({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
});

/** Weekday abbreviations: read only capitalised or inside a written date ("Mon 9 am", "Fri, 16 May"). */
export const WEEKDAY_ABBR: Record<string, number> = table({
  sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6,
});

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const PARTS_OF_DAY: Record<string, 'morning' | 'afternoon' | 'evening' | 'night'> = table({
  morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'night', overnight: 'night', tonight: 'night',
});

/** Words after which a bare month or year is a date ("in March", "since 2019"). */
export const DATE_PREPS = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'during', 'before', 'after', 'through', 'throughout', 'to',
  'early', 'late', 'mid', 'last', 'next', 'this', 'on', 'between', 'and', 'circa', 'as', 'around', 'then',
]);

/** Words that make a following "one" a pronoun rather than a count. */
export const ONE_PRONOUN_BEFORE = new Set([
  'no', 'the', 'any', 'every', 'each', 'this', 'that', 'which', 'some', 'someone', 'such', 'little', 'only', 'last',
  'another', 'big', 'new', 'other', 'right', 'wrong', 'same', 'loved', 'lucky', 'chosen', 'young',
]);

export const ONE_PRONOUN_AFTER = new Set(['of', 'another', 'who', 'which', 'that', 'whose', 'whom', 'thing', 'way', 'day', "'s"]);

/** Words that cannot be the noun an ordinal word qualifies. */
export const NOT_A_NOUN = new Set([
  'of', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'that', 'the', 'a', 'an', 'is', 'was',
  'are', 'were', 'be', 'been', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'as', 'than', 'then', 'when', 'if', 'so',
  'said', 'says', 'had', 'has', 'have', 'will', 'would', 'did', 'do', 'does', 'not', 'all', 'this', 'there', 'since',
  'who', 'which', 'after', 'before', 'because', 'while', 'said', 'told', 'into', 'about', 'over', 'up', 'out',
]);

export const DETERMINERS = new Set([
  'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'a', 'an', 'this', 'that', 'every', 'each', 's', "'s", 'whose',
]);

/** Nouns that make "each <noun>" a per-side marker. */
export const SIDE_NOUNS = new Set(['side', 'party', 'country', 'nation', 'team', 'camp', 'delegation', 'state', 'army']);
