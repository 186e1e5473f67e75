/**
 * The command line's output as tools meet it: read through a pipe by a slow reader,
 * it arrives whole and the same as written to a file, for every command and format.
 */
import { ensureBuilt } from '../helpers/build';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

let tmp: string;
let drafts: string[] = [];


const env = () => ({ ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), SOURCEWISE_DEBUG: '' });

/** The command's stdout written straight to a file (no pipe), and its exit code. */
function toFile(args: string[]): { code: number | null; bytes: Buffer } {
  const out = path.join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(out, 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: env(), stdio: ['ignore', fd, 'pipe'], timeout: 120_000 });
    return { code: r.status, bytes: readFileSync(out) };
  } finally {
    closeSync(fd);
  }
}

/** The command's stdout read through a pipe by a reader that pauses after every chunk, as `| slow-tool` would. */
function piped(args: string[]): Promise<{ code: number | null; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => {
      chunks.push(b);
      p.stdout.pause();
      setTimeout(() => p.stdout.resume(), 2);
    });
    p.stderr.resume();
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, bytes: Buffer.concat(chunks) }));
  });
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-cli-out-'));
  ensureBuilt(CLI, 'pipe');
  // 150 short drafts, each a paragraph of the example draft (the size of the attack run's set).
  const paragraphs = readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8')
    .split(/\n\s*\n/)
    .filter((p) => p.trim().length > 80 && !p.startsWith('#'));
  mkdirSync(path.join(tmp, 'drafts'));
  drafts = [];
  for (let i = 0; i < 150; i++) {
    const file = path.join(tmp, 'drafts', `d${String(i).padStart(3, '0')}.md`);
    writeFileSync(file, `# Draft ${i}\n\n${paragraphs[i % paragraphs.length]}\n`);
    drafts.push(file);
  }
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('output through a pipe arrives whole', () => {
  it('a piped `cite` of 150 drafts --format json parses, every time (3 runs)', async () => {
    const ref = toFile(['cite', ...drafts, '--format', 'json']);
    expect(ref.code).toBe(0);
    // Far more than a pipe's buffer (64 KB): the part that used to be lost.
    expect(ref.bytes.length).toBeGreaterThan(150_000);
    for (let run = 0; run < 3; run++) {
      const r = await piped(['cite', ...drafts, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.bytes.length, `run ${run}`).toBe(ref.bytes.length);
      expect(() => JSON.parse(r.bytes.toString('utf8'))).not.toThrow();
    }
  }, 240_000);

  const COMMANDS: [string, string[]][] = [
    ['cite (text)', ['cite', '$DRAFTS']],
    ['check (json)', ['check', '$DRAFTS', '--format', 'json']],
    ['check (text)', ['check', '$DRAFTS']],
    ['facts (markdown)', ['facts', 'Umerov']],
    ['facts (json)', ['facts', 'Umerov', '--format', 'json']],
    ['index (text)', ['index', '--stats']],
    ['index (json)', ['index', '--stats', '--format', 'json']],
  ];
  for (const [name, template] of COMMANDS) {
    it(`${name}: the same bytes and exit code through a pipe as into a file`, async () => {
      const args = template.flatMap((a) => (a === '$DRAFTS' ? drafts : [a]));
      const ref = toFile(args);
      expect(ref.bytes.length).toBeGreaterThan(0);
      const r = await piped(args);
      expect(r.code).toBe(ref.code);
      const text = r.bytes.toString('utf8');
      if (name.includes('json')) expect(() => JSON.parse(text)).not.toThrow();
      // `index` prints its own timing, which differs from run to run.
      if (name.startsWith('index')) expect(text.replace(/\d+/g, '0')).toBe(ref.bytes.toString('utf8').replace(/\d+/g, '0'));
      else expect(r.bytes.length).toBe(ref.bytes.length);
    }, 120_000);
  }

  it('a reader that stops early (`| head`) ends the command without an error trace', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [CLI, 'cite', ...drafts, '--format', 'json'], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      p.stdout.once('data', () => p.stdout.destroy());
      p.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('control characters from sources are shown, not obeyed', () => {
  // A title-setting OSC, a screen clear, an OSC 52 clipboard write, a one-character C1 CSI and a
  // right-to-left override, in a source's text, its outlet and the name of a file it skips.
  const ESC = '\u001b]0;PWNED\u0007\u001b[2J and \u001b]52;c;ZXZpbA==\u0007 then \u009b2J and \u202e reversed';
  const SOURCE = `---\noutlet: "Evil \\u001b]0;PWNED\\u0007 Gazette"\n---\nThe bridge cost $42 million, Mayor Elena Ruiz said on Tuesday ${ESC}.\n\nMayor Elena Ruiz opened the bridge.\n`;
  /** Anything a terminal would act on: C0 but line feed and tab, DEL, C1, bidirectional controls. */
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  let dir: string;
  beforeAll(() => {
    dir = path.join(tmp, 'escapes');
    mkdirSync(path.join(dir, 'sources'), { recursive: true });
    writeFileSync(path.join(dir, 'sources', 'a.md'), SOURCE);
    writeFileSync(path.join(dir, 'sources', 'bin\u001b[2J.md'), Buffer.from([0x78, 0, 0x79]));
    writeFileSync(path.join(dir, 'draft.md'), 'The bridge cost $55 million, Mayor Elena Ruiz said.\n');
  });
  const runIn = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args, '--sources', path.join(dir, 'sources')], { cwd: dir, env: env(), encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  for (const args of [['check', 'draft.md'], ['check', 'draft.md', '--format', 'json'], ['cite', 'draft.md'], ['cite', 'draft.md', '--format', 'json'], ['facts', 'Elena Ruiz'], ['facts', 'Elena Ruiz', '--format', 'json'], ['index', '--stats']]) {
    it(`${args.join(' ')}: no control character on stdout or stderr`, () => {
      const r = runIn(args);
      expect(r.code, r.stderr).toBeLessThan(2);
      expect(r.stdout, 'stdout').not.toMatch(CONTROL);
      expect(r.stderr, 'stderr').not.toMatch(CONTROL);
      // The skipped file is still named, with its escape shown.
      expect(r.stderr).toContain('bin\\x1B[2J.md');
      if (args[0] !== 'index') expect(r.stdout).toMatch(/PWNED/);
    });
  }

  it('text output shows the escapes as text, each field on its line', () => {
    const r = runIn(['check', 'draft.md']);
    expect(r.stdout).toContain('\\x1B]0;PWNED\\x07\\x1B[2J');
    expect(r.stdout).toContain('\\x9B2J');
    expect(r.stdout).toContain('\\u202E');
    // The evidence line is one line: the source's text cannot forge lines of output.
    const evidence = r.stdout.split('\n').filter((l) => l.startsWith('    - '));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatch(/reversed/);
  });

  it('JSON keeps the same values, with C1 and bidirectional controls as \\u escapes', () => {
    const r = runIn(['check', 'draft.md', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const ev = j.files[0].diagnostics[0].evidence[0];
    expect(ev.text).toContain(ESC);
  });
});

describe('drafts are read with the checks sources get', () => {
  const runDraft = (file: string) => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [CLI, 'check', file], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
  };
  const expectRefused = (r: ReturnType<typeof runDraft>, pattern: RegExp) => {
    // Killed by the timeout (a hang) leaves status null.
    expect(r.signal, `${r.ms} ms`).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sourcewise: /);
    expect(lines[0]).toMatch(pattern);
  };

  it('a FIFO is refused at once, not read (it used to hang forever)', () => {
    const fifo = path.join(tmp, 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    expectRefused(runDraft(fifo), /fifo\.md is not a regular file/);
  });

  it('/dev/zero, and a link to it named like a draft, are refused (they used to be read without limit)', () => {
    expectRefused(runDraft('/dev/zero'), /\/dev\/zero is not a regular file/);
    const link = path.join(tmp, 'zero.md');
    execFileSync('ln', ['-s', '/dev/zero', link]);
    expectRefused(runDraft(link), /zero\.md is not a regular file/);
  });

  it('a draft over 10 MB is refused by size', () => {
    const big = path.join(tmp, 'big.md');
    writeFileSync(big, 'The talks lasted two hours. '.repeat(400_000));
    expectRefused(runDraft(big), /big\.md is larger than 10 MB/);
  });
});

describe('--sources patterns', () => {
  it('a brace bomb is refused at once and named; the other sources are read (it cost 9 s and 1.1 GB)', () => {
    const bomb = `${'{a,b}'.repeat(16)}/*.md`;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [CLI, 'index', '--stats', '--sources', path.join(ROOT, 'seeds'), '--sources', bomb], {
      cwd: tmp,
      env: env(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const ms = Date.now() - t0;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sources 5$/m);
    expect(r.stderr).toContain(`sourcewise: the source pattern ${bomb} is not used: its braces expand to more than 1,000 patterns`);
    expect(ms).toBeLessThan(5_000);
  });
});
