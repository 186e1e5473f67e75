/** The fact sheet's page: readable names and context, safe with any source text, links only to the one command. */
import { describe, expect, it } from 'vitest';
import { factSheetHtml, figureHtml, type FactSheetData } from '../../src/extension/factsHtml';

const ev = (name: string, text: string, line = 3) => ({ name, uri: 'file:///ws/sources/a.txt', line, character: 10, text });

const FIGURE_TEXT = 'Held in a palace, the discussions lasted less than two hours, officials said.';
const SHEET: FactSheetData = {
  name: 'Hakan Fidan',
  kind: 'person',
  aliases: ['Fidan'],
  roles: [{ title: 'Foreign Minister', sources: [ev('BBC', 'Turkish Foreign Minister Hakan Fidan addressed both parties.'), ev('001_01a9af…', 'x')] }],
  figures: [{ evidence: ev('BBC', FIGURE_TEXT), spans: [{ start: FIGURE_TEXT.indexOf('less'), end: FIGURE_TEXT.indexOf(', officials') }] }],
  quotes: [{ text: 'in principle <script>alert(1)</script>', evidence: ev('001_01a9af…', 'y') }],
  mentions: [ev('BBC', 'Fidan spoke first. <img src=x onerror=alert(1)>'), ev('001_01a9af…', 'Fidan said so.', 30)],
};

describe('factSheetHtml', () => {
  const html = factSheetHtml(SHEET, { cspSource: 'https://webview.test', nonce: 'abc123' });

  it('has a content security policy that allows no script and only its own style', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe("default-src 'none'; img-src https://webview.test; style-src 'nonce-abc123';");
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<style nonce="abc123">/);
  });

  it('escapes source text', () => {
    expect(html).toContain('in principle &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img/);
  });

  it('names sources by name and links them to the sentence through the one allowed command', () => {
    expect(html).toMatch(/<span class="title">Foreign Minister<\/span> <span class="by">— <a class="src" [^>]*>BBC<\/a>, <a class="src" [^>]*>001_01a9af…<\/a>/);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(4);
    for (const h of hrefs) {
      expect(h).toMatch(/^command:sourcewise\.openSource\?/);
      expect(JSON.parse(decodeURIComponent(h.slice(h.indexOf('?') + 1)))).toEqual(['file:///ws/sources/a.txt', expect.any(Number), 10]);
    }
    // Not raw Markdown, not an install path.
    expect(html).not.toMatch(/\]\(file:|\.txt:\d+/);
  });

  it('shows each figure with the words around it', () => {
    expect(html).toContain('the discussions lasted <b>less than two hours</b>, officials said.');
  });
});

describe('figureHtml', () => {
  it('cuts long sentences to the figure and its surroundings', () => {
    const text = `${'Words before it. '.repeat(10)}The talks lasted two hours. ${'Words after it. '.repeat(10)}`;
    const start = text.indexOf('two hours');
    const out = figureHtml(text, [{ start, end: start + 9 }], 20);
    expect(out).toMatch(/^…/);
    expect(out).toMatch(/…$/);
    expect(out).toContain('The talks lasted <b>two hours</b>.');
    expect(out.length).toBeLessThan(90);
  });
});
