/**
 * No request waits behind a check, whatever the draft (issue 13): hostile drafts (a directive
 * followed by 150,000 tabs, 75,000 × `[^`, a 1 MB prose draft) are opened, and hovers,
 * completions and code actions are still answered promptly — here within 2 s on a loaded
 * machine, against 43 s, 5.5 s and 7 s before; the 100 ms target is measured in the bench.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO, serverOnSeeds, sleep } from '../robustness/harness/lsp';

const BOUND_MS = 2_000;

const server = serverOnSeeds('sourcewise-responsive-');

const SMALL = 'Russian and Ukrainian officials met in Istanbul. The talks lasted three hours.\n';

/** Milliseconds the server takes to answer a hover on the small draft's figure. */
async function hoverMs(uri: string): Promise<number> {
  const t0 = Date.now();
  await server.client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: SMALL.indexOf('three') + 2 } });
  return Date.now() - t0;
}

describe('requests are answered while hostile drafts are checked', () => {
  it('hover, completion and code actions on each hostile draft answer within 2 s', async () => {
    const drafts: [string, string][] = [
      ['directive + 150,000 tabs', `Intro line.\n<!-- sourcewise-disable-next-line${'\t'.repeat(150_000)}\nThe talks lasted three hours.\n`],
      ['75,000 × [^', `The talks lasted three hours. ${'[^'.repeat(75_000)}\n`],
      ['[@ + 150,000 letters', `The talks lasted three hours. [@${'a'.repeat(150_000)}\n`],
    ];
    const times: string[] = [];
    for (const [name, text] of drafts) {
      const uri = pathToFileURL(path.join(server.ws, `${name.replace(/\W+/g, '-')}.md`)).href;
      server.client.open(uri, text);
      const line = text.split('\n').length - 2;
      const position = { line, character: 5 };
      const requests: [string, () => Promise<unknown>][] = [
        ['hover', () => server.client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })],
        ['completion', () => server.client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.length } })],
        ['codeAction', () => server.client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })],
      ];
      for (const [what, send] of requests) {
        const t0 = Date.now();
        await send();
        const ms = Date.now() - t0;
        times.push(`${name} ${what} ${ms} ms`);
        expect(ms, `${what} on ${name}`).toBeLessThan(BOUND_MS);
      }
      await server.client.publishFor(uri, () => true, 0, 60_000);
    }
    // eslint-disable-next-line no-console
    console.log(`[responsive] ${times.join('; ')}`);
  }, 120_000);

  it('a hover on another draft waits at most a slice while a 1 MB draft is checked, and the check completes', async () => {
    const small = pathToFileURL(path.join(server.ws, 'small.md')).href;
    server.client.open(small, SMALL);
    await server.client.publishFor(small);
    const body = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    let text = '';
    while (Buffer.byteLength(text + body) < 1_000_000) text += body;
    const big = pathToFileURL(path.join(server.ws, 'big.md')).href;
    const since = server.client.publishes.length;
    const t0 = Date.now();
    server.client.open(big, text);
    const waits: number[] = [];
    let done = false;
    void server.client.publishFor(big, () => true, since, 120_000).then(() => (done = true));
    while (!done && Date.now() - t0 < 120_000) {
      waits.push(await hoverMs(small));
      await sleep(100);
    }
    const checkMs = Date.now() - t0;
    // eslint-disable-next-line no-console
    console.log(`[responsive] 1 MB draft checked in ${checkMs} ms; ${waits.length} hovers meanwhile, the slowest ${Math.max(...waits)} ms`);
    expect(done).toBe(true);
    // The check took long enough for hovers to have been sent during it.
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThan(BOUND_MS);
    const pub = server.client.publishes.slice(since).find((p) => p.uri === big)!;
    expect(pub.diagnostics.filter((d) => d.code === 'contradiction').length).toBeGreaterThan(100);
  }, 180_000);

  it('an edit during a long check replaces it: only the newer text is published', async () => {
    const body = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    let text = '';
    while (text.length < 300_000) text += body;
    const uri = pathToFileURL(path.join(server.ws, 'edited.md')).href;
    const since = server.client.publishes.length;
    server.client.open(uri, text);
    await sleep(200);
    server.client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: SMALL }] });
    const pub = await server.client.publishFor(uri, () => true, since, 120_000);
    // The first publish is of version 2: the check of version 1 was stopped, not finished.
    expect(pub.version).toBe(2);
    expect(pub.diagnostics.length).toBeLessThan(5);
  }, 180_000);
});
