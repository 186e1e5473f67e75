/**
 * Source globs of the common shapes (`folder/*.md`, `folder/` `**` `/*.{md,txt}`) are
 * listed by a folder walk rather than fast-glob, for speed on large folders. A writer
 * must get exactly the files fast-glob would give, whatever the tree holds.
 */
import fg from 'fast-glob';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOB_OPTIONS, hasSourceExtension, listSources } from '../../../src/engine/sources/read';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-globs-'));
  const files = [
    'src/a.md',
    'src/B.MD',
    'src/c.txt',
    'src/d.html',
    'src/.dot.md',
    'src/notes.markdown',
    'src/x.md.bak',
    'src/sub/e.md',
    'src/sub/deeper/f.txt',
    'src/sub/.hidden/g.md',
    'src/.cfg/h.md',
    'src/node_modules/i.md',
    'src/sub/node_modules/j.md',
    'src/2025-05 talks/k.md',
    'src/[draft] l.md',
    'src/m (1).txt',
    'src/ünïcode.md',
    '.dotbase/n.md',
    'other/o.md',
  ];
  for (const f of files) {
    const p = path.join(dir, f);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, `text of ${f}\n`);
  }
  mkdirSync(path.join(dir, 'src', 'folder.md'));
  try {
    symlinkSync(path.join(dir, 'src', 'sub'), path.join(dir, 'src', 'linked'), 'dir');
    symlinkSync(path.join(dir, 'src', 'a.md'), path.join(dir, 'src', 'alias.md'), 'file');
    symlinkSync(path.join(dir, 'src', 'missing.md'), path.join(dir, 'src', 'dangling.md'), 'file');
  } catch {
    /* symlinks may be unavailable */
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What fast-glob lists for the pattern with the reader's options, then as listSources reports it (files and skips). */
async function viaFastGlob(pattern: string): Promise<string[]> {
  const entries = await fg(pattern, { ...GLOB_OPTIONS, cwd: dir });
  return entries.map((e) => path.normalize(e)).sort();
}

async function listed(pattern: string): Promise<string[]> {
  const { files, skipped } = await listSources([pattern], { cwd: dir });
  // Folders named like sources are passed over by both; everything else is a file or a skip.
  return [...files.map((f) => f.path), ...skipped.map((s) => s.path)].sort();
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

describe('source globs', () => {
  const patterns = [
    'src/*.md',
    'src/*',
    'src/**/*.md',
    'src/**/*.{md,txt,html}',
    'src/**/*',
    'src/**/*.MD',
    'src/*.{md,markdown}',
    'src/?.md',
    'src/[ab].md',
    'src/**/[a-f].*',
    '**/*.md',
    '*/*.md',
    '.dotbase/*.md',
    'src/sub/**/*.txt',
    'src/*/*.md',
    'src/**/deeper/*.txt',
    'src/!(a).md',
    'missing/**/*.md',
  ];
  for (const pattern of patterns) {
    it(`lists what fast-glob lists for ${pattern}`, async () => {
      // Only source file types are listed, whatever the glob matches (src/* matches x.md.bak).
      const want = (await viaFastGlob(pattern)).filter((p) => !isDir(p) && hasSourceExtension(p));
      const got = await listed(pattern);
      expect(got).toEqual(want);
      if (pattern.startsWith('src/**/*.md')) expect(got.length).toBeGreaterThan(4);
    });
  }

  it('a pattern with an absolute folder works as a relative one does', async () => {
    const abs = path.join(dir, 'src').replace(/\\/g, '/') + '/**/*.md';
    expect(await listed(abs)).toEqual(await listed('src/**/*.md'));
  });
});
