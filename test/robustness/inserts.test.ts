/**
 * What Sourcewise writes into a draft from a source (quick fixes, citation completion, "Cite …"
 * actions, the cite commands) is plain text: a source's images, HTML, links and line breaks
 * (in its text, its outlet, its title or its file name) never become live Markdown in the draft.
 * Each draft is parsed with markdown-it after the edit, as a preview would render it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { applyEdits } from '../../src/server/citations';
import type { TextEdit } from '../../src/engine/types';
import { Client, ensureBuilt } from './harness/lsp';

const IMG = '![x](https://evil.example/p.png)';
const HTML = '<img src=https://evil.example/q.png>';
const LINK = '[click](command:workbench.action.quit)';
const SCRIPT = '<script>alert(1)</script>';
// A newline in a front-matter value: a link definition and an image line of their own, if pasted as they are.
const SOURCE = `---
outlet: "Evil Gazette\\n\\n[ref]: https://evil.example/def\\n![i](https://evil.example/i.png)"
title: "Bridge ${HTML} opens\\n# Heading"
date: "2024-03-12\\n<iframe src=https://evil.example/f>"
---

The bridge cost $42 million ${IMG} ${HTML} ${LINK} \`code\` **bold** according to Mayor Elena Ruiz.

"We built it ${SCRIPT} together for every family in Port Alden," Mayor Elena Ruiz said.

Mayor Elena Ruiz opened the bridge on Tuesday.
`;
// A file name that closes a link and opens another.
const FILE = 'bridge](javascript:alert(1)).md';
// A plain-text source keeps its markup as it is (a Markdown source's images and HTML are read as prose).
const TEXT = `Port Alden Courier\n\nThe harbour bridge cost $42 million ${IMG} ${HTML} in all, the council said.\n\nThe council met on Tuesday.\n`;

// As VS Code's preview reads Markdown: HTML on, links without <> recognised, but not bare domain names.
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });

/** Tokens of a Markdown document, inline children included. */
function tokens(text: string): { type: string; attrs: [string, string][] | null; content: string }[] {
  return md.parse(text, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}

/**
 * The draft after the edits renders no image, no HTML, and no link but to a file, and holds no
 * control character; what was live markup in the source is there as text.
 */
function expectPlain(before: string, edits: TextEdit[], where: string): string {
  const after = applyEdits(before, edits);
  const count = (text: string) => {
    const n = new Map<string, number>();
    for (const t of tokens(text)) n.set(t.type, (n.get(t.type) ?? 0) + 1);
    return n;
  };
  const was = count(before);
  const now = count(after);
  // No image, HTML, code, emphasis or heading that the draft did not have.
  for (const type of ['image', 'html_inline', 'html_block', 'code_inline', 'strong_open', 'em_open', 'heading_open', 's_open']) {
    expect(now.get(type) ?? 0, `${where}: ${type} in ${after}`).toBe(was.get(type) ?? 0);
  }
  for (const t of tokens(after)) {
    if (t.type === 'link_open') {
      // Only a link-style citation adds a link, and only to the source's file.
      const href = t.attrs?.find(([k]) => k === 'href')?.[1] ?? '';
      expect(new URL(href, 'file:///drafts/').protocol, `${where}: link in ${after}`).toBe('file:');
      expect(href, where).not.toMatch(/evil|command/);
    }
  }
  expect(after, where).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  // Every line added is a footnote definition (one line each) or blank, or the edited line itself.
  const old = new Set(before.split('\n'));
  for (const line of after.split('\n')) {
    if (old.has(line) || line.startsWith('[^') || line === '') continue;
    expect(line, `${where}: a line of its own: ${JSON.stringify(line)}`).toMatch(/^(?:The |")/);
  }
  return after;
}

let ws: string;
let client: Client;
let corpus: Corpus;
beforeAll(async () => {
  ensureBuilt();
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-inserts-'));
  fs.mkdirSync(path.join(ws, 'sources'));
  fs.writeFileSync(path.join(ws, 'sources', FILE), SOURCE);
  fs.writeFileSync(path.join(ws, 'sources', 'a.txt'), TEXT);
  ({ corpus } = await Corpus.load([path.join(ws, 'sources')], { cacheDir: false }));
  client = new Client(ws);
  await client.initialize(ws);
}, 60_000);
afterAll(async () => {
  await client?.stop();
  if (ws) fs.rmSync(ws, { recursive: true, force: true });
});

const FIGURE_DRAFT = '# Bridge\n\nThe bridge cost $55 million, according to Mayor Elena Ruiz.\n';
const QUOTE_DRAFT = '# Bridge\n\n"We built it together for every family in Port Alden," Mayor Elena Ruiz said.\n';

describe('quick fixes paste source text as plain text', () => {
  for (const style of ['footnote', 'link', 'pandoc'] as const) {
    it(`every fix of the figure finding (citation style ${style}), the footnote's outlet, title, date and excerpt included`, () => {
      const found = corpus.check(FIGURE_DRAFT, { citationStyle: style }).filter((d) => d.fixes.length);
      expect(found.some((d) => d.code === 'contradiction')).toBe(true);
      for (const d of found) for (const f of d.fixes) expectPlain(FIGURE_DRAFT, f.edits, `${d.code}: ${f.title}`);
    });
  }

  it('the footnote "Use $42 million and cite a.txt" inserts keeps the source\'s markup as text', () => {
    const draft = '# Bridge\n\nThe harbour bridge cost $55 million in all, the council said.\n';
    const found = corpus.check(draft).filter((d) => d.code === 'contradiction');
    const cite = found.flatMap((d) => d.fixes).find((f) => / and cite .*Courier|a\.txt/.test(f.title));
    expect(cite, JSON.stringify(found.map((d) => d.fixes.map((f) => f.title)))).toBeDefined();
    const after = expectPlain(draft, cite!.edits, cite!.title);
    // A reader of the preview sees what the source says, as text.
    expect(md.render(after)).toContain('&lt;img src=https://evil.example/q.png&gt;');
    expect(md.render(after)).toContain('![x](https://evil.example/p.png)');
  });

  it('"Restore the exact quote" keeps the <script> tags as text, not as HTML', () => {
    const found = corpus.check(QUOTE_DRAFT).filter((d) => d.fixes.length);
    const restore = found.flatMap((d) => d.fixes).find((f) => /Restore the exact quote/.test(f.title));
    expect(restore, JSON.stringify(found.map((d) => d.message))).toBeDefined();
    const after = expectPlain(QUOTE_DRAFT, restore!.edits, restore!.title);
    expect(md.render(after)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('citations from the language server paste source text as plain text', () => {
  async function open(name: string, text: string): Promise<string> {
    const uri = pathToFileURL(path.join(ws, name)).href;
    client.open(uri, text);
    await client.publishFor(uri);
    return uri;
  }

  it('citation completion on [^ and [@', async () => {
    for (const trigger of ['[^', '[@']) {
      const text = `# Bridge\n\nThe bridge cost $42 million, according to Mayor Elena Ruiz.${trigger}\n`;
      const uri = await open(`complete-${trigger === '[^' ? 'fn' : 'pandoc'}.md`, text);
      const list = (await client.conn.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 2, character: text.split('\n')[2]!.length },
      })) as { items: { label: string; textEdit: TextEdit; additionalTextEdits?: TextEdit[] }[] };
      expect(list.items.length).toBeGreaterThan(0);
      for (const item of list.items) expectPlain(text, [item.textEdit, ...(item.additionalTextEdits ?? [])], `completion ${trigger} ${item.label}`);
    }
  });

  for (const style of ['footnote', 'link'] as const) {
    it(`the "Cite …" code actions and the cite commands (citation style ${style})`, async () => {
      client.config = { citationStyle: style };
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      await new Promise((r) => setTimeout(r, 300));
      const text = '# Bridge\n\nThe bridge cost $42 million, according to Mayor Elena Ruiz.\n';
      const uri = await open(`cite-${style}.md`, text);
      const position = { line: 2, character: 10 };
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      })) as { title: string; edit?: { changes: Record<string, TextEdit[]> } }[];
      const cites = actions.filter((a) => a.title.startsWith('Cite '));
      expect(cites.length).toBeGreaterThan(0);
      for (const a of cites) {
        expectPlain(text, a.edit!.changes[uri]!, a.title);
        // A code action's title is shown as one line.
        expect(a.title).not.toMatch(/[\r\n]/);
      }
      const cands = (await client.conn.sendRequest('workspace/executeCommand', {
        command: 'sourcewise.citeCandidates',
        arguments: [{ uri, position }],
      })) as { items: { edits: TextEdit[] }[] };
      expect(cands.items.length).toBeGreaterThan(0);
      for (const c of cands.items) expectPlain(text, c.edits, 'citeCandidates');
      const doc = corpus.docs[0]!;
      const line = doc.text.split('\n').findIndex((l) => l.includes('$42 million'));
      const one = (await client.conn.sendRequest('workspace/executeCommand', {
        command: 'sourcewise.citationFor',
        arguments: [{ uri, position: { line: 2, character: text.split('\n')[2]!.length }, source: { path: doc.path, line, text: doc.text.split('\n')[line] } }],
      })) as { edits: TextEdit[] };
      expect(one.edits.length).toBeGreaterThan(0);
      expectPlain(text, one.edits, 'citationFor');
    });
  }

  it('a second citation of the same source reuses its footnote (the escaped file name is recognised)', async () => {
    client.config = { citationStyle: 'footnote' };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    const text = '# Bridge\n\nThe bridge cost $42 million, according to Mayor Elena Ruiz.\n';
    const uri = await open('reuse.md', text);
    const cite = async (t: string, line: number) =>
      (
        (await client.conn.sendRequest('workspace/executeCommand', {
          command: 'sourcewise.citeCandidates',
          arguments: [{ uri, position: { line, character: 10 } }],
        })) as { items: { edits: TextEdit[] }[] }
      ).items[0]!.edits;
    const once = applyEdits(text, await cite(text, 2));
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: once }] });
    await new Promise((r) => setTimeout(r, 200));
    const twice = applyEdits(once, await cite(once, 2));
    expect(twice.match(/^\[\^\d+\]:/gm)).toHaveLength(1);
  });
});
