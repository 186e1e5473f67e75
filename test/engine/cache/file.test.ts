/**
 * The persistent index's file format: whatever the corpus stores comes back equal,
 * typed arrays as views of the bytes read, deferred parts only when asked, and any
 * damage is reported rather than read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferred, readCache, writeCache, type DeferredPart } from '../../../src/engine/cache';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'sw-file-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sample() {
  const words = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '' : `wörd${i}`));
  const titles: (string | undefined)[] = Array.from({ length: 500 }, (_, i) => (i % 3 ? `Title ${i} — “quoted”` : undefined));
  return {
    count: 3,
    ints: Int32Array.from([1, -2, 3, 2 ** 31 - 1]),
    bytes: Uint8Array.from([0, 255, 7]),
    shorts: Uint16Array.from([65535, 1]),
    floats: Float64Array.from([NaN, 1.5, -0, Infinity]),
    empty: new Int32Array(0),
    buffer: Buffer.from('plain bytes'),
    words,
    titles,
    withNul: Array.from({ length: 300 }, (_, i) => (i === 5 ? 'a\0b' : String(i))),
    short: ['a', undefined, 'c'],
    map: new Map<string, number[]>([['k', [1, 2]]]),
    nested: { deep: [{ a: Int32Array.from([9, 8]) }, { b: 'x' }] },
  };
}

describe('persistent index file', () => {
  it('gives back what was written: typed arrays, long string lists with blanks and undefined, maps, nesting', async () => {
    const file = path.join(dir, 'index-0.bin');
    const value = sample();
    await writeCache(file, value);
    const r = await readCache<ReturnType<typeof sample>>(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    expect(v.ints).toEqual(value.ints);
    expect(v.bytes).toEqual(value.bytes);
    expect(v.shorts).toEqual(value.shorts);
    expect(Array.from(v.floats)).toEqual(Array.from(value.floats));
    expect(v.empty).toHaveLength(0);
    expect(Buffer.from(v.buffer).toString()).toBe('plain bytes');
    expect(v.words).toEqual(value.words);
    expect(v.titles).toEqual(value.titles);
    expect(v.withNul).toEqual(value.withNul);
    expect(v.short).toEqual(value.short);
    expect(v.map).toEqual(value.map);
    expect(v.nested.deep[0]!.a).toEqual(Int32Array.from([9, 8]));
    // Read back as views: an array may be written to (the index updates its own copies).
    v.ints[0] = 42;
    expect(v.ints[0]).toBe(42);
  });

  it('reads a deferred part only when asked, and refuses it once the file is damaged', async () => {
    const file = path.join(dir, 'index-1.bin');
    await writeCache(file, { head: 'small', part: deferred({ big: new Float64Array(10_000).fill(3), names: ['a', 'b'] }) });
    const r = await readCache<{ head: string; part: DeferredPart<{ big: Float64Array; names: string[] }> }>(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const part = r.value.part;
    await part.prefetch();
    expect(part.load().big[9999]).toBe(3);
    expect(part.load().names).toEqual(['a', 'b']);

    const again = await readCache<{ part: DeferredPart<{ big: Float64Array }> }>(file);
    if (!again.ok) throw new Error(again.reason);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => again.value.part.load()).toThrow(/checksum mismatch/);
    // Prefetching a damaged part does not throw; loading it still reports why.
    await again.value.part.prefetch();
    expect(() => again.value.part.load()).toThrow(/checksum mismatch/);
  });

  it('reports a damaged header, a short file and an older format instead of reading them', async () => {
    const file = path.join(dir, 'index-2.bin');
    await writeCache(file, { a: Int32Array.from([1, 2, 3]) });
    const good = readFileSync(file);
    const cases: [Buffer, RegExp][] = [
      [Buffer.concat([good, Buffer.from("x")]), /longer than written/],
      [good.subarray(0, good.length - 3), /truncated/],
      [Buffer.from(good).fill(0, 20, 24), /header checksum/],
      [Buffer.concat([Buffer.from('SWIDX\0\0\x01'), good.subarray(8)]), /index format 1/],
      [Buffer.from('hello, not an index at all'), /not a Sourcewise index/],
    ];
    for (const [bytes, reason] of cases) {
      writeFileSync(file, bytes);
      const r = await readCache(file);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
    const missing = await readCache(path.join(dir, 'none.bin'));
    expect(missing).toMatchObject({ ok: false, missing: true });
  });
});
