import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_LINE_HINTS, filterBoilerplate, isJunkLine, lineHints, lineSegments } from '../../../src/engine/sources/boilerplate';
import { inferDate, inferOutlet, inferTitle, parseDate } from '../../../src/engine/sources/metadata';
import { parseSource } from '../../../src/engine/sources';

const PAGES = [
  'Headline without a stop\nGet it on the Google Play store\nAvailable on the App Store\nDOWNLOAD IT FROM THE APP STORE\n' +
    'Your email address will not be published. Required fields are marked *\nYOUR EMAIL ADDRESS WILL NOT BE PUBLISHED\n' +
    'Share your feedback\nPlease SHARE YOUR FEEDBACK with us.\nAll rights reserved.\n© 2024 Example News. ALL RIGHTS RESERVED\n' +
    'Body sentence one. Body sentence two.\nText © 2023 someone\nSky News\n© Reuters 2021\nRelated\nLink title\n',
  'Story line here. Another one.\nDownload it from Google Play\nSky News\nAll rights reserved\n',
  'Main headline here\nBody one is a sentence.\nPhoto © 2023 Agency.\nBody two continues here.\nLast body line.\n',
  // near misses: a long s and a Kelvin sign are not "s" and "k" to the rules
  'All Rights Reſerved\nGet it on the \u212aelvin play store\nYour email address will not be publiſhed\nplain text line.\n',
  'Nothing to see here.\nJust a plain article without furniture.\n',
];

describe('line hints (rules skipped when their words are not in the document)', () => {
  it('leave the body, title and outlet as trying every rule on every line does', () => {
    for (const text of PAGES) {
      const segments = lineSegments(text);
      const lines = segments.map((s) => text.slice(s.start, s.end));
      const hints = lineHints(text);
      expect(filterBoilerplate(text, segments, hints)).toEqual(filterBoilerplate(text, segments, ALL_LINE_HINTS));
      expect(filterBoilerplate(text, segments, hints, lines)).toEqual(filterBoilerplate(text, segments));
      expect(lines.map((l) => isJunkLine(l, hints))).toEqual(lines.map((l) => isJunkLine(l)));
      expect(inferOutlet(lines, hints)).toBe(inferOutlet(lines));
      expect(inferTitle(lines, hints)).toBe(inferTitle(lines));
    }
  });

  it('find the words whatever their ASCII case, and only then', () => {
    expect(lineHints('ALL RIGHTS RESERVED')).toEqual({ store: false, phrases: true, copyright: false });
    expect(lineHints('Google PLAY')).toEqual({ store: true, phrases: false, copyright: false });
    expect(lineHints('© x')).toEqual({ store: false, phrases: false, copyright: true });
    expect(lineHints('Share Your Feedback')).toMatchObject({ phrases: true });
    expect(lineHints('plain words, all rights reſerved, \u212aelvin')).toEqual({ store: false, phrases: false, copyright: false });
  });
});

describe('dates (patterns tried only where a 19xx/20xx year occurs)', () => {
  it('still finds every form of date, and nothing without a year', () => {
    expect(parseDate('Published 2025-05-16 at noon')).toBe('2025-05-16');
    expect(parseDate('16th May, 2025')).toBe('2025-05-16');
    expect(parseDate('Sept. 3 1999')).toBe('1999-09-03');
    expect(parseDate('x2019-02-29')).toBeUndefined(); // not a real day
    expect(parseDate('May 16, 2125')).toBeUndefined();
    expect(parseDate('May 16, 1899')).toBeUndefined();
    expect(parseDate('May 16')).toBeUndefined();
    expect(inferDate(['Friday, 16 May 2025 17:41'])).toBe('2025-05-16');
  });
});

describe('file names relative to the root', () => {
  it('match path.relative for resolved and unresolved paths and roots', () => {
    const roots = ['/adv', '/adv/', '/adv/../adv', '/adv/.', '//adv', '/adv/sub/..'];
    const paths = ['/adv/x.txt', '/adv/sub/x.txt', '/adv//x.txt', '/adv/./x.txt', '/adv/../adv/x.txt', '/adv/..x.txt', '/adv/sub/.../x.txt', '/advx/y.txt'];
    for (const root of roots) {
      for (const p of paths) {
        const rel = path.relative(root, p);
        const expected = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.basename(p);
        expect(parseSource({ path: p, text: 'Some text.' }, 0, root).file).toBe(expected);
      }
    }
  });
});
