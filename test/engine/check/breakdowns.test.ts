import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { itemsOf } from '../../../src/engine/check/breakdowns';
import { claimsOf } from '../../../src/engine/claims';
import { parseQuantities } from '../../../src/engine/quantities';
import { apply } from '../../helpers/text';

// An invented earthquake's injured by province, and an invented caucus's delegates by candidate.
const corpus = Corpus.fromInputs([
  { path: '/quake/a.md', text: `---\noutlet: Island Post\n---\nThe disaster agency counted 21 injured in Upper Velmora, 36 in North Dravik, 29 in South Dravik and seven in Port Arnholt.\n` },
  { path: '/caucus/b.md', text: `---\noutlet: Plains Ledger\n---\nIn the Kessling caucus, Ana Ruiz earned 14 delegates, Tom Brisca earned 12, Lee Ortan earned 8 and Mia Dunmere earned 6.\n` },
]);
const said = (t: string) => corpus.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction');
const items = (t: string) => itemsOf(t, claimsOf(t, parseQuantities(t))).map((i) => [i.claim.q.text, i.words.join(' ')]);

describe('breakdowns: figures listed by name', () => {
  it('reads each figure with its name, after it or before it as the list gives them', () => {
    expect(items('The agency counted 21 injured in Upper Velmora, 38 in North Dravik and seven in Port Arnholt.')).toEqual([['21', 'upper velmora'], ['38', 'north dravik'], ['seven', 'port arnholt']]);
    expect(items('Ana Ruiz earned 14 delegates, Tom Brisca earned 12 and Lee Ortan earned 8.')).toEqual([['14', 'ana ruiz'], ['12', 'tom brisca'], ['8', 'lee ortan']]);
  });

  it('a name the source breakdown gives another figure, where it agrees on the others, is ruled out; the fix writes theirs', () => {
    const text = 'The agency counted 21 injured in Upper Velmora, 38 in North Dravik and 29 in South Dravik.\n';
    const [d, ...rest] = said(text.trim());
    expect(rest).toEqual([]);
    expect(d!.message).toBe('The sources say “36” (Island Post), not “38”, in the breakdown whose other figures they share.');
    expect(apply(text, d!.fixes[0]!.edits)).toBe(text.replace('38', '36'));
  });

  it('names written shorter or the other way round are the same names', () => {
    expect(said('The caucus gave 14 delegates to Ruiz, 12 to Brisca and 9 to Ortan.').map((d) => d.message)).toEqual(['The sources say “8” (Plains Ledger), not “9”, in the breakdown whose other figures they share.']);
  });

  it('the same breakdown, or one that shares no figure or differs twice, gives nothing', () => {
    expect(said('The caucus gave 14 delegates to Ruiz, 12 to Brisca and 8 to Ortan.')).toEqual([]);
    // Two items differ: another count (another day's, another contest's), not a slip. (The
    // figure check still weighs each figure on its own.)
    expect(said('The caucus gave 15 delegates to Ruiz, 11 to Brisca and 8 to Ortan.').filter((d) => d.message.includes('breakdown'))).toEqual([]);
    // One name only: a bare count told of a name is the figure check's.
    expect(said('The agency counted 40 injured in North Dravik and none elsewhere.').filter((d) => d.message.includes('breakdown'))).toEqual([]);
  });
});
