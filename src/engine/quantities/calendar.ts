/** Calendar arithmetic on UTC days. */

const DAY_MS = 86400000;

/** Days since 1970-01-01 of a calendar date, or NaN when the date does not exist. */
export function epochDay(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return NaN;
  return Math.round(ms / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, NaN when the date does not exist. */
export function weekdayOf(year: number, month: number, day: number): number {
  const e = epochDay(year, month, day);
  if (Number.isNaN(e)) return NaN;
  // 1970-01-01 was a Thursday (4)
  return (((e + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date of an epoch day. */
export function fromEpochDay(e: number): { year: number; month: number; day: number } {
  const d = new Date(e * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
