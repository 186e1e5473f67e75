/**
 * The persistent index: a snapshot of an indexed corpus in one file per set of
 * source patterns, so a restart reads it back instead of re-indexing.
 *
 * File layout: 8-byte magic "SWIDX\0\0\1", 4-byte format version, 32-byte
 * SHA-256 of the payload, 8-byte payload length, then the payload (a
 * `v8.serialize`d snapshot). A file that is short, has another magic or version,
 * or whose checksum does not match is never used: the caller re-indexes and
 * rewrites it. Files are written to a temporary name and renamed into place, so
 * a reader never sees a half-written file from a concurrent writer.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';

export const CACHE_FORMAT = 1;
const MAGIC = Buffer.from('SWIDX\0\0\x01', 'latin1');
const HEADER = MAGIC.length + 4 + 32 + 8;

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

export type CacheRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; reason: string };

/** Reads and verifies a cache file. */
export async function readCache<T>(file: string): Promise<CacheRead<T>> {
  let buf: Buffer;
  try {
    // One read of one file: synchronous is faster than the thread pool's chunked reads and
    // blocks for tens of milliseconds at most (a 50 MB index from the page cache).
    buf = readFileSync(file);
  } catch {
    return { ok: false, missing: true, reason: 'no cache file' };
  }
  const bad = (reason: string): CacheRead<T> => ({ ok: false, missing: false, reason });
  if (buf.length < HEADER || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return bad('not a Sourcewise index file');
  const version = buf.readUInt32LE(MAGIC.length);
  if (version !== CACHE_FORMAT) return bad(`index format ${version}, expected ${CACHE_FORMAT}`);
  const sum = buf.subarray(MAGIC.length + 4, MAGIC.length + 36);
  const len = Number(buf.readBigUInt64LE(MAGIC.length + 36));
  const payload = buf.subarray(HEADER);
  if (payload.length !== len) return bad(`truncated (${payload.length} of ${len} bytes)`);
  if (!createHash('sha256').update(payload).digest().equals(sum)) return bad('checksum mismatch');
  try {
    return { ok: true, value: v8.deserialize(payload) as T };
  } catch (err) {
    return bad(`unreadable: ${(err as Error).message}`);
  }
}

/** Writes a cache file atomically (temporary file, then rename). */
export async function writeCache(file: string, value: unknown): Promise<void> {
  const payload = v8.serialize(value);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT, MAGIC.length);
  createHash('sha256').update(payload).digest().copy(header, MAGIC.length + 4);
  header.writeBigUInt64LE(BigInt(payload.length), MAGIC.length + 36);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fh = await fs.open(tmp, 'w');
    try {
      await fh.write(header);
      await fh.write(payload);
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

/** Removes index files not rewritten for 30 days (other engine builds, folders no longer opened). */
async function pruneStale(dir: string): Promise<void> {
  try {
    const now = Date.now();
    for (const name of await fs.readdir(dir)) {
      if (!/^index-[0-9a-f]+\.bin$/.test(name)) continue;
      const p = path.join(dir, name);
      const st = await fs.stat(p);
      if (now - st.mtimeMs > STALE_MS) await fs.rm(p, { force: true });
    }
  } catch {
    /* best effort */
  }
}
