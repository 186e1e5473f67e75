import { describe, expect, it } from 'vitest';
import { sameNameWord } from '../../../src/engine/entities/names';
import { EntityRegistry } from '../../../src/engine/entities/registry';
import { findMentions } from '../../../src/engine/entities/mentions';

describe('sameNameWord: spellings of one name, not neighbouring names', () => {
  it.each([
    ['Zelenskyy', 'Zelensky'],
    ['Zelenskiy', 'Zelensky'],
    ['Umerov', 'Umierov'],
    ['Mohammed', 'Mohammad'],
    ['Neanderthal', 'Neandertal'],
    ['Pittsburgh', 'Pittsburg'],
    ['Magnitogorsk', 'Magnitigorsk'],
    ['Erdoğan', 'Erdogan'],
  ])('%s and %s are one name', (a, b) => {
    expect(sameNameWord(a, b)).toBe(true);
  });

  it.each([
    ['Obama', 'Osama'],
    ['Hogan', 'Hagan'],
    ['Walker', 'Walter'],
    ['Samoa', 'Samos'],
    ['Sudan', 'Susan'],
    ['Patel', 'Patil'],
    ['Republican', 'Republicans'],
    ['Hammond', 'Hammons'],
    ['Merz', 'Marz'],
  ])('%s and %s are two names', (a, b) => {
    expect(sameNameWord(a, b)).toBe(false);
  });

  it('a hover on "Obama" is about Barack Obama, not Osama bin Laden', () => {
    const r = new EntityRegistry<number>();
    for (const t of ['Barack Obama spoke on Monday.', 'Osama bin Laden was killed in 2011.', 'Obama said so.']) for (const m of findMentions(t)) r.add(m, m.start);
    expect(r.resolve('Obama')?.name).toBe('Barack Obama');
    expect(r.resolve('Osama bin Laden')?.id).not.toBe(r.resolve('Barack Obama')?.id);
  });
});
