/**
 * Metadata inference from the text of a saved page (no front matter / HTML meta):
 * outlet, publication date and title.
 */
import { ALL_LINE_HINTS, endsSentence, isJunkLine, SOURCE_LINE_RE, type LineHints, type Segment } from './boilerplate';
import { daysInMonth } from '../quantities/calendar';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ISO_RE = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+((?:19|20)\\d\\d)\\b`, 'i');
const MDY_RE = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'i');

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  if (d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "19dd" or "20dd" somewhere in s: every date pattern above has such a year. */
function hasYear(s: string): boolean {
  for (let i = s.length - 4; i >= 0; i--) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if (!((c === 49 && d === 57) || (c === 50 && d === 48))) continue;
    const e = s.charCodeAt(i + 2);
    const f = s.charCodeAt(i + 3);
    if (e >= 48 && e <= 57 && f >= 48 && f <= 57) return true;
  }
  return false;
}

function match(s: string): { iso: string | undefined; index: number; length: number } | undefined {
  if (!hasYear(s)) return undefined;
  let m = ISO_RE.exec(s);
  if (m) return { iso: iso(Number(m[1]), Number(m[2]), Number(m[3])), index: m.index, length: m[0].length };
  m = DMY_RE.exec(s);
  if (m) return { iso: iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()] ?? 0, Number(m[1])), index: m.index, length: m[0].length };
  m = MDY_RE.exec(s);
  if (m) return { iso: iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()] ?? 0, Number(m[2])), index: m.index, length: m[0].length };
  return undefined;
}

/** The first full date (day, month, year) in a string, as yyyy-mm-dd. */
export function parseDate(s: string): string | undefined {
  return match(s)?.iso;
}

const DATELINE_WORDS =
  /\b(?:published|updated|posted|last|modified|on|at|date|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|gmt|utc|bst|est|edt|pst|cet|am|pm|a\.m|p\.m)\b/gi;

/**
 * Date from a dateline near the top: one of the first 8 segments, shorter than 100
 * chars, that is mostly the date itself ("Friday, 16 May 2025 17:41", "Published
 * 2025-05-16", "By X | May 16, 2025"): without the date, weekday, time and labels
 * like "Updated", at most 4 words are left. A date inside a sentence does not count.
 */
export function inferDate(lines: string[]): string | undefined {
  for (const s of lines.slice(0, 8)) {
    if (s.length >= 100) continue;
    const m = match(s);
    if (!m?.iso) continue;
    const rest = (s.slice(0, m.index) + ' ' + s.slice(m.index + m.length))
      .replace(DATELINE_WORDS, ' ')
      .replace(/\bT?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, ' ');
    const words = rest.split(/[\s,|:;()\-–—/]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length <= 4) return m.iso;
  }
  return undefined;
}

const COPYRIGHT_PREFIX_RE = /^(?:\s*(?:\(c\)|©|copyright)\s*)+/i;
const YEARS_RE = /\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b/g;

function cleanOutlet(s: string): string | undefined {
  const t = s.replace(/\s+/g, ' ').replace(/^[\s"'“‘]+|[\s"'”’.,;:|–-]+$/g, '');
  if (!t || t.length > 40 || t.split(' ').length > 5) return undefined;
  if (!/\p{L}/u.test(t)) return undefined;
  return t;
}

/** Outlet named by a copyright line: "(c) Sky News 2025: …", "© 2025 BBC. All rights reserved". */
export function outletFromCopyright(s: string): string | undefined {
  if (!COPYRIGHT_PREFIX_RE.test(s) && !/©/.test(s)) return undefined;
  let t = s.replace(COPYRIGHT_PREFIX_RE, '');
  const sym = t.indexOf('©');
  if (sym >= 0) t = t.slice(sym + 1);
  t = t.replace(/\ball rights reserved\b.*$/i, '');
  const cut = t.search(/[:|]|\s[-–—]\s|\.(?:\s|$)/);
  if (cut >= 0) t = t.slice(0, cut);
  t = t.replace(YEARS_RE, ' ');
  return cleanOutlet(t);
}

/** A lone short name line ("Sky News"): capitalised words, no sentence punctuation. */
function isNameLine(s: string): boolean {
  if (s.length > 40 || endsSentence(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|&)$/i.test(w));
}

/**
 * Outlet from "Source: X" lines (the last one wins), else from a copyright line,
 * else from a lone name line just before a copyright line. Bylines ("By X, Y
 * correspondent") are never outlets. `hints`: `lineHints` of a text containing the lines.
 */
export function inferOutlet(lines: string[], hints: LineHints = ALL_LINE_HINTS): string | undefined {
  const mayName = hints.copyright || hints.phrases;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = SOURCE_LINE_RE.exec(lines[i]!);
    if (m) {
      const o = cleanOutlet(m[1]!);
      if (o) return o;
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const s = lines[i]!;
    if (!COPYRIGHT_PREFIX_RE.test(s) && !(mayName && /©|\ball rights reserved\b/i.test(s))) continue;
    const o = outletFromCopyright(s);
    if (o) return o;
    const prev = lines[i - 1];
    if (prev !== undefined && isNameLine(prev) && !/^by\s/i.test(prev)) return cleanOutlet(prev);
  }
  return undefined;
}

/** Title: the first segment when it reads as a headline (no final period, < 200 chars). `hints`: as for inferOutlet. */
export function inferTitle(lines: string[], hints: LineHints = ALL_LINE_HINTS): string | undefined {
  const first = lines[0];
  if (first === undefined || first.length >= 200 || isJunkLine(first, hints)) return undefined;
  let i = first.length - 1;
  while (i >= 0 && /["'”’)\]\s]/.test(first[i]!)) i--;
  if (i < 0 || first[i] === '.' || first[i] === ',' || first[i] === ';') return undefined;
  return first;
}

export function segmentTexts(text: string, segments: Segment[]): string[] {
  return segments.map((s) => text.slice(s.start, s.end));
}
