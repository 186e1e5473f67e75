/**
 * A draft about one story checked against a whole news archive (the 293 Wikinews articles of
 * ../shared/corpora): evidence and fixes come from that story's article only.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { WIKINEWS, EVAL_SETS } from './sets';

const here = existsSync(WIKINEWS);
const serious = (code: string) => code !== 'unsupported';

describe.skipIf(!here)('checks against a whole archive', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    const set = EVAL_SETS.find((s) => s.name === 'wikinews-tuning')!;
    corpus = (await Corpus.load(set.sources(), { cacheDir: false })).corpus;
    await corpus.analyseAll();
  }, 120_000);

  it("rules out a wrong toll with the story's own confirmed figure, and offers that figure", () => {
    const ds = corpus.check('An apartment building collapsed in Magnitogorsk, killing 52 people.\n', {}, 'plaintext').filter((d) => serious(d.code));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    const d = ds[0]!;
    expect(d.evidence?.map((e) => e.text)).toEqual(['A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work yesterday.']);
    expect(d.fixes?.[0]?.edits[0]?.newText).toBe('39');
  });

  it('does not rule out a figure with other stories when the sentence names no story', () => {
    const ds = corpus.check('Ninety people were injured.\n', {}, 'plaintext').filter((d) => serious(d.code));
    expect(ds).toEqual([]);
  });
});
