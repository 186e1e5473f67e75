/**
 * The language server with a source folder large enough for the search thread (over 10,000
 * sentences), over real JSON-RPC: after the background analysis it hands the index to the
 * thread and says so, and a draft opened then gets exactly the diagnostics it got before.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { rng } from '../helpers/random';

const REPO = path.resolve(__dirname, '../..');
const SERVER = path.join(REPO, 'dist/server.js');
const SEEDS = path.join(REPO, 'seeds');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Status { sources: number; facts: number; indexing: boolean; analysing?: number }
interface Publish { uri: string; diagnostics: unknown[] }

let ws: string;
let proc: ChildProcess;
let conn: MessageConnection;
let stderr = '';
const statuses: Status[] = [];
const publishes: Publish[] = [];
const logs: string[] = [];

async function until<T>(what: string, f: () => T | undefined, timeout = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out: ${what}\n${logs.join('\n')}\n${stderr}`);
    await sleep(25);
  }
}

/** 380 articles remixed from the seeds' sentences, some figures changed: about 11,000 sentences. */
function writeSources(dir: string): void {
  const sentences = readdirSync(SEEDS).flatMap((f) =>
    readFileSync(path.join(SEEDS, f), 'utf8')
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.length > 30 && !x.includes('\n')),
  );
  const r = rng(21);
  for (let d = 0; d < 380; d++) {
    const body = Array.from({ length: 30 }, () => {
      const t = sentences[Math.floor(r() * sentences.length)]!;
      return r() < 0.2 ? t.replace(/\b(\d+)\b/, (x) => String(Number(x) + 1 + Math.floor(r() * 9))) : t;
    });
    writeFileSync(path.join(dir, `wire-${d}.txt`), `Wire ${d}\n\n${body.join('\n\n')}\n`);
  }
}

beforeAll(async () => {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
  ws = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-thread-'));
  mkdirSync(path.join(ws, 'sources'));
  writeSources(path.join(ws, 'sources'));
  proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: path.join(ws, '.cache') } });
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  proc.stdin!.on('error', () => undefined);
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('sourcewise/status', (s: Status) => statuses.push(s));
  conn.onNotification('textDocument/publishDiagnostics', (p: Publish) => publishes.push(p));
  conn.onNotification('window/logMessage', (m: { message: string }) => logs.push(m.message));
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest(() => null);
  conn.listen();
  const rootUri = pathToFileURL(ws).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
}, 120_000);

afterAll(async () => {
  await Promise.race([conn.sendRequest('shutdown').catch(() => undefined), sleep(2000)]);
  await conn.sendNotification('exit').catch(() => undefined);
  await sleep(100);
  conn.dispose();
  proc.kill();
  if (ws && existsSync(ws)) rmSync(ws, { recursive: true, force: true });
});

describe('the server and the search thread', () => {
  it('hands the index to the search thread once the analysis is done, and checks drafts as before', async () => {
    await until('indexed and analysed', () => statuses.find((x) => !x.indexing && x.sources === 380 && x.analysing === undefined && x.facts > 0));
    const text = readFileSync(path.join(REPO, 'examples', 'draft.md'), 'utf8');
    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    const open = async () => {
      const n = publishes.length;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const p = await until('diagnostics', () => publishes.slice(n).find((x) => x.uri === uri && x.diagnostics.length > 0));
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return p.diagnostics;
    };
    const before = await open();
    const said = await until('search thread ready', () => logs.find((l) => /search thread/.test(l)));
    const sentences = Number(/of ([\d,]+) sentences/.exec(said)![1]!.replace(/,/g, ''));
    expect(sentences).toBeGreaterThan(10_000);
    // Opened again: a full check, now through the search thread, finds the same.
    expect(await open()).toEqual(before);
    expect(stderr).not.toMatch(/search thread (stopped|took)/);
  }, 120_000);
});
