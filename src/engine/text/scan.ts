/**
 * Hand-written equivalents of the regular expressions the tokenizers used for
 * words, dotted acronyms and @handles: the same matches, without a match array
 * per word. Positions are UTF-16 offsets; like a regular expression with the `u`
 * flag, they step over surrogate pairs whole.
 */

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/** Per BMP code unit: 0 unknown, 1 neither, 2 word character (letter, mark, number), 3 upper-case letter too. */
const BMP = new Uint8Array(65536);
const ASTRAL = new Map<number, number>();

function classOf(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return UPPER.test(ch) ? 3 : WORD_CHAR.test(ch) ? 2 : 1;
}

/** Class of the code point at `i` (see BMP) and its length in code units (class 0 past the end). */
function cpClass(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = ASTRAL.get(cp);
      if (k === undefined) ASTRAL.set(cp, (k = classOf(cp)));
      return k;
    }
  }
  let k = BMP[c]!;
  if (k === 0) BMP[c] = k = classOf(c);
  return k;
}

/** Code units of the code point at `i` (2 for a surrogate pair). */
export function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Length in code units of the word character (letter, mark, number) at `i`, 0 when there is none. */
export function wordCharAt(s: string, i: number): number {
  return cpClass(s, i) >= 2 ? codePointLength(s, i) : 0;
}

/**
 * End of the word starting at `i` — letters, marks and numbers, joined by single
 * apostrophes or hyphens (`[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*`) —
 * or -1 when no word starts there.
 */
export function wordEnd(s: string, i: number): number {
  let w = wordCharAt(s, i);
  if (w === 0) return -1;
  let j = i + w;
  for (;;) {
    while ((w = wordCharAt(s, j)) > 0) j += w;
    const c = s.charCodeAt(j);
    if (c === 39 || c === 0x2019 || c === 45) {
      w = wordCharAt(s, j + 1);
      if (w > 0) {
        j += 1 + w;
        continue;
      }
    }
    return j;
  }
}

/** End of two or more upper-case letters each followed by a dot ("U.S.", `(?:\p{Lu}\.){2,}`), or -1. */
export function dottedAcronymEnd(s: string, i: number): number {
  let j = i;
  let reps = 0;
  while (cpClass(s, j) === 3) {
    const w = codePointLength(s, j);
    if (s.charCodeAt(j + w) !== 46) break;
    j += w + 1;
    reps++;
  }
  return reps >= 2 ? j : -1;
}

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** End of an @handle starting at `i` (`@[A-Za-z0-9_]+`), or -1. */
export function handleEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 64 || !isIdent(s.charCodeAt(i + 1))) return -1;
  let j = i + 2;
  while (j < s.length && isIdent(s.charCodeAt(j))) j++;
  return j;
}
