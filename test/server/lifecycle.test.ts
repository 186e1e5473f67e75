/**
 * The smaller defects of issue 13, over the language server: the protocol's lifecycle errors,
 * the status after indexing, a non-boolean `trusted`, and hover text (a `)` in an alias's
 * canonical name, a right-to-left override, bare web addresses from a source).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, ensureBuilt, REPO } from '../robustness/harness/lsp';

const cleanup: (() => Promise<void> | void)[] = [];
// Last registered, first undone: a server is stopped before the workspace it writes into is removed.
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
beforeAll(() => ensureBuilt());

function workspace(files: Record<string, string> = {}): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-lifecycle-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    fs.writeFileSync(path.join(ws, name), text);
  }
  cleanup.push(() => fs.rmSync(ws, { recursive: true, force: true, maxRetries: 5 }));
  return ws;
}

function client(ws: string): Client {
  const c = new Client(ws);
  cleanup.push(() => c.stop());
  return c;
}

async function request(c: Client, method: string, params?: unknown): Promise<{ ok: true; result: unknown } | { ok: false; code: number }> {
  try {
    return { ok: true, result: await c.conn.sendRequest(method, params) };
  } catch (err) {
    return { ok: false, code: (err as { code: number }).code };
  }
}

const HOVER = { textDocument: { uri: 'file:///nowhere/draft.md' }, position: { line: 0, character: 0 } };

describe('the protocol lifecycle', () => {
  it('a request before initialize gets ServerNotInitialized (-32002); after shutdown, InvalidRequest (-32600)', async () => {
    const ws = workspace();
    const c = client(ws);
    for (const [method, params] of [
      ['textDocument/hover', HOVER],
      ['textDocument/completion', HOVER],
      ['workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] }],
      ['sourcewise/unknown', {}],
    ] as const) {
      expect(await request(c, method, params), method).toEqual({ ok: false, code: -32002 });
    }
    // A notification before initialize is dropped: no check, no diagnostics.
    c.open(pathToFileURL(path.join(ws, 'early.md')).href, 'The talks lasted three hours.\n');
    await c.initialize(ws);
    expect((await request(c, 'textDocument/hover', HOVER)).ok).toBe(true);
    expect(await request(c, 'initialize', { processId: null, rootUri: null, capabilities: {} })).toEqual({ ok: false, code: -32600 });
    expect(c.publishes.filter((p) => p.uri.endsWith('early.md'))).toEqual([]);
    expect((await request(c, 'shutdown')).ok).toBe(true);
    for (const method of ['textDocument/hover', 'workspace/executeCommand', 'shutdown']) {
      expect(await request(c, method, method === 'workspace/executeCommand' ? { command: 'sourcewise.browseSources', arguments: [] } : HOVER), method).toEqual({ ok: false, code: -32600 });
    }
    // An unknown method while running is still "method not found".
  });

  it('an unknown request while running is MethodNotFound (-32601)', async () => {
    const ws = workspace();
    const c = client(ws);
    await c.initialize(ws);
    expect(await request(c, 'sourcewise/unknown', {})).toEqual({ ok: false, code: -32601 });
  });
});

describe('the status', () => {
  it('no longer says "Indexing sources…" once indexing has ended', async () => {
    const ws = workspace({ 'sources/a.md': '# A\n\nThe talks lasted three hours.\n' });
    const c = client(ws);
    await c.initialize(ws);
    await c.until(() => c.statuses.some((s) => !s.indexing && (s as { analysing?: number }).analysing === undefined), 30_000, 'the analysis to end');
    const done = c.statuses.filter((s) => !s.indexing);
    expect(done.length).toBeGreaterThan(0);
    for (const s of done) expect(s.message ?? '').not.toMatch(/Indexing sources/);
  });
});

describe('workspace trust', () => {
  for (const trusted of ['true', 'false', 1, 0, null, {}]) {
    it(`a trusted value of ${JSON.stringify(trusted)} (not a boolean) is not trust: only the bundled seeds are read`, async () => {
      const ws = workspace({ 'sources/local.md': '# Local\n\nThe harbour bridge cost $42 million.\n' });
      const c = client(ws);
      await c.initialize(ws, { trusted });
      const browse = (await c.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] })) as { sources: { path: string }[] };
      expect(browse.sources.map((s) => s.path).filter((p) => p.startsWith(ws))).toEqual([]);
      expect(c.statuses.filter((s) => !s.indexing).pop()!.message).toMatch(/Restricted mode/);
    });
  }

  it('true, and no value at all (an editor without workspace trust), are trust', async () => {
    for (const init of [{ trusted: true }, {}]) {
      const ws = workspace({ 'sources/local.md': '# Local\n\nThe harbour bridge cost $42 million.\n' });
      const c = client(ws);
      await c.initialize(ws, init);
      const browse = (await c.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] })) as { sources: { path: string }[] };
      expect(browse.sources.map((s) => s.path)).toContain(path.join(ws, 'sources', 'local.md'));
    }
  });
});

describe('hover text from sources', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });
  const facts = [
    'Mayor Elena Ruiz said the bridge cost $42 million.',
    'Mayor Elena Ruiz said 3,000 people came to the opening.',
    'Mayor Elena Ruiz said the works took 18 months.',
    'Mayor Elena Ruiz said 40 workers were hired.',
    'Mayor Elena Ruiz said the toll would be $2.',
    'Mayor Elena Ruiz said 12 buses would use it each hour.',
    'Mayor Elena Ruiz said the span is 600 metres long.',
    '"It is a bridge for everyone \u202Eenoyreve rof\u202C," Mayor Elena Ruiz said.',
    'Mayor Elena Ruiz pointed readers to https://evil.example/about and www.evil.example for details, or to tips@evil.example.',
  ];

  it('keeps the "N more" link whole when the canonical name has a ")", and shows U+202E and addresses as text', async () => {
    const ws = workspace({ 'sources/ruiz.md': `# Bridge\n\n${facts.join('\n\n')}\n` });
    const c = client(ws);
    const canonical = 'Elena Ruiz (Port Alden)';
    c.config = { aliases: { [canonical]: ['Elena Ruiz', 'Mayor Ruiz'] } };
    await c.initialize(ws);
    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    const text = 'Mayor Elena Ruiz opened the bridge.\n';
    c.open(uri, text);
    await c.publishFor(uri);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: text.indexOf('Ruiz') + 1 } })) as { contents: { value: string } };
    const value = hover.contents.value;
    const tokens = md.parse(value, {}).flatMap((t) => [t, ...(t.children ?? [])]);
    const links = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrs!.find(([k]) => k === 'href')![1]);
    // The one command link: its arguments are the whole canonical name.
    const more = links.filter((h) => h.startsWith('command:'));
    expect(more).toHaveLength(1);
    expect(JSON.parse(decodeURIComponent(more[0]!.slice('command:sourcewise.showFacts?'.length)))).toEqual([canonical]);
    // Every other link goes to a source line; no address from the source became a link.
    for (const h of links.filter((x) => !x.startsWith('command:'))) expect(h).toMatch(/^file:\/\/\//);
    expect(value).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const all = await c.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: canonical }] }) as { markdown: string };
    const sheet = md.parse(all.markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
    for (const t of sheet.filter((x) => x.type === 'link_open')) expect(t.attrs!.find(([k]) => k === 'href')![1]).toMatch(/^file:\/\/\//);
    expect(all.markdown).toContain('⟨U+202E⟩');
    expect(md.render(all.markdown)).toContain('https://evil.example/about');
    void REPO;
  });
});
