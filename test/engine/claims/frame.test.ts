import { describe, expect, it } from 'vitest';
import { claimsOf, type Claim } from '../../../src/engine/claims';
import { parseQuantities } from '../../../src/engine/quantities';

function claims(sentence: string): Claim[] {
  return claimsOf(sentence, parseQuantities(sentence));
}

/** The one claim whose figure is written `text` in the sentence. */
function claim(sentence: string, text: string): Claim {
  const all = claims(sentence);
  const c = all.find((x) => x.q.text === text);
  if (!c) throw new Error(`no claim "${text}" in: ${sentence} (got ${all.map((x) => x.q.text).join(', ')})`);
  return c;
}

describe('claim frames: tallies', () => {
  const sides = (t: string) => claims(t).filter((c) => c.q.tally).map((c) => [c.q.text, c.q.tally, c.thing]);

  it('two counts joined by "to" that fall are the sides of a result, counting the same thing', () => {
    expect(sides('The legislature approved the bill by 66 votes to 37.')).toEqual([['66', 1, 'vote'], ['37', 2, 'vote']]);
    expect(sides('Biden led Sanders by 1,124 pledged delegates to 851.')).toEqual([['1,124', 1, 'delegate'], ['851', 2, 'delegate']]);
    expect(sides('The articles passed by votes of 230-to-197 and 229-to-198 respectively.')).toEqual([['230', 1, 'vote'], ['197', 2, 'vote'], ['229', 1, 'vote'], ['198', 2, 'vote']]);
  });

  it('a change, a range and the subject of the clause are not', () => {
    expect(sides('The toll fell by 30 to 20.')).toEqual([]);
    expect(sides('Prices went from 66 to 37 cents.')).toEqual([]);
    expect(sides('Between 10 to 20 people came.')).toEqual([]);
    // "The resolution" passed; it is not what 232 and 196 count.
    expect(sides('The resolution passed 232-196.')).toEqual([['232', 1, undefined], ['196', 2, undefined]]);
    // Between two nouns a tally is still a result, not the name of a class ("a category 4 hurricane").
    expect(sides('The resolution passed on a party-line 230–189 vote.')).toEqual([['230', 1, 'vote'], ['189', 2, 'vote']]);
  });
});

describe('claim frames: what a figure counts', () => {
  it('reads the noun a count heads, past adjectives and demonyms, with its "of" phrase', () => {
    expect(claim('Both countries agreed to release 1,000 prisoners of war each.', '1,000')).toMatchObject({ dim: 'count', thing: 'prisoner', mods: ['war'], scope: 'perSide' });
    expect(claim('Some 300 police officers and firefighters joined the search.', 'Some 300')).toMatchObject({ thing: 'officer', mods: ['police'] });
    expect(claim('Kyiv said 215 Ukrainian soldiers and 55 Russian personnel were wounded.', '215')).toMatchObject({ thing: 'soldier', side: 'Ukraine' });
  });

  it('hands a unit noun over to what it holds ("a total of", "a round of")', () => {
    expect(claim('The EU is preparing the 18th round of sanctions.', '18th')).toMatchObject({ dim: 'ordinal', thing: 'sanction' });
  });

  it('takes the noun before a figure that is its value ("the death toll rose to 22")', () => {
    expect(claim('The death toll rose to 22, officials said.', '22').thing).toBe('toll');
  });

  it('dates the passive verb nearest to a date even where a figure of another kind stands nearer ("was retired from theaters on April 5")', () => {
    const s = 'The film made more than $20 million from more than 3,000 theaters on the first weekend after release and was retired from theaters in the United States on April 5, 2015.';
    expect(claim(s, 'April 5, 2015').events[0]).toBe('retired');
  });

  it('takes the last noun of a compound as its head, past a name that modifies it ("six NBA championships")', () => {
    expect(claim('Bryant won six NBA championships.', 'six')).toMatchObject({ thing: 'championship', mods: ['nba'] });
    expect(claim('The storm killed 52 people Sunday.', '52').thing).toBe('people');
  });

  it('reads a number between a noun and a singular noun as a class, not a count ("a category 4 hurricane")', () => {
    expect(claims('The cut-off for a category 4 hurricane is 130 mph.').map((c) => c.q.text)).toEqual(['130 mph']);
    expect(claim('The army sent 300 soldiers.', '300').thing).toBe('soldier');
  });

  it('gives a sum the noun it is "of" ("a budget of $185 million")', () => {
    expect(claim('It grossed $566 million worldwide against a budget of $185 million.', '$185 million').thing).toBe('budget');
  });

  it('reads "others" as more of what the sentence counted before', () => {
    expect(claim('Twenty people were killed, and 25 others were injured.', '25').thing).toBe('people');
  });

  it('gives a count the verb it is the object of, not the verb of the next conjunct ("killed 12 people and injured 40")', () => {
    expect(claim('The crash killed 12 people and injured 40.', '12').events[0]).toBe('kill');
    expect(claim('The crash killed 12 people and injured 40.', '40').events[0]).toBe('injure');
    expect(claim('The quake destroyed 300 homes and badly damaged 1,200 more.', '300').events[0]).toBe('destroy');
    // A count that is the subject keeps the verb after it.
    expect(claim('Two people died and 40 were injured.', 'Two').events[0]).toBe('die');
  });

  it('reads the part and the whole of "18 of the 190 people": only the part takes the verb', () => {
    const s = 'The minister said 18 of the 190 people aboard were killed.';
    expect(claim(s, '18').events).toContain('kill');
    expect(claim(s, '190').events).not.toContain('kill');
  });

  it('gives the whole none of the predicate said of the part ("16 of the 20 dead were civilians")', () => {
    const s = 'Sixteen of the 20 confirmed dead in the bombings were civilians.';
    expect(claim(s, '20').context).not.toContain('civilian');
    expect(claim(s, '20').thing).not.toBe('civilian');
  });

  it('reads a gapped conjunct as repeating the verb and counted thing of the figure before ("… and the USGS at 7.0")', () => {
    const s = 'Turkish authorities put the quake at magnitude 6.6 and the USGS at 7.0.';
    expect(claim(s, '7.0')).toMatchObject({ thing: 'magnitude', events: claim(s, '6.6').events });
    expect(claim('Senators would be limited to two terms and representatives to three.', 'three')).toMatchObject({ thing: 'term' });
    // Not a gap: "of" ties the figure to its own noun, and a verb of its own makes a clause.
    expect(claim('China has corn commitments of 1,011,200 tonnes and soybean sales of 157,500 tonnes.', '157,500 tonnes').thing).not.toBe('commitment');
    expect(claim('Police arrested 12 men and the army detained 40 women.', '40')).toMatchObject({ thing: 'woman' });
  });

  it('does not take the subject of a following conjunct for what a figure counts ("64,000 tonnes and barley by …")', () => {
    expect(claim('Wheat exports rose by 64,000 tonnes and barley by 7,000 tonnes.', '64,000 tonnes').thing).not.toBe('barley');
    expect(claim('Nine, ten and 49 people died.', 'Nine')).toMatchObject({ thing: 'people' });
  });

  it('does not read a number naming something ("flight 1344") as a count', () => {
    expect(claims('Air India Express flight 1344 overshot the runway.').map((c) => c.q.text)).not.toContain('1344');
  });

  it('reads ages as ages in years, for every figure of a list', () => {
    const s = 'The two adults killed were 49 and 69 years old.';
    expect(claim(s, '49')).toMatchObject({ dim: 'age' });
    expect(claim(s, '69 years old')).toMatchObject({ dim: 'age' });
    expect(claim(s, '69 years old').q.value).toBeCloseTo(69);
  });
});

describe("claim frames: the events and words of the figure's own clause", () => {
  it('keeps the verb a length of time belongs to, with its particle', () => {
    expect(claim('The talks in Istanbul went on for more than two hours.', 'more than two hours').events).toContain('go on');
    expect(claim('The session lasted less than two hours.', 'less than two hours').events[0]).toBe('last');
  });

  it('reads past a relative clause set off by commas to the verb it interrupts, keeping its words as context', () => {
    const c = claim('He worked for the bank, which owns the hotel, for ten years.', 'ten years');
    expect(c.events).toEqual(['work']);
    const boat = claim('The boat, which caught fire overnight, carried 33 passengers.', '33');
    expect(boat.events).toEqual(['carry']);
    expect(boat.context).toContain('fire');
    // after a preposition, the relative clause tells of that object only
    expect(claim('On the new scale, which is used by the weather service, storms must reach 74 mph.', '74 mph').context).not.toContain('service');
  });

  it('gives each figure of a clause the words nearest to it', () => {
    const s = 'The film grossed $169 million in the United States and $318 million worldwide.';
    expect(claim(s, '$169 million').context).toContain('united');
    expect(claim(s, '$169 million').context).not.toContain('worldwide');
    expect(claim(s, '$318 million').context).toContain('worldwide');
  });

  it('reads a fronted phrase without a verb as part of the clause ("Globally, …")', () => {
    expect(claim('Globally, the film earned $197 million.', '$197 million').context).toContain('globally');
  });

  it('does not take a capitalised verb of a title for an event', () => {
    expect(claim('The House That Jack Built made $2 million worldwide.', '$2 million').events).not.toContain('build');
  });

  it('does not read reporting verbs as what a count measures', () => {
    expect(claim('Officials said 39 people died.', '39').events).toEqual(['die']);
  });
});

describe('claim frames: role, hedging, quotation', () => {
  it('"since" marks when a state began; "as of", "by" and "before" frame other figures', () => {
    expect(claim('The delegations met for the first time since March 2022.', 'March 2022').role).toBe('since');
    expect(claim('As of 13 April, 40 people had been evacuated.', '13 April').role).toBe('frame');
    expect(claim('The report must be filed by 14 May.', '14 May').role).toBe('frame');
    expect(claim('Before 20 April, 80 cases were recorded.', '20 April')).toMatchObject({ role: 'frame', bound: 'before' });
    expect(claim('As of 13 April, 40 people had been evacuated.', '40').role).toBe('measure');
  });

  it('a day written after a time of day takes the role of the whole time ("by 8 p.m. on Saturday")', () => {
    expect(claim('Phivolcs had recorded 611 aftershocks by 8 p.m. on Saturday.', 'Saturday')).toMatchObject({ role: 'frame' });
    expect(claim('The quake struck at 4:53 a.m. on Thursday.', 'Thursday')).toMatchObject({ role: 'measure' });
  });

  it('reads "in over three years" after "first" as the time since it last happened', () => {
    expect(claim('It was the first direct meeting in over three years.', 'over three years').role).toBe('since');
  });

  it('a time between two events remembers the event it is counted from', () => {
    const c = claim('The pilot tried to land about five minutes after takeoff.', 'about five minutes');
    expect(c).toMatchObject({ role: 'offset', ref: ['takeoff'] });
  });

  it('a date in the possessive dates the noun phrase after it, and that phrase is no other date\'s event', () => {
    const s = "Police said on Monday they believed thieves were behind Saturday's theft of a gold toilet.";
    expect(claim(s, 'Saturday').events).toEqual(['theft']);
    expect(claim(s, 'Monday').events).not.toContain('theft');
    // A count still counts what happened in that event.
    expect(claim("The Taliban claimed 190 people had died in Monday's car bombing.", '190').events).toContain('bombing');
  });

  it('"in" a length after what happened is the time it took; after what is planned, when it will happen', () => {
    expect(claim('Samba took bronze behind Warholm in 48.03 seconds.', '48.03 seconds').role).toBe('measure');
    expect(claim('The concert sold out in ten minutes.', 'ten minutes').role).toBe('measure');
    expect(claim('He hopes to finish the race in 48 seconds.', '48 seconds').role).toBe('offset');
    expect(claim('They expect to run it in under two hours.', 'under two hours').role).toBe('offset');
  });

  it("a year or month in the clause of a count is that count's time frame, not a date to check", () => {
    expect(claim('A total of 192 units were sold during 2012.', '2012').role).toBe('frame');
    expect(claim('The talks resumed in March 2022.', 'March 2022').role).toBe('measure');
  });

  it('a hedge just before the figure makes it an expectation; one elsewhere in the clause does not', () => {
    expect(claim('The delegation is expected to arrive on Friday.', 'Friday').hedged).toBe(true);
    expect(claim('The delegation arrived on Friday.', 'Friday').hedged).toBe(false);
    expect(claim('On May 13, Trump confirmed that Rubio would attend.', 'May 13').hedged).toBe(false);
  });

  it('marks figures inside quotation marks', () => {
    expect(claim('He said the talks would resume "on 2 June" in Geneva.', '2 June').quoted).toBe(true);
    expect(claim('The talks resumed on 2 June in Geneva.', '2 June').quoted).toBe(false);
  });

  it('marks vague figures', () => {
    expect(claim('Thousands of soldiers were captured.', 'Thousands').vague).toBe(true);
  });
});

describe('claim frames: quotation marks and pronouns', () => {
  it('reads single quotation marks as quotes, and an apostrophe as none', () => {
    expect(claim("Medinsky said Russia was ready to fight 'for a year, two, three'.", 'a year').quoted).toBe(true);
    expect(claim("The two governments' officials met for two hours.", 'two hours').quoted).toBe(false);
  });

  it('reads "it" as the clause before ("… since 2022 - and it lasted barely two hours")', () => {
    const c = claim('It was the first face-to-face meeting since 2022 - and it lasted barely two hours.', 'barely two hours');
    expect(c.context).toContain('meeting');
  });
});

describe('claim frames: attributions and distances', () => {
  it('reads a clause across an attribution set off by commas', () => {
    const c = claim('Around 50 gallons of diesel fuel, officials said, spilled and ignited on the road.', 'Around 50 gallons');
    expect(c.events).toEqual(expect.arrayContaining(['spill', 'ignite']));
    const p = claim('The fire, according to police, started at 3 a.m.', '3 a.m.');
    expect(p.events).toContain('start');
    // A comma pair around something else still ends the clause.
    expect(claim('The dam, built in 1950, burst and 40 homes were flooded.', '40').events).not.toContain('build');
  });

  it('reads the place a distance is measured from, and its direction', () => {
    expect(claim('The epicentre lay 73 km (45 miles) north of Tandag City.', '73 km').from).toMatchObject({ place: 'city', direction: 'north' });
    expect(claim('The plane came down about half a mile to the south of the airport.', 'about half a mile').from).toMatchObject({ place: 'airport', direction: 'south' });
    expect(claim('Badalona is a city some ten kilometres from Barcelona.', 'some ten kilometres').from).toMatchObject({ place: 'barcelona' });
    expect(claim('The runners covered 42 km on Sunday.', '42 km').from).toBeUndefined();
  });
});

describe('claim frames: whose age', () => {

  it('ages as news writes them: "at the age of 80", "died at 86", "Name, 41,"', () => {
    expect(claim('The drummer died in hospital at the age of 80.', '80').dim).toBe('age');
    expect(claim('The former president died at 86 after a long illness.', '86').dim).toBe('age');
    expect(claim('The oldest of the children, who was 29, weighed just 82 pounds.', '29').dim).toBe('age');
    expect(claim('The club, which was 29 points clear, lost.', '29').dim).not.toBe('age');
    expect(claim('Kobe Bryant, 41, died in the crash.', '41').dim).toBe('age');
    // Not an age: a count after "at", a number with its own noun, a number after a common noun.
    expect(claim('The toll stood at 86 on Monday.', '86').dim).toBe('count');
    expect(claim('Brazil, 41, and Chile, 12, sent the most athletes.', '12').dim).toBe('count');
  });
  it('an age set off by commas is the age of the noun before it, and "aged" is no event', () => {
    const c = claim('The parents were arrested after one of their daughters, aged 17, escaped from the house.', '17');
    expect(c.dim).toBe('age');
    expect(c.thing).toBe('daughter');
    expect(c.events).not.toContain('age');
    expect(claim('The driver, 49, was taken to hospital.', '49').thing).toBe('driver');
  });
});

describe('claim frames: names that are no place', () => {
  it('a place word inside a longer name is marked; one that opens or ends a name is not', () => {
    expect(claim('The Air India Express jet carried 190 passengers.', '190').inNames).toContain('india');
    expect(claim('Gary Johnson, the former Governor of New Mexico, received about 3.28 percent of the vote.', 'about 3.28 percent').inNames ?? []).not.toContain('mexico');
    expect(claim('The U.S. Libertarian Party won 3 percent of the vote.', '3 percent').inNames ?? []).not.toContain('u.s.');
  });
});
