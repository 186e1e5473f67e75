import { describe, expect, it } from 'vitest';
import { formatQuantity, intervalsCompatible, parseQuantities, type Quantity } from '../../../src/engine/quantities';
import { rng } from '../../helpers/random';

function checkOffsets(input: string, qs: Quantity[]): void {
  const bad: string[] = [];
  let last = 0;
  for (const q of qs) {
    const ok =
      q.start >= last && q.start < q.end && q.end <= input.length && q.text === input.slice(q.start, q.end) &&
      q.valueStart >= q.start && q.valueEnd <= q.end && q.valueStart < q.valueEnd;
    if (!ok) bad.push(JSON.stringify(q));
    last = q.end;
  }
  expect(bad).toEqual([]);
}


const PIECES = [
  '1', '0', '9', ',', '.', '-', '–', ':', '/', ' ', ' ', ' ', '$', '€', '%', '#', '@', '+', 'a', 'an', 'one', 'two', 'hundred',
  'thousand', 'million', 'and', 'half', 'hour', 'hours', 'day', '-day', 'May', 'Friday', 'morning', 'less than', 'more than',
  'just over', 'between', 'or', 'to', 'each', 'th', 'st', 'first', 'the', 'ago', 'mid-', 'early', '2025', '16', '\u{1F600}',
  'شهر', 'שלום', '\u200f', '\n', '"', "'s", 'p.m.', 'a.m.', 'per cent', 'US$', 'bn', 'k', 'twenty', '-five',
];

describe('robustness', () => {
  it('never throws on random text and keeps offsets valid', () => {
    const r = rng(42);
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const len = Math.floor(r() * 30);
      for (let i = 0; i < len; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
      const qs = parseQuantities(s);
      checkOffsets(s, qs);
      for (const q of qs) {
        expect(typeof formatQuantity(q)).toBe('string');
        expect(typeof intervalsCompatible(q, q)).toBe('boolean');
      }
    }
  });

  it('random unicode code units', () => {
    const r = rng(7);
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = Math.floor(r() * 60);
      for (let i = 0; i < len; i++) s += String.fromCharCode(Math.floor(r() * 0xffff));
      checkOffsets(s, parseQuantities(s));
    }
  });

  it('emoji, RTL and mixed scripts', () => {
    const s = '😀 مرحبا 2 ساعات \u202e two hours \u202c שלום 1,000 😀😀 Зеленський 16 May 2025';
    const qs = parseQuantities(s);
    checkOffsets(s, qs);
    expect(qs.map((q) => q.text)).toEqual(['2', 'two hours', '1,000', '16 May 2025']);
  });

  it('is fast on 100,000 characters of "1,1,1,…"', () => {
    const s = '1,'.repeat(50_000);
    const t0 = Date.now();
    const qs = parseQuantities(s);
    expect(Date.now() - t0).toBeLessThan(3000);
    checkOffsets(s, qs);
  });

  it('is fast on very long digit runs and punctuation runs', () => {
    for (const s of ['9'.repeat(100_000), ','.repeat(100_000), '@'.repeat(50_000), '1 '.repeat(50_000), 'one '.repeat(20_000), '-1'.repeat(50_000), 'a'.repeat(100_000)]) {
      const t0 = Date.now();
      const qs = parseQuantities(s);
      expect(Date.now() - t0, s.slice(0, 10)).toBeLessThan(3000);
      checkOffsets(s, qs);
    }
  });

  it('tolerates non-string input', () => {
    expect(parseQuantities(undefined as unknown as string)).toEqual([]);
    expect(parseQuantities('')).toEqual([]);
  });
});

describe('sentences that cannot hold a figure are not parsed', () => {
  it('a sentence of plain words has no figure; figures spelled out in words, signs and fractions are still found', async () => {
    const { mayHoldQuantity } = await import('../../../src/engine/quantities/parse');
    expect(mayHoldQuantity('The delegations met behind closed doors and said little afterwards.')).toBe(false);
    // An article alone is not a figure ...
    expect(mayHoldQuantity('A spokesman declined to comment on an agreement.')).toBe(false);
    // ... but each of these is, and the parser still reads it.
    for (const [text, figure] of [
      ['Talks lasted a dozen hours.', 'a dozen hours'],
      ['The ceasefire began in mid-May.', 'mid-May'],
      ['Turnout fell by a third.', 'a third'],
      ['It cost €3bn.', '€3bn'],
      ['They met on Thursday.', 'Thursday'],
      ['Nearly ½ of voters agreed.', '½'],
      ['Two hundred people marched yesterday.', 'Two hundred'],
    ] as const) {
      expect(mayHoldQuantity(text), text).toBe(true);
      expect(parseQuantities(text).some((q) => q.text.includes(figure)), text).toBe(true);
    }
  });
});
