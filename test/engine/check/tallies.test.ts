import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { apply } from '../../helpers/text';

// Invented results: a vote in an invented assembly, and a round of an invented league in which
// one club plays twice.
const corpus = Corpus.fromInputs([
  { path: '/votes/a.md', text: `---\noutlet: Assembly Times\n---\nThe Assembly of Velmora voted 66 to 27 to approve the harbour bill on Friday.\n` },
  {
    path: '/league/b.md',
    text: `---\noutlet: League Weekly\n---\nIn round four, Ardmore defeated Caddow 43–5, and Brisca knocked off Dunmere 32–22.\n\nEarlier in the season Brisca had beaten Ardmore 18–12.\n`,
  },
]);
const said = (t: string) => corpus.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction');

describe('tallies: a result compared as a pair', () => {
  it('the other side of the same result rules out a different figure, and the fix writes the sourced one', () => {
    const [d, ...rest] = said('The Velmora assembly approved the harbour bill by 66 votes to 37.');
    expect(rest).toEqual([]);
    expect(d!.message).toBe('The sources say “27” (Assembly Times), not “37”, in the result whose other side is “66”.');
    const text = 'The Velmora assembly approved the harbour bill by 66 votes to 37.\n';
    expect(apply(text, d!.fixes[0]!.edits)).toBe('The Velmora assembly approved the harbour bill by 66 votes to 27.\n');
  });

  it('the first side too, and a score written with a dash', () => {
    expect(said('Brisca beat Dunmere 31–22 in round four.').map((d) => d.message)).toEqual(['The sources say “32” (League Weekly), not “31”, in the result whose other side is “22”.']);
  });

  it('the same result, in either order or in words, gives nothing', () => {
    expect(said('The Velmora assembly passed the harbour bill 66-27.')).toEqual([]);
    expect(said('Dunmere lost 22–32 to Brisca in round four.')).toEqual([]);
  });

  it('a result of other sides, or a club with two results, pins nothing', () => {
    // "Brisca" alone names two results (32–22 and 18–12): which one the draft gives is not known.
    expect(said('Brisca won 32–20 in round four.')).toEqual([]);
    // Caddow's result was against Ardmore: Ellery names a side no source tally has.
    expect(said('Caddow beat Ellery 43–7.')).toEqual([]);
    // A side of a result is a bare count: another result's figure does not rule it out.
    expect(said('Brisca beat Ardmore 31–12 earlier in the season.').map((d) => d.message)).toEqual(['The sources say “18” (League Weekly), not “31”, in the result whose other side is “12”.']);
  });
});
