/**
 * A small lexer for figure parsing: words, numbers and single punctuation
 * characters, with offsets into the original string. Tokens inside URLs,
 * @handles, #hashtags and mixed letter-digit ids are marked `masked`.
 */
import { foldForMatch } from '../text/fold';

export type TokType = 'num' | 'word' | 'punct';

export interface Tok {
  type: TokType;
  /** Folded, ASCII-lower-cased text. */
  s: string;
  start: number;
  end: number;
  /** Whitespace (or start of text) directly before the token. */
  sp: boolean;
  /** Original starts with an upper-case letter. */
  cap: boolean;
  /** Part of a URL, handle, id or other non-prose chunk: never a figure. */
  masked: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

const LETTER = /[\p{L}\p{M}]/u;

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isAsciiLetter(c)) return true;
  if (c < 128) return false;
  return LETTER.test(s[i]!);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007 || c === 0x200b;
}

/** Suffixes that may be glued to a number without making it an id. */
const GLUE_SUFFIX = new Set([
  'st', 'nd', 'rd', 'th', 'k', 'm', 'bn', 'mn', 'b', 'tn', 'trn', 'mln', 'bln', 's', 'pm', 'am', 'pc',
  'h', 'hr', 'hrs', 'min', 'mins', 'km', 'kg', 'mm', 'cm', 'ft', 'mph', 'kmh', 'sec', 'secs', 'yr', 'yrs', 'gw', 'mw',
]);

export function lex(input: string): Tok[] {
  const f = foldForMatch(input);
  const n = f.length;
  const toks: Tok[] = [];
  let sp = true;
  let i = 0;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (isSpace(c)) {
      sp = true;
      i++;
      continue;
    }
    const start = i;
    let type: TokType;
    if (isDigit(c)) {
      type = 'num';
      i++;
      while (i < n) {
        const d = f.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (d === 44 && isDigit(f.charCodeAt(i + 1)) && isDigit(f.charCodeAt(i + 2)) && isDigit(f.charCodeAt(i + 3)) && !isDigit(f.charCodeAt(i + 4))) i += 4;
        else if (d === 46 && isDigit(f.charCodeAt(i + 1))) {
          // a decimal point; stop at a second one ("1.2.3" → separate tokens)
          i++;
          while (i < n && isDigit(f.charCodeAt(i))) i++;
          break;
        } else break;
      }
    } else if (isLetterAt(f, i)) {
      type = 'word';
      i++;
      while (i < n) {
        if (isLetterAt(f, i)) i++;
        else if (f.charCodeAt(i) === 39 && i + 1 < n && isLetterAt(f, i + 1)) {
          // split a possessive "'s" off ("Thursday's" → "Thursday" "'" "s")
          if ((f[i + 1] === 's') && !(i + 2 < n && isLetterAt(f, i + 2))) break;
          i += 2;
        }
        else break;
      }
    } else {
      type = 'punct';
      // keep surrogate pairs whole
      const cc = input.charCodeAt(i);
      i += cc >= 0xd800 && cc <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    const first = input[start]!;
    toks.push({
      type,
      s: f.slice(start, i),
      start,
      end: i,
      sp,
      cap: type === 'word' && first !== first.toLowerCase() && first === first.toUpperCase(),
      masked: false,
    });
    // An em dash separates clauses ("exchange—215 soldiers"): what follows is a new chunk, not an id like "F-16".
    const oc = input.charCodeAt(start);
    sp = type === 'punct' && (oc === 0x2014 || oc === 0x2015);
  }
  maskChunks(input, toks);
  maskDigitRuns(toks);
  return toks;
}

/** Phone-like runs: three or more digit groups separated only by spaces, or after a "+". */
function maskDigitRuns(toks: Tok[]): void {
  let i = 0;
  while (i < toks.length) {
    if (toks[i]!.type !== 'num') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && toks[j]!.type === 'num' && toks[j]!.sp && !toks[j]!.s.includes(',')) j++;
    const plus = i > 0 && toks[i - 1]!.s === '+';
    if (j - i >= 3 || plus) for (let k = i; k < j; k++) toks[k]!.masked = true;
    i = j;
  }
}

const URLISH = /:\/\/|^www\.|\.(?:com|org|net|gov|edu|io|co|uk|ru|ua|tr|de|fr|info|html?|php)(?:\/|$)|^@|^#[^\d]|@[^\s@]*\.|\//;

/** Marks whitespace-delimited chunks that are URLs, handles or ids. */
function maskChunks(input: string, toks: Tok[]): void {
  let i = 0;
  while (i < toks.length) {
    let j = i + 1;
    while (j < toks.length && !toks[j]!.sp) j++;
    // toks[i..j) is one chunk
    const chunkStart = toks[i]!.start;
    const chunkEnd = toks[j - 1]!.end;
    if (j - i > 1 || toks[i]!.type !== 'word') {
      let ce = chunkEnd;
      while (ce > chunkStart && '.,;:!?)"\']'.includes(input[ce - 1]!)) ce--;
      const chunk = input.slice(chunkStart, ce);
      let mask = chunk.length > 0 && URLISH.test(chunk) && !/^\d+\/\d+$/.test(chunk);
      if (!mask) mask = hasBadGlue(toks, i, j);
      if (mask) for (let k = i; k < j; k++) toks[k]!.masked = true;
      else if (/^\d+\/\d+$/.test(chunk)) for (let k = i; k < j; k++) toks[k]!.masked = true;
    }
    i = j;
  }
}

/** A letter directly before a digit, or digits followed by an unknown glued word (G7, CG3pAnN5Ip, E3). */
function hasBadGlue(toks: Tok[], i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const t = toks[k]!;
    if (t.type !== 'num') continue;
    const prev = k > i ? toks[k - 1] : undefined;
    if (prev && prev.type === 'word') return true;
    // Covid-19, F-16, MH-17 (but mid-2022, pre-2014, 10-20)
    if (prev && prev.s === '-' && k - 2 >= i) {
      const w = toks[k - 2]!;
      if (w.type === 'word' && !PREFIX_WORDS.has(w.s)) return true;
    }
    const next = k + 1 < j ? toks[k + 1] : undefined;
    if (next && next.type === 'word' && !GLUE_SUFFIX.has(next.s)) return true;
    if (next && next.type === 'word' && k + 2 < j && toks[k + 2]!.type === 'num') return true;
  }
  // phone-like: three or more digit groups joined by '-' or '.' or ' ' is handled by the parser;
  // here: digit groups joined by hyphens three times
  let groups = 0;
  for (let k = i; k < j; k++) {
    const t = toks[k]!;
    if (t.type === 'num') groups++;
    else if (t.s !== '-' && t.s !== '.' && t.s !== '(' && t.s !== ')' && t.s !== '+') groups = -99;
  }
  if (groups >= 3 && !isIsoDate(toks, i, j)) return true;
  if (toks[i]!.s === '+' && j - i > 1 && toks[i + 1]!.type === 'num') return true;
  return false;
}

function isIsoDate(toks: Tok[], i: number, j: number): boolean {
  let k = i;
  while (k < j && toks[k]!.type === 'punct' && toks[k]!.s !== '-') k++;
  const a = toks[k];
  const b = toks[k + 2];
  const c = toks[k + 4];
  return !!a && !!b && !!c && a.type === 'num' && a.s.length === 4 && toks[k + 1]!.s === '-' && b.s.length === 2 && toks[k + 3]!.s === '-' && c.s.length === 2;
}

export const PREFIX_WORDS = new Set(['mid', 'early', 'late', 'pre', 'post', 'since', 'circa', 'ca', 'c', 'by', 'end', 'start']);
