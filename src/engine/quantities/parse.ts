/**
 * Finds figures in English news text: counts, durations, dates, ordinals,
 * percentages, money, years and clock times, each with the interval its
 * wording allows.
 */
import { lex, type Tok } from './lex';
import { applyQualifier, QUALIFIER_PHRASES } from './interval';

/** Verbs whose particle "over"/"under" is not a qualifier ("hand over", "took over", "went under"). */
const PARTICLE_VERBS = /^(hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|pass|passes|passed|passing|give|gives|gave|given|giving|go|goes|went|gone|going|come|came|fight|fought|look|looked|watch|watched|rule|ruled|preside|presided|knock|knocked|bowl|bowled|roll|rolled|fall|fell)$/;
import type { DateValue, PartOfDay, Qualifier, Quantity, QuantityKind } from './types';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DATE_PREPS,
  DETERMINERS,
  DURATION_UNITS,
  MONTHS,
  NOT_A_NOUN,
  ONE_PRONOUN_AFTER,
  ONE_PRONOUN_BEFORE,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  PLURAL_DURATIONS,
  PLURAL_NUMBERS,
  SCALE_ABBR,
  SCALES,
  SIDE_NOUNS,
  TENS,
  UNITS,
  WEEKDAYS,
} from './words';

const DAY_SECONDS = 86400;
const ABBREV_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Words before an adverbial "each" ("they will each release 500"). */
const EACH_SUBJECTS = new Set([
  'will', 'would', 'could', 'can', 'should', 'must', 'may', 'might', 'to', 'have', 'had', 'has', 'are', 'were', 'they', 'both',
  'we', 'sides', 'countries', 'parties', 'two', 'll',
]);

/** Days since 1970-01-01 of a calendar date, or NaN when the date does not exist. */
export function epochDay(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return NaN;
  return Math.round(ms / (DAY_SECONDS * 1000));
}

export function weekdayOf(year: number, month: number, day: number): number {
  const e = epochDay(year, month, day);
  if (Number.isNaN(e)) return NaN;
  // 1970-01-01 was a Thursday (4)
  return (((e + 4) % 7) + 7) % 7;
}

interface Num {
  value: number;
  /** First and after-last token of the figure. */
  i: number;
  j: number;
  digits: boolean;
  /** Plain integer digits without separators or scale ("2022"). */
  plain: boolean;
  /** Multiplier from a scale word ("million"), 1 when none. */
  scale: number;
  /** "a"/"an"/"half an": only a number when a unit follows. */
  article?: boolean;
  plural?: [number, number];
}

interface Fig {
  kind: QuantityKind;
  value: number;
  low: number;
  high: number;
  lowOpen?: boolean;
  highOpen?: boolean;
  qualifier: Qualifier;
  unit?: string;
  currency?: string;
  compound?: boolean;
  approxRound?: boolean;
  perSide?: boolean;
  date?: DateValue;
  /** Token range of the figure itself. */
  vs: number;
  ve: number;
  /** Token after the whole match. */
  next: number;
}

function isRound(v: number): boolean {
  if (!Number.isFinite(v) || v < 10) return false;
  const digits = Math.floor(Math.log10(v)) + 1;
  const unit = Math.pow(10, Math.max(0, digits - 2));
  return Math.abs(v / unit - Math.round(v / unit)) < 1e-9;
}

/** Qualifier phrases by first word, in `QUALIFIER_PHRASES` order. */
const QUALIFIERS_BY_FIRST = new Map<string, [string[], Qualifier][]>();
for (const p of QUALIFIER_PHRASES) {
  const list = QUALIFIERS_BY_FIRST.get(p[0][0]!);
  if (list) list.push(p);
  else QUALIFIERS_BY_FIRST.set(p[0][0]!, [p]);
}

/**
 * Every word a figure can start with: the first words `at` and the parsers it
 * calls test for (any other word token starts none, and `at` skips it).
 */
const STARTERS = new Set<string>([
  ...Object.keys(WEEKDAYS), ...Object.keys(MONTHS), 'yesterday', 'today', 'tomorrow', 'tonight', 'last', 'next', 'this',
  'early', 'mid', 'late', 'end', 'beginning', 'start',
  ...QUALIFIERS_BY_FIRST.keys(), 'between',
  'us', 'u.s', 'a', 'c', ...Object.keys(CURRENCY_CODES),
  'tens', 'hundreds', 'dozens', ...Object.keys(PLURAL_NUMBERS), 'an', 'half', 'several', 'few', 'dozen', ...Object.keys(TENS), ...Object.keys(UNITS),
  ...Object.keys(ORDINAL_WORDS), ...PLURAL_DURATIONS,
]);

const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', ';', '"', '(', '[', '-', "'", '*', '#', '>', '\n']);
const STOP_SCAN = new Set(['.', '!', '?', ';', ':', '(', ')', '"']);
const RATE_WORDS = new Set(['once', 'twice', 'thrice', 'times', 'per', 'every']);
const PLURAL_DURATION_PREPS = new Set(['within', 'for', 'in', 'after', 'over', 'lasting', 'lasted', 'took', 'past', 'last', 'taking', 'spent']);

class Parser {
  private readonly n: number;

  constructor(
    private readonly input: string,
    private readonly t: Tok[],
  ) {
    this.n = t.length;
  }

  run(): Quantity[] {
    const out: Quantity[] = [];
    let k = 0;
    let guard = 0;
    while (k < this.n && guard++ < 4 * this.n + 10) {
      let r: { q: Quantity; next: number } | undefined;
      try {
        r = this.at(k);
      } catch {
        r = undefined;
      }
      if (r && r.next > k && r.q.start < r.q.end && (out.length === 0 || r.q.start >= out[out.length - 1]!.end)) {
        out.push(r.q);
        k = r.next;
      } else k++;
    }
    return out;
  }

  // ---- token helpers -------------------------------------------------------

  private tok(k: number): Tok | undefined {
    return k >= 0 && k < this.n ? this.t[k] : undefined;
  }

  /** Folded word at k ('' when not an unmasked word). */
  private w(k: number): string {
    const t = this.tok(k);
    return t && t.type === 'word' && !t.masked ? t.s : '';
  }

  private p(k: number): string {
    const t = this.tok(k);
    return t && t.type === 'punct' ? t.s : '';
  }

  /** Token k directly follows k-1 with no space. */
  private glued(k: number): boolean {
    const t = this.tok(k);
    return !!t && !t.sp && k > 0;
  }

  private isDash(k: number): boolean {
    const s = this.p(k);
    return s === '-';
  }

  private sentenceStart(k: number): boolean {
    if (k <= 0) return true;
    const prev = this.t[k - 1]!;
    if (prev.type === 'punct' && SENTENCE_PUNCT.has(prev.s)) return true;
    // a line break between the tokens
    const gap = this.input.slice(prev.end, this.t[k]!.start);
    return gap.includes('\n');
  }

  private quantity(kind: QuantityKind, startTok: number, endTok: number, vs: number, ve: number, f: Partial<Quantity>): { q: Quantity; next: number } {
    const start = this.t[startTok]!.start;
    const end = this.t[endTok - 1]!.end;
    const valueStart = this.t[vs]!.start;
    const valueEnd = this.t[ve - 1]!.end;
    const q: Quantity = {
      kind,
      text: this.input.slice(start, end),
      start,
      end,
      valueStart: Math.max(start, valueStart),
      valueEnd: Math.min(end, valueEnd),
      value: f.value ?? NaN,
      low: f.low ?? NaN,
      high: f.high ?? NaN,
      qualifier: f.qualifier ?? 'exact',
    };
    if (f.lowOpen) q.lowOpen = true;
    if (f.highOpen) q.highOpen = true;
    if (f.unit !== undefined) q.unit = f.unit;
    if (f.currency !== undefined) q.currency = f.currency;
    if (f.date !== undefined) q.date = f.date;
    if (f.perSide) q.perSide = true;
    if (f.compound) q.compound = true;
    if (f.approxRound) q.approxRound = true;
    return { q, next: endTok };
  }

  // ---- dispatcher ----------------------------------------------------------

  private at(k: number): { q: Quantity; next: number } | undefined {
    const t = this.t[k]!;
    if (t.masked) return undefined;
    // Only numbers, currency signs and a few words can start a figure.
    if (t.type === 'word' ? !STARTERS.has(t.s) : t.type === 'punct' && CURRENCY_SYMBOLS[t.s] === undefined) return undefined;
    return this.dateAt(k) ?? this.timeAt(k) ?? this.figureAt(k) ?? this.ordinalWordAt(k) ?? this.pluralDurationAt(k);
  }

  // ---- numbers -------------------------------------------------------------

  private numAt(k: number): Num | undefined {
    const t = this.tok(k);
    if (!t || t.masked) return undefined;
    if (t.type === 'num') {
      if (t.s.length > 24) return undefined;
      // the second part of "1.2.3" or a time "17:41"
      if (this.glued(k) && (this.p(k - 1) === '.' || this.p(k - 1) === ':') && this.tok(k - 2)?.type === 'num') return undefined;
      let v = parseFloat(t.s.replace(/,/g, ''));
      if (!Number.isFinite(v)) return undefined;
      let j = k + 1;
      let scale = 1;
      const nx = this.tok(j);
      if (nx && nx.type === 'word' && !nx.sp && SCALE_ABBR[nx.s] !== undefined) {
        scale = SCALE_ABBR[nx.s]!;
        j++;
      } else if (nx && nx.type === 'word' && SCALES[nx.s] !== undefined) {
        scale = SCALES[nx.s]!;
        j++;
        if (this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half') {
          v += 0.5;
          j += 3;
        }
      }
      const plain = scale === 1 && !t.s.includes(',') && !t.s.includes('.');
      return { value: v * scale, i: k, j, digits: true, plain, scale };
    }
    if (t.type !== 'word') return undefined;
    const s = t.s;
    // approximate plurals: "thousands", "tens of thousands", "hundreds of thousands"
    if ((s === 'tens' || s === 'hundreds' || s === 'dozens') && this.w(k + 1) === 'of') {
      const base = PLURAL_NUMBERS[this.w(k + 2)];
      if (base && this.w(k + 2) !== 'dozens' && this.w(k + 2) !== 'hundreds') {
        const unit = base[0] / 2;
        const m = s === 'tens' ? 10 : s === 'hundreds' ? 100 : 12;
        const low = 2 * m * unit;
        const high = s === 'dozens' ? 99 * 12 * unit : 10 * m * unit - 1;
        return { value: low, i: k, j: k + 3, digits: false, plain: false, scale: 1, plural: [low, high] };
      }
    }
    const pl = PLURAL_NUMBERS[s];
    if (pl) return { value: pl[0], i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: pl };
    if (s === 'a' || s === 'an') {
      const nx = this.w(k + 1);
      if (nx === 'couple' && this.w(k + 2) === 'of') return { value: 2, i: k, j: k + 3, digits: false, plain: false, scale: 1, plural: [2, 3] };
      if (nx === 'few' && PLURAL_DURATIONS.has(this.w(k + 2))) return { value: 2, i: k, j: k + 2, digits: false, plain: false, scale: 1, plural: [2, 5] };
      if (nx === 'hundred' || nx === 'dozen' || SCALES[nx] !== undefined) return this.wordNumber(k + 1, k, 1);
      return { value: 1, i: k, j: k + 1, digits: false, plain: false, scale: 1, article: true };
    }
    if (s === 'half') {
      const a = this.w(k + 1);
      if (a === 'a' || a === 'an') {
        const nx = this.w(k + 2);
        if (SCALES[nx] !== undefined) return { value: 0.5 * SCALES[nx]!, i: k, j: k + 3, digits: false, plain: false, scale: SCALES[nx]! };
        if (nx === 'dozen') return { value: 6, i: k, j: k + 3, digits: false, plain: false, scale: 1 };
        return { value: 0.5, i: k, j: k + 2, digits: false, plain: false, scale: 1, article: true };
      }
      return undefined;
    }
    if (s === 'several' && PLURAL_DURATIONS.has(this.w(k + 1))) return { value: 3, i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: [3, 9] };
    if (s === 'few' && PLURAL_DURATIONS.has(this.w(k + 1))) return { value: 2, i: k, j: k + 1, digits: false, plain: false, scale: 1, plural: [2, 5] };
    if (TENS[s] !== undefined && this.isDash(k + 1) && this.glued(k + 1) && ORDINAL_WORDS[this.w(k + 2)] !== undefined) return undefined;
    if (s === 'dozen' || UNITS[s] !== undefined || TENS[s] !== undefined) return this.wordNumber(k, k, 0);
    return undefined;
  }

  /** Number words from token k ("two hundred and fifty", "twenty-five", "a thousand"). */
  private wordNumber(k: number, first: number, init: number): Num | undefined {
    let total = 0;
    let cur = init;
    let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' | 'dozen' = init ? 'unit' : 'none';
    let any = init > 0;
    let j = k;
    let scale = 1;
    while (j < this.n) {
      const s = this.w(j);
      if (!s) {
        // "twenty-five"
        if (last === 'tens' && this.isDash(j) && this.glued(j) && this.glued(j + 1) && UNITS[this.w(j + 1)] !== undefined) {
          j++;
          continue;
        }
        break;
      }
      if (s === 'and' && (last === 'hundred' || last === 'scale')) {
        const nx = this.w(j + 1);
        if (UNITS[nx] !== undefined || TENS[nx] !== undefined) {
          j++;
          continue;
        }
        break;
      }
      const u = UNITS[s];
      const te = TENS[s];
      if (u !== undefined) {
        if (!(last === 'none' || last === 'hundred' || last === 'scale' || (last === 'tens' && u > 0 && u < 10))) break;
        cur += u;
        last = 'unit';
      } else if (te !== undefined) {
        if (!(last === 'none' || last === 'hundred' || last === 'scale')) break;
        cur += te;
        last = 'tens';
      } else if (s === 'hundred') {
        if (last === 'hundred' || last === 'scale' || last === 'dozen') break;
        cur = (cur || 1) * 100;
        last = 'hundred';
      } else if (SCALES[s] !== undefined) {
        if (last === 'scale') break;
        const sc = SCALES[s]!;
        total += (cur || 1) * sc;
        scale = sc;
        cur = 0;
        last = 'scale';
      } else if (s === 'dozen') {
        if (last === 'dozen' || last === 'scale') break;
        cur = (cur || 1) * 12;
        last = 'dozen';
      } else break;
      any = true;
      j++;
    }
    if (!any || j === first) return undefined;
    let value = total + cur;
    if (this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half') {
      value += 0.5;
      j += 3;
    }
    return { value, i: first, j, digits: false, plain: false, scale };
  }

  // ---- figures with qualifiers ---------------------------------------------

  private qualifierAt(k: number): { q: Qualifier; j: number } | undefined {
    const first = this.w(k);
    if (!first) return undefined;
    // "hand over 1,500", "took over 20 towns": a verb's particle, not "more than".
    if ((first === 'over' || first === 'under') && PARTICLE_VERBS.test(this.w(k - 1) ?? '')) return undefined;
    for (const [words, q] of QUALIFIERS_BY_FIRST.get(first) ?? []) {
      let ok = true;
      for (let x = 1; x < words.length; x++) {
        if (this.w(k + x) !== words[x]) {
          ok = false;
          break;
        }
      }
      if (ok) return { q, j: k + words.length };
    }
    return undefined;
  }

  private figureAt(k: number): { q: Quantity; next: number } | undefined {
    const qual = this.qualifierAt(k);
    let q: Qualifier = 'exact';
    let j = k;
    let between = false;
    if (qual) {
      q = qual.q;
      j = qual.j;
    } else if (this.w(k) === 'between') {
      between = true;
      j = k + 1;
    }
    const f = this.bareFigure(j, between);
    if (!f) return undefined;
    let start = k;
    if (between && f.qualifier !== 'range') start = j;
    if ((f.kind === 'year' || f.kind === 'ordinal' || f.kind === 'date' || f.kind === 'time') && q !== 'exact') {
      // "around 2010 the company…": the qualifier does not bound a calendar year
      start = j;
      q = 'exact';
    }
    if (f.qualifier === 'range' || f.qualifier === 'plural') {
      // keep the range; a preceding qualifier only widens the text
    } else if (q !== 'exact') {
      f.qualifier = q;
      const iv = applyQualifier(q, f.value);
      f.low = iv.low;
      f.high = iv.high;
      f.lowOpen = iv.lowOpen;
      f.highOpen = iv.highOpen;
    }
    // "or so", "more or less" after the figure
    let next = f.next;
    if (f.qualifier === 'exact' && (f.kind === 'count' || f.kind === 'duration' || f.kind === 'money' || f.kind === 'percent')) {
      if (this.w(next) === 'or' && this.w(next + 1) === 'so') {
        const iv = applyQualifier('about', f.value);
        Object.assign(f, { qualifier: 'about', low: iv.low, high: iv.high });
        next += 2;
      }
    }
    if (f.kind === 'count' || f.kind === 'money' || f.kind === 'duration') {
      if (this.perSideAround(start, next)) f.perSide = true;
    }
    return this.quantity(f.kind, start, next, f.vs, f.ve, f);
  }

  private perSideAround(start: number, next: number): boolean {
    // after: "1,000 each", "1,000 prisoners of war each", "500 apiece", "500 per side"
    for (let x = next, seen = 0; x < this.n && seen < 7; x++, seen++) {
      const t = this.t[x]!;
      if (t.type === 'num') break;
      if (t.type === 'punct') {
        if (t.s === '-' || t.s === ',') continue;
        break;
      }
      const s = t.s;
      if (s === 'apiece') return true;
      if (s === 'each') {
        const nx = this.tok(x + 1);
        if (!nx || nx.type === 'punct') return true;
        const ns = this.w(x + 1);
        if (ns === 'other') return false;
        if (SIDE_NOUNS.has(ns) || NOT_A_NOUN.has(ns)) return true;
        return false;
      }
      if ((s === 'per' || s === 'a') && SIDE_NOUNS.has(this.w(x + 1))) return true;
    }
    // before: "each side will release 1,000"
    for (let x = start - 1, seen = 0; x >= 0 && seen < 8; x--, seen++) {
      const t = this.t[x]!;
      if (t.type === 'punct' && STOP_SCAN.has(t.s)) break;
      if (t.type === 'num') break;
      if (t.s === 'each' && (SIDE_NOUNS.has(this.w(x + 1)) || EACH_SUBJECTS.has(this.w(x - 1)))) return true;
    }
    return false;
  }

  private currencyBefore(k: number): { cur: string; j: number } | undefined {
    const t = this.tok(k);
    if (!t || t.masked) return undefined;
    if (t.type === 'punct' && CURRENCY_SYMBOLS[t.s]) return { cur: CURRENCY_SYMBOLS[t.s]!, j: k + 1 };
    if (t.type === 'word') {
      if ((t.s === 'us' || t.s === 'u.s') && this.p(k + 1) === '$' && this.glued(k + 1)) return { cur: 'USD', j: k + 2 };
      if ((t.s === 'a' || t.s === 'c') && t.cap && this.p(k + 1) === '$' && this.glued(k + 1)) return { cur: t.s === 'a' ? 'AUD' : 'CAD', j: k + 2 };
      const code = CURRENCY_CODES[t.s];
      if (code) {
        const orig = this.input.slice(t.start, t.end);
        if (orig === orig.toUpperCase() && this.tok(k + 1)?.type === 'num') return { cur: code, j: k + 1 };
      }
    }
    return undefined;
  }

  private bareFigure(k: number, between: boolean): Fig | undefined {
    const curPre = this.currencyBefore(k);
    const nk = curPre ? curPre.j : k;
    const num = this.numAt(nk);
    if (!num) return undefined;
    const first = this.t[nk]!;
    let currency = curPre?.cur;

    // approximate plurals ("thousands of captives", "millions of dollars", "dozens of hours")
    if (num.plural) {
      let j = num.j;
      const ofUnit = this.w(j) === 'of' ? this.w(j + 1) : this.w(j);
      const unitTok = this.w(j) === 'of' ? j + 1 : j;
      const sec = DURATION_UNITS[ofUnit];
      if (sec !== undefined && PLURAL_DURATIONS.has(ofUnit)) {
        return { kind: 'duration', value: num.value * sec, low: num.plural[0] * sec, high: num.plural[1] * sec, qualifier: 'plural', unit: 'second', vs: k, ve: unitTok + 1, next: unitTok + 1 };
      }
      if (num.value === 2 && num.plural[1] <= 5) return undefined; // "a few", "a couple of" + noun: not a figure
      const cw = CURRENCY_WORDS[ofUnit];
      if (cw && this.w(j) === 'of') {
        return { kind: 'money', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', unit: cw, currency: cw, vs: k, ve: j + 2, next: j + 2 };
      }
      if (currency) return { kind: 'money', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', unit: currency, currency, vs: k, ve: j, next: j };
      // "Thousands" at a sentence start is fine; a bare capitalised plural mid-sentence is a name
      if (first.cap && !this.sentenceStart(nk)) return undefined;
      return { kind: 'count', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', vs: k, ve: num.j, next: num.j };
    }

    // ordinals "18th", ranks "#5", "No. 1"
    if (num.digits && num.scale === 1) {
      const suf = this.tok(nk + 1);
      if (suf && suf.type === 'word' && !suf.sp && (suf.s === 'st' || suf.s === 'nd' || suf.s === 'rd' || suf.s === 'th') && !first.s.includes('.') && !first.s.includes(',') && !curPre) {
        return { kind: 'ordinal', value: num.value, low: num.value, high: num.value, qualifier: 'exact', vs: k, ve: nk + 2, next: nk + 2 };
      }
      if (num.plain && !curPre && (this.p(nk - 1) === '#' && this.glued(nk))) {
        return { kind: 'ordinal', value: num.value, low: num.value, high: num.value, qualifier: 'exact', vs: k, ve: num.j, next: num.j };
      }
      // decades "the 1990s"
      if (num.plain && first.s.length === 4 && suf && !suf.sp && suf.s === 's' && num.value % 10 === 0) {
        return { kind: 'year', value: num.value, low: num.value, high: num.value + 9, qualifier: 'range', vs: k, ve: nk + 2, next: nk + 2 };
      }
    }

    // ranges: "two or three", "10-20", "10 to 20", "between 10 and 20"
    let second: Num | undefined;
    let secondCur: string | undefined;
    let j = num.j;
    {
      const sep = this.tok(j);
      if (sep && !sep.masked) {
        const isHyphen = sep.type === 'punct' && sep.s === '-' && num.digits;
        const isWord = sep.type === 'word' && (sep.s === 'or' || sep.s === 'to' || (between && sep.s === 'and'));
        if (isHyphen || isWord) {
          let k2 = j + 1;
          const c2 = this.currencyBefore(k2);
          if (c2) k2 = c2.j;
          const n2 = this.numAt(k2);
          if (n2 && !n2.plural && !n2.article && (!isHyphen || (n2.digits && this.glued(k2)))) {
            let v1 = num.value;
            if (n2.scale > 1 && num.scale === 1 && num.value < 1000) v1 = num.value * n2.scale;
            // "2022-23": a span of years
            if (isHyphen && num.plain && first.s.length === 4 && n2.plain && this.t[k2]!.s.length === 2 && num.value >= 1800 && num.value <= 2100) {
              const y2 = Math.floor(num.value / 100) * 100 + n2.value;
              if (y2 > num.value) return { kind: 'year', value: num.value, low: num.value, high: y2, qualifier: 'range', vs: k, ve: n2.j, next: n2.j };
            }
            // "1994-1995", "1873–1940", "from 2019 to 2022": a span of years
            if (num.plain && n2.plain && !curPre && !c2 && first.s.length === 4 && this.t[k2]!.s.length === 4 && num.value >= 1000 && num.value <= 2100 && n2.value > num.value && n2.value <= 2100) {
              return { kind: 'year', value: num.value, low: num.value, high: n2.value, qualifier: 'range', vs: k, ve: n2.j, next: n2.j };
            }
            if (n2.value > v1) {
              second = n2;
              secondCur = c2?.cur;
              num.value = v1;
              j = n2.j;
            }
          }
        }
      }
    }
    if (second && !currency && secondCur) currency = secondCur;
    const v = num.value;
    const lowV = v;
    const highV = second ? second.value : v;
    const ranged = !!second;
    const round = isRound(v) || num.scale > 1;

    // percent
    const u = this.tok(j);
    const uw = this.w(j);
    if (u && !u.masked) {
      let pe = 0;
      if (u.type === 'punct' && u.s === '%') pe = j + 1;
      else if (uw === 'percent' || uw === 'pct') pe = j + 1;
      else if (uw === 'per' && this.w(j + 1) === 'cent') pe = j + 2;
      else if (uw === 'pc' && !u.sp) pe = j + 1;
      else if (uw === 'percentage' && (this.w(j + 1) === 'points' || this.w(j + 1) === 'point')) pe = j + 2;
      if (pe && !num.article) {
        return this.fig('percent', lowV, highV, ranged, { unit: 'percent', approxRound: round }, k, pe);
      }
    }

    // money: "$500 billion", "500 million dollars", "€2m"
    if (!num.article) {
      let me = 0;
      let cw: string | undefined;
      if (uw === 'us' && CURRENCY_WORDS[this.w(j + 1)]) {
        cw = CURRENCY_WORDS[this.w(j + 1)];
        me = j + 2;
      } else if (CURRENCY_WORDS[uw] && !(uw === 'pound' || uw === 'pounds') ) {
        cw = CURRENCY_WORDS[uw];
        me = j + 1;
      } else if ((uw === 'pound' || uw === 'pounds') && (currency || num.scale > 1 || this.w(j + 1) === 'sterling')) {
        cw = 'GBP';
        me = j + 1;
      } else if (CURRENCY_CODES[uw] && u && u.type === 'word') {
        const orig = this.input.slice(u.start, u.end);
        if (orig === orig.toUpperCase() && orig.length === 3) {
          cw = CURRENCY_CODES[uw];
          me = j + 1;
        }
      }
      if (cw && !currency) currency = cw;
      if (currency) {
        const end = me || j;
        return this.fig('money', lowV, highV, ranged, { unit: currency, currency, approxRound: round }, k, end);
      }
    }

    // durations: "two hours", "a 30-day ceasefire", "three-year-old", "an hour and a half"
    {
      let uj = j;
      let compound = false;
      if (this.isDash(uj) && this.glued(uj) && this.glued(uj + 1)) {
        compound = true;
        uj++;
      }
      const unitWord = this.w(uj);
      const sec = DURATION_UNITS[unitWord];
      if (sec !== undefined && !(compound && !this.tok(uj)) && !(unitWord === 'h' && this.tok(uj)!.sp) && !(unitWord === 'min' && compound && false)) {
        if (num.article && unitWord === 'second') {
          const nx = this.w(uj + 1);
          if (nx && !NOT_A_NOUN.has(nx)) return undefined; // "a second round"
        }
        if (num.article && RATE_WORDS.has(this.w(num.i - 1))) return undefined; // "twice a day"
        if (num.article && this.w(num.i - 1) === 'per') return undefined;
        // a bare unit "minute" after a word number that is really "one" pronoun is fine
        let end = uj + 1;
        let lo = lowV;
        let hi = highV;
        if (compound && this.isDash(end) && this.glued(end) && this.w(end + 1) === 'old' && this.glued(end + 1)) end += 2;
        else if (!compound && this.w(end) === 'old') end += 0;
        if (!compound && !ranged && this.w(end) === 'and' && this.w(end + 1) === 'a' && this.w(end + 2) === 'half') {
          lo += 0.5;
          hi += 0.5;
          end += 3;
        }
        // "12 hours ago", "two days ago": a relative date
        if (this.w(end) === 'ago' && !ranged && (sec === 3600 || sec === DAY_SECONDS || sec === 60)) {
          const date: DateValue = sec === DAY_SECONDS ? { relative: 'daysAgo', amount: lo } : { relative: 'hoursAgo', amount: sec === 60 ? lo / 60 : lo };
          return { kind: 'date', value: NaN, low: NaN, high: NaN, qualifier: 'exact', date, vs: k, ve: end + 1, next: end + 1 };
        }
        const f = this.fig('duration', lo * sec, hi * sec, ranged, { unit: 'second', approxRound: isRound(lo) || num.scale > 1 }, k, end);
        if (compound) f.compound = true;
        return f;
      }
    }

    if (num.article) return undefined;
    if (num.value === 0.5 && !num.digits) return undefined;

    // calendar years: "in 2022", "since 2019", "2022 talks"
    if (num.plain && !ranged && first.s.length === 4 && num.value >= 1800 && num.value <= 2100 && !curPre) {
      const prevW = this.w(nk - 1);
      const qualified = nk > 0 && !DATE_PREPS.has(prevW) && this.isQualifierWordBefore(nk);
      const nx = this.tok(j);
      const nounAfter = !!nx && nx.type === 'word' && !NOT_A_NOUN.has(nx.s) && MONTHS[nx.s] === undefined;
      if (!(qualified && nounAfter)) {
        return { kind: 'year', value: num.value, low: num.value, high: num.value, qualifier: 'exact', date: { year: num.value }, vs: k, ve: j, next: j };
      }
    }

    // counts
    if (!num.digits) {
      if (first.cap && !this.sentenceStart(nk)) return undefined; // "World War Two", "Twenty One Pilots"
      if (first.s === 'one' && num.j === nk + 1) {
        const prev = this.w(nk - 1);
        const nx = this.tok(num.j);
        if (ONE_PRONOUN_BEFORE.has(prev)) return undefined;
        if (!nx || nx.type !== 'word' || ONE_PRONOUN_AFTER.has(nx.s) || NOT_A_NOUN.has(nx.s)) return undefined;
      }
      if (first.s === 'dozen' && !ranged) {
        // "dozen" alone is fine ("dozen people") but rare; keep it
      }
    } else {
      // identifiers: "Article 5", "Boeing 737", "Cars 3"
      const prev = this.tok(nk - 1);
      if (
        !ranged && num.plain && num.value < 10000 && prev && prev.type === 'word' && prev.cap && !this.sentenceStart(nk - 1) &&
        MONTHS[prev.s] === undefined && WEEKDAYS[prev.s] === undefined && !curPre
      ) return undefined;
      // "No. 1"
      if (num.plain && !ranged && this.p(nk - 1) === '.' && this.w(nk - 2) === 'no' && this.t[nk - 2]!.cap) {
        return { kind: 'ordinal', value: num.value, low: num.value, high: num.value, qualifier: 'exact', vs: nk - 2, ve: j, next: j };
      }
    }
    const f = this.fig('count', lowV, highV, ranged, { approxRound: round }, k, j);
    return f;
  }

  private isQualifierWordBefore(nk: number): boolean {
    const prev = this.w(nk - 1);
    return ['about', 'around', 'over', 'than', 'nearly', 'almost', 'some', 'roughly', 'approximately', 'under', 'least', 'to', 'estimated', 'most', 'below', 'above'].includes(prev);
  }

  private fig(kind: QuantityKind, low: number, high: number, ranged: boolean, extra: Partial<Fig>, k: number, end: number): Fig {
    return {
      kind,
      value: low,
      low,
      high: ranged ? high : low,
      qualifier: ranged ? 'range' : 'exact',
      vs: k,
      ve: end,
      next: end,
      ...extra,
    };
  }

  // ---- ordinal words -------------------------------------------------------

  private ordinalWordAt(k: number): { q: Quantity; next: number } | undefined {
    const t = this.t[k]!;
    if (t.type !== 'word' || t.masked) return undefined;
    let v = ORDINAL_WORDS[t.s];
    let end = k + 1;
    if (v === undefined && TENS[t.s] !== undefined && this.isDash(k + 1) && this.glued(k + 1) && this.glued(k + 2)) {
      const o = ORDINAL_WORDS[this.w(k + 2)];
      if (o !== undefined && o < 10) {
        v = TENS[t.s]! + o;
        end = k + 3;
      }
    }
    if (v === undefined) return undefined;
    if (t.cap && !this.sentenceStart(k)) return undefined; // "First Lady", "Second World War" handled as names
    const prev = this.w(k - 1);
    if (prev === 'at') return undefined;
    const nx = this.tok(end);
    if (!nx) return undefined;
    let nounOk = false;
    if (nx.type === 'word' && !nx.masked && !NOT_A_NOUN.has(nx.s)) nounOk = true;
    if (nx.type === 'punct' && nx.s === '-' && this.glued(end) && this.glued(end + 1) && this.w(end + 1)) nounOk = true;
    if (!nounOk) return undefined;
    const det = DETERMINERS.has(prev) || this.tok(k - 1)?.type === 'num';
    if (!det && (v <= 2) && nx.s !== 'time') return undefined;
    return this.quantity('ordinal', k, end, k, end, { value: v, low: v, high: v, qualifier: 'exact' });
  }

  // ---- plural durations without a number ------------------------------------

  private pluralDurationAt(k: number): { q: Quantity; next: number } | undefined {
    const s = this.w(k);
    if (!PLURAL_DURATIONS.has(s)) return undefined;
    if (!PLURAL_DURATION_PREPS.has(this.w(k - 1))) return undefined;
    const sec = DURATION_UNITS[s]!;
    return this.quantity('duration', k, k + 1, k, k + 1, { value: 2 * sec, low: 2 * sec, high: 11 * sec, qualifier: 'plural', unit: 'second' });
  }

  // ---- dates ---------------------------------------------------------------

  private monthAt(k: number): { m: number; j: number } | undefined {
    const t = this.tok(k);
    if (!t || t.type !== 'word' || t.masked || !t.cap) return undefined;
    const m = MONTHS[t.s];
    if (m === undefined) return undefined;
    let j = k + 1;
    if (ABBREV_MONTHS.has(t.s) && this.p(j) === '.' && this.glued(j)) j++;
    return { m, j };
  }

  private dayAt(k: number): { d: number; j: number } | undefined {
    const t = this.tok(k);
    if (!t || t.type !== 'num' || t.masked || t.s.length > 2) return undefined;
    const d = Number(t.s);
    if (!(d >= 1 && d <= 31)) return undefined;
    let j = k + 1;
    const suf = this.tok(j);
    if (suf && suf.type === 'word' && !suf.sp && (suf.s === 'st' || suf.s === 'nd' || suf.s === 'rd' || suf.s === 'th')) j++;
    // "16:00" is a time, "16.5" never reaches here
    if (this.p(j) === ':' && this.glued(j)) return undefined;
    return { d, j };
  }

  private yearAt(k: number): { y: number; j: number } | undefined {
    const t = this.tok(k);
    if (!t || t.type !== 'num' || t.masked || t.s.length !== 4) return undefined;
    const y = Number(t.s);
    if (!(y >= 1000 && y <= 2999)) return undefined;
    return { y, j: k + 1 };
  }

  /** An optional ", 2025" / " 2025" after a day and month. */
  private yearAfter(j: number): { y: number; j: number } | undefined {
    const direct = this.yearAt(j);
    if (direct) return this.notFollowedByUnit(direct.j) ? direct : undefined;
    if (this.p(j) === ',') {
      const y = this.yearAt(j + 1);
      if (y && this.notFollowedByUnit(y.j)) return y;
    }
    return undefined;
  }

  private notFollowedByUnit(j: number): boolean {
    const s = this.w(j);
    return !(DURATION_UNITS[s] !== undefined || SCALES[s] !== undefined || s === 'percent' || this.p(j) === '%');
  }

  private dateQ(k: number, end: number, date: DateValue, range?: [number, number]): { q: Quantity; next: number } {
    let value = NaN;
    let low = NaN;
    let high = NaN;
    if (date.year !== undefined && date.month !== undefined) {
      if (date.day !== undefined) {
        value = epochDay(date.year, date.month, date.day);
        low = high = value;
      } else if (range) {
        low = epochDay(date.year, date.month, range[0]);
        high = epochDay(date.year, date.month, Math.min(range[1], daysInMonth(date.year, date.month)));
        value = low;
      }
    }
    return this.quantity('date', k, end, k, end, { value, low, high, qualifier: 'exact', date });
  }

  private partOfDayAfter(j: number): { p: PartOfDay; j: number } | undefined {
    const s = this.w(j);
    if (s && s !== 'tonight' && s !== 'overnight' && PARTS_OF_DAY[s]) return { p: PARTS_OF_DAY[s]!, j: j + 1 };
    return undefined;
  }

  private dateAt(k: number): { q: Quantity; next: number } | undefined {
    const t = this.t[k]!;
    // ISO 2025-05-16
    if (t.type === 'num' && t.s.length === 4 && this.isDash(k + 1) && this.glued(k + 1) && this.tok(k + 2)?.s.length === 2 && this.tok(k + 2)?.type === 'num' && this.isDash(k + 3) && this.glued(k + 3) && this.tok(k + 4)?.s.length === 2 && this.tok(k + 4)?.type === 'num' && this.glued(k + 4)) {
      const y = Number(t.s);
      const m = Number(this.t[k + 2]!.s);
      const d = Number(this.t[k + 4]!.s);
      if (!Number.isNaN(epochDay(y, m, d))) return this.dateQ(k, k + 5, { year: y, month: m, day: d, weekday: weekdayOf(y, m, d) });
    }
    if (t.type === 'word') {
      const s = t.s;
      // weekdays
      const wd = WEEKDAYS[s];
      if (wd !== undefined && t.cap) {
        let j = k + 1;
        const afterComma = this.p(j) === ',' ? j + 1 : j;
        const full = this.dayMonthAt(afterComma) ?? this.monthDayAt(afterComma);
        if (full) {
          const date = { ...full.date, weekday: wd };
          const pod = this.partOfDayAfter(full.j);
          if (pod) date.partOfDay = pod.p;
          return this.dateQ(k, pod ? pod.j : full.j, date, full.range);
        }
        const date: DateValue = { weekday: wd };
        const pod = this.partOfDayAfter(j);
        if (pod) {
          date.partOfDay = pod.p;
          j = pod.j;
        }
        return this.dateQ(k, j, date);
      }
      // relative days
      if (s === 'yesterday' || s === 'today' || s === 'tomorrow' || s === 'tonight') {
        const date: DateValue = { relative: s === 'tonight' ? 'today' : s };
        let j = k + 1;
        if (s === 'tonight') date.partOfDay = 'night';
        else {
          const pod = this.partOfDayAfter(j);
          if (pod) {
            date.partOfDay = pod.p;
            j = pod.j;
          }
        }
        return this.dateQ(k, j, date);
      }
      if (s === 'last' && this.w(k + 1) === 'night') return this.dateQ(k, k + 2, { relative: 'yesterday', partOfDay: 'night' });
      if ((s === 'last' || s === 'next') && this.w(k + 1) === 'week') return this.dateQ(k, k + 2, { relative: s === 'last' ? 'lastWeek' : 'nextWeek' });
      if (s === 'this' && this.partOfDayAfter(k + 1)) {
        const pod = this.partOfDayAfter(k + 1)!;
        return this.dateQ(k, pod.j, { relative: 'today', partOfDay: pod.p });
      }
      // early/mid/late May, mid-2022, the end of March
      if (s === 'early' || s === 'mid' || s === 'late' || s === 'end' || s === 'beginning' || s === 'start') {
        let j = k + 1;
        if ((this.isDash(j) && this.glued(j)) || ((s === 'end' || s === 'beginning' || s === 'start') && this.w(j) === 'of')) j++;
        else if (s === 'end' || s === 'beginning' || s === 'start') return undefined;
        const part: [number, number] = s === 'early' || s === 'beginning' || s === 'start' ? [1, 10] : s === 'mid' ? [11, 20] : [21, 31];
        const mo = this.monthAt(j);
        if (mo) {
          const y = this.yearAfter(mo.j);
          const date: DateValue = { month: mo.m, dayRange: part };
          if (y) date.year = y.y;
          return this.dateQ(k, y ? y.j : mo.j, date, part);
        }
        const y = this.yearAt(j);
        if (y && this.notFollowedByUnit(y.j) && y.y >= 1800 && y.y <= 2100) {
          const frac: [number, number] = s === 'mid' ? [0.25, 0.75] : part[0] === 1 ? [0, 0.34] : [0.66, 0.999];
          return this.quantity('year', k, y.j, j, y.j, { value: y.y, low: y.y + frac[0], high: y.y + frac[1], qualifier: 'exact', date: { year: y.y } });
        }
        return undefined;
      }
      // "March 2022", "May 16, 2025", "in May"
      const md = this.monthDayAt(k);
      if (md) return this.dateQ(k, md.j, md.date, md.range);
      const mo = this.monthAt(k);
      if (mo) {
        const y = this.yearAt(mo.j);
        if (y && this.notFollowedByUnit(y.j)) return this.dateQ(k, y.j, { year: y.y, month: mo.m });
        const prev = this.w(k - 1);
        if (DATE_PREPS.has(prev) && (t.s !== 'may' || prev !== 'and') && !(this.tok(k + 1)?.type === 'word' && this.tok(k + 1)!.cap)) {
          return this.dateQ(k, mo.j, { month: mo.m });
        }
      }
      return undefined;
    }
    if (t.type === 'num') {
      const dm = this.dayMonthAt(k);
      if (dm) return this.dateQ(k, dm.j, dm.date, dm.range);
    }
    return undefined;
  }

  /** "16 May 2025", "16th of May", "16-17 May" */
  private dayMonthAt(k: number): { date: DateValue; j: number; range?: [number, number] } | undefined {
    const d = this.dayAt(k);
    if (!d) return undefined;
    let j = d.j;
    let range: [number, number] | undefined;
    const sep = this.tok(j);
    if (sep && ((sep.type === 'punct' && sep.s === '-') || sep.s === 'to' || sep.s === 'and')) {
      const d2 = this.dayAt(j + 1);
      if (d2 && d2.d > d.d && this.monthAt(d2.j)) {
        range = [d.d, d2.d];
        j = d2.j;
      }
    }
    if (this.w(j) === 'of') j++;
    const mo = this.monthAt(j);
    if (!mo) return undefined;
    const date: DateValue = { month: mo.m };
    if (range) date.dayRange = range;
    else date.day = d.d;
    const y = this.yearAfter(mo.j);
    if (y) {
      date.year = y.y;
      if (!range) {
        if (Number.isNaN(epochDay(y.y, mo.m, d.d))) return undefined;
        date.weekday = weekdayOf(y.y, mo.m, d.d);
      }
    } else if (!range && d.d > daysInMonth(2024, mo.m)) return undefined;
    return { date, j: y ? y.j : mo.j, range };
  }

  /** "May 16", "May 16th, 2025", "March 2022" is handled by the caller */
  private monthDayAt(k: number): { date: DateValue; j: number; range?: [number, number] } | undefined {
    const mo = this.monthAt(k);
    if (!mo) return undefined;
    const d = this.dayAt(mo.j);
    if (!d) return undefined;
    // "May 16 people": a number followed by a noun is not a day... unless a year follows
    const y = this.yearAfter(d.j);
    const date: DateValue = { month: mo.m, day: d.d };
    if (y) {
      if (Number.isNaN(epochDay(y.y, mo.m, d.d))) return undefined;
      date.year = y.y;
      date.weekday = weekdayOf(y.y, mo.m, d.d);
      return { date, j: y.j };
    }
    if (d.d > daysInMonth(2024, mo.m)) return undefined;
    if (!this.notFollowedByUnit(d.j)) return undefined;
    return { date, j: d.j };
  }

  // ---- clock times ---------------------------------------------------------

  private timeAt(k: number): { q: Quantity; next: number } | undefined {
    const t = this.t[k]!;
    if (t.type !== 'num' || t.s.length > 2) return undefined;
    const h = Number(t.s);
    let m = 0;
    let j = k + 1;
    let hasMinutes = false;
    if (this.p(j) === ':' && this.glued(j) && this.tok(j + 1)?.type === 'num' && this.glued(j + 1) && this.tok(j + 1)!.s.length === 2) {
      m = Number(this.t[j + 1]!.s);
      if (m > 59) return undefined;
      j += 2;
      hasMinutes = true;
    }
    let ampm: 'am' | 'pm' | undefined;
    const w = this.w(j);
    if (w === 'am' || w === 'pm') {
      ampm = w;
      j++;
    } else if ((w === 'a' || w === 'p') && this.p(j + 1) === '.' && this.w(j + 2) === 'm' && this.glued(j + 1) && this.glued(j + 2)) {
      ampm = w === 'a' ? 'am' : 'pm';
      j += 3;
      if (this.p(j) === '.' && this.glued(j)) j++;
    }
    if (!hasMinutes && !ampm && w === "o'clock" && h >= 1 && h <= 12) {
      j++;
      return this.quantity('time', k, j, k, j, { value: h * 3600, low: h * 3600, high: h * 3600, qualifier: 'exact', unit: 'second' });
    }
    if (!hasMinutes && !ampm) return undefined;
    if (ampm ? h < 1 || h > 12 : h > 24) return undefined;
    let hh = h;
    if (ampm === 'pm' && h < 12) hh += 12;
    if (ampm === 'am' && h === 12) hh = 0;
    const v = hh * 3600 + m * 60;
    return this.quantity('time', k, j, k, j, { value: v, low: v, high: v, qualifier: 'exact', unit: 'second' });
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** All figures in a text, non-overlapping, in order. Never throws. */
export function parseQuantities(text: string): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const toks = lex(text);
    return new Parser(text, toks).run();
  } catch {
    return [];
  }
}
