/**
 * Source patterns as a writer's settings give them (issue 13): a malformed glob is reported by
 * name and skipped while the others are read; absolute patterns mean what they say; only source
 * file types are read, a file named outright included; and what a pattern may list is capped
 * (files, bytes, brace expansions) with a message that says so.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { braceExpansions, listSources, patternProblem, readSources } from '../../../src/engine/sources/read';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-patterns-'));
  mkdirSync(path.join(dir, 'sources'));
  mkdirSync(path.join(dir, 'notes'));
  mkdirSync(path.join(dir, 'many'));
  writeFileSync(path.join(dir, 'sources', 'a.md'), '# A\n\nThe bridge cost $42 million, the mayor said.\n');
  writeFileSync(path.join(dir, 'sources', 'b.md'), '# B\n\nThe talks lasted three hours.\n');
  writeFileSync(path.join(dir, 'notes', 'a.md'), '# Note\n\nA note.\n');
  writeFileSync(path.join(dir, 'top.md'), '# Top\n\nA file at the top of the folder.\n');
  for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, 'many', `f${String(i).padStart(2, '0')}.md`), `# F${i}\n\n${'Some words. '.repeat(20)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (paths: { path: string }[]) => paths.map((p) => path.relative(dir, p.path)).sort();

describe('a malformed glob is skipped by name; the other patterns are read', () => {
  for (const bad of ['notes/{a,b.md', 'notes/[z-a].md', 'notes/a}.md']) {
    it(`${bad}`, async () => {
      expect(patternProblem(bad)).toBeTruthy();
      const r = await readSources(['sources/*.md', bad], { cwd: dir });
      expect(names(r.inputs)).toEqual(['sources/a.md', 'sources/b.md']);
      const skip = r.skipped.find((s) => s.pattern)!;
      expect(skip.path).toBe(bad);
      expect(skip.reason).toMatch(/is not used: /);
      // The same through the cache's listing, and a whole load.
      const l = await listSources(['sources/*.md', bad], { cwd: dir });
      expect(l.files.map((f) => path.relative(dir, f.path))).toEqual(['sources/a.md', 'sources/b.md']);
      const { corpus, skipped } = await Corpus.load(['sources/*.md', bad], { cwd: dir, cacheDir: false, analysis: 'deferred' });
      expect(corpus.docs).toHaveLength(2);
      expect(skipped.some((s) => s.path === bad)).toBe(true);
    });
  }

  it('well-formed globs have no problem', () => {
    for (const ok of ['sources/**/*.{md,txt,html}', 'src/[ab].md', 'src/!(a).md', '{a,b}/{c,d}/*.md', 'x/{1..20}.md', 'notes/**/[']) expect(patternProblem(ok), ok).toBeUndefined();
  });
});

describe('absolute patterns mean what they say', () => {
  it('/*.md and /**/*.md look at the root folder, not the working folder', async () => {
    for (const p of ['/*.md', '/t*p.md']) {
      const r = await listSources([p], { cwd: dir, limits: { files: 50 } });
      // The working folder's top.md is not what `/*.md` names.
      expect(r.files.map((f) => f.path)).not.toContain(path.join(dir, 'top.md'));
      for (const f of r.files) expect(path.dirname(f.path)).toBe('/');
    }
  });

  it('an absolute glob into a folder lists that folder', async () => {
    const r = await listSources([`${dir.replace(/\\/g, '/')}/sources/*.md`], { cwd: os.tmpdir() });
    expect(names(r.files)).toEqual(['sources/a.md', 'sources/b.md']);
  });
});

describe('only source file types are read', () => {
  it('a file named outright must be one too (/etc/passwd is not indexed)', async () => {
    const r = await readSources(['/etc/passwd', 'sources/a.md'], { cwd: dir });
    expect(names(r.inputs)).toEqual(['sources/a.md']);
    if (process.platform === 'linux') expect(r.skipped).toContainEqual({ path: '/etc/passwd', reason: expect.stringMatching(/not a source file type/) });
  });
});

describe('what a pattern may list is capped, with a message', () => {
  it('files: a folder of 60 with a limit of 25 gives the first 25 and says so', async () => {
    for (const read of [readSources, listSources] as const) {
      const r = await read(['many', 'sources'], { cwd: dir, limits: { files: 25 } });
      const got = 'inputs' in r ? r.inputs : r.files;
      expect(got).toHaveLength(25);
      const skip = r.skipped.find((s) => s.pattern && s.path === 'many')!;
      expect(skip.reason).toMatch(/lists more than 25 source files; the first 25 files are read/);
      // The limit holds for all patterns together: the next pattern gets nothing more.
      expect(r.skipped.find((s) => s.pattern && s.path === 'sources')!.reason).toMatch(/with the patterns before it/);
    }
  });

  it('bytes: the files past the limit are not read, and the message names the first of them', async () => {
    const r = await readSources(['many'], { cwd: dir, limits: { bytes: 2_000 } });
    expect(r.inputs.length).toBeGreaterThan(0);
    expect(r.inputs.length).toBeLessThan(60);
    expect(r.inputs.reduce((n, i) => n + (i.size ?? 0), 0)).toBeLessThanOrEqual(2_000);
    expect(r.skipped.find((s) => s.pattern)!.reason).toMatch(/lists more than 2000 bytes of sources; files from .*f\d\d\.md on are not read/);
    const l = await listSources(['many'], { cwd: dir, limits: { bytes: 2_000 } });
    expect(l.files.map((f) => f.path)).toEqual(r.inputs.map((i) => i.path));
  });

  it('`/**` lists at most the limit, promptly (it listed the whole file system)', async () => {
    const t0 = performance.now();
    const r = await listSources(['/**'], { cwd: dir, limits: { files: 200 } });
    expect(r.files.length + r.skipped.filter((s) => !s.pattern).length).toBeLessThanOrEqual(200);
    expect(r.skipped.some((s) => s.pattern && s.path === '/**' && /lists more than 200 source files/.test(s.reason))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it('a brace bomb is refused at once with its count (it cost 9 s and 1.1 GB)', async () => {
    const bomb = `${'{a,b}'.repeat(16)}/*.md`;
    expect(braceExpansions(bomb)).toBeGreaterThan(1_000);
    expect(braceExpansions('{a,b}/{c,d,e}/x{1..10}.md')).toBe(60);
    expect(braceExpansions('{a,{b,c}}.md')).toBe(3);
    const t0 = performance.now();
    const r = await readSources(['sources', bomb], { cwd: dir });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.inputs).toHaveLength(2);
    expect(r.skipped.find((s) => s.pattern)!.reason).toMatch(/braces expand to more than 1,000 patterns/);
  });
});
