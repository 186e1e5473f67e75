import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/engine/entities/words';

const texts = (s: string) => wordsOf(s).map((w) => w.text);

describe('wordsOf: the words names, roles and quotes read, made of nlp tokens', () => {
  it('keeps a possessive and a contraction with their word, and says which is possessive', () => {
    const ws = wordsOf("Zelenskyy's aide said Russia won't come.");
    expect(ws.map((w) => w.text)).toEqual(["Zelenskyy's", 'aide', 'said', 'Russia', "won't", 'come']);
    expect(ws[0]).toMatchObject({ possessive: true, cap: true, pos: 'PROPN' });
    expect(ws[4]!.possessive).toBe(false);
  });

  it('joins hyphenated compounds, taking the part of speech of their head', () => {
    expect(texts('Gallego-Lazo met a 22-year-old in Bashar al-Assad’s Ottoman-era palace.')).toEqual([
      'Gallego-Lazo', 'met', 'a', '22-year-old', 'in', 'Bashar', 'al-Assad’s', 'Ottoman-era', 'palace',
    ]);
    expect(wordsOf('an Ottoman-era palace')[1]!.pos).toBe('NOUN');
  });

  it('does not join a lower-case prefix to a name ("then-New Jersey")', () => {
    expect(texts('then-New Jersey Governor Christie met them')).toEqual(['then', 'New', 'Jersey', 'Governor', 'Christie', 'met', 'them']);
    // The tagger's own compounds stay whole.
    expect(texts('ex-president Clinton met anti-Trump protesters')).toEqual(['ex-president', 'Clinton', 'met', 'anti-Trump', 'protesters']);
  });

  it("drops an abbreviation's full stop but keeps a dotted acronym's", () => {
    const s = 'Dr. Smith and Lt. Gen. Budanov met U.S. officials.';
    const ws = wordsOf(s);
    expect(ws.map((w) => w.text)).toEqual(['Dr', 'Smith', 'and', 'Lt', 'Gen', 'Budanov', 'met', 'U.S.', 'officials']);
    for (const w of ws) expect(s.slice(w.start, w.end)).toBe(w.text);
  });

  it('reads @handles and scripts the tagger does not know as words', () => {
    const ws = wordsOf('@Keir_Starmer thanked Дмитрий Кошелев.');
    expect(ws[0]).toMatchObject({ text: '@Keir_Starmer', handle: true, cap: true });
    expect(ws.slice(2).map((w) => [w.text, w.cap])).toEqual([
      ['Дмитрий', true],
      ['Кошелев', true],
    ]);
  });
});
