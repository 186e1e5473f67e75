import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { countryOf, findMentions, metonymCountry, regionDemonym } from '../../../src/engine/entities';
import { parseQuantities } from '../../../src/engine/quantities';
import { decodeEntities } from '../../../src/engine/sources';

// Words that name properties of every JavaScript object: lexicon lookups must not find them.
const OBJECT_WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'toLocaleString'];

describe('lexicon lookups of words that are Object.prototype properties', () => {
  it.each(OBJECT_WORDS)('"%s" is no figure', (w) => {
    expect(parseQuantities(`The ${w} of the bridge said so.`)).toEqual([]);
    expect(parseQuantities(`${w[0]!.toUpperCase()}${w.slice(1)} rose on Monday.`).map((q) => q.text)).toEqual(['Monday']);
    expect(parseQuantities(`20 ${w} workers`).map((q) => q.text)).toEqual(['20']);
  });

  it.each(OBJECT_WORDS)('"%s" is no place or country', (w) => {
    expect(regionDemonym(w)).toBeUndefined();
    expect(metonymCountry(w)).toBeUndefined();
    expect(countryOf(w)).toBeUndefined();
  });

  it('a capitalised "Constructor" is an ordinary name and does not stop indexing', () => {
    expect(findMentions('Constructor said so.').map((m) => [m.text, m.kind])).toEqual([['Constructor', 'person']]);
    const corpus = Corpus.fromInputs([{ path: '/x/a.txt', text: 'Title\n\nThe Constructor rose 5 pct on Monday. Constructor said so.' }]);
    expect(corpus.store.sents.flatMap((s) => s.claims.map((c) => c.q.text))).toEqual(['5 pct', 'Monday']);
  });

  it('an unknown HTML reference named like an object property stays as written', () => {
    expect(decodeEntities('a &constructor; b &toString;')).toBe('a &constructor; b &toString;');
  });
});
