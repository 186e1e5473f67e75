/**
 * How a source is named wherever a writer meets it: its outlet, else its title, else a short
 * form of its file name; and the one footnote format every citation uses.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { footnoteText } from '../../src/engine/citations';
import { Corpus } from '../../src/engine/corpus';
import { evidenceName, shortFileName, sourceName } from '../../src/engine/store';
import { apply } from '../helpers/text';

const REPO = path.resolve(__dirname, '../..');
const EXAMPLE = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8');
let corpus: Corpus;

beforeAll(async () => {
  ({ corpus } = await Corpus.load([path.join(REPO, 'seeds')], { cacheDir: false }));
});

describe('sourceName', () => {
  it('is the outlet, else the title, else a short file name', () => {
    expect(sourceName({ outlet: 'BBC', title: 'Talks end', file: 'a.txt' })).toBe('BBC');
    expect(sourceName({ title: 'Talks end without a truce', file: 'a.txt' })).toBe('Talks end without a truce');
    expect(sourceName({ file: 'news/001_01a9af86f3416eef.txt' })).toBe('001_01a9af…');
    expect(sourceName({ file: 'harbor-gazette.md' })).toBe('harbor-gazette');
  });

  it('shortens a long title at a word', () => {
    const name = sourceName({ title: 'Ukraine and Russia’s talks in Istanbul were symbolically important - but revealed a stark reality', file: 'x.txt' });
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/^Ukraine and Russia’s talks in Istanbul were symbolically\S*…$/);
  });

  it('keeps file names without a hash as they are, minus the extension', () => {
    expect(shortFileName('2025-05-16-reuters.html')).toBe('2025-05-16-reuters');
    expect(shortFileName('deadbeef12345678.md')).toBe('deadbe…');
    expect(shortFileName('abcdefabcdefab.md')).toBe('abcdefabcdefab'); // letters only: a word, not a hash
  });

  it('names evidence the same way', () => {
    expect(evidenceName({ source: '001_01a9af86f3416eef.txt' })).toBe('001_01a9af…');
    expect(evidenceName({ source: 'a.txt', outlet: 'BBC' })).toBe('BBC');
  });
});

describe('sources named in findings', () => {
  it('no message or fix title of the example draft shows a raw file name', () => {
    const diags = corpus.check(EXAMPLE);
    expect(diags.length).toBeGreaterThan(5);
    for (const d of diags) {
      expect(d.message, d.message).not.toMatch(/\.txt\b|[0-9a-f]{12}/);
      for (const f of d.fixes) expect(f.title, f.title).not.toMatch(/\.txt\b|[0-9a-f]{12}/);
      for (const ev of d.evidence) expect(ev.name).toBeTruthy();
    }
    // The two seeds with neither outlet nor title go by their short file names.
    expect(diags.map((d) => d.message).join('\n')).toMatch(/001_01a9af…/);
  });

  it('a "cite" fix inserts the same footnote text as every other citation, without the file name twice', () => {
    const diags = corpus.check(EXAMPLE);
    const cites = diags.flatMap((d) => d.fixes.filter((f) => /cite/i.test(f.title)).map((f) => ({ d, f })));
    expect(cites.length).toBeGreaterThan(0);
    for (const { d, f } of cites) {
      const after = apply(EXAMPLE, f.edits);
      const def = /^\[\^\d+\]: (.*)$/m.exec(after)?.[1];
      expect(def, f.title).toBeDefined();
      const ev = d.evidence.find((e) => def!.includes(` ${e.source}:${e.line + 1} `) || def!.startsWith(`${e.source}:${e.line + 1} `))!;
      expect(ev, def).toBeDefined();
      const doc = corpus.docByPath(ev.path)!;
      expect(def).toBe(footnoteText({ outlet: doc.outlet, title: doc.title, date: doc.date, file: ev.source, line: ev.line, text: ev.text }));
      // The file name appears once, as the locator: never as the source's name as well.
      expect(def!.split(ev.source).length - 1, def).toBe(1);
    }
  });
});

describe('footnoteText', () => {
  it('leaves out what is unknown', () => {
    expect(footnoteText({ file: '001_01a9af86f3416eef.txt', line: 2, text: 'The talks lasted less than two hours.' })).toBe(
      '001_01a9af86f3416eef.txt:3 — "The talks lasted less than two hours."',
    );
    expect(footnoteText({ outlet: 'BBC', title: 'Talks "end"', date: '2025-05-16', file: 'b.txt', line: 0, text: 'He said "no".' })).toBe(
      'BBC, "Talks \'end\'", 2025-05-16. b.txt:1 — "He said \u201Dno\u201D."',
    );
  });

  it('cuts a long excerpt with an ellipsis', () => {
    const text = 'word '.repeat(80).trim();
    const out = footnoteText({ file: 'a.md', line: 0, text });
    expect(out.length).toBeLessThan(230);
    expect(out).toMatch(/…"$/);
  });
});
