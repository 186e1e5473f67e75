/**
 * Word characters (letters, marks, numbers) by code point, for the retrieval scanner
 * (../citations/retrieval): a class per code unit remembered in a table, so no regular
 * expression runs per character. Positions are UTF-16 offsets; like a regular expression
 * with the `u` flag, they step over surrogate pairs whole.
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
