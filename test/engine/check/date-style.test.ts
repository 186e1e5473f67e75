import { describe, expect, it } from 'vitest';
import { dateInDraftStyle } from '../../../src/engine/check/date-style';
import { parseQuantities } from '../../../src/engine/quantities';

function date(text: string) {
  const q = parseQuantities(text).find((x) => x.kind === 'date');
  if (!q) throw new Error(`no date in: ${text}`);
  return q;
}

const SOURCE = date('The talks were held on May 16, 2025.');

describe('a date fix keeps the draft’s own style', () => {
  it.each([
    ['They met on 14 May.', '16 May'],
    ['They met on May 14.', 'May 16'],
    ['They met on Wednesday, 14 May 2025.', 'Friday, 16 May 2025'],
    ['They met on Wednesday 14 May.', 'Friday 16 May'],
    ['They met on the 14th of May.', '16th of May'],
    ['They met on May 14, 2025.', 'May 16, 2025'],
  ])('%s → %s', (draft, want) => {
    expect(dateInDraftStyle(date(draft), SOURCE)).toBe(want);
  });

  it('abbreviates the month as the draft does', () => {
    expect(dateInDraftStyle(date('They met on Sept. 3.'), date('It was on October 9, 2025.'))).toBe('Oct. 9');
  });

  it('keeps the draft’s year when the source gives none', () => {
    expect(dateInDraftStyle(date('They met on 14 May 2025.'), date('They met on 16 May.'))).toBe('16 May 2025');
  });

  it('gives up (the source’s own words are the fix) when either is not a day of a month', () => {
    expect(dateInDraftStyle(date('They met on 14 May.'), date('They met on Friday.'))).toBeUndefined();
  });
});
