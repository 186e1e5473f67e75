import { describe, expect, it } from 'vitest';
import {
  formatQuantity,
  intervalsCompatible,
  parseQuantities,
  resolveRelativeDate,
  weekdayOf,
  type Quantity,
} from '../../../src/engine/quantities';

function one(text: string, kind?: Quantity['kind']): Quantity {
  const qs = parseQuantities(text).filter((q) => !kind || q.kind === kind);
  expect(qs.map((q) => q.text), text).toHaveLength(1);
  return qs[0]!;
}

const compat = (a: string, b: string): boolean => intervalsCompatible(one(a), one(b));

describe('dates', () => {
  it('full dates in both orders', () => {
    const a = one('on 16 May 2025');
    const b = one('on May 16, 2025');
    expect(a).toMatchObject({ kind: 'date', text: '16 May 2025', date: { year: 2025, month: 5, day: 16, weekday: 5 } });
    expect(b.text).toBe('May 16, 2025');
    expect(a.value).toBe(Date.UTC(2025, 4, 16) / 86400000);
    expect(b.value).toBe(a.value);
    expect(one('on the 16th of May').date).toMatchObject({ month: 5, day: 16 });
    expect(one('2025-05-16').value).toBe(a.value);
  });

  it('dateline with weekday and time', () => {
    const qs = parseQuantities('Friday, 16 May 2025 17:41');
    expect(qs.map((q) => q.kind)).toEqual(['date', 'time']);
    expect(qs[0]).toMatchObject({ text: 'Friday, 16 May 2025', date: { weekday: 5, day: 16, month: 5, year: 2025 } });
    expect(qs[1]).toMatchObject({ text: '17:41', value: 17 * 3600 + 41 * 60 });
    expect(one('at 5pm').value).toBe(17 * 3600);
    expect(one('at 9:30 a.m. local time').value).toBe(9.5 * 3600);
  });

  it('partial dates have NaN values and parts', () => {
    const md = one('talks on May 16');
    expect(md.date).toEqual({ month: 5, day: 16 });
    expect(Number.isNaN(md.value)).toBe(true);
    expect(one('in March 2022').date).toEqual({ year: 2022, month: 3 });
    expect(one('on Thursday evening').date).toEqual({ weekday: 4, partOfDay: 'evening' });
    expect(one('Thursday morning').date).toEqual({ weekday: 4, partOfDay: 'morning' });
    expect(one("on Friday's agenda").text).toBe('Friday');
    expect(one('by mid-May').date).toMatchObject({ month: 5, dayRange: [11, 20] });
    expect(one('in May').date).toEqual({ month: 5 });
    expect(one('The talks were held on 14 May.').text).toBe('14 May');
    expect(one('signed on Sept. 3, 2021').date).toMatchObject({ year: 2021, month: 9, day: 3 });
  });

  it('"may" the verb and "May" the surname are not months', () => {
    expect(parseQuantities('Russia may send a delegation')).toEqual([]);
    expect(parseQuantities('Theresa May said')).toEqual([]);
  });

  it('years with a part', () => {
    const q = one('talks in early 2025');
    expect(q).toMatchObject({ kind: 'year', value: 2025, low: 2025 });
    expect(q.high).toBeGreaterThan(2025);
    expect(q.high).toBeLessThan(2025.5);
    expect(intervalsCompatible(q, one('in 2025'))).toBe(true);
    expect(intervalsCompatible(q, one('in late 2025'))).toBe(false);
    expect(intervalsCompatible(one('in 2024'), one('in 2025'))).toBe(false);
  });

  it('relative references', () => {
    expect(one('yesterday').date).toEqual({ relative: 'yesterday' });
    expect(one('12 hours ago').date).toEqual({ relative: 'hoursAgo', amount: 12 });
    expect(one('two days ago').date).toEqual({ relative: 'daysAgo', amount: 2 });
    expect(one('last night').date).toEqual({ relative: 'yesterday', partOfDay: 'night' });
    expect(one('this morning').date).toEqual({ relative: 'today', partOfDay: 'morning' });
  });
});

describe('date compatibility', () => {
  it('day and month in either order', () => {
    expect(compat('16 May', 'May 16, 2025')).toBe(true);
    expect(compat('14 May', 'May 16, 2025')).toBe(false);
    expect(compat('May 16', 'Friday, 16 May 2025')).toBe(true);
  });

  it('weekday against a full date', () => {
    expect(weekdayOf(2025, 5, 16)).toBe(5);
    expect(compat('on Friday', 'May 16, 2025')).toBe(true);
    expect(compat('on Thursday', 'May 16, 2025')).toBe(false);
    expect(compat('on Thursday', 'on Friday')).toBe(false);
  });

  it('part of day', () => {
    expect(compat('Thursday evening', 'Thursday morning')).toBe(false);
    expect(compat('Thursday evening', 'on Thursday')).toBe(true);
  });

  it('month and year contain the day', () => {
    expect(compat('in March 2022', 'on 29 March 2022')).toBe(true);
    expect(compat('in March 2022', 'on 29 April 2022')).toBe(false);
    expect(compat('since 2022', 'in March 2022')).toBe(true);
    expect(compat('in 2021', 'in March 2022')).toBe(false);
  });
});

describe('interval compatibility', () => {
  it('durations', () => {
    expect(compat('less than two hours', 'about 90 minutes')).toBe(true);
    expect(compat('less than two hours', 'an hour and a half')).toBe(true);
    expect(compat('less than two hours', 'nearly two hours')).toBe(true);
    expect(compat('less than two hours', 'more than two hours')).toBe(false);
    expect(compat('less than two hours', 'three hours')).toBe(false);
    expect(compat('less than two hours', 'two hours')).toBe(false);
    expect(compat('just over 90 minutes', 'under two hours')).toBe(true);
    expect(compat('just over 90 minutes', 'an hour')).toBe(false);
    expect(compat('two-hour talks', '120 minutes')).toBe(true);
    expect(compat('more than three years', 'over three years')).toBe(true);
  });

  it('counts', () => {
    expect(compat('1,000 soldiers', 'one thousand soldiers')).toBe(true);
    expect(compat('1,000 soldiers', '1,200 soldiers')).toBe(false);
    expect(compat('thousands of captives', '2,000 captives')).toBe(true);
    expect(compat('thousands of captives', '500 captives')).toBe(false);
    expect(compat('10-20 people', '15 people')).toBe(true);
  });

  it('kinds do not mix', () => {
    expect(compat('15%', '15 people')).toBe(false);
    expect(compat('the 18th round', 'eighteenth round')).toBe(true);
    expect(compat('the 18th round', 'the 19th round')).toBe(false);
  });
});

describe('formatQuantity', () => {
  it('human text', () => {
    expect(formatQuantity(one('less than two hours'))).toBe('less than 2 hours');
    expect(formatQuantity(one('one thousand soldiers'))).toBe('1,000');
    expect(formatQuantity(one('on May 16, 2025'))).toBe('16 May 2025');
    expect(formatQuantity(one('just over 90 minutes'))).toBe('just over 90 minutes');
    expect(formatQuantity(one('the eighteenth round'))).toBe('18th');
    expect(formatQuantity(one('$500 billion'))).toBe('$500 billion');
    expect(formatQuantity(one('15 per cent'))).toBe('15%');
    expect(formatQuantity(one('Thursday evening'))).toBe('Thursday evening');
    expect(formatQuantity(one('thousands of captives'))).toBe('thousands');
    expect(formatQuantity(one('two or three days'))).toBe('2 to 3 days');
  });
});

describe('resolveRelativeDate', () => {
  it('yesterday and weekdays against the publication date', () => {
    expect(resolveRelativeDate({ relative: 'yesterday' }, '2025-05-16')).toMatchObject({ year: 2025, month: 5, day: 15, weekday: 4 });
    expect(resolveRelativeDate({ weekday: 4, partOfDay: 'evening' }, '2025-05-16')).toMatchObject({ month: 5, day: 15, partOfDay: 'evening' });
    expect(resolveRelativeDate({ weekday: 5 }, '2025-05-16')).toMatchObject({ day: 16 });
    expect(resolveRelativeDate({ weekday: 6 }, '2025-05-16')).toMatchObject({ day: 10 });
    expect(resolveRelativeDate({ relative: 'hoursAgo', amount: 12 }, '2025-05-16')).toMatchObject({ day: 16 });
    expect(resolveRelativeDate({ month: 5, day: 16 }, '2025-05-20')).toMatchObject({ year: 2025, weekday: 5 });
    expect(resolveRelativeDate({ relative: 'yesterday' }, 'not a date')).toEqual({ relative: 'yesterday' });
  });
});
