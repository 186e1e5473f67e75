/** Vocabulary tables for figure parsing (all lower case, folded). */
import { table } from '../text/table';

export const UNITS: Record<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});

export const TENS: Record<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

export const SCALES: Record<string, number> = table({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

/** Scale words glued to digits or abbreviated ("1k", "€2m", "$3bn"). */
export const SCALE_ABBR: Record<string, number> = table({
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
});

/** Approximate plural nouns → [low, high]. */
export const PLURAL_NUMBERS: Record<string, [number, number]> = table({
  dozens: [24, 99], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 999e6], billions: [2e9, 999e9],
  trillions: [2e12, 999e12],
});

export const ORDINAL_WORDS: Record<string, number> = table({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
});

const DAY = 86400;
/** Duration unit words → seconds. */
export const DURATION_UNITS: Record<string, number> = table({
  second: 1, seconds: 1, sec: 1, secs: 1,
  minute: 60, minutes: 60, min: 60, mins: 60,
  hour: 3600, hours: 3600, hr: 3600, hrs: 3600, h: 3600,
  day: DAY, days: DAY,
  week: 7 * DAY, weeks: 7 * DAY,
  fortnight: 14 * DAY, fortnights: 14 * DAY,
  month: 30.44 * DAY, months: 30.44 * DAY,
  year: 365.25 * DAY, years: 365.25 * DAY, yr: 365.25 * DAY, yrs: 365.25 * DAY,
  decade: 3652.5 * DAY, decades: 3652.5 * DAY,
  century: 36525 * DAY, centuries: 36525 * DAY,
});

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

export const ONE_PRONOUN_AFTER = new Set(['of', 'another', 'who', 'which', 'that', 'whose', 'whom', 'thing', 'way', 'day']);

/** Words that cannot be the noun an ordinal word qualifies. */
export const NOT_A_NOUN = new Set([
  'of', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'that', 'the', 'a', 'an', 'is', 'was',
  'are', 'were', 'be', 'been', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'as', 'than', 'then', 'when', 'if', 'so',
  'said', 'says', 'had', 'has', 'have', 'will', 'would', 'did', 'do', 'does', 'not', 'all', 'this', 'there', 'since',
  'who', 'which', 'after', 'before', 'because', 'while', 'said', 'told', 'into', 'about', 'over', 'up', 'out',
]);

export const DETERMINERS = new Set([
  'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'a', 'an', 'this', 'that', 'every', 'each', 's', 'whose',
]);

/** Nouns that make "each <noun>" a per-side marker. */
export const SIDE_NOUNS = new Set(['side', 'party', 'country', 'nation', 'team', 'camp', 'delegation', 'state', 'army']);
