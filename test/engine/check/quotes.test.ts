import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import type { Diagnostic, Position, TextEdit } from '../../../src/engine/types';
import { apply, lineOf, offsetAt, slice } from '../../helpers/text';

// An invented story: the end of a dock strike in the fictional port of Halvern.
const GAZETTE = `---
outlet: Harbor Gazette
---
Dockworkers at the Port of Halvern returned to work on Tuesday.

Union leader Marta Quill said the deal was "a fair result for every family on the waterfront".

Port authority chair Dennis Orlo said the strike had cost the city "more than we can afford to lose again".

Ferry passengers were stranded on the quayside for most of the week.
`;

const TIMES = `---
outlet: Coastline Times
---
The Port of Halvern reopened its container terminal on Wednesday morning.

“We will not be the ones who blink first,” Quill told reporters outside the gate.

Lorry drivers queued for hours on the ring road outside the harbour.

Mayor Lena Vos said the city would "rebuild trust with the harbour" after the dispute.
`;

const corpus = Corpus.fromInputs([
  { path: '/src/gazette.md', text: GAZETTE },
  { path: '/src/times.md', text: TIMES },
]);

describe('quotes: exact words, right speaker', () => {
  it('gives nothing (straight quotes)', () => {
    expect(corpus.check('Marta Quill said the deal was "a fair result for every family on the waterfront".')).toEqual([]);
  });
  it('gives nothing (curly quotes, surname only)', () => {
    expect(corpus.check('“We will not be the ones who blink first,” Quill said.')).toEqual([]);
  });
  it('gives nothing for a quoted fragment of a longer quotation', () => {
    expect(corpus.check('Quill called the deal "a fair result".')).toEqual([]);
  });
});

describe('quotes: a speaker nobody is named as', () => {
  it('a draft’s “he said” with no one named before it is not judged as a misattribution', () => {
    expect(corpus.check('“We will not be the ones who blink first,” she said.').filter((d) => d.code === 'quote-misattributed')).toEqual([]);
  });
  it('a source’s “he said” with no one named before it attributes the words to no one', () => {
    const c = Corpus.fromInputs([{ path: '/src/wire.md', text: 'The strike ended.\n\n"We are going back to work tomorrow," he said.\n' }]);
    expect(c.check('Mayor Lena Vos said: "We are going back to work tomorrow."').filter((d) => d.code === 'quote-misattributed')).toEqual([]);
  });
  it('a named speaker the sources contradict is still flagged', () => {
    expect(corpus.check('“We will not be the ones who blink first,” Dennis Orlo said.').map((d) => d.code)).toContain('quote-misattributed');
  });
});

describe('quotes: altered words', () => {
  const text = 'Marta Quill said the deal was "a good result for every family on the waterfront".';
  const ds = corpus.check(text);

  it('give quote-not-in-sources, a warning on the quoted words', () => {
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['quote-not-in-sources', 'warning']]);
    expect(slice(text, ds[0]!)).toBe('a good result for every family on the waterfront');
  });

  it('name the closest source wording and where it is', () => {
    const d = ds[0]!;
    expect(d.message).toContain('a fair result for every family on the waterfront');
    expect(d.message).toContain('Harbor Gazette');
    expect(d.evidence).toHaveLength(1);
    expect(d.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'Union leader Marta Quill') });
  });

  it('offer a fix that restores the exact quote inside the quotation marks', () => {
    const fix = ds[0]!.fixes.find((f) => f.preferred)!;
    expect(fix.title).toMatch(/^Restore the exact quote/);
    expect(apply(text, fix.edits)).toBe('Marta Quill said the deal was "a fair result for every family on the waterfront".');
  });

  it('one changed word in a short quote is enough', () => {
    const t = 'Lena Vos promised to "rebuild trust with the port".';
    const [d, ...rest] = corpus.check(t);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('quote-not-in-sources');
    expect(d!.evidence[0]).toMatchObject({ outlet: 'Coastline Times', line: lineOf(TIMES, 'Mayor Lena Vos') });
    expect(apply(t, d!.fixes[0]!.edits)).toBe('Lena Vos promised to "rebuild trust with the harbour".');
  });

  it('invented words with no close source get the warning without a fix', () => {
    const t = 'Quill said the union was "ready to strike again next year".';
    const ds2 = corpus.check(t);
    expect(ds2.map((d) => d.code)).toEqual(['quote-not-in-sources']);
    expect(ds2[0]!.fixes).toEqual([]);
  });
});

describe('quotes: right words, wrong speaker', () => {
  it('give quote-misattributed, an error on the speaker, with a fix to the sourced speaker', () => {
    const text = 'Dennis Orlo said the deal was "a fair result for every family on the waterfront".';
    const ds = corpus.check(text);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['quote-misattributed', 'error']]);
    const d = ds[0]!;
    expect(slice(text, d)).toBe('Dennis Orlo');
    expect(d.message).toContain('Marta Quill');
    expect(d.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'Union leader Marta Quill'), stance: 'contradicts' });
    expect(apply(text, d.fixes.find((f) => f.preferred)!.edits)).toBe(
      'Marta Quill said the deal was "a fair result for every family on the waterfront".',
    );
  });

  it('a surname-only speaker is fixed with a surname', () => {
    const text = '“We will not be the ones who blink first,” Orlo told reporters.';
    const [d, ...rest] = corpus.check(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('quote-misattributed');
    expect(slice(text, d!)).toBe('Orlo');
    expect(d!.evidence[0]).toMatchObject({ outlet: 'Coastline Times', line: lineOf(TIMES, '“We will not') });
    expect(apply(text, d!.fixes[0]!.edits)).toBe('“We will not be the ones who blink first,” Quill told reporters.');
  });

  it('severities apply to quote codes too', () => {
    const text = 'Dennis Orlo promised to "rebuild trust with the harbour".';
    expect(corpus.check(text).map((d) => [d.code, d.severity])).toEqual([['quote-misattributed', 'error']]);
    expect(corpus.check(text, { severities: { 'quote-misattributed': 'warning' } }).map((d) => d.severity)).toEqual(['warning']);
    expect(corpus.check(text, { severities: { 'quote-misattributed': 'off' } })).toEqual([]);
  });
});

// An invented story whose quotations run over sentences and name their speakers in other sentences.
const WIRE = `---
outlet: Ferry Wire
---
Port director Anna Brisk wrote, "Our thoughts are with the crews who were hurt. May they recover quickly."

Harbour spokesperson Tomas Fell struck a conciliatory note. "The port is crucial to everyone here," he said.

"We will reopen the east quay on Monday. We have always been ready to reopen," said union leader Oren Vask.
`;

const wire = Corpus.fromInputs([{ path: '/src/wire.md', text: WIRE }]);

describe('quotes: speakers in other sentences', () => {
  it('a quotation over two sentences, said by someone else: the error is on the name before it opens', () => {
    const text = 'Tomas Fell wrote: "Our thoughts are with the crews who were hurt. May they recover quickly."';
    const ds = wire.check(text);
    expect(ds.map((d) => d.code)).toEqual(['quote-misattributed']);
    expect(slice(text, ds[0]!)).toBe('Tomas Fell');
    expect(ds[0]!.message).toContain('Anna Brisk');
  });

  it('"he said" after a sentence naming someone else: the error is on that name, the fix on "he"', () => {
    const text = 'Union leader Oren Vask struck a conciliatory note. "The port is crucial to everyone here," he said.';
    const ds = wire.check(text);
    expect(ds.map((d) => d.code)).toEqual(['quote-misattributed']);
    expect(slice(text, ds[0]!)).toBe('Oren Vask');
    expect(apply(text, ds[0]!.fixes.find((f) => f.preferred)!.edits)).toBe(
      'Union leader Oren Vask struck a conciliatory note. "The port is crucial to everyone here," Tomas Fell said.',
    );
  });

  it('the right speaker named after a long quotation gives nothing', () => {
    expect(wire.check('"We will reopen the east quay on Monday. We have always been ready to reopen," said Oren Vask.')).toEqual([]);
  });

  it('the wrong speaker named after a long quotation is flagged once, on the name', () => {
    const text = '"We will reopen the east quay on Monday. We have always been ready to reopen," said Anna Brisk.';
    const ds = wire.check(text);
    expect(ds.map((d) => d.code)).toEqual(['quote-misattributed']);
    expect(slice(text, ds[0]!)).toBe('Anna Brisk');
  });

  it('a colon attribution: the subject of the clause before the colon is the speaker', () => {
    const text = 'Oren Vask sounded upbeat: "The port is crucial to everyone here."';
    const ds = wire.check(text);
    expect(ds.map((d) => d.code)).toEqual(['quote-misattributed']);
    expect(slice(text, ds[0]!)).toBe('Oren Vask');
  });

  it('words in quotation marks for emphasis are not checked as a quotation', () => {
    expect(wire.check('The port reopened, "in principle", on Monday.').filter((d) => d.code.startsWith('quote'))).toEqual([]);
  });
});

describe('quotes: a speaker named by a title', () => {
  const DELTA = Corpus.fromInputs([
    {
      path: '/delta/a.md',
      text: `---
outlet: Delta Star
---
"The levee will hold through the weekend," Louisiana Governor Ana Pell said on Sunday.

Mayor Tom Rudd ordered the riverside streets closed.
`,
    },
  ]);
  const quoteFindings = (t: string) => DELTA.check(t).filter((d) => d.code === 'quote-misattributed').map((d) => d.message);

  it('a title the sources give the speaker attributes the words rightly', () => {
    expect(quoteFindings(`Louisiana's governor said: "The levee will hold through the weekend."`)).toEqual([]);
  });

  it('another named person is still the wrong speaker', () => {
    expect(quoteFindings(`Mayor Tom Rudd said: "The levee will hold through the weekend."`)).toEqual([
      'The sources attribute “The levee will hold through the weekend.” to Ana Pell, not Tom Rudd.',
    ]);
  });
});

describe('quotes: a speaker named by a title', () => {
  const talks = Corpus.fromInputs([
    {
      path: '/src/a.md',
      text: '---\noutlet: River Post\n---\n# Talks in Halvern\n\nKremlin spokesman Dmitry Orlov said the talks had been useful.\n\n"We want a lasting peace," said Ivan Belov, the head of the delegation.\n',
    },
  ]);
  const quoteFindings = (draft: string) => talks.check(draft).filter((d) => d.code.startsWith('quote'));

  it('is the one person the sources give that title: words another spoke are misattributed', () => {
    const ds = quoteFindings('The Kremlin spokesman said: "We want a lasting peace."\n');
    expect(ds.map((d) => d.code)).toEqual(['quote-misattributed']);
    expect(ds[0]!.message).toContain('Ivan Belov');
    expect(ds[0]!.message).toContain('Dmitry Orlov');
    expect(ds[0]!.fixes?.[0]?.edits[0]?.newText).toBe('Ivan Belov');
  });

  it('leaves the words alone when the title is the speaker’s own', () => {
    expect(quoteFindings('The head of the delegation said: "We want a lasting peace."\n')).toEqual([]);
  });

  it('leaves the words alone when the title names no one holder ("the spokesman" for the Kremlin spokesman)', () => {
    expect(quoteFindings('The spokesman said: "We want a lasting peace."\n').filter((d) => d.code === 'quote-misattributed')).toEqual([]);
  });
});
