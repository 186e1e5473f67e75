import { describe, expect, it } from 'vitest';
import { alignClaims, claimsOf, type Claim } from '../../../src/engine/claims';
import { parseQuantities } from '../../../src/engine/quantities';

function claim(sentence: string, text: string): Claim {
  const c = claimsOf(sentence, parseQuantities(sentence)).find((x) => x.q.text === text);
  if (!c) throw new Error(`no claim "${text}" in ${sentence}`);
  return c;
}

const weight = () => 1;
const score = (a: Claim, b: Claim) => alignClaims(a, b, weight)?.score ?? 0;

describe('aligning claims', () => {
  it('aligns the same measure worded differently', () => {
    const talks = claim('The talks in Istanbul went on for more than two hours.', 'more than two hours');
    const session = claim('The discussions lasted less than two hours.', 'less than two hours');
    expect(score(talks, session)).toBeGreaterThanOrEqual(0.5);
    const captives = claim('Kyiv and Moscow swapped 2,000 captives apiece.', '2,000');
    const prisoners = claim('Both countries agreed to release 1,000 prisoners of war each.', '1,000');
    expect(alignClaims(captives, prisoners, weight)!.thing).toBe(1);
    const killed = claim('The explosion killed 52 people.', '52');
    const died = claim('Two people died when a wall collapsed.', 'Two');
    expect(alignClaims(killed, died, weight)!.primary).toBeGreaterThanOrEqual(0.8);
  });

  it('aligns people killed or injured with a count of deaths or injuries, never across the two', () => {
    const killed = claim('The crash killed 950 people and injured 7,999.', '950');
    const deaths = claim('2018 saw 11,187 recorded accidents leading to 750 deaths and 7,999 injuries.', '750');
    const injuries = claim('2018 saw 11,187 recorded accidents leading to 750 deaths and 7,999 injuries.', '7,999');
    expect(alignClaims(killed, deaths, weight)).toMatchObject({ thing: 1, events: 1 });
    expect(alignClaims(deaths, killed, weight)).toMatchObject({ thing: 1, events: 1 });
    expect(alignClaims(killed, injuries, weight)).toBeUndefined();
    // People counted for something else are not the dead.
    const evacuated = claim('Officials evacuated 950 people from the area.', '950');
    expect(alignClaims(evacuated, deaths, weight)?.thing ?? 0).toBeLessThan(0.9);
  });

  it('never aligns deaths with injuries, or arrivals with departures', () => {
    const killed = claim('The blast killed 22 people.', '22');
    const hurt = claim('The blast injured 25 people.', '25');
    expect(alignClaims(killed, hurt, weight)).toBeUndefined();
    const arrived = claim('The delegation arrived on Friday.', 'Friday');
    const left = claim('The delegation left on Thursday.', 'Thursday');
    expect(alignClaims(arrived, left, weight)).toBeUndefined();
  });

  it('does not align figures of different dimensions, roles or sides', () => {
    const count = claim('The army released 300 prisoners.', '300');
    const date = claim('The army released prisoners on 3 May.', '3 May');
    expect(alignClaims(count, date, weight)).toBeUndefined();
    const since = claim('They have not met since March 2022.', 'March 2022');
    const when = claim('They met in March 2022.', 'March 2022');
    expect(alignClaims(since, when, weight)).toBeUndefined();
    const ua = claim('Kyiv said 215 Ukrainian soldiers were wounded.', '215');
    const ru = claim('Moscow said 55 Russian soldiers were wounded.', '55');
    expect(alignClaims(ua, ru, weight)).toBeUndefined();
  });

  it('reads what happened as more telling than who was counted', () => {
    const people = claim('The 1973 building was home to over 1,000 people.', 'over 1,000');
    const killed = claim('The collapse killed 52 people.', '52');
    const dead = claim('A total of 39 are confirmed dead.', '39');
    expect(alignClaims(killed, dead, weight)!.events).toBeGreaterThan(alignClaims(killed, people, weight)!.events);
  });

  it('reads every verb of ending before a length of time as one event', () => {
    const ended = claim('The hearing ended after 45 minutes, a clerk said.', '45 minutes');
    const concluded = claim('The hearing concluded after just over 90 minutes.', 'just over 90 minutes');
    expect(alignClaims(ended, concluded, weight)!.primary).toBe(1);
    const wrapped = claim('The summit wrapped up after three days.', 'three days');
    const finished = claim('The summit finished after two days.', 'two days');
    expect(alignClaims(wrapped, finished, weight)!.primary).toBe(1);
    // Ending is not beginning: a length from the start of something is another measure.
    const began = claim('The hearing began after a delay of 45 minutes.', '45 minutes');
    expect(alignClaims(began, concluded, weight)?.primary ?? 0).toBeLessThan(0.8);
  });
});

describe('aligning distances', () => {
  it('aligns distances from the same place whatever the verb, and never from another place or direction', () => {
    const lay = claim('The Turpins\u2019 home lay some 40 miles south of Los Angeles.', 'some 40 miles');
    const located = claim('The family home is located 70 miles south of Los Angeles.', '70 miles');
    expect(alignClaims(lay, located, weight)).toMatchObject({ anchored: true, thing: 1 });
    const north = claim('The family home is located 70 miles north of Los Angeles.', '70 miles');
    expect(alignClaims(lay, north, weight)).toBeUndefined();
    const fresno = claim('The family home is located 70 miles south of Fresno.', '70 miles');
    expect(alignClaims(lay, fresno, weight)).toBeUndefined();
  });
});
