/**
 * Robustness of source loading: every kind of bad file is skipped with a reason
 * that names it (or read correctly), `Corpus.load` never throws, the index holds
 * exactly the readable files, and checking a draft afterwards still works.
 * Everything is generated in os.tmpdir(). (We may be root, so "unreadable" is
 * simulated with entries that error on read: dangling symlinks, FIFOs, loops.)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
// Node's fs object itself: the reader calls through it, so a test can replace one of its
// functions (the namespace above cannot be changed) to make files change mid-load.
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { decodeText, parseSource } from '../../src/engine/sources';
import { readFiles } from '../../src/engine/sources/read';

const SEEDS = path.resolve(__dirname, '../../seeds');
const SEED_TEXT = fs.readFileSync(path.join(SEEDS, '003_aa322a804f1c0caf.txt'), 'utf8');
/** A draft sentence the seed above contradicts ("less than two hours"). */
const DRAFT = 'The talks in Istanbul lasted three hours, officials said.\n';
const MB = 1024 * 1024;

/** Bad inputs tried, by kind (printed at the end; the report quotes it). */
const tried: Record<string, number> = {};
const count = (kind: string, n = 1) => (tried[kind] = (tried[kind] ?? 0) + n);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-robust-src-'));
});
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`[robustness] bad source inputs tried per kind: ${JSON.stringify(tried)}`);
  fs.rmSync(dir, { recursive: true, force: true });
});

function folder(name: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(p, { recursive: true });
  return p;
}

const base = (p: string) => path.basename(p);
const reasonsOf = (skipped: { path: string; reason: string }[]) =>
  Object.fromEntries(skipped.map((s) => [base(s.path), s.reason]));

/** Loads with and without the persistent index; both must agree and neither may throw. */
async function loadBoth(patterns: string[], opts: Parameters<typeof Corpus.load>[1] = {}) {
  const plain = await Corpus.load(patterns, { ...opts, cacheDir: false });
  const cacheDir = fs.mkdtempSync(path.join(dir, 'cache-'));
  const cached = await Corpus.load(patterns, { ...opts, cacheDir, onWarning: () => undefined });
  expect(cached.corpus.docs.map((d) => d.path).sort()).toEqual(plain.corpus.docs.map((d) => d.path).sort());
  expect(reasonsOf(cached.skipped)).toEqual(reasonsOf(plain.skipped));
  // And a second, warm load from the index.
  const warm = await Corpus.load(patterns, { ...opts, cacheDir, onWarning: () => undefined });
  expect(warm.corpus.docs.map((d) => d.path).sort()).toEqual(plain.corpus.docs.map((d) => d.path).sort());
  return plain;
}

function expectChecks(corpus: Corpus): void {
  const diags = corpus.check(DRAFT);
  expect(Array.isArray(diags)).toBe(true);
}

describe('bad source files', () => {
  it('binary files are skipped as binary', async () => {
    const d = folder('binary');
    const blobs: Record<string, Uint8Array> = {
      'png.md': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      'zip.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      'elf.txt': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]),
      'pdf.html': Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\n\0\0stream', 'latin1'),
      'nul-late.txt': Buffer.concat([Buffer.from('Text first. '.repeat(100)), Buffer.from([0, 0, 0])]),
      'sparse.txt': Buffer.alloc(100_000),
    };
    for (const [n, b] of Object.entries(blobs)) fs.writeFileSync(path.join(d, n), b);
    fs.writeFileSync(path.join(d, 'good.txt'), SEED_TEXT);
    count('binary', Object.keys(blobs).length);
    const { corpus, skipped } = await loadBoth([d]);
    expect(corpus.docs.map((x) => base(x.path))).toEqual(['good.txt']);
    const r = reasonsOf(skipped);
    expect(Object.keys(r).sort()).toEqual(Object.keys(blobs).sort());
    for (const reason of Object.values(r)) expect(reason).toMatch(/binary|UTF-8/);
    expect(corpus.check(DRAFT).some((x) => x.code === 'contradiction')).toBe(true);
  });

  it('invalid UTF-8 is skipped with a reason; UTF-16 LE/BE with BOM, UTF-8 BOM and CRLF are read correctly', async () => {
    const d = folder('encodings');
    const invalid: Record<string, Uint8Array> = {
      'latin1.txt': Buffer.from('Caf\u00e9 au lait. The talks lasted two hours.', 'latin1'),
      'lone-continuation.md': Buffer.from([0x41, 0x80, 0x42]),
      'overlong.txt': Buffer.from([0x41, 0xc0, 0xaf]),
      'truncated.txt': Buffer.from([0x41, 0x42, 0xe2, 0x82]),
      'surrogate.txt': Buffer.from([0xed, 0xa0, 0x80]),
      'ff.txt': Buffer.from([0xff, 0x41, 0x42]),
      'late-bad.txt': Buffer.concat([Buffer.from('Fine text. '.repeat(2000)), Buffer.from([0xc3, 0x28])]),
    };
    for (const [n, b] of Object.entries(invalid)) fs.writeFileSync(path.join(d, n), b);
    count('invalid UTF-8', Object.keys(invalid).length);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SEED_TEXT, 'utf16le').swap16()]);
    const crlf = SEED_TEXT.replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(d, 'utf16le.txt'), le);
    fs.writeFileSync(path.join(d, 'utf16be.txt'), be);
    fs.writeFileSync(path.join(d, 'odd-utf16be.txt'), Buffer.concat([be, Buffer.from([0x41])])); // odd byte count
    fs.writeFileSync(path.join(d, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED_TEXT)]));
    fs.writeFileSync(path.join(d, 'crlf.txt'), crlf);
    fs.writeFileSync(path.join(d, 'cr-only.txt'), SEED_TEXT.replace(/\n/g, '\r'));
    count('UTF-16 / BOM / CRLF / CR', 6);

    const { corpus, skipped } = await loadBoth([d]);
    const r = reasonsOf(skipped);
    expect(Object.keys(r).sort()).toEqual(Object.keys(invalid).sort());
    for (const reason of Object.values(r)) expect(reason).toBe('not valid UTF-8 text');
    const byName = (n: string) => corpus.docs.find((x) => base(x.path) === n)!;
    expect(byName('utf16le.txt').text).toBe(SEED_TEXT);
    expect(byName('utf16be.txt').text).toBe(SEED_TEXT);
    expect(byName('odd-utf16be.txt').text.startsWith(SEED_TEXT)).toBe(true);
    expect(byName('bom.md').text).toBe(SEED_TEXT);
    expect(byName('crlf.txt').text).toBe(crlf);
    // Evidence from each copy points at the same line and column of the real file.
    const diags = corpus.check(DRAFT);
    const c = diags.find((x) => x.code === 'contradiction');
    expect(c, JSON.stringify(diags.map((x) => x.code))).toBeDefined();
    const want = SEED_TEXT.split('\n').findIndex((l) => l.includes('less than two hours'));
    for (const ev of c!.evidence.filter((e) => e.says)) {
      expect(ev.line, ev.source).toBe(want);
      const lines = corpus.docByPath(ev.path)!.text.split(/\r\n|\r|\n/);
      expect(lines[ev.line]!.slice(ev.character)).toContain(ev.text.split(/\r?\n|\r/)[0]!);
    }
    const sourcesWithEvidence = new Set(c!.evidence.map((e) => base(e.path)));
    for (const n of ['utf16le.txt', 'utf16be.txt', 'crlf.txt', 'cr-only.txt', 'bom.md']) expect(sourcesWithEvidence, n).toContain(n);
  });

  it('a 50 MB file is skipped by size; a 2 MB single line is read and indexed', { timeout: 120_000 }, async () => {
    const d = folder('sizes');
    const fd = fs.openSync(path.join(d, 'huge.txt'), 'w');
    const chunk = Buffer.from(SEED_TEXT.repeat(Math.ceil(MB / SEED_TEXT.length)).slice(0, MB));
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    count('50 MB file');
    const prose = SEED_TEXT.replace(/\s+/g, ' ');
    fs.writeFileSync(path.join(d, 'one-line.txt'), prose.repeat(Math.ceil((2 * MB) / prose.length)).slice(0, 2 * MB));
    fs.writeFileSync(path.join(d, 'one-word-line.txt'), 'word '.repeat((2 * MB) / 5));
    count('2 MB single line', 2);
    const t0 = performance.now();
    const { corpus, skipped } = await Corpus.load([d], { cacheDir: false });
    const ms = performance.now() - t0;
    // Measured, not asserted (benchmarks own timing).
    // eslint-disable-next-line no-console
    console.log(`[robustness] two 2 MB single-line sources indexed in ${Math.round(ms)} ms`);
    expect(reasonsOf(skipped)).toEqual({ 'huge.txt': 'larger than 5 MB' });
    expect(corpus.docs.map((x) => base(x.path)).sort()).toEqual(['one-line.txt', 'one-word-line.txt']);
    expect(corpus.stats().sentences).toBeGreaterThan(100);
    expectChecks(corpus);
    // With a limit above its size, the 50 MB file is not skipped for size.
    const big = await readFiles([path.join(d, 'huge.txt')], { maxFileSize: 60 * MB });
    expect(big.skipped).toEqual([]);
    expect(big.inputs[0]!.text.length).toBe(50 * MB);
  });

  it('empty files and an empty folder load without error', async () => {
    const d = folder('empties');
    fs.writeFileSync(path.join(d, 'empty.txt'), '');
    fs.writeFileSync(path.join(d, 'empty.md'), '');
    fs.writeFileSync(path.join(d, 'bom-only.md'), Buffer.from([0xef, 0xbb, 0xbf]));
    fs.writeFileSync(path.join(d, 'utf16-bom-only.txt'), Buffer.from([0xff, 0xfe]));
    fs.writeFileSync(path.join(d, 'blank.html'), '\n\n   \n');
    fs.writeFileSync(path.join(d, 'tags-only.html'), '<html><body><script>x()</script></body></html>');
    count('empty file', 6);
    const e = folder('empty-folder');
    count('empty folder');
    const { corpus, skipped } = await loadBoth([d]);
    expect(skipped).toEqual([]);
    expect(corpus.docs.length).toBe(6);
    expect(corpus.stats().sentences).toBe(0);
    expect(corpus.check(DRAFT)).toBeDefined();
    const none = await loadBoth([e]);
    expect(none.corpus.docs).toEqual([]);
    expect(none.skipped).toEqual([]);
    expectChecks(none.corpus);
    const missing = await loadBoth([path.join(dir, 'no-such-folder')]);
    expect(reasonsOf(missing.skipped)).toEqual({ 'no-such-folder': 'file not found' });
  });

  it('dangling symlinks, FIFOs, symlink loops and directories named like sources are skipped with reasons', async () => {
    const d = folder('special');
    fs.writeFileSync(path.join(d, 'good.txt'), SEED_TEXT);
    fs.symlinkSync(path.join(d, 'nowhere.txt'), path.join(d, 'dangling.txt'));
    fs.symlinkSync(path.join(d, 'loop-b.md'), path.join(d, 'loop-a.md'));
    fs.symlinkSync(path.join(d, 'loop-a.md'), path.join(d, 'loop-b.md'));
    fs.symlinkSync(path.join(d, 'self.txt'), path.join(d, 'self.txt'));
    fs.symlinkSync(d, path.join(d, 'dir-loop'), 'dir'); // folder loop: special/dir-loop -> special
    fs.symlinkSync(path.join(d, 'good.txt'), path.join(d, 'link-to-good.md')); // a good symlink: read
    fs.mkdirSync(path.join(d, 'folder.md'));
    let fifos = 0;
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(d, 'pipe.txt')]);
      fifos++;
    }
    count('dangling symlink');
    count('symlink loop', 3);
    count('FIFO', fifos);
    count('directory named *.md');
    const { corpus, skipped } = await loadBoth([d]);
    expect(corpus.docs.map((x) => base(x.path)).sort()).toEqual(['good.txt', 'link-to-good.md']);
    const r = reasonsOf(skipped);
    expect(r['dangling.txt']).toBe('broken symbolic link');
    expect(r['loop-a.md']).toBe('symbolic link loop');
    expect(r['loop-b.md']).toBe('symbolic link loop');
    expect(r['self.txt']).toBe('symbolic link loop');
    if (fifos) expect(r['pipe.txt']).toBe('not a regular file');
    expect(Object.keys(r).sort()).toEqual(['dangling.txt', 'loop-a.md', 'loop-b.md', ...(fifos ? ['pipe.txt'] : []), 'self.txt']);
    expectChecks(corpus);
    // The same files named one by one (not through a folder walk).
    const named = await Corpus.load(
      ['dangling.txt', 'loop-a.md', 'pipe.txt', 'good.txt'].map((n) => path.join(d, n)),
      { cacheDir: false },
    );
    expect(named.corpus.docs.map((x) => base(x.path))).toEqual(['good.txt']);
    expect(named.skipped.map((s) => base(s.path)).sort()).toEqual(['dangling.txt', 'loop-a.md', ...(fifos ? ['pipe.txt'] : [])]);
  });

  it('a file replaced by a FIFO between listing and reading does not hang the load', async () => {
    if (process.platform === 'win32') return;
    const d = folder('fifo-race');
    fs.writeFileSync(path.join(d, 'good.txt'), SEED_TEXT);
    const victim = path.join(d, 'becomes-pipe.txt');
    fs.writeFileSync(victim, SEED_TEXT);
    count('file replaced by FIFO mid-load');
    // Swap the file for a FIFO as soon as its size has been looked at (before it is read).
    const realStat = nodeFs.statSync;
    let swapped = false;
    const spy = vi.spyOn(nodeFs, 'statSync').mockImplementation((p, o) => {
      const st = realStat(p, o);
      if (!swapped && p === victim) {
        swapped = true;
        fs.rmSync(victim);
        execFileSync('mkfifo', [victim]);
      }
      return st;
    });
    try {
      const r = await Corpus.load([d], { cacheDir: false });
      expect(swapped).toBe(true);
      expect(r.corpus.docs.map((x) => base(x.path))).toEqual(['good.txt']);
      expect(reasonsOf(r.skipped)).toEqual({ 'becomes-pipe.txt': 'not a regular file' });
    } finally {
      spy.mockRestore();
    }
  }, 20_000);
});

describe('files deleted or renamed while indexing', () => {
  it('deleting files from inside onProgress neither throws nor corrupts the index', async () => {
    const d = folder('deleted-during');
    const N = 230; // onProgress fires at 200 and at the end
    for (let i = 0; i < N; i++) fs.writeFileSync(path.join(d, `a${String(i).padStart(3, '0')}.txt`), `${SEED_TEXT}\nNote ${i}.\n`);
    let deleted = 0;
    const onProgress = (done: number) => {
      if (done >= N) return;
      for (const f of fs.readdirSync(d).slice(0, 50)) {
        fs.rmSync(path.join(d, f));
        deleted++;
      }
      fs.renameSync(path.join(d, 'a229.txt'), path.join(d, 'renamed.txt'));
    };
    const cacheDir = fs.mkdtempSync(path.join(dir, 'cache-'));
    const first = await Corpus.load([d], { cacheDir, onProgress, onWarning: () => undefined });
    expect(deleted).toBe(50);
    count('deleted during indexing', deleted);
    count('renamed during indexing');
    // Everything was read before the deletions: all N are indexed, and checking works.
    expect(first.corpus.docs.length).toBe(N);
    expectChecks(first.corpus);
    // The next load sees the folder as it is now.
    const again = await Corpus.load([d], { cacheDir, onWarning: () => undefined });
    expect(again.corpus.docs.length).toBe(N - 50);
    expect(again.corpus.docs.some((x) => base(x.path) === 'renamed.txt')).toBe(true);
    expect(again.corpus.docs.some((x) => base(x.path) === 'a229.txt')).toBe(false);
    expect(again.skipped).toEqual([]);
    expectChecks(again.corpus);
  });

  it('files deleted or renamed between listing and reading are skipped as not found', async () => {
    const d = folder('deleted-between');
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(d, `b${String(i).padStart(2, '0')}.txt`), SEED_TEXT);
    for (const cacheDir of [false, fs.mkdtempSync(path.join(dir, 'cache-'))] as const) {
      // Delete b03 and rename b07 right after the folder was listed (first stat of any file).
      const realStat = nodeFs.statSync;
      let fired = false;
      const spy = vi.spyOn(nodeFs, 'statSync').mockImplementation((p, o) => {
        if (!fired && typeof p === 'string' && p.startsWith(d + path.sep)) {
          fired = true;
          fs.rmSync(path.join(d, 'b03.txt'));
          fs.renameSync(path.join(d, 'b07.txt'), path.join(d, 'b07-renamed.txt'));
        }
        return realStat(p, o);
      });
      try {
        const r = await Corpus.load([d], { cacheDir, onWarning: () => undefined });
        expect(fired).toBe(true);
        count('deleted/renamed between listing and reading', 2);
        expect(reasonsOf(r.skipped)).toEqual({ 'b03.txt': 'file not found', 'b07.txt': 'file not found' });
        expect(r.corpus.docs.length).toBe(18);
        expectChecks(r.corpus);
      } finally {
        spy.mockRestore();
      }
      // Restore for the next round.
      fs.writeFileSync(path.join(d, 'b03.txt'), SEED_TEXT);
      fs.renameSync(path.join(d, 'b07-renamed.txt'), path.join(d, 'b07.txt'));
    }
  });

  it('a folder deleted while loading does not throw', async () => {
    const d = folder('vanishing');
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(d, `c${i}.md`), SEED_TEXT);
    const realStat = nodeFs.statSync;
    let fired = false;
    const spy = vi.spyOn(nodeFs, 'statSync').mockImplementation((p, o) => {
      if (!fired && typeof p === 'string' && p.startsWith(d + path.sep)) {
        fired = true;
        fs.rmSync(d, { recursive: true, force: true });
      }
      return realStat(p, o);
    });
    try {
      const r = await Corpus.load([d], { cacheDir: false });
      count('folder deleted mid-load');
      expect(r.corpus.docs).toEqual([]);
      expect(r.skipped.length).toBe(10);
      for (const s of r.skipped) expect(s.reason).toBe('file not found');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('random bytes as a source', () => {
  it('decodeText + parseSource + indexing never throw on arbitrary bytes or text', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => Buffer.from(s, 'utf8')),
          fc.string({ unit: 'binary', maxLength: 1000 }).map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])),
          fc.string({ unit: 'binary', maxLength: 1000 }).map((s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])),
        ),
        fc.constantFrom('x.txt', 'x.md', 'x.html'),
        (bytes, name) => {
          n++;
          const d = decodeText(bytes);
          if (!d.ok) {
            expect(d.reason).toMatch(/binary|UTF-8/);
            return;
          }
          const input = { path: path.join(dir, name), text: d.text };
          const doc = parseSource(input, 0);
          for (const s of doc.body) {
            expect(0 <= s.start && s.start <= s.end && s.end <= d.text.length).toBe(true);
          }
          const corpus = Corpus.fromInputs([input]);
          corpus.check('The talks lasted three hours.');
        },
      ),
      { numRuns: 300, seed: 20250516 },
    );
    count('random bytes (fuzz)', n);
  });
});
