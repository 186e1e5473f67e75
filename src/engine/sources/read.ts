/**
 * Reading source files from disk: pattern expansion, size limits and text decoding.
 * No `vscode` import; used by the CLI and the language server.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import type { SourceInput } from '../types';

export const SOURCE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'] as const;

export interface ReadSourcesOptions {
  /** Base directory for relative patterns (default: process.cwd()). */
  cwd?: string;
  /** Files larger than this many bytes are skipped (default 5 MB). */
  maxFileSize?: number;
  signal?: AbortSignal;
}

export interface ReadSourcesResult {
  inputs: SourceInput[];
  skipped: { path: string; reason: string }[];
}

const MB = 1024 * 1024;
const DEFAULT_MAX = 5 * MB;
const READ_CONCURRENCY = 16;

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes file bytes: UTF-8 (BOM removed), UTF-16 LE/BE when a BOM says so.
 * NUL bytes in the first 8 KB (without a UTF-16 BOM) mean a binary file.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    // Swap to little-endian rather than relying on ICU support for 'utf-16be'.
    const body = bytes.subarray(2);
    const swapped = new Uint8Array(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    return { ok: true, text: new TextDecoder('utf-16le').decode(swapped) };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { ok: false, reason: 'binary file' };
  }
  try {
    // fatal: invalid sequences throw; the default ignoreBOM=false strips a UTF-8 BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(2))} MB`;
}

function errorReason(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown };
    if (e.code === 'ENOENT') return 'file not found';
    if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
    if (e.code === 'EISDIR') return 'is a directory';
    if (e.code === 'ELOOP') return 'symbolic link loop';
    if (typeof e.message === 'string' && e.message) return e.message;
  }
  return String(err);
}

const GLOB_OPTIONS: fg.Options = {
  absolute: true,
  dot: false,
  // Symlinked folders are not descended into, so symlink loops cannot hang the walk;
  // symlinked files are still listed (onlyFiles: false) and resolved by stat below.
  followSymbolicLinks: false,
  onlyFiles: false,
  unique: true,
  suppressErrors: true,
  ignore: ['**/node_modules/**'],
};

/** Expands patterns into absolute candidate paths; missing patterns are reported. */
async function expand(
  patterns: string[],
  cwd: string,
  skipped: { path: string; reason: string }[],
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (!pattern) continue;
    const abs = path.resolve(cwd, pattern);
    let st: import('node:fs').Stats | undefined;
    try {
      st = await fs.stat(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const entries = await fg(`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, {
        ...GLOB_OPTIONS,
        cwd: abs,
        caseSensitiveMatch: false,
      });
      for (const e of entries) found.add(path.normalize(e));
    } else if (st) {
      found.add(abs);
    } else if (fg.isDynamicPattern(pattern.replace(/\\/g, '/'))) {
      const glob = pattern.replace(/\\/g, '/');
      const entries = await fg(glob, { ...GLOB_OPTIONS, cwd });
      for (const e of entries) found.add(path.normalize(e));
    } else {
      skipped.push({ path: abs, reason: 'file not found' });
    }
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

type ReadOne =
  | { kind: 'input'; input: SourceInput }
  | { kind: 'skip'; path: string; reason: string }
  | { kind: 'none' };

/** Open flags for reading a source: non-blocking, so a FIFO swapped in for a file cannot hang the open. */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** Why a path that exists as a directory entry cannot be read: a broken link says so. */
async function missingReason(file: string, err: unknown): Promise<string> {
  if ((err as { code?: unknown } | undefined)?.code === 'ENOENT') {
    try {
      if ((await fs.lstat(file)).isSymbolicLink()) return 'broken symbolic link';
    } catch {
      /* really gone */
    }
  }
  return errorReason(err);
}

async function readOne(file: string, maxFileSize: number): Promise<ReadOne> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    const st0 = await fs.stat(file);
    if (st0.isDirectory()) return { kind: 'none' };
    if (!st0.isFile()) return { kind: 'skip', path: file, reason: 'not a regular file' };
    if (st0.size > maxFileSize) return { kind: 'skip', path: file, reason: `larger than ${formatMb(maxFileSize)}` };
    // Check the opened file itself: the path may have been replaced since the stat.
    handle = await fs.open(file, OPEN_FLAGS);
    const st = await handle.stat();
    if (!st.isFile()) return { kind: 'skip', path: file, reason: 'not a regular file' };
    if (st.size > maxFileSize) return { kind: 'skip', path: file, reason: `larger than ${formatMb(maxFileSize)}` };
    const bytes = await handle.readFile();
    if (bytes.length > maxFileSize) return { kind: 'skip', path: file, reason: `larger than ${formatMb(maxFileSize)}` };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { kind: 'skip', path: file, reason: decoded.reason };
    return { kind: 'input', input: { path: file, text: decoded.text, mtimeMs: st.mtimeMs, size: st.size } };
  } catch (err) {
    return { kind: 'skip', path: file, reason: await missingReason(file, err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads source files. Each pattern is a directory (all .txt/.md/.markdown/.html/.htm
 * below it, without dot-folders and node_modules), a file, or a glob relative to `cwd`.
 * Results are in sorted path order. An empty folder gives `inputs: []`.
 * Rejects with the signal's reason when aborted.
 */
export async function readSources(patterns: string[], options: ReadSourcesOptions = {}): Promise<ReadSourcesResult> {
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX;
  const signal = options.signal;
  signal?.throwIfAborted();
  const skipped: { path: string; reason: string }[] = [];
  const files = await expand(patterns, cwd, skipped);
  signal?.throwIfAborted();
  const r = await readFiles(files, options);
  skipped.push(...r.skipped);
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs: r.inputs, skipped };
}

/** Reads the given absolute file paths (as `readSources` does after expanding its patterns). */
export async function readFiles(files: string[], options: ReadSourcesOptions = {}): Promise<ReadSourcesResult> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX;
  const signal = options.signal;
  const skipped: { path: string; reason: string }[] = [];
  const results: ReadOne[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await readOne(files[i]!, maxFileSize);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  signal?.throwIfAborted();

  const inputs: SourceInput[] = [];
  for (const r of results) {
    if (r.kind === 'input') inputs.push(r.input);
    else if (r.kind === 'skip') skipped.push({ path: r.path, reason: r.reason });
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs, skipped };
}

export interface ListedSource {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * The files `readSources` would read, with their size and modification time,
 * without reading them (for a cache to tell which changed). Files too large or
 * not regular are reported in `skipped` as `readSources` reports them.
 */
export async function listSources(
  patterns: string[],
  options: ReadSourcesOptions = {},
): Promise<{ files: ListedSource[]; skipped: { path: string; reason: string }[] }> {
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX;
  const signal = options.signal;
  signal?.throwIfAborted();
  const skipped: { path: string; reason: string }[] = [];
  const paths = await expand(patterns, cwd, skipped);
  const out: (ListedSource | undefined)[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      signal?.throwIfAborted();
      const i = next++;
      const file = paths[i]!;
      try {
        const st = await fs.stat(file);
        if (st.isDirectory()) continue;
        if (!st.isFile()) skipped.push({ path: file, reason: 'not a regular file' });
        else if (st.size > maxFileSize) skipped.push({ path: file, reason: `larger than ${formatMb(maxFileSize)}` });
        else out[i] = { path: file, size: st.size, mtimeMs: st.mtimeMs };
      } catch (err) {
        skipped.push({ path: file, reason: await missingReason(file, err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY * 4, paths.length) }, worker));
  signal?.throwIfAborted();
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: out.filter((f): f is ListedSource => f !== undefined), skipped };
}
