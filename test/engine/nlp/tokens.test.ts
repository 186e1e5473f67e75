import { describe, expect, it } from 'vitest';
import { isWordish, stem, stemUncached, STEM_MEMO_MAX, tokenIndexAt, tokensOf, wordTokens } from '../../../src/engine/nlp';
import { rng } from '../../helpers/random';

describe('tokens of a sentence', () => {
  it('have offsets into the original text, whatever its diacritics, quotes and dashes', () => {
    const s = 'Erdoğan met Zelenskyy’s team in Türkiye — “we won’t stop,” he said… İstanbul, Dolmabahçe.';
    const toks = tokensOf(s);
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(toks.map((t) => t.text)).toContain('Erdoğan');
    expect(toks.map((t) => t.text)).toContain('Dolmabahçe');
    expect(toks.find((t) => t.text === 'Erdoğan')!.norm).toBe('erdogan');
    // Nothing but whitespace is left out.
    let covered = '';
    let at = 0;
    for (const t of toks) {
      covered += s.slice(at, t.start).replace(/\S/g, '#') + t.text;
      at = t.end;
    }
    expect(covered).toBe(s.slice(0, at));
  });

  it('carry lemma, part of speech and negation scope', () => {
    const toks = wordTokens('The negotiations lasted about six hours, but they did not reach a deal.');
    const by = (w: string) => toks.find((t) => t.text === w)!;
    expect(by('negotiations').lemma).toBe('negotiation');
    expect(by('negotiations').pos).toBe('NOUN');
    expect(by('lasted').lemma).toBe('last');
    expect(by('lasted').pos).toBe('VERB');
    expect(by('six').pos).toBe('NUM');
    expect(by('reach').neg).toBe(true);
    expect(by('lasted').neg).toBe(false);
  });

  it('stay exact on random text with odd code units, and on text longer than one tagging call', () => {
    const pieces = ['a', 'B', 'é', 'ğ', '3', ' ', '.', "'", '’', '-', '—', '“', '”', '…', '\u0301', '\ud83d\ude00', '\ud800', '中', '\t', '\n', '\u00a0', '$', '%', '1,000', 'U.S.', "n't"];
    const r = rng(7);
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(r() * 20);
      for (let j = 0; j < n; j++) s += pieces[Math.floor(r() * pieces.length)];
      const toks = tokensOf(s);
      let last = 0;
      for (const t of toks) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(s.slice(t.start, t.end)).toBe(t.text);
        last = t.end;
      }
    }
    const long = 'Sentence with 1,000 words and Erdoğan. '.repeat(400);
    const toks = tokensOf(long);
    for (const t of toks) expect(long.slice(t.start, t.end)).toBe(t.text);
    expect(toks.filter((t) => t.text === 'Erdoğan')).toHaveLength(400);
  });

  it('finds the token at an offset', () => {
    const toks = tokensOf('Talks lasted two hours.');
    expect(toks[tokenIndexAt(toks, 13)]!.text).toBe('two');
    expect(tokenIndexAt(toks, 1000)).toBe(toks.length);
    expect(isWordish(toks[toks.length - 1]!)).toBe(false);
  });
});

describe('stems', () => {
  it('equate the forms of one word', () => {
    expect(stem('negotiations')).toBe(stem('negotiation'));
    expect(stem('negotiated')).toBe(stem('negotiation'));
    expect(stem('talks')).toBe(stem('talk'));
    expect(stem("zelenskyy's")).toBe(stem('zelenskyy'));
    expect(stem('peace-talks')).toBe(`${stem('peace')}-${stem('talks')}`);
  });

  it('give the same stem with and without the memo, also after it fills up', () => {
    const many: string[] = [];
    for (let k = 0; k < STEM_MEMO_MAX + 1000; k++) many.push(`w${k.toString(36)}${['ings', 'ed', 's', 'ations', 'ness'][k % 5]}`);
    for (const w of many) expect(stem(w)).toBe(stemUncached(w));
    for (const w of many.slice(0, 2000)) expect(stem(w)).toBe(stemUncached(w));
  });
});

describe('tokens of a text do not depend on what was tagged before', () => {
  // wink-nlp records every word it has not seen, and a recorded word changed how it split later
  // text: "U.S." was one token until "the entire U.S" (no stop) had been read, then two (so the
  // analysis of a source sentence depended on what the process had read before it).
  // tokensOf remembers its last texts, so each case tags texts it has not tagged before.
  const texts = (t: string) => tokensOf(t).map((x) => x.text);

  it('an abbreviation read first without its stop', () => {
    // (A made-up one: no other test may have tagged it.)
    texts('Weather forecasters have had only a single satellite to cover the entire Q.X');
    expect(texts('Q.X. WEEKLY SOYBEAN CRUSH 21,782,929 BUSHELS')).toEqual(['Q.X.', 'WEEKLY', 'SOYBEAN', 'CRUSH', '21,782,929', 'BUSHELS']);
  });

  it('a possessive, a dotted initialism and a hyphenated name read in other forms first', () => {
    const probes = ["Texas Air Corp's Continental Airlines unit said it will begin service.", 'Dutch bank F. Van Lanschot Bankiers N.V., Co-owned by National Westminster.', 'Allied-Signal Inc\'s owned affiliate said.'];
    const fresh = probes.map((p) => texts(p + ' (first)'));
    for (const w of ["Corp's,", 'Corp', 'N.V', 'N.V.,', 'Allied-Signal', "Inc's,", 'Inc']) texts(`We read ${w} here and ${w}`);
    probes.forEach((p, i) => expect(texts(p + ' (again)')).toEqual(fresh[i]!.map((t) => (t === 'first' ? 'again' : t))));
  });
});
