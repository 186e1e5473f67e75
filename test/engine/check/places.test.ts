/**
 * Where something happened (src/engine/check/places.ts and its rule), against an invented
 * story: two ministers meet in Vienna; a summit follows in Prague.
 */
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import type { Diagnostic } from '../../../src/engine/types';

const WIRE = `---
outlet: Danube Wire
---
Ministers meet ahead of summit

Foreign Minister Aldo Brandt met his counterpart Lena Varga in Vienna on Monday.

The regional summit in Prague followed on Tuesday.
`;

const corpus = Corpus.fromInputs([{ path: '/src/wire.md', text: WIRE }]);

function places(sentence: string): Diagnostic[] {
  return corpus.check(`# Draft\n\n${sentence}\n`, {}, 'markdown').filter((d) => d.code === 'contradiction');
}

describe('places: where an event happened', () => {
  it('is ruled out where the source that tells of the same people and event puts it in another city, with that city as the fix', () => {
    const found = places('Aldo Brandt met Lena Varga in Prague.');
    expect(found).toHaveLength(1);
    expect(found[0]!.draftSays).toBe('Prague');
    expect(found[0]!.message).toMatch(/places this in Vienna/);
    expect(found[0]!.fixes[0]!.edits[0]!.newText).toBe('Vienna');
  });

  it('the place the sources give, or a larger place that holds it: no finding', () => {
    expect(places('Aldo Brandt met Lena Varga in Vienna.')).toHaveLength(0);
    expect(places('Aldo Brandt met Lena Varga in Austria.')).toHaveLength(0);
  });

  it('a source that tells of the same people and names the draft’s place too may place it there: no finding', () => {
    const both = Corpus.fromInputs([{ path: '/src/wire.md', text: WIRE.replace('The regional summit in Prague followed on Tuesday.', 'Brandt and Varga flew on to the summit in Prague.') }]);
    expect(both.check('# Draft\n\nAldo Brandt met Lena Varga in Prague.\n', {}, 'markdown').filter((d) => d.code === 'contradiction')).toHaveLength(0);
  });

  it('without the people the sources name, a place says nothing against them', () => {
    expect(places('Officials met in Prague on Monday.')).toHaveLength(0);
  });

  it('an event that names no one is told of by the story\'s sentences of that event: another city the sources name elsewhere is ruled out', () => {
    const c = Corpus.fromInputs([{ path: '/src/wire.md', text: `${WIRE}\nObservers from Budapest attended as guests.\n` }]);
    const found = c.check('# Draft\n\nThe regional summit in Budapest followed on Tuesday.\n', {}, 'markdown').filter((d) => d.code === 'contradiction');
    expect(found.map((d) => d.fixes[0]!.edits[0]!.newText)).toEqual(['Prague']);
  });

  it('a capital that stands for its government ("Vienna\'s conditions", "Vienna has insisted") does not place the event there', () => {
    const gov = Corpus.fromInputs([
      {
        path: '/src/wire.md',
        text: WIRE.replace('The regional summit in Prague followed on Tuesday.', 'The regional summit in Prague followed on Tuesday, and Vienna has insisted on its conditions for the summit.'),
      },
    ]);
    expect(gov.check('# Draft\n\nThe regional summit in Vienna followed on Tuesday.\n', {}, 'markdown').filter((d) => d.code === 'contradiction')).toHaveLength(1);
    // named as a place, it may well be where the event was
    const there = Corpus.fromInputs([
      { path: '/src/wire.md', text: WIRE.replace('The regional summit in Prague followed on Tuesday.', 'The regional summit in Prague followed on Tuesday, with delegations arriving from Vienna.') },
    ]);
    expect(there.check('# Draft\n\nThe regional summit in Vienna followed on Tuesday.\n', {}, 'markdown').filter((d) => d.code === 'contradiction')).toHaveLength(0);
  });
});
