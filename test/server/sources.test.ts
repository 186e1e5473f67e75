/**
 * The server's source handling over real JSON-RPC: bundled seeds when the workspace
 * has no sources, and workspace/didChangeWatchedFiles swapping real sources in.
 */
import { ensureBuilt } from '../helpers/build';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const SERVER = path.join(REPO, 'dist/server.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


interface Status { sources: number; facts: number; indexing: boolean; analysing?: number; message?: string }
interface Publish {
  uri: string;
  version?: number;
  diagnostics: { code?: string; message?: string; range: { start: { line: number } }; relatedInformation?: { location: { uri: string }; message: string }[] }[];
}

let ws: string;
let proc: ChildProcess;
let conn: MessageConnection;
let stderr = '';
const statuses: Status[] = [];
const publishes: Publish[] = [];
const shown: { type: number; message: string }[] = [];

async function until<T>(what: string, f: () => T | undefined, timeout = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out: ${what}; statuses ${JSON.stringify(statuses)}\n${stderr}`);
    await sleep(25);
  }
}

beforeAll(async () => {
  ensureBuilt(SERVER);
  ws = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-seeds-'));
  proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  proc.stdin!.on('error', () => undefined);
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('sourcewise/status', (s: Status) => statuses.push(s));
  conn.onNotification('textDocument/publishDiagnostics', (p: Publish) => publishes.push(p));
  conn.onNotification('window/showMessage', (m: { type: number; message: string }) => shown.push(m));
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest(() => null);
  conn.listen();
  const rootUri = pathToFileURL(ws).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
  });
  await conn.sendNotification('initialized', {});
});

afterAll(async () => {
  await Promise.race([conn.sendRequest('shutdown').catch(() => undefined), sleep(2000)]);
  await conn.sendNotification('exit').catch(() => undefined);
  await sleep(100);
  conn.dispose();
  proc.kill();
  rmSync(ws, { recursive: true, force: true });
});

describe('sources', () => {
  it('uses the bundled seeds when the workspace has no sources, and checks the example draft against them', async () => {
    const seeds = readdirSync(path.join(REPO, 'seeds')).length;
    // Indexed, then analysed in the background: the status counts facts once the analysis is done.
    const s = await until('seed index', () => statuses.find((x) => !x.indexing && x.sources > 0 && x.analysing === undefined && x.facts > 0));
    expect(s.sources).toBe(seeds);
    expect(s.facts).toBeGreaterThan(0);
    expect(s.message).toMatch(/seed/i);

    const text = readFileSync(path.join(REPO, 'examples', 'draft.md'), 'utf8');
    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const pub = await until('draft diagnostics', () => publishes.find((p) => p.uri === uri && p.diagnostics.length > 0));
    const contradictions = pub.diagnostics.filter((d) => d.code === 'contradiction');
    expect(contradictions.length).toBeGreaterThan(0);
    // The evidence links point into the bundled seeds folder (next to dist/).
    const seedsUri = pathToFileURL(path.join(REPO, 'seeds')).href + '/';
    const related = contradictions.flatMap((d) => d.relatedInformation ?? []);
    expect(related.length).toBeGreaterThan(0);
    for (const r of related) expect(r.location.uri.startsWith(seedsUri)).toBe(true);
    // Sources are named, not given as hash file names, and the related lines read as sentences.
    const all = pub.diagnostics.flatMap((d) => [d.message ?? '', ...(d.relatedInformation ?? []).map((r) => r.message)]);
    for (const m of all) {
      expect(m).not.toMatch(/[0-9a-f]{16}\.txt/);
      expect(m).not.toMatch(/\bsays said\b|\bto A\b/);
    }
    expect(all.some((m) => /^BBC — said by a Ukrainian official \(contradicts\): "/.test(m))).toBe(true);
    expect(all.some((m) => /^001_01a9af… says “less than two hours” \(contradicts\): "/.test(m))).toBe(true);
  });

  it('tells an editor without a status bar, once, that the bundled seeds stand in for missing sources', async () => {
    const about = () => shown.filter((m) => /bundled seed/.test(m.message));
    await until('seeds message', () => (about().length ? true : undefined));
    // A reindex (the same fallback again) does not say it again.
    await conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.reindex', arguments: [] });
    await sleep(300);
    expect(about()).toHaveLength(1);
    expect(about()[0]!.message).toMatch(/sources\/ folder|sourcewise\.sources/);
  });

  it('goes from a footnote to its sentence in the source, at the sentence\'s column', async () => {
    const seed = readFileSync(path.join(REPO, 'seeds', '001_01a9af86f3416eef.txt'), 'utf8').split('\n');
    const line = seed.findIndex((l) => l.includes('Both sides agreed, in principle'));
    const column = seed[line]!.indexOf('Both sides agreed, in principle');
    expect(column).toBeGreaterThan(0);
    const text = `Both sides agreed to swap 1,000 prisoners each.[^1]\n\n[^1]: 001_01a9af86f3416eef.txt:${line + 1} — "Both sides agreed, in principle, to carry out the largest prisoner swap to date"\n`;
    const uri = pathToFileURL(path.join(ws, 'cited.md')).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await until('cited.md checked', () => publishes.find((p) => p.uri === uri));
    const defs = (await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 49 } })) as {
      uri: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }[];
    expect(defs).toHaveLength(1);
    expect(defs[0]!.uri).toBe(pathToFileURL(path.join(REPO, 'seeds', '001_01a9af86f3416eef.txt')).href);
    expect(defs[0]!.range.start).toEqual({ line, character: column });
    expect(defs[0]!.range.end.character).toBeGreaterThan(column + 40);
  });

  it('swaps the seeds out when a source appears (workspace/didChangeWatchedFiles)', async () => {
    mkdirSync(path.join(ws, 'sources'));
    const file = path.join(ws, 'sources', 'note.md');
    writeFileSync(file, '---\noutlet: Test Wire\n---\n\nThe committee met for three hours on Monday, its chair Anna Berg said.\n');
    const n = statuses.length;
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    const s = await until('reindex', () => statuses.slice(n).find((x) => !x.indexing && x.sources === 1));
    expect(s.sources).toBe(1);

    // A second source is upserted incrementally; deleting it removes it again.
    const second = path.join(ws, 'sources', 'other.txt');
    writeFileSync(second, 'The chair, Anna Berg, said the committee would meet again in May.\n');
    const m = statuses.length;
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(second).href, type: 1 }] });
    await until('upsert', () => statuses.slice(m).find((x) => x.sources === 2));
    rmSync(second);
    const k = statuses.length;
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(second).href, type: 3 }] });
    await until('remove', () => statuses.slice(k).find((x) => x.sources === 1));
    // A file outside the sources globs is ignored.
    const outside = path.join(ws, 'notes.md');
    writeFileSync(outside, 'Not a source.\n');
    const j = statuses.length;
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(outside).href, type: 1 }] });
    await sleep(300);
    expect(statuses.slice(j).every((x) => x.sources === 1)).toBe(true);
  });
});
