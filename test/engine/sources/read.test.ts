import { execFileSync } from 'node:child_process';
import nodeFs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { decodeText, readSources } from '../../../src/engine/sources';
import { listSources, readFiles } from '../../../src/engine/sources/read';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-read-'));
  const w = (rel: string, data: string | Uint8Array): void => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, data);
  };
  w('corpus/b.txt', '\uFEFFBOM article.\n');
  w('corpus/a.md', '# A\n\nText.\n');
  w('corpus/sub/c.html', '<p>Hello.</p>');
  w('corpus/sub/ignored.json', '{}');
  w('corpus/.hidden/d.txt', 'hidden');
  w('corpus/node_modules/e.txt', 'dependency');
  // UTF-16 LE and BE with BOM
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich talks — 16 May.', 'utf16le')]);
  w('corpus/utf16le.txt', le);
  const beBody = Buffer.from('Kyiv says hi.', 'utf16le').swap16();
  w('corpus/utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]));
  w('corpus/binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
  w('corpus/latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e])); // "Café." in Latin-1
  w('corpus/big.txt', 'x'.repeat(3000));
  mkdirSync(path.join(dir, 'empty'));
  // symlink loop: corpus/loop -> corpus
  try {
    symlinkSync(path.join(dir, 'corpus'), path.join(dir, 'corpus', 'loop'), 'dir');
  } catch {
    /* symlinks may be unavailable */
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSources', () => {
  it('reads a folder: sorted, decoded, skipping the unreadable with reasons', async () => {
    const { inputs, skipped } = await readSources(['corpus'], { cwd: dir, maxFileSize: 2000 });
    const names = inputs.map((i) => path.relative(path.join(dir, 'corpus'), i.path).split(path.sep).join('/'));
    expect(names).toEqual(['a.md', 'b.txt', 'sub/c.html', 'utf16be.txt', 'utf16le.txt']);
    const byName = (n: string) => inputs.find((i) => i.path.endsWith(n))!;
    expect(byName('b.txt').text).toBe('BOM article.\n');
    expect(byName('utf16le.txt').text).toBe('Zürich talks — 16 May.');
    expect(byName('utf16be.txt').text).toBe('Kyiv says hi.');
    expect(byName('a.md').size).toBe(11);
    expect(typeof byName('a.md').mtimeMs).toBe('number');
    const reasons = Object.fromEntries(skipped.map((s) => [path.basename(s.path), s.reason]));
    expect(reasons).toEqual({
      'big.txt': 'larger than 0 MB'.replace('0 MB', `${Number((2000 / 1048576).toFixed(2))} MB`),
      'binary.txt': 'binary file',
      'latin1.txt': 'not valid UTF-8 text',
    });
  });

  it('uses the 5 MB default and names it', async () => {
    const big = path.join(dir, 'huge.txt');
    writeFileSync(big, 'a'.repeat(5 * 1024 * 1024 + 1));
    const { inputs, skipped } = await readSources([big]);
    expect(inputs).toEqual([]);
    expect(skipped).toEqual([{ path: big, reason: 'larger than 5 MB' }]);
    rmSync(big);
  });

  it('an empty folder gives no inputs and no error', async () => {
    expect(await readSources(['empty'], { cwd: dir })).toEqual({ inputs: [], skipped: [] });
  });

  it('expands globs relative to cwd', async () => {
    const { inputs } = await readSources(['corpus/**/*.html', 'corpus/*.md'], { cwd: dir });
    expect(inputs.map((i) => path.basename(i.path))).toEqual(['a.md', 'c.html']);
    const abs = await readSources([path.join(dir, 'corpus').split(path.sep).join('/') + '/b.*']);
    expect(abs.inputs.map((i) => path.basename(i.path))).toEqual(['b.txt']);
  });

  it('reports a missing file, and an explicit file that is not a source file type (as /etc/passwd would be)', async () => {
    const { inputs, skipped } = await readSources(['nope.txt', 'corpus/sub/ignored.json'], { cwd: dir });
    expect(inputs).toEqual([]);
    expect(skipped).toEqual([
      { path: path.join(dir, 'corpus/sub/ignored.json'), reason: 'not a source file type (.txt, .md, .markdown, .html, .htm)' },
      { path: path.join(dir, 'nope.txt'), reason: 'file not found' },
    ]);
  });

  it('honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(readSources(['corpus'], { cwd: dir, signal: ac.signal })).rejects.toBeTruthy();
  });
});

describe('decodeText', () => {
  it('strips the UTF-8 BOM and rejects invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, text: 'A' });
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, reason: 'not valid UTF-8 text' });
    expect(decodeText(new Uint8Array([]))).toEqual({ ok: true, text: '' });
  });

  it('calls a file binary for a NUL byte in its first 8 KB only', () => {
    const bytes = (nulAt: number) => {
      const b = new Uint8Array(9000).fill(0x61);
      b[nulAt] = 0;
      return b;
    };
    expect(decodeText(bytes(0))).toEqual({ ok: false, reason: 'binary file' });
    expect(decodeText(bytes(8191))).toEqual({ ok: false, reason: 'binary file' });
    const late = decodeText(bytes(8192));
    expect(late.ok && late.text.length).toBe(9000);
  });
});

/** Writes `files` (name -> content) into a fresh folder under `dir` and returns it. */
function folderWith(name: string, files: Record<string, string | Uint8Array>): string {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [n, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, n)), { recursive: true });
    writeFileSync(path.join(d, n), data);
  }
  return d;
}

describe('large folders (read in slices, with the event loop served in between)', () => {
  // More files than one slice of reading, of varied lengths (each text must come back
  // exactly, however long the file before it was), with bad files spread among them.
  const N = 700;
  const text = (i: number) => `Article ${i}. ${'Lorem ipsum dolor. '.repeat((i * 7) % 40)}\n`;
  const names = Array.from({ length: N }, (_, i) => `f${String(i).padStart(4, '0')}.txt`);
  let big: string;
  beforeAll(() => {
    big = folderWith('big', Object.fromEntries(names.map((n, i) => [n, text(i)])));
    writeFileSync(path.join(big, 'f0255.txt'), Buffer.from([0x41, 0x00, 0x42])); // binary, near the first slice's end
    writeFileSync(path.join(big, 'f0256.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9])); // Latin-1, first of the next
    writeFileSync(path.join(big, 'f0400.txt'), 'x'.repeat(5000)); // over the limit used below
    rmSync(path.join(big, 'f0513.txt'));
    symlinkSync(path.join(big, 'nowhere'), path.join(big, 'f0513.txt')); // broken link
    if (process.platform !== 'win32') {
      rmSync(path.join(big, 'f0600.txt'));
      execFileSync('mkfifo', [path.join(big, 'f0600.txt')]);
    }
  });

  const bad = (): Record<string, string> => ({
    'f0255.txt': 'binary file',
    'f0256.txt': 'not valid UTF-8 text',
    'f0400.txt': `larger than ${Number((4096 / 1048576).toFixed(2))} MB`,
    'f0513.txt': 'broken symbolic link',
    ...(process.platform !== 'win32' ? { 'f0600.txt': 'not a regular file' } : {}),
  });

  it('readSources and readFiles return every file, sorted, with each bad one skipped for its reason', async () => {
    const good = names.filter((n) => !(n in bad()));
    const viaFolder = await readSources([big], { maxFileSize: 4096 });
    const viaPaths = await readFiles(names.map((n) => path.join(big, n)), { maxFileSize: 4096 });
    for (const r of [viaFolder, viaPaths]) {
      expect(r.inputs.map((i) => path.basename(i.path))).toEqual(good);
      for (const input of r.inputs) expect(input.text).toBe(text(Number(path.basename(input.path).slice(1, 5))));
      expect(r.skipped.map((s) => path.basename(s.path))).toEqual(Object.keys(bad()));
      expect(Object.fromEntries(r.skipped.map((s) => [path.basename(s.path), s.reason]))).toEqual(bad());
    }
  });

  it('listSources lists the same files, sorted, with sizes, and the unreadable ones as skipped', async () => {
    const { files, skipped } = await listSources([big], { maxFileSize: 4096 });
    const listedBad = ['f0400.txt', 'f0513.txt', ...(process.platform !== 'win32' ? ['f0600.txt'] : [])];
    // Content is not looked at when listing: the binary and Latin-1 files are listed.
    expect(files.map((f) => path.basename(f.path))).toEqual(names.filter((n) => !listedBad.includes(n)));
    expect(files.find((f) => f.path.endsWith('f0010.txt'))!.size).toBe(Buffer.byteLength(text(10)));
    expect(skipped.map((s) => path.basename(s.path))).toEqual(listedBad);
  });

  it('an abort while reading rejects with the reason and stops reading', async () => {
    const files = names.map((n) => path.join(big, n));
    const openSync = vi.spyOn(nodeFs, 'openSync');
    try {
      const ac = new AbortController();
      const reason = new Error('stop reading');
      setImmediate(() => ac.abort(reason)); // runs as soon as the first slice lets the event loop in
      await expect(readFiles(files, { signal: ac.signal })).rejects.toBe(reason);
      // Some files were read before the abort, but far from all of them.
      expect(openSync.mock.calls.length).toBeGreaterThan(0);
      expect(openSync.mock.calls.length).toBeLessThan(N / 2);
    } finally {
      openSync.mockRestore();
    }
  });

  it('an abort while listing or expanding a folder rejects with the reason', async () => {
    for (const run of [
      (signal: AbortSignal) => listSources([big], { signal }),
      (signal: AbortSignal) => readSources([big], { signal }),
    ]) {
      const ac = new AbortController();
      const reason = new Error('stop listing');
      setImmediate(() => ac.abort(reason));
      await expect(run(ac.signal)).rejects.toBe(reason);
    }
  });
});

describe('folder walk', () => {
  it('takes source extensions in any letter case; skips dot-files, dot-folders and node_modules in any case', async () => {
    const d = folderWith('walk', {
      'UPPER.TXT': 'Upper.',
      'Mixed.Markdown': 'Mixed.',
      'page.HtM': '<p>Page.</p>',
      '.dotfile.txt': 'hidden',
      '.git/HEAD.txt': 'hidden',
      'Node_Modules/pkg.md': 'dependency',
      'node_modules.txt/inside.md': 'A folder named like a source is entered.',
      'notes.txt.bak': 'other extension',
      'deep/a/b/c/d/e.md': 'Deep.',
    });
    const { inputs, skipped } = await readSources([d]);
    expect(inputs.map((i) => path.relative(d, i.path).split(path.sep).join('/'))).toEqual([
      'Mixed.Markdown',
      'UPPER.TXT',
      'deep/a/b/c/d/e.md',
      'node_modules.txt/inside.md',
      'page.HtM',
    ]);
    expect(skipped).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('reads a file whose name has a backslash under its real name', async () => {
    const d = folderWith('backslash', { 'a\\b.md': 'Backslash.' });
    const { inputs, skipped } = await readSources([d]);
    expect(inputs.map((i) => [path.basename(i.path), i.text])).toEqual([['a\\b.md', 'Backslash.']]);
    expect(skipped).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('files whose size is not known in advance', () => {
  // /proc files report size 0 and are read to their end; the size limit still applies.
  it('are read to the end, within the size limit', async () => {
    // Through a link named like a source (a source file type is required of every file).
    const linkDir = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-proc-'));
    const status = path.join(linkDir, 'status.txt');
    symlinkSync('/proc/self/status', status);
    onTestFinished(() => rmSync(linkDir, { recursive: true, force: true }));
    const r = await readFiles([status]);
    expect(r.skipped).toEqual([]);
    expect(r.inputs[0]!.text).toMatch(/^Name:/);
    const small = await readFiles([status], { maxFileSize: 10 });
    expect(small.inputs).toEqual([]);
    expect(small.skipped.map((s) => s.reason)).toEqual([`larger than ${Number((10 / 1048576).toFixed(2))} MB`]);
  });
});
