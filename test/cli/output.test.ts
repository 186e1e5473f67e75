/**
 * The command line's output as tools meet it: read through a pipe by a slow reader,
 * it arrives whole and the same as written to a file, for every command and format.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

let tmp: string;
let drafts: string[] = [];

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

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
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(path.join(ROOT, 'src'))) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }
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
