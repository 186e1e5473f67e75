import { describe, expect, it } from 'vitest';
import { claimsOf, FRAME, type Claim } from '../../../src/engine/claims';
import { parseQuantities } from '../../../src/engine/quantities';

function claims(sentence: string): Claim[] {
  return claimsOf(sentence, parseQuantities(sentence));
}

/** The one claim whose figure is written `text` in the sentence. */
function claim(sentence: string, text: string): Claim {
  const all = claims(sentence);
  const c = all.find((x) => x.q.text === text);
  if (!c) throw new Error(`no claim "${text}" in: ${sentence} (got ${all.map((x) => `${x.q.text}→${x.key}`).join(', ')})`);
  return c;
}

describe('claimsOf: what a figure measures', () => {
  it('a duration after "talks … lasted" measures the meeting', () => {
    const c = claim('The talks lasted less than two hours.', 'less than two hours');
    expect(c.key).toBe('duration:meet');
    expect(c.q.kind).toBe('duration');
    expect(c.weak).toBe(false);
  });

  it('synonyms share a key: a 30-day ceasefire and a 30-day truce are the same measure', () => {
    const a = claim('Kyiv wants a 30-day ceasefire.', '30-day');
    const b = claim('Kyiv wants a 30-day truce.', '30-day');
    expect(a.key).toBe('duration:ceasefire');
    expect(b.key).toBe(a.key);
  });

  it('different things get different keys (a truce is not a meeting)', () => {
    const truce = claim('Kyiv wants a 30-day truce.', '30-day');
    const talks = claim('The talks lasted 30 days.', '30 days');
    expect(talks.key).toBe('duration:meet');
    expect(truce.key).not.toBe(talks.key);
  });

  it('"each" makes a count per side; "in all" makes it a total', () => {
    expect(claim('Both sides agreed to release 1,000 prisoners of war each.', '1,000')).toMatchObject({
      key: 'count:prisoner',
      scope: 'perSide',
    });
    expect(claim('Both sides agreed to release 2,000 prisoners of war in all.', '2,000')).toMatchObject({
      key: 'count:prisoner',
      scope: 'total',
    });
    expect(claim('The army released 300 prisoners.', '300').scope).toBe('unknown');
  });

  it('captured soldiers are prisoners, soldiers are soldiers', () => {
    expect(claim('Russia agreed to hand back 500 captured soldiers.', '500').key).toBe('count:prisoner');
    expect(claim('The ministry said 500 soldiers were deployed.', '500').key).toBe('count:soldier');
  });

  it('a demonym before the noun sets the side of a count', () => {
    const s = 'Kyiv said 215 Ukrainian soldiers and 55 Russian personnel were wounded.';
    const ua = claim(s, '215');
    const ru = claim(s, '55');
    expect(ua).toMatchObject({ key: 'count:soldier', side: 'Ukraine' });
    expect(ru).toMatchObject({ key: 'count:soldier', side: 'Russia' });
  });

  it('an ordinal measures what it counts ("the 18th round of sanctions")', () => {
    const c = claim('The EU is preparing the 18th round of sanctions.', '18th');
    expect(c.key).toBe('ordinal:sanction');
    expect(c.q.value).toBe(18);
  });

  it('"for the first time since March 2022" is a first-since claim about the meeting', () => {
    const c = claim('The delegations met for the first time since March 2022.', 'March 2022');
    expect(c.key).toBe('first-since:meet');
    expect(c.key.startsWith('first-since:')).toBe(true);
  });

  it('"since" without "first" is a plain since claim', () => {
    const c = claim('The delegations have not met since March 2022.', 'March 2022');
    expect(c.key).toMatch(/^since:/);
  });

  it('"in over three years" after "first" is a first-in claim', () => {
    const c = claim('It was the first direct meeting in over three years.', 'over three years');
    expect(c.key).toBe('first-in:meet');
    expect(c.q.qualifier).toBe('more');
  });

  it('a date inside quotation marks is weak evidence, the same date reported is not', () => {
    const quoted = claim('He said the talks would resume "on 2 June" in Geneva.', '2 June');
    expect(quoted.quoted).toBe(true);
    expect(quoted.weak).toBe(true);
    const reported = claim('The talks resumed on 2 June in Geneva.', '2 June');
    expect(reported.quoted).toBe(false);
    expect(reported.weak).toBe(false);
  });

  it('an expectation ("expected to arrive on Friday") is weak; an arrival is not', () => {
    const hedged = claim('The delegation is expected to arrive on Friday.', 'Friday');
    expect(hedged.key).toBe('date:arrive');
    expect(hedged.weak).toBe(true);
    expect(hedged.quoted).toBe(false);
    const fact = claim('The delegation arrived on Friday.', 'Friday');
    expect(fact.key).toBe('date:arrive');
    expect(fact.weak).toBe(false);
  });

  it('"as of 13 April" frames the sentence rather than dating an event', () => {
    const s = 'As of 13 April, 40 people had been evacuated.';
    expect(claim(s, '13 April').key).toBe(FRAME);
    // The count is still a claim of its own.
    expect(claim(s, '40').key).toMatch(/^count:/);
  });

  it('"by" and "before" dates are frames too', () => {
    expect(claim('The report must be filed by 14 May.', '14 May').key).toBe(FRAME);
    expect(claim('Before 20 April, 80 cases were recorded.', '20 April')).toMatchObject({ key: FRAME, bound: 'before' });
  });

  it('a date near an event word dates that event', () => {
    expect(claim('The ceasefire began on 8 May.', '8 May').key).toBe('date:ceasefire');
  });
});
