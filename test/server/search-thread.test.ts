/**
 * The language server with a source folder large enough for the search thread (over 10,000
 * sentences), over real JSON-RPC: after the background analysis it hands the index to the
 * thread and says so, and a draft opened then gets exactly the diagnostics it got before.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ensureBuilt, REPO } from '../robustness/harness/lsp';
import { remixedArticles } from '../helpers/remix';

/** 380 articles remixed from the seeds' sentences, some figures changed: about 11,000 sentences. */
function writeSources(dir: string): void {
  remixedArticles(380, 21).forEach((body, d) => writeFileSync(path.join(dir, `wire-${d}.txt`), `Wire ${d}\n\n${body.join('\n\n')}\n`));
}

let ws: string;
let client: Client;

beforeAll(async () => {
  ensureBuilt();
  ws = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-thread-'));
  mkdirSync(path.join(ws, 'sources'));
  writeSources(path.join(ws, 'sources'));
  client = new Client(ws);
  await client.initialize(ws);
}, 120_000);

afterAll(async () => {
  await client?.stop();
  if (ws) rmSync(ws, { recursive: true, force: true });
});

describe('the server and the search thread', () => {
  it('hands the index to the search thread once the analysis is done, and checks drafts as before', async () => {
    await client.until(() => client.statuses.some((s) => !s.indexing && s.sources === 380 && (s as { analysing?: number }).analysing === undefined && s.facts > 0), 60_000, 'the analysis');
    const text = readFileSync(path.join(REPO, 'examples', 'draft.md'), 'utf8');
    const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
    const open = async () => {
      const since = client.publishes.length;
      client.open(uri, text);
      const p = await client.publishFor(uri, (x) => x.diagnostics.length > 0, since);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      return p.diagnostics;
    };
    const before = await open();
    await client.until(() => client.logs.some((l) => /search thread/.test(l)), 60_000, 'the search thread');
    const said = client.logs.find((l) => /search thread/.test(l))!;
    const sentences = Number(/of ([\d,]+) sentences/.exec(said)![1]!.replace(/,/g, ''));
    expect(sentences).toBeGreaterThan(10_000);
    // Opened again: a full check, now through the search thread, finds the same.
    expect(await open()).toEqual(before);
    expect(client.stderr).not.toMatch(/search thread (stopped|took)/);
  }, 120_000);
});
