/**
 * draftText: what a renderer shows for a source's text pasted into a draft is exactly that text
 * (on one line, without control characters): no markup in it takes effect.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { draftText, oneLine, pathTarget } from '../../../src/engine/text/plain';

// As VS Code's preview reads Markdown: HTML on, links without <> recognised, but not bare domain names.
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });
const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What markdown-it shows for `text` as a paragraph of its own. */
const shown = (text: string) => md.render(text).replace(/^<p>|<\/p>\n$/g, '');

const PIECES = ['<', '>', '<img src=x>', '</script>', '<!--', '![x](y)', '[a](b)', '[^1]', '[r]: http://e', '*', '**', '_', '__', '`', '```', '~~', '|', '#', '# ', '- ', '+ ', '1. ', '2) ', '=', '---', '\\', '&amp;', '&#60;', '&', 'https://evil.example/p.png', 'www.evil.com', 'a@evil.com', ' ', '  ', '\n', '\r\n', '\t', '\u001b[2J', '\u202e', '\u0085', '\u2028', 'word', 'Ünïcödé', '😀', '$42', '1.5', 'x_y', '(', ')', '!', ':', '.'];

describe('draftText', () => {
  it('renders as exactly its text, whatever markup that holds (4,000 random strings)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const plain = oneLine(text);
        if (!plain) return;
        expect(shown(draftText(text))).toBe(html(plain));
      }),
      { numRuns: 4000, seed: 13 },
    );
  });

  it('renders as exactly its text for arbitrary Unicode strings too (2,000)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const plain = oneLine(text);
        if (!plain) return;
        // Markdown replaces U+0000 with U+FFFD; oneLine has removed it already.
        expect(shown(draftText(text))).toBe(html(plain));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('is one line without control characters', () => {
    expect(draftText('Evil\n\n[ref]: https://e\r\n![i](x)\u001b]0;t\u0007\u202e end')).toBe('Evil \\[ref\\]: https\\:\\//e !\\[i\\](x)\\]0;t end');
  });

  it('leaves ordinary prose, figures and names as they are', () => {
    for (const t of ['gazette.md', 'Reuters.com', 'The bridge cost $42 million.', '1,000 prisoners', 'less than two hours', 'Rustem Umerov', 'snake_case words', '3.5%', 'U.S. officials', 'May 16, 2025', "Zelensky's office"]) {
      expect(draftText(t)).toBe(t);
    }
  });
});

describe('pathTarget', () => {
  it('encodes what would end a link target or make a relative path a scheme', () => {
    expect(pathTarget('/s/bridge](javascript:alert(1)).md')).toBe('/s/bridge%5D%28javascript%3Aalert%281%29%29.md');
    expect(pathTarget('javascript:alert(1).md')).toBe('javascript%3Aalert%281%29.md');
    expect(pathTarget('/s/a b#c?.md')).toBe('/s/a%20b%23c%3F.md');
    expect(pathTarget('C:/s/a.md')).toBe('C:/s/a.md');
    expect(new URL(pathTarget('javascript:alert(1).md'), 'file:///d/').protocol).toBe('file:');
  });
});
