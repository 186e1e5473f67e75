/**
 * Drives the real language server (`node dist/server.js --stdio`) over JSON-RPC,
 * the way an editor does, against a temporary workspace with made-up sources.
 */
import { ensureBuilt } from '../helpers/build';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  ensureBuilt(SERVER);

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
    })) as {
      items: { label: string; labelDetails?: { description?: string }; detail?: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }[];
    } | null;
    const items = result?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    // The writer chooses between the supporting sentences: each label is source text, the outlet and score its description.
    for (const item of items) {
      const words = item.label.replace(/…/g, ' ').split(/\s+/).filter((w) => w.length > 3);
      expect(words.length, item.label).toBeGreaterThan(2);
      for (const w of words) expect(`${GAZETTE}\n${TIMES}`, item.label).toContain(w);
      expect(item.labelDetails?.description).toMatch(/^(Harbor Gazette|Coastal Times) \d+%$/);
    }
    expect(items[0]!.label).toMatch(/\$42 million/);
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
    expect(hover?.contents.value).toMatch(/\[Harbor Gazette\]\(file:\/\/\/[^)]*harbor-gazette\.md#L\d+\)/);
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

  it('lists the accepted claims and takes one back, and the finding returns', async () => {
    const uri = uris['accept.md']!;
    const list = (await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.listAccepted', arguments: [] })) as {
      claims: { folder?: string; key: string; code: string; sentence: string }[];
    };
    expect(list.claims).toHaveLength(1);
    expect(list.claims[0]!.code).toBe('contradiction');
    expect(list.claims[0]!.sentence).toMatch(/the bridge cost \$?55 million/);
    expect(list.claims[0]!.folder).toBe(ws);
    const since = publishes.length;
    const r = (await conn.sendRequest('workspace/executeCommand', {
      command: 'sourcewise.removeAccepted',
      arguments: [{ claims: [{ folder: list.claims[0]!.folder, key: list.claims[0]!.key }] }],
    })) as { removed: number };
    expect(r.removed).toBe(1);
    expect(JSON.parse(readFileSync(path.join(ws, '.sourcewise', 'accepted.json'), 'utf8'))).toEqual([]);
    await waitForPublish(uri, (p) => codes(p).includes('contradiction'), since);
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
    // The table comes first, and the finding's message (which the editor shows above it) is not repeated.
    expect(md).toMatch(/^\| \| Says \|\n\|---\|---\|\n\| \*\*Draft\*\* \| \$60 million \|/);
    expect(md).toMatch(/\| \[Harbor Gazette\]\(file:\/\/\/[^)]*\)[^|]*\| \$42 million \|/);
    expect(md).not.toMatch(/The sources say/);
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

  it('keeps a finding on screen, moved with the text, while its sentence is typed, until the re-check replaces it', async () => {
    const uri = open('pause.md', draftText(WRONG));
    await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    const since = publishes.length;
    const t0 = Date.now();
    // Type "new " before "bridge" in the flagged sentence, a key every 120 ms, then pause.
    let text = draftText(WRONG);
    const at = text.indexOf('bridge cost $55');
    let version = 0;
    for (const ch of 'new ') {
      const i = text.indexOf('bridge cost $55');
      text = text.slice(0, i) + ch + text.slice(i);
      version = change(uri, text);
      await sleep(120);
    }
    expect(text.slice(at, at + 4)).toBe('new ');
    await sleep(2500);
    const during = publishes.slice(since).filter((p) => p.uri === uri);
    expect(during.length).toBeGreaterThan(0);
    // Every publish while typing and pausing has the contradiction, on the figure of the text of its version.
    for (const p of during) {
      const d = p.diagnostics.find((x) => x.code === 'contradiction');
      expect(d, `publish of version ${p.version} at ${p.at - t0} ms: ${JSON.stringify(codes(p))}`).toBeDefined();
      const textOf = p.version === version ? text : undefined;
      if (textOf) expect(textOf.slice(offsetOf(textOf, d!.range.start), offsetOf(textOf, d!.range.end))).toContain('55');
    }
    const last = during[during.length - 1]!;
    expect(last.version).toBe(version);

    // Now the writer types the right figure: the old finding stays until the pause, then goes.
    const since2 = publishes.length;
    const t1 = Date.now();
    const fixed = text.replace('$55 million', '$42 million');
    const v2 = change(uri, fixed);
    const gone = await waitForPublish(uri, (p) => p.version === v2 && !codes(p).includes('contradiction'), since2);
    expect(gone.at - t1).toBeGreaterThanOrEqual(1400);
    for (const p of publishes.slice(since2).filter((x) => x.uri === uri && x.at < gone.at)) expect(codes(p)).toContain('contradiction');
  });

  it('checks a .txt draft an editor opens with language id "text" (Neovim, Emacs)', async () => {
    const file = path.join(ws, 'plain.txt');
    const body = `Port Alden opened its harbour bridge on Tuesday. ${WRONG}\n`;
    writeFileSync(file, body);
    const uri = pathToFileURL(file).href;
    texts[uri] = body;
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'text', version: 1, text: body } });
    const pub = await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    expect(pub.diagnostics.find((d) => d.code === 'contradiction')!.range.start.line).toBe(0);
  });

  it('finds a diagnostic for its code actions by its own id, whatever columns the editor sends back, and offers "Accept" once', async () => {
    // Curly quotes before the figure: an editor counting bytes (Neovim 0.7) sends each back 2 columns further right.
    const body = `# Quotes\n\n\u201CA new crossing,\u201D she said. The bridge cost $60 million, according to Mayor Elena Ruiz.\n`;
    const uri = open('bytes.md', body);
    const pub = await waitForPublish(uri, (p) => codes(p).includes('contradiction'));
    const d = pub.diagnostics.find((x) => x.code === 'contradiction')!;
    expect((d.data as { id?: unknown }).id).toEqual(expect.any(String));
    const shifted = { ...d, range: { start: { ...d.range.start, character: d.range.start.character + 4 }, end: { ...d.range.end, character: d.range.end.character + 4 } } };
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: shifted.range,
      // The same diagnostic twice, as some clients send it.
      context: { diagnostics: [shifted, shifted] },
    })) as { title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]> }; command?: { command: string } }[];
    const fix = actions.find((a) => /42 million/.test(a.title));
    expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect(applyEdits(body, fix!.edit!.changes![uri]!)).toContain('The bridge cost $42 million, according');
    expect(actions.filter((a) => a.command?.command === 'sourcewise.acceptClaim')).toHaveLength(1);
    expect(actions.filter((a) => a.title === fix!.title)).toHaveLength(1);
  });

  it('offers citing a supported sentence as a source action, not as a quick fix', async () => {
    const body = `# Cite\n\n${RIGHT}\n`;
    const uri = open('cite-action.md', body);
    await waitForPublish(uri, () => true);
    const range = { start: posOf(body, 'bridge'), end: posOf(body, 'bridge') };
    const ask = async (only?: string[]) =>
      (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) } })) as {
        title: string;
        kind?: string;
      }[];
    const all = await ask();
    const cites = all.filter((a) => /^Cite /.test(a.title));
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) expect(c.kind).toBe('source.sourcewise.cite');
    expect((await ask(['quickfix'])).filter((a) => /^Cite /.test(a.title))).toEqual([]);
    expect((await ask(['source'])).filter((a) => /^Cite /.test(a.title)).length).toBe(cites.length);
  });

  it('Cite Current Sentence leaves out candidates far below the best one', async () => {
    const body = `# Cite\n\nThe bridge cost $42 million, and the old ferry terminal will become a market hall.\n`;
    const uri = open('cite-few.md', body);
    await waitForPublish(uri, () => true);
    const position = posOf(body, 'bridge');
    const cite = (await conn.sendRequest('workspace/executeCommand', {
      command: 'sourcewise.citeCandidates',
      arguments: [{ uri, position }],
    })) as { items: { label: string; description: string }[] };
    const pct = (d: string) => Number(/(\d+)%/.exec(d)![1]);
    expect(cite.items.length).toBeGreaterThan(0);
    const best = pct(cite.items[0]!.description);
    for (const i of cite.items) expect(pct(i.description)).toBeGreaterThanOrEqual(Math.floor(best * 0.6));
    // Completion lists every candidate: there were weaker ones to leave out.
    const typed = body.replace('hall.', 'hall.[^');
    const cu = open('cite-few-typed.md', typed);
    const done = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: cu }, position: posOf(typed, '[^', 2) })) as {
      items: { data?: { score: number } }[];
    } | null;
    const scores = (done?.items ?? []).map((i) => Math.round((i.data?.score ?? 0) * 100));
    expect(scores.some((x) => x < best * 0.6), JSON.stringify(scores)).toBe(true);
    expect(cite.items.length).toBeLessThan(scores.length);
  });

  it('names the sources by outlet in every command result, and gives Show Facts a list of names and its sheet as data', async () => {
    const names = (await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.listNames', arguments: [] })) as {
      names: { name: string; kind: string; mentions: number }[];
    };
    expect(names.names.find((n) => n.name === 'Elena Ruiz')).toMatchObject({ kind: 'person' });
    // Most mentioned first, counted in sentences (the mayor is in three).
    expect(names.names.find((n) => n.name === 'Elena Ruiz')!.mentions).toBe(3);
    const counts = names.names.map((n) => n.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const facts = (await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: 'Ruiz' }] })) as {
      sheet: { name: string; roles: { title: string; sources: { name: string; uri: string; line: number }[] }[] };
    };
    const mayor = facts.sheet.roles.find((r) => /mayor/i.test(r.title))!;
    expect(mayor.sources.map((x) => x.name).sort()).toEqual(['Coastal Times', 'Harbor Gazette']);
    for (const x of mayor.sources) expect(x.uri).toMatch(/^file:\/\/\/.*\.md$/);
    const none = (await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: 'neither' }] })) as {
      markdown: string | null;
    };
    expect(none.markdown).toBeNull();
  });

  it('reports checking on or off and never "0 facts" before the analysis is done', async () => {
    // Every status after indexing either says the analysis is under way or counts facts.
    for (const s of statuses) if (!s.indexing && s.sources > 0) expect(s.analysing !== undefined || s.facts > 0, JSON.stringify(s)).toBe(true);
    const n = statuses.length;
    await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.toggleChecking', arguments: [] });
    expect(statuses.slice(n).some((s) => (s as { checking?: boolean }).checking === false)).toBe(true);
    expect(statuses.slice(n).every((s) => !/Checking is off/.test(s.message ?? ''))).toBe(true);
    const m = statuses.length;
    await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.toggleChecking', arguments: [] });
    expect(statuses.slice(m).some((s) => (s as { checking?: boolean }).checking === true)).toBe(true);
  });
});
