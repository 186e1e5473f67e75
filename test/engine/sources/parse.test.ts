import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, decodeEntities, htmlToText } from '../../../src/engine/sources';
import type { SourceDoc, Span } from '../../../src/engine/types';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

function seed(prefix: string): SourceDoc {
  const name = seedFiles.find((f) => f.startsWith(prefix))!;
  const p = path.join(SEEDS, name);
  return parseSource({ path: p, text: readFileSync(p, 'utf8') }, 0, SEEDS);
}

function inBody(doc: SourceDoc, phrase: string): boolean {
  const at = doc.text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not in ${doc.file}: ${phrase}`);
  return doc.body.some((s: Span) => s.start <= at && at + phrase.length <= s.end);
}

function bodyText(doc: SourceDoc): string {
  return doc.body.map((s) => doc.text.slice(s.start, s.end)).join('\n');
}

describe('parseSource on the bundled seeds', () => {
  it('finds the outlet where the page names it, and none otherwise', () => {
    expect(seed('000').outlet).toBe('Sky News');
    expect(seed('001').outlet).toBeUndefined();
    expect(seed('002').outlet).toBeUndefined();
    expect(seed('003').outlet).toBe('BBC');
    expect(seed('004').outlet).toBe('TRT World');
  });

  it('reads the dateline and the headline', () => {
    const d = seed('000');
    expect(d.date).toBe('2025-05-16');
    expect(d.title).toMatch(/^Ukraine and Russia's talks in Istanbul/);
    expect(seed('001').title).toBeUndefined(); // first line is a paragraph
    expect(seed('003').title).toBe('Ukrainian and Russian officials met in Turkey for the first talks');
  });

  it('uses the path relative to root as file name', () => {
    const d = seed('003');
    expect(d.file).toBe(seedFiles.find((f) => f.startsWith('003')));
    expect(d.warnings).toEqual([]);
  });

  it('keeps article sentences in the body', () => {
    expect(inBody(seed('003'), 'Both countries agreed to release 1,000 prisoners of war each.')).toBe(true);
    expect(inBody(seed('000'), 'it lasted barely two hours.')).toBe(true);
    expect(inBody(seed('000'), 'What does Putin want?')).toBe(true); // cross-heading
    expect(inBody(seed('000'), 'Friday, 16 May 2025')).toBe(true); // dateline stays (it is evidence)
    expect(inBody(seed('001'), 'A cold formality')).toBe(true);
    expect(inBody(seed('001'), 'Medinsky, for his part, stated')).toBe(true);
    expect(inBody(seed('004'), 'Istanbul talks: A last chance for peace?')).toBe(true); // title
    expect(inBody(seed('004'), 'diplomacy still has a chance.')).toBe(true);
    expect(inBody(seed('002'), 'would not discuss relinquishing any territory it occupies')).toBe(true);
  });

  it('leaves page furniture out of the body', () => {
    const sky = seed('000');
    for (const junk of [
      'Available on Google Play',
      'Available on the App Store',
      'DOWNLOAD OUR APPS',
      'Read more:',
      'The Ukrainians lost in hellish Russian jails',
      "What happened at Zelenskyy and Putin's last meeting?",
      'Ukraine war latest: World reacts to two-hour peace talks',
      '(c) Sky News 2025',
      'More from World News',
      'Latest Podcasts',
      '92.2 / 102.5 FM',
    ]) {
      expect(inBody(sky, junk), junk).toBe(false);
    }
    // the real content right after the "Read more:" block is kept
    expect(inBody(sky, 'The Istanbul talks were symbolically important - but they have also revealed')).toBe(true);

    const wion = seed('001');
    for (const junk of ['You may also like', 'Assam govt hands over', 'Shashi Tharoor row', 'spying for Pakistan']) {
      expect(inBody(wion, junk), junk).toBe(false);
    }
    const bbc = seed('003');
    for (const junk of ['Leave a Reply', 'Your email address will not be published', 'About The Author', 'Source: BBC']) {
      expect(inBody(bbc, junk), junk).toBe(false);
    }
    const trt = seed('004');
    for (const junk of ['12 hours ago', 'SOURCE:TRT World', 'Share your feedback', 'Contact us']) {
      expect(inBody(trt, junk), junk).toBe(false);
    }
    // the headline printed twice is kept once
    expect(bodyText(trt).split('Istanbul talks: A last chance for peace?').length - 1).toBe(1);
  });

  it('body spans are sorted, disjoint and trimmed', () => {
    for (const f of seedFiles) {
      const d = seed(f.slice(0, 3));
      let prev = -1;
      for (const s of d.body) {
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(s.end).toBeGreaterThan(s.start);
        expect(d.text.slice(s.start, s.end)).toBe(d.text.slice(s.start, s.end).trim());
        prev = s.end;
      }
    }
  });
});

describe('parseSource: general rules on made-up pages', () => {
  it('infers outlet from copyright lines and a name line before them', () => {
    const text = 'A headline\n\nSomething happened today.\nIt was big.\n\nDaily Planet\n© 2024 All rights reserved\n';
    expect(parseSource({ path: '/x/a.txt', text }, 1).outlet).toBe('Daily Planet');
    const t2 = 'Headline\nSomething happened today.\n© 2024 The Daily Planet. All rights reserved.\n';
    expect(parseSource({ path: '/x/b.txt', text: t2 }, 1).outlet).toBe('The Daily Planet');
  });

  it('does not take a byline for an outlet', () => {
    const text = 'Headline here\nBy Jane Doe, science correspondent\nThe probe landed.\n';
    const d = parseSource({ path: '/x/c.txt', text }, 1);
    expect(d.outlet).toBeUndefined();
    expect(d.file).toBe('c.txt');
  });

  it('parses several date shapes', () => {
    for (const [line, iso] of [
      ['May 16, 2025', '2025-05-16'],
      ['Published 2025-05-16T10:00Z', '2025-05-16'],
      ['Updated: 3rd March 2024, 09:12', '2024-03-03'],
    ] as const) {
      expect(parseSource({ path: 'a.txt', text: `Title\n${line}\nBody text.\n` }, 0).date).toBe(iso);
    }
    expect(parseSource({ path: 'a.txt', text: 'Title\nFebruary 30, 2025\nBody.\n' }, 0).date).toBeUndefined();
  });

  it('keeps a numeric table at the end of a short wire story', () => {
    const text = 'ACME CORP 1ST QTR NET\nNEW YORK, March 3 - Acme reported results.\nShr 10 cts vs 12 cts\nNet 1,234,000 vs 987,000\nRevs 12.3 mln vs 10.1 mln\n';
    const d = parseSource({ path: 'r.txt', text }, 0);
    expect(d.body.length).toBe(5);
  });

  it('reads Markdown front matter and keeps the body out of it', () => {
    const text = '---\ntitle: "Talks end"\nsource: The Wire\ndate: 2025-05-16\nurl: https://example.com/a\n---\n# Talks end\n\nThe talks ended after 90 minutes.\n\n```\ncode.here()\n```\n';
    const d = parseSource({ path: '/n/a.md', text }, 3, '/n');
    expect(d).toMatchObject({ title: 'Talks end', outlet: 'The Wire', date: '2025-05-16', url: 'https://example.com/a', id: 3, file: 'a.md' });
    expect(d.warnings).toEqual([]);
    const fmEnd = text.indexOf('# Talks');
    expect(d.body.every((s) => s.start >= fmEnd)).toBe(true);
    expect(d.body.map((s) => text.slice(s.start, s.end))).toEqual(['Talks end', 'The talks ended after 90 minutes.']);
  });

  it('warns about broken front matter but still uses the text', () => {
    const text = '---\ntitle: [unclosed\noutlet: X\n---\nThe body sentence is here.\n';
    const d = parseSource({ path: 'b.markdown', text }, 0);
    expect(d.warnings.length).toBe(1);
    expect(d.warnings[0]).toMatch(/front matter/);
    expect(inBody(d, 'The body sentence is here.')).toBe(true);
    expect(inBody(d, 'outlet: X')).toBe(false);
  });

  it('HTML: visible article text only, with offsets into the original file', () => {
    const html = [
      '<!DOCTYPE html>',
      '<html><head><title>Fallback title</title>',
      '<meta property="og:title" content="Talks end &amp; sides part">',
      '<meta property="og:site_name" content="The Wire">',
      '<meta property="article:published_time" content="2025-05-16T17:41:00Z">',
      '<script>var s = "The talks ended in a deal.";</script>',
      '<style>p { color: red }</style>',
      '</head><body>',
      '<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>',
      '<article>',
      '<h1>Talks end &amp; sides part</h1>',
      '<p>The talks lasted <b>less than two hours</b>. Both sides agreed to swap 1,000 prisoners.</p>',
      '<!-- <p>Hidden comment text.</p> -->',
      '<p>Officials said more talks would follow.</p>',
      '<aside><p>Related: something else</p></aside>',
      '<div class="share-bar">Share on X</div>',
      '</article>',
      '<footer><p>© 2025 The Wire</p></footer>',
      '</body></html>',
    ].join('\n');
    const d = parseSource({ path: '/site/page.html', text: html }, 0);
    expect(d.text).toBe(html);
    expect(d.title).toBe('Talks end & sides part');
    expect(d.outlet).toBe('The Wire');
    expect(d.date).toBe('2025-05-16');
    const parts = d.body.map((s) => html.slice(s.start, s.end));
    expect(parts).toEqual([
      'Talks end &amp; sides part',
      'The talks lasted <b>less than two hours</b>. Both sides agreed to swap 1,000 prisoners.',
      'Officials said more talks would follow.',
    ]);
    // offsets map back to the original line
    const at = d.body[2]!.start;
    expect(html.slice(0, at).split('\n').length - 1).toBe(13);
    expect(bodyText(d)).not.toContain('var s');
    expect(bodyText(d)).not.toContain('Hidden comment');
    expect(bodyText(d)).not.toContain('Home');
  });

  it('HTML without <article> keeps body text, drops furniture', () => {
    const html = '<html><body><div id="menu">Home News</div><p>Rain fell in Leeds.</p><p>Roads closed.</p><form>Sign up now</form></body></html>';
    const d = parseSource({ path: 'p.htm', text: html }, 0);
    expect(d.body.map((s) => html.slice(s.start, s.end))).toEqual(['Rain fell in Leeds.', 'Roads closed.']);
  });

  it('decodes entities', () => {
    expect(decodeEntities('A &amp; B &#8217; &#x2014; &nbsp;&unknown;')).toBe('A & B \u2019 \u2014 \u00a0&unknown;');
    expect(htmlToText('<p>A <b>bold</b> &lt;move&gt;</p>')).toBe('A bold <move>');
  });
});

describe('parseSource: wire-copy shapes', () => {
  it('keeps note lines and figure rows that look like "Label: text"', () => {
    const text = 'GRAIN STOCKS\nCHICAGO, March 3 - Stocks rose.\nNOTE: 1986 period ended February One\nDue: 27 35\nThe report was issued on Tuesday.\n(C) - Sales made on own account.\n';
    const d = parseSource({ path: 'w.txt', text }, 0);
    expect(d.body.length).toBe(6);
    expect(d.date).toBeUndefined(); // "March 3" has no year, and a date inside a sentence is no dateline
  });

  it('does not take a date mentioned inside a sentence for the publication date', () => {
    const d = parseSource({ path: 'w.txt', text: 'Title\nThe quarter ended March 31, 1987 with losses.\n' }, 0);
    expect(d.date).toBeUndefined();
  });
});

describe('parseSource: HTML odds and ends', () => {
  it('ignores blocks without visible words and reads <time datetime>', () => {
    const html = '<body><main><p>&nbsp;</p><time datetime="2024-02-29">Feb 29</time><p>Leap day news.</p><p>•</p></main></body>';
    const d = parseSource({ path: 'x.html', text: html }, 0);
    expect(d.body.map((s) => html.slice(s.start, s.end))).toEqual(['Feb 29', 'Leap day news.']);
    expect(d.date).toBe('2024-02-29');
  });
});
