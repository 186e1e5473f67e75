import { mkdtempSync, cpSync, readdirSync, readFileSync, writeFileSync, utimesSync, statSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const DRAFT = readFileSync(path.resolve(__dirname, '../../../examples/draft.md'), 'utf8');

let dir: string;
let sources: string;
let cacheDir: string;
let warnings: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sw-cache-'));
  sources = path.join(dir, 'sources');
  cacheDir = path.join(dir, 'cache');
  cpSync(SEEDS, sources, { recursive: true });
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const load = () => Corpus.load([sources], { cacheDir, onWarning: (m) => warnings.push(m) });
const loadDeferred = () => Corpus.load([sources], { cacheDir, analysis: 'deferred', onWarning: (m) => warnings.push(m) });
const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).map((f) => path.join(cacheDir, f));

describe('persistent index', () => {
  it('a warm load gives the same results as a cold one', async () => {
    const cold = (await load()).corpus;
    expect(cacheFiles()).toHaveLength(1);
    const coldOff = (await Corpus.load([sources], { cacheDir: false })).corpus;
    const warm = (await load()).corpus;
    expect(warnings).toEqual([]);
    const expected = coldOff.check(DRAFT);
    expect(expected.length).toBeGreaterThan(0);
    expect(cold.check(DRAFT)).toEqual(expected);
    expect(warm.check(DRAFT)).toEqual(expected);
    expect(warm.stats()).toEqual({ ...coldOff.stats(), millis: warm.stats().millis });
    expect(warm.citeSentences(DRAFT)).toEqual(coldOff.citeSentences(DRAFT));
    for (const name of ['Zelensky', 'Erdogan', 'Istanbul', 'Medinsky']) expect(warm.facts(name)).toEqual(coldOff.facts(name));
  });

  it('reindexes a changed file and forgets a removed one', async () => {
    await load();
    const file = readdirSync(sources).filter((f) => f.endsWith('.txt')).sort()[0]!;
    const p = path.join(sources, file);
    writeFileSync(p, readFileSync(p, 'utf8') + '\nThe Zorblatt Commission met 417 delegates in Quuxville.\n');
    const later = new Date(statSync(p).mtimeMs + 5000);
    utimesSync(p, later, later);
    const removed = readdirSync(sources).filter((f) => f.endsWith('.txt')).sort()[1]!;
    rmSync(path.join(sources, removed));
    const warm = (await load()).corpus;
    const fresh = (await Corpus.load([sources], { cacheDir: false })).corpus;
    expect(warm.docs.map((d) => d.path).sort()).toEqual(fresh.docs.map((d) => d.path).sort());
    expect(warm.citeText('The Zorblatt Commission met 417 delegates in Quuxville.')[0]?.path).toBe(p);
    expect(warm.docs.some((d) => d.path.endsWith(removed))).toBe(false);
    expect(warm.stats().sentences).toBe(fresh.stats().sentences);
    // The rewritten cache has the change too.
    const again = (await load()).corpus;
    expect(again.citeText('The Zorblatt Commission met 417 delegates in Quuxville.')[0]?.path).toBe(p);
  });

  it('does not trust a truncated or garbled cache file: warns and rebuilds', async () => {
    const expected = (await load()).corpus.check(DRAFT);
    const [file] = cacheFiles();
    const bytes = readFileSync(file!);

    writeFileSync(file!, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncated = (await load()).corpus;
    expect(warnings.some((w) => /damaged.*truncated/.test(w))).toBe(true);
    expect(truncated.check(DRAFT)).toEqual(expected);

    warnings = [];
    const garbled = Buffer.from(readFileSync(file!));
    for (let i = 200; i < garbled.length; i += 997) garbled[i] = garbled[i]! ^ 0x5a;
    writeFileSync(file!, garbled);
    const g = (await load()).corpus;
    expect(warnings.some((w) => /damaged.*checksum/.test(w))).toBe(true);
    expect(g.check(DRAFT)).toEqual(expected);

    warnings = [];
    writeFileSync(file!, 'not an index');
    expect((await load()).corpus.check(DRAFT)).toEqual(expected);
    expect(warnings.some((w) => /damaged/.test(w))).toBe(true);

    // After the rebuild the cache is sound again.
    warnings = [];
    expect((await load()).corpus.check(DRAFT)).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  /** Sections of an index file: [offset, length] from its header (see src/engine/cache). */
  const sections = (bytes: Buffer): [number, number][] => {
    const n = bytes.readUInt32LE(12);
    return Array.from({ length: n }, (_, k) => [bytes.readDoubleLE(32 + 24 * k), bytes.readDoubleLE(40 + 24 * k)]);
  };

  it('reads the source texts and analyses on first use, and rebuilds them when that part of the file is damaged', async () => {
    const expected = (await Corpus.load([sources], { cacheDir: false })).corpus;
    const want = expected.check(DRAFT);
    await load();
    const [file] = cacheFiles();
    const sound = readFileSync(file!);
    const parts = sections(sound);
    // The index proper, the source texts and term lists, the analyses.
    expect(parts).toHaveLength(3);
    for (const k of [1, 2]) {
      const bytes = Buffer.from(sound);
      const [off, len] = parts[k]!;
      for (let i = off + 16; i < off + len; i += 101) bytes[i] = bytes[i]! ^ 0xff;
      writeFileSync(file!, bytes);
      warnings = [];
      const warm = (await loadDeferred()).corpus;
      // The damage is found when the part is read, not at start-up.
      expect(warnings).toEqual([]);
      expect(warm.check(DRAFT)).toEqual(want);
      expect(warm.citeSentences(DRAFT)).toEqual(expected.citeSentences(DRAFT));
      expect(warm.facts('Zelensky')).toEqual(expected.facts('Zelensky'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not be read \(checksum mismatch/);
      // What was rebuilt is written back, sound.
      await warm.analyseAll();
      await warm.persist();
      warnings = [];
      const again = (await load()).corpus;
      expect(again.check(DRAFT)).toEqual(want);
      expect(warnings).toEqual([]);
    }
  });

  it('decodes a warm start\'s analysis a slice at a time, and a request in between gets complete answers', async () => {
    const expected = (await Corpus.load([sources], { cacheDir: false })).corpus;
    await load();
    // Slices of 0 ms: one stored chunk of names per turn of the event loop.
    const warm = (await loadDeferred()).corpus;
    // Turns of the event loop taken while the decoding was under way.
    let turns = 0;
    let counting = true;
    const tick = () => {
      if ((warm as unknown as { restoring?: unknown }).restoring !== undefined) turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    await warm.restoreAnalysis(undefined, 0);
    counting = false;
    // Names, their keys, the documents' name shapes and surnames: a chunk each at least, a turn between two.
    expect(turns).toBeGreaterThanOrEqual(3);
    // The registry's lookup indexes are made too, not left to the first name looked up (a
    // second's stall at the first hover or check after a warm start at 19,000 articles).
    const registry = (warm as unknown as { reg: { ix?: unknown } }).reg;
    expect(registry.ix).toBeDefined();
    expect(warm.check(DRAFT)).toEqual(expected.check(DRAFT));
    expect(warm.facts('Zelensky')).toEqual(expected.facts('Zelensky'));

    const early = (await loadDeferred()).corpus;
    const restoring = early.restoreAnalysis(undefined, 0);
    // Until the decoding is under way (some chunks in, not all).
    const midway = () => (early as unknown as { restoring?: unknown }).restoring !== undefined;
    // (The stored bytes are read first, off the thread: turns of the event loop go by meanwhile.)
    const end = Date.now() + 20_000;
    while (!midway() && Date.now() < end) await new Promise((r) => setImmediate(r));
    expect(midway()).toBe(true);
    // Asked before the decoding is through: it finishes it first.
    expect(early.facts('Umerov')).toEqual(expected.facts('Umerov'));
    expect(early.check(DRAFT)).toEqual(expected.check(DRAFT));
    await restoring;
    expect(early.stats()).toEqual({ ...expected.stats(), millis: early.stats().millis });
    expect(warnings).toEqual([]);
  });

  it('does not read the deferred parts of an index file rewritten since start-up', async () => {
    const fresh = (await Corpus.load([sources], { cacheDir: false })).corpus;
    await load();
    const warm = (await loadDeferred()).corpus;
    // Another process rewrites the index in between (a new file id).
    const other = (await load()).corpus;
    (other as unknown as { dirty: boolean }).dirty = true;
    await other.persist();
    expect(warm.check(DRAFT)).toEqual(fresh.check(DRAFT));
    // Both deferred parts are refused, with one warning for the file (issue 13: one warning, a rebuild).
    expect(warnings.filter((w) => /rewritten/.test(w))).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });

  it('yields while indexing, reports progress and can be aborted', async () => {
    const progress: number[] = [];
    let early: Corpus | undefined;
    const r = await Corpus.load([sources], { cacheDir: false, onProgress: (d) => progress.push(d), onCorpus: (c) => (early = c) });
    expect(early).toBe(r.corpus);
    expect(progress[progress.length - 1]).toBe(r.corpus.docs.length);
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(Corpus.load([sources], { cacheDir: false, signal: ac.signal })).rejects.toThrow('stop');
  });
});
