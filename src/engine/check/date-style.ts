/**
 * A sourced date written the way the draft writes its dates: a fix for "14 May" reads "16 May",
 * not "May 16, 2025". The draft's own date decides the order of day and month, whether the
 * month is abbreviated, whether the day has an ordinal suffix ("15th") or "the … of" around it,
 * and whether a weekday and a year are written; the source's date gives the values (a year or
 * weekday the draft writes and the source lacks is worked out from the source's date, or kept).
 */
import type { DateValue, Quantity } from '../quantities';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_WORD = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(\.?)/i;
const WEEKDAY_WORD = /\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(day)?\b(\.?)(,?)/i;

function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The source's date in the style of the draft's date, or undefined when either is not a
 * calendar date with a day and a month (the source's own text is then the fix).
 */
export function dateInDraftStyle(draft: Quantity, source: Quantity): string | undefined {
  if (draft.kind !== 'date' || source.kind !== 'date' || !draft.date || !source.date) return undefined;
  const src: DateValue = source.date;
  const own: DateValue = draft.date;
  if (own.day === undefined || own.month === undefined || src.day === undefined || src.month === undefined) return undefined;
  const text = draft.text;
  const monthAt = MONTH_WORD.exec(text);
  const dayAt = /\d{1,2}/.exec(text);
  if (!monthAt || !dayAt) return undefined;
  const dayFirst = dayAt.index < monthAt.index;
  const short = monthAt[1]!.length <= 4 && monthAt[1]!.toLowerCase() !== 'june' && monthAt[1]!.toLowerCase() !== 'july' && monthAt[1]!.toLowerCase() !== 'may';
  const abbreviation = src.month === 9 && monthAt[1]!.length === 4 ? 'Sept' : MONTHS[src.month - 1]!.slice(0, 3);
  const month = short ? abbreviation + monthAt[2]! : MONTHS[src.month - 1]!;
  const suffixed = /\d(?:st|nd|rd|th)\b/i.test(text);
  const theOf = /\bof\b/i.test(text);
  const day = suffixed ? ordinal(src.day) : String(src.day);
  const year = own.year !== undefined && /\d{4}/.test(text) ? (src.year ?? own.year) : undefined;
  let out = dayFirst ? (theOf ? `${day} of ${month}` : `${day} ${month}`) : `${month} ${day}`;
  if (year !== undefined) out += dayFirst ? ` ${year}` : `, ${year}`;
  const wd = WEEKDAY_WORD.exec(text);
  if (wd) {
    const y = src.year ?? own.year;
    const weekday = y !== undefined ? weekdayOf(y, src.month, src.day) : src.weekday;
    if (weekday === undefined) return undefined;
    const name = WEEKDAYS[weekday]!;
    const written = wd[2] ? name : name.slice(0, wd[1]!.length) + wd[3]!;
    const before = wd.index < Math.min(monthAt.index, dayAt.index);
    out = before ? `${written}${wd[4] ? ',' : ''} ${out}` : `${out}, ${written}`;
  }
  return out;
}
