/**
 * The peer suites of ../shared/eval/peer (README there): test cases other projects wrote
 * for their sentence splitters and number/date recognisers, run through Sourcewise and,
 * in the same run, through the libraries a user would otherwise pick: compromise (with
 * compromise-numbers and compromise-dates), chrono-node, and Intl.Segmenter for sentences.
 *
 * A quantity case passes when a figure a reader finds in `input` overlaps the expected
 * span (`start..end`, inclusive), has the expected kind and the expected value:
 * - numbers, ordinals, percentages, money: the value (to 3 decimal places: compromise
 *   rounds fractions so); a dimension is read "figure only" (any figure with the value);
 * - durations (and ages): seconds, every reader's amounts converted with one table
 *   (a year 365.25 days, a month 30.44);
 * - dates: year, month and day, relative dates resolved against the case's
 *   ReferenceDateTime; times: seconds after midnight.
 * A sentence case passes when the sentence lists are equal after whitespace runs are
 * collapsed to one space and each sentence is trimmed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import nlpModule from 'compromise';
import datesPlugin from 'compromise-dates';
// @ts-expect-error compromise-numbers ships types its package exports do not expose
import numbersPlugin from 'compromise-numbers';
import { parseQuantities, resolveRelativeDate, type Quantity } from '../../src/engine/quantities';
import { splitSentences } from '../../src/engine/sentences';

export const PEER_DIR = path.resolve(__dirname, '../../../shared/eval/peer');
export const FLOORS_FILE = path.join(__dirname, 'peer-floors.json');

// ---- cases -------------------------------------------------------------------

export type ExpectKind = 'number' | 'ordinal' | 'percent' | 'money' | 'dimension' | 'duration' | 'date' | 'time';

export interface QuantityCase {
  id: string;
  spec: string;
  input: string;
  text: string;
  start: number;
  /** Inclusive. */
  end: number;
  expect: {
    kind: ExpectKind;
    value?: number;
    subtype?: string;
    amounts?: Record<string, number>;
    date?: [number, number, number];
    relative?: boolean;
  };
  context?: { ReferenceDateTime?: string } | null;
}

export interface SentenceCase {
  id: string;
  rule?: string;
  title?: string;
  text: string;
  expected: string[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export interface QuantitySuite {
  name: string;
  cases: QuantityCase[];
}

export interface SentenceSuite {
  name: string;
  cases: SentenceCase[];
  /** Reported, not held to the 90% goal (some cases expect the upstream tool's own text cleaning). */
  loose?: boolean;
}

/** The quantity suites: one per spec file, the DateTime specs split by what they test. */
export function quantitySuites(dir = PEER_DIR): QuantitySuite[] {
  const q = (f: string) => readJsonl<QuantityCase>(path.join(dir, 'quantities', f));
  const num = q('num.jsonl');
  const dtm = q('dtm.jsonl');
  const datep = q('datep.jsonl');
  const dateRows = (rows: QuantityCase[], relative: boolean) => rows.filter((c) => c.expect.kind === 'date' && !!c.expect.relative === relative);
  return [
    { name: 'numbers', cases: num },
    { name: 'numbers: fractions', cases: num.filter((c) => c.expect.subtype === 'fraction') },
    { name: 'ordinals', cases: q('ord.jsonl') },
    { name: 'percentages', cases: q('pct.jsonl') },
    { name: 'money', cases: q('cur.jsonl') },
    { name: 'dimensions (figure only)', cases: q('dim.jsonl') },
    { name: 'ages', cases: q('age.jsonl') },
    { name: 'durations (DateTimeModel)', cases: dtm.filter((c) => c.expect.kind === 'duration') },
    { name: 'durations (DurationParser)', cases: q('durp.jsonl') },
    { name: 'dates, year written (DateTimeModel)', cases: dateRows(dtm, false) },
    { name: 'dates, year written (DateParser)', cases: dateRows(datep, false) },
    { name: 'relative dates (DateTimeModel)', cases: dateRows(dtm, true) },
    { name: 'relative dates (DateParser)', cases: dateRows(datep, true) },
    { name: 'times (DateTimeModel)', cases: dtm.filter((c) => c.expect.kind === 'time') },
  ];
}

export function sentenceSuites(dir = PEER_DIR): SentenceSuite[] {
  const s = (f: string) => readJsonl<SentenceCase>(path.join(dir, 'sentences', f));
  return [
    { name: 'pySBD golden rules', cases: s('pysbd_golden_en.jsonl') },
    { name: 'pragmatic_segmenter golden rules', cases: s('pragmatic_golden_en.jsonl') },
    { name: 'pragmatic_segmenter specs', cases: s('pragmatic_segment_en.jsonl'), loose: true },
  ];
}

// ---- what a reader finds ----------------------------------------------------------

export interface Found {
  start: number;
  /** Exclusive. */
  end: number;
  kind: ExpectKind;
  value?: number;
  seconds?: number;
  date?: [number, number, number];
}

export type QuantityReader = (input: string, reference: Date) => Found[];

const DAY = 86400;
/** Seconds per unit, the same for every reader (the engine's own table). */
const SECONDS: Record<string, number> = {
  second: 1, seconds: 1, minute: 60, minutes: 60, hour: 3600, hours: 3600, day: DAY, days: DAY,
  week: 7 * DAY, weeks: 7 * DAY, month: 30.44 * DAY, months: 30.44 * DAY, year: 365.25 * DAY, years: 365.25 * DAY,
  decade: 3652.5 * DAY, decades: 3652.5 * DAY, century: 36525 * DAY, centuries: 36525 * DAY,
};

export function amountsToSeconds(amounts: Record<string, unknown>): number | undefined {
  let s = 0;
  let any = false;
  for (const [unit, n] of Object.entries(amounts)) {
    const per = SECONDS[unit];
    if (per === undefined || typeof n !== 'number' || !Number.isFinite(n) || n === 0) continue;
    s += per * n;
    any = true;
  }
  return any ? s : undefined;
}

/** The reference date of a case ("now" for relative dates): its ReferenceDateTime, read as local time. */
export function referenceOf(c: QuantityCase): Date {
  const r = c.context?.ReferenceDateTime;
  const m = r ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(r) : null;
  if (!m) return new Date(2016, 10, 7);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function ymd(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Sourcewise: `parseQuantities`, relative dates resolved with `resolveRelativeDate` as the analysis does. */
export const sourcewiseQuantities: QuantityReader = (input, reference) => {
  const out: Found[] = [];
  for (const q of parseQuantities(input)) out.push(...foundOf(q, ymd(reference)));
  return out;
};

function foundOf(q: Quantity, published: string): Found[] {
  const at = { start: q.start, end: q.end };
  switch (q.kind) {
    case 'count':
    case 'year':
      return [{ ...at, kind: 'number', value: q.value }];
    case 'ordinal':
    case 'percent':
    case 'money':
    case 'time':
      return [{ ...at, kind: q.kind, value: q.value }];
    case 'duration':
      return [{ ...at, kind: 'duration', seconds: q.value }];
    case 'date': {
      if (!q.date) return [];
      const d = resolveRelativeDate(q.date, published);
      if (d.year === undefined || d.month === undefined || d.day === undefined) return [];
      return [{ ...at, kind: 'date', date: [d.year, d.month, d.day] }];
    }
    default:
      return [];
  }
}

type Doc = {
  numbers(): Doc & { isOrdinal(): Doc };
  fractions(): Doc;
  percentages(): Doc;
  money(): Doc;
  times(): Doc;
  durations(): Doc;
  dates(opts?: object): Doc;
  json(opts?: object): Record<string, unknown>[];
};
type Nlp = ((text: string) => Doc) & { plugin(p: unknown): void };

let nlp: Nlp | undefined;
function compromise(): Nlp {
  if (!nlp) {
    const n = ((nlpModule as unknown as { default?: Nlp }).default ?? nlpModule) as unknown as Nlp;
    n.plugin(numbersPlugin);
    n.plugin(datesPlugin);
    nlp = n;
  }
  return nlp;
}

function spanOf(item: Record<string, unknown>): { start: number; end: number } {
  const o = item['offset'] as { start: number; length: number };
  // compromise's offsets cover the text with trailing punctuation; trim it off.
  const text = String(item['text'] ?? '');
  const trimmed = text.replace(/[\s.,;:!?)"']+$/, '');
  return { start: o.start, end: o.start + Math.max(1, Math.min(o.length, trimmed.length || o.length)) };
}

const CURRENCY_MARK = /[$€£¥₹]|dollar|euro|pound|yen|yuan|rupee|franc|peso|real|rand/i;

/** compromise 14 + compromise-numbers + compromise-dates: numbers, fractions, percentages, money, durations, times, dates. */
export const compromiseQuantities: QuantityReader = (input, reference) => {
  const doc = compromise()(input);
  const out: Found[] = [];
  const o = { offset: true };
  const ordinals = new Set(doc.numbers().isOrdinal().json(o).map((x) => spanOf(x).start));
  for (const x of doc.numbers().json(o)) {
    const n = x['number'] as { num?: number; prefix?: string; suffix?: string; unit?: string } | undefined;
    if (typeof n?.num !== 'number') continue;
    const at = spanOf(x);
    out.push({ ...at, kind: ordinals.has(at.start) ? 'ordinal' : 'number', value: n.num });
    if (CURRENCY_MARK.test(`${n.prefix ?? ''} ${n.suffix ?? ''} ${n.unit ?? ''}`)) out.push({ ...at, kind: 'money', value: n.num });
    if (/%|percent/.test(`${n.suffix ?? ''} ${n.unit ?? ''}`)) out.push({ ...at, kind: 'percent', value: n.num });
  }
  for (const x of doc.fractions().json(o)) {
    const f = x['fraction'] as { decimal?: number } | undefined;
    if (typeof f?.decimal === 'number') out.push({ ...spanOf(x), kind: 'number', value: f.decimal });
  }
  for (const x of doc.percentages().json(o)) {
    const n = x['number'] as { num?: number } | undefined;
    if (typeof n?.num === 'number') out.push({ ...spanOf(x), kind: 'percent', value: n.num });
  }
  for (const x of doc.money().json(o)) {
    const m = x['money'] as { num?: number } | undefined;
    if (typeof m?.num === 'number') out.push({ ...spanOf(x), kind: 'money', value: m.num });
  }
  for (const x of doc.durations().json(o)) {
    const s = amountsToSeconds((x['duration'] as Record<string, unknown>) ?? {});
    if (s !== undefined) out.push({ ...spanOf(x), kind: 'duration', seconds: s });
  }
  for (const x of doc.times().json(o)) {
    const t = x['time'] as { hour?: number; minute?: number } | undefined;
    if (typeof t?.hour === 'number') out.push({ ...spanOf(x), kind: 'time', value: t.hour * 3600 + (t.minute ?? 0) * 60 });
  }
  for (const x of doc.dates({ today: ymd(reference) }).json(o)) {
    const d = x['dates'] as { start?: string | null } | undefined;
    const m = d?.start ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d.start) : null;
    if (m) out.push({ ...spanOf(x), kind: 'date', date: [Number(m[1]), Number(m[2]), Number(m[3])] });
  }
  return out;
};

/** chrono-node (English, its defaults): dates and times against the reference date. */
export const chronoQuantities: QuantityReader = (input, reference) => {
  const out: Found[] = [];
  for (const r of chrono.parse(input, reference)) {
    const at = { start: r.index, end: r.index + r.text.length };
    const s = r.start;
    if (s.isCertain('year') || s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday')) {
      out.push({ ...at, kind: 'date', date: [s.get('year')!, s.get('month')!, s.get('day')!] });
    }
    if (s.isCertain('hour')) out.push({ ...at, kind: 'time', value: s.get('hour')! * 3600 + (s.get('minute') ?? 0) * 60 + (s.get('second') ?? 0) });
  }
  return out;
};

export const QUANTITY_READERS: [string, QuantityReader][] = [
  ['Sourcewise', sourcewiseQuantities],
  ['compromise', compromiseQuantities],
  ['chrono-node', chronoQuantities],
];

// ---- scoring -----------------------------------------------------------------------

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || round3(a) === round3(b);
}

export function matches(f: Found, c: QuantityCase): boolean {
  if (!(f.start <= c.end && f.end > c.start)) return false;
  const e = c.expect;
  switch (e.kind) {
    case 'dimension':
      return (f.kind === 'dimension' || f.kind === 'number') && f.value !== undefined && e.value !== undefined && sameValue(f.value, e.value);
    case 'duration': {
      const want = amountsToSeconds(e.amounts ?? {});
      return f.kind === 'duration' && f.seconds !== undefined && want !== undefined && Math.abs(f.seconds - want) <= 1e-6 * want;
    }
    case 'date':
      return f.kind === 'date' && !!f.date && !!e.date && f.date[0] === e.date[0] && f.date[1] === e.date[1] && f.date[2] === e.date[2];
    default:
      return f.kind === e.kind && f.value !== undefined && e.value !== undefined && sameValue(f.value, e.value);
  }
}

export interface CaseOutcome {
  c: QuantityCase;
  pass: boolean;
  found: Found[];
}

/** Runs a reader over a suite (each input read once, whatever its number of expected values). */
export function runQuantities(reader: QuantityReader, cases: QuantityCase[]): CaseOutcome[] {
  const seen = new Map<string, Found[]>();
  return cases.map((c) => {
    const ref = referenceOf(c);
    const key = `${ref.getTime()}\u0000${c.input}`;
    let found = seen.get(key);
    if (!found) {
      try {
        found = reader(c.input, ref);
      } catch {
        found = [];
      }
      seen.set(key, found);
    }
    return { c, pass: found.some((f) => matches(f, c)), found };
  });
}

// ---- sentences -------------------------------------------------------------------------

export type SentenceReader = (text: string) => string[];

/** The engine's splitter as it reads a draft's prose (a single line break is a space). */
export const sourcewiseSentences: SentenceReader = (text) => splitSentences(text, undefined, { hardLineBreaks: false }).map((s) => s.text);

export const segmenterSentences: SentenceReader = (text) => {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...seg.segment(text)].map((s) => s.segment);
};

export const SENTENCE_READERS: [string, SentenceReader][] = [
  ['Sourcewise', sourcewiseSentences],
  ['Intl.Segmenter', segmenterSentences],
];

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

export function sameSentences(got: string[], expected: string[]): boolean {
  const a = got.map(tidy).filter((s) => s !== '');
  const b = expected.map(tidy).filter((s) => s !== '');
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export function runSentences(reader: SentenceReader, cases: SentenceCase[]): { c: SentenceCase; pass: boolean; got: string[] }[] {
  return cases.map((c) => {
    let got: string[] = [];
    try {
      got = reader(c.text);
    } catch {
      got = [];
    }
    return { c, pass: sameSentences(got, c.expected), got };
  });
}

// ---- the report ------------------------------------------------------------------------

export interface SuiteFigures {
  suite: string;
  cases: number;
  /** Cases passed per reader. */
  passed: Record<string, number>;
}

export function peerAvailable(dir = PEER_DIR): boolean {
  return existsSync(path.join(dir, 'quantities', 'num.jsonl')) && existsSync(path.join(dir, 'sentences', 'pysbd_golden_en.jsonl'));
}

export function measureAll(dir = PEER_DIR): { quantities: SuiteFigures[]; sentences: SuiteFigures[] } {
  const quantities = quantitySuites(dir).map((s) => ({
    suite: s.name,
    cases: s.cases.length,
    passed: Object.fromEntries(QUANTITY_READERS.map(([name, r]) => [name, runQuantities(r, s.cases).filter((o) => o.pass).length])),
  }));
  const sentences = sentenceSuites(dir).map((s) => ({
    suite: s.name,
    cases: s.cases.length,
    passed: Object.fromEntries(SENTENCE_READERS.map(([name, r]) => [name, runSentences(r, s.cases).filter((o) => o.pass).length])),
  }));
  return { quantities, sentences };
}

const pct = (a: number, b: number) => `${a}/${b} (${Math.round((100 * a) / Math.max(1, b))}%)`;

export function formatTable(rows: SuiteFigures[], readers: string[]): string {
  const head = ['suite', 'cases', ...readers];
  const body = rows.map((r) => [r.suite, String(r.cases), ...readers.map((n) => pct(r.passed[n] ?? 0, r.cases))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** The committed floors: Sourcewise's pass counts per suite at the last commit. */
export function readFloors(file = FLOORS_FILE): Record<string, number> {
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
}
