/**
 * Drives the real language server (`node dist/server.js --stdio`) over JSON-RPC,
 * the way an editor does, against a temporary workspace with made-up sources.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const SERVER = path.join(REPO, 'dist/server.js');

interface Pos { line: number; character: number }
interface Range { start: Pos; end: Pos }
interface TextEdit { range: Range; newText: string }
interface Diag {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: unknown;
}
interface Publish { uri: string; version?: number; diagnostics: Diag[]; at: number }

const FIXTURES = path.join(__dirname, 'fixtures', 'sources');
const GAZETTE = readFileSync(path.join(FIXTURES, 'harbor-gazette.md'), 'utf8');
const TIMES = readFileSync(path.join(FIXTURES, 'coastal-times.md'), 'utf8');

const WRONG = 'The bridge cost $55 million, according to Mayor Elena Ruiz.';
const WRONG2 = 'The bridge cost $60 million, according to Mayor Elena Ruiz.';
const RIGHT = 'The bridge cost $42 million, according to Mayor Elena Ruiz.';
const draftText = (sentence: string) =>
  `# Port Alden's new bridge\n\nPort Alden opened its harbour bridge on Tuesday. ${sentence}\n\nThe opening drew a crowd of residents.\n`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, i).split('\n').length - 1;
}

function posOf(text: string, needle: string, delta = 0): Pos {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function offsetOf(text: string, p: Pos): number {
  const lines = text.split('\n');
  let o = 0;
  for (let l = 0; l < p.line; l++) o += lines[l]!.length + 1;
  return o + p.character;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const spans = edits
    .map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  for (let i = 1; i < spans.length; i++) expect(spans[i]!.e).toBeLessThanOrEqual(spans[i - 1]!.s); // no overlaps
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.s) + sp.t + out.slice(sp.e);
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ws: string;
let proc: ChildProcess;
let conn: MessageConnection;
let stderr = '';
const publishes: Publish[] = [];
const statuses: { sources: number; facts: number; indexing: boolean; analysing?: number; message?: string }[] = [];
let config: Record<string, unknown> = {};
let configRequests = 0;

/** Resolves with the first publish for `uri` (received at or after `since`) that satisfies `pred`. */
async function waitForPublish(uri: string, pred: (p: Publish) => boolean, since = 0, timeout = 15_000): Promise<Publish> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const hit = publishes.find((p, i) => i >= since && p.uri === uri && pred(p));
    if (hit) return hit;
    await sleep(25);
  }
  const seen = publishes.filter((p) => p.uri === uri).map((p) => ({ v: p.version, d: p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`) }));
  throw new Error(`timed out waiting for diagnostics on ${uri}; seen ${JSON.stringify(seen)}\nserver stderr: ${stderr.slice(-2000)}`);
}

/** The last publish for a uri once the server has been quiet for `quietMs`. */
async function settled(uri: string, quietMs = 2200): Promise<Publish> {
  await sleep(quietMs);
  const last = [...publishes].reverse().find((p) => p.uri === uri);
  if (!last) throw new Error(`no diagnostics for ${uri}`);
  return last;
}

const codes = (p: Publish) => p.diagnostics.map((d) => d.code);

const uris: Record<string, string> = {};
const texts: Record<string, string> = {};
const versions: Record<string, number> = {};

/** Sends a notification; a write error surfaces in the next assertion, not as an unhandled rejection. */
function notify(method: string, params?: unknown): void {
  conn.sendNotification(method, params).catch((err: unknown) => {
    stderr += `\n[test] could not send ${method}: ${String(err)}`;
  });
}

function open(name: string, text: string): string {
  const file = path.join(ws, name);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  uris[name] = uri;
  texts[uri] = text;
  versions[uri] = 1;
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return uri;
}

function change(uri: string, text: string): number {
  const version = ++versions[uri]!;
  texts[uri] = text;
  notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return version;
}

beforeAll(async () => {
  const srcNewest = newestMtime(path.join(REPO, 'src'));
  if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < srcNewest) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
  }

  ws = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-lsp-'));
  mkdirSync(path.join(ws, 'sources'));
  // Made-up articles: a figure both give, a mayor both name, outlets in front matter.
  writeFileSync(path.join(ws, 'sources', 'harbor-gazette.md'), GAZETTE);
  writeFileSync(path.join(ws, 'sources', 'coastal-times.md'), TIMES);

  proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  proc.stdin!.on('error', (err) => (stderr += `\n[test] stdin: ${String(err)}`));
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: Omit<Publish, 'at'>) => publishes.push({ ...p, at: Date.now() }));
  conn.onNotification('sourcewise/status', (s: (typeof statuses)[number]) => statuses.push(s));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onNotification('$/progress', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
    configRequests++;
    return p.items.map((i) => (i.section === 'sourcewise' ? config : null));
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.listen();

  const rootUri = pathToFileURL(ws).href;
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
    initializationOptions: { storagePath: path.join(ws, '.storage') },
  })) as { capabilities: Record<string, unknown> };
  expect(init.capabilities.hoverProvider).toBe(true);
  expect((init.capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters).toContain('^');
  notify('initialized', {});

  // Indexing finished with both made-up sources (not the bundled seeds).
  const t0 = Date.now();
  while (!statuses.some((s) => !s.indexing && s.sources === 2)) {
    if (Date.now() - t0 > 20_000) throw new Error(`indexing did not finish: ${JSON.stringify(statuses)}\n${stderr}`);
    await sleep(25);
  }
});

afterAll(async () => {
  try {
    await Promise.race([conn.sendRequest('shutdown'), sleep(2000)]);
    notify('exit');
    await sleep(100);
  } catch {
    /* already gone */
  }
  conn?.dispose();
  proc?.kill();
  if (ws) rmSync(ws, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  let draft: string;
  let contradiction: Diag;

  it('asks the client for the sourcewise settings', () => {
    expect(configRequests).toBeGreaterThan(0);
  });

  it('reports a figure the sources contradict, linking the source line', async () => {
    draft = open('draft.md', draftText(WRONG));
    const pub = await waitForPublish(draft, (p) => codes(p).includes('contradiction'));
    expect(pub.version).toBe(1);
    contradiction = pub.diagnostics.find((d) => d.code === 'contradiction')!;
    expect(contradiction.source).toBe('sourcewise');
    expect(contradiction.severity).toBe(1);
    // The diagnostic is on the wrong sentence's line and covers the figure.
    const text = texts[draft]!;
    expect(contradiction.range.start.line).toBe(lineOf(text, '$55 million'));
    const s = offsetOf(text, contradiction.range.start);
    const e = offsetOf(text, contradiction.range.end);
    expect(text.slice(s, e)).toContain('55');
    // Related information points at the exact source line with the right figure.
    const gazetteUri = pathToFileURL(path.join(ws, 'sources', 'harbor-gazette.md')).href;
    const timesUri = pathToFileURL(path.join(ws, 'sources', 'coastal-times.md')).href;
    const related = contradiction.relatedInformation ?? [];
    expect(related.length).toBeGreaterThan(0);
    const gazette = related.find((r) => r.location.uri === gazetteUri);
    const times = related.find((r) => r.location.uri === timesUri);
    expect(gazette ?? times).toBeDefined();
    if (gazette) expect(gazette.location.range.start.line).toBe(lineOf(GAZETTE, 'The bridge cost $42 million'));
    if (times) expect(times.location.range.start.line).toBe(lineOf(TIMES, 'and cost $42 million'));
    expect(related.some((r) => /42/.test(r.message))).toBe(true);
  });

  it('offers a quick fix that replaces just the figure', async () => {
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draft },
      range: contradiction.range,
      context: { diagnostics: [contradiction], only: ['quickfix'] },
    })) as { title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]> }; command?: { command: string } }[];
    const text = texts[draft]!;
    const fixes = actions.filter((a) => a.edit?.changes?.[draft]?.length === 1);
    const figureFix = fixes.find((a) => {
      const edit = a.edit!.changes![draft]![0]!;
      const replaced = text.slice(offsetOf(text, edit.range.start), offsetOf(text, edit.range.end));
      return /55/.test(replaced) && /42/.test(edit.newText);
    });
    expect(figureFix, JSON.stringify(actions, null, 1)).toBeDefined();
    const edit = figureFix!.edit!.changes![draft]![0]!;
    const replaced = text.slice(offsetOf(text, edit.range.start), offsetOf(text, edit.range.end));
    // Just the figure: not the sentence, not the neighbouring words.
    expect(replaced.length).toBeLessThanOrEqual('$55 million'.length);
    expect(replaced).not.toMatch(/bridge|cost|according/);
    expect(applyEdits(text, [edit])).toBe(draftText(RIGHT));
    // And the writer can accept the claim instead.
    expect(actions.some((a) => a.command?.command === 'sourcewise.acceptClaim')).toBe(true);
  });

  it('clears the contradiction once the figure is fixed', async () => {
    const since = publishes.length;
    const version = change(draft, draftText(RIGHT));
    await waitForPublish(draft, (p) => p.version === version, since);
    const last = await settled(draft);
    expect(last.version).toBe(version);
    expect(codes(last)).not.toContain('contradiction');
  });

  it('shows the role and outlet when hovering a name', async () => {
    const text = texts[draft]!;
    const hover = (await conn.sendRequest('textDocument/hover', {
      textDocument: { uri: draft },
      position: posOf(text, 'Elena Ruiz', 7),
    })) as { contents: { kind: string; value: string } } | null;
    expect(hover).not.toBeNull();
    expect(hover!.contents.kind).toBe('markdown');
    const md = hover!.contents.value;
    expect(md).toMatch(/Ruiz/);
    expect(md).toMatch(/mayor/i);
    expect(md).toMatch(/Harbor Gazette|Coastal Times/);
    expect(md).toMatch(/\]\(file:\/\/\/[^)]*#L\d+\)/);
  });

  it('completes `[^` with citations that add exactly one footnote definition', async () => {
    const body = `# Notes\n\nThe bridge cost $42 million, according to Mayor Elena Ruiz.[^\n\nMore to come.\n`;
    const uri = open('cite.md', body);
    const position = posOf(body, '[^', 2);
    const result = (await conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '^' },
    })) as { items: { label: string; detail?: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }[] } | null;
    const items = result?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining([expect.stringMatching(/Harbor Gazette|Coastal Times/)]));
    for (const item of items) {
      expect(item.textEdit?.newText).toBe('[^1]');
      const defs = (item.additionalTextEdits ?? []).filter((e) => /^\s*\[\^\d+\]:/m.test(e.newText));
      expect(defs).toHaveLength(1);
      const after = applyEdits(body, [item.textEdit!, ...(item.additionalTextEdits ?? [])]);
      expect(after.match(/^\[\^1\]: /gm)).toHaveLength(1);
      expect(after).toContain('Mayor Elena Ruiz.[^1]\n');
      expect(after).toMatch(/^\[\^1\]: .*(harbor-gazette|coastal-times)\.md:\d+ — ".+"$/m);
    }
  });

  it('honours disable comments', async () => {
    // The same wrong sentence twice: only the one under the disable comment is silenced.
    const body = `# Disabled\n\n<!-- sourcewise-disable-next-line -->\n${WRONG}\n\n${WRONG}\n\n<!-- sourcewise-disable -->\n\n${WRONG}\n\n<!-- sourcewise-enable -->\n`;
    const uri = open('disabled.md', body);
    const pub = await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    const lines = pub.diagnostics.filter((d) => d.code === 'contradiction').map((d) => d.range.start.line);
    expect(lines).toEqual([5]);
    expect(body.split('\n')[3]).toBe(WRONG);
    expect(body.split('\n')[5]).toBe(WRONG);
    expect(body.split('\n')[9]).toBe(WRONG);
  });

  it("drops a code whose severity setting is 'off'", async () => {
    const uri = uris['disabled.md']!;
    const since = publishes.length;
    config = { severity: { contradiction: 'off' } };
    notify('workspace/didChangeConfiguration', { settings: null });
    const pub = await waitForPublish(uri, () => true, since);
    expect(codes(pub)).not.toContain('contradiction');
    // Back on, and as a warning this time: the setting really is what changed it.
    const since2 = publishes.length;
    config = { severity: { contradiction: 'warning' } };
    notify('workspace/didChangeConfiguration', { settings: null });
    const back = await waitForPublish(uri, (p) => codes(p).includes('contradiction'), since2);
    expect(back.diagnostics.find((d) => d.code === 'contradiction')!.severity).toBe(2);
    config = {};
  });

  it('hovers a footnote marker with the cited excerpt and goes to the source line', async () => {
    const body = `# Cited\n\nThe bridge cost $42 million.[^1]\n\n[^1]: Harbor Gazette, "Port Alden opens its new harbour crossing", 2024-03-12. harbor-gazette.md:${
      lineOf(GAZETTE, 'The bridge cost $42 million') + 1
    } — "The bridge cost $42 million, according to Mayor Elena Ruiz."\n`;
    const uri = open('cited.md', body);
    const position = posOf(body, '[^1]', 2);
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as {
      contents: { value: string };
    } | null;
    expect(hover?.contents.value).toContain('The bridge cost $42 million, according to Mayor Elena Ruiz.'.replace('.', '.'));
    expect(hover?.contents.value).toMatch(/harbor-gazette\.md:\d+\]\(file:\/\/\//);
    const defs = (await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position })) as {
      uri: string;
      range: Range;
    }[];
    expect(defs).toHaveLength(1);
    expect(defs[0]!.uri).toBe(pathToFileURL(path.join(ws, 'sources', 'harbor-gazette.md')).href);
    expect(defs[0]!.range.start.line).toBe(lineOf(GAZETTE, 'The bridge cost $42 million'));
  });

  it('escapes source text in hovers', async () => {
    const hover = (await conn.sendRequest('textDocument/hover', {
      textDocument: { uri: draft },
      position: posOf(texts[draft]!, 'Elena Ruiz', 3),
    })) as { contents: { value: string } } | null;
    const md = hover!.contents.value;
    // The only links are to source lines or the fact-sheet command; no raw HTML from sources.
    for (const m of md.matchAll(/\]\(([^)\s]+)/g)) expect(m[1]).toMatch(/^(file:\/\/\/|command:sourcewise\.showFacts\?)/);
    expect(md).not.toMatch(/<(?!\/?br)/);
  });

  it('accepting a claim writes .sourcewise/accepted.json and silences it', async () => {
    const uri = open('accept.md', `# Accept\n\n${WRONG}\n`);
    const pub = await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    const d = pub.diagnostics.find((x) => x.code === 'contradiction')!;
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as { title: string; command?: { command: string; arguments?: unknown[] } }[];
    const accept = actions.find((a) => a.command?.command === 'sourcewise.acceptClaim');
    expect(accept).toBeDefined();
    const since = publishes.length;
    await conn.sendRequest('workspace/executeCommand', { command: accept!.command!.command, arguments: accept!.command!.arguments });
    const keys = JSON.parse(readFileSync(path.join(ws, '.sourcewise', 'accepted.json'), 'utf8')) as string[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/contradiction/);
    const after = await waitForPublish(uri, () => true, since);
    expect(codes(after)).not.toContain('contradiction');
    // Nothing else was written next to the sources.
    expect(readdirSync(path.join(ws, 'sources')).sort()).toEqual(['coastal-times.md', 'harbor-gazette.md']);
  });

  it('skips drafts over sourcewise.maxFileSize with one information diagnostic', async () => {
    const since = publishes.length;
    config = { maxFileSize: 100 };
    notify('workspace/didChangeConfiguration', { settings: null });
    const pub = await waitForPublish(draft, () => true, since);
    expect(pub.diagnostics).toHaveLength(1);
    expect(pub.diagnostics[0]!.severity).toBe(3);
    expect(pub.diagnostics[0]!.range.start.line).toBe(0);
    expect(pub.diagnostics[0]!.message).toMatch(/maxFileSize/);
    config = {};
    notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('shows the draft figure next to the sources\' figure when hovering a finding', async () => {
    // (The $55 million sentence was accepted above, so this uses another wrong figure.)
    const text = `# Hover\n\n${WRONG2}\n`;
    const uri = open('hover.md', text);
    await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    const line = 2;
    const character = text.split('\n')[line]!.indexOf('$60') + 2;
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as {
      contents: { value: string };
    } | null;
    const md = hover?.contents.value ?? '';
    expect(md).toMatch(/\| \*\*Draft\*\* \| \$60 million \|/);
    expect(md).toMatch(/\| Harbor Gazette[^|]*\| \$42 million \|/);
  });

  it('holds back the sentence being typed until the writer pauses', async () => {
    const uri = open('typing.md', draftText(RIGHT));
    await waitForPublish(uri, () => true);
    const since = publishes.length;
    const t0 = Date.now();
    const version = change(uri, draftText(WRONG2));
    const first = await waitForPublish(uri, (p) => p.version === version, since);
    expect(codes(first)).not.toContain('contradiction');
    const later = await waitForPublish(uri, (p) => p.version === version && codes(p).includes('contradiction'), since);
    expect(later.at - t0).toBeGreaterThanOrEqual(1400);
  });

  it('reports the typed sentence at once when the cursor leaves it', async () => {
    const uri = uris['typing.md']!;
    change(uri, draftText(RIGHT));
    await sleep(600);
    const since = publishes.length;
    const t0 = Date.now();
    const version = change(uri, draftText(WRONG2));
    await waitForPublish(uri, (p) => p.version === version, since);
    notify('sourcewise/cursor', { uri, position: { line: 0, character: 0 } });
    const pub = await waitForPublish(uri, (p) => p.version === version && codes(p).includes('contradiction'), since);
    expect(pub.at - t0).toBeLessThan(1400);
  });

  it('analyses the sources in the background, then keeps the index in its workspace storage', async () => {
    const t0 = Date.now();
    // The status counts facts once the analysis is done; the index file follows.
    while (!statuses.some((s) => !s.indexing && s.sources === 2 && s.analysing === undefined && s.facts > 0)) {
      if (Date.now() - t0 > 20_000) throw new Error(`analysis did not finish: ${JSON.stringify(statuses)}`);
      await sleep(25);
    }
    const dir = path.join(ws, '.storage', 'index');
    const indexFiles = () => (existsSync(dir) ? readdirSync(dir).filter((f) => /^index-[0-9a-f]+\.bin$/.test(f)) : []);
    while (indexFiles().length === 0) {
      if (Date.now() - t0 > 20_000) throw new Error(`no persistent index in ${dir}`);
      await sleep(25);
    }
    expect(indexFiles()).toHaveLength(1);
  });

  it('answers the data commands the client UI is built on', async () => {
    const facts = (await conn.sendRequest('workspace/executeCommand', {
      command: 'sourcewise.factsFor',
      arguments: [{ name: 'Ruiz' }],
    })) as { name: string; markdown: string | null };
    expect(facts.name).toBe('Elena Ruiz');
    expect(facts.markdown).toMatch(/^# Elena Ruiz/);
    expect(facts.markdown).toMatch(/Mayor/);

    const browse = (await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] })) as {
      sources: { file: string; outlet: string | null; sentences: { line: number; text: string }[] }[];
    };
    expect(browse.sources.map((s) => s.outlet).sort()).toEqual(['Coastal Times', 'Harbor Gazette']);
    const gazette = browse.sources.find((s) => s.outlet === 'Harbor Gazette')!;
    const cost = gazette.sentences.find((x) => x.text.startsWith('The bridge cost $42 million'));
    expect(cost?.line).toBe(lineOf(GAZETTE, 'The bridge cost $42 million'));

    const uri = uris['cite.md']!;
    const cite = (await conn.sendRequest('workspace/executeCommand', {
      command: 'sourcewise.citeCandidates',
      arguments: [{ uri, position: posOf(texts[uri]!, 'Mayor Elena') }],
    })) as { items: { label: string; edits: TextEdit[] }[] };
    expect(cite.items.length).toBeGreaterThan(0);
    const applied = applyEdits(texts[uri]!, cite.items[0]!.edits);
    expect(applied.match(/^\[\^1\]: /gm)).toHaveLength(1);
  });
});
