import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import type { Diagnostic, Position, TextEdit } from '../../../src/engine/types';
import { apply, lineOf, offsetAt, slice } from '../../helpers/text';

// An invented story: the Brackenford city council votes on a tram line.
const COURIER = `---
outlet: Riverside Courier
---
The Brackenford city council voted on Monday to approve the new tram line.

Mayor Lena Vos said the vote was a turning point for the eastern districts.

Police Commissioner Dennis Orlo warned of traffic disruption during construction.

Residents of the eastern districts have waited for better transport since the bus depot closed.

Former mayor Tomas Reyl, who still chairs the transport committee, abstained.

Construction is due to start next spring.
`;

const LEDGER = `---
outlet: Valley Ledger
---
The Brackenford council meeting lasted nearly four hours before the vote.

Shopkeepers on Mill Street fear months of roadworks.

Mayor Tomas Reyl abstained from the vote on the tram line.

Opposition members asked for an independent audit of the budget.

Former councillor Ines Darrow, a retired engineer, spoke against the plan.
`;

const POST = `---
outlet: Northgate Post
---
City officials said the tram line will cost 48 million euros.

The regional transport agency will run the service.

Former councillor Ines Darrow urged the council to delay the vote.
`;

const corpus = Corpus.fromInputs([
  { path: '/src/courier.md', text: COURIER },
  { path: '/src/ledger.md', text: LEDGER },
  { path: '/src/post.md', text: POST },
]);

describe('roles: a title the sources give to someone else', () => {
  const text = 'The plan was welcomed by Mayor Dennis Orlo.';
  const ds = corpus.check(text);

  it('is one role-mismatch error on the title', () => {
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['role-mismatch', 'error']]);
    expect(slice(text, ds[0]!)).toBe('Mayor');
  });

  it('says who holds the title and what the person is called', () => {
    const d = ds[0]!;
    expect(d.message).toContain('Lena Vos');
    expect(d.message).toContain('Dennis Orlo');
    expect(d.message).toContain('Commissioner');
    expect(d.evidence[0]).toMatchObject({ outlet: 'Riverside Courier', line: lineOf(COURIER, 'Mayor Lena Vos'), stance: 'contradicts' });
    expect(d.evidence).toContainEqual(
      expect.objectContaining({ outlet: 'Riverside Courier', line: lineOf(COURIER, 'Police Commissioner Dennis Orlo'), stance: 'supports' }),
    );
  });

  it("fixes the title to the person's sourced one", () => {
    const fix = ds[0]!.fixes.find((f) => f.preferred)!;
    expect(fix.title).toContain('Commissioner');
    expect(fix.edits).toHaveLength(1);
    // The draft names no body before "Mayor", so the fix names none either.
    expect(apply(text, fix.edits)).toBe('The plan was welcomed by Commissioner Dennis Orlo.');
  });

  it('works the other way round, underlining the whole written title', () => {
    const t = 'The plan was welcomed by Police Commissioner Lena Vos.';
    const [d, ...rest] = corpus.check(t);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('role-mismatch');
    expect(slice(t, d!)).toBe('Police Commissioner');
    expect(d!.message).toContain('Dennis Orlo');
    expect(apply(t, d!.fixes.find((f) => f.preferred)!.edits)).toBe('The plan was welcomed by Mayor Lena Vos.');
  });

  it('an office contradicting the sourced one (no holder) is a role-mismatch too', () => {
    const t = 'President Lena Vos spoke after the vote.';
    const [d, ...rest] = corpus.check(t);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'role-mismatch' });
    expect(slice(t, d!)).toBe('President');
    expect(apply(t, d!.fixes[0]!.edits)).toBe('Mayor Lena Vos spoke after the vote.');
  });
});

describe('roles: what is not an error', () => {
  it('the sourced title', () => {
    expect(corpus.check('Mayor Lena Vos welcomed the plan.')).toEqual([]);
    expect(corpus.check('Police Commissioner Dennis Orlo warned of disruption.')).toEqual([]);
  });

  it('"former" when every source says former', () => {
    expect(corpus.check('Former councillor Ines Darrow spoke against the plan.')).toEqual([]);
  });

  it('a title no source gives anyone is only unsupported (information)', () => {
    const t = 'Governor Dennis Orlo warned of disruption.';
    const ds = corpus.check(t);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['unsupported', 'information']]);
    expect(slice(t, ds[0]!)).toBe('Governor');
  });
});

describe('roles: "former" against a current title', () => {
  it('sources that differ give sources-disagree naming both outlets', () => {
    const t = 'Mayor Tomas Reyl abstained.';
    const ds = corpus.check(t);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['sources-disagree', 'warning']]);
    const d = ds[0]!;
    expect(slice(t, d)).toBe('Mayor');
    expect(d.message).toContain('Valley Ledger');
    expect(d.message).toContain('Riverside Courier');
    expect(d.evidence).toContainEqual(expect.objectContaining({ outlet: 'Valley Ledger', line: lineOf(LEDGER, 'Mayor Tomas Reyl'), stance: 'supports' }));
    expect(d.evidence).toContainEqual(expect.objectContaining({ outlet: 'Riverside Courier', line: lineOf(COURIER, 'Former mayor Tomas Reyl'), stance: 'contradicts' }));
  });

  it('writing "former" gets the same warning, with the sides swapped', () => {
    const ds = corpus.check('Former mayor Tomas Reyl abstained.');
    expect(ds.map((d) => d.code)).toEqual(['sources-disagree']);
    expect(ds[0]!.evidence.find((e) => e.stance === 'supports')?.outlet).toBe('Riverside Courier');
    expect(ds[0]!.evidence.find((e) => e.stance === 'contradicts')?.outlet).toBe('Valley Ledger');
  });

  it('the disagreement message says which source calls him former', () => {
    const [d] = corpus.check('Mayor Tomas Reyl abstained.');
    expect(d!.message).toMatch(/former mayor/i);
  });

  it('a current title where every source says "former" is a role-mismatch', () => {
    const t = 'Councillor Ines Darrow spoke against the plan.';
    const ds = corpus.check(t);
    expect(ds.map((d) => d.code)).toEqual(['role-mismatch']);
    expect(slice(t, ds[0]!)).toBe('Councillor');
    expect(ds[0]!.evidence.map((e) => e.outlet).sort()).toEqual(['Northgate Post', 'Valley Ledger']);
  });

  it('…whose fix restores "former"', () => {
    const t = 'Councillor Ines Darrow spoke against the plan.';
    const [d] = corpus.check(t);
    expect(apply(t, d!.fixes[0]!.edits)).toMatch(/^Former councillor Ines Darrow/i);
  });
});

// Another invented story: a city government, its chief executive and its chief secretary.
const BAY = Corpus.fromInputs([
  {
    path: '/bay/a.md',
    text: `---
outlet: Bay Post
---
Hong Kong Chief Executive Ines Kettle withdrew the harbour bill on Wednesday.

Chief Secretary Paul Brand defended the police response.

Sergeant Matiu Orrin had served with the harbour police for nine years.

Harbour spokesperson Tomasz Vell said the ferries would run again, and Mayor Anika Roos agreed.
`,
  },
  {
    path: '/bay/b.md',
    text: `---
outlet: Delta Ledger
---
Today, Chief Executive of Hong Kong Ines Kettle delivered her annual speech.

Kettle, the chief executive of Hong Kong, spoke for an hour.

Dara Wynn, Seoul's mayor, sent a letter of support.

In a statement, a United States Department of State spokesperson, Lena Ortis, said the bill should go.
`,
  },
]);

describe('roles: what the draft gives a person against what the sources give', () => {
  it('an office the sources give no one, where they give the person another, is a role-mismatch with their title as the fix', () => {
    const t = 'Chief Secretary Ines Kettle withdrew the bill.';
    const ds = BAY.check(t);
    expect(ds.map((d) => [d.code, d.severity])).toContainEqual(['role-mismatch', 'error']);
    const d = ds.find((x) => x.code === 'role-mismatch')!;
    expect(slice(t, d)).toBe('Chief Secretary');
    // The person is Ines Kettle, not "Hong Kong Ines Kettle".
    expect(d.message).toContain('Ines Kettle');
    expect(d.message).not.toContain('Hong Kong Ines Kettle');
    const fix = d.fixes.find((f) => f.preferred)!;
    expect(fix.title).toBe('Use the sourced title: Chief Executive');
    expect(apply(t, fix.edits)).toBe('Chief Executive Ines Kettle withdrew the bill.');
  });

  it('the title someone else holds, with the place it is of, is a role-mismatch naming them', () => {
    const t = 'Chief Secretary Tomasz Vell spoke.';
    const [d] = BAY.check(t).filter((x) => x.code === 'role-mismatch');
    expect(d!.message).toContain('Paul Brand');
  });

  it('the same office in another country is a role-mismatch', () => {
    const t = 'Iraqi foreign ministry spokesperson Lena Ortis said the bill should go.';
    const [d] = BAY.check(t).filter((x) => x.code === 'role-mismatch');
    expect(d).toBeDefined();
    expect(slice(t, d!)).toBe('Iraqi foreign ministry spokesperson');
    expect(d!.message).toContain('United States');
  });

  it('a holder with the same surname is the same person under another first name, not someone else', () => {
    const ds = BAY.check('Sergeant Matt Orrin had served with the harbour police.');
    expect(ds.filter((d) => d.code === 'role-mismatch')).toEqual([]);
  });

  it('a superlative the sources do not give is unsupported, the plain title is fine', () => {
    const t = "Dara Wynn, Seoul's longest-serving mayor, sent a letter.";
    const ds = BAY.check(t);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['unsupported', 'information']]);
    expect(slice(t, ds[0]!)).toContain('longest-serving mayor');
    expect(BAY.check("Dara Wynn, Seoul's mayor, sent a letter.")).toEqual([]);
  });

  it('a former title in an apposition that no source gives is unsupported', () => {
    const t = 'Ines Kettle, a former head of the harbour authority, spoke.';
    const ds = BAY.check(t);
    expect(ds.map((d) => d.code)).toEqual(['unsupported']);
  });
});

const CABINET = Corpus.fromInputs([
  {
    path: '/cabinet/a.md',
    text: `---
outlet: Capital Courier
---
Interior Minister Ada Brell ordered fire inspections of every hostel.

Deputy Health Minister Iro Hale said the clinics would stay open.

Minister of Finance Oda Penn presented the budget on Tuesday.

Defence Secretary Lio Marr visited the base.
`,
  },
]);

describe('roles: one office head over another portfolio', () => {
  const mismatch = (t: string) => CABINET.check(t).filter((d) => d.code === 'role-mismatch');

  it('"health minister" for the sources\' Interior Minister is a role-mismatch, fixed to the sourced title', () => {
    const t = 'Ada Brell, the health minister, ordered fire inspections of every hostel.';
    const [d] = mismatch(t);
    expect(d).toBeDefined();
    expect(slice(t, d!)).toBe('health minister');
    expect(d!.message).toContain('Interior Minister');
    expect(d!.fixes.find((f) => f.preferred)!.title).toBe('Use the sourced title: Interior Minister');
  });

  it('reads the office of a title written "X of Y" ("Minister of Health" against "Interior Minister")', () => {
    expect(mismatch('Ada Brell, the minister of health, ordered fire inspections.')).toHaveLength(1);
    // A UK "Secretary of State" may be the Defence Secretary: "of State" names no portfolio.
    expect(mismatch('Secretary of State Lio Marr visited the base.')).toEqual([]);
  });

  it('the same portfolio written another way, or with another rank, is no mismatch', () => {
    expect(mismatch('Finance Minister Oda Penn presented the budget on Tuesday.')).toEqual([]);
    expect(mismatch('Health Minister Iro Hale said the clinics would stay open.')).toEqual([]);
    expect(mismatch('Minister Ada Brell ordered fire inspections of every hostel.')).toEqual([]);
  });
});

describe('roles: a title written as a clause', () => {
  const TALKS = Corpus.fromInputs([
    {
      path: '/talks/a.md',
      text: `---
outlet: Border Herald
---
Envoy Rona Vell, who led Norway's delegation, spoke first.

Chief negotiator Ivo Dask spoke for the south.
`,
    },
  ]);

  it('"who heads the Norwegian delegation" given to the wrong person is a role-mismatch with no fix that would garble the clause', () => {
    const t = 'Ivo Dask, who heads the Norwegian delegation, spoke first.';
    const [d] = TALKS.check(t).filter((x) => x.code === 'role-mismatch');
    expect(d).toBeDefined();
    expect(d!.message).toContain('Rona Vell');
    expect(d!.fixes).toEqual([]);
  });
});

describe('roles: a title several people hold names no one', () => {
  const STATE = Corpus.fromInputs([
    {
      path: '/state/a.md',
      text: `---
outlet: State Ledger
---
Judge Ida Marsh sentenced the smuggler on Monday.

Judge Otto Vane heard the appeal in Dunmore.

President Lena Arko of Veland met President Tomas Brel of Ostria.

Foreign Minister Ruth Kall joined them.
`,
    },
  ]);
  const mismatch = (t: string) => STATE.check(t).filter((d) => d.code === 'role-mismatch').map((d) => d.message);

  it('another judge does not make a judge the wrong person, even of the same country', () => {
    expect(mismatch('Judge Otto Vane sentenced the smuggler on Monday.')).toEqual([]);
    const US = Corpus.fromInputs([{ path: '/us/a.md', text: `---\noutlet: Court Wire\n---\nUnited States District Judge Clara Wynn blocked the rule.\n` }]);
    expect(US.check('United States District Judge Hal Oster reconsidered his ruling.').filter((d) => d.code === 'role-mismatch')).toEqual([]);
  });

  it('a title two people hold is wrong for a person the sources give another office, without naming a holder', () => {
    expect(mismatch('President Ruth Kall met the delegation.')).toEqual(['The sources call Ruth Kall “Foreign Minister”, not “President”; they give that title to others.']);
  });
});

describe('roles: a plural title is shared by those it lists', () => {
  const PRESIDENTS = Corpus.fromInputs([
    { path: '/p/a.md', text: `---\noutlet: Desk Review\n---\nPresident Jimmy Carter was honoured at the Brackenford convention in Ashvale.\n` },
    { path: '/p/b.md', text: `---\noutlet: Floor Report\n---\nFormer president Bill Clinton spoke at the Brackenford convention in Ashvale.\n` },
    { path: '/p/c.md', text: `---\noutlet: Hall Wire\n---\nFormer president Barack Obama spoke at the Brackenford convention in Ashvale.\n` },
  ]);
  const mismatches = (text: string) => PRESIDENTS.check(text).filter((d) => d.code === 'role-mismatch').map((d) => d.message);

  it('"three former presidents Jimmy Carter, Bill Clinton and Barack Obama" gives none of them a title that belongs to others', () => {
    expect(mismatches('Speakers at the Brackenford convention included three former presidents Jimmy Carter, Bill Clinton, and Barack Obama.')).toEqual([]);
  });

  it('the singular title given to one of them is still weighed against the others who hold it', () => {
    expect(mismatches('Former president Jimmy Carter spoke at the Brackenford convention, as did Bill Clinton and Barack Obama.')).toEqual([
      expect.stringContaining('they give that title to others'),
    ]);
  });
});
