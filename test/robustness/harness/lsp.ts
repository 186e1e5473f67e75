/** A small LSP client over stdio for the robustness tests (spawns dist/server.js). */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt } from '../../helpers/build';

export const REPO = path.resolve(__dirname, '../../..');
export const SERVER = path.join(REPO, 'dist/server.js');

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  message: string;
}
export interface Publish {
  uri: string;
  version?: number;
  diagnostics: Diag[];
}
export interface Status {
  sources: number;
  facts: number;
  indexing: boolean;
  message?: string;
}


/** Builds dist/ when it is older than src/. */
export { ensureBuilt };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Client {
  proc: ChildProcess;
  conn: MessageConnection;
  stderr = '';
  publishes: Publish[] = [];
  statuses: Status[] = [];
  messages: { type: number; message: string }[] = [];
  logs: string[] = [];
  config: unknown = {};
  exited: Promise<number | null>;

  constructor(cwd: string) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((r) => this.proc.on('exit', (code) => r(code)));
    this.proc.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.proc.stdin!.on('error', (err) => (this.stderr += `\n[test] stdin: ${String(err)}`));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Publish) => this.publishes.push(p));
    this.conn.onNotification('sourcewise/status', (s: Status) => this.statuses.push(s));
    this.conn.onNotification('window/logMessage', (m: { message: string }) => this.logs.push(m.message));
    this.conn.onNotification('window/showMessage', (m: { type: number; message: string }) => this.messages.push(m));
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'sourcewise' ? this.config : null)),
    );
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => {
      this.messages.push(m);
      return null;
    });
    this.conn.onError(() => undefined);
    this.conn.onClose(() => undefined);
    this.conn.listen();
  }

  notify(method: string, params?: unknown): void {
    this.conn.sendNotification(method, params).catch((err: unknown) => (this.stderr += `\n[test] ${method}: ${String(err)}`));
  }

  async initialize(ws: string, initializationOptions: Record<string, unknown> = {}): Promise<void> {
    const rootUri = pathToFileURL(ws).href;
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
      initializationOptions: { storagePath: path.join(ws, '.storage'), ...initializationOptions },
    });
    this.notify('initialized', {});
    await this.until(() => this.statuses.some((s) => !s.indexing && s.sources > 0), 30_000, 'indexing');
  }

  async until(pred: () => boolean, timeout: number, what: string): Promise<void> {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}\nstderr: ${this.stderr.slice(-2000)}`);
      await sleep(20);
    }
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async publishFor(uri: string, pred: (p: Publish) => boolean = () => true, since = 0, timeout = 30_000): Promise<Publish> {
    let hit: Publish | undefined;
    await this.until(() => !!(hit = this.publishes.slice(since).find((p) => p.uri === uri && pred(p))), timeout, `diagnostics on ${uri}`);
    return hit!;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
      this.notify('exit');
      await Promise.race([this.exited, sleep(1000)]);
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/**
 * A server started once for the enclosing suite (vitest's beforeAll / afterAll) on an empty
 * workspace, so it checks against the bundled seeds; stopped, and its workspace removed, after
 * the suite. Read `ws` and `client` inside tests (they are set once the suite has started).
 */
export function serverOnSeeds(prefix: string): { readonly ws: string; readonly client: Client } {
  const state: { ws: string; client: Client } = { ws: '', client: undefined as unknown as Client };
  beforeAll(async () => {
    ensureBuilt();
    state.ws = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    state.client = new Client(state.ws);
    await state.client.initialize(state.ws);
  }, 60_000);
  afterAll(async () => {
    await state.client?.stop();
    if (state.ws) fs.rmSync(state.ws, { recursive: true, force: true, maxRetries: 5 });
  });
  return state;
}
