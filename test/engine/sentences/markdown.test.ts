import { describe, expect, it } from 'vitest';
import { draftSentences, proseSpans } from '../../../src/engine/sentences';

describe('proseSpans and draftSentences', () => {
  const draft = [
    '---', // 0
    'title: Draft', // 1
    'tags: [a, b]', // 2
    '---', // 3
    '# Talks in Istanbul', // 4
    '', // 5
    'The talks lasted less than two hours. Both sides agreed to', // 6
    'swap 1,000 prisoners.[^1]', // 7
    '', // 8
    '```js', // 9
    'const x = "Not prose. At all.";', // 10
    '```', // 11
    '', // 12
    '<!-- TODO: check this. Really. -->', // 13
    '', // 14
    '- Zelensky called Putin "afraid".', // 15
    '- Rubio met officials', // 16
    '', // 17
    '> Russia rejected the terms.', // 18
    '', // 19
    'See [the report](https://example.com/a.b/2025.html) and run `npm test. now` please.', // 20
    '', // 21
    '    indented code. Not prose.', // 22
    '', // 23
    '[^1]: BBC, 16 May 2025. Source note.', // 24
    '[ref]: https://example.com/ref', // 25
    '',
  ].join('\n');

  it('yields only the prose sentences, with exact offsets and lines', () => {
    const out = draftSentences(draft, 'markdown');
    for (const s of out) expect(s.text).toBe(draft.slice(s.start, s.end));
    expect(out.map((s) => [s.text, s.line])).toEqual([
      ['Talks in Istanbul', 4],
      ['The talks lasted less than two hours.', 6],
      ['Both sides agreed to\nswap 1,000 prisoners.', 6],
      ['Zelensky called Putin "afraid".', 15],
      ['Rubio met officials', 16],
      ['Russia rejected the terms.', 18],
      // link URL and inline code are skipped over: the sentence runs across them
      ['See [the report](https://example.com/a.b/2025.html) and run `npm test. now` please.', 20],
    ]);
    expect(out[0]!.character).toBe(2);
    expect(out[3]!.character).toBe(2);
    expect(out[5]!.character).toBe(2);
    // paragraphs: heading, paragraph, list items, quote, last paragraph
    expect(out.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 3, 4, 5]);
  });

  it('proseSpans leaves out URLs, inline code, comments, footnotes and markers', () => {
    const spans = proseSpans(draft).map((s) => draft.slice(s.start, s.end));
    const all = spans.join('|');
    for (const gone of ['https://example.com/a.b', 'npm test', 'TODO', 'Not prose', 'Source note', '[ref]', 'title: Draft', '# ', '- ', '> ', '[^1]']) {
      expect(all, gone).not.toContain(gone);
    }
    expect(spans).toContain('the report');
    expect(spans).toContain('Talks in Istanbul');
  });

  it('plaintext drafts: soft line breaks, paragraphs at blank lines', () => {
    const out = draftSentences('One line\ncontinues here. Two.\n\nThree.', 'plaintext');
    expect(out.map((s) => [s.text, s.paragraph])).toEqual([
      ['One line\ncontinues here.', 0],
      ['Two.', 0],
      ['Three.', 1],
    ]);
  });

  it('handles setext headings, numbered lists and task items', () => {
    const md = 'Heading\n=======\n\n1. First item.\n2) Second item\n- [x] Done task\n';
    expect(draftSentences(md, 'markdown').map((s) => s.text)).toEqual(['Heading', 'First item.', 'Second item', 'Done task']);
  });

  it('never throws on odd input', () => {
    for (const md of ['', '---', '```', '<!--', '[', '[a](', '`', '> > >', '#', '\r\n\r\n']) {
      expect(() => draftSentences(md, 'markdown')).not.toThrow();
    }
  });
});
