/** Text normalisation shared by every part of the engine. */
import { memoize } from './memo';

const SPECIAL_FOLDS: Record<string, string> = {
  ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D',
};

/**
 * Removes diacritics ("Erdoğan" → "Erdogan", "Türkiye" → "Turkiye") while keeping
 * the string length unchanged, so offsets computed on the folded text are valid
 * on the original. Characters that decompose into more than one base letter are
 * left alone.
 */
export function foldDiacritics(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const special = SPECIAL_FOLDS[ch];
    if (special !== undefined && special.length === 1) {
      out += special;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base.length === 1 ? base : ch;
  }
  return out;
}

/**
 * Maps typographic quotes, apostrophes and dashes to ASCII, one character for
 * one character (length preserved).
 */
export function asciiPunctuation(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/\u00A0|\u2009|\u202F|\u2007/g, ' ')
    .replace(/\u2026/g, '.');
}

/**
 * `foldForMatch` of each UTF-16 code unit (every step of it maps one code unit to
 * one), filled in on first use; 0xffff: not computed yet.
 */
const FOLD = new Uint16Array(65536).fill(0xffff);
for (let c = 0; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c === 96 ? 39 : c;

function foldCode(c: number): number {
  let f = FOLD[c]!;
  if (f === 0xffff && c !== 0xffff) {
    const d = asciiPunctuation(foldDiacritics(String.fromCharCode(c))).charCodeAt(0);
    FOLD[c] = f = d >= 65 && d <= 90 ? d + 32 : d;
  }
  return f;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Same length as the input: folded diacritics, ASCII punctuation, lower case (ASCII only). */
export function foldForMatch(s: string): string {
  if (!NON_ASCII.test(s)) {
    const l = s.toLowerCase();
    return l.includes('`') ? l.replace(/`/g, "'") : l;
  }
  const n = s.length;
  let out = '';
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    codes.push(foldCode(s.charCodeAt(i)));
    if (codes.length === 4096) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

/** Lower-cased, folded, punctuation-free, single-spaced text for comparing phrases. */
export function normalizePhrase(s: string): string {
  // ASCII words single-spaced: only lower-casing changes them.
  if (PLAIN_WORDS.test(s)) return s.toLowerCase();
  // Names and words repeat: remember short phrases.
  return s.length <= 64 ? normalizeShort(s) : normalize(s);
}

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

const normalizeShort = memoize(normalize, 8192);

function normalize(s: string): string {
  return foldForMatch(s)
    .replace(/\.{3}|…/g, ' ')
    .replace(/[^a-z0-9\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u4e00-\u9fff' ]+/g, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
