/**
 * The sourcewise.sources setting over the language server (issue 13): one malformed glob no
 * longer stops all indexing (it is named in a warning, the other patterns are indexed), an
 * absolute pattern is not read inside the workspace, and a file named outright must be a
 * source file type.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, ensureBuilt } from '../robustness/harness/lsp';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});
beforeAll(() => ensureBuilt());

async function serverWith(config: Record<string, unknown>): Promise<{ ws: string; client: Client }> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-patterns-'));
  fs.mkdirSync(path.join(ws, 'sources'));
  fs.mkdirSync(path.join(ws, 'notes'));
  fs.writeFileSync(path.join(ws, 'sources', 'a.md'), '# A\n\nThe bridge cost $42 million, the mayor said.\n');
  fs.writeFileSync(path.join(ws, 'sources', 'b.md'), '# B\n\nThe talks lasted three hours.\n');
  fs.writeFileSync(path.join(ws, 'notes', 'a.md'), '# Note\n\nA note.\n');
  fs.writeFileSync(path.join(ws, 'top.md'), '# Top\n\nThe harbour reopened on Monday.\n');
  const client = new Client(ws);
  client.config = config;
  cleanup.push(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });
  // initialize waits for a finished indexing with sources; some cases here end with none.
  const init = client.initialize(ws).catch(() => undefined);
  await client.until(() => client.statuses.some((s) => !s.indexing && s.message !== 'Indexing sources…' && (s.sources > 0 || /No sources|failed/.test(s.message ?? ''))), 30_000, 'indexing');
  await Promise.race([init, new Promise((r) => setTimeout(r, 100))]);
  return { ws, client };
}

async function browse(client: Client): Promise<string[]> {
  const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'sourcewise.browseSources', arguments: [] })) as { sources: { path: string }[] };
  return r.sources.map((s) => s.path).sort();
}

describe('sourcewise.sources', () => {
  for (const bad of ['notes/{a,b.md', 'notes/[z-a].md']) {
    it(`a malformed pattern (${bad}) is named in a warning; the other patterns are indexed`, async () => {
      const { ws, client } = await serverWith({ sources: ['sources/*.md', bad], bundledSeeds: 'never' });
      const done = client.statuses.filter((s) => !s.indexing).pop()!;
      expect(done.message ?? '').not.toMatch(/Indexing failed/);
      expect(await browse(client)).toEqual([path.join(ws, 'sources', 'a.md'), path.join(ws, 'sources', 'b.md')]);
      await client.until(() => client.messages.some((m) => m.message.includes(`"${bad}"`)), 10_000, 'a warning naming the pattern');
      expect(client.messages.find((m) => m.message.includes(`"${bad}"`))!.message).toMatch(/is not used: .*The other sources are indexed/);
    });
  }

  it('an absolute pattern (/*.md) is not read inside the workspace', async () => {
    const { ws, client } = await serverWith({ sources: ['/*.md', 'sources/a.md'], bundledSeeds: 'never' });
    const listed = await browse(client);
    expect(listed).toContain(path.join(ws, 'sources', 'a.md'));
    expect(listed).not.toContain(path.join(ws, 'top.md'));
  });

  it.runIf(process.platform === 'linux')('a file named outright that is not a source file type (/etc/passwd) is not indexed', async () => {
    const { ws, client } = await serverWith({ sources: ['/etc/passwd', 'sources/*.md'], bundledSeeds: 'never' });
    expect(await browse(client)).toEqual([path.join(ws, 'sources', 'a.md'), path.join(ws, 'sources', 'b.md')]);
  });
});
