import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { acceptKey } from '../../../src/engine/check';
import { weakness } from '../../../src/engine/check/figures';
import { alignClaims, claimsOf } from '../../../src/engine/claims';
import { parseQuantities } from '../../../src/engine/quantities';
import type { Diagnostic, Position, TextEdit } from '../../../src/engine/types';
import { apply, lineOf, offsetAt, slice } from '../../helpers/text';

// An invented story: a dock strike in the fictional port of Halvern, told by three outlets.
const GAZETTE = `---
outlet: Harbor Gazette
title: Halvern dock strike ends
date: 2024-09-17
---
Dockworkers at the Port of Halvern returned to work on Tuesday.

The final negotiating session with the port authority lasted just over 90 minutes.

About 3,400 dockworkers took part in the strike, according to the union.

The shipping lines agreed to hire 1,000 new crane operators each.

Ferry passengers were stranded on the quayside for most of the week.

Fishing boats were allowed to land their catch throughout the dispute.
`;

const TIMES = `---
outlet: Coastline Times
title: Strike over at Halvern
date: 2024-09-17
---
The Port of Halvern reopened its container terminal on Wednesday morning.

The union said 3,900 pickets gathered at the main gate on the first day.

Lorry drivers queued for hours on the ring road outside the harbour.

A local bakery handed out bread to the pickets every morning.
`;

const BEACON = `---
outlet: Estuary Beacon
---
The union said 3,100 pickets gathered at the main gate on the first day.

Insurance brokers in the city warned of higher premiums for cargo.

The estuary ferry resumed its normal timetable.
`;

const corpus = Corpus.fromInputs([
  { path: '/src/gazette.md', text: GAZETTE },
  { path: '/src/times.md', text: TIMES },
  { path: '/src/beacon.md', text: BEACON },
]);

/** Applies edits (non-overlapping) back to front. */
const serious = (ds: Diagnostic[]) => ds.filter((d) => d.code !== 'unsupported');

describe('figures: a wrong figure', () => {
  const draft = '# Strike\n\nThe final negotiating session with the port authority lasted three hours.\n';
  const ds = corpus.check(draft);

  it('gives exactly one contradiction, an error', () => {
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.severity).toBe('error');
  });

  it('underlines exactly the figure', () => {
    const d = ds[0]!;
    expect(d.range.start.line).toBe(2);
    expect(slice(draft, d)).toBe('three hours');
    expect(d.draftSays).toBe('three hours');
  });

  it('names the outlet and line of the source that rules it out', () => {
    const d = ds[0]!;
    const against = d.evidence.filter((e) => e.stance === 'contradicts');
    expect(against).toHaveLength(1);
    expect(against[0]).toMatchObject({
      outlet: 'Harbor Gazette',
      source: 'gazette.md',
      path: '/src/gazette.md',
      line: lineOf(GAZETTE, 'The final negotiating session'),
      says: 'just over 90 minutes',
      text: 'The final negotiating session with the port authority lasted just over 90 minutes.',
    });
    expect(d.message).toContain('just over 90 minutes');
    expect(d.message).toContain('Harbor Gazette');
  });

  it('offers as preferred fix the sourced figure in place of just the draft figure', () => {
    const d = ds[0]!;
    const preferred = d.fixes.filter((f) => f.preferred);
    expect(preferred).toHaveLength(1);
    expect(preferred[0]!.edits).toHaveLength(1);
    expect(preferred[0]!.edits[0]!.newText).toBe('just over 90 minutes');
    expect(apply(draft, preferred[0]!.edits)).toBe(
      '# Strike\n\nThe final negotiating session with the port authority lasted just over 90 minutes.\n',
    );
  });

  it('offers a second fix that also cites the outlet with a footnote', () => {
    const d = ds[0]!;
    const cite = d.fixes.find((f) => !f.preferred)!;
    expect(cite.title).toContain('Harbor Gazette');
    const fixed = apply(draft, cite.edits);
    expect(fixed).toContain('lasted just over 90 minutes.[^1]');
    expect(fixed).toMatch(/\n\[\^1\]: Harbor Gazette, "Halvern dock strike ends", 2024-09-17\. gazette\.md:8 — /);
  });

  it('keeps a qualifier that is part of the figure ("About 5,000" → "About 3,400")', () => {
    const text = 'About 5,000 dockworkers took part in the strike.';
    const [d, ...rest] = corpus.check(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'contradiction' });
    expect(slice(text, d!)).toBe('About 5,000');
    expect(d!.evidence[0]).toMatchObject({ outlet: 'Harbor Gazette', line: lineOf(GAZETTE, 'About 3,400') });
    expect(apply(text, d!.fixes.find((f) => f.preferred)!.edits)).toBe('About 3,400 dockworkers took part in the strike.');
  });

  it('the right figure gives nothing', () => {
    expect(corpus.check('The final negotiating session with the port authority lasted just over 90 minutes.')).toEqual([]);
    expect(corpus.check('About 3,400 dockworkers took part in the strike.')).toEqual([]);
  });

  it('a figure on another line of a longer draft is located on that line', () => {
    const text = 'Dockworkers at the Port of Halvern returned to work on Tuesday.\n\nAbout 5,000 dockworkers took part in the strike.\n';
    const d = serious(corpus.check(text));
    expect(d).toHaveLength(1);
    expect(d[0]!.range.start).toEqual({ line: 2, character: 0 });
    expect(d[0]!.range.end).toEqual({ line: 2, character: 11 });
  });
});

describe('figures: what is not an error', () => {
  it('"2,000 in all" against "1,000 each"', () => {
    expect(serious(corpus.check('The shipping lines agreed to hire 2,000 new crane operators in all.'))).toEqual([]);
  });

  it('"1,000 each" against "1,000 each"', () => {
    expect(serious(corpus.check('The shipping lines will hire 1,000 new crane operators each.'))).toEqual([]);
  });

  it('but "3,000 in all" against "1,000 each" is', () => {
    const ds = serious(corpus.check('The shipping lines agreed to hire 3,000 new crane operators in all.'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
  });

  it('an approximation: "about 90 minutes" against "just over 90 minutes"', () => {
    expect(serious(corpus.check('The final negotiating session with the port authority lasted about 90 minutes.'))).toEqual([]);
    expect(serious(corpus.check('The final negotiating session with the port authority lasted roughly an hour and a half.'))).toEqual([]);
  });

  it('"the two shipping lines … 2,000 in all" against "the two shipping lines … 1,000 each" (scope leaks to "two")', () => {
    const c = Corpus.fromInputs([
      { path: '/src/gazette.md', text: GAZETTE.replace('The shipping lines agreed', 'The two shipping lines agreed') },
      { path: '/src/times.md', text: TIMES },
      { path: '/src/beacon.md', text: BEACON },
    ]);
    expect(serious(c.check('The two shipping lines agreed to hire 2,000 new crane operators in all.'))).toEqual([]);
  });
});

describe('figures: a different event of the same kind', () => {
  // BUG: a duration is compared with any source duration of the same class ("meet")
  // once the sentences share a couple of words, even when nothing ties the two events
  // together: a foreign ministers' meeting in Geneva is "contradicted" by the Halvern
  // port-authority session — The sources say “just over 90 minutes” (Harbor Gazette),
  // not “three hours”. (The seed draft checked against a folder of port-strike
  // articles gets the same false error on its Istanbul meeting.)
  it('a meeting in another story is not ruled out by this one', () => {
    const ds = corpus.check('Foreign ministers met in Geneva, and the meeting lasted three hours.');
    expect(ds.filter((d) => d.code === 'contradiction')).toEqual([]);
  });
});

/** An invented source file: its outlet (and title) as front matter, then its paragraphs. */
function source(path: string, outlet: string, paragraphs: string[], title?: string): { path: string; text: string } {
  return { path, text: `---\noutlet: ${outlet}\n${title ? `title: ${title}\n` : ''}---\n${paragraphs.join('\n\n')}\n` };
}

/** The findings of these codes on a one-sentence draft against the given sources. */
function findingsAgainst(codes: readonly string[], ...files: { path: string; text: string }[]): (draft: string) => Diagnostic[] {
  const c = Corpus.fromInputs(files);
  return (draft) => c.check(`${draft}\n`, {}, 'plaintext').filter((d) => codes.includes(d.code));
}

describe('figures: a relative clause set off by commas', () => {
  // An invented career: two lengths of time in one sentence, the second after a relative clause.
  const contradictions = findingsAgainst(
    ['contradiction'],
    source('/career/a.md', 'Valley Post', ['Marta Quell, 41, worked at Brennan Academy for just over a year, but worked for the Orvell Trust, which owns the academy, for more than ten years.']),
  );

  it('a length after ", which … ," belongs to the verb before the relative clause: the sentence gives the draft\'s figure', () => {
    expect(contradictions('Marta Quell had worked for the Orvell Trust for more than ten years.')).toEqual([]);
  });

  it('the length the sentence gives the other verb still rules out a wrong one', () => {
    expect(contradictions('Marta Quell worked at Brennan Academy for five years.')).toHaveLength(1);
  });
});

describe('figures: ranks in a series', () => {
  // An invented theft and an invented race.
  const contradictions = findingsAgainst(
    ['contradiction'],
    source('/theft/a.md', 'County Echo', [
      'Police said on Friday they had arrested a second man in connection with the theft of the painting from Arden House.',
      'Kell Ostrander finished second in the harbour swim on Sunday.',
    ]),
  );

  it('"a second man" adds a member to the series: the first man arrested is not ruled out', () => {
    expect(contradictions('The first man arrested in connection with the theft of the painting from Arden House was released on bail.')).toEqual([]);
  });

  it('a rank given without "a" still rules out another rank of the same thing', () => {
    expect(contradictions('Kell Ostrander finished first in the harbour swim on Sunday.')).toHaveLength(1);
  });
});

describe('figures: dates of what happened to someone else', () => {
  // Two invented obituaries in one folder.
  const findings = findingsAgainst(
    ['contradiction', 'sources-disagree'],
    source(
      '/obits/a.md',
      'Science Weekly',
      ['Lena Marsh, a British chemist who published over 300 papers in various fields, died on Monday at 103 years of age.', 'She wrote a textbook on rare earths with her colleague Otto Klemm.'],
      'Chemist Lena Marsh dies at 103',
    ),
    source('/obits/b.md', 'Campus News', ['Chemist Otto Klemm died on Saturday, March 14, at his home in Vermont.'], 'Chemist Otto Klemm dies'),
  );

  it('a clause naming no one is said of its sentence\'s people: another person\'s date of death does not disagree with it', () => {
    expect(findings('Otto Klemm, the 82-year-old chemist, developed a fever on Wednesday and died on Saturday.')).toEqual([]);
  });

  it('the same person\'s date in another source still rules out a wrong one', () => {
    expect(findings('Otto Klemm, the 82-year-old chemist, developed a fever on March 10 and died on March 12.').map((d) => d.code)).toEqual(['contradiction']);
  });
});

describe('figures: dates of a series of measurements', () => {
  // An invented monthly poll: each month's report dates its own figures.
  const contradictions = findingsAgainst(
    ['contradiction'],
    source(
      '/polls/june.md',
      'Poll Watch',
      [
        'As the campaign entered June, Marla Venn led Tobias Hart 49.0 percent to 42.2 percent in the Civic Tracker average.',
        'In the Civic Tracker average at the end of June, Marla Venn led Tobias Hart 50.0 percent to 40.4 percent.',
      ],
      'The race in June',
    ),
  );

  it('a date given with other figures of the series dates another measurement: it does not rule out the draft\'s', () => {
    expect(contradictions('In early June, Marla Venn led Tobias Hart 49.0%–42.2% in the Civic Tracker average.')).toEqual([]);
  });

  it('a date given with the draft\'s own figures still does', () => {
    expect(contradictions('In early June, Marla Venn led Tobias Hart 50.0%–40.4% in the Civic Tracker average.')).toHaveLength(1);
  });
});

describe('figures: a sum of another kind', () => {
  const FILM = Corpus.fromInputs([
    {
      path: '/film/a.md',
      text: `---\noutlet: Screen Daily\n---\nThe film was released on March 10, 2017 to positive reviews, grossing $566 million worldwide against a budget of $185 million.\n`,
    },
  ]);
  const contradictions = (t: string) => FILM.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);

  it("a source's budget does not rule out what the film earned, though the sentence's verb is about earning", () => {
    expect(contradictions('The film earned less than $170 million in the United States and Canada.')).toEqual([]);
  });

  it('what it grossed worldwide does', () => {
    expect(contradictions('The film earned $170 million worldwide.')).toEqual(['The sources say “$566 million” (Screen Daily), not “$170 million”.']);
  });
});

describe('figures: a whole and its parts', () => {
  // A breakdown as Wikipedia wrote it (a VitaminC case), and an invented poll of reviews.
  const OUTBREAK = Corpus.fromInputs([
    {
      path: '/outbreak/a.md',
      text: `---\noutlet: Wikipedia\n---\nAs of 6 April 2020, in Bosnia and Herzegovina there were 696 confirmed coronavirus cases, of which 304 were in Republika Srpska, 379 in the Federation of Bosnia and Herzegovina, and 13 in Brčko District.\n`,
    },
  ]);
  const REVIEWS = Corpus.fromInputs([
    { path: '/film/b.md', text: `---\noutlet: Screen Daily\n---\nOn the aggregator Critic Board, the film has an approval rating of 31% based on 140 reviews.\n` },
  ]);
  const said = (c: Corpus, t: string) => c.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);

  it('a part the draft names is not ruled out by the whole in the same sentence', () => {
    expect(said(OUTBREAK, 'By 6 April 2020, Bosnia and Herzegovina reported less than 350 cases of coronavirus in Republika Srpska and under 400 in the Federation of Bosnia and Herzegovina.')).toEqual([]);
  });

  it('but the whole still rules out a wrong figure for the whole, whatever its parts', () => {
    expect(said(OUTBREAK, 'Bosnia and Herzegovina had confirmed less than 696 cases of the virus and less than 20 in Brčko District.')).toEqual(['The sources say “696” (Wikipedia), not “less than 696”.']);
  });

  it('parts that add up to the whole are not each ruled out by it', () => {
    expect(said(REVIEWS, 'On Critic Board, 97 reviews of the film are negative while 43 reviews are positive.')).toEqual([]);
  });

  it('a whole the draft works out from its parts is not ruled out by a part', () => {
    const BALLOT = Corpus.fromInputs([
      { path: '/vote/c.md', text: `---\noutlet: Ballot Watch\n---\nThe Ferris–Lund ticket has ballot access in a total of eight states, with write-in access in 23 others.\n` },
    ]);
    expect(said(BALLOT, 'The Ferris–Lund ticket can be voted for in 31 states: it is on the ballot in eight and has write-in access in 23 more.')).toEqual([]);
    expect(said(BALLOT, 'The Ferris–Lund ticket can be voted for in 12 states.')).toEqual(['The sources say “eight” (Ballot Watch), not “12”.']);
  });

  it('a figure for the whole that differs still is', () => {
    expect(said(REVIEWS, 'On Critic Board, the film has an approval rating of 31% based on 150 reviews.')).toEqual(['The sources say “140” (Screen Daily), not “150”.']);
  });
});

describe('figures: a figure of another month', () => {
  const POLL = Corpus.fromInputs([{ path: '/poll/a.md', text: `---\noutlet: Poll Watch\n---\nAt the end of July, the national polling average gave Ana Ruiz 49.7 percent.\n` }]);
  const said = (t: string) => POLL.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);

  it('is not ruled out by the same measure in another month', () => {
    expect(said('At the end of June, the national polling average gave Ana Ruiz 50.0 percent.').filter((m) => m.includes('percent'))).toEqual([]);
    expect(said('At the end of July, the national polling average gave Ana Ruiz 50.0 percent.')).toEqual(['The sources say “49.7 percent” (Poll Watch), not “50.0 percent”.']);
  });
});

describe('figures: a sentence in the first person', () => {
  const SKY = Corpus.fromInputs([{ path: '/obs/a.md', text: `---\noutlet: Sky Notes\n---\nThe observatory team began observing the double star in 1999.\n` }]);
  const said = (t: string) => SKY.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);

  it('is not ruled out: "we" is whoever speaks, whom the sources do not name so', () => {
    expect(said('We began observing the double star in 2001.')).toEqual([]);
    expect(said('The observatory team began observing the double star in 2001.')).toEqual(['The sources say “1999” (Sky Notes), not “2001”.']);
  });
});

describe('figures: a date of what happened to someone else', () => {
  const TOWN = Corpus.fromInputs([
    { path: '/town/a.md', text: `---\noutlet: Valley Star\n---\nAnn Lorr was elected mayor of Dunmore in 2011.\n\nBen Kosh was elected mayor of Dunmore in 2018.\n` },
  ]);
  const contradictions = (t: string) => TOWN.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);

  it("is ruled out by the person's own date only", () => {
    expect(contradictions('Ann Lorr was elected mayor of Dunmore in 2015.')).toEqual(['The sources say “2011” (Valley Star), not “2015”.']);
    expect(contradictions('Ben Kosh was elected mayor of Dunmore in 2015.')).toEqual(['The sources say “2018” (Valley Star), not “2015”.']);
  });

  it('is not ruled out by the dates of other people', () => {
    expect(contradictions('Cara Dune was elected mayor of Dunmore in 2015.')).toEqual([]);
  });

  it('reads "she" in a source as the person its paragraph named just before', () => {
    const RACE = Corpus.fromInputs([
      { path: '/race/a.md', text: `---\noutlet: Valley Star\n---\nAnn Lorr won the Dunmore mayoral race on Sunday. She was first elected mayor of Dunmore in 2011.\n\nBen Kosh conceded the race.\n` },
    ]);
    const said = (t: string) => RACE.check(`${t}\n`, {}, 'plaintext').filter((d) => d.code === 'contradiction').map((d) => d.message);
    expect(said('Ann Lorr was first elected mayor of Dunmore in 2015.')).toEqual(['The sources say “2011” (Valley Star), not “2015”.']);
    expect(said('Ben Kosh was first elected mayor of Dunmore in 2015.')).toEqual([]);
  });
});

describe('figures: sources that conflict', () => {
  const text = '3,900 pickets gathered at the main gate on the first day.';
  const ds = serious(corpus.check(text));

  it('gives sources-disagree (a warning), not a contradiction', () => {
    expect(ds.map((d) => d.code)).toEqual(['sources-disagree']);
    expect(ds[0]!.severity).toBe('warning');
    expect(slice(text, ds[0]!)).toBe('3,900');
  });

  it('names both outlets and what each says', () => {
    const d = ds[0]!;
    expect(d.message).toContain('Coastline Times');
    expect(d.message).toContain('Estuary Beacon');
    expect(d.message).toContain('3,900');
    expect(d.message).toContain('3,100');
    const byOutlet = Object.fromEntries(d.evidence.map((e) => [e.outlet, e]));
    expect(byOutlet['Coastline Times']).toMatchObject({ stance: 'supports', line: lineOf(TIMES, 'The union said') });
    expect(byOutlet['Estuary Beacon']).toMatchObject({ stance: 'contradicts', line: lineOf(BEACON, 'The union said') });
  });

  it('offers the other outlet\'s wording as a fix', () => {
    const fix = ds[0]!.fixes[0]!;
    expect(fix.title).toContain('Estuary Beacon');
    expect(apply(text, fix.edits)).toBe('3,100 pickets gathered at the main gate on the first day.');
  });
});

describe('figures: a figure no source has', () => {
  it('is unsupported, as information, on the figure', () => {
    const text = 'The port authority paid 7,500 dollars in fines.';
    const ds = corpus.check(text);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['unsupported', 'information']]);
    expect(slice(text, ds[0]!)).toBe('7,500 dollars');
    expect(ds[0]!.evidence).toEqual([]);
  });
});

// Regression: SentenceIndex.search used to skip every query term found in more than a
// quarter of the sentences, so in a small folder where every word of the sentence is
// common the search found nothing and a wrong figure only got `unsupported`
// (fixed in c08a2e9: common terms are skipped only in corpora of 200+ sentences).
describe('figures: a small folder whose words are all common', () => {
  const small = Corpus.fromInputs([
    { path: '/src/a.md', text: '---\noutlet: Riverside Courier\n---\nThe tram line will cost 48 million euros, the council said.\n\nThe tram line opens in 2027.\n' },
    { path: '/src/b.md', text: '---\noutlet: Valley Ledger\n---\nThe tram line will cost 48 million euros.\n' },
    { path: '/src/c.md', text: '---\noutlet: Northgate Post\n---\nCity officials said the tram line will cost 48 million euros.\n' },
  ]);
  it('still rules out a wrong figure', () => {
    const ds = small.check('The tram line will cost 60 million euros.');
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.fixes[0]!.edits[0]!.newText).toBe('48 million euros');
  });
});

describe('check options', () => {
  const text = [
    'The final negotiating session with the port authority lasted three hours.',
    '',
    'About 5,000 dockworkers took part in the strike.',
    '',
    'The port authority paid 7,500 dollars in fines.',
    '',
  ].join('\n');

  it('baseline: two contradictions and one unsupported', () => {
    expect(corpus.check(text).map((d) => [d.code, d.range.start.line])).toEqual([
      ['contradiction', 0],
      ['contradiction', 2],
      ['unsupported', 4],
    ]);
  });

  it("severity 'off' drops a code", () => {
    const ds = corpus.check(text, { severities: { contradiction: 'off' } });
    expect(ds.map((d) => d.code)).toEqual(['unsupported']);
  });

  it("severity 'warning' changes it and keeps the rest", () => {
    const ds = corpus.check(text, { severities: { contradiction: 'warning', unsupported: 'hint' } });
    expect(ds.map((d) => [d.code, d.severity])).toEqual([
      ['contradiction', 'warning'],
      ['contradiction', 'warning'],
      ['unsupported', 'hint'],
    ]);
  });

  it('an accepted claim (acceptKey of its sentence and code) is dropped, others stay', () => {
    const accepted = new Set([acceptKey('About 5,000 dockworkers took part in the strike.', 'contradiction')]);
    const ds = corpus.check(text, { accepted });
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([
      ['contradiction', 0],
      ['unsupported', 4],
    ]);
  });

  it('accepting is keyed on the code too', () => {
    const accepted = new Set([acceptKey('About 5,000 dockworkers took part in the strike.', 'unsupported')]);
    expect(corpus.check(text, { accepted }).length).toBe(3);
  });

  it('accept keys survive a change of spacing and case', () => {
    const accepted = new Set([acceptKey('about 5,000  dockworkers took part in the STRIKE.', 'contradiction')]);
    expect(corpus.check(text, { accepted }).map((d) => d.range.start.line)).toEqual([0, 4]);
  });

  it('<!-- sourcewise-disable-next-line --> silences the next line only', () => {
    const silenced = text.replace('About 5,000', '<!-- sourcewise-disable-next-line -->\nAbout 5,000');
    const ds = corpus.check(silenced);
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([
      ['contradiction', 0],
      ['unsupported', 5],
    ]);
  });

  it('<!-- sourcewise-disable --> … <!-- sourcewise-enable --> silences a block', () => {
    const silenced = `<!-- sourcewise-disable -->\n${text.replace('The port authority', '<!-- sourcewise-enable -->\n\nThe port authority')}`;
    const ds = corpus.check(silenced);
    expect(ds.map((d) => d.code)).toEqual(['unsupported']);
  });

  it('`only` restricts checking to sentences overlapping the spans', () => {
    const at = text.indexOf('About 5,000');
    const ds = corpus.check(text, { only: [{ start: at + 2, end: at + 3 }] });
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([['contradiction', 2]]);
    expect(corpus.check(text, { only: [] })).toEqual([]);
  });
});

describe('figures: distances', () => {
  const quake = Corpus.fromInputs([
    {
      path: '/src/quake.md',
      text: '---\noutlet: Island Courier\n---\nThe epicentre of Tuesday\'s earthquake was located about 12 kilometres west of Port Alder, the seismology office said.\n\nPort Alder lies 80 kilometres north of the provincial capital.\n',
    },
  ]);

  it('flags a distance from the same place, whatever verb the draft uses, and offers the sourced one', () => {
    const ds = serious(quake.check('The epicentre lay some 40 kilometres west of Port Alder.\n'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.fixes?.[0]?.edits[0]?.newText).toBe('about 12 kilometres');
  });

  it('leaves alone a distance from another place, or of another thing', () => {
    expect(serious(quake.check('The epicentre lay some 40 kilometres west of the provincial capital.\n'))).toEqual([]);
    expect(serious(quake.check('The new airport is 40 kilometres west of Port Alder.\n'))).toEqual([]);
  });
});

describe('figures: a source that writes the draft figure', () => {
  const quakes = Corpus.fromInputs([
    {
      path: '/src/quakes.md',
      text: '---\noutlet: Valley Post\n---\n# Aftershocks follow magnitude 6.1 earthquake in Norvale\n\nSeismologists recorded a magnitude 4.8 quake on Thursday morning, the strongest of 300 aftershocks.\n',
    },
  ]);

  it('is not contradicted by another figure of the same kind in that source', () => {
    const ds = serious(quakes.check('Seismologists have recorded 300 aftershocks since the magnitude 6.1 quake hit Norvale.\n'));
    expect(ds).toEqual([]);
  });

  it('still flags a figure that source does not write', () => {
    const ds = serious(quakes.check('Seismologists have recorded 300 aftershocks since the magnitude 6.9 quake hit Norvale.\n'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
  });
});

describe('figures: a draft that retells one source sentence', () => {
  const outbreak = Corpus.fromInputs([
    {
      path: '/src/outbreak.md',
      text:
        '---\noutlet: Lakeside Herald\ndate: 2024-12-09\n---\n# Kisumu ends cholera emergency\n\n' +
        "Kenya's health ministry declared the cholera outbreak in Kisumu over on December 8, after samples came back clean for a month.\n\n" +
        'The outbreak was first confirmed by the ministry on October 16, after a laboratory in Nairobi found cholera in 7 of 20 samples.\n',
    },
  ]);

  it('takes the date that sentence gives, not the date of another event with the same verb', () => {
    const ds = serious(outbreak.check("Kenya's health ministry confirmed the outbreak on October 16, after a Nairobi laboratory found cholera in seven of 20 samples.\n"));
    expect(ds).toEqual([]);
  });

  it('still flags a date that sentence does not give', () => {
    const ds = serious(outbreak.check('The outbreak was first confirmed by the ministry on October 26, after a Nairobi laboratory found cholera in seven of 20 samples.\n'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.fixes?.[0]?.edits[0]?.newText).toBe('October 16');
  });
});

describe('figures: a date of a phase of an event', () => {
  const mine = Corpus.fromInputs([
    {
      path: '/src/mine.md',
      text:
        '---\noutlet: Valley Post\ndate: 2024-03-06\n---\n# Mine collapse in Norvale\n\n' +
        'A coal mine collapsed on Sunday near Norvale, trapping 14 miners.\n\n' +
        'Rescue teams with dogs searched the flooded galleries for the miners on Monday.\n',
    },
  ]);

  it('is not ruled out by the date of the event itself ("halted the search on Tuesday" against searching on Monday)', () => {
    expect(serious(mine.check('The inspector halted the search for the miners on Tuesday, fearing another collapse.\n'))).toEqual([]);
  });

  it('still flags a wrong date of the event itself', () => {
    const ds = serious(mine.check('Rescue teams with dogs searched the flooded galleries for the miners on Tuesday.\n'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.fixes?.[0]?.edits[0]?.newText).toBe('Monday');
  });
});

describe('figures: a toll given by a predicate adjective', () => {
  const blast = Corpus.fromInputs([
    {
      path: '/src/blast.md',
      text:
        '---\noutlet: Valley Post\ndate: 2024-03-06\n---\n# Gas explosion in Norvale\n\n' +
        'A gas explosion destroyed a block of flats in Norvale on Monday.\n\n' +
        'A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work yesterday.\n',
    },
  ]);

  it('rules out another count of the killed ("39 are confirmed dead" against "killed 52")', () => {
    const ds = serious(blast.check('The gas explosion in Norvale killed 52 people.\n'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(ds[0]!.fixes?.[0]?.edits[0]?.newText).toBe('39');
  });

  it('supports the same count', () => {
    expect(serious(blast.check('The gas explosion in Norvale killed 39 people.\n'))).toEqual([]);
  });
});

describe('figures: sources of two stories do not disagree', () => {
  const towns = ['Arnholt', 'Brisca', 'Caddow', 'Dunmere', 'Elsby', 'Farrow', 'Glenturret', 'Hathersage', 'Ingleby', 'Jessop', 'Kirkwall', 'Lanark'];
  const fillers = towns.map((t, i) => ({
    path: `/a/${t}.md`,
    text: `---\noutlet: ${t} Gazette\ntitle: ${t} approves bus routes\n---\nThe ${t} council approved ${i + 3} new bus routes on Tuesday, and ${20 + i} people attended.\n`,
  }));
  const mine = { path: '/a/mine.md', text: '---\noutlet: Harbour Times\ntitle: Blast at Tollgate mine kills six\n---\nSix workers died in the blast at the mine on Monday, officials said.\n' };
  const ferry = { path: '/a/ferry.md', text: '---\noutlet: Valley Ledger\ntitle: Ferry sinks off Velmora\n---\nEleven workers died when the ferry sank on Monday, officials said.\n' };
  const sameFerry = { path: '/a/ferry2.md', text: '---\noutlet: Coast Wire\ntitle: Velmora ferry toll rises\n---\nSix workers died when the ferry sank on Monday, officials said.\n' };

  it('a toll that one story gives and another story gives otherwise is not "sources disagree"', () => {
    const c = Corpus.fromInputs([...fillers, mine, ferry]);
    expect(c.check('Six workers died on Monday, officials said.', {}, 'plaintext').map((d) => d.code)).toEqual([]);
  });

  it('a figure two unrelated stories each give otherwise is not ruled out by either', () => {
    // Both in Dravik province, so both are near the draft; their headlines name two places.
    const boat = { path: '/a/boat.md', text: '---\noutlet: Valley Ledger\ntitle: Ferry sinks off Velmora\n---\nEleven workers died when the ferry sank in Dravik province on Monday, officials said.\n' };
    const quarry = { path: '/a/quarry.md', text: '---\noutlet: Hill Post\ntitle: Quarry collapse at Ostrander\n---\nNine workers died in the collapse in Dravik province on Monday, officials said.\n' };
    const judged = (c: Corpus) => c.check('Six workers died in Dravik province on Monday, officials said.', {}, 'plaintext').map((d) => d.code);
    expect(judged(Corpus.fromInputs([...fillers, boat, quarry]))).not.toContain('contradiction');
    // One of them alone is the story, and rules the figure out.
    expect(judged(Corpus.fromInputs([...fillers, boat]))).toContain('contradiction');
  });

  it("a headline's capitalised first word is no name the two stories share", () => {
    // "Landslides" opens both headlines and is in both texts; the names are Tollgate and Velmora.
    const mine2 = { path: '/a/flood.md', text: '---\noutlet: Harbour Times\ntitle: Landslides close Tollgate mine\n---\nSix workers died in the landslides at the mine on Monday, officials said.\n' };
    const port = { path: '/a/port.md', text: '---\noutlet: Valley Ledger\ntitle: Landslides sink Velmora ferry\n---\nEleven workers died when landslides sank the ferry on Monday, officials said.\n' };
    const c = Corpus.fromInputs([...fillers, mine2, port]);
    expect(c.check('Six workers died on Monday, officials said.', {}, 'plaintext').map((d) => d.code)).toEqual([]);
  });

  it('two reports of one story, by the name in their headlines, still disagree', () => {
    const c = Corpus.fromInputs([...fillers, ferry, sameFerry]);
    expect(c.check('Six workers died on Monday, officials said.', {}, 'plaintext').map((d) => d.code)).toEqual(['sources-disagree']);
  });
});

describe('figures: ages of what a source describes without a name', () => {
  const fire = Corpus.fromInputs([
    {
      path: '/a/fire.md',
      text: '---\noutlet: Harbour Times\ntitle: Fire guts Marlow Street hotel\n---\nThe hotel said about 120 guests were in the 25-year-old building when the fire started.\n\nA 30-year-old driver and a 45-year-old passenger were hurt in a crash outside.\n',
    },
  ]);

  it('rules out another age for the same noun, with the sourced age as the fix', () => {
    const text = 'About 120 guests were in the 40-year-old building when the fire started.';
    const ds = serious(fire.check(text, {}, 'plaintext'));
    expect(ds.map((d) => d.code)).toEqual(['contradiction']);
    expect(slice(text, ds[0]!)).toBe('40-year-old');
    expect(ds[0]!.fixes[0]!.edits[0]!.newText).toContain('25');
  });

  it('an age the source gives one of two people is not ruled out by the other', () => {
    expect(serious(fire.check('A 45-year-old passenger was hurt in the crash outside the hotel.', {}, 'plaintext'))).toEqual([]);
  });
});

describe('figures: a relative clause is said of the name before it', () => {
  const wire = Corpus.fromInputs([
    {
      path: '/a/wire.md',
      text: '---\noutlet: Valley Ledger\ntitle: Convention ends in Halvern\n---\nSpeakers included two brothers of Tomas Rey, whose death in police custody in May led to protests.\n\nThe senator Mara Lind spoke on the first night.\n',
    },
  ]);

  it("another person's death date does not rule out the draft's person's", () => {
    const ds = wire.check('Mara Lind died in October at the age of 68.', {}, 'plaintext');
    expect(ds.filter((d) => d.code === 'contradiction')).toEqual([]);
  });
});

describe('figures: a place word inside a longer name names no place', () => {
  const crash = Corpus.fromInputs([
    {
      path: '/a/crash.md',
      text: '---\noutlet: Coast Wire\ntitle: Jet overshoots runway at Kozhikode\n---\nThe Air India Express flight from Dubai, UAE, carried 190 passengers when it overshot the runway at Kozhikode.\n',
    },
  ]);

  it('"India" of "Air India Express" is no other place than "Dubai, UAE": the count is ruled out', () => {
    const text = 'The Air India Express flight carried 160 passengers when it overshot the runway at Kozhikode.';
    const ds = crash.check(text, {}, 'plaintext').filter((d) => d.code === 'contradiction');
    expect(ds.map((d) => slice(text, d))).toEqual(['160']);
  });
});

describe('figures: the age of a named person', () => {
  const HARBOUR = Corpus.fromInputs([
    { path: '/harbour/a.md', text: `---\noutlet: Harbour Gazette\n---\nMayor Tomas Rey, 53, has long campaigned for cheaper housing.\n\nAnna Berg, 58, chairs the harbour board.\n` },
  ]);
  const ages = (s: string) => HARBOUR.check(`# Draft\n\n${s}\n`, {}, 'markdown').filter((d) => d.code === 'contradiction');

  it('is ruled out by the age the sources give the same name, whatever else the two sentences tell', () => {
    const found = ages('Tomas Rey, 58, opened the ferry terminal on Monday.');
    expect(found).toHaveLength(1);
    expect(found[0]!.draftSays).toBe('58');
    expect(found[0]!.fixes[0]!.edits[0]!.newText).toBe('53');
  });

  it('an age given to the same name is strong evidence however little else the clauses share', () => {
    const draft = 'Paweł Adamowicz, 58, died the day after he was stabbed on stage.';
    const source = 'Adamowicz, 53, has supported LGBT rights and the inclusion of minority groups.';
    const d = claimsOf(draft, parseQuantities(draft)).find((c) => c.dim === 'age')!;
    const s = claimsOf(source, parseQuantities(source)).find((c) => c.dim === 'age')!;
    const a = alignClaims(d, s, () => 1)!;
    expect(a.score).toBeLessThan(0.5);
    expect(weakness(d, { score: a.score, claim: s, a })).toBeUndefined();
    // Another name's age stays another person's.
    const other = 'Anna Berg, 53, has supported LGBT rights.';
    const o = claimsOf(other, parseQuantities(other)).find((c) => c.dim === 'age')!;
    const b = alignClaims(d, o, () => 1);
    expect(b === undefined || weakness(d, { score: b.score, claim: o, a: b }) !== undefined).toBe(true);
  });

  it('the right age, or an age of someone else the sources name, is no error', () => {
    expect(ages('Tomas Rey, 53, opened the ferry terminal on Monday.')).toHaveLength(0);
    expect(ages('Anna Berg, 58, opened the ferry terminal on Monday.')).toHaveLength(0);
  });
});

describe('figures: a running count given as what it rose or fell to', () => {
  const VALLEY = Corpus.fromInputs([
    { path: '/valley/a.md', text: `---\noutlet: Valley News\n---\nFloods kill 14 in Marlow valley\n\nThe death toll from the Marlow valley floods stood at 14 on Monday, rescuers said.\n` },
  ]);
  const ruled = (s: string) => VALLEY.check(`# Draft\n\n${s}\n`, {}, 'markdown').filter((d) => d.code === 'contradiction');

  it('is not ruled out by a figure on the side it changed from: that is an earlier stage of the count', () => {
    expect(ruled('The death toll from the Marlow valley floods rose to 22.')).toHaveLength(0);
    expect(ruled('The death toll from the Marlow valley floods fell to 9.')).toHaveLength(0);
  });

  it('a count given flat, or changed the other way past the sources, is still ruled out', () => {
    expect(ruled('The death toll from the Marlow valley floods stood at 22.').map((d) => d.draftSays)).toEqual(['22']);
    expect(ruled('The death toll from the Marlow valley floods rose to 9.').map((d) => d.draftSays)).toEqual(['9']);
  });
});
