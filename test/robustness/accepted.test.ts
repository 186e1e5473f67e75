/**
 * "Accept this claim" writes `.sourcewise/accepted.json` only inside the workspace: through no
 * symbolic link (at `.sourcewise`, at accepted.json, or at the temporary file's name), trusted
 * workspace or not; a claim it cannot save is still accepted for the session, with a message.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptKey } from '../../src/engine/check';
import { Client, ensureBuilt } from './harness/lsp';

const SOURCE = '# Bridge\n\nThe bridge cost $42 million, according to Mayor Elena Ruiz.\n';
const DRAFT = '# Draft\n\nThe bridge cost $55 million, according to Mayor Elena Ruiz.\n';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});
beforeAll(() => ensureBuilt());

interface Setup {
  ws: string;
  outside: string;
  client: Client;
  uri: string;
}

/** A workspace with one source and one draft, an outside folder, `prepare` run on them, and a server on the workspace. */
async function setup(prepare: (ws: string, outside: string) => void, init: Record<string, unknown> = {}): Promise<Setup> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-accept-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-accept-outside-'));
  fs.mkdirSync(path.join(ws, 'sources'));
  fs.writeFileSync(path.join(ws, 'sources', 'bridge.md'), SOURCE);
  prepare(ws, outside);
  const client = new Client(ws);
  cleanup.push(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  await client.initialize(ws, init);
  const uri = pathToFileURL(path.join(ws, 'draft.md')).href;
  client.open(uri, DRAFT);
  return { ws, outside, client, uri };
}

/** Accepts the draft's contradiction through the server's code action and command. */
async function accept(s: Setup): Promise<{ file: string | null; error?: string }> {
  const pub = await s.client.publishFor(s.uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
  const d = pub.diagnostics.find((x) => x.code === 'contradiction')!;
  const actions = (await s.client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: s.uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as { command?: { command: string; arguments?: unknown[] } }[];
  const cmd = actions.find((a) => a.command?.command === 'sourcewise.acceptClaim')!.command!;
  return (await s.client.conn.sendRequest('workspace/executeCommand', { command: cmd.command, arguments: cmd.arguments })) as {
    file: string | null;
    error?: string;
  };
}

/** The claim is silenced: the next diagnostics of the draft have no contradiction. */
async function expectSilenced(s: Setup): Promise<void> {
  await s.client.until(() => {
    const last = s.client.publishes.filter((p) => p.uri === s.uri).pop();
    return !!last && !last.diagnostics.some((d) => d.code === 'contradiction');
  }, 10_000, 'the accepted claim to be silenced');
}

describe('accepting a claim writes only inside the workspace', () => {
  it('.sourcewise a link to another folder: nothing is written there; accepted for the session, with a message', async () => {
    const s = await setup((ws, outside) => fs.symlinkSync(outside, path.join(ws, '.sourcewise')));
    const r = await accept(s);
    expect(r.file).toBeNull();
    expect(r.error).toMatch(/symbolic link/);
    expect(fs.readdirSync(s.outside)).toEqual([]);
    await expectSilenced(s);
    expect(s.client.messages.some((m) => /did not save it: .*symbolic link/.test(m.message))).toBe(true);
  });

  it('the same in an untrusted workspace', async () => {
    const s = await setup((ws, outside) => fs.symlinkSync(outside, path.join(ws, '.sourcewise')), { trusted: false });
    // Restricted mode checks against the seeds: accept whatever finding the draft has there.
    s.client.open(s.uri.replace('draft.md', 'seed-draft.md'), '# D\n\nThe talks in Istanbul lasted three hours.\n');
    const uri = s.uri.replace('draft.md', 'seed-draft.md');
    const r = await accept({ ...s, uri });
    expect(r.file).toBeNull();
    expect(fs.readdirSync(s.outside)).toEqual([]);
  });

  it('a link planted at the temporary file\'s old name (accepted.json.<pid>.tmp): its target is not overwritten', async () => {
    let victim = '';
    const s = await setup((ws, outside) => {
      victim = path.join(outside, 'victim.txt');
      fs.writeFileSync(victim, 'victim\n');
      fs.mkdirSync(path.join(ws, '.sourcewise'));
    });
    // The server's pid is known: plant the link where the old code wrote its temporary file.
    fs.symlinkSync(victim, path.join(s.ws, '.sourcewise', `accepted.json.${s.client.proc.pid}.tmp`));
    const r = await accept(s);
    expect(fs.readFileSync(victim, 'utf8')).toBe('victim\n');
    expect(r.file).toBe(path.join(fs.realpathSync(s.ws), '.sourcewise', 'accepted.json'));
    expect(fs.lstatSync(r.file!).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(r.file!, 'utf8'))).toHaveLength(1);
    await expectSilenced(s);
  });

  it('accepted.json a link out of the workspace: neither read nor written through', async () => {
    let victim = '';
    const s = await setup((ws, outside) => {
      victim = path.join(outside, 'victim.json');
      fs.writeFileSync(victim, `${JSON.stringify([acceptKey('The bridge cost $55 million, according to Mayor Elena Ruiz.', 'contradiction')])}\n`);
      fs.mkdirSync(path.join(ws, '.sourcewise'));
      fs.symlinkSync(victim, path.join(ws, '.sourcewise', 'accepted.json'));
    });
    // Had the link been read, its key would have silenced the finding already.
    const pub = await s.client.publishFor(s.uri, (p) => p.diagnostics.length > 0);
    expect(pub.diagnostics.some((d) => d.code === 'contradiction')).toBe(true);
    const r = await accept(s);
    expect(r.error).toMatch(/symbolic link/);
    expect(fs.readFileSync(victim, 'utf8')).toMatch(/^\["contradiction/);
    expect(fs.lstatSync(path.join(s.ws, '.sourcewise', 'accepted.json')).isSymbolicLink()).toBe(true);
  });

  it('accepted.json a FIFO: the server does not hang reading it', async () => {
    const s = await setup((ws) => {
      fs.mkdirSync(path.join(ws, '.sourcewise'));
      execFileSync('mkfifo', [path.join(ws, '.sourcewise', 'accepted.json')]);
    });
    const pub = await s.client.publishFor(s.uri, (p) => p.diagnostics.some((d) => d.code === 'contradiction'), 0, 15_000);
    expect(pub).toBeDefined();
    const r = await accept(s);
    expect(r.error).toMatch(/not a regular file/);
  });

  it('a plain workspace still gets its accepted.json, and no temporary file is left', async () => {
    const s = await setup(() => undefined);
    const r = await accept(s);
    expect(r.file).toBeTruthy();
    expect(fs.readdirSync(path.join(s.ws, '.sourcewise'))).toEqual(['accepted.json']);
    await expectSilenced(s);
  });
});
