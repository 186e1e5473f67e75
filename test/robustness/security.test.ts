/**
 * Security: hostile source text renders as text (hover, fact sheet, CLI), the one
 * webview (the fact sheet) runs no script and links only to its own command, the
 * bundles make no network requests and run nothing from the workspace, and an
 * untrusted workspace's files are never read as sources.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ensureBuilt, REPO } from './harness/lsp';
import { SERVER_NODE_FLAGS } from '../../src/server/flags';
import { factSheetHtml, type FactSheetData } from '../../src/extension/factsHtml';

const HOSTILE = [
  '<script>alert(1)</script>',
  '[click here](command:workbench.action.quit)',
  '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D "t")',
  '<img src=x onerror=alert(1)>',
  '<a href="command:workbench.action.quit">quit</a>',
  '![x](https://evil.example/track.png)',
  '<https://evil.example>',
  '`code` ``double`` ```fence```',
  '<!-- comment --> &lt;b&gt; <iframe src="javascript:alert(1)"></iframe>',
];
const SOURCE = `---
title: "Bridge <script>alert(1)</script> [t](command:workbench.action.quit)"
outlet: "Evil <img src=x onerror=alert(1)> [Gazette](command:workbench.action.quit)"
date: 2024-03-12
---

Mayor Elena Ruiz opened the bridge on Tuesday. ${HOSTILE.join(' ')}

The bridge cost $42 million, according to Mayor Elena Ruiz. ${HOSTILE.slice(0, 4).join(' ')}

"We built it ${HOSTILE[1]} together <script>x()</script>," Mayor Elena Ruiz said.
`;

/** Asserts a Markdown string contains no live link other than file:// lines and the fact-sheet command, and no raw HTML. */
function expectInert(md: string, where: string): void {
  // Links: every unescaped `](target` goes to a file line or sourcewise.showFacts.
  for (const m of md.matchAll(/(?<!\\)\]\(\s*<?([^)\s>]+)/g)) {
    expect(m[1], `${where}: link target in ${md}`).toMatch(/^(?:file:\/\/\/|command:sourcewise\.showFacts\?)/);
  }
  // No unescaped command: autolinks or reference definitions.
  expect(md, where).not.toMatch(/(?<!\\)<(?:command|https?|javascript):/i);
  expect(md, where).not.toMatch(/^\s*\[[^\]]*\]:\s*(?:command|javascript):/im);
  // No raw HTML tag: every `<` is escaped.
  expect(md, where).not.toMatch(/(?<!\\)<\/?[a-z!]/i);
  // Hostile words are there, as text.
  expect(md, where).toMatch(/script|onerror|workbench/);
  // Backticks from sources are escaped, so they cannot open code spans that swallow the escaping.
  expect(md, where).not.toMatch(/(?<!\\)`/);
}

let ws: string;
let client: Client;
beforeAll(async () => {
  ensureBuilt();
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-sec-'));
  fs.mkdirSync(path.join(ws, 'sources'));
  fs.writeFileSync(path.join(ws, 'sources', 'hostile.md'), SOURCE);
  client = new Client(ws);
  await client.initialize(ws);
}, 60_000);
afterAll(async () => {
  await client?.stop();
  if (ws) fs.rmSync(ws, { recursive: true, force: true });
});

describe('hostile source text renders as text', () => {
  it('in the hover on a name, on a figure and on a finding', async () => {
    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    const text = 'Mayor Elena Ruiz opened the bridge. The bridge cost $55 million, according to Mayor Elena Ruiz.\n';
    client.open(uri, text);
    await client.publishFor(uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
    const hovers: string[] = [];
    for (const needle of ['Elena', '$55', '55 million']) {
      const character = text.indexOf(needle) + 2;
      const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } })) as {
        contents: { value: string };
      } | null;
      expect(h, needle).not.toBeNull();
      hovers.push(h!.contents.value);
      expectInert(h!.contents.value, `hover on ${needle}`);
    }
    expect(hovers.join('\n')).toMatch(/command:sourcewise\.showFacts|file:\/\/\//);
  });

  it('in the fact sheet document and the browse data', async () => {
    const facts = (await client.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: 'Elena Ruiz' }] })) as {
      markdown: string | null;
    };
    expect(facts.markdown).toBeTruthy();
    expectInert(facts.markdown!, 'fact sheet');
  });

  it('in the fact sheet view: the page has no script, and its only links open a source through sourcewise.openSource', async () => {
    const facts = (await client.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: 'Elena Ruiz' }] })) as {
      sheet?: FactSheetData;
    };
    expect(facts.sheet).toBeDefined();
    const html = factSheetHtml(facts.sheet!, { cspSource: 'https://webview.invalid', nonce: 'n0nce' });
    expect(html).toMatch(/script|onerror|workbench/); // the hostile words are there, as text
    const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase());
    const allowed = new Set(['a', 'b', 'body', 'div', 'h1', 'h2', 'h3', 'head', 'html', 'i', 'li', 'meta', 'p', 'q', 'span', 'style', 'title', 'ul']);
    for (const t of tags) expect(allowed.has(t), `<${t}> in the page`).toBe(true);
    // No event handler or other live attribute in any tag (the hostile "onerror" is text, escaped).
    // (Attribute values are quoted and escaped: source text in a title="" stays a string.)
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      expect((tag.match(/"/g) ?? []).length % 2, tag).toBe(0); // every value closed inside its tag
      expect(tag.replace(/"[^"]*"/g, '""'), tag).not.toMatch(/\son[a-z]+=|javascript:|\bsrc=/i);
    }
    for (const m of html.matchAll(/\bhref="([^"]*)"/g)) expect(m[1]).toMatch(/^command:sourcewise\.openSource\?%5B%22file%3A%2F%2F%2F/);
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]).toBe(
      "default-src 'none'; img-src https://webview.invalid; style-src 'nonce-n0nce';",
    );
  });

  it("in the CLI's facts Markdown", () => {
    const out = execFileSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'facts', 'Elena Ruiz', '--sources', path.join(ws, 'sources')], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(ws, '.cache') },
    });
    expect(out).toMatch(/Elena Ruiz/);
    expectInert(out, 'cli facts');
    // A source line break cannot start a Markdown block of its own (headings, HTML blocks).
    for (const line of out.split('\n')) expect(line, line).not.toMatch(/^\s*<|^\s{4,}\S.*<script/);
  });
});

describe('one locked-down webview, no network, nothing run from the workspace', () => {
  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  }
  const SRC = files(path.join(REPO, 'src')).filter((f) => f.endsWith('.ts'));

  it('src/ creates one webview, the fact sheet, with scripts off, no local files, and command links to sourcewise.openSource only', () => {
    const makers = SRC.filter((f) => /createWebviewPanel|registerWebviewViewProvider|createWebviewView|registerWebviewPanelSerializer/.test(fs.readFileSync(f, 'utf8')));
    expect(makers.map((f) => path.relative(REPO, f))).toEqual([path.join('src', 'extension', 'commands.ts')]);
    const code = fs.readFileSync(makers[0]!, 'utf8');
    expect(code.match(/createWebviewPanel\(/g)).toHaveLength(1);
    expect(code).toMatch(/\{ enableScripts: false, enableCommandUris: \[OPEN_SOURCE_COMMAND\], localResourceRoots: \[\] \}/);
    expect(fs.readFileSync(path.join(REPO, 'src', 'extension', 'factsHtml.ts'), 'utf8')).toMatch(/export const OPEN_SOURCE_COMMAND = 'sourcewise\.openSource';/);
  });

  it('src/ imports no network or process module and loads no code dynamically', () => {
    // The one thread Sourcewise starts is its own search thread, from the script bundled beside
    // the running bundle (dist/search-worker.js): the server and the command line never name another.
    const THREAD = [path.join('engine', 'search-thread', 'index.ts'), path.join('engine', 'search-thread', 'worker.ts')];
    for (const f of SRC) {
      const s = fs.readFileSync(f, 'utf8');
      expect(s, f).not.toMatch(/from ['"](?:node:)?(?:http|https|http2|net|tls|dgram|child_process|vm)['"]/);
      if (!THREAD.some((t) => f.endsWith(t))) expect(s, f).not.toMatch(/from ['"](?:node:)?worker_threads['"]/);
      if (/[\\/](?:server|cli|extension)[\\/]/.test(f)) expect(s, f).not.toMatch(/searchThread\s*:(?!\s*false\b)/);
      // (type-only `import('x').Type` is fine: it is erased at build time)
      const code = s.replace(/\bimport\((['"])[^'"]+\1\)\.[A-Z]\w*/g, '');
      expect(code, f).not.toMatch(/\brequire\(|\bimport\(|\beval\(|new Function\(|\bfetch\(|XMLHttpRequest|WebSocket/);
    }
  });

  /**
   * Which bundled module each dangerous `require` comes from. Allowed, and why:
   * - extension.js: child_process in vscode-languageclient/lib/node/{main,processes}.js — the
   *   LanguageClient forks dist/server.js (TransportKind.ipc; our ServerOptions name only that
   *   module) and, on Windows, runs taskkill on it at shutdown.
   * - both: net in vscode-jsonrpc/lib/node/main.js — local pipe/socket transports of the JSON-RPC
   *   connection (we use IPC/stdio), never a network address.
   * - server.js: child_process in vscode-languageserver/lib/node/files.js — resolveGlobalNodePath
   *   (runs `npm config get prefix`), only reached through resolveModulePath, which src/server never calls.
   * - server.js: worker_threads in src/engine/search-thread/index.ts — the search thread of a full
   *   check, started from dist/search-worker.js beside the server (see the test above).
   */
  const ALLOWED: Record<string, Record<string, string[]>> = {
    'dist/extension.js': {
      child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
      net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
    },
    'dist/server.js': {
      child_process: ['node_modules/vscode-languageserver/lib/node/files.js'],
      net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
      worker_threads: ['src/engine/search-thread/index.ts'],
    },
  };

  for (const bundle of Object.keys(ALLOWED)) {
    it(`${bundle} makes no network requests and runs only the language server`, () => {
      const text = fs.readFileSync(path.join(REPO, bundle), 'utf8');
      const found: Record<string, Set<string>> = {};
      let mod = '(bundle prelude)';
      for (const line of text.split('\n')) {
        const m = /^\/\/ ((?:node_modules|src)\/\S+)/.exec(line);
        if (m) mod = m[1]!;
        for (const r of line.matchAll(/require\(["'](?:node:)?([a-z_0-9/]+)["']\)/g)) {
          if (/^(?:http|https|http2|net|tls|dgram|child_process|vm|worker_threads|inspector)$/.test(r[1]!)) (found[r[1]!] ??= new Set()).add(mod);
        }
        for (const pat of [/\bfetch\(/, /XMLHttpRequest/, /\bWebSocket\b/, /(?<![.\w])eval\(/, /new Function\(/]) {
          if (pat.test(line)) (found[String(pat)] ??= new Set()).add(mod);
        }
      }
      const got = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]));
      expect(got).toEqual(ALLOWED[bundle]);
      if (bundle === 'dist/server.js') {
        for (const f of SRC.filter((x) => x.includes(`${path.sep}server${path.sep}`))) {
          expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/resolveModulePath|resolveGlobalNodePath|resolveGlobalYarnPath|resolve\(\s*moduleName/);
        }
      } else {
        // The only process the extension starts is the bundled server, as a node module over IPC.
        const main = fs.readFileSync(path.join(REPO, 'src/extension/main.ts'), 'utf8');
        expect(main).toMatch(/asAbsolutePath\(path\.join\('dist', 'server\.js'\)\)/);
        expect(main).toMatch(/run: \{ module: serverModule, transport: TransportKind\.ipc, options: \{ execArgv: \[\.\.\.SERVER_NODE_FLAGS\] \} \}/);
        expect(main).not.toMatch(/command:\s/);
        // With Node flags that size its heap and nothing else (no inspector, no preloaded code).
        expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
        for (const f of SERVER_NODE_FLAGS) expect(f).toMatch(/^--(?:min|max)-semi-space-size=\d+$|^--max-old-space-size=\d+$/);
      }
    });
  }
});

describe('untrusted and virtual workspaces', () => {
  it('package.json declares both capabilities and restricts sourcewise.sources', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] }; virtualWorkspaces: { supported: unknown } };
    };
    expect(['limited', false, true]).toContain(pkg.capabilities.untrustedWorkspaces.supported);
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('sourcewise.sources');
    expect(['limited', false, true]).toContain(pkg.capabilities.virtualWorkspaces.supported);
    const ext = fs.readFileSync(path.join(REPO, 'src/extension/main.ts'), 'utf8');
    expect(ext).toMatch(/trusted: vscode\.workspace\.isTrusted/);
    expect(ext).toMatch(/onDidGrantWorkspaceTrust/);
  });

  it('an untrusted workspace reads only the bundled seeds, never its own sources, until trust is granted', async () => {
    const uws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-untrusted-'));
    fs.mkdirSync(path.join(uws, 'sources'));
    fs.writeFileSync(path.join(uws, 'sources', 'local.md'), SOURCE);
    fs.writeFileSync(path.join(uws, 'sources', 'other.md'), '# Other\n\nThe harbour bridge cost $42 million.\n');
    const c = new Client(uws);
    // Settings that would point anywhere: ignored in restricted mode.
    c.config = { sources: ['sources/**/*.md'], bundledSeeds: 'never' };
    try {
      await c.initialize(uws, { trusted: false });
      const done = c.statuses.filter((s) => !s.indexing).pop()!;
      expect(done.sources).toBe(fs.readdirSync(path.join(REPO, 'seeds')).length);
      expect(done.message).toMatch(/Restricted mode/);
      const browse = (await c.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] })) as {
        sources: { file: string; path?: string }[];
      };
      expect(browse.sources.map((s) => s.file).sort()).toEqual(fs.readdirSync(path.join(REPO, 'seeds')).sort());
      const uri = pathToFileURL(path.join(uws, 'draft.md')).href;
      c.open(uri, 'The bridge cost $55 million, according to Mayor Elena Ruiz. The talks lasted three hours.\n');
      const pub = await c.publishFor(uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
      // Only the seed's fact is checked; the workspace's $42 million is unknown.
      expect(pub.diagnostics.filter((d) => d.code === 'contradiction').map((d) => d.range.start.character)).toEqual([
        'The bridge cost $55 million, according to Mayor Elena Ruiz. The talks lasted '.length,
      ]);
      // A watched-file event for a workspace source changes nothing.
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(uws, 'sources', 'local.md')).href, type: 2 }] });
      // Trust granted: the workspace's sources are read.
      const before = c.statuses.length;
      c.notify('sourcewise/trust', { trusted: true });
      await c.until(() => c.statuses.slice(before).some((s) => !s.indexing && s.sources === 2), 30_000, 'reindex after trust');
    } finally {
      await c.stop();
      fs.rmSync(uws, { recursive: true, force: true });
    }
  }, 90_000);
});
