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

/** foldForMatch by definition; every step maps one UTF-16 code unit to one, on its own. */
function foldForMatchSlow(s: string): string {
  const f = asciiPunctuation(foldDiacritics(s));
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : f[i];
  }
  return out;
}

/**
 * Folded code unit of each code unit, filled in on first use from `foldForMatchSlow`
 * (valid because folding works unit by unit). -1: not computed yet.
 */
const FOLD_UNIT = new Int32Array(65536).fill(-1);
for (let c = 0; c < 128; c++) FOLD_UNIT[c] = foldForMatchSlow(String.fromCharCode(c)).charCodeAt(0);

/** foldForMatch of one UTF-16 code unit, as a code unit (foldForMatch maps unit by unit). */
export function foldUnit(c: number): number {
  let f = FOLD_UNIT[c]!;
  if (f < 0) {
    f = foldForMatchSlow(String.fromCharCode(c)).charCodeAt(0);
    FOLD_UNIT[c] = f;
  }
  return f;
}

const NON_ASCII_RE = /[^\x00-\x7f]/;
const CHUNK = 4096;
const SCRATCH_MAX = 65536;
let scratch = new Uint16Array(256);

/** Same length as the input: folded diacritics, ASCII punctuation, lower case (ASCII only). */
export function foldForMatch(s: string): string {
  const n = s.length;
  if (!NON_ASCII_RE.test(s)) {
    // Pure ASCII: only A-Z (lower-cased) and "`" (an apostrophe) change.
    const lower = s.toLowerCase();
    return lower.indexOf('`') < 0 ? lower : lower.replace(/`/g, "'");
  }
  // A reused buffer for ordinary strings; a one-off one for very long ones.
  if (n > SCRATCH_MAX) return foldInto(s, new Uint16Array(n));
  if (scratch.length < n) scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, scratch.length * 2)));
  return foldInto(s, scratch);
}

function foldInto(s: string, buf: Uint16Array): string {
  const n = s.length;
  for (let i = 0; i < n; i++) buf[i] = foldUnit(s.charCodeAt(i));
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return out;
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

const WORD_UNIT = /[\p{L}\p{N}]/u;

/**
 * Whether `text` holds `words` as whole words, folded for matching (any case, any accents):
 * "the Sunshine Coast Rugby Union" holds "Sunshine Coast", "Coastline" does not hold "Coast".
 */
export function hasWholeWords(text: string, words: string): boolean {
  const needle = foldForMatch(words);
  if (!needle) return false;
  const hay = foldForMatch(text);
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (at > 0 && WORD_UNIT.test(hay[at - 1]!)) continue;
    const after = hay[at + needle.length];
    if (after !== undefined && WORD_UNIT.test(after)) continue;
    return true;
  }
  return false;
}
