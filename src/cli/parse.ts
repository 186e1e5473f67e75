/**
 * `sourcewise parse`: what the engine reads in each sentence of a text — its tokens with lemma
 * and part of speech, the names it finds, and the quantities with their kind, value, interval,
 * unit and date fields — so that writers and tool builders can see why a sentence was or was
 * not flagged. Offsets are UTF-16 code units into the whole text; lines and characters 0-based.
 */
import { readFileSync } from 'node:fs';
import { findMentions } from '../engine/entities';
import { tokensOf } from '../engine/nlp';
import { epochDay, needsReference, parseQuantities, resolveRelativeDate, type DateValue, type Quantity } from '../engine/quantities';
import { draftSentences } from '../engine/sentences';

export interface ParsedToken {
  text: string;
  start: number;
  end: number;
  lemma: string;
  pos: string;
  kind: string;
}

export interface ParsedName {
  text: string;
  start: number;
  end: number;
  kind: string;
}

export interface ParsedQuantity {
  text: string;
  start: number;
  end: number;
  kind: string;
  /** null when the value is not a number (a date without a year, a weekday). */
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit?: string;
  currency?: string;
  fraction?: [number, number];
  age?: boolean;
  perSide?: boolean;
  /** One side of a tally written as a pair ("232-196"): 1 for the first figure, 2 for the second. */
  tally?: 1 | 2;
  /** The date fields as read. */
  date?: DateValue;
  /** The date resolved against --date, when it needs one ("on Friday", "two weeks ago"). */
  resolved?: DateValue;
}

export interface ParsedSentence {
  start: number;
  end: number;
  line: number;
  character: number;
  text: string;
  tokens: ParsedToken[];
  names: ParsedName[];
  quantities: ParsedQuantity[];
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function quantityOut(q: Quantity, base: number, date: string | undefined): ParsedQuantity {
  const out: ParsedQuantity = {
    text: q.text,
    start: base + q.start,
    end: base + q.end,
    kind: q.kind,
    value: num(q.value),
    low: num(q.low),
    high: num(q.high),
    qualifier: q.qualifier,
  };
  if (q.unit !== undefined) out.unit = q.unit;
  if (q.currency !== undefined) out.currency = q.currency;
  if (q.fraction) out.fraction = q.fraction;
  if (q.age) out.age = true;
  if (q.perSide) out.perSide = true;
  if (q.tally) out.tally = q.tally;
  if (q.date) {
    out.date = q.date;
    if (date && needsReference(q.date)) out.resolved = resolveRelativeDate(q.date, date);
  }
  return out;
}

/** "2025-05-16" names a day of the calendar ("2025-02-30" does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && !Number.isNaN(epochDay(Number(m[1]), Number(m[2]), Number(m[3])));
}

/** Standard input as UTF-8 text (at most 10 MB); throws a one-line message otherwise. */
export function readStdin(): string {
  let buf: Buffer;
  try {
    buf = readFileSync(0);
  } catch {
    throw new Error('cannot read standard input');
  }
  if (buf.length > 10 * 1024 * 1024) throw new Error('standard input is larger than 10 MB; not read');
  if (buf.subarray(0, 8192).includes(0)) throw new Error('standard input looks binary; not read');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new Error('standard input is not valid UTF-8 text');
  }
}

/** Every sentence of a text (Markdown prose regions, or plain text) as the engine reads it. */
export function parseText(text: string, language: 'markdown' | 'plaintext', date?: string): ParsedSentence[] {
  return draftSentences(text, language).map((s) => {
    const base = s.start;
    let names: ParsedName[] = [];
    try {
      names = findMentions(s.text).map((m) => ({ text: m.text, start: base + m.start, end: base + m.end, kind: m.kind }));
    } catch {
      names = [];
    }
    return {
      start: s.start,
      end: s.end,
      line: s.line,
      character: s.character,
      text: s.text,
      tokens: tokensOf(s.text).map((t) => ({ text: t.text, start: base + t.start, end: base + t.end, lemma: t.lemma, pos: t.pos, kind: t.kind })),
      names,
      quantities: parseQuantities(s.text).map((q) => quantityOut(q, base, date)),
    };
  });
}

function dateText(d: DateValue): string {
  const parts: string[] = [];
  if (d.year !== undefined || d.month !== undefined || d.day !== undefined) {
    parts.push([d.year ?? '????', d.month ?? '??', d.day ?? '??'].map((x, i) => String(x).padStart(i === 0 ? 4 : 2, '0')).join('-'));
  }
  for (const [k, v] of Object.entries(d)) {
    if (k === 'year' || k === 'month' || k === 'day' || v === undefined) continue;
    parts.push(`${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return parts.join(' ');
}

const show = (x: number | null): string => (x === null ? '-' : String(Math.round(x * 1e6) / 1e6));

/** The text form: one block per sentence. */
export function renderParse(file: string, sentences: ParsedSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    out.push(`${file}:${s.line + 1}:${s.character + 1} [${s.start}-${s.end}] ${s.text.replace(/\s+/g, ' ')}`);
    out.push(`  tokens: ${s.tokens.map((t) => `${t.text}/${t.lemma}/${t.pos}`).join(' ')}`);
    if (s.names.length) out.push(`  names: ${s.names.map((n) => `${n.text} (${n.kind})`).join(', ')}`);
    for (const q of s.quantities) {
      let line = `  ${q.kind} "${q.text}" [${q.start}-${q.end}] value ${show(q.value)} low ${show(q.low)} high ${show(q.high)}`;
      if (q.qualifier !== 'exact') line += ` ${q.qualifier}`;
      if (q.unit) line += ` unit ${q.unit}`;
      if (q.fraction) line += ` fraction ${q.fraction[0]}/${q.fraction[1]}`;
      if (q.age) line += ' age';
      if (q.perSide) line += ' per side';
      if (q.tally) line += ` tally side ${q.tally}`;
      if (q.date) line += ` date ${dateText(q.date)}`;
      if (q.resolved) line += ` → ${dateText(q.resolved)}`;
      out.push(line);
    }
  }
  return out.join('\n');
}
