/**
 * Finds figures in English news text: counts, measures, fractions, durations, ages, dates,
 * ordinals, percentages, money, years and clock times, each with the interval its wording
 * allows ("just over 90 minutes", "thousands of", "1,000 each"). Reads the tokens of ../nlp
 * (./view), numbers with ./numbers, dates and times with ./dates.
 */
import { applyQualifier, QUALIFIER_PHRASES } from './interval';
import { NumberReader, type Num } from './numbers';
import { DateReader, type DateHit } from './dates';
import { View } from './view';
import { epochDay, daysInMonth, weekdayOf } from './calendar';
import { MEASURE_UNITS, UNIT_POWERS } from './units';
import type { DateValue, Qualifier, Quantity, QuantityKind } from './types';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DATE_PREPS,
  DENOMINATOR_WORDS,
  DETERMINERS,
  DURATION_UNITS,
  GLUED_DURATION_UNITS,
  MONTHS,
  NOT_A_NOUN,
  ONE_PRONOUN_AFTER,
  ONE_PRONOUN_BEFORE,
  ORDINAL_WORDS,
  PARTS_OF_DAY,
  PLURAL_DURATIONS,
  PLURAL_NUMBERS,
  SCALE_ABBR,
  SCALE_ORDINALS,
  SCALES,
  SIDE_NOUNS,
  TENS,
  UNITS,
  WEEKDAY_ABBR,
  WEEKDAYS,
} from './words';

export { epochDay, weekdayOf, daysInMonth };

/** Verbs whose particle "over"/"under" is not a qualifier ("hand over", "took over", "went under"). */
const PARTICLE_VERBS = new Set([
  'hand', 'turn', 'take', 'pass', 'give', 'go', 'come', 'fight', 'look', 'watch', 'rule', 'preside', 'knock', 'bowl', 'roll', 'fall',
]);

const DAY_SECONDS = 86400;
/** Words before an adverbial "each" ("they will each release 500"). */
const EACH_SUBJECTS = new Set([
  'will', 'would', 'could', 'can', 'should', 'must', 'may', 'might', 'to', 'have', 'had', 'has', 'are', 'were', 'they', 'both',
  'we', 'sides', 'countries', 'parties', 'two', "'ll",
]);

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
  fraction?: [number, number];
  age?: boolean;
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

/** Every word a figure, date or time can start with (any other word token starts none). */
const STARTERS = new Set<string>([
  ...Object.keys(WEEKDAYS), ...Object.keys(WEEKDAY_ABBR), ...Object.keys(MONTHS), 'yesterday', 'today', 'tomorrow', 'tonight', 'tmrw', 'tmr',
  'last', 'next', 'this', 'the', 'previous', 'past', 'coming', 'upcoming', 'following', 'in',
  'early', 'mid', 'late', 'end', 'beginning', 'start', 'noon', 'midday', 'noonish', 'midnight', 'quarter',
  ...QUALIFIERS_BY_FIRST.keys(), 'between', 'minus', 'negative',
  'us', 'a', 'c', 'rs', 'hk', 'nz', 'au', 'aus', 'ca', 'can', 'cdn', 's', 'sg', 'nt', 'r', 'mx', ...Object.keys(CURRENCY_CODES),
  'tens', 'hundreds', 'dozens', ...Object.keys(PLURAL_NUMBERS), 'an', 'half', 'several', 'few', 'dozen', 'hundred', ...Object.keys(TENS), ...Object.keys(UNITS),
  ...Object.keys(SCALES), ...Object.keys(ORDINAL_WORDS), ...PLURAL_DURATIONS, 'no', 'all', 'full', 'whole', 'another', 'some',
]);

/**
 * Words that carry a figure themselves (a number, an ordinal, a month, a weekday, a day word,
 * a unit of time): every figure, date and time has one of these or a number token, a few
 * tokens at most after the word it starts with.
 */
const FIGURE_WORDS = new Set<string>([
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(ORDINAL_WORDS), ...Object.keys(DENOMINATOR_WORDS),
  ...Object.keys(PLURAL_NUMBERS), 'hundred', 'dozen', 'dozens', 'half', 'quarter', 'a', 'an', ...Object.keys(MONTHS), ...Object.keys(WEEKDAYS),
  ...Object.keys(WEEKDAY_ABBR), 'yesterday', 'today', 'tomorrow', 'tonight', 'tmrw', 'tmr', 'noon', 'midday', 'noonish', 'midnight', 'night',
  ...Object.keys(DURATION_UNITS), ...Object.keys(PARTS_OF_DAY), 'few', 'several', 'couple',
]);
// Tests of a word that run for every token (module constants: a regex literal in a function is a new object at each use).
const DIGIT = /\d/;
const PERIOD_PREFIX = /^(?:mid|early|late|pre|post)-/;
const MONTH_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;
const MONTH_RUN = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/]/;

/** How far after a starting word its figure word may come ("a little more than a …", "the first Friday of …"). */
const REACH = 6;

const STOP_SCAN = new Set(['.', '!', '?', ';', ':', '(', ')', '"']);
const RATE_WORDS = new Set(['once', 'twice', 'thrice', 'times', 'per', 'every', 'a', 'an']);
const PLURAL_DURATION_PREPS = new Set(['within', 'for', 'in', 'after', 'over', 'lasting', 'lasted', 'took', 'past', 'last', 'taking', 'spent']);
/** Adjectives of extent: a measure precedes them ("1.8m tall", "10m deep"). */
const EXTENT = new Set(['tall', 'high', 'long', 'wide', 'deep', 'thick', 'away', 'across', 'high', 'short', 'below', 'above', 'underground', 'offshore']);
/** Words glued to digits that do not make them an id ("3day", "5pm", "10km", "1990s", "11ish", "1.3e6"). */
function glueOk(written: string): boolean {
  // Single letters: lower case for units and times ("10d", "7p"), upper case only for scales ("10M", "5K", "2B").
  if (written.length === 1) return written === written.toLowerCase() ? written !== 'b' : /^[MKB]$/.test(written);
  const w = written.toLowerCase().replace(/\.$/, '');
  return (
    SCALE_ABBR[w] !== undefined || DURATION_UNITS[w] !== undefined || GLUED_DURATION_UNITS[w] !== undefined || MEASURE_UNITS[w] !== undefined ||
    MONTHS[w] !== undefined || WEEKDAYS[w] !== undefined || WEEKDAY_ABBR[w] !== undefined || CURRENCY_CODES[w] !== undefined ||
    /^(?:am|pm|a|p|a\.m|p\.m|s|'s|'|ish|st|nd|rd|th|e\d{1,3}|e|x10|no|yo|rs|mil|pc|kmph|kph|dzs?|dozs?)$/.test(w) || DENOMINATOR_WORDS[w] !== undefined
  );
}

class Parser {
  private readonly v: View;
  private readonly nr: NumberReader;
  private readonly dr: DateReader;
  private readonly n: number;

  constructor(private readonly input: string) {
    this.v = new View(input, glueOk);
    this.nr = new NumberReader(this.v);
    this.dr = new DateReader(this.v, this.nr);
    this.n = this.v.n;
  }

  /** Index of the first token at or after k that carries a figure (see FIGURE_WORDS), per token. */
  private nextFigure: Int32Array = new Int32Array(0);

  private carriesFigure(k: number): boolean {
    const t = this.v.t[k]!;
    if (this.v.masked[k]) return false;
    if (t.kind === 'number' || t.kind === 'ordinal' || t.kind === 'time' || t.kind === 'decade' || t.kind === 'other' || t.kind === 'currency') return true;
    if (t.kind !== 'word') return false;
    const s = this.v.w(k);
    return FIGURE_WORDS.has(s) || DIGIT.test(s) || PERIOD_PREFIX.test(s) || MONTH_RUN.test(s);
  }

  run(): Quantity[] {
    const out: Quantity[] = [];
    // No figure word, no figure: most of the work is skipped for most tokens.
    this.nextFigure = new Int32Array(this.n + 1);
    let nf = this.n + REACH + 1;
    this.nextFigure[this.n] = nf;
    for (let i = this.n - 1; i >= 0; i--) {
      if (this.carriesFigure(i)) nf = i;
      this.nextFigure[i] = nf;
    }
    if (this.nextFigure[0]! >= this.n) return out;
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
    return mergeCompoundDurations(this.input, out);
  }

  // ---- token helpers -------------------------------------------------------

  private w(k: number): string {
    return this.v.w(k);
  }

  private p(k: number): string {
    return this.v.p(k);
  }

  private glued(k: number): boolean {
    return this.v.glued(k);
  }

  private quantity(kind: QuantityKind, startTok: number, endTok: number, vs: number, ve: number, f: Partial<Quantity>): { q: Quantity; next: number } {
    const t = this.v.t;
    const start = t[startTok]!.start;
    const last = t[endTok - 1]!;
    // A sentence's full stop the tokenizer left on a figure ("3:30am.", "5pm."): not part of it.
    const cut =
      last.text.length > 2 && last.text.endsWith('.') && !/\b[ap]\.m\.$/i.test(last.text) &&
      (/\d[a-z]*\.$/i.test(last.text) || (endTok === this.n && /^[a-z]+\.$/i.test(last.text) && last.text.indexOf('.') === last.text.length - 1))
        ? 1
        : 0;
    const end = last.end - cut;
    const valueStart = t[vs]!.start;
    const valueEnd = Math.min(end, t[ve - 1]!.end);
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
    if (q.valueEnd <= q.valueStart) {
      q.valueStart = start;
      q.valueEnd = end;
    }
    if (f.lowOpen) q.lowOpen = true;
    if (f.highOpen) q.highOpen = true;
    if (f.unit !== undefined) q.unit = f.unit;
    if (f.currency !== undefined) q.currency = f.currency;
    if (f.date !== undefined) q.date = f.date;
    if (f.perSide) q.perSide = true;
    if (f.compound) q.compound = true;
    if (f.approxRound) q.approxRound = true;
    if (f.fraction) q.fraction = f.fraction;
    if (f.age) q.age = true;
    return { q, next: endTok };
  }

  // ---- dispatcher ----------------------------------------------------------

  private at(k: number): { q: Quantity; next: number } | undefined {
    const v = this.v;
    const t = v.t[k]!;
    if (v.masked[k]) return undefined;
    if (this.nextFigure[k]! - k > REACH) return undefined;
    // Only numbers, currency signs, ordinals, times and a few words can start a figure.
    if (t.kind === 'word') {
      const s = v.w(k);
      if (!STARTERS.has(s) && !DIGIT.test(s) && !PERIOD_PREFIX.test(s) && !MONTH_START.test(s)) return undefined;
    } else if (t.kind === 'punct' || t.kind === 'symbol') {
      if (t.text !== '#' && CURRENCY_SYMBOLS[t.text] === undefined) return undefined;
    } else if (t.kind !== 'number' && t.kind !== 'ordinal' && t.kind !== 'time' && t.kind !== 'decade' && t.kind !== 'currency' && t.kind !== 'other') {
      return undefined;
    }
    return this.dateAt(k) ?? this.timeAt(k) ?? this.figureAt(k) ?? this.ordinalWordAt(k) ?? this.pluralDurationAt(k) ?? this.wholeUnitAt(k);
  }

  // ---- dates and times -------------------------------------------------------

  private dateAt(k: number): { q: Quantity; next: number } | undefined {
    const hit = this.dr.dateAt(k);
    if (!hit) return undefined;
    return this.dateQ(hit);
  }

  private dateQ(hit: DateHit): { q: Quantity; next: number } {
    const date = hit.date;
    if (hit.yearPart && date.year !== undefined && date.month === undefined) {
      const [lo, hi] = hit.yearPart;
      const vs = hit.i;
      if (hit.decade) return this.quantity('year', hit.i, hit.j, vs, hit.j, { value: lo, low: lo, high: hi, qualifier: 'range' });
      return this.quantity('year', hit.i, hit.j, vs, hit.j, { value: date.year, low: lo, high: hi, qualifier: 'exact', date: { year: date.year } });
    }
    let value = NaN;
    let low = NaN;
    let high = NaN;
    if (date.year !== undefined && date.month !== undefined) {
      if (date.day !== undefined) {
        value = epochDay(date.year, date.month, date.day);
        low = high = value;
        if (!Number.isNaN(value) && date.weekday === undefined) date.weekday = weekdayOf(date.year, date.month, date.day);
      } else if (hit.range ?? date.dayRange) {
        const r = (hit.range ?? date.dayRange)!;
        low = epochDay(date.year, date.month, r[0]);
        high = epochDay(date.year, date.month, Math.min(r[1], daysInMonth(date.year, date.month)));
        value = low;
      }
    }
    return this.quantity('date', hit.i, hit.j, hit.i, hit.j, { value, low, high, qualifier: 'exact', date });
  }

  private timeAt(k: number): { q: Quantity; next: number } | undefined {
    const hit = this.dr.timeAt(k);
    if (!hit) return undefined;
    return this.quantity('time', hit.i, hit.j, hit.i, hit.j, { value: hit.value, low: hit.value, high: hit.value, qualifier: 'exact', unit: 'second' });
  }

  // ---- figures with qualifiers ---------------------------------------------

  private qualifierAt(k: number): { q: Qualifier; j: number } | undefined {
    const first = this.w(k);
    if (!first) return undefined;
    // "hand over 1,500", "took over 20 towns": a verb's particle, not "more than".
    if ((first === 'over' || first === 'under') && PARTICLE_VERBS.has(this.v.tok(k - 1)?.lemma ?? '')) return undefined;
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
    // "about 2019/aug/01": a qualifier does not bound a date; the date is read from its own first token
    if (j > k && this.v.num(j) && this.dr.dateAt(j)) return undefined;
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
    // "or so" after the figure
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
    const v = this.v;
    // after: "1,000 each", "1,000 prisoners of war each", "500 apiece", "500 per side"
    for (let x = next, seen = 0; x < this.n && seen < 7; x++, seen++) {
      const t = v.t[x]!;
      if (t.kind === 'number') break;
      if (t.kind === 'punct' || t.kind === 'symbol') {
        if (t.norm === '-' || t.norm === ',') continue;
        break;
      }
      const s = t.norm;
      if (s === 'apiece') return true;
      if (s === 'each') {
        const nx = v.tok(x + 1);
        if (!nx || nx.kind === 'punct') return true;
        const ns = this.w(x + 1);
        if (ns === 'other') return false;
        if (SIDE_NOUNS.has(ns) || NOT_A_NOUN.has(ns)) return true;
        return false;
      }
      if ((s === 'per' || s === 'a') && SIDE_NOUNS.has(this.w(x + 1))) return true;
    }
    // before: "each side will release 1,000"
    for (let x = start - 1, seen = 0; x >= 0 && seen < 8; x--, seen++) {
      const t = v.t[x]!;
      if ((t.kind === 'punct' || t.kind === 'symbol') && STOP_SCAN.has(t.norm)) break;
      if (t.kind === 'number') break;
      if (t.norm === 'each' && (SIDE_NOUNS.has(this.w(x + 1)) || EACH_SUBJECTS.has(this.w(x - 1)))) return true;
    }
    return false;
  }

  /** A currency sign or code before a figure: "$", "€", "US$", "A$", "HK$", "USD", "Rs". */
  private currencyBefore(k: number): { cur: string; j: number } | undefined {
    const v = this.v;
    const t = v.tok(k);
    if (!t || v.masked[k]) return undefined;
    if (t.kind === 'currency' && /^[A-Z]{3}$/.test(t.text) && CURRENCY_CODES[t.norm] && v.tok(k + 1)?.kind === 'number') return { cur: CURRENCY_CODES[t.norm]!, j: k + 1 };
    if (t.kind === 'currency' || t.kind === 'symbol' || t.kind === 'punct') {
      const sign = t.text.slice(-1);
      const cur = CURRENCY_SYMBOLS[sign];
      if (!cur) return undefined;
      const prefix = t.text.slice(0, -1).toUpperCase().replace(/\./g, '');
      if (sign === '$' && prefix) return { cur: DOLLAR_PREFIXES[prefix] ?? `${prefix}$`, j: k + 1 };
      if (sign === '$' && v.glued(k) && v.tok(k - 1)?.kind === 'word') {
        // "HK$5": the letters glued before the sign
        return undefined;
      }
      return { cur, j: k + 1 };
    }
    if (t.kind === 'word') {
      // "HK$5", "NZ$3": letters, then a glued dollar sign
      if (v.p(k + 1) === '$' && v.glued(k + 1)) {
        const code = DOLLAR_PREFIXES[t.text.toUpperCase().replace(/\./g, '')];
        if (code) return { cur: code, j: k + 2 };
      }
      const code = CURRENCY_CODES[t.norm];
      if (code && t.text === t.text.toUpperCase() && v.tok(k + 1)?.kind === 'number') return { cur: code, j: k + 1 };
      if (t.norm === 'rs' && v.tok(k + 1)?.kind === 'number') return { cur: 'INR', j: k + 1 };
    }
    return undefined;
  }

  /** A currency after a figure: "500 dollars", "10 €", "10€", "5 USD", "3 million euros". */
  private currencyAfter(j: number, scaled: boolean, hasCurrency: boolean): { cur: string; j: number } | undefined {
    const v = this.v;
    const t = v.tok(j);
    if (!t || v.masked[j]) return undefined;
    const uw = this.w(j);
    if (uw === 'us' && CURRENCY_WORDS[this.w(j + 1)]) return { cur: CURRENCY_WORDS[this.w(j + 1)]!, j: j + 2 };
    if (CURRENCY_WORDS[uw] && uw !== 'pound' && uw !== 'pounds') return { cur: CURRENCY_WORDS[uw]!, j: j + 1 };
    if ((uw === 'pound' || uw === 'pounds') && (hasCurrency || scaled || this.w(j + 1) === 'sterling')) return { cur: 'GBP', j: this.w(j + 1) === 'sterling' ? j + 2 : j + 1 };
    if (CURRENCY_CODES[t.norm] && (t.kind === 'word' || t.kind === 'currency') && t.text === t.text.toUpperCase() && t.text.length === 3) return { cur: CURRENCY_CODES[t.norm]!, j: j + 1 };
    if ((t.kind === 'currency' || t.kind === 'symbol') && t.text.length === 1 && CURRENCY_SYMBOLS[t.text] && t.text !== '$') {
      // "10 €", "10€": the sign after the figure, as much of Europe writes it
      const nx = v.tok(j + 1);
      if (!nx || nx.kind !== 'number' || !v.glued(j + 1)) return { cur: CURRENCY_SYMBOLS[t.text]!, j: j + 1 };
    }
    return undefined;
  }

  private bareFigure(k: number, between: boolean): Fig | undefined {
    const v = this.v;
    const curPre = this.currencyBefore(k);
    const nk = curPre ? curPre.j : k;
    const ordTok = v.tok(nk);
    // "18th", "#5", "No. 1"
    if (ordTok && ordTok.kind === 'ordinal' && !curPre && !(v.glued(nk) && v.p(nk - 1) === '/')) {
      const m = /^(\d+)(?:st|nd|rd|th)$/i.exec(ordTok.text);
      if (m && !v.masked[nk]) {
        const val = Number(m[1]);
        return { kind: 'ordinal', value: val, low: val, high: val, qualifier: 'exact', vs: k, ve: nk + 1, next: nk + 1 };
      }
      return undefined;
    }
    if (ordTok && ordTok.kind === 'decade' && !curPre) {
      // "the 1990s"
      const m = /^(\d{4})s$/.exec(ordTok.text);
      if (m && Number(m[1]) % 10 === 0) {
        const y = Number(m[1]);
        return { kind: 'year', value: y, low: y, high: y + 9, qualifier: 'range', vs: k, ve: nk + 1, next: nk + 1 };
      }
      return undefined;
    }
    if (ordTok && ordTok.kind === 'time' && !curPre) return this.gluedUnitFigure(k, nk);
    if (this.p(nk) === '#' && !curPre) {
      const t = v.num(nk + 1);
      if (t && this.glued(nk + 1) && /^\d+$/.test(t.text)) {
        const val = Number(t.text);
        return { kind: 'ordinal', value: val, low: val, high: val, qualifier: 'exact', vs: k, ve: nk + 2, next: nk + 2 };
      }
      return undefined;
    }
    if (this.w(nk) === 'no' && v.tok(nk)!.cap && /\.$/.test(v.tok(nk)!.text) && !curPre) {
      const t = v.num(nk + 1);
      if (t && /^\d{1,4}$/.test(t.text)) {
        const val = Number(t.text);
        return { kind: 'ordinal', value: val, low: val, high: val, qualifier: 'exact', vs: k, ve: nk + 2, next: nk + 2 };
      }
      return undefined;
    }
    // a digit range in one token: "10-20", "2022-23", "1994-1995"
    const rangeTok = v.num(nk);
    if (rangeTok) {
      const r = this.tokenRange(k, nk, rangeTok.text, curPre?.cur);
      if (r !== undefined) return r ?? undefined;
    }
    const num = this.nr.at(nk);
    if (!num) return undefined;
    return this.figureFromNum(k, nk, num, curPre, between);
  }

  /**
   * A range written in one token: "10-20", "1-2%", "2022-23", "1994-1995". Undefined: not a range
   * token; null: a range token that is no figure (a falling pair is a score, "3-1").
   */
  private tokenRange(k: number, nk: number, text: string, currency: string | undefined): Fig | null | undefined {
    const m = /^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$/.exec(text);
    if (!m) return undefined;
    const a = parseFloat(m[1]!.replace(/,/g, ''));
    const b = parseFloat(m[2]!.replace(/,/g, ''));
    const plainA = /^\d+$/.test(m[1]!);
    const plainB = /^\d+$/.test(m[2]!);
    // "2022-23": a span of years
    if (plainA && plainB && m[1]!.length === 4 && m[2]!.length === 2 && a >= 1800 && a <= 2100 && !currency) {
      const y2 = Math.floor(a / 100) * 100 + b;
      if (y2 > a) return { kind: 'year', value: a, low: a, high: y2, qualifier: 'range', vs: k, ve: nk + 1, next: nk + 1 };
      return null;
    }
    if (plainA && plainB && m[1]!.length === 4 && m[2]!.length === 4 && a >= 1000 && a <= 2100 && b > a && b <= 2100 && !currency) {
      return { kind: 'year', value: a, low: a, high: b, qualifier: 'range', vs: k, ve: nk + 1, next: nk + 1 };
    }
    if (!(b > a)) return null;
    const num: Num = { value: a, i: nk, j: nk + 1, digits: true, plain: false, scale: 1 };
    const second: Num = { value: b, i: nk, j: nk + 1, digits: true, plain: false, scale: 1 };
    // scale after the pair: "1-2 million"
    const sc = SCALES[this.w(nk + 1)];
    if (sc !== undefined) {
      num.value *= sc;
      second.value *= sc;
      num.scale = second.scale = sc;
      num.j = second.j = nk + 2;
    }
    return this.figureFromNum(k, nk, num, currency ? { cur: currency, j: nk } : undefined, false, second);
  }

  /** A 'time' token that is a number with a unit glued ("2hrs", "3day" comes apart; "5pm" is a time). */
  private gluedUnitFigure(k: number, nk: number): Fig | undefined {
    const t = this.v.t[nk]!;
    const m = /^(\d+(?:\.\d+)?)([a-z]+)$/i.exec(t.text);
    if (!m) return undefined;
    const value = Number(m[1]);
    const u = m[2]!.toLowerCase();
    const sec = DURATION_UNITS[u] ?? GLUED_DURATION_UNITS[u];
    if (sec === undefined) return undefined;
    return { kind: 'duration', value: value * sec, low: value * sec, high: value * sec, qualifier: 'exact', unit: 'second', approxRound: isRound(value), vs: k, ve: nk + 1, next: nk + 1 };
  }

  private figureFromNum(k: number, nk: number, read: Num, curPre: { cur: string; j: number } | undefined, between: boolean, given?: Num): Fig | undefined {
    const v = this.v;
    const num: Num = { ...read }; // the reader's numbers are shared
    const first = v.t[nk]!;
    let currency = curPre?.cur;

    // approximate plurals ("thousands of captives", "millions of dollars", "dozens of hours")
    if (num.plural) {
      const j = num.j;
      const ofUnit = this.w(j) === 'of' ? this.w(j + 1) : this.w(j);
      const unitTok = this.w(j) === 'of' ? j + 1 : j;
      const sec = DURATION_UNITS[ofUnit];
      if (sec !== undefined && PLURAL_DURATIONS.has(ofUnit)) {
        return { kind: 'duration', value: num.value * sec, low: num.plural[0] * sec, high: num.plural[1] * sec, qualifier: 'plural', unit: 'second', vs: k, ve: unitTok + 1, next: unitTok + 1 };
      }
      if (num.value === 2 && num.plural[1] <= 5) return undefined; // "a few", "a couple of" + noun: not a figure
      // "3 dozens" is 36, not dozens
      const cw = CURRENCY_WORDS[ofUnit];
      if (cw && this.w(j) === 'of') {
        return { kind: 'money', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', unit: cw, currency: cw, vs: k, ve: j + 2, next: j + 2 };
      }
      if (currency) return { kind: 'money', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', unit: currency, currency, vs: k, ve: j, next: j };
      // "Thousands" at a sentence start is fine; a bare capitalised plural mid-sentence is a name
      if (first.cap && !v.sentenceStart(nk)) return undefined;
      return { kind: 'count', value: num.value, low: num.plural[0], high: num.plural[1], qualifier: 'plural', vs: k, ve: num.j, next: num.j };
    }

    // ranges: "two or three", "10 to 20", "between 10 and 20", "18- to 23-foot"
    let second: Num | undefined = given;
    let j = given ? given.j : num.j;
    if (!given && !num.fraction) {
      let sep = j;
      // "18- to 23-foot": the hyphen of the first compound, then "to"
      if (v.isDash(sep) && this.glued(sep) && (this.w(sep + 1) === 'to' || this.w(sep + 1) === 'or')) sep++;
      const st = v.tok(sep);
      if (st && !v.masked[sep]) {
        const isHyphen = v.isDash(sep) && num.digits && sep === j;
        // "four–five hours", "two-three weeks ago": numbers in words joined by a dash give a range
        // when a length of time follows (in words a rising pair before a unit is no score or tally).
        const wordDash = v.isDash(sep) && !num.digits && sep === j && DURATION_UNITS[this.w(sep + 2)] !== undefined;
        const isWord = this.w(sep) === 'or' || this.w(sep) === 'to' || (between && this.w(sep) === 'and') || wordDash;
        if (isHyphen || isWord) {
          let k2 = sep + 1;
          const c2 = this.currencyBefore(k2);
          if (c2) k2 = c2.j;
          const n2 = this.nr.at(k2);
          if (n2 && !n2.plural && !n2.article && !n2.fraction && (!isHyphen || (n2.digits && this.glued(k2)))) {
            let v1 = num.value;
            if (n2.scale > 1 && num.scale === 1 && Math.abs(num.value) < 1000) v1 = num.value * n2.scale;
            // "from 2019 to 2022", "1873–1940": a span of years
            const t2 = v.t[k2]!;
            if (num.plain && n2.plain && !curPre && !c2 && first.text.length === 4 && t2.text.length === 4 && num.value >= 1000 && num.value <= 2100 && n2.value > num.value && n2.value <= 2100) {
              return { kind: 'year', value: num.value, low: num.value, high: n2.value, qualifier: 'range', vs: k, ve: n2.j, next: n2.j };
            }
            if (n2.value > v1) {
              second = n2;
              if (c2 && !currency) currency = c2.cur;
              num.value = v1;
              j = n2.j;
            }
          }
        }
      }
    }
    const val = num.value;
    const lowV = val;
    const highV = second ? second.value : val;
    const ranged = !!second;
    const round = isRound(val) || num.scale > 1;

    // percent
    const u = v.tok(j);
    const uw = this.w(j);
    if (u && !v.masked[j] && !num.article) {
      let pe = 0;
      if (this.p(j) === '%') pe = j + 1;
      else if (uw === 'percent' || uw === 'pct' || uw === 'percents') pe = j + 1;
      else if (uw === 'per' && this.w(j + 1) === 'cent') pe = j + 2;
      else if (uw === 'pc' && this.glued(j)) pe = j + 1;
      else if (uw === 'percentage' && (this.w(j + 1) === 'points' || this.w(j + 1) === 'point')) pe = j + 2;
      if (pe) return this.fig('percent', lowV, highV, ranged, { unit: 'percent', approxRound: round, fraction: num.fraction }, k, pe);
    }

    // money: "$500 billion", "500 million dollars", "€2m", "10 €"
    if (!num.article) {
      const after = this.currencyAfter(j, num.scale > 1, !!currency);
      if (after && !currency) currency = after.cur;
      if (currency) {
        const end = after ? after.j : j;
        return this.fig('money', lowV, highV, ranged, { unit: currency, currency, approxRound: round }, k, end);
      }
    }

    // A lower-case "m"/"mm" after digits: million before a plural noun or "of", metre and millimetre otherwise.
    if (num.mScale) {
      const metre = this.metreReading(num.mScale.k);
      if (metre) {
        const unit = num.mScale.abbr === 'mm' ? 'mm' : 'm';
        const unscaled = lowV / num.scale;
        return this.fig('count', unscaled, highV / num.scale, ranged, { unit, approxRound: isRound(unscaled) }, k, num.mScale.k + 1);
      }
    }

    // durations: "two hours", "a 30-day ceasefire", "three-year-old", "an hour and a half", ages
    const dur = this.durationAfter(k, num, j, lowV, highV, ranged);
    if (dur !== undefined) return dur ?? undefined;

    // measures: "5 km", "200lbs", "10 feet", "5 ft 2 in", "1/4 mile", "10 km/h", "150 kilometres per hour"
    const mu = this.measureAfter(j);
    if (mu) {
      if (num.article && !mu.spaced) return undefined;
      return this.fig('count', lowV + mu.add, highV + mu.add, ranged, { unit: mu.unit, approxRound: round }, k, mu.j);
    }

    if (num.article) return undefined;
    if (num.value === 0.5 && !num.digits && !num.fraction) return undefined;

    // ordinals written with a number: "one hundred twenty fifth", "two hundredth", "twenty-one trillion and three hundred twenty second"
    if (!num.digits && !ranged && !num.fraction) {
      const o = this.ordinalAfterNumber(num);
      if (o) return { kind: 'ordinal', value: o.value, low: o.value, high: o.value, qualifier: 'exact', vs: k, ve: o.j, next: o.j };
    }

    // calendar years: "in 2022", "since 2019", "2022 talks"
    if (num.plain && !ranged && first.text.length === 4 && num.value >= 1800 && num.value <= 2100 && !curPre) {
      const prevW = this.w(nk - 1);
      const qualified = nk > 0 && !DATE_PREPS.has(prevW) && this.isQualifierWordBefore(nk);
      const nx = v.tok(j);
      const nounAfter = !!nx && nx.kind === 'word' && !NOT_A_NOUN.has(nx.norm) && MONTHS[nx.norm] === undefined;
      if (!(qualified && nounAfter)) {
        return { kind: 'year', value: num.value, low: num.value, high: num.value, qualifier: 'exact', date: { year: num.value }, vs: k, ve: j, next: j };
      }
    }

    // counts
    if (!num.digits) {
      if (first.cap && !v.sentenceStart(nk) && !/^(?:a|an|minus|negative)$/i.test(first.text)) return undefined; // "World War Two", "Twenty One Pilots"
      if (this.w(nk) === 'one' && num.j === nk + 1) {
        const prev = this.w(nk - 1);
        const nx = v.tok(num.j);
        if (ONE_PRONOUN_BEFORE.has(prev)) return undefined;
        if (!nx || nx.kind !== 'word' || ONE_PRONOUN_AFTER.has(nx.norm) || NOT_A_NOUN.has(nx.norm)) {
          // "one" alone is a pronoun, unless it is all there is ("the answer is minus one")
          if (nx || nk > 0) return undefined;
        }
      }
    } else {
      // identifiers: "Article 5", "Boeing 737", "Cars 3"
      const prev = v.tok(nk - 1);
      if (
        !ranged && num.plain && num.value < 10000 && prev && prev.kind === 'word' && prev.cap && !v.sentenceStart(nk - 1) &&
        MONTHS[prev.norm] === undefined && WEEKDAYS[prev.norm] === undefined && !curPre && !/^(?:a|an|minus|negative)$/i.test(prev.text)
      ) return undefined;
    }
    return this.fig('count', lowV, highV, ranged, { approxRound: round && !num.fraction, fraction: num.fraction }, k, j);
  }

  /** Whether the "m" at k after digits is a metre: before an adjective of extent or a singular noun, or alone. */
  private metreReading(k: number): boolean {
    const v = this.v;
    const nx = v.tok(k + 1);
    if (!nx || nx.kind === 'punct' || nx.kind === 'symbol') return true;
    const w = nx.norm;
    if (w === 'of' || w === 'in' || w === 'and' || w === 'to') return false;
    if (EXTENT.has(w)) return true;
    // a singular noun ("100m sprint"); "people" is a plural the tagger gives as its own lemma
    if (nx.kind === 'word' && nx.pos === 'NOUN' && nx.lemma === w && w !== 'people') return true;
    if (nx.kind === 'word' && (nx.pos === 'VERB' || nx.pos === 'AUX')) return true;
    return false;
  }

  private isQualifierWordBefore(nk: number): boolean {
    const prev = this.w(nk - 1);
    return ['about', 'around', 'over', 'than', 'nearly', 'almost', 'some', 'roughly', 'approximately', 'under', 'least', 'to', 'estimated', 'most', 'below', 'above'].includes(prev);
  }

  /** "-and-a-half" glued to a unit at k: dash, and, dash, a (or one), dash, a denominator ("half", "quarter"). */
  private hyphenedFraction(k: number): boolean {
    const v = this.v;
    const art = this.w(k + 3);
    return (
      v.hyphen(k) && this.w(k + 1) === 'and' && v.hyphen(k + 2) && (art === 'a' || art === 'one') && v.hyphen(k + 4) && DENOMINATOR_WORDS[this.w(k + 5)] !== undefined
    );
  }

  /**
   * A duration after a number: "two hours", "30-day", "an hour and a half", "3 years of age",
   * "five years old", "a 90 day old bill", "87 yo", "12 hours ago" (a date). Undefined: no duration
   * unit; null: a unit that makes no figure ("a second round", "twice a day").
   */
  private durationAfter(k: number, num: Num, j: number, lowV: number, highV: number, ranged: boolean): Fig | null | undefined {
    const v = this.v;
    let uj = j;
    let compound = false;
    if (v.isDash(uj) && this.glued(uj) && this.glued(uj + 1)) {
      compound = true;
      uj++;
    }
    const unitWord = this.w(uj);
    let sec = DURATION_UNITS[unitWord];
    // "10d", "3y", "2w": single letters only glued to the digits
    if (sec === undefined && GLUED_DURATION_UNITS[unitWord] !== undefined && this.glued(uj) && !compound && num.digits && v.t[uj]!.text === unitWord) sec = GLUED_DURATION_UNITS[unitWord];
    if (unitWord === 'yo' && !compound && !ranged) {
      // "87 yo": years old
      const y = 365.25 * DAY_SECONDS;
      return { ...this.fig('duration', lowV * y, highV * y, ranged, { unit: 'second' }, k, uj + 1), age: true };
    }
    if (sec === undefined) return undefined;
    if (num.article && unitWord === 'second') {
      const nx = this.w(uj + 1);
      if (nx && !NOT_A_NOUN.has(nx)) return null; // "a second round"
    }
    if (num.article && RATE_WORDS.has(this.w(num.i - 1)) && this.w(num.i - 1) !== 'a') return null; // "twice a day"
    if (num.article && this.w(num.i - 1) === 'per') return null;
    let end = uj + 1;
    let lo = lowV;
    let hi = highV;
    let age = false;
    if (compound && v.isDash(end) && this.glued(end) && this.w(end + 1) === 'old' && this.glued(end + 1)) {
      end += 2;
      age = true;
    } else if (this.w(end) === 'old' || (this.w(end) === 'of' && this.w(end + 1) === 'age')) {
      // "five years old", "a 90 day old bill", "ninety five years of age"
      end += this.w(end) === 'old' ? 1 : 2;
      age = true;
    }
    if (!compound && !ranged && !age && this.w(end) === 'and' && (this.w(end + 1) === 'a' || this.w(end + 1) === 'one') && DENOMINATOR_WORDS[this.w(end + 2)] !== undefined) {
      // "an hour and a half", "one year and a quarter"
      const d = DENOMINATOR_WORDS[this.w(end + 2)]!;
      lo += 1 / d;
      hi += 1 / d;
      end += 3;
    } else if (!compound && !ranged && !age && this.w(end) === 'and' && this.w(end + 1) === 'half') {
      lo += 0.5;
      hi += 0.5;
      end += 2;
    } else if (!compound && !ranged && !age && this.hyphenedFraction(end)) {
      // "a year-and-a-half", "an hour-and-a-quarter": the same, written as one hyphened word
      const d = DENOMINATOR_WORDS[this.w(end + 5)]!;
      lo += 1 / d;
      hi += 1 / d;
      end += 6;
    }
    // "12 hours ago", "two days ago": a relative date (weeks and longer are read by ./dates)
    if (this.w(end) === 'ago' && !ranged && (sec === 3600 || sec === DAY_SECONDS || sec === 60)) {
      const date: DateValue = sec === DAY_SECONDS ? { relative: 'daysAgo', amount: lo } : { relative: 'hoursAgo', amount: sec === 60 ? lo / 60 : lo };
      return { kind: 'date', value: NaN, low: NaN, high: NaN, qualifier: 'exact', date, vs: k, ve: end + 1, next: end + 1 };
    }
    const f = this.fig('duration', lo * sec, hi * sec, ranged, { unit: 'second', approxRound: isRound(lo) || num.scale > 1 }, k, end);
    if (compound) f.compound = true;
    if (age) f.age = true;
    return f;
  }

  /**
   * A unit of measure after a figure, glued or spaced: "5 km", "200lbs", "1/4 mile", "3-inch",
   * "10 km/h", "150 kilometres per hour", "12.5 sq ft", "5 ft 2 in" (feet and inches add up).
   */
  private measureAfter(j: number): { unit: string; j: number; add: number; spaced: boolean } | undefined {
    const v = this.v;
    let k = j;
    let compound = false;
    if (v.isDash(k) && this.glued(k) && this.glued(k + 1)) {
      compound = true;
      k++;
    }
    let power = '';
    const pw = UNIT_POWERS[this.w(k)];
    if (pw && !compound) {
      power = pw;
      k++;
    }
    const t = v.tok(k);
    if (!t || t.kind !== 'word' || v.masked[k]) return undefined;
    const mu = MEASURE_UNITS[t.norm];
    if (!mu) return undefined;
    const glued = this.glued(k) && k === j;
    if (mu.glued && !glued) return undefined;
    // "in" as inches only in "5 ft 2 in"; "pound" is money when a currency is near (handled before)
    let unit = mu.unit + power;
    let end = k + 1;
    let add = 0;
    // speeds: "km/h", "km/hr", "kilometres per hour", "miles an hour"
    const per = this.p(end) === '/' && this.glued(end) ? end + 1 : this.w(end) === 'per' || this.w(end) === 'an' ? end + 1 : 0;
    if (per) {
      const tu = this.w(per);
      if (/^(h|hr|hour|hrs)$/.test(tu) && (this.p(end) === '/' || this.w(end) === 'per' || tu === 'hour')) {
        unit = unit === 'mi' ? 'mph' : `${unit}/h`;
        end = per + 1;
      } else if (/^(s|sec|second)$/.test(tu) && (this.p(end) === '/' || this.w(end) === 'per')) {
        unit = `${unit}/s`;
        end = per + 1;
      }
    }
    // feet and inches: "5 ft 2 in", "5 feet and 2 inches"
    if (unit === 'ft') {
      let x = end;
      if (this.w(x) === 'and') x++;
      const inch = v.num(x);
      if (inch && /^\d{1,2}$/.test(inch.text) && Number(inch.text) < 12) {
        const iw = MEASURE_UNITS[this.w(x + 1)];
        if (iw && iw.unit === 'in') {
          add = Number(inch.text) / 12;
          end = x + 2;
        }
      }
    }
    if (unit === 'in' && !glued) return undefined;
    return { unit, j: end, add, spaced: !glued };
  }

  private fig(kind: QuantityKind, low: number, high: number, ranged: boolean, extra: Partial<Fig>, k: number, end: number): Fig {
    const f: Fig = {
      kind,
      value: low,
      low,
      high: ranged ? high : low,
      qualifier: ranged ? 'range' : 'exact',
      vs: k,
      ve: end,
      next: end,
    };
    // `extra` is always an object literal: `for … in` reads its keys in the order Object.entries would, without making pairs.
    for (const key in extra) {
      const val = (extra as Record<string, unknown>)[key];
      if (val !== undefined) (f as unknown as Record<string, unknown>)[key] = val;
    }
    return f;
  }

  // ---- ordinals ---------------------------------------------------------------

  /** A number in words and a singular ordinal after it: "one hundred twenty fifth", "two hundredth", "three trillionth". */
  private ordinalAfterNumber(num: Num): { value: number; j: number } | undefined {
    const v = this.v;
    let j = num.j;
    const hyphen = v.hyphen(j);
    if (hyphen) j++;
    const w = this.w(j);
    const o = ORDINAL_WORDS[w];
    if (o === undefined || num.value < 1) return undefined;
    const sc = SCALE_ORDINALS[w];
    if (sc !== undefined) return num.value < 1000 && Number.isInteger(num.value) ? { value: num.value * sc, j: j + 1 } : undefined;
    // "twenty second" apart is twenty seconds; "twenty-second" and "twenty first" are ordinals
    if (o >= 10 || num.value % 10 !== 0) return undefined;
    if (o === 2 && !hyphen) return undefined;
    if (num.value < 20) return undefined;
    return { value: num.value + o, j: j + 1 };
  }

  private ordinalWordAt(k: number): { q: Quantity; next: number } | undefined {
    const v = this.v;
    const t = v.t[k]!;
    if (t.kind !== 'word' || v.masked[k]) return undefined;
    let val = ORDINAL_WORDS[t.norm];
    let end = k + 1;
    if (val === undefined && TENS[t.norm] !== undefined && v.hyphen(k + 1)) {
      const o = ORDINAL_WORDS[this.w(k + 2)];
      if (o !== undefined && o < 10) {
        val = TENS[t.norm]! + o;
        end = k + 3;
      }
    }
    if (val === undefined) return undefined;
    if (t.cap && !v.sentenceStart(k)) return undefined; // "First Lady", "Second World War" are names
    const prev = this.w(k - 1);
    if (prev === 'at') return undefined;
    const nx = v.tok(end);
    const det = DETERMINERS.has(prev) || v.tok(k - 1)?.kind === 'number';
    if (val <= 2 && end === k + 1) {
      // "first" and "second" are also adverbs and a unit of time: an ordinal before a noun after a
      // determiner ("the first round"), before "time", or as a rank after a verb ("finished second").
      const nounAfter = !!nx && nx.kind === 'word' && !v.masked[end] && !NOT_A_NOUN.has(nx.norm) && !(v.isDash(end) && v.glued(end));
      const rank = RANK_VERBS.has(v.tok(k - 1)?.lemma ?? '') && (!nx || (nx.kind === 'punct' && !(v.isDash(end) && v.glued(end))) || nx.pos === 'ADP');
      if (!((det && nounAfter) || nx?.norm === 'time' || rank)) return undefined;
    } else {
      // "third" and on: an ordinal unless it begins a clause as a list word ("Third, …")
      if (v.sentenceStart(k) && this.p(end) === ',') return undefined;
    }
    return this.quantity('ordinal', k, end, k, end, { value: val, low: val, high: val, qualifier: 'exact' });
  }

  // ---- durations without a number -----------------------------------------------

  private pluralDurationAt(k: number): { q: Quantity; next: number } | undefined {
    const s = this.w(k);
    if (!PLURAL_DURATIONS.has(s)) return undefined;
    if (!PLURAL_DURATION_PREPS.has(this.w(k - 1))) return undefined;
    const sec = DURATION_UNITS[s]!;
    return this.quantity('duration', k, k + 1, k, k + 1, { value: 2 * sec, low: 2 * sec, high: 11 * sec, qualifier: 'plural', unit: 'second' });
  }

  /** "all day", "a full week", "the whole year", "another hour", "all-day": one unit of time. */
  private wholeUnitAt(k: number): { q: Quantity; next: number } | undefined {
    const v = this.v;
    const s = this.w(k);
    if (s !== 'all' && s !== 'full' && s !== 'whole' && s !== 'another') return undefined;
    let j = k + 1;
    if (v.hyphen(j) && s !== 'another') j++;
    const u = this.w(j);
    const sec = DURATION_UNITS[u];
    if (sec === undefined || !/^(day|week|month|year|hour|night)$/.test(u)) return undefined;
    // "all day long", "another day" as a time, not a length: only after a verb of duration or "for"
    const prev = v.tok(k - 1);
    if (!prev || !(prev.norm === 'for' || prev.norm === 'a' || prev.pos === 'VERB' || prev.pos === 'AUX')) return undefined;
    return this.quantity('duration', k, j + 1, k, j + 1, { value: sec, low: sec, high: sec, qualifier: 'exact', unit: 'second' });
  }
}

/** Verbs that take a rank as their complement: "finished second", "came first in the race", "ranked third". */
const RANK_VERBS = new Set(['finish', 'come', 'place', 'rank', 'end', 'lie', 'sit', 'stand', 'qualify']);

/** Dollar signs with a country before them. */
const DOLLAR_PREFIXES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  US: 'USD', U: 'USD', A: 'AUD', AU: 'AUD', AUS: 'AUD', C: 'CAD', CA: 'CAD', CAN: 'CAD', CDN: 'CAD', HK: 'HKD', NZ: 'NZD', S: 'SGD', SG: 'SGD', NT: 'TWD', R: 'BRL', MX: 'MXN',
});

/** All figures in a text, non-overlapping, in order. Never throws. */
/**
 * Letter runs that may start or carry a figure: the figure words above (articles aside: "a" makes a figure only
 * with a figure word after it), their parts, and the prefixes of "mid-May", "early-2020s". Anything else in a
 * sentence without a digit, a currency sign or a vulgar fraction cannot be a figure, so the tagger is not run.
 */
const FIGURE_LETTER_RUNS = (() => {
  const out = new Set<string>(['mid', 'early', 'late', 'pre', 'post']);
  for (const w of FIGURE_WORDS) {
    if (w === 'a' || w === 'an') continue;
    for (const part of w.split(/[^\p{L}]+/u)) if (part) out.add(part);
  }
  return out;
})();
const MAY_CARRY = /[\p{N}\p{Sc}]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/]/iu;
const LETTER_RUN = /\p{L}+/gu;

/** Whether a text could hold a figure at all (cheap; a false "yes" only costs the full parse). */
export function mayHoldQuantity(text: string): boolean {
  if (MAY_CARRY.test(text)) return true;
  LETTER_RUN.lastIndex = 0;
  for (let m = LETTER_RUN.exec(text); m; m = LETTER_RUN.exec(text)) {
    if (FIGURE_LETTER_RUNS.has(foldCase(m[0]))) return true;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

function foldCase(s: string): string {
  // ASCII letters have no marks to take off (nearly every word: this runs for each word of a sentence without digits).
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

/** What may stand between the parts of one length of time: "1 hour 59 minutes", "2 hours, 1 minute and 39 seconds". */
const DURATION_JOIN = /^\s*(?:,\s*)?(?:and\s+)?$/;

/** Seconds in the unit a length of time is written in ("59 minutes" → 60), from its last word. */
function writtenUnit(q: Quantity): number | undefined {
  const last = /([a-z]+)\W*$/i.exec(q.text)?.[1]?.toLowerCase();
  return last === undefined ? undefined : DURATION_UNITS[last];
}

/**
 * One length of time written in several units, each smaller than the one before ("1 hour 59
 * minutes 40.2 seconds", "two hours and 15 minutes"), is one figure: their sum.
 */
function mergeCompoundDurations(text: string, qs: Quantity[]): Quantity[] {
  if (qs.length < 2) return qs;
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out[out.length - 1];
    const unit = q.kind === 'duration' ? writtenUnit(q) : undefined;
    const prevUnit = prev?.kind === 'duration' && !prev.compound ? writtenUnit(prev) : undefined;
    if (prev && unit !== undefined && prevUnit !== undefined && unit < prevUnit && !q.compound && q.qualifier === 'exact' && q.low === q.high && DURATION_JOIN.test(text.slice(prev.end, q.start))) {
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, q.end), end: q.end, valueEnd: q.valueEnd, value: prev.value + q.value, low: prev.low + q.low, high: prev.high + q.high };
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * A tally written as a pair of whole numbers joined by a hyphen, an en dash or "-to-": "passed
 * 232-196", "votes of 230-to-197", "ruled 7-2", "won 3-1". The pair falls or ties (a rising pair
 * is a range: "10-20"); neither number is glued to another digit, a decimal or thousands part,
 * a slash or a percent sign (dates such as "15-10-2019", times, fractions and "50-50%" are not
 * tallies).
 */
const TALLY = /(?<![\d.,:/\u2013-])(\d{1,4})(?:[-\u2013]|-to-)(\d{1,4})(?![\d:/\u2013%-]|[.,]\d|\s?(?:percent|per cent)\b)/g;

/** Both sides of each tally in `text`, as counts, where no other figure was read over them. */
function withTallies(text: string, qs: Quantity[]): Quantity[] {
  if (!/\d[-\u2013]/.test(text)) return qs;
  const add: Quantity[] = [];
  let drop: Set<Quantity> | undefined;
  for (const m of text.matchAll(TALLY)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // A year and the next ("2019-20", "1994-1995") is a span of years, read as such already.
    if (a < b || (m[1]!.length === 4 && a >= 1800)) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const over = qs.filter((q) => q.start < end && q.end > start);
    // Only a count of the first number alone, as a tally's "-to-" leaves it, gives way.
    if (over.some((q) => !(q.kind === 'count' && q.start === start && q.text === m[1]))) continue;
    for (const q of over) (drop ??= new Set()).add(q);
    const side = (value: number, from: number, digits: string, which: 1 | 2): Quantity => ({
      kind: 'count',
      text: digits,
      start: from,
      end: from + digits.length,
      valueStart: from,
      valueEnd: from + digits.length,
      value,
      low: value,
      high: value,
      qualifier: 'exact',
      tally: which,
    });
    add.push(side(a, start, m[1]!, 1), side(b, end - m[2]!.length, m[2]!, 2));
  }
  if (add.length === 0) return qs;
  return [...qs.filter((q) => !drop?.has(q)), ...add].sort((x, y) => x.start - y.start);
}

export function parseQuantities(text: string): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (!mayHoldQuantity(text)) return [];
  try {
    return withTallies(text, new Parser(text).run());
  } catch {
    return [];
  }
}
