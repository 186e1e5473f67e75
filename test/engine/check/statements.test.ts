import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import type { Diagnostic, Position, TextEdit } from '../../../src/engine/types';
import { apply, lineOf, offsetAt, slice } from '../../helpers/text';

// An invented story: the end of a dock strike in the fictional port of Halvern.
const GAZETTE = `---
outlet: Harbor Gazette
---
Dockworkers at the Port of Halvern returned to work on Tuesday.

Port authority chair Dennis Orlo did not sign the agreement with the union.

Several members of the union executive voted against the deal.

Ferry passengers were stranded on the quayside for most of the week.

The union signed a new wage agreement with the shipping lines.

Union leader Marta Quill once again led the dockworkers out on strike, as she did in 2019.
`;

const TIMES = `---
outlet: Coastline Times
---
The Port of Halvern reopened its container terminal on Wednesday morning.

Lorry drivers queued for hours on the ring road outside the harbour.

Insurance brokers warned of higher premiums for cargo.

A local bakery handed out bread to the pickets every morning.
`;

const corpus = Corpus.fromInputs([
  { path: '/src/gazette.md', text: GAZETTE },
  { path: '/src/times.md', text: TIMES },
]);

describe('statements: negation', () => {
  it('a negation that says since when agrees with the same negation in the source', () => {
    const src = Corpus.fromInputs([
      { path: '/src/wire.md', text: '---\noutlet: Wire\n---\nThe retired admiral had not made public appearances since 2014, his family said.\n' },
    ]);
    // "no … since 2014" and "not … since 2014" say one thing; neither is the other's opposite.
    expect(src.check('The retired admiral had made no public appearances since 2014.').filter((d) => d.code === 'contradiction')).toEqual([]);
    // Without the source's negation the draft's is still read: a plain denial still contradicts.
    const plain = Corpus.fromInputs([{ path: '/src/wire.md', text: '---\noutlet: Wire\n---\nThe retired admiral made public appearances in Lisbon every spring.\n' }]);
    expect(plain.check('The retired admiral did not make public appearances in Lisbon.').map((d) => d.code)).toContain('contradiction');
  });

  it('"signed" against "did not sign" is a contradiction citing the source line', () => {
    const text = 'Dennis Orlo signed the agreement with the union.';
    const ds = corpus.check(text);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['contradiction', 'error']]);
    const d = ds[0]!;
    expect(slice(text, d)).toContain('signed');
    expect(d.message).toContain('Harbor Gazette');
    expect(d.message).toContain('did not sign');
    expect(d.evidence).toEqual([
      expect.objectContaining({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'Port authority chair'), stance: 'contradicts' }),
    ]);
  });

  it('"did not sign" against "signed" is a contradiction on the negated words', () => {
    const text = 'The union did not sign a new wage agreement with the shipping lines.';
    const ds = corpus.check(text);
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    const d = ds[0]!;
    expect(slice(text, d)).toBe('not sign a new wage agreement');
    expect(d.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'The union signed') });
  });

  it('the same polarity as the source gives nothing', () => {
    expect(corpus.check('Port authority chair Dennis Orlo did not sign the agreement with the union.')).toEqual([]);
    expect(corpus.check('The union signed a new wage agreement with the shipping lines.')).toEqual([]);
  });

  it('a reported belief is not asserted, so it is not contradicted', () => {
    expect(corpus.check('Dockworkers believed that Dennis Orlo signed the agreement with the union, a common belief.')).toEqual([]);
  });

  it('accepting the claim silences it', async () => {
    const { acceptKey } = await import('../../../src/engine/check');
    const text = 'Dennis Orlo signed the agreement with the union.';
    expect(corpus.check(text, { accepted: new Set([acceptKey(text, 'contradiction')]) })).toEqual([]);
  });
});

describe('statements: generalisation', () => {
  const text = 'Every member of the union executive voted against the deal.';
  const ds = corpus.check(text);

  it('"every member" against "several members" is a contradiction', () => {
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'Several members') });
    expect(ds[0]!.message).toMatch(/Several/);
    expect(ds[0]!.message).toMatch(/Every member/);
  });

  it('quotes the source\'s words correctly ("Several members")', () => {
    expect(ds[0]!.message).toContain('“Several members”');
  });
});

describe('statements: a first that is not', () => {
  const text = 'Union leader Marta Quill led the dockworkers out on strike for the first time.';
  const ds = corpus.check(text);

  it('"for the first time" against "once again" is a contradiction on the phrase', () => {
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(slice(text, ds[0]!)).toBe('for the first time');
    expect(ds[0]!.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', says: 'once again', line: lineOf(GAZETTE, 'Union leader Marta Quill') });
    expect(ds[0]!.fixes[0]!.title).toBe('Remove “for the first time”');
  });

  it('the remove fix leaves a clean sentence', () => {
    expect(apply(text, ds[0]!.fixes[0]!.edits)).toBe('Union leader Marta Quill led the dockworkers out on strike.');
  });

  it('a first the sources do not dispute gives no contradiction', () => {
    const ds2 = corpus.check('A local bakery handed out bread to the pickets for the first time.');
    expect(ds2.filter((d) => d.code === 'contradiction')).toEqual([]);
  });
});

describe('statements: disable comments and `only`', () => {
  const text = [
    'Dennis Orlo signed the agreement with the union.',
    '',
    '<!-- sourcewise-disable-next-line -->',
    'The union did not sign a new wage agreement with the shipping lines.',
    '',
    'Every member of the union executive voted against the deal.',
    '',
  ].join('\n');

  it('the disabled line is silent, the others are not', () => {
    expect(corpus.check(text).map((d) => [d.code, d.range.start.line])).toEqual([
      ['contradiction', 0],
      ['contradiction', 5],
    ]);
  });

  it('disable comments are a Markdown feature: plain text is checked throughout', () => {
    expect(corpus.check(text, {}, 'plaintext').map((d) => d.range.start.line)).toEqual([0, 3, 5]);
  });

  it('`only` checks the sentences the spans touch', () => {
    const at = text.indexOf('Every member');
    expect(corpus.check(text, { only: [{ start: at, end: at }] }).map((d) => d.range.start.line)).toEqual([5]);
  });
});

describe('statements: negation in one of several independent clauses', () => {
  const radio = Corpus.fromInputs([
    {
      path: '/src/a.md',
      text:
        '---\noutlet: Harbour News\n---\n# Regulator moves against broadcaster\n\n' +
        'Prosecutor Dana Velez filed a petition against Northwave Radio on March 3, accusing the station of breaching its licence.\n\n' +
        'The station denied any wrongdoing.\n',
    },
  ]);

  it('is not the opposite of a source that tells only the other clause', () => {
    const ds = radio.check('Prosecutor Dana Velez filed her petition against Northwave Radio on March 3; a week later, a parliamentary committee found no breach of the licence.\n');
    expect(ds.filter((d) => d.code === 'contradiction')).toEqual([]);
  });

  it('still is when the source tells the negated clause itself', () => {
    const ds = radio.check('Prosecutor Dana Velez did not accuse Northwave Radio of breaching its licence.\n');
    expect(ds.map((d) => d.code)).toContain('contradiction');
  });
});
