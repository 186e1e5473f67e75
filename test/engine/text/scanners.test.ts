import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../../src/engine/text';
import { rng } from '../../helpers/random';

// Reference implementation: the replace() chain the hand-written folding replaces.
function refFold(s: string): string {
  const SPECIAL: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D' };
  let d = '';
  for (const ch of s.split('')) {
    if (ch.charCodeAt(0) < 0x80) d += ch;
    else if (SPECIAL[ch]) d += SPECIAL[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      d += base.length === 1 ? base : ch;
    }
  }
  const p = d
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/\u00A0|\u2009|\u202F|\u2007/g, ' ')
    .replace(/\u2026/g, '.');
  return p.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const PIECES = [
  'a', 'B', 'Z', 'é', 'É', 'ß', 'ı', 'İ', 'Ł', '3', '٣', '\u0301', ' ', '.', "'", '’', '`', '-', '–', '@', '_', 'U.', 'S.', '\ud835\udc00', '\ud835\udc1a',
  '\ud83d\ude00', '\ud800', '\udc00', 'Ω', 'ω', 'ǅ', '\u00a0', ',', 'x', '@a', '#', '—', '“', '”', '…', 'Ж', 'ж', '中',
];

function randomText(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 16);
  for (let j = 0; j < n; j++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

describe('hand-written scanners match the regular expressions they replace', () => {
  it('foldForMatch on random text', () => {
    const r = rng(42);
    for (let i = 0; i < 10000; i++) {
      const s = randomText(r);
      expect(foldForMatch(s), s).toBe(refFold(s));
    }
  });

  it('foldForMatch on every BMP code unit', () => {
    const bad: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `A${String.fromCharCode(c)}z`;
      if (foldForMatch(s) !== refFold(s)) bad.push(c);
    }
    expect(bad).toEqual([]);
  });

  it('scans long text (past the per-call buffer of the folding table)', () => {
    const s = 'Ünïcödé Wörds, “quoted” — U.S. @handle_1 '.repeat(500);
    expect(foldForMatch(s)).toBe(refFold(s));
  });
});
