/**
 * Reading source files from disk: pattern expansion, size limits and text decoding.
 * No `vscode` import; used by the CLI and the language server.
 */
// The default import (Node's fs object itself) rather than a namespace import: tests
// replace single functions on it to simulate files changing while they are read.
import fs, { type Dir, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import micromatch from 'micromatch';
import type { SourceInput } from '../types';

export const SOURCE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'] as const;

export interface ReadSourcesOptions {
  /** Base directory for relative patterns (default: process.cwd()). */
  cwd?: string;
  /** Files larger than this many bytes are skipped (default 5 MB). */
  maxFileSize?: number;
  signal?: AbortSignal;
  /** What a pattern may list (default MAX_FILES_PER_PATTERN, MAX_BYTES_PER_PATTERN; lower in tests). */
  limits?: { files?: number; bytes?: number };
}

/** A file, or a pattern (`pattern: true`), that was not read, and why. */
export interface Skipped {
  path: string;
  reason: string;
  /** The entry is a source pattern (invalid, or listing more than a pattern may), not a file. */
  pattern?: true;
}

export interface ReadSourcesResult {
  inputs: SourceInput[];
  skipped: Skipped[];
}

/**
 * What one pattern (a glob, folder or file of the sources setting) may list, and all patterns
 * together: beyond it the rest is not read, and a message says so. `/**` listed 44,000 files
 * (92 MB) on the development machine and grew the language server past 4 GB, out of memory.
 * The caps leave room for the largest corpora Sourcewise is measured on (Reuters: 19,043 files,
 * 16.7 MB; the 50,000-article set: 50 MB); memory grows with the text, about 30-45 times it
 * once every sentence is analysed.
 */
export const MAX_FILES_PER_PATTERN = 100_000;
export const MAX_BYTES_PER_PATTERN = 64 * 1024 * 1024;
/** Most globs a pattern's braces may expand to (`{a,b}` sixteen times is 65,536: 9 s and 1.1 GB in fast-glob). */
export const MAX_BRACE_EXPANSION = 1_000;

const MB = 1024 * 1024;
const DEFAULT_MAX = 5 * MB;

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
  // indexOf on a typed array runs natively: much faster than a byte loop over every file.
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return { ok: false, reason: 'binary file' };
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

/** fast-glob's options for source globs (exported for the test that holds the folder walk to them). */
export const GLOB_OPTIONS: fg.Options = {
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

/**
 * Synchronous file-system calls are several times faster than a thread-pool round
 * trip each (on a warm page cache a stat or read takes microseconds, the round trip
 * more), so files are handled synchronously in slices: a slice ends after this many
 * files or this many milliseconds, whichever comes first, and then the event loop
 * gets a turn (the language server keeps answering, an abort is noticed).
 * The price: a file system that hangs (a dead network mount) stalls the event loop
 * itself, not just a thread-pool thread.
 */
const SLICE_FILES = 256;
const SLICE_MS = 10;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Calls `step(i)` for every i in [0, n), in slices (see SLICE_FILES), checking the
 * signal before each slice and at the end: an abort rejects with the signal's reason.
 */
async function inSlices(n: number, signal: AbortSignal | undefined, step: (i: number) => void): Promise<void> {
  let i = 0;
  while (i < n) {
    signal?.throwIfAborted();
    const end = Math.min(n, i + SLICE_FILES);
    const deadline = performance.now() + SLICE_MS;
    do step(i++);
    while (i < end && performance.now() < deadline);
    if (i < n) await yieldToEventLoop();
  }
  signal?.throwIfAborted();
}

/** Names a folder walk picks up: `*.{txt,md,…}` in any letter case, no dot-files (what the glob matched). */
const SOURCE_NAME = new RegExp(`^[^.].*\\.(?:${SOURCE_EXTENSIONS.join('|')})$`, 'is');
/** Folders a walk does not enter: dot-folders and node_modules in any letter case (what the glob skipped). */
const SKIPPED_FOLDER = /^(?:\..*|node_modules)$/is;

/**
 * Adds the source files below the folder `root` to `found`: a walk over typed
 * directory entries, which needs no stat per entry and is far quicker than the
 * equivalent glob on a large folder. Matching entries are listed whatever their
 * type (a symlink is resolved later; a folder named like a source is passed over
 * then). Symlinked folders are never entered, so links cannot loop, and folders
 * that cannot be read are passed over silently.
 *
 * Entries are read one by one (opendir) rather than a whole folder at once, so that
 * a folder of 20,000 files, too, is walked in slices with the event loop served between.
 */
async function walk(
  root: string,
  found: Set<string>,
  signal: AbortSignal | undefined,
  accept: (name: string) => boolean = (name) => SOURCE_NAME.test(name),
  recursive = true,
  limit: { files: number } = { files: Infinity },
): Promise<boolean> {
  const folders = [root];
  let deadline = performance.now() + SLICE_MS;
  let added = 0;
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let dir: Dir;
    try {
      dir = fs.opendirSync(folder, { bufferSize: 256 });
    } catch {
      continue; // gone, not a folder any more, or not readable
    }
    // `folder` is absolute and normalized, so plain concatenation (much cheaper than
    // path.join per entry) gives normalized paths too.
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    try {
      for (;;) {
        let entry: Dirent | null;
        try {
          entry = dir.readSync();
        } catch {
          break; // the folder went away while being read
        }
        if (!entry) break;
        const name = entry.name;
        // isDirectory() is false for a symlink to a folder: such links are not followed.
        if (recursive && entry.isDirectory() && !SKIPPED_FOLDER.test(name)) folders.push(prefix + name);
        if (accept(name) && !found.has(prefix + name)) {
          // Over the pattern's limit: stop listing (the caller says so).
          if (added >= limit.files) return false;
          found.add(prefix + name);
          added++;
        }
        if (performance.now() > deadline) {
          await yieldToEventLoop();
          signal?.throwIfAborted();
          deadline = performance.now() + SLICE_MS;
        }
      }
    } finally {
      try {
        dir.closeSync();
      } catch {
        /* already closed */
      }
    }
  }
  return true;
}

/**
 * A glob of the two shapes source settings take, a name glob in a folder
 * (`sources/*.md`) or in a folder and all below it (`sources/` `**` `/*.md`):
 * the folder, whether to look below it, and a test of entry names. Undefined for
 * any other glob. The folder walk lists such globs as fast-glob does, in a tenth
 * of the time on a folder of 20,000 files; other globs go to fast-glob.
 */
function simpleGlob(glob: string, cwd: string): { base: string; recursive: boolean; accept: (name: string) => boolean } | undefined {
  const segs = glob.split('/');
  let k = 0;
  while (k < segs.length && (segs[k] === '' || !fg.isDynamicPattern(segs[k]!))) k++;
  const rest = segs.slice(k);
  const recursive = rest.length === 2 && rest[0] === '**';
  if (!(rest.length === 1 || recursive)) return undefined;
  const name = rest[rest.length - 1]!;
  if (!name || name.includes('**') || name.startsWith('!')) return undefined;
  // An absolute glob's fixed part starts at the root (`/*.md` is the root folder's, not cwd's).
  const fixed = segs.slice(0, k).join('/');
  const base = path.resolve(cwd, fixed || (glob.startsWith('/') ? '/' : '.'));
  // Whatever is inside node_modules is left to fast-glob's ignore rule.
  if (/(^|[\\/])node_modules([\\/]|$)/i.test(base)) return undefined;
  // The pattern's regular expression, tested directly: the matcher micromatch wraps around it
  // costs about 1.5 µs a name (30 ms for a folder of 19,000 files); a name has no slashes to
  // normalise, so the expression alone decides.
  const re = micromatch.makeRe(name, { dot: false });
  return { base, recursive, accept: (entry) => re.test(entry) };
}

/** Whether a file name has one of the source extensions (any letter case). */
export function hasSourceExtension(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).slice(1).toLowerCase());
}

/** How many globs the braces of `glob` expand to (at most `cap` + 1: counting stops there). */
export function braceExpansions(glob: string, cap = MAX_BRACE_EXPANSION): number {
  // One level of the pattern: the product of its groups, each the sum of its alternatives.
  const count = (from: number, to: number): number => {
    let product = 1;
    for (let i = from; i < to; i++) {
      const c = glob[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c !== '{') continue;
      // The group's end and its top-level commas.
      let depth = 0;
      let j = i;
      const commas: number[] = [];
      for (; j < to; j++) {
        const d = glob[j];
        if (d === '\\') j++;
        else if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
        else if (d === ',' && depth === 1) commas.push(j);
      }
      if (j >= to) return product; // unbalanced: not a group (patternProblem reports it)
      let group = 1;
      const body = glob.slice(i + 1, j);
      const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
      if (commas.length) {
        group = 0;
        let a = i + 1;
        for (const k of [...commas, j]) {
          group += count(a, k);
          a = k + 1;
          if (group > cap) break;
        }
      } else if (range) {
        const n = (x: string) => (/^-?\d+$/.test(x) ? Number(x) : x.charCodeAt(0));
        const step = Math.max(1, Math.abs(Number(range[3] ?? 1)));
        group = Math.floor(Math.abs(n(range[2]!) - n(range[1]!)) / step) + 1;
      } else group = count(i + 1, j);
      product *= group;
      if (product > cap) return cap + 1;
      i = j;
    }
    return product;
  };
  return Math.min(cap + 1, count(0, glob.length));
}

/**
 * Why a glob cannot be used, if it cannot: unbalanced braces, a character range written
 * backwards (`[z-a]`), braces that expand to more globs than a pattern may, or a pattern
 * micromatch cannot compile. Such a pattern is reported by name and skipped; the others are read.
 */
export function patternProblem(pattern: string): string | undefined {
  const glob = pattern.replace(/\\/g, '/');
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) continue;
      for (const m of glob.slice(i + 1, close).matchAll(/(.)-(.)/gu)) {
        if (m[1]! > m[2]!) return `the character range ${m[1]}-${m[2]} is backwards`;
      }
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return 'a } closes no {';
  }
  if (depth > 0) return 'a { is not closed';
  const expansions = braceExpansions(glob);
  if (expansions > MAX_BRACE_EXPANSION) return `its braces expand to more than ${MAX_BRACE_EXPANSION.toLocaleString('en-US')} patterns`;
  try {
    micromatch.makeRe(glob);
  } catch (err) {
    return `it is not a valid glob (${(err as Error).message})`;
  }
  return undefined;
}

/** A pattern's reason to be skipped, as an entry of `skipped`. */
const patternSkip = (pattern: string, reason: string): Skipped => ({ path: pattern, reason, pattern: true });

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/**
 * Expands patterns into sorted absolute candidate paths (files with a source extension only;
 * a file named in a pattern is no exception), and which pattern listed each. Missing files and
 * invalid patterns are reported; a pattern that lists more than MAX_FILES_PER_PATTERN files
 * is cut there, with a message that says so.
 */
async function expand(
  patterns: string[],
  cwd: string,
  skipped: Skipped[],
  signal: AbortSignal | undefined,
  maxFiles = MAX_FILES_PER_PATTERN,
): Promise<{ files: string[]; owner: Map<string, string> }> {
  const found = new Set<string>();
  const owner = new Map<string, string>();
  let total = 0;
  for (const pattern of patterns) {
    if (!pattern) continue;
    const before = found.size;
    const left = { files: Math.max(0, Math.min(maxFiles, maxFiles - total)) };
    let complete = true;
    try {
      complete = await expandOne(pattern, cwd, found, skipped, signal, left);
    } catch (err) {
      if (signal?.aborted) throw err;
      // One pattern that cannot be listed does not stop the others.
      skipped.push(patternSkip(pattern, `could not be listed (${(err as Error).message})`));
      continue;
    }
    let n = 0;
    for (const f of found) {
      if (n++ < before) continue;
      if (!owner.has(f)) owner.set(f, pattern);
    }
    total += found.size - before;
    if (!complete) {
      skipped.push(
        patternSkip(
          pattern,
          `lists more than ${plural(left.files, 'source file')}${left.files < maxFiles ? ' (with the patterns before it)' : ''}; the first ${plural(found.size - before, 'file')} are read, the rest are not`,
        ),
      );
    }
  }
  const files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, owner };
}

/** Lists one pattern into `found` (at most `limit.files` new files); false when it listed more. */
async function expandOne(
  pattern: string,
  cwd: string,
  found: Set<string>,
  skipped: Skipped[],
  signal: AbortSignal | undefined,
  limit: { files: number },
): Promise<boolean> {
  const abs = path.resolve(cwd, pattern);
  let st: Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch {
    st = undefined; // missing, a symlink loop, …: a glob or a missing file
  }
  if (st?.isDirectory()) return walk(abs, found, signal, undefined, true, limit);
  if (st) {
    // A file named in the settings is read only if it is a source file type, like any other.
    if (!hasSourceExtension(abs)) {
      skipped.push({ path: abs, reason: `not a source file type (${SOURCE_EXTENSIONS.map((e) => `.${e}`).join(', ')})` });
      return true;
    }
    if (limit.files < 1) return false;
    found.add(abs);
    return true;
  }
  const glob = pattern.replace(/\\/g, '/');
  // Checked before asking fast-glob whether it is a glob: it takes `notes/{a,b.md` for a file name.
  const problem = /[*?{}[\]]/.test(glob) ? patternProblem(glob) : undefined;
  if (problem) {
    skipped.push(patternSkip(pattern, `is not used: ${problem}`));
    return true;
  }
  if (!fg.isDynamicPattern(glob)) {
    skipped.push({ path: abs, reason: 'file not found' });
    return true;
  }
  const simple = simpleGlob(glob, cwd);
  if (simple) return walk(simple.base, found, signal, (name) => simple.accept(name) && hasSourceExtension(name), simple.recursive, limit);
  // fast-glob as a stream, stopped at the limit (a whole file system is never held in memory).
  const stream = fg.stream(glob, { ...GLOB_OPTIONS, cwd }) as NodeJS.ReadableStream & { destroy(): void };
  let added = 0;
  try {
    for await (const entry of stream) {
      signal?.throwIfAborted();
      const p = path.normalize(String(entry));
      if (!hasSourceExtension(p) || found.has(p)) continue;
      if (added >= limit.files) return false;
      found.add(p);
      added++;
    }
  } finally {
    stream.destroy();
  }
  return true;
}

/** Keeps each pattern's files within MAX_BYTES_PER_PATTERN (and all patterns' within the same), in path order. */
class ByteBudget {
  private used = new Map<string, number>();
  private total = 0;
  private over = new Set<string>();

  constructor(
    private readonly owner: Map<string, string>,
    private readonly skipped: Skipped[],
    private readonly max = MAX_BYTES_PER_PATTERN,
  ) {}

  /** Whether a file of `size` bytes still fits; the first file that does not is reported for its pattern. */
  take(file: string, size: number): boolean {
    const pattern = this.owner.get(file) ?? '';
    const used = this.used.get(pattern) ?? 0;
    if (this.over.has(pattern) || used + size > this.max || this.total + size > this.max) {
      if (!this.over.has(pattern)) {
        this.over.add(pattern);
        const amount = this.max >= MB ? `${Math.round(this.max / MB)} MB` : `${this.max} bytes`;
        this.skipped.push(patternSkip(pattern, `lists more than ${amount} of sources${used + size > this.max ? '' : ' (with the patterns before it)'}; files from ${file} on are not read`));
      }
      return false;
    }
    this.used.set(pattern, used + size);
    this.total += size;
    return true;
  }
}

type ReadOne =
  | { kind: 'input'; input: SourceInput }
  | { kind: 'skip'; path: string; reason: string }
  | { kind: 'none' };

/** Open flags for reading a source: non-blocking, so a FIFO swapped in for a file cannot hang the open. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a path that exists as a directory entry cannot be read: a broken link says so. */
function missingReason(file: string, err: unknown): string {
  if ((err as { code?: unknown } | undefined)?.code === 'ENOENT') {
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return 'broken symbolic link';
    } catch {
      /* really gone */
    }
  }
  return errorReason(err);
}

/**
 * One buffer that all small files are read into, one after the other, instead of a
 * fresh buffer per file (fewer allocations and garbage collections at 20,000 files).
 * Safe because a file is read and decoded synchronously, and the decoded text is a
 * copy: nothing refers to the buffer afterwards.
 */
const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads an opened regular file: the `size` bytes fstat reported (fewer if it shrank
 * since), or, when it reported 0 (as /proc files do), everything up to the end.
 * Returns undefined if more than `max` bytes turn up that way. The bytes returned
 * may be a view of `scratch`: use them before reading the next file.
 */
function readOpened(fd: number, size: number, max: number): Buffer | undefined {
  if (size > 0) {
    const bytes = size <= scratch.length ? scratch : Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = fs.readSync(fd, bytes, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > max) return undefined;
  }
  return Buffer.concat(chunks, total);
}

/** Reads and decodes one file (synchronously; see SLICE_FILES). Never throws. */
function readOne(file: string, maxFileSize: number): ReadOne {
  const tooLarge = (): ReadOne => ({ kind: 'skip', path: file, reason: `larger than ${formatMb(maxFileSize)}` });
  let fd: number | undefined;
  try {
    // Look before opening, so that devices and the like are never opened at all.
    const st0 = fs.statSync(file);
    if (st0.isDirectory()) return { kind: 'none' };
    if (!st0.isFile()) return { kind: 'skip', path: file, reason: 'not a regular file' };
    if (st0.size > maxFileSize) return tooLarge();
    // Check the opened file itself: the path may have been replaced since the stat.
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: 'skip', path: file, reason: 'not a regular file' };
    if (st.size > maxFileSize) return tooLarge();
    const bytes = readOpened(fd, st.size, maxFileSize);
    if (!bytes) return tooLarge();
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { kind: 'skip', path: file, reason: decoded.reason };
    return { kind: 'input', input: { path: file, text: decoded.text, mtimeMs: st.mtimeMs, size: st.size } };
  } catch (err) {
    return { kind: 'skip', path: file, reason: missingReason(file, err) };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* nothing left to do */
      }
    }
  }
}

/** A text file read with the checks sources get, or why it was not. */
export type TextFileRead = { ok: true; text: string; size: number; mtimeMs: number } | { ok: false; reason: string };

/**
 * Reads one text file with the checks every source gets: only a regular file is opened
 * (never a FIFO, a device such as /dev/zero, or a socket; the opened file is checked again),
 * no more than `maxBytes` are read, and the bytes must decode as text. For drafts, which
 * must not hang or exhaust the reader any more than sources may.
 */
export function readTextFile(file: string, maxBytes: number): TextFileRead {
  const r = readOne(file, maxBytes);
  if (r.kind === 'input') return { ok: true, text: r.input.text, size: r.input.size ?? 0, mtimeMs: r.input.mtimeMs ?? 0 };
  if (r.kind === 'none') return { ok: false, reason: 'is a directory' };
  return { ok: false, reason: r.reason };
}

/**
 * Reads source files. Each pattern is a directory (all .txt/.md/.markdown/.html/.htm
 * below it, without dot-folders and node_modules), a file, or a glob relative to `cwd`.
 * Results are in sorted path order. An empty folder gives `inputs: []`.
 * Rejects with the signal's reason when aborted.
 */
export async function readSources(patterns: string[], options: ReadSourcesOptions = {}): Promise<ReadSourcesResult> {
  const cwd = options.cwd ?? process.cwd();
  const signal = options.signal;
  signal?.throwIfAborted();
  const skipped: Skipped[] = [];
  const { files, owner } = await expand(patterns, cwd, skipped, signal, options.limits?.files);
  signal?.throwIfAborted();
  const r = await readFiles(files, options, new ByteBudget(owner, skipped, options.limits?.bytes));
  skipped.push(...r.skipped);
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs: r.inputs, skipped };
}

/**
 * Reads the given absolute file paths (as `readSources` does after expanding its patterns):
 * source file types only, each within the size limit, and (from `readSources`) each pattern's
 * files within its byte budget.
 */
export async function readFiles(files: string[], options: ReadSourcesOptions = {}, budget?: ByteBudget): Promise<ReadSourcesResult> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX;
  const inputs: SourceInput[] = [];
  const skipped: Skipped[] = [];
  await inSlices(files.length, options.signal, (i) => {
    const file = files[i]!;
    if (!hasSourceExtension(file)) {
      skipped.push({ path: file, reason: `not a source file type (${SOURCE_EXTENSIONS.map((e) => `.${e}`).join(', ')})` });
      return;
    }
    const r = readOne(file, maxFileSize);
    if (r.kind === 'input') {
      if (budget && !budget.take(file, r.input.size ?? r.input.text.length)) return;
      inputs.push(r.input);
    } else if (r.kind === 'skip') skipped.push({ path: r.path, reason: r.reason });
  });
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
): Promise<{ files: ListedSource[]; skipped: Skipped[] }> {
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX;
  const signal = options.signal;
  signal?.throwIfAborted();
  const skipped: Skipped[] = [];
  const { files: paths, owner } = await expand(patterns, cwd, skipped, signal, options.limits?.files);
  const budget = new ByteBudget(owner, skipped, options.limits?.bytes);
  const files: ListedSource[] = [];
  // One stat per file, which also resolves symlinks (the walk saw only the link).
  await inSlices(paths.length, signal, (i) => {
    const file = paths[i]!;
    try {
      const st = fs.statSync(file);
      if (st.isDirectory()) return;
      if (!st.isFile()) skipped.push({ path: file, reason: 'not a regular file' });
      else if (st.size > maxFileSize) skipped.push({ path: file, reason: `larger than ${formatMb(maxFileSize)}` });
      else if (budget.take(file, st.size)) files.push({ path: file, size: st.size, mtimeMs: st.mtimeMs });
    } catch (err) {
      skipped.push({ path: file, reason: missingReason(file, err) });
    }
  });
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}
