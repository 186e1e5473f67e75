import { describe, expect, it } from 'vitest';
import { parseQuantities, type Quantity } from '../../../src/engine/quantities';

const DAY = 86400;
const YEAR = 365.25 * DAY;

function only(text: string): Quantity {
  const qs = parseQuantities(text);
  expect(qs.map((q) => q.text)).toHaveLength(1);
  return qs[0]!;
}

function texts(text: string): string[] {
  return parseQuantities(text).map((q) => q.text);
}

describe('numbers and counts', () => {
  it('reads digits with thousands separators', () => {
    const q = only('Russia and Ukraine will each release 19,043 people');
    expect(q.kind).toBe('count');
    expect(q.value).toBe(19043);
    expect([q.low, q.high]).toEqual([19043, 19043]);
    expect(q.qualifier).toBe('exact');
  });

  it('treats 1,000 = one thousand = a thousand = 1k', () => {
    for (const s of ['1,000 soldiers', '1000 soldiers', 'one thousand soldiers', 'a thousand soldiers', '1k soldiers']) {
      const q = only(s);
      expect(q.kind, s).toBe('count');
      expect(q.value, s).toBe(1000);
    }
    expect(only('a thousand soldiers').text).toBe('a thousand');
  });

  it('reads decimals and scale words', () => {
    expect(only('3.5 tonnes').value).toBe(3.5);
    const q = only('1.5 million people fled');
    expect(q.value).toBe(1_500_000);
    expect(q.approxRound).toBe(true);
  });

  it('reads number words', () => {
    expect(only('thirty soldiers').value).toBe(30);
    expect(only('twenty-five soldiers').value).toBe(25);
    expect(only('two hundred soldiers').value).toBe(200);
    expect(only('two hundred and fifty soldiers').value).toBe(250);
    expect(only('a dozen soldiers').value).toBe(12);
    expect(only('two dozen eggs').value).toBe(24);
  });

  it('reads approximate plurals as ranges', () => {
    const q = only('a prisoner swap involving thousands of captives');
    expect(q).toMatchObject({ kind: 'count', text: 'thousands', qualifier: 'plural', low: 2000, high: 9999 });
    expect(only('hundreds of people').low).toBe(200);
    expect(only('dozens of people')).toMatchObject({ low: 24, high: 99 });
    expect(only('millions of people')).toMatchObject({ low: 2e6, high: 999e6 });
    expect(only('tens of thousands of people')).toMatchObject({ text: 'tens of thousands', low: 20000, high: 99999 });
  });

  it('does not count "one" used as a pronoun, nor a bare "a"', () => {
    expect(texts('no one came')).toEqual([]);
    expect(texts('one of the negotiators said')).toEqual([]);
    expect(texts('the one who spoke')).toEqual([]);
    expect(texts('a delegation arrived')).toEqual([]);
    expect(only('one person was hurt').value).toBe(1);
  });

  it('marks figures that apply to each side', () => {
    expect(only('1,000 prisoners of war each').perSide).toBe(true);
    expect(only('they will swap 1,000 each').perSide).toBe(true);
    expect(only('500 apiece').perSide).toBe(true);
    expect(only('each side will release 500 prisoners').perSide).toBe(true);
    expect(only('thousands from each side').perSide).toBe(true);
    expect(only('Moscow and Kyiv will each release 500 captured soldiers').perSide).toBe(true);
    expect(only('1,000 POWs freed by each side').perSide).toBe(true);
    expect(only('1,000 prisoners were exchanged').perSide).toBeUndefined();
    expect(only('the 1,000 soldiers met each other').perSide).toBeUndefined();
  });
});

describe('ranges', () => {
  it('"two or three days" is a 2-3 day range', () => {
    const q = only('talks could take two or three days');
    expect(q).toMatchObject({ kind: 'duration', qualifier: 'range', low: 2 * DAY, high: 3 * DAY, text: 'two or three days' });
  });

  it('reads between/and, hyphen and "to" ranges', () => {
    expect(only('between 10 and 20 people')).toMatchObject({ qualifier: 'range', low: 10, high: 20, text: 'between 10 and 20' });
    expect(only('10-20 people')).toMatchObject({ qualifier: 'range', low: 10, high: 20 });
    expect(only('10 to 20 people')).toMatchObject({ qualifier: 'range', low: 10, high: 20 });
    expect(only('1.5 to 2 million people')).toMatchObject({ low: 1.5e6, high: 2e6 });
  });

  it('two shares joined by a dash with no space are both read ("49.7%-40.3%"): the dash is no minus sign', () => {
    expect(parseQuantities('Biden led Trump 49.7%-40.3% in the average').map((q) => [q.kind, q.value])).toEqual([
      ['percent', 49.7],
      ['percent', 40.3],
    ]);
    expect(parseQuantities('Biden led Trump 49.7%–40.3% in the average').map((q) => q.value)).toEqual([49.7, 40.3]);
    // a sign after a space or a word stays a sign
    expect(parseQuantities('the temperature fell to -5 degrees').map((q) => q.value)).toEqual([-5]);
  });

  it('numbers in words joined by a dash before a length of time are a range, not a count and a length', () => {
    expect(only('he left home four–five hours ago')).toMatchObject({ kind: 'duration', qualifier: 'range', low: 4 * 3600, high: 5 * 3600, text: 'four–five hours' });
    expect(only('talks of two-three weeks')).toMatchObject({ kind: 'duration', low: 14 * DAY, high: 21 * DAY });
    // with no length of time after them, words joined by a dash stay what they were
    expect(parseQuantities('the score was four-five').map((q) => q.value)).toEqual([4, 5]);
  });

  it('a falling pair is not a range: it is a tally, each side a count of its own', () => {
    const qs = parseQuantities('they won 3-1');
    expect(qs.every((q) => q.qualifier !== 'range')).toBe(true);
    expect(qs.map((q) => [q.text, q.value, q.tally])).toEqual([['3', 3, 1], ['1', 1, 2]]);
    expect(parseQuantities('The resolution passed 232-196.').map((q) => [q.text, q.tally])).toEqual([['232', 1], ['196', 2]]);
    expect(parseQuantities('The articles passed by votes of 230-to-197 and 229-to-198.').map((q) => [q.text, q.tally])).toEqual([['230', 1], ['197', 2], ['229', 1], ['198', 2]]);
    expect(parseQuantities('a 27–17 victory').map((q) => q.value)).toEqual([27, 17]);
  });

  it('dates, spans of years, decimals and shares joined by a hyphen are no tallies', () => {
    for (const t of ['On 15-10-2019 it rained.', 'The 2019-20 season.', 'The index moved 3-1.5 points.', 'a 50-50% chance', 'aged 18-24']) expect(parseQuantities(t).some((q) => q.tally)).toBe(false);
  });
});

describe('durations', () => {
  it('reads a length of time written in several units as one figure', () => {
    expect(only('His time was 1 hour 59 minutes 40.2 seconds.')).toMatchObject({ text: '1 hour 59 minutes 40.2 seconds', value: 7180.2 });
    expect(only('The talks lasted two hours and 15 minutes.')).toMatchObject({ text: 'two hours and 15 minutes', value: 8100 });
    expect(only('She ran it in 2 hours, 1 minute and 39 seconds.').value).toBe(7299);
    // Two lengths of two things, or units that do not shrink, stay apart.
    expect(texts('The talks lasted two hours, the lunch 30 minutes.')).toEqual(['two hours', '30 minutes']);
    expect(texts('It took 30 minutes and then two hours more.')).toEqual(['30 minutes', 'two hours']);
  });

  it('less than two hours', () => {
    const q = only('the session lasted less than two hours');
    expect(q.kind).toBe('duration');
    expect(q.unit).toBe('second');
    expect(q.text).toBe('less than two hours');
    expect(q.value).toBe(7200);
    expect(q.high).toBe(7200);
    expect(q.highOpen).toBe(true);
    expect(q.low).toBeCloseTo(4320);
    const input = 'the session lasted less than two hours';
    expect(input.slice(q.valueStart, q.valueEnd)).toBe('two hours');
  });

  it('two hours = 2 hours = 120 minutes', () => {
    expect(only('two hours').value).toBe(7200);
    expect(only('2 hours').value).toBe(7200);
    expect(only('120 minutes').value).toBe(7200);
    expect(only('2hrs').value).toBe(7200);
  });

  it('halves', () => {
    expect(only('an hour and a half').value).toBe(5400);
    expect(only('he converted a year-and-a-half ago')).toMatchObject({ kind: 'duration', value: 1.5 * 365.25 * DAY, text: 'a year-and-a-half' });
    expect(only('an hour-and-a-quarter').value).toBe(4500);
    expect(only('one and a half hours').value).toBe(5400);
    expect(only('half an hour').value).toBe(1800);
    expect(only('an hour').value).toBe(3600);
    expect(only('1.5 hours').value).toBe(5400);
  });

  it('compounds', () => {
    const q = only('a 30-day ceasefire');
    expect(q).toMatchObject({ kind: 'duration', value: 30 * DAY, compound: true, text: '30-day' });
    expect(only('two-hour talks')).toMatchObject({ value: 7200, compound: true });
    expect(only('90-minute meeting').value).toBe(5400);
    expect(only('a three-year-old boy')).toMatchObject({ value: 3 * YEAR, text: 'three-year-old' });
    expect(only('thirty days').value).toBe(only('30-day truce').value);
  });

  it('units: weeks, months, years', () => {
    expect(only('three weeks').value).toBe(21 * DAY);
    expect(only('six months').value).toBeCloseTo(6 * 30.44 * DAY);
    expect(only('three years').value).toBeCloseTo(3 * YEAR);
    expect(only('a decade').value).toBeCloseTo(10 * YEAR);
  });

  it('qualifiers give the documented intervals', () => {
    const more = only('more than three years');
    expect(more).toMatchObject({ qualifier: 'more', lowOpen: true, low: 3 * YEAR });
    expect(more.high).toBeCloseTo(1.4 * 3 * YEAR);
    expect(only('over three years').qualifier).toBe('more');
    const nearly = only('nearly three years');
    expect(nearly).toMatchObject({ qualifier: 'nearly', highOpen: true, high: 3 * YEAR });
    expect(nearly.low).toBeCloseTo(0.85 * 3 * YEAR);
    const jo = only('just over 90 minutes');
    expect(jo).toMatchObject({ qualifier: 'justOver', low: 5400, lowOpen: true });
    expect(jo.high).toBeCloseTo(6210);
    const barely = only('barely two hours');
    expect(barely).toMatchObject({ qualifier: 'barely', high: 7200 });
    expect(barely.low).toBeCloseTo(6480);
    const about = only('about 90 minutes');
    expect(about.qualifier).toBe('about');
    expect(about.low).toBeCloseTo(4590);
    expect(about.high).toBeCloseTo(6210);
    expect(only('under two hours')).toMatchObject({ qualifier: 'less', highOpen: true });
    expect(only('at least two hours')).toMatchObject({ qualifier: 'atLeast', low: 7200, high: 10800 });
    expect(only('up to two hours')).toMatchObject({ qualifier: 'atMost', low: 3600, high: 7200 });
    expect(only('just under two hours')).toMatchObject({ qualifier: 'justUnder', high: 7200, highOpen: true });
    expect(only('an hour or so')).toMatchObject({ qualifier: 'about', text: 'an hour or so' });
  });

  it('plural units without a number', () => {
    const q = only('a deal could come within weeks');
    expect(q).toMatchObject({ kind: 'duration', qualifier: 'plural', low: 2 * 7 * DAY, high: 11 * 7 * DAY });
    expect(only('talks lasting several days')).toMatchObject({ qualifier: 'plural', low: 3 * DAY });
  });

  it('rates are not durations', () => {
    expect(texts('they meet twice a day')).toEqual([]);
  });
});

describe('ordinals', () => {
  it('18th = eighteenth', () => {
    const a = only('the 18th round of talks');
    const b = only('the eighteenth round of talks');
    expect(a).toMatchObject({ kind: 'ordinal', value: 18, text: '18th' });
    expect(b).toMatchObject({ kind: 'ordinal', value: 18, text: 'eighteenth' });
  });

  it('"first" only before a noun or "time"', () => {
    expect(only('It was the first face-to-face meeting')).toMatchObject({ kind: 'ordinal', value: 1 });
    expect(only('for the first time')).toMatchObject({ kind: 'ordinal', value: 1 });
    expect(texts('at first, nobody believed it')).toEqual([]);
    expect(texts('first of all, we must agree')).toEqual([]);
    expect(only('the second round').value).toBe(2);
    expect(only('the twenty-first century').value).toBe(21);
  });

  it('ranks', () => {
    expect(only('The song reached #5 in Sweden')).toMatchObject({ kind: 'ordinal', value: 5 });
  });
});

describe('percent and money', () => {
  it('percent forms', () => {
    for (const s of ['15%', '15 percent', '15 per cent']) expect(only(`rose ${s}`)).toMatchObject({ kind: 'percent', value: 15, unit: 'percent' });
    expect(only('less than 22%')).toMatchObject({ qualifier: 'less', high: 22, highOpen: true });
  });

  it('money forms', () => {
    expect(only('a $500 billion fund')).toMatchObject({ kind: 'money', value: 5e11, currency: 'USD', text: '$500 billion' });
    expect(only('costs €2m')).toMatchObject({ kind: 'money', value: 2e6, currency: 'EUR' });
    expect(only('£3.5 million')).toMatchObject({ value: 3.5e6, currency: 'GBP' });
    expect(only('500 million dollars')).toMatchObject({ value: 5e8, currency: 'USD' });
    expect(only('more than $64.8 million')).toMatchObject({ qualifier: 'more', low: 64.8e6 });
    expect(only('US$1.2bn')).toMatchObject({ value: 1.2e9, currency: 'USD' });
  });
});

describe('years', () => {
  it('bare years in date-ish context are years, not counts', () => {
    expect(only('since 2022')).toMatchObject({ kind: 'year', value: 2022, low: 2022, high: 2022 });
    expect(only('in 2019')).toMatchObject({ kind: 'year', value: 2019 });
    expect(only('the 2022 talks')).toMatchObject({ kind: 'year', value: 2022 });
    expect(only('the 1990s')).toMatchObject({ kind: 'year', low: 1990, high: 1999 });
    expect(only('from 2019 to 2022')).toMatchObject({ kind: 'year', qualifier: 'range', low: 2019, high: 2022 });
    expect(only('the 1994-1995 season')).toMatchObject({ kind: 'year', low: 1994, high: 1995 });
    expect(only('the 2022-23 season')).toMatchObject({ kind: 'year', low: 2022, high: 2023 });
  });

  it('a qualified round figure before a noun is a count', () => {
    expect(only('over 2000 people')).toMatchObject({ kind: 'count', qualifier: 'more' });
    expect(only('2,000 people')).toMatchObject({ kind: 'count', value: 2000 });
  });
});

describe('lists and numbered items', () => {
  it('does not crash on lists and keeps each figure', () => {
    expect(texts('a year, two, three')).toEqual(['a year', 'two', 'three']);
    expect(texts('"1. Talks began. 2. They ended."')).toEqual(['1', '2']);
  });
});

describe('false figures', () => {
  it('skips ids, urls, handles and names', () => {
    expect(texts('World War II')).toEqual([]);
    expect(texts("Europe's deadliest conflict since World War Two")).toEqual([]);
    expect(texts('pic.twitter.com/CG3pAnN5Ip')).toEqual([]);
    expect(texts('see https://example.com/news/2025/05/16/story-123')).toEqual([]);
    expect(texts('follow @user2025 for updates')).toEqual([]);
    expect(texts('the Covid-19 pandemic')).toEqual([]);
    expect(texts('the G7 summit')).toEqual([]);
    expect(texts('F-16 jets')).toEqual([]);
    expect(texts('call +44 20 7946 0958')).toEqual([]);
    expect(texts('call 555-123-4567 now')).toEqual([]);
    expect(texts('Stressed Out is a single of Twenty One Pilots')).toEqual([]);
    expect(texts('under Article 5 of the treaty')).toEqual([]);
  });
});
