/**
 * Reading a number from tokens: digits ("1,000", "3.5", "-4", "1.3e6", "1 234 567"), scale
 * words and abbreviations ("2 million", "1.2bn", "3 lakh crore"), number words ("two hundred
 * and fifty", "twenty-five", "two hundred point zero three"), fractions ("two thirds", "3/4",
 * "½", "2 1/4", "one and a half", "one in five") and approximate plurals ("thousands").
 */
import type { View } from './view';
import {
  DENOMINATOR_WORDS,
  ORDINAL_WORDS,
  PLURAL_DURATIONS,
  PLURAL_NUMBERS,
  SCALE_ABBR,
  SCALE_ORDINALS,
  SCALES,
  SPACED_SCALE_ABBR,
  TENS,
  UNITS,
  VULGAR_FRACTIONS,
} from './words';

export interface Num {
  value: number;
  /** First and after-last token of the figure. */
  i: number;
  j: number;
  /** Written with digits. */
  digits: boolean;
  /** Plain integer digits without separators, sign or scale ("2022"). */
  plain: boolean;
  /** Multiplier of the last scale word ("million"), 1 when none. */
  scale: number;
  /** "a"/"an"/"half an": a number only when a unit follows. */
  article?: boolean;
  /** Approximate plurals ("thousands") → [low, high]. */
  plural?: [number, number];
  /** Written as a fraction: numerator and denominator ("two thirds", "3/4", "one in five"). */
  fraction?: [number, number];
  /** The lower-case scale abbreviation "m" or "mm" glued or after the figure: million or metre/millimetre (see parse). */
  mScale?: { k: number; abbr: string };
}

const PLAIN_DIGITS = /^\d{1,15}$/;
/** A plain decimal number, optionally signed and with thousands commas. */
const DIGITS = /^([+-]?)(?:(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?|(\.\d+))$/;

/** Value of a number token's text when it is a plain number ("1,000", "-3.5", ".08"), else undefined. */
export function digitValue(text: string): number | undefined {
  if (text.length > 40) return undefined;
  if (PLAIN_DIGITS.test(text)) return Number(text);
  const m = DIGITS.exec(text);
  if (!m) return undefined;
  const v = parseFloat((m[2] ?? '').replace(/,/g, '') + (m[3] ?? m[4] ?? ''));
  if (!Number.isFinite(v)) return undefined;
  return m[1] === '-' ? -v : v;
}

/** The scale abbreviation at k after a figure ending at k-1, glued ("1.2bn", "10k") or spaced ("10 bln"). */
function scaleAbbrAt(v: View, k: number): { scale: number; abbr: string } | undefined {
  const t = v.tok(k);
  if (!t || t.kind !== 'word' || v.masked[k]) return undefined;
  const s = t.norm;
  const sc = SCALE_ABBR[s];
  if (sc === undefined) return undefined;
  if (!v.glued(k) && !SPACED_SCALE_ABBR.has(s)) return undefined;
  // Upper-case "M" and "MM" are mega (a million); lower-case "m" and "mm" are also metre and millimetre.
  if ((s === 'm' || s === 'mm') && t.text !== t.text.toUpperCase()) return { scale: sc, abbr: s };
  if (s === 'b' && t.text === 'b') return undefined; // "3b" is a figure's part, rarely a billion
  return { scale: sc, abbr: '' };
}

export class NumberReader {
  /** `at` per token (dates, times and figures all ask for the number at a token): undefined not asked yet, null none. */
  private readonly seen: (Num | null | undefined)[];

  constructor(private readonly v: View) {
    this.seen = new Array(v.n);
  }

  /** The number starting at token k, if any. Callers must not change it. */
  at(k: number): Num | undefined {
    if (k < 0 || k >= this.v.n) return undefined;
    let r = this.seen[k];
    if (r === undefined) r = this.seen[k] = this.read(k) ?? null;
    return r ?? undefined;
  }

  private read(k: number): Num | undefined {
    const v = this.v;
    const t = v.tok(k);
    if (!t || v.masked[k]) return undefined;
    if (t.kind === 'number') return this.digitsAt(k);
    if (t.kind === 'other') {
      const vf = VULGAR_FRACTIONS[t.text];
      if (vf) return { value: vf[0] / vf[1], i: k, j: k + 1, digits: true, plain: false, scale: 1, fraction: vf };
      return undefined;
    }
    if (t.kind !== 'word') return undefined;
    return this.wordsAt(k);
  }

  // ---- digits ------------------------------------------------------------------

  private digitsAt(k: number): Num | undefined {
    const v = this.v;
    const t = v.t[k]!;
    // the second part of "1.2.3" or of a time, or of an id ("PM2.5")
    if (v.glued(k) && /^[.:/]$/.test(v.p(k - 1)) && v.glued(k - 1) && v.tok(k - 2) && v.tok(k - 2)!.kind !== 'punct') return undefined;
    // "5/8ths": a fraction with an ordinal denominator
    if (/^\d{1,2}$/.test(t.text) && v.p(k + 1) === '/' && v.glued(k + 1) && v.tok(k + 2)?.kind === 'ordinal' && v.glued(k + 2)) {
      const d = /^(\d{1,3})(?:st|nd|rd|th)$/i.exec(v.t[k + 2]!.text);
      if (!d) return undefined;
      const f = this.slashFraction(k, false, Number(t.text), Number(d[1]));
      if (!f) return undefined;
      return { ...f, j: v.w(k + 3) === 's' && v.glued(k + 3) ? k + 4 : k + 3 };
    }
    let value = digitValue(t.text);
    if (value === undefined) {
      // "1/2", "-4/5": a fraction
      const f = /^([+-]?)(\d{1,3})\/(\d{1,3})$/.exec(t.text);
      if (f) return this.slashFraction(k, f[1] === '-', Number(f[2]), Number(f[3]));
      return undefined;
    }
    // A sign inside the token is a minus only at the start of a word ("-4", not "75-300").
    if (/^[+-]/.test(t.text) && v.glued(k) && !(/^[([{]$/.test(v.p(k - 1)) && (k - 1 === 0 || v.t[k - 1]!.sp))) return undefined;
    const plain = /^\d+$/.test(t.text);
    let j = k + 1;
    // "1 234 567", "40 000": thousands written with spaces
    if (/^\d{1,3}$/.test(t.text)) {
      const sp = this.spacedThousands(k);
      if (sp) {
        value = sp.value;
        j = sp.j;
      }
    }
    // A minus sign before the number ("-5", "−5"), after a space or at the start.
    if (!/^[+-]/.test(t.text) && v.p(k - 1) === '-' && v.glued(k) && (k - 1 === 0 || v.t[k - 1]!.sp) && v.tok(k - 1)!.text !== '\u2014') {
      value = -value;
    }
    // "2 1/4", "10 1/2 miles": a whole number and a fraction
    const nf = v.num(j);
    if (plain && nf && /^\d{1,2}\/\d{1,2}$/.test(nf.text) && !v.glued(j)) {
      const [a, b] = nf.text.split('/').map(Number) as [number, number];
      if (a < b && b > 1) return { value: value + (value < 0 ? -a / b : a / b), i: k, j: j + 1, digits: true, plain: false, scale: 1 };
    }
    // "1.3e6", "1e10", "12.32e+14", "1.3x10^6", "1.1^23"
    const sci = this.exponentAfter(j);
    if (sci) return { value: sci.power ? Math.pow(value, sci.exp) : value * Math.pow(10, sci.exp), i: k, j: sci.j, digits: true, plain: false, scale: 1 };
    const num: Num = { value, i: k, j, digits: true, plain: plain && j === k + 1, scale: 1 };
    return this.scaled(num);
  }

  /** Scale words or abbreviations after a figure ("2 million", "1.2bn", "3 lakh crore", "322 hundred", "3 dozens"). */
  private scaled(num: Num): Num {
    const v = this.v;
    const j = num.j;
    const ab = scaleAbbrAt(v, j);
    if (ab) {
      const out: Num = { ...num, value: num.value * ab.scale, j: j + 1, plain: false, scale: ab.scale };
      if (ab.abbr) out.mScale = { k: j, abbr: ab.abbr };
      return out;
    }
    const w = v.w(j);
    if (SCALES[w] !== undefined || w === 'hundred' || w === 'dozen' || w === 'dozens') {
      // digits as the first part of a number in words: "4 thousand 3 hundred and 21", "322 hundred"
      if (Number.isFinite(num.value) && Math.abs(num.value) < 1000 && Number.isInteger(num.value)) {
        const words = this.wordNumber(j, num.i, num.value, true);
        if (words && words.j > j) return { ...words, digits: true, plain: false };
      }
      // "1368 million", "1.5 million"
      if (SCALES[w] !== undefined) return { ...num, value: num.value * SCALES[w]!, j: j + 1, plain: false, scale: SCALES[w]! };
    }
    return num;
  }

  /** "1 234 567", "1 414 021 100", "40 000": groups of three digits after a first group of one to three. */
  private spacedThousands(k: number): { value: number; j: number } | undefined {
    const v = this.v;
    let j = k + 1;
    let text = v.t[k]!.text;
    let narrow = false;
    while (j < v.n) {
      const t = v.num(j);
      if (!t || !/^\d{3}(?:\.\d+)?$/.test(t.text)) break;
      const gap = v.input.slice(v.t[j - 1]!.end, t.start);
      if (gap.length !== 1) break;
      if (gap !== ' ') narrow = true;
      text += t.text;
      j++;
      if (t.text.includes('.')) break;
    }
    const groups = j - k;
    if (groups < 2) return undefined;
    // Two groups apart with an ordinary space are two numbers ("on May 5 200 people"), unless the
    // second is "000", which is never a number on its own.
    if (groups === 2 && !narrow && !v.t[k + 1]!.text.startsWith('000')) return undefined;
    return { value: parseFloat(text), j };
  }

  /** An exponent glued after a number: "e6", "e+14", "x10^6", "^23", "^-1". */
  private exponentAfter(j: number): { exp: number; j: number; power?: boolean } | undefined {
    const v = this.v;
    const t = v.tok(j);
    if (!t || !v.glued(j)) return undefined;
    const signed = (k: number): number | undefined => {
      const x = v.tok(k);
      if (!x || !v.glued(k)) return undefined;
      if (x.kind === 'number' && /^[+-]?\d{1,3}$/.test(x.text)) return Number(x.text);
      // "--23"
      if (x.text === '-' && v.tok(k + 1)?.kind === 'number' && v.glued(k + 1)) {
        const y = Number(v.tok(k + 1)!.text);
        return Number.isFinite(y) ? -y : undefined;
      }
      return undefined;
    };
    let m = /^e([+-]?\d{1,3})$/i.exec(t.text);
    if (m && t.kind === 'word') return { exp: Number(m[1]), j: j + 1 };
    if (t.kind === 'word' && /^e$/i.test(t.text)) {
      const e = signed(j + 1);
      if (e !== undefined) return { exp: e, j: j + 2 };
    }
    m = /^[x×]10$/i.exec(t.text);
    if (m && v.p(j + 1) === '^' && v.glued(j + 1)) {
      const e = signed(j + 2);
      if (e !== undefined) return { exp: e, j: j + 3 };
    }
    if (v.p(j) === '^') {
      // "^+23" comes as "^" "+23"; "^--23" as "^" "-" "-23"
      let e = signed(j + 1);
      let end = j + 2;
      if (e === undefined && v.p(j + 1) === '-' && v.glued(j + 1)) {
        const f = signed(j + 2);
        if (f !== undefined) {
          e = -f;
          end = j + 3;
        }
      }
      if (e !== undefined && Math.abs(e) <= 100) return { exp: e, j: end, power: true };
    }
    return undefined;
  }

  /** "3/4", "-4/5": a proportion when the numerator is smaller and the denominator one that fractions use. */
  private slashFraction(k: number, negative: boolean, a: number, b: number): Num | undefined {
    if (!(b >= 2 && a >= 1 && a < b)) return undefined;
    // Other pairs are dates or scores ("9/11", "24/7", "5/12").
    if (![2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100].includes(b)) return undefined;
    const value = (negative ? -a : a) / b;
    return { value, i: k, j: k + 1, digits: true, plain: false, scale: 1, fraction: [negative ? -a : a, b] };
  }

  // ---- words ---------------------------------------------------------------------

  private wordsAt(k: number): Num | undefined {
    const v = this.v;
    const s = v.w(k);
    if (!s) return undefined;
    // "minus five", "negative one"
    if (s === 'minus' || s === 'negative') {
      const n = this.at(k + 1);
      if (n && !n.plural && !n.article && n.value > 0) return { ...n, value: -n.value, i: k, fraction: n.fraction ? [-n.fraction[0], n.fraction[1]] : undefined };
      return undefined;
    }
    // approximate plurals: "thousands", "tens of thousands", "hundreds of thousands"
    if ((s === 'tens' || s === 'hundreds' || s === 'dozens') && v.w(k + 1) === 'of') {
      const base = PLURAL_NUMBERS[v.w(k + 2)];
      if (base && v.w(k + 2) !== 'dozens' && v.w(k + 2) !== 'hundreds') {
        const unit = base[0] / 2;
        const m = s === 'tens' ? 10 : s === 'hundreds' ? 100 : 12;
        const low = 2 * m * unit;
        const high = s === 'dozens' ? 99 * 12 * unit : 10 * m * unit - 1;
        return { value: low, i: k, j: k + 3, digits: false, plain: false, scale: 1, plural: [low, high] };
      }
    }
    const pl = PLURAL_NUMBERS[s];
    if (pl) return { value: pl[0], i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: pl };
    if (s === 'a' || s === 'an') return this.articleAt(k);
    if (s === 'half' || s === 'quarter') {
      // "half a million", "half a dozen", "half an hour", "quarter million"
      const of = v.w(k + 1) === 'of' ? k + 2 : k + 1;
      const a = v.w(of);
      const after = a === 'a' || a === 'an' ? of + 1 : s === 'quarter' && of === k + 1 ? of : k + 1;
      const part = s === 'half' ? 0.5 : 0.25;
      const nx = v.w(after);
      if (SCALES[nx] !== undefined && (after > k + 1 || s === 'half' || s === 'quarter')) {
        return { value: part * SCALES[nx]!, i: k, j: after + 1, digits: false, plain: false, scale: SCALES[nx]! };
      }
      if (nx === 'dozen' && after > k + 1) return { value: part * 12, i: k, j: after + 1, digits: false, plain: false, scale: 1 };
      if (s === 'half' && (a === 'a' || a === 'an') && of === k + 1) return { value: 0.5, i: k, j: k + 2, digits: false, plain: false, scale: 1, article: true };
      if (s === 'half' && !v.masked[k]) return this.bareHalf(k);
      return undefined;
    }
    if (s === 'several' && PLURAL_DURATIONS.has(v.w(k + 1))) return { value: 3, i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: [3, 9] };
    if (s === 'few' && PLURAL_DURATIONS.has(v.w(k + 1))) return { value: 2, i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: [2, 5] };
    // "twenty-first" is an ordinal, not twenty
    if (TENS[s] !== undefined && v.hyphen(k + 1) && ORDINAL_WORDS[v.w(k + 2)] !== undefined) return undefined;
    // "a few hundred", "several thousand": approximate, like "hundreds"
    if ((s === 'few' || s === 'several') && (SCALES[v.w(k + 1)] !== undefined || v.w(k + 1) === 'hundred')) {
      const sc = SCALES[v.w(k + 1)] ?? 100;
      const lo = (s === 'few' ? 2 : 3) * sc;
      return { value: lo, i: k, j: k + 2, digits: false, plain: false, scale: sc, plural: [lo, 9 * sc] };
    }
    // A bare scale word starts a number only before another ("hundred thousand dollars").
    if ((s === 'hundred' || SCALES[s] !== undefined) && SCALES[v.w(k + 1)] === undefined) return undefined;
    if (s === 'dozen' || s === 'hundred' || UNITS[s] !== undefined || TENS[s] !== undefined || SCALES[s] !== undefined) {
      const n = this.wordNumber(k, k, 0);
      if (!n) return undefined;
      return this.fractionAfter(n) ?? n;
    }
    return undefined;
  }

  /** "a"/"an": "a thousand", "a couple of", "a few days", "a third", "a half", or an article before a unit. */
  private articleAt(k: number): Num | undefined {
    const v = this.v;
    const nx = v.w(k + 1);
    if (nx === 'couple' && v.w(k + 2) === 'of') return { value: 2, i: k, j: k + 3, digits: false, plain: false, scale: 1, plural: [2, 3] };
    if (nx === 'few' && (SCALES[v.w(k + 2)] !== undefined || v.w(k + 2) === 'hundred')) {
      const sc = SCALES[v.w(k + 2)] ?? 100;
      return { value: 2 * sc, i: k, j: k + 3, digits: false, plain: false, scale: sc, plural: [2 * sc, 9 * sc] };
    }
    if (nx === 'few' && PLURAL_DURATIONS.has(v.w(k + 2))) return { value: 2, i: k, j: k + 2, digits: false, plain: false, scale: 1, plural: [2, 5] };
    if (nx === 'hundred' || nx === 'dozen' || SCALES[nx] !== undefined) {
      const n = this.wordNumber(k + 1, k, 1);
      if (n) return this.fractionAfter(n) ?? n;
    }
    // "a third of", "a fifth", "a hundredth", "a half" ("a Fourth of July" is a name)
    const den = v.tok(k + 1)?.cap ? undefined : this.denominatorAt(k + 1);
    if (den && (this.fractionEnds(den.j, true) || this.proportionBefore(k))) return { value: 1 / den.d, i: k, j: den.j, digits: false, plain: false, scale: 1, fraction: [1, den.d] };
    if (nx === 'quarter' && v.w(k + 2) === 'of') return { value: 0.25, i: k, j: k + 2, digits: false, plain: false, scale: 1, fraction: [1, 4] };
    return { value: 1, i: k, j: k + 1, digits: false, plain: false, scale: 1, article: true };
  }

  /** A qualifier or "by" before k: what follows is a proportion ("about a third", "by one third"). */
  private proportionBefore(k: number): boolean {
    return /^(?:about|around|nearly|almost|roughly|approximately|some|over|under|than|least|most|by|to|exactly|barely|just)$/.test(this.v.w(k - 1));
  }

  /**
   * A bare "half": a proportion after a qualifier or before "of" or a noun ("more than half",
   * "half of the members", "half the budget"), never after a determiner ("the second half").
   */
  private bareHalf(k: number): Num | undefined {
    const v = this.v;
    const prev = v.tok(k - 1);
    if (prev && prev.kind === 'word' && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'PRON' || prev.pos === 'NUM' || ORDINAL_WORDS[prev.norm] !== undefined)) {
      if (!/^(than|about|nearly|almost|over|under|around|some|least|roughly)$/.test(prev.norm)) return undefined;
    }
    const nx = v.tok(k + 1);
    if (nx && (v.glued(k + 1) && v.isDash(k + 1))) return undefined; // "half-time", "half-brother"
    const nw = v.w(k + 1);
    // "half of the members", "half the budget", "more than half"; not "half staff", "half time"
    const ok = nw === 'of' || (nx && nx.kind === 'word' && (nx.pos === 'DET' || nx.pos === 'PRON')) || (prev && /^(than|about|nearly|almost|over|under|around|some|least|roughly|approximately)$/.test(prev.norm));
    if (!ok) return undefined;
    return { value: 0.5, i: k, j: k + 1, digits: false, plain: false, scale: 1, fraction: [1, 2] };
  }

  /**
   * Number words from token k ("two hundred and fifty", "twenty-five", "a thousand", "4 thousand 3
   * hundred and 21"), then decimals ("point zero three"), fractions and "and a half" after a scale.
   * `init` is a value already read before k (digits, or 1 for an article).
   */
  wordNumber(k: number, first: number, init: number, digitsOnly = false): Num | undefined {
    const v = this.v;
    let total = 0;
    let cur = init;
    type Last = 'none' | 'unit' | 'tens' | 'hundred' | 'scale' | 'dozen';
    let last: Last = init ? 'unit' : 'none';
    let lastScale = 0;
    let any = init !== 0;
    let j = k;
    let scale = 1;
    while (j < v.n) {
      const s = v.w(j);
      if (!s) {
        // "twenty-five"
        if (last === 'tens' && v.hyphen(j) && UNITS[v.w(j + 1)] !== undefined && UNITS[v.w(j + 1)]! > 0) {
          j++;
          continue;
        }
        // digits after a scale or "hundred and": "4 thousand 3 hundred and 21"
        const d = v.num(j);
        if (d && (last === 'scale' || last === 'hundred') && /^\d{1,3}$/.test(d.text) && (Number(d.text) < 100 || last === 'scale')) {
          const dv = Number(d.text);
          cur += dv;
          last = dv < 10 ? 'unit' : 'tens';
          any = true;
          j++;
          continue;
        }
        break;
      }
      if (s === 'and' && (last === 'hundred' || last === 'scale')) {
        const nx = v.w(j + 1);
        const nd = v.num(j + 1);
        // "and a half", "and three quarters": a fraction, read after the loop
        if (this.denominatorAfterNumber(j + 1)) break;
        if (UNITS[nx] !== undefined || TENS[nx] !== undefined || (nd && /^\d{1,2}$/.test(nd.text))) {
          j++;
          continue;
        }
        break;
      }
      const u = UNITS[s];
      const te = TENS[s];
      // after digits and a scale, words follow only with "and" ("6 crore and two hundred"): not "1.34 billion two weeks"
      if (digitsOnly && last === 'scale' && v.w(j - 1) !== 'and' && (u !== undefined || te !== undefined)) break;
      if (u !== undefined) {
        if (!(last === 'none' || last === 'hundred' || last === 'scale' || (last === 'tens' && u > 0 && u < 10))) break;
        cur += u;
        last = 'unit';
      } else if (te !== undefined) {
        if (!(last === 'none' || last === 'hundred' || last === 'scale')) break;
        cur += te;
        last = 'tens';
      } else if (s === 'hundred') {
        if (last === 'hundred' || last === 'dozen' || last === 'scale') break;
        cur = (cur || 1) * 100;
        last = 'hundred';
      } else if (SCALES[s] !== undefined) {
        const sc = SCALES[s]!;
        if (last === 'scale') {
          // "three lakh crore", "a thousand million": a larger scale multiplies what came before
          if (sc <= lastScale || cur !== 0) break;
          total *= sc;
          scale = lastScale * sc;
          lastScale = scale;
        } else {
          total += (cur || 1) * sc;
          scale = sc;
          lastScale = sc;
          cur = 0;
        }
        last = 'scale';
      } else if (s === 'dozen' || s === 'dozens' || s === 'doz' || s === 'dozs' || s === 'dz' || s === 'dzs') {
        if (last === 'dozen' || last === 'scale' || (s !== 'dozen' && last === 'none')) break;
        cur = (cur || 1) * 12;
        last = 'dozen';
      } else break;
      any = true;
      j++;
    }
    if (!any || j === first) return undefined;
    let value = total + cur;
    const num: Num = { value, i: first, j, digits: false, plain: false, scale };
    // "two hundred point zero three", "nine point nought four", "point seventy-one"
    if (v.w(j) === 'point' && scale === 1) {
      const dec = this.decimalWords(j + 1);
      if (dec) {
        value = parseFloat(`${Math.floor(value)}.${dec.digits}`);
        return { ...num, value, j: dec.j };
      }
    }
    return this.andFraction(num);
  }

  /** Digits read one word at a time after "point" ("zero three"), or one cardinal below 100 ("seventy-one"). */
  private decimalWords(k: number): { digits: string; j: number } | undefined {
    const v = this.v;
    let digits = '';
    let j = k;
    while (j < v.n) {
      const u = UNITS[v.w(j)];
      if (u === undefined || u > 9) break;
      digits += String(u);
      j++;
    }
    if (digits) return { digits, j };
    const w = v.w(k);
    if (UNITS[w] !== undefined || TENS[w] !== undefined) {
      const n = this.wordNumber(k, k, 0);
      if (n && n.value < 100 && n.scale === 1) return { digits: String(n.value), j: n.j };
    }
    return undefined;
  }

  /**
   * After a whole number: "and a half", "and three quarters", "and two thirds". After a scale it is a
   * part of that scale ("one million and a half" = 1,500,000; "five billion and three quarters" =
   * 5,750,000,000), unless another scale follows ("one billion and a half million" = 1,000,500,000).
   */
  private andFraction(num: Num): Num {
    const v = this.v;
    let j = num.j;
    // "three-and-a-half million"
    const hyphens = v.hyphen(j) && v.w(j + 1) === 'and';
    if (hyphens) j++;
    if (v.w(j) !== 'and') return this.scaleAfterMixed(num);
    const f = this.simpleFraction(hyphens && v.hyphen(j + 1) ? j + 2 : j + 1, hyphens);
    if (!f) return num;
    const nextScale = SCALES[v.w(f.j)];
    if (nextScale !== undefined) {
      // "one billion and a half million": a part of the smaller scale; "five and a half million": the whole is scaled
      if (num.scale > nextScale) return { ...num, value: num.value + f.value * nextScale, j: f.j + 1 };
      if (num.scale === 1) return { ...num, value: (num.value + f.value) * nextScale, j: f.j + 1, scale: nextScale };
      return num;
    }
    if (num.scale > 1 && num.value % num.scale === 0) {
      return { ...num, value: num.value + f.value * num.scale, j: f.j };
    }
    if (num.scale > 1) return num;
    return this.scaleAfterMixed({ ...num, value: num.value + f.value, j: f.j });
  }

  /** "five and a half million": a whole number and a fraction, then a scale. */
  private scaleAfterMixed(num: Num): Num {
    const v = this.v;
    if (num.scale !== 1 || Number.isInteger(num.value)) return num;
    const sc = SCALES[v.w(num.j)];
    if (sc === undefined) return num;
    return { ...num, value: num.value * sc, j: num.j + 1, scale: sc };
  }

  /** A fraction after "and": "a half", "one half", "a quarter", "three quarters", "two thirds", "half". */
  private simpleFraction(k: number, hyphens = false): { value: number; j: number } | undefined {
    const v = this.v;
    const s = v.w(k);
    if (s === 'half') return { value: 0.5, j: k + 1 };
    if (s === 'a' || s === 'an' || s === 'one') {
      const d = this.denominatorAt(hyphens && v.hyphen(k + 1) ? k + 2 : k + 1);
      if (d && d.singular) return { value: 1 / d.d, j: d.j };
      return undefined;
    }
    const n = UNITS[s] ?? TENS[s];
    if (n === undefined || n < 1) return undefined;
    const numer = this.wordNumber(k, k, 0);
    if (!numer || numer.j > k + 3 || numer.scale > 1) return undefined;
    const d = this.denominatorAt(numer.j);
    if (d && !d.singular) return { value: numer.value / d.d, j: d.j };
    return undefined;
  }

  /** Whether a fraction (numerator and denominator) starts at k: "a half", "three quarters". */
  private denominatorAfterNumber(k: number): boolean {
    return this.simpleFraction(k) !== undefined;
  }

  /**
   * A denominator in words at k: "third(s)", "quarter(s)", "half", "hundredth(s)", or a cardinal and an
   * ordinal ("twenty-first(s)", "twenty fifths", "one hundred fifth"). `singular`: "third", not "thirds".
   * "second" is a denominator only hyphenated ("twenty-second"): "twenty seconds" is a time.
   */
  denominatorAt(k: number): { d: number; j: number; singular: boolean } | undefined {
    const v = this.v;
    const s = v.w(k);
    if (!s) return undefined;
    const direct = DENOMINATOR_WORDS[s];
    if (direct !== undefined) return { d: direct, j: k + 1, singular: !/s$/.test(s) };
    let j = k;
    let cur = 0;
    while (j < v.n && j - k < 7) {
      const w = v.w(j);
      if (!w) {
        if (cur > 0 && v.hyphen(j)) {
          j++;
          continue;
        }
        return undefined;
      }
      const plural = !(w in ORDINAL_WORDS) && w.endsWith('s') && ORDINAL_WORDS[w.slice(0, -1)] !== undefined;
      const ord = ORDINAL_WORDS[plural ? w.slice(0, -1) : w];
      if (cur > 0 && ord !== undefined) {
        const hyphenated = v.hyphen(j - 1);
        if (ord < 3 && !hyphenated && !(ord === 1 && plural)) return undefined;
        const sc = SCALE_ORDINALS[plural ? w.slice(0, -1) : w];
        const d = sc !== undefined ? cur * sc : cur + ord;
        return { d, j: j + 1, singular: !plural };
      }
      const u = UNITS[w];
      const te = TENS[w];
      if (u !== undefined && u > 0 && cur % 10 === 0) cur += u;
      else if (te !== undefined && cur % 100 === 0) cur += te;
      else if (w === 'hundred' && cur > 0 && cur < 10) cur *= 100;
      else if (w === 'and' && cur > 0 && cur % 100 === 0) {
        /* "one hundred and fifth" */
      } else return undefined;
      j++;
    }
    return undefined;
  }

  /**
   * Whether a fraction with a singular denominator ends at j ("a third", "one fifth"): it is
   * followed by "of", by punctuation, or by the end; before a noun it is an ordinal ("a third round").
   */
  private fractionEnds(j: number, singular: boolean): boolean {
    const v = this.v;
    const t = v.tok(j);
    if (t && v.isDash(j) && v.glued(j)) return false; // "one half-sister", "a third-party"
    if (!singular) return true;
    // "a fourth from Germany", "a third round": "a"/"one" and an ordinal are a fraction only before
    // "of" or a scale ("a third of", "a quarter million"), or at the very end.
    if (!t) return true;
    const w = v.w(j);
    return w === 'of' || SCALES[w] !== undefined || (t.kind === 'punct' && /^[.!?]$/.test(t.norm) && j === v.n - 1);
  }

  /**
   * After a number in words: a denominator makes it a fraction ("two thirds", "one eighth",
   * "twenty-three fifths", "a hundred trillionths"), and "<fraction> of a million" scales it.
   * Ratios: "one in five", "two out of three".
   */
  private fractionAfter(n: Num): Num | undefined {
    const v = this.v;
    if (n.plural || n.article) return undefined;
    let j = n.j;
    if (v.hyphen(j)) j++; // "one-eighth"
    const d = this.denominatorAt(j);
    if (d && n.value >= 1 && Number.isInteger(n.value)) {
      // "one third", "a fifth": singular with one; "two thirds": plural with more
      const ok = n.value === 1 ? d.singular && (this.fractionEnds(d.j, true) || this.proportionBefore(n.i) || v.hyphen(n.j)) : !d.singular;
      if (ok) {
        let value = n.value / d.d;
        let end = d.j;
        // "two thirds of a million"
        if (v.w(end) === 'of' && (v.w(end + 1) === 'a' || v.w(end + 1) === 'one') && SCALES[v.w(end + 2)] !== undefined) {
          value *= SCALES[v.w(end + 2)]!;
          end += 3;
          return { value, i: n.i, j: end, digits: false, plain: false, scale: SCALES[v.w(end - 1)]! };
        }
        return { value, i: n.i, j: end, digits: false, plain: false, scale: 1, fraction: [n.value, d.d] };
      }
    }
    return this.ratioAfter(n);
  }

  /** "one in five", "1 in twenty-one", "two out of three", "two out of five hundred": a proportion. */
  ratioAfter(n: Num): Num | undefined {
    const v = this.v;
    if (n.plural || n.article || !Number.isInteger(n.value) || n.value < 1 || n.fraction) return undefined;
    let j = n.j;
    const w = v.w(j);
    if (w === 'out' && v.w(j + 1) === 'of') j += 2;
    else if (w === 'in') j += 1;
    else return undefined;
    const m = this.at(j);
    if (!m || m.plural || m.article || m.fraction || !Number.isInteger(m.value)) return undefined;
    // "one in 2019" is a year; "12 in six boxes" is no ratio (a part is smaller than the whole)
    if (m.value <= n.value || (m.plain && m.value >= 1000)) return undefined;
    return { value: n.value / m.value, i: n.i, j: m.j, digits: n.digits, plain: false, scale: 1, fraction: [n.value, m.value] };
  }
}
