import { describe, expect, it } from 'vitest';
import { wordRuns } from '../../../src/engine/nlp';
import { quoteOccursIn } from '../../../src/engine/quotes';

describe('word runs (the fast reading quotation matching uses)', () => {
  it('gives each run of letters and digits with its offsets, in any script', () => {
    const text = 'Zelensky: «Мы готовы» — 1,000 prisoners, café.';
    expect(wordRuns(text).map((r) => [r.norm, text.slice(r.start, r.end)])).toEqual([
      ['Zelensky', 'Zelensky'],
      ['Мы', 'Мы'],
      ['готовы', 'готовы'],
      ['1', '1'],
      ['000', '000'],
      ['prisoners', 'prisoners'],
      ['café', 'café'],
    ]);
  });

  it('is what a quotation is found by: the same words, whatever the punctuation and case between them', () => {
    const source = 'He said: "We are ready -- to meet, again." Then he left.';
    const at = quoteOccursIn('we are ready to meet again', source);
    expect(at && source.slice(at.start, at.end)).toBe('We are ready -- to meet, again');
  });
});
