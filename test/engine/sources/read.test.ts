import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, readSources } from '../../../src/engine/sources';

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

  it('reports a missing file and accepts an explicit file of any extension', async () => {
    const { inputs, skipped } = await readSources(['nope.txt', 'corpus/sub/ignored.json'], { cwd: dir });
    expect(inputs.map((i) => path.basename(i.path))).toEqual(['ignored.json']);
    expect(skipped).toEqual([{ path: path.join(dir, 'nope.txt'), reason: 'file not found' }]);
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
});
