import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/engine/entities';
import { nounReading } from '../../../src/engine/entities/lexicon';

const names = (s: string) => findMentions(s).map((m) => [m.text, m.kind]);

describe('findMentions: a capital at the start of a clause tells nothing; the tagger and WordNet do', () => {
  it('function words, adverbs and verbs that open a sentence are not names', () => {
    expect(names('However, the talks went on.')).toEqual([]);
    expect(names('Meanwhile Zelenskyy told the BBC he was ready.')).toEqual([['Zelenskyy', 'person'], ['BBC', 'organization']]);
    expect(names('Seated at the table, Umerov spoke first.').map((x) => x[0])).toEqual(['Umerov']);
    expect(names('Despite the war, both sides met.')).toEqual([]);
  });

  it('a plural common noun names a group ("Officials said", "Critics say", "Talks ended")', () => {
    expect(names('Officials said the talks were over.')).toEqual([]);
    expect(names('Critics say Medinsky is weak.').map((x) => x[0])).toEqual(['Medinsky']);
    expect(names('Talks ended without a deal.')).toEqual([]);
  });

  it('a name that is also a common word opens a sentence as a name when a verb follows it', () => {
    expect(names('Trump said so.')).toEqual([['Trump', 'person']]);
    expect(names('Sanders said he would not run.')).toEqual([['Sanders', 'person']]);
    expect(names('Peskov told reporters nothing.')).toEqual([['Peskov', 'person']]);
    expect(names("Trump's statement read well.").map((x) => x[0])).toEqual(['Trump']);
    expect(names('Cherry, who led the petition, spoke.').map((x) => x[0])).toEqual(['Cherry']);
  });

  it('a common word alone at the start is not a name ("Weather", "Early in her career")', () => {
    expect(names('Weather')).toEqual([]);
    expect(names('Early in her career, Tipton was cast as a voice.').map((x) => x[0])).toEqual(['Tipton']);
    expect(names('Today, the council met.')).toEqual([]);
  });

  it('WordNet tells common, proper and unknown words apart', () => {
    expect(nounReading('officials')).toEqual({ kind: 'common', inflected: true });
    expect(nounReading('adams').kind).toBe('proper');
    expect(nounReading('peskov').kind).toBeUndefined();
    expect(nounReading('several').kind).toBe('not-noun');
  });
});

describe('findMentions: name boundaries', () => {
  it('a place a title names is not part of the holder\'s name', () => {
    expect(names('Today, Chief Executive of Hong Kong Carrie Lam delivered her speech.')).toEqual([
      ['Hong Kong', 'place'],
      ['Carrie Lam', 'person'],
    ]);
    expect(names('He met President of the United States Donald Trump.')).toEqual([
      ['United States', 'place'],
      ['Donald Trump', 'person'],
    ]);
  });

  it('after "<title> of", a place the gazetteer does not know ends where a full name begins', () => {
    const found = names('First Minister of Scotland Nicola Sturgeon said so on Twitter.');
    expect(found.map((m) => m[0])).toEqual(['Scotland', 'Nicola Sturgeon', 'Twitter']);
    expect(found[1]![1]).toBe('person');
    expect(names('The Premier of Quebec Francois Legault said so.').map((m) => m[0])).toEqual(['Quebec', 'Francois Legault']);
  });

  it('a place written right before a full name is its own mention', () => {
    expect(names('United States Donald Trump spoke first.')).toEqual([
      ['United States', 'place'],
      ['Donald Trump', 'person'],
    ]);
    // …but a place that begins an organisation's or a thing's name stays in it.
    expect(names('The Hong Kong Polytechnic University closed.')).toEqual([['Hong Kong Polytechnic University', 'organization']]);
  });

  it('number words and function words inside a name stay in it', () => {
    expect(names('Trump played it down from Air Force One.').map((x) => x[0])).toContain('Air Force One');
    expect(names('The report came from Reporters Without Borders.').map((x) => x[0])).toEqual(['Reporters Without Borders']);
  });

  it('a possessive followed by a legal form is part of a company\'s name; other possessives end the name', () => {
    expect(names("McDonald's Corp said sales rose.")).toEqual([["McDonald's Corp", 'organization']]);
    expect(names("Shares of Albertson's Inc. rose 5 pct.")).toEqual([["Albertson's Inc", 'organization']]);
    expect(names("Albertson's Inc's profit rose.")).toEqual([["Albertson's Inc", 'organization']]);
    expect(names("Trump's Justice Department said so.").map((x) => x[0])).toEqual(['Trump', 'Justice Department']);
    // "Sa" is also a surname: the two-letter forms other than "Co" count only in capitals.
    expect(names('Maria Sa spoke first.')).toEqual([['Maria Sa', 'person']]);
    expect(names('Nestle SA said it would buy the firm.')).toEqual([['Nestle SA', 'organization']]);
  });

  it('an initial with its full stop is part of the name', () => {
    expect(names('It was George W. Bush who spoke.')).toEqual([['George W. Bush', 'person']]);
  });
});

describe('findMentions: words in capitals', () => {
  it('a headline or shouting in capitals holds no names (wire copy opens with one)', () => {
    expect(names('JURY RULES FOR IT IN TEXACO CASE')).toEqual([]);
    expect(names('CAESARS FILES SUIT AGAINST SOSNOFF')).toEqual([]);
  });
  it('acronyms and short names in capitals are still names', () => {
    expect(names('IBM and the U.S. Federal Reserve met NATO officials in New York.').map((x) => x[0])).toEqual(['IBM', 'U.S. Federal Reserve', 'NATO', 'New York']);
  });
});
