/** Completion labels: the supporting sentence, short, with the words it shares with the draft's sentence. */
import { describe, expect, it } from 'vitest';
import { boldMatches, matchedWords, sentenceLabel } from '../../src/server/matched';

const DRAFT = 'The meeting at the Dolmabahce Palace lasted three hours and ended without agreement on a ceasefire.';
const LATE = "Held in a historic palace in Turkiye's capital Istanbul, the discussions lasted less than two hours.";

describe('matchedWords', () => {
  it('finds the shared words by stem, not the stop words', () => {
    const words = matchedWords(DRAFT, LATE).map((s) => LATE.slice(s.start, s.end));
    expect(words).toEqual(['palace', 'lasted', 'hours']);
  });
});

describe('sentenceLabel', () => {
  it('is the sentence itself when it is short', () => {
    const s = 'Both countries agreed to release 1,000 prisoners.';
    expect(sentenceLabel(s, matchedWords(DRAFT, s), 60)).toBe(s);
  });

  it('keeps the start and jumps to the shared words when they come late', () => {
    const label = sentenceLabel(LATE, matchedWords(DRAFT, LATE));
    expect(label.length).toBeLessThanOrEqual(48);
    expect(label).toMatch(/^Held in a\b/);
    expect(label).toContain('lasted less than two hours');
    expect(label).toContain(' … ');
    // Whole words only.
    for (const w of label.replace(/…/g, ' ').split(/\s+/).filter(Boolean)) expect(LATE).toMatch(new RegExp(`(^|\\W)${w.replace(/[.?]/g, '\\$&')}`));
  });

  it('cuts at a word with an ellipsis when nothing is shared', () => {
    const label = sentenceLabel(LATE, [], 30);
    expect(label).toBe('Held in a historic palace in…');
  });
});

describe('boldMatches', () => {
  it('bolds the shared words and escapes the rest', () => {
    const text = 'It lasted [two] hours.';
    expect(boldMatches(text, matchedWords('lasted hours', text))).toBe('It **lasted** \\[two\\] **hours**.');
  });
});
