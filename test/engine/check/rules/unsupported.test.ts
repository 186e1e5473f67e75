import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../../src/engine/corpus';

// An invented round of a regional rugby competition.
const corpus = Corpus.fromInputs([
  {
    path: '/src/gazette.md',
    text: `---\noutlet: Coast Gazette\n---\nUniversity stayed top of the Sunshine Coast Rugby Union ladder after beating Maroochydore on Saturday.\n`,
  },
]);

const unsupported = (draft: string) =>
  corpus
    .check(`${draft}\n`, {}, 'plaintext')
    .filter((d) => d.code === 'unsupported' || d.code === 'contradiction')
    .map((d) => d.message);

describe('unsupported: names no source mentions', () => {
  it('says so of a place no source writes', () => {
    expect(unsupported('University stayed top of the Gold Coast ladder after beating Maroochydore on Saturday.')).toContain('No source mentions Gold Coast.');
  });

  it('never says so of a name a source writes within another name ("the Sunshine Coast Rugby Union")', () => {
    expect(unsupported('University stayed top of the Sunshine Coast ladder after beating Maroochydore on Saturday.')).toEqual([]);
  });
});
