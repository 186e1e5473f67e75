import { describe, expect, it } from 'vitest';
import { closestQuote, normalizeQuote, quoteMatcher, quoteOccursIn } from '../../../src/engine/quotes';

const SRC =
  'Following the meeting, Kirill Dmitriev, a senior Russian official, praised the outcome on X, citing “good results... 1. Largest POW exchange, 2. Ceasefire options that may work, 3. Understanding of positions and continued dialogue.” ' +
  'Ukrainian Defense Minister Rustem Umerov, who led the delegation, confirmed that the swap would take place soon. “We know the date,” he said, “but we’re not disclosing it just yet.”';

describe('normalizeQuote', () => {
  it('folds marks, case, diacritics, ellipses and end punctuation', () => {
    expect(normalizeQuote('“Türkiye is indeed crucial here...” ')).toBe('turkiye is indeed crucial here');
    expect(normalizeQuote('"We’re  not…  disclosing it."')).toBe("we're not disclosing it");
    expect(normalizeQuote('‘clearly unacceptable’,')).toBe('clearly unacceptable');
  });
});

describe('quoteOccursIn', () => {
  it('finds a quote tolerant of case, marks and punctuation; offsets in the original', () => {
    const r = quoteOccursIn("we're not disclosing it", SRC)!;
    expect(SRC.slice(r.start, r.end)).toBe('we’re not disclosing it');
    const l = quoteOccursIn('"Largest POW Exchange."', SRC)!;
    expect(SRC.slice(l.start, l.end)).toBe('Largest POW exchange');
  });
  it('an ellipsis matches omitted words', () => {
    const r = quoteOccursIn('good results... Largest POW exchange', SRC)!;
    expect(SRC.slice(r.start, r.end)).toBe('good results... 1. Largest POW exchange');
    expect(quoteOccursIn('We know the date … just yet', SRC)).toBeDefined();
  });
  it('altered quotes are not found', () => {
    expect(quoteOccursIn('the largest POW exchange in history', SRC)).toBeUndefined();
    expect(quoteOccursIn('could happen within weeks', SRC)).toBeUndefined();
    expect(quoteOccursIn('We know the time', SRC)).toBeUndefined();
  });
  it('a quote read once is found in each of many texts as when looked for in each alone', () => {
    const texts = [SRC, SRC.toUpperCase(), 'We know. The date is near, but we are not disclosing it.', 'we’re  not — disclosing it!', '', 'Nothing here.'];
    for (const quote of ["we're not disclosing it", 'We know the date … just yet', 'good results... Largest POW exchange', '“date”']) {
      const match = quoteMatcher(quote);
      for (const t of texts) expect(match(t), `${quote} in ${t.slice(0, 20)}`).toEqual(quoteOccursIn(quote, t));
    }
    expect(quoteMatcher('we’re not disclosing it')('we’re  not — disclosing it!')).toEqual({ start: 0, end: 26 });
    expect(quoteMatcher('')('anything')).toBeUndefined();
  });
  it('diacritics', () => {
    expect(quoteOccursIn('Turkiye is indeed crucial here', 'He said: "Türkiye is indeed crucial here."')).toBeDefined();
  });
});

describe('closestQuote', () => {
  it('restores the source words for an altered quote', () => {
    const c = closestQuote('the largest POW exchange in history', ['Nothing to see here.', SRC])!;
    expect(c.index).toBe(1);
    expect(c.text).toBe('Largest POW exchange');
    expect(c.score).toBeGreaterThan(0.5);
    expect(c.score).toBeLessThan(1);
  });
  it('scores an exact quote 1 and unrelated text low', () => {
    expect(closestQuote('We know the date', [SRC])!.score).toBe(1);
    const far = closestQuote('the last chance for peace', [SRC]);
    expect(far === undefined || far.score < 0.5).toBe(true);
  });
  it('prefilters many candidates', () => {
    const many = Array.from({ length: 200 }, (_, i) => `Filler sentence number ${i} about weather and trains.`);
    many.push('Istanbul talks: A last chance for peace?');
    const c = closestQuote('the last chance for peace', many)!;
    expect(c.text).toBe('last chance for peace');
    expect(c.index).toBe(200);
  });
});
