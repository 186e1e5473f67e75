/**
 * Process faults: malformed settings fall back to defaults with ONE warning that
 * names each bad setting; garbage requests do not bring the server down; a killed
 * server is restarted by the client's policy, which tells the writer once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAVE_UP_MESSAGE, RESTARTED_MESSAGE, RestartPolicy } from '../../src/extension/restart';
import { DEFAULT_SETTINGS, parseSettings, settingsWarning } from '../../src/server/settings';
import { Client, ensureBuilt, sleep } from './harness/lsp';

/** Wrong types for every sourcewise.* setting. */
const BAD: Record<string, unknown> = {
  sources: 5,
  bundledSeeds: true,
  citationStyle: 'mla',
  severity: 'loud',
  languages: 'markdown',
  aliases: [1, 2],
  maxFileSize: 'big',
  checkOn: 3,
  debounceMs: -1,
};
let crashesSurvived = 0;

describe('malformed settings', () => {
  it('each wrong-typed setting falls back to its default with a warning naming it', () => {
    for (const [key, value] of Object.entries(BAD)) {
      const { settings, warnings } = parseSettings({ [key]: value });
      expect(warnings, key).toHaveLength(1);
      expect(warnings[0]).toContain(`sourcewise.${key}`);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS });
    }
    for (const value of [null, undefined]) expect(parseSettings(value).warnings).toEqual([]);
    for (const value of [5, 'x', [1], true]) {
      const r = parseSettings(value);
      expect(r.settings).toEqual({ ...DEFAULT_SETTINGS });
      expect(r.warnings).toHaveLength(1);
    }
    // Nested wrong values.
    const nested = parseSettings({ severity: { contradiction: 'loud', bogus: 'error' }, aliases: { X: 5 }, sources: ['ok/*.md', 7, ''] });
    expect(nested.settings.severity).toEqual({});
    expect(nested.settings.aliases).toEqual({});
    expect(nested.settings.sources).toEqual(['ok/*.md']);
    expect(nested.warnings.join(' ')).toMatch(/severity\.contradiction.*severity\.bogus.*aliases\.X.*sourcewise\.sources/s);
    // All together: one message that names every setting.
    const all = parseSettings(BAD);
    expect(all.settings).toEqual({ ...DEFAULT_SETTINGS });
    const message = settingsWarning(all.warnings);
    for (const key of Object.keys(BAD)) expect(message).toContain(`sourcewise.${key}`);
  });

  describe('over the language server', () => {
    let ws: string;
    let client: Client;
    beforeAll(async () => {
      ensureBuilt();
      ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-settings-'));
      client = new Client(ws);
      client.config = BAD;
      await client.initialize(ws);
    }, 60_000);
    afterAll(async () => {
      await client?.stop();
      if (ws) fs.rmSync(ws, { recursive: true, force: true });
    });

    it('falls back to the defaults and sends one warning naming every bad setting', async () => {
      const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
      client.open(uri, 'The talks lasted three hours.\n');
      // Defaults in force: the bundled seeds, the default severities, checked on open.
      const pub = await client.publishFor(uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
      expect(pub.diagnostics.find((d) => d.code === 'contradiction')!.severity).toBe(1);
      // The same bad settings read again (a configuration change) do not repeat the message.
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await sleep(800);
      const warnings = client.messages.filter((m) => m.type === 2);
      expect(warnings, JSON.stringify(client.messages)).toHaveLength(1);
      for (const key of Object.keys(BAD)) expect(warnings[0]!.message).toContain(`sourcewise.${key}`);
    }, 60_000);

    it('survives garbage requests and notifications', async () => {
      const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
      const garbage: [string, unknown][] = [
        ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } }],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 1e9, character: 1e9 } }],
        ['textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }],
        ['textDocument/hover', { textDocument: { uri: 'not a uri' }, position: { line: 0, character: 0 } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ bogus: true }] } }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 99 } }],
        ['textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 3 } }],
        ['workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [42] }],
        ['workspace/executeCommand', { command: 'sourcewise.factsFor', arguments: [{ name: { toString: 1 } }] }],
        ['workspace/executeCommand', { command: 'sourcewise.acceptClaim', arguments: ['x', null, 7] }],
        ['workspace/executeCommand', { command: 'sourcewise.citeCandidates', arguments: [{ uri, position: 'here' }] }],
        ['workspace/executeCommand', { command: 'sourcewise.nope', arguments: [] }],
        ['workspace/executeCommand', { command: 'sourcewise.browseSources' }],
      ];
      for (const [method, params] of garbage) {
        await client.conn.sendRequest(method, params).catch(() => undefined); // an error reply is fine; a dead server is not
        crashesSurvived++;
      }
      for (const [method, params] of [
        ['textDocument/didChange', { textDocument: { uri: 'file:///never-opened.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
        ['textDocument/didClose', { textDocument: { uri: 'file:///never-opened.md' } }],
        ['sourcewise/cursor', { uri: 5, position: null }],
        ['sourcewise/cursor', null],
        ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///x/../../etc/passwd', type: 1 }, { uri: 'bogus', type: 99 }] }],
        ['sourcewise/trust', { trusted: 'yes' }],
      ] as [string, unknown][]) {
        client.notify(method, params);
        crashesSurvived++;
      }
      await sleep(300);
      expect(client.proc.exitCode).toBeNull();
      // Still answering and checking.
      const since = client.publishes.length;
      const uri2 = pathToFileURL(path.join(ws, 'after.md')).href;
      client.open(uri2, 'Moscow and Kyiv agreed to release 500 prisoners of war each.\n');
      const pub = await client.publishFor(uri2, (p) => p.diagnostics.some((d) => d.code === 'contradiction'), since);
      expect(pub).toBeDefined();
    }, 60_000);
  });
});

describe('a killed server', () => {
  it('dies without hanging the client, and a restarted server works again', async () => {
    ensureBuilt();
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-kill-'));
    const policy = new RestartPolicy();
    const shown: string[] = [];
    try {
      let client = new Client(ws);
      await client.initialize(ws);
      const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
      for (let round = 0; round < 3; round++) {
        client.open(uri, 'The talks lasted three hours.\n');
        await client.publishFor(uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
        // Kill it in the middle of a request.
        const pending = client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
        // Writes are sent in order: once this notification is written, so is the request, and the
        // kill lands while the server holds it. (A request whose own write fails makes vscode-jsonrpc
        // throw from inside its promise executor, an unhandled rejection that is not what we test.)
        await client.conn.sendNotification('$/sourcewise-test-barrier');
        client.proc.kill('SIGKILL');
        await client.exited;
        // The connection closes with the process; disposing it settles what was pending (as LanguageClient does).
        client.conn.dispose();
        await expect(Promise.race([pending.then(() => 'answered', () => 'rejected'), sleep(5000).then(() => 'hung')])).resolves.not.toBe('hung');
        crashesSurvived++;
        // The client's close handler decides: restart, and say so once.
        const d = policy.onClose();
        expect(d.restart).toBe(true);
        if (d.message) shown.push(d.message);
        client = new Client(ws);
        await client.initialize(ws);
      }
      expect(shown).toEqual([RESTARTED_MESSAGE]);
      client.open(uri, 'The talks lasted three hours.\n');
      await client.publishFor(uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
      await client.stop();
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
      // eslint-disable-next-line no-console
      console.log(`[robustness] server crashes/garbage survived: ${crashesSurvived}`);
    }
  }, 120_000);

  it('the restart policy: restarts, one message, gives up after 5 crashes in 3 minutes with one more', () => {
    let t = 0;
    const p = new RestartPolicy(() => t);
    const messages: string[] = [];
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      t += 1000;
      const d = p.onClose();
      decisions.push(d.restart);
      if (d.message) messages.push(d.message);
    }
    expect(decisions).toEqual([true, true, true, true]);
    expect(messages).toEqual([RESTARTED_MESSAGE]);
    t += 1000;
    const fifth = p.onClose();
    expect(fifth).toEqual({ restart: false, message: GAVE_UP_MESSAGE });
    expect(p.onClose()).toEqual({ restart: false, message: undefined });
    // Crashes spread out over time keep being restarted, silently after the first.
    const q = new RestartPolicy(() => t);
    for (let i = 0; i < 20; i++) {
      t += 60_000;
      expect(q.onClose().restart).toBe(true);
    }
  });

  it('the extension wires the policy into its LanguageClient error handler', () => {
    const main = fs.readFileSync(path.resolve(__dirname, '../../src/extension/main.ts'), 'utf8');
    expect(main).toMatch(/new RestartPolicy\(\)/);
    expect(main).toMatch(/errorHandler: new OneMessageErrorHandler/);
    expect(main).toMatch(/CloseAction\.Restart/);
  });
});
