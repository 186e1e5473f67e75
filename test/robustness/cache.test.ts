/**
 * The persistent index does not trust its own file (issue 13): checksum-valid edits of every
 * part neither crash nor hang a load or a check, and are rebuilt with one warning; a FIFO at the
 * index's path does not hang the command line; the leftovers of a write that never finished are
 * removed; a source rewritten with its size and time kept is read again.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { pruneStale } from '../../src/engine/cache';
import { ensureBuilt, REPO } from './harness/lsp';

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-cache-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('checksum-valid edits of the index file', () => {
  it('crash nothing, hang nothing, and are rebuilt with at most one warning', async () => {
    const bundle = path.join(tmp, 'cache-fuzz.cjs');
    await build({ entryPoints: [path.join(__dirname, 'harness/cache-fuzz.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
    const work = path.join(tmp, 'fuzz');
    const perClass = 15;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [bundle, path.join(REPO, 'seeds'), work, String(perClass), '13'], { encoding: 'utf8', timeout: 240_000, maxBuffer: 64 << 20 });
    // A native assertion or a hang ends the child: that is the failure this suite is for.
    expect(r.signal, `child ended by ${r.signal} after ${Date.now() - t0} ms\n${r.stderr.slice(-3000)}`).toBeNull();
    expect(r.status, r.stderr.slice(-3000)).toBe(0);
    const outcomes = JSON.parse(r.stdout.trim().split('\n').pop()!) as { cls: string; edit: string; result: string; same: boolean; warnings: number; healed: boolean; stable: boolean }[];
    const byClass = new Map<string, typeof outcomes>();
    for (const o of outcomes) byClass.set(o.cls, [...(byClass.get(o.cls) ?? []), o]);
    const lines = [...byClass].map(([cls, os]) => {
      const n = (p: (o: (typeof os)[number]) => boolean) => os.filter(p).length;
      return `${cls}: ${os.length} edits, crashes ${n((o) => o.result !== 'ok')}, found and rebuilt with one warning ${n((o) => o.warnings === 1)}, no effect ${n((o) => o.warnings === 0 && o.same)}, other findings without a warning ${n((o) => o.warnings === 0 && !o.same)}, found but not sound on the next load ${n((o) => o.warnings > 0 && !o.healed)}`;
    });
    // eslint-disable-next-line no-console
    console.log(`[robustness] persistent index fault suite (${outcomes.length} edits, ${Date.now() - t0} ms):\n  ${lines.join('\n  ')}`);
    for (const o of outcomes) {
      expect(o.result, `${o.cls} ${o.edit}`).toBe('ok');
      expect(o.warnings, `${o.cls} ${o.edit}`).toBeLessThanOrEqual(1);
      // Damage found: the file was written again, and the next load is sound and silent. An edit
      // that decodes to other valid data cannot be told from what was written: the next load
      // reads it the same way again, without a warning or a crash.
      if (o.warnings) expect(o.healed, `${o.cls} ${o.edit}`).toBe(true);
      else expect(o.stable, `${o.cls} ${o.edit}`).toBe(true);
    }
    // The header edits are all found (a place or length the file cannot hold).
    expect(byClass.get('header: a section place or length')!.every((o) => o.warnings === 1 || o.same)).toBe(true);
  }, 300_000);
});

describe('the index file and its folder', () => {
  const env = (home: string) => ({ ...process.env, XDG_CACHE_HOME: home, SOURCEWISE_DEBUG: '' });
  const cli = (home: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], { cwd: REPO, env: env(home), encoding: 'utf8', timeout: 30_000 });

  it('a FIFO at the index\'s path does not hang the command line; it is replaced by a sound file', () => {
    const home = path.join(tmp, 'fifo-home');
    expect(cli(home, 'index', '--stats').status).toBe(0);
    const dir = path.join(home, 'sourcewise');
    const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.bin'))!);
    fs.rmSync(file);
    execFileSync('mkfifo', [file]);
    const r = cli(home, 'check', 'examples/draft.md');
    expect(r.signal, 'killed by the timeout: it hung').toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/persistent index .* is damaged \(not a regular file\); rebuilding it/);
    expect(fs.lstatSync(file).isFile()).toBe(true);
    const again = cli(home, 'check', 'examples/draft.md');
    expect(again.stderr).toBe('');
  });

  it('removes the temporary files of writes that never finished, and only those', async () => {
    const dir = path.join(tmp, 'prune');
    fs.mkdirSync(dir, { recursive: true });
    const index = path.join(dir, 'index-0123abcd.bin');
    fs.writeFileSync(index, 'x');
    // A writer that is gone (no such process), one long dead, and a write under way in this process.
    const deadPid = 2 ** 22 + 12345;
    const gone = `${index}.${deadPid}.a1b2c3.tmp`;
    const old = `${index}.${process.pid}.d4e5f6.tmp`;
    const live = `${index}.${process.pid}.0a0b0c.tmp`;
    for (const f of [gone, old, live]) fs.writeFileSync(f, Buffer.alloc(1024));
    const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(old, hourAgo, hourAgo);
    // Not ours: another name, and a link (not followed, not removed).
    fs.writeFileSync(path.join(dir, 'notes.tmp'), 'keep');
    fs.symlinkSync(path.join(dir, 'notes.tmp'), `${index}.${deadPid}.ffffff.tmp`);
    await pruneStale(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(index), path.basename(`${index}.${deadPid}.ffffff.tmp`), path.basename(live), 'notes.tmp'].sort());
  });

  it('a source rewritten with its size and modification time kept (touch -r) is read again', async () => {
    const dir = path.join(tmp, 'touch');
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources, { recursive: true });
    const file = path.join(sources, 'a.md');
    fs.writeFileSync(file, '# A\n\nThe talks lasted three hours.\n');
    const cacheDir = path.join(dir, 'cache');
    const draft = 'The talks lasted three hours.';
    const first = (await Corpus.load([sources], { cacheDir })).corpus;
    expect(first.check(draft).filter((d) => d.code === 'contradiction')).toEqual([]);
    // touch -r copies the times to the nanosecond, as the attack run did.
    const ref = path.join(dir, 'ref');
    fs.writeFileSync(ref, '');
    execFileSync('touch', ['-r', file, ref]);
    const rewrite = (text: string) => {
      fs.writeFileSync(file, text);
      execFileSync('touch', ['-r', ref, file]);
    };
    rewrite('# A\n\nThe talks lasted seven hours.\n');
    const warm = (await Corpus.load([sources], { cacheDir })).corpus;
    // Size and time say nothing changed; the content says otherwise.
    expect(await warm.verifySources()).toBe(1);
    expect(warm.check(draft).map((d) => d.code)).toContain('contradiction');
    // The command line does the same before it answers.
    const home = path.join(dir, 'home');
    fs.writeFileSync(path.join(dir, 'draft.md'), `${draft}\n`);
    rewrite('# A\n\nThe talks lasted three hours.\n');
    expect(cli(home, 'check', path.join(dir, 'draft.md'), '--sources', sources).status).toBe(0);
    rewrite('# A\n\nThe talks lasted seven hours.\n');
    expect(cli(home, 'check', path.join(dir, 'draft.md'), '--sources', sources).status).toBe(1);
  });
});
