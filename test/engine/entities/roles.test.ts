import { describe, expect, it } from 'vitest';
import { findRoles, isOfficeTitle, rolesConflict, type RoleMention } from '../../../src/engine/entities';

function role(sentence: string, person: string): RoleMention & { phrase: string } {
  const r = findRoles(sentence).find((x) => x.person === person);
  if (!r) throw new Error(`no role for ${person} in: ${sentence}`);
  return { ...r, phrase: sentence.slice(r.titleStart, r.titleEnd) };
}

describe('findRoles: title before the name', () => {
  it('country demonym + title', () => {
    const r = role('Turkish Foreign Minister Hakan Fidan addressed both parties.', 'Hakan Fidan');
    expect(r).toMatchObject({ title: 'Foreign Minister', phrase: 'Turkish Foreign Minister', norm: 'foreign minister', country: 'Turkey', former: false });
  });
  it('possessive country and a comma before the name', () => {
    const r = role('Ukraine’s Deputy Foreign Minister, Serhiy Kyslytsya, welcomed the development.', 'Serhiy Kyslytsya');
    expect(r).toMatchObject({ phrase: 'Ukraine’s Deputy Foreign Minister', norm: 'deputy foreign minister', country: 'Ukraine' });
  });
  it('organisation modifier', () => {
    const r = role('Kremlin spokesperson Dmitry Peskov acknowledged that high-level discussions are necessary.', 'Dmitry Peskov');
    expect(r).toMatchObject({ phrase: 'Kremlin spokesperson', norm: 'spokesperson', org: 'Kremlin', country: 'Russia' });
    const e = role('European Commission president Ursula von der Leyen confirmed it.', 'Ursula von der Leyen');
    expect(e).toMatchObject({ phrase: 'European Commission president', norm: 'president', org: 'European Commission' });
    const n = role('According to NATO Secretary General Mark Rutte, the venue offers all the right conditions.', 'Mark Rutte');
    expect(n).toMatchObject({ norm: 'secretary general', org: 'NATO' });
  });
  it('former and U.S.', () => {
    const r = role('Meanwhile, former U.S. President Donald Trump weighed in.', 'Donald Trump');
    expect(r).toMatchObject({ phrase: 'former U.S. President', title: 'President', norm: 'president', country: 'United States', former: true });
    const x = role('Ex-President Jimmy Carter spoke.', 'Jimmy Carter');
    expect(x.former).toBe(true);
  });
  it('lower-case titles and spelling', () => {
    const s = 'Turkiye’s foreign minister Hakan Fidan confirmed that both sides had agreed. Ukrainian defence minister Umerov, who led Kyiv’s delegation, expressed hope.';
    expect(role(s, 'Hakan Fidan')).toMatchObject({ phrase: 'Turkiye’s foreign minister', norm: 'foreign minister', country: 'Turkey' });
    const u = findRoles(s).filter((r) => r.person === 'Umerov');
    expect(u.map((r) => [r.norm, r.country])).toEqual([
      ['defense minister', 'Ukraine'],
      ['delegation leader', 'Ukraine'],
    ]);
  });
  it('list after "includes:"', () => {
    const s = 'As in 2022, it is led by Presidential Aide Vladimir Medinsky, and includes: Deputy Foreign Minister Mikhail Galuzin, Deputy Chief of the General Staff Igor Kostyukov, and Deputy Defense Minister Alexander Fomin.';
    const rs = findRoles(s).map((r) => [r.person, r.norm]);
    expect(rs).toEqual([
      ['Vladimir Medinsky', 'presidential aide'],
      ['Mikhail Galuzin', 'deputy foreign minister'],
      ['Igor Kostyukov', 'deputy chief of general staff'],
      ['Alexander Fomin', 'deputy defense minister'],
    ]);
  });
  it('head of an office; adviser spelling', () => {
    const s = 'The negotiators from the Ukrainian side include: Head of the Presidential Office Andriy Yermak, Defense Minister Rustem Umerov, Foreign Minister Andrii Sybiha, and Presidential Advisor Ihor Zhovkva.';
    expect(findRoles(s).map((r) => [r.person, r.norm])).toEqual([
      ['Andriy Yermak', 'head of presidential office'],
      ['Rustem Umerov', 'defense minister'],
      ['Andrii Sybiha', 'foreign minister'],
      ['Ihor Zhovkva', 'presidential adviser'],
    ]);
  });
  it('a plural title shared by names', () => {
    const s = 'Spoke with @POTUS together with President Macron, Federal Chancellor Merz, Prime Ministers Starmer and Tusk.';
    expect(findRoles(s).map((r) => [r.person, r.norm])).toEqual([
      ['Macron', 'president'],
      ['Merz', 'chancellor'],
      ['Starmer', 'prime minister'],
      ['Tusk', 'prime minister'],
    ]);
  });
  it('a draft: wrong country on a title', () => {
    expect(role('Zelensky also spoke with French President Merz.', 'Merz')).toMatchObject({ phrase: 'French President', country: 'France', norm: 'president' });
  });
  it('does not invent roles', () => {
    expect(findRoles('Ukraine turned to its Western partners on Friday, seeking renewed solidarity.')).toEqual([]);
    expect(findRoles('Putin, President Trump said, wants a deal.').map((r) => r.person)).toEqual(['Trump']);
  });
});

describe('findRoles: after the name', () => {
  it('apposition', () => {
    const r = role('“We have agreed,” said Vladimir Medinsky, Russia’s chief negotiator.', 'Vladimir Medinsky');
    expect(r).toMatchObject({ phrase: 'Russia’s chief negotiator', norm: 'chief negotiator', country: 'Russia' });
    const d = role("Dmitry Peskov, Russia's chief negotiator, said a Putin summit would take time to arrange.", 'Dmitry Peskov');
    expect(d).toMatchObject({ phrase: "Russia's chief negotiator", country: 'Russia' });
  });
  it('descriptor apposition', () => {
    const r = role('Following the meeting, Kirill Dmitriev, a senior Russian official, praised the outcome on X.', 'Kirill Dmitriev');
    expect(r).toMatchObject({ norm: 'senior official', country: 'Russia', phrase: 'senior Russian official' });
  });
  it('relative clause: who led the delegation', () => {
    const rs = findRoles('Ukrainian Defense Minister Rustem Umerov, who led the delegation, confirmed the swap.');
    expect(rs.map((r) => r.norm)).toEqual(['defense minister', 'delegation leader']);
  });
  it('relative clause: who heads a ministry or another body', () => {
    const [m] = findRoles("Anna Berg, who heads Norway's fisheries ministry, said the quotas would hold.");
    expect(m).toMatchObject({ person: 'Anna Berg', norm: 'fisheries minister', country: 'Norway', title: "heads Norway's fisheries ministry", clause: true });
    const [a] = findRoles('Tomas Rey, who leads the state weather agency, said the storm had passed.');
    expect(a).toMatchObject({ norm: 'head of state weather agency', clause: true });
  });
  it('copula: occupation vs office', () => {
    const r = role('Medinsky is a historian by training.', 'Medinsky');
    expect(r).toMatchObject({ title: 'historian', norm: 'historian', occupation: true });
    const o = role('Rustem Umerov is Ukraine’s defence minister.', 'Rustem Umerov');
    expect(o).toMatchObject({ norm: 'defense minister', country: 'Ukraine' });
    expect(o.occupation).toBeUndefined();
  });
  it('works on other news text', () => {
    const s = 'In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of the toll, while Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 people were missing.';
    expect(role(s, 'Yevgeny Zinichev').norm).toBe('emergencies minister');
    expect(role(s, 'Oleg Klimov').norm).toContain('deputy governor');
  });
});

describe('findRoles: appositions, relative clauses and times of a title', () => {
  it('an apposition with what the office is of', () => {
    const r = role('Carrie Lam, the chief executive of Hong Kong, announced it.', 'Carrie Lam');
    expect(r).toMatchObject({ norm: 'chief executive', org: 'Hong Kong', country: 'China', phrase: 'chief executive of Hong Kong' });
    const p = role('Baroni, then the deputy executive director of the Port Authority of New York and New Jersey, was convicted.', 'Baroni');
    expect(p).toMatchObject({ norm: 'deputy executive director', org: 'Port Authority', then: true, former: false });
  });

  it('a one-word name after "of" is what the office is of, even where the speech verb after it makes it read as a person', () => {
    expect(role('Matt Simister, the chief executive of Tesco, said the company held a 4% share.', 'Matt Simister')).toMatchObject({ norm: 'chief executive', org: 'Tesco' });
    // A full name there still makes a list of titled people, not an apposition.
    expect(findRoles('Officers met Valery Gerasimov, Deputy Chief of the General Staff Igor Kostyukov and others.').map((r) => r.person)).not.toContain('Valery Gerasimov');
  });

  it('a title before the name with what it is of after "of"', () => {
    const r = role('Today, Chief Executive of Hong Kong Carrie Lam delivered her speech.', 'Carrie Lam');
    expect(r).toMatchObject({ title: 'Chief Executive', org: 'Hong Kong', country: 'China' });
    expect(role('President of the United States Donald Trump spoke.', 'Donald Trump')).toMatchObject({ norm: 'president', country: 'United States' });
  });

  it('a place or body before the title is its jurisdiction', () => {
    expect(role('Florida Governor Henry McMaster declared an emergency.', 'Henry McMaster')).toMatchObject({ phrase: 'Florida Governor', norm: 'governor', org: 'Florida' });
    expect(role('Before entering politics, Seoul mayor Park Won-soon worked as a lawyer.', 'Park')).toMatchObject({ norm: 'mayor', org: 'Seoul', country: 'South Korea' });
  });

  it('a former office in an apposition, with its owner and its own complement', () => {
    const r = role("Hakan Fidan, a former head of Turkey's intelligence agency, addressed both delegations.", 'Hakan Fidan');
    expect(r).toMatchObject({ norm: 'head of intelligence agency', country: 'Turkey', former: true });
    expect(role("Peskov, formerly the Kremlin's press secretary, said so.", 'Peskov')).toMatchObject({ norm: 'press secretary', org: 'Kremlin', former: true });
  });

  it('"who once served as", "who is": a relative clause gives a title, past or present', () => {
    expect(role("Medinsky, who once served as Russia's culture minister, led the Russian side.", 'Medinsky')).toMatchObject({ norm: 'culture minister', country: 'Russia', former: true });
    expect(role('Umerov, who is the defence minister, spoke.', 'Umerov')).toMatchObject({ norm: 'defense minister', former: false });
  });

  it('a relative clause after a name without its comma', () => {
    expect(role('Bolton often disagreed with Mike Pompeo who is the secretary of state.', 'Mike Pompeo')).toMatchObject({ norm: 'secretary of state', former: false });
    expect(role('The letter was signed by Anna Berg who served as mayor until 2019.', 'Anna Berg')).toMatchObject({ norm: 'mayor', former: true });
  });

  it('"then-", "ex-" and "acting" before a title', () => {
    expect(role('then-Governor Chris Christie spoke.', 'Chris Christie')).toMatchObject({ norm: 'governor', then: true, former: false });
    expect(role('Acting Prime Minister Jane Doe spoke.', 'Jane Doe')).toMatchObject({ norm: 'prime minister', former: false });
  });

  it('a lower-case title set off by a comma before the name needs its article', () => {
    expect(role('In a statement, a United States Department of State spokesperson, Morgan Ortagus, said so.', 'Morgan Ortagus')).toMatchObject({ norm: 'state spokesperson', country: 'United States' });
    expect(findRoles('The talks went on for hours, Morgan Ortagus said.')).toEqual([]);
  });

  it('a list of titled names is not an apposition', () => {
    const rs = findRoles('It includes: Deputy Foreign Minister Mikhail Galuzin, Deputy Chief of the General Staff Igor Kostyukov, and others.');
    expect(rs.map((r) => [r.person, r.norm])).toEqual([
      ['Mikhail Galuzin', 'deputy foreign minister'],
      ['Igor Kostyukov', 'deputy chief of general staff'],
    ]);
  });
});

describe('isOfficeTitle / rolesConflict', () => {
  it('office titles', () => {
    for (const t of ['president', 'foreign minister', 'spokesperson', 'chief negotiator', 'secretary general', 'deputy chief of general staff', 'presidential aide']) {
      expect(isOfficeTitle(t), t).toBe(true);
    }
    for (const t of ['historian', 'political analyst', 'politician']) expect(isOfficeTitle(t), t).toBe(false);
  });
  it('compares roles', () => {
    expect(rolesConflict({ norm: 'defense minister', country: 'Ukraine', former: false }, { norm: 'defence minister', former: false })).toBe('same');
    expect(rolesConflict({ norm: 'president', country: 'United States', former: true }, { norm: 'president', country: 'United States', former: false })).toBe('former-only');
    expect(rolesConflict({ norm: 'foreign minister', country: 'Turkey', former: false }, { norm: 'president', country: 'Turkey', former: false })).toBe('different');
    expect(rolesConflict({ norm: 'president', country: 'France', former: false }, { norm: 'president', country: 'Germany', former: false })).toBe('different');
    expect(rolesConflict({ norm: 'deputy foreign minister', former: false }, { norm: 'foreign minister', former: false })).toBe('different');
    expect(rolesConflict({ norm: 'chancellor', former: false }, { norm: 'federal chancellor', country: 'Germany', former: false })).toBe('same');
    expect(rolesConflict({ norm: 'spokesperson', org: 'Kremlin', former: false }, { norm: 'spokesman', org: 'Kremlin', former: false })).toBe('same');
    expect(rolesConflict({ norm: 'spokesperson', org: 'Kremlin', former: false }, { norm: 'chief negotiator', country: 'Russia', former: false })).toBe('different');
  });
});

describe('roles grouped by office (Corpus.rolesLike)', () => {
  it('holds every role rolesConflict may call the same office, in sentence order', async () => {
    const { Corpus } = await import('../../../src/engine/corpus');
    const path = await import('node:path');
    const corpus = (await Corpus.load([path.resolve(__dirname, '../../../seeds')], { cacheDir: false })).corpus;
    const all = corpus.store.roles.filter((r) => corpus.store.sents[r.sent]?.alive);
    expect(all.length).toBeGreaterThan(20);
    for (const r of all) {
      const like = corpus.rolesLike(r);
      const want = all.filter((x) => rolesConflict(r, x) !== 'different');
      expect(want.every((x) => like.includes(x))).toBe(true);
      expect(like).toEqual(all.filter((x) => like.includes(x)));
    }
  });
});
