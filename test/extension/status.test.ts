/** What the status bar item says: state a writer can see at a glance, and a label a screen reader can read. */
import { describe, expect, it } from 'vitest';
import { statusView } from '../../src/extension/statusText';

describe('statusView', () => {
  it('counts sources and facts once the analysis is done', () => {
    const v = statusView({ sources: 5, facts: 160, indexing: false, checking: true });
    expect(v.text).toBe('$(book) Sourcewise: 5 sources · 160 facts');
    expect(v.warning).toBe(false);
  });

  it('says "analysing" rather than "0 facts" until the facts are counted', () => {
    const v = statusView({ sources: 293, facts: 0, indexing: false, analysing: 0, checking: true });
    expect(v.text).toBe('$(sync~spin) Sourcewise: 293 sources · analysing 0%');
    expect(v.text).not.toMatch(/0 facts/);
  });

  it('shows when checking is off, in the text and with a warning colour, and says it once in the tooltip', () => {
    const v = statusView({ sources: 5, facts: 160, indexing: false, checking: false, message: 'Including the bundled seed articles.' });
    expect(v.text).toBe('$(circle-slash) Sourcewise: checking off');
    expect(v.warning).toBe(true);
    expect(v.tooltip.match(/[Cc]hecking is off/g)).toHaveLength(1);
    expect(v.ariaLabel).toMatch(/checking off/);
  });

  it('calls the bundled seeds sample sources', () => {
    expect(statusView({ sources: 5, facts: 1, indexing: false, usingSeeds: true }).text).toBe('$(book) Sourcewise: 5 sample sources · 1 fact');
  });

  it('gives screen readers plain words: no codicons, no HTML entities, no Markdown', () => {
    for (const p of [
      { sources: 5, facts: 160, indexing: false, checking: true },
      { sources: 1, facts: 0, indexing: true },
      { sources: 12_400, facts: 9, indexing: false, analysing: 37, message: 'No sources found  (sources/**/*.md); using   the bundled seed articles.' },
    ]) {
      const v = statusView(p);
      for (const s of [v.ariaLabel, v.tooltip]) expect(s).not.toMatch(/&nbsp;|&[a-z]+;|\$\(/);
      expect(v.ariaLabel).not.toMatch(/\*\*|\[|\]\(/);
      expect(v.ariaLabel).toMatch(/^Sourcewise: /);
    }
  });
});
