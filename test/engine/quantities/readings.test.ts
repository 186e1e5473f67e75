import { describe, expect, it } from 'vitest';
import { intervalsCompatible, needsReference, parseQuantities, resolveRelativeDate, type Quantity } from '../../../src/engine/quantities';

function one(text: string, kind?: Quantity['kind']): Quantity {
  const qs = parseQuantities(text).filter((q) => !kind || q.kind === kind);
  expect(qs.map((q) => q.text), text).toHaveLength(1);
  return qs[0]!;
}

/** The date a sentence's only date names, resolved against a reference day. */
function dayOf(text: string, reference: string): string {
  const q = one(text, 'date');
  const d = resolveRelativeDate(q.date!, reference);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

describe('values other readers get wrong', () => {
  it('a fraction after a scale is a part of that scale', () => {
    expect(one('There are one million and a half possibilities').value).toBe(1_500_000);
    expect(one('There are five and a half million fishes in this lake').value).toBe(5_500_000);
    expect(one('The number is five billion and three quarters').value).toBe(5_750_000_000);
    expect(one('Current value is one billion and a half million').value).toBe(1_000_500_000);
    expect(one('a peak of over three-and-a-half million').value).toBe(3_500_000);
    expect(one('They have 3 million and a quarter').value).toBe(3_250_000);
  });

  it('a lower-case "m" after digits is a metre unless a count follows', () => {
    expect(one("I'm 1.8m tall")).toMatchObject({ kind: 'count', value: 1.8, unit: 'm', text: '1.8m' });
    expect(one('a 100m sprint')).toMatchObject({ value: 100, unit: 'm' });
    expect(one('2.5m people fled')).toMatchObject({ value: 2_500_000 });
    expect(one('it costs £2m')).toMatchObject({ kind: 'money', value: 2_000_000, currency: 'GBP' });
  });

  it('clock times keep their seconds and their half of the day', () => {
    expect(one("I'll be back 7:56:30 pm")).toMatchObject({ kind: 'time', value: 19 * 3600 + 56 * 60 + 30 });
    expect(one('at 8.10 pm').value).toBe(20 * 3600 + 600);
    expect(one('We were called at 8.10am today', 'time').value).toBe(8 * 3600 + 600);
    expect(one('ten past nine in the evening').value).toBe(21 * 3600 + 600);
    expect(parseQuantities('at 5:00 p.m. (2100 UTC)')[0]!.text).toBe('5:00 p.m.');
    expect(parseQuantities('5 p.m. local time (2100 UTC)').map((q) => [q.kind, q.value])).toEqual([
      ['time', 17 * 3600],
      ['time', 21 * 3600],
    ]);
  });

  it('"two thirds" is a fraction, not the count two', () => {
    expect(one('two thirds of the members')).toMatchObject({ kind: 'count', fraction: [2, 3] });
    expect(one('two thirds of the members').value).toBeCloseTo(2 / 3);
    expect(one('a quarter of the city').value).toBe(0.25);
    expect(one('3/4 of the votes').value).toBe(0.75);
    expect(one('the result is ½').value).toBe(0.5);
    expect(one('2 1/4 miles')).toMatchObject({ value: 2.25, unit: 'mi' });
    expect(one('one in five adults')).toMatchObject({ value: 0.2, fraction: [1, 5] });
    expect(one('more than half of the elected officials')).toMatchObject({ value: 0.5, qualifier: 'more' });
    expect(one('a two-thirds majority').value).toBeCloseTo(2 / 3);
  });

  it('a fraction compares only with fractions', () => {
    expect(intervalsCompatible(one('two thirds of the members'), one('200 members'))).toBe(false);
    expect(intervalsCompatible(one('two thirds of the members'), one('two-thirds of the members'))).toBe(true);
  });

  it('"a third", "a fourth", "half" before a noun are not fractions', () => {
    expect(parseQuantities('a fourth from Germany').filter((q) => q.fraction)).toEqual([]);
    expect(parseQuantities('flags lowered to half staff')).toEqual([]);
    expect(parseQuantities('one half-sister').filter((q) => q.fraction)).toEqual([]);
    expect(one('held a Fourth of July salute').date).toMatchObject({ month: 7, day: 4 });
    expect(one('in the second half of the season', 'ordinal').value).toBe(2);
  });

  it('dates written with numbers, either order when the day says which', () => {
    expect(one("I'll go back 02/22/2016").date).toMatchObject({ year: 2016, month: 2, day: 22 });
    expect(one("I'll go back 21/04/2016").date).toMatchObject({ year: 2016, month: 4, day: 21 });
    expect(one('on 13.5.2015').date).toMatchObject({ year: 2015, month: 5, day: 13 });
    expect(one('How about 2019/aug/01').date).toMatchObject({ year: 2019, month: 8, day: 1 });
    expect(one('sold on Dec31 , 1994').date).toMatchObject({ year: 1994, month: 12, day: 31 });
    // 3/7/2017 is March 7 or 3 July: no reading
    expect(parseQuantities("I'll go back 3-7-2017")).toEqual([]);
  });

  it('dates written with words', () => {
    expect(one('fourth of july, 1995').date).toMatchObject({ year: 1995, month: 7, day: 4 });
    expect(one('july 4th of 1995').date).toMatchObject({ year: 1995, month: 7, day: 4 });
    expect(one('on the tenth of September, two thousand').date).toMatchObject({ year: 2000, month: 9, day: 10 });
    expect(one('She was born on January twenty five nineteen eighty six').date).toMatchObject({ year: 1986, month: 1, day: 25 });
    expect(one('16. Nov. 2016').date).toMatchObject({ year: 2016, month: 11, day: 16 });
  });

  it('ordinals: rank after a verb of ranking, compounds, and not adverbs', () => {
    expect(one('She finished second!')).toMatchObject({ kind: 'ordinal', value: 2 });
    expect(one('She came first in the race')).toMatchObject({ kind: 'ordinal', value: 1 });
    expect(parseQuantities('He first met her in 2019').filter((q) => q.kind === 'ordinal')).toEqual([]);
    expect(parseQuantities('She began singing first on the radio')).toEqual([]);
    expect(one('twenty-first')).toMatchObject({ kind: 'ordinal', value: 21 });
    expect(one('one hundred twenty-fifth')).toMatchObject({ kind: 'ordinal', value: 125 });
    expect(one("Zapata's second attempt")).toMatchObject({ kind: 'ordinal', value: 2 });
  });

  it('money with the sign after the figure, and dollars of other countries', () => {
    expect(one('it cost 10 €')).toMatchObject({ kind: 'money', value: 10, currency: 'EUR' });
    expect(one('it cost 10€')).toMatchObject({ kind: 'money', currency: 'EUR' });
    expect(one('HK$5 million')).toMatchObject({ kind: 'money', value: 5e6, currency: 'HKD' });
    expect(one('USD 26.95 for its computer version')).toMatchObject({ kind: 'money', value: 26.95, currency: 'USD' });
    expect(one('a 1368 million pounds turnover')).toMatchObject({ kind: 'money', value: 1.368e9, currency: 'GBP' });
  });

  it('measures carry their unit and compare only within it', () => {
    expect(one('winds of 120 miles per hour')).toMatchObject({ value: 120, unit: 'mph' });
    expect(one('moving at 13 mph').unit).toBe('mph');
    expect(one('5 ft 2 in').value).toBeCloseTo(5 + 2 / 12);
    expect(one('an 18- to 23-foot storm surge')).toMatchObject({ low: 18, high: 23, unit: 'ft' });
    expect(intervalsCompatible(one('70 miles'), one('70 km'))).toBe(false);
    expect(intervalsCompatible(one('70 miles'), one('70 people'))).toBe(false);
    expect(intervalsCompatible(one('70 miles'), one('seventy miles'))).toBe(true);
  });

  it('ages are durations marked as ages', () => {
    expect(one('He was 64 years old.')).toMatchObject({ kind: 'duration', age: true, text: '64 years old' });
    expect(one('a 87 yo man')).toMatchObject({ kind: 'duration', age: true });
    expect(one('ninety five years of age').age).toBe(true);
  });

  it('ids and notations that are no figures', () => {
    expect(parseQuantities('3D printing')).toEqual([]);
    expect(parseQuantities('see Figure 3b')).toEqual([]);
    expect(parseQuantities('particles of PM2.5')).toEqual([]);
    expect(parseQuantities('the Boeing 707s')).toEqual([]);
    expect(parseQuantities('the exchange—215 soldiers').map((q) => q.text)).toEqual(['215']);
  });
});

describe('dates counted from the reference date', () => {
  it('weekdays point back for what happened and forward for what is planned', () => {
    expect(dayOf('The delegations met on Friday.', '2025-05-20')).toBe('2025-05-16');
    expect(dayOf('The delegations will meet on Friday.', '2025-05-20')).toBe('2025-05-23');
    expect(dayOf('A decision is expected on Thursday.', '2025-05-20')).toBe('2025-05-22');
    expect(dayOf('Talks are scheduled to resume on Monday.', '2025-05-20')).toBe('2025-05-26');
    expect(dayOf('He said on Friday that talks will resume.', '2025-05-20')).toBe('2025-05-16');
    // the day of a pledge, not of what was pledged
    expect(dayOf('On Wednesday, Erdogan pledged to convert the museum.', '2025-05-23')).toBe('2025-05-21');
    expect(dayOf("I'll go back this Friday", '2016-11-07')).toBe('2016-11-11');
  });

  it('next, last, past and coming weekdays', () => {
    expect(dayOf('next Sunday', '2016-11-07')).toBe('2016-11-20');
    expect(dayOf('last Sunday', '2016-11-07')).toBe('2016-11-06');
    expect(dayOf('Where were you this past Wednesday?', '2019-01-31')).toBe('2019-01-30');
    expect(dayOf('Do you have any arrangement on coming Thursday?', '2019-01-31')).toBe('2019-02-07');
    expect(dayOf('We met on Tuesday of last week', '2019-07-30')).toBe('2019-07-23');
    expect(dayOf('the first Friday of next month', '2018-03-20')).toBe('2018-04-06');
    expect(dayOf('I went back Thursday the 21st', '2017-09-27')).toBe('2017-09-21');
    // "following" is a preposition, or counts from the story's day, not from the day of writing
    expect(parseQuantities("following Wednesday's quake")[0]?.date).toEqual({ weekday: 3 });
  });

  it('counts of days, weeks, months and years', () => {
    expect(dayOf('three weeks from tomorrow', '2018-05-31')).toBe('2018-06-22');
    expect(dayOf('two days before yesterday', '2018-05-31')).toBe('2018-05-28');
    expect(dayOf('We had a meeting 1 month and 21 days ago', '2017-11-23')).toBe('2017-10-02');
    expect(dayOf('I will leave in two weeks', '2018-07-05')).toBe('2018-07-19');
    expect(dayOf('It will happen 2 weeks from January 15.', '2016-11-07')).toBe('2017-01-29');
    // "in two weeks" of what happened is a length of time
    expect(one('The war ended in two weeks.').kind).toBe('duration');
    expect(one('the highest level in 20 years').kind).toBe('duration');
  });

  it('a date counted in years or months is known to that grain only', () => {
    const d = resolveRelativeDate(one('three years ago').date!, '2020-05-20');
    expect(d).toMatchObject({ year: 2017, grain: 'year' });
    expect(intervalsCompatible(
      { ...one('three years ago'), date: d },
      one('on 3 January 2017'),
    )).toBe(true);
  });

  it('a day and month without a year take the year their verb points to', () => {
    expect(dayOf('They met on December 28.', '2025-01-02')).toBe('2024-12-28');
    expect(dayOf('They will meet on January 5.', '2024-12-28')).toBe('2025-01-05');
    expect(needsReference(one('They met on December 28.').date)).toBe(true);
    expect(needsReference(one('talks on May 16').date)).toBe(false);
  });

  it('two-digit years take the century near the reference date', () => {
    expect(dayOf("I'll go back 21/04/16", '2016-11-07')).toBe('2016-04-21');
    expect(dayOf("I'll go back 05/05/71", '2016-11-07')).toBe('1971-05-05');
    expect(dayOf('I was born on 15 April of 87', '2018-01-07')).toBe('1987-04-15');
  });
});
