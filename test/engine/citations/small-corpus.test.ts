import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';

describe('a corpus of one or two short sources', () => {
  const corpus = Corpus.fromInputs([
    { path: '/s/one.md', text: '---\noutlet: Harbor Gazette\n---\nThe harbour board approved 14 new berths on Tuesday.\n' },
  ]);

  it('still offers the one source sentence as a citation', () => {
    const c = corpus.citeText('The harbour board approved new berths.', 3);
    expect(c[0]?.text).toBe('The harbour board approved 14 new berths on Tuesday.');
    expect(c[0]?.outlet).toBe('Harbor Gazette');
  });

  it('still rules out a wrong figure (every word is "common" in one sentence)', () => {
    const d = corpus.check('The harbour board approved 40 new berths.', {}, 'plaintext');
    const c = d.find((x) => x.code === 'contradiction');
    expect(c?.draftSays).toBe('40');
    expect(c?.fixes[0]?.edits[0]?.newText).toBe('14');
  });
});

describe('reindexing a changed source', () => {
  it('scores citations exactly as a fresh build of the same files does', () => {
    const a = { path: '/s/a.md', text: 'The harbour board approved 14 new berths on Tuesday.\nDockers voted to end the strike.\n' };
    const b1 = { path: '/s/b.md', text: 'The strike lasted nine days.\n' };
    const b2 = { path: '/s/b.md', text: 'The strike lasted nine days, the union said.\nThe board met the union on Monday.\n' };
    const updated = Corpus.fromInputs([a, b1]);
    updated.upsert(b2);
    updated.upsert(b2);
    const fresh = Corpus.fromInputs([a, b2]);
    for (const q of ['How long did the strike last?', 'The board approved new berths.', 'The union met the board.']) {
      expect(updated.citeText(q, 5).map((c) => [c.text, c.score])).toEqual(fresh.citeText(q, 5).map((c) => [c.text, c.score]));
    }
  });
});
