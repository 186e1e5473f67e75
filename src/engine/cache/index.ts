/**
 * The persistent index: a snapshot of an indexed corpus in one file per set of
 * source patterns, so a restart reads it back instead of re-indexing.
 *
 * File layout (little-endian):
 *   header  8-byte magic "SWIDX\0\0\2", u32 format version, u32 section count,
 *           8-byte file id (random per write), f64 file length,
 *           then per section: f64 offset, f64 length, u32 CRC-32, u32 unused;
 *           then a u32 CRC-32 of the header before it, padded to 8 bytes.
 *   section u32 length of a `v8.serialize`d skeleton, 4 bytes unused, the
 *           skeleton, then every typed array of the value as raw bytes, each
 *           at an 8-byte boundary. The skeleton is the value with each typed
 *           array replaced by `{$raw: k}`; reading it back makes each array a
 *           view of the bytes read, so nothing is copied or made per element.
 * Section 0 is read by `readCache`. A part of the value wrapped in `deferred()`
 * is written as a section of its own and read back as a `DeferredPart`, which
 * reads it from the file only when asked (the sentences' analyses: a warm start
 * does not need them until something does).
 *
 * Nothing damaged is used: a file with another magic or version, a length other
 * than recorded, or a section whose CRC-32 does not match is reported as
 * damaged; a deferred part whose file was rewritten since (another file id) or
 * damaged fails to load, and the caller builds what it held again. Files are
 * written to a temporary name and renamed into place, so a reader never sees a
 * half-written file from a concurrent writer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, promises as fs, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as zlib from 'node:zlib';

export const CACHE_FORMAT = 2;
const MAGIC = Buffer.from('SWIDX\0\0\x02', 'latin1');
const FIXED = MAGIC.length + 4 + 4 + 8 + 8;
const PER_SECTION = 24;
const headerLength = (sections: number): number => align8(FIXED + sections * PER_SECTION + 4);
const align8 = (n: number): number => (n + 7) & ~7;

/** `$XDG_CACHE_HOME/sourcewise`, else `~/.cache/sourcewise`. */
export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'sourcewise');
}

let fingerprint: string | undefined;

/**
 * Identifies the engine code that builds an index, so a cache written by another
 * build is not used: a hash of the running bundle (dist/cli.js, dist/server.js),
 * or of every engine source file when running unbundled (tests).
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  h.update(String(CACHE_FORMAT));
  try {
    const self = typeof __filename === 'string' ? __filename : '';
    if (/\.[cm]?js$/.test(self)) h.update(readFileSync(self));
    else if (self) {
      const engine = path.resolve(path.dirname(self), '..');
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir).sort()) {
          const p = path.join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (name.endsWith('.ts')) {
            h.update(name);
            h.update(readFileSync(p));
          }
        }
      };
      walk(engine);
    }
  } catch {
    h.update(String(Date.now()));
  }
  return (fingerprint = h.digest('hex').slice(0, 16));
}

/** Cache file for a load configuration (patterns, cwd, options) under `dir`. */
export function cacheFileFor(dir: string, config: unknown): string {
  const key = createHash('sha256').update(JSON.stringify(config)).update(engineFingerprint()).digest('hex').slice(0, 24);
  return path.join(dir, `index-${key}.bin`);
}

// CRC-32 (the zlib polynomial): zlib's, where this Node has it (20.15+), else a table-driven one.
let crcTable: Int32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const DEFER = Symbol('sourcewise.deferred');

/** Marks part of a cached value to be written as its own section and read only when asked. */
export function deferred<T>(value: T): DeferredPart<T> {
  return { [DEFER]: value } as unknown as DeferredPart<T>;
}

/** A part of a cache file read on demand (see `deferred`). */
export interface DeferredPart<T> {
  /** Reads and verifies the part; throws with a reason when the file changed or is damaged. */
  load(): T;
  /** Reads the part's bytes without blocking, so a later `load` only decodes them. */
  prefetch(): Promise<void>;
}

type Typed = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
const TYPES: Record<string, new (buffer: ArrayBuffer, byteOffset: number, length: number) => Typed> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};
const typeName = (v: ArrayBufferView): string => (Buffer.isBuffer(v) ? 'Uint8Array' : v.constructor.name);

interface Skeleton {
  value: unknown;
  /** Per raw array: type, byte offset from the start of the array area (after the skeleton, 8-aligned), element count. */
  raws: [string, number, number][];
}

/**
 * A long list of strings (and undefined) as one string: v8 writes and reads a
 * list of 20,000 paths or 60,000 words string by string, many times slower than
 * one string split again. Undefined elements are marked in `missing`.
 */
function joinStrings(v: unknown[]): { text: string; missing?: Uint8Array } | undefined {
  if (v.length < 256) return undefined;
  let missing: Uint8Array | undefined;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === undefined) (missing ??= new Uint8Array(v.length))[i] = 1;
    else if (typeof x !== 'string' || x.includes('\0')) return undefined;
  }
  return { text: v.map((x) => x ?? '').join('\0'), missing };
}

/** One section's bytes, and the deferred values found in it (written as sections after it). */
function encodeSection(value: unknown, deferredOut: unknown[]): Buffer {
  const arrays: ArrayBufferView[] = [];
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      if (!(typeName(v) in TYPES)) return v;
      arrays.push(v);
      return { $raw: arrays.length - 1 };
    }
    if (DEFER in v) {
      deferredOut.push((v as Record<symbol, unknown>)[DEFER]);
      return { $deferred: deferredOut.length };
    }
    if (Array.isArray(v)) {
      const joined = joinStrings(v);
      if (joined) return { $strings: joined.text, $missing: joined.missing && walk(joined.missing) };
      return v.map(walk);
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  const skel: Skeleton = { value: walk(value), raws: [] };
  // Offsets count from the start of the array area, so they do not depend on the skeleton's length.
  let size = 0;
  skel.raws = arrays.map((a) => {
    const entry: [string, number, number] = [typeName(a), size, (a as Typed).length];
    size = align8(size + a.byteLength);
    return entry;
  });
  const bytes = v8.serialize(skel);
  const base = align8(8 + bytes.length);
  // Not zero-filled first (touching 100 MB twice costs); the gaps between arrays are zeroed below.
  const out = Buffer.allocUnsafeSlow(base + size);
  out.writeUInt32LE(bytes.length, 0);
  out.fill(0, 4, 8);
  bytes.copy(out, 8);
  let end = 8 + bytes.length;
  arrays.forEach((a, k) => {
    const at = base + skel.raws[k]![1];
    out.fill(0, end, at);
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    end = at + a.byteLength;
  });
  out.fill(0, end, out.length);
  return out;
}

/**
 * Decodes a section read into `buf` (its own ArrayBuffer, from offset 0 or 8-aligned). Every
 * length and offset in it is checked against the bytes before it is used; anything that does
 * not decode throws (the caller treats the file as damaged).
 */
function decodeSection(buf: Buffer, deferredAt: (k: number) => unknown): unknown {
  if (buf.length < 8) throw new Error('section too short');
  const len = buf.readUInt32LE(0);
  if (8 + len > buf.length) throw new Error('skeleton out of bounds');
  const skel = v8.deserialize(buf.subarray(8, 8 + len)) as Skeleton;
  if (!skel || typeof skel !== 'object' || !Array.isArray(skel.raws)) throw new Error('bad skeleton');
  const base = align8(8 + len);
  const raws = skel.raws.map((raw) => {
    if (!Array.isArray(raw)) throw new Error('bad array entry');
    const [type, off, count] = raw as [unknown, unknown, unknown];
    const Ctor = typeof type === 'string' && Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
    if (!Ctor) throw new Error(`unknown array type ${String(type)}`);
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(count) || (off as number) < 0 || (count as number) < 0) throw new Error('array out of bounds');
    const bytes = (count as number) * (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const at = base + (off as number);
    if (at + bytes > buf.length || (buf.byteOffset + at) % 8 !== 0) throw new Error('array out of bounds');
    return new Ctor(buf.buffer as ArrayBuffer, buf.byteOffset + at, count as number);
  });
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const o = v as Record<string, unknown>;
    if (typeof o.$raw === 'number') {
      const a = Number.isInteger(o.$raw) ? raws[o.$raw] : undefined;
      if (!a) throw new Error('bad array reference');
      return a;
    }
    if (typeof o.$deferred === 'number') return deferredAt(o.$deferred);
    if (typeof o.$strings === 'string') {
      const list: (string | undefined)[] = o.$strings.split('\0');
      const missing = o.$missing === undefined ? undefined : walk(o.$missing);
      if (missing instanceof Uint8Array) for (let i = 0; i < list.length; i++) if (missing[i]) list[i] = undefined;
      return list;
    }
    for (const k of Object.keys(o)) o[k] = walk(o[k]);
    return o;
  };
  return walk(skel.value);
}

export type CacheRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; reason: string };

interface SectionInfo {
  offset: number;
  length: number;
  crc: number;
}

/** Largest read handed to the file system at once (a read's length must fit in 31 bits). */
const READ_CHUNK = 1 << 30;

/** Reads `length` bytes at `offset` of an open file into a buffer of their own (8-aligned views work). */
function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, Math.min(READ_CHUNK, length - done), offset + done);
    if (n === 0) throw new Error(`truncated (${done} of ${length} bytes at ${offset})`);
    done += n;
  }
  return buf;
}

/** Open flags for an index file: non-blocking, so a FIFO put at its path cannot hang the open. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens an index file that is a regular file, or throws (a FIFO or device at its path is never read). */
function openRegular(file: string): number {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

async function openRegularAsync(file: string): Promise<fs.FileHandle> {
  const fh = await fs.open(file, OPEN_FLAGS);
  try {
    if (!(await fh.stat()).isFile()) throw new Error('not a regular file');
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
  return fh;
}

/**
 * Checks every section's place against the header and the file before anything is read: whole
 * numbers, after the header, in order, not overlapping, inside the recorded length (which must
 * be the file's). A length the header says but the file cannot hold (2^31 with a recomputed
 * checksum) once reached Node's read as it was and aborted the process.
 */
function checkLayout(headerBytes: number, length: number, sections: SectionInfo[], fileSize: number): void {
  const whole = (x: number) => Number.isSafeInteger(x) && x >= 0;
  if (!whole(length)) throw new Error('bad header: file length');
  if (fileSize < length) throw new Error(`truncated (${fileSize} of ${length} bytes)`);
  if (fileSize > length) throw new Error(`longer than written (${fileSize} bytes, ${length} written)`);
  let end = headerBytes;
  sections.forEach((s, k) => {
    if (!whole(s.offset) || !whole(s.length)) throw new Error(`bad header: section ${k} place`);
    if (s.offset < end) throw new Error(`bad header: section ${k} overlaps what is before it`);
    // A section holds at least its skeleton's length field.
    if (s.length < 8 || s.offset + s.length > length) throw new Error(`bad header: section ${k} outside the file`);
    end = s.offset + s.length;
  });
}

function readHeader(fd: number): { id: Buffer; length: number; sections: SectionInfo[] } {
  const head = Buffer.alloc(FIXED);
  if (readSync(fd, head, 0, FIXED, 0) < FIXED || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
    // An older format's magic differs only in its last byte.
    const version = head.subarray(0, 5).toString('latin1') === 'SWIDX' ? `index format ${head[7]}, expected ${CACHE_FORMAT}` : 'not a Sourcewise index file';
    throw new Error(version);
  }
  const version = head.readUInt32LE(MAGIC.length);
  if (version !== CACHE_FORMAT) throw new Error(`index format ${version}, expected ${CACHE_FORMAT}`);
  const count = head.readUInt32LE(MAGIC.length + 4);
  if (count < 1 || count > 64) throw new Error('not a Sourcewise index file');
  const full = Buffer.alloc(headerLength(count));
  if (readSync(fd, full, 0, full.length, 0) < full.length) throw new Error('truncated header');
  const crcAt = FIXED + count * PER_SECTION;
  if (crc32(full.subarray(0, crcAt)) !== full.readUInt32LE(crcAt)) throw new Error('header checksum mismatch');
  const sections: SectionInfo[] = [];
  for (let k = 0; k < count; k++) {
    const at = FIXED + k * PER_SECTION;
    sections.push({ offset: full.readDoubleLE(at), length: full.readDoubleLE(at + 8), crc: full.readUInt32LE(at + 16) });
  }
  const length = full.readDoubleLE(MAGIC.length + 16);
  checkLayout(full.length, length, sections, fstatSync(fd).size);
  return { id: Buffer.from(full.subarray(MAGIC.length + 8, MAGIC.length + 16)), length, sections };
}

function readSection(fd: number, s: SectionInfo, name: string): Buffer {
  const buf = readAt(fd, s.offset, s.length);
  if (crc32(buf) !== s.crc) throw new Error(`checksum mismatch in ${name}`);
  return buf;
}

/** `readSection` by the thread pool: the calling thread is free while the bytes come in. */
async function readSectionAsync(fh: fs.FileHandle, s: SectionInfo, name: string): Promise<Buffer> {
  const buf = Buffer.allocUnsafeSlow(s.length);
  for (let done = 0; done < s.length; ) {
    const { bytesRead } = await fh.read(buf, done, Math.min(READ_CHUNK, s.length - done), s.offset + done);
    if (bytesRead === 0) throw new Error(`truncated (${done} of ${s.length} bytes at ${s.offset})`);
    done += bytesRead;
  }
  if (crc32(buf) !== s.crc) throw new Error(`checksum mismatch in ${name}`);
  return buf;
}

/**
 * A deferred part read at most once: `get()` gives its value, reading it now if
 * `prefetch` has not; when it cannot be read, `onFail(reason)` is called once and
 * `get()` gives undefined from then on.
 */
export class OnDemand<T> {
  private value: T | undefined;

  /** `check` (optional) throws when the value read is not what it should be: that fails it too. */
  constructor(
    private part: DeferredPart<T> | undefined,
    private readonly onFail: (reason: string) => void,
    private readonly check?: (value: T) => void,
  ) {}

  get(): T | undefined {
    const part = this.part;
    if (part) {
      this.part = undefined;
      try {
        const value = part.load();
        this.check?.(value);
        this.value = value;
      } catch (err) {
        this.onFail((err as Error).message);
      }
    }
    return this.value;
  }

  prefetch(): Promise<void> {
    return this.part?.prefetch() ?? Promise.resolve();
  }

  /** Forgets the value (found damaged after it was read): `get()` gives undefined from now on. */
  discard(): void {
    this.part = undefined;
    this.value = undefined;
  }
}

class FilePart<T> implements DeferredPart<T> {
  private bytes: Buffer | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly id: Buffer,
    private readonly section: SectionInfo,
    private readonly index: number,
  ) {}

  private sameFile(fd: number): void {
    const { id } = readHeader(fd);
    if (!id.equals(this.id)) throw new Error('the index file was rewritten since it was read');
  }

  prefetch(): Promise<void> {
    if (this.bytes) return Promise.resolve();
    this.pending ??= (async () => {
      const fh = await openRegularAsync(this.file);
      try {
        this.sameFile(fh.fd);
        this.bytes = await readSectionAsync(fh, this.section, `section ${this.index}`);
      } finally {
        await fh.close();
      }
    })().catch(() => {
      // `load` reads again and reports the reason.
      this.pending = undefined;
    });
    return this.pending;
  }

  load(): T {
    let buf = this.bytes;
    this.bytes = undefined;
    if (!buf) {
      const fd = openRegular(this.file);
      try {
        this.sameFile(fd);
        buf = readSection(fd, this.section, `section ${this.index}`);
      } finally {
        closeSync(fd);
      }
    }
    return decodeSection(buf, () => {
      throw new Error('nested deferred part');
    }) as T;
  }
}

/**
 * Reads and verifies a cache file's first section; deferred parts are read when asked. The
 * section (17 MB at 19,000 articles) is read by the thread pool in one call, so a caller
 * can list its source files meanwhile (see Corpus.load).
 */
export async function readCache<T>(file: string): Promise<CacheRead<T>> {
  // Leftovers of writes that did not finish (a process killed while writing) go first.
  void pruneStale(path.dirname(file));
  let fh: fs.FileHandle;
  try {
    fh = await openRegularAsync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, reason: 'no cache file' };
    return { ok: false, missing: false, reason: code ? `cannot be opened (${code})` : (err as Error).message };
  }
  try {
    const fd = fh.fd;
    const { id, sections } = readHeader(fd);
    const first = await readSectionAsync(fh, sections[0]!, 'the index');
    const value = decodeSection(first, (k) => {
      const s = sections[k];
      if (!s) throw new Error('bad section reference');
      return new FilePart(file, id, s, k);
    }) as T;
    return { ok: true, value };
  } catch (err) {
    const m = (err as Error).message;
    return { ok: false, missing: false, reason: /^(not a|index format|truncated|longer|bad header|header|checksum)/.test(m) ? m : `unreadable: ${m}` };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Writes a cache file atomically (temporary file, then rename). */
export async function writeCache(file: string, value: unknown): Promise<void> {
  const parts: unknown[] = [];
  const bodies: Buffer[] = [encodeSection(value, parts)];
  for (let k = 0; k < parts.length; k++) bodies.push(encodeSection(parts[k], parts));
  const header = Buffer.alloc(headerLength(bodies.length));
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT, MAGIC.length);
  header.writeUInt32LE(bodies.length, MAGIC.length + 4);
  randomBytes(8).copy(header, MAGIC.length + 8);
  let at = header.length;
  bodies.forEach((b, k) => {
    const h = FIXED + k * PER_SECTION;
    header.writeDoubleLE(at, h);
    header.writeDoubleLE(b.length, h + 8);
    header.writeUInt32LE(crc32(b), h + 16);
    at += b.length;
  });
  header.writeDoubleLE(at, MAGIC.length + 16);
  const crcAt = FIXED + bodies.length * PER_SECTION;
  header.writeUInt32LE(crc32(header.subarray(0, crcAt)), crcAt);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // Created here and now (never a file or link already at that name).
    const fh = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    try {
      for (const b of [header, ...bodies]) {
        let done = 0;
        while (done < b.length) done += (await fh.write(b, done, b.length - done)).bytesWritten;
      }
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, file);
    await pruneStale(path.dirname(file));
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

const STALE_MS = 30 * 24 * 3600 * 1000;
/** A temporary file this old is not a write under way (writing Reuters' takes seconds). */
const STALE_TMP_MS = 3600 * 1000;

/** Whether the process that named a temporary file after its pid is still running. */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes index files not rewritten for 30 days (other engine builds, folders no longer
 * opened), and the temporary files of writes that never finished: their writer is gone (a
 * process killed mid-write left a full-size .tmp, 170 MB, that nothing removed), or they are
 * over an hour old. Only regular files are removed, and links are not followed.
 */
export async function pruneStale(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    try {
      const tmp = /^index-[0-9a-f]+\.bin\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
      if (!tmp && !/^index-[0-9a-f]+\.bin$/.test(name)) continue;
      const p = path.join(dir, name);
      const st = await fs.lstat(p);
      if (!st.isFile()) continue;
      const stale = tmp ? !alive(Number(tmp[1])) || now - st.mtimeMs > STALE_TMP_MS : now - st.mtimeMs > STALE_MS;
      if (stale) await fs.rm(p, { force: true });
    } catch {
      /* best effort, file by file */
    }
  }
}
