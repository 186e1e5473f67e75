/**
 * Accepted claims: `.sourcewise/accepted.json` in a workspace folder, a JSON array
 * of keys. This is the only file Sourcewise writes besides the writer's drafts.
 */
import { randomBytes } from 'node:crypto';
import { constants, lstatSync, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { acceptKey } from '../engine/check';
import { readTextFile } from '../engine/sources/read';

export const ACCEPTED_FILE = path.join('.sourcewise', 'accepted.json');

/** Key of "this claim is accepted" (the engine's: code + normalized sentence), shared with the CLI. */
export { acceptKey };

interface Entry {
  keys: Set<string>;
  mtimeMs: number;
}

export class AcceptedStore {
  private byFolder = new Map<string, Entry>();
  /** Keys accepted where no workspace folder exists (untitled drafts, single files). */
  private memory = new Set<string>();
  readonly warnings: string[] = [];

  constructor(
    private folders: () => string[],
    private readonly onWarning: (message: string) => void = () => undefined,
  ) {}

  /** The workspace folder a draft belongs to (innermost), else the first folder. */
  folderFor(fsPath: string | undefined): string | undefined {
    const folders = this.folders();
    if (fsPath) {
      let best: string | undefined;
      for (const f of folders) {
        const rel = path.relative(f, fsPath);
        if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
      }
      if (best) return best;
    }
    return folders[0];
  }

  /** Accepted keys for a draft (re-read when the file changed on disk), with those kept for this session only. */
  keysFor(fsPath: string | undefined): ReadonlySet<string> {
    const folder = this.folderFor(fsPath);
    return folder ? this.keysIn(folder) : this.memory;
  }

  /** The keys in a folder's accepted.json. */
  private keysIn(folder: string): ReadonlySet<string> {
    const file = path.join(folder, ACCEPTED_FILE);
    // lstat: a link at the file's place, or at its folder's, is not followed (it may point out
    // of the workspace).
    let st: Stats | undefined;
    let where = file;
    try {
      const dir = lstatSync(path.dirname(file));
      if (dir.isSymbolicLink() || !dir.isDirectory()) {
        st = dir;
        where = path.dirname(file);
      } else st = lstatSync(file);
    } catch {
      st = undefined;
    }
    const mtimeMs = st ? st.mtimeMs : -1;
    const cached = this.byFolder.get(folder);
    if (cached && cached.mtimeMs === mtimeMs) return this.withMemory(cached.keys);
    const keys = new Set<string>();
    if (st) {
      const problem = refusal(where, st, where === file ? 'file' : 'folder');
      // The same checks as any file Sourcewise reads: a regular file (not a FIFO that would hang
      // the server), at most 1 MB, text.
      const read = problem ? undefined : readTextFile(file, MAX_ACCEPTED_BYTES);
      if (problem) this.warn(`${problem}; ignoring it.`);
      else if (!read!.ok) this.warn(`${file} could not be read (${read!.reason}); ignoring it.`);
      else {
        try {
          const data: unknown = JSON.parse(read!.text);
          if (Array.isArray(data)) for (const k of data) if (typeof k === 'string') keys.add(k);
          else this.warn(`${file} must be a JSON array of strings; ignoring it.`);
        } catch (err) {
          this.warn(`${file} could not be read (${err instanceof Error ? err.message : String(err)}); ignoring it.`);
        }
      }
    }
    this.byFolder.set(folder, { keys, mtimeMs });
    return this.withMemory(keys);
  }

  private withMemory(keys: Set<string>): ReadonlySet<string> {
    if (this.memory.size === 0) return keys;
    return new Set([...keys, ...this.memory]);
  }

  private warn(message: string): void {
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.onWarning(message);
  }

  /**
   * Adds a key and writes the folder's accepted.json. Returns the file written. When it cannot
   * be written safely (see `write`), the key is kept for this session and the error says why.
   */
  async add(fsPath: string | undefined, key: string): Promise<string | undefined> {
    const folder = this.folderFor(fsPath);
    if (!folder) {
      this.memory.add(key);
      return undefined;
    }
    const keys = new Set(this.byFolder.get(folder)?.keys ?? []);
    for (const k of this.keysFor(fsPath)) if (!this.memory.has(k)) keys.add(k);
    keys.add(key);
    try {
      return await this.save(folder, keys);
    } catch (err) {
      // Nothing is lost: the claim stays accepted until the server stops.
      this.memory.add(key);
      throw err;
    }
  }

  /** Every accepted claim, folder by folder (claims accepted outside a folder have none). */
  list(): AcceptedClaim[] {
    const out: AcceptedClaim[] = [];
    const folders = this.folders();
    for (const folder of folders) {
      for (const key of this.keysIn(folder)) out.push({ folder, file: path.join(folder, ACCEPTED_FILE), key, ...describeKey(key) });
    }
    if (!folders.length) for (const key of this.memory) out.push({ key, ...describeKey(key) });
    return out;
  }

  /** Takes accepted claims back (the writer reviewed them); returns how many were removed. */
  async remove(claims: { folder?: string; key: string }[]): Promise<number> {
    let removed = 0;
    const byFolder = new Map<string, Set<string>>();
    for (const c of claims) {
      if (!c.folder) {
        if (this.memory.delete(c.key)) removed++;
        continue;
      }
      let set = byFolder.get(c.folder);
      if (!set) byFolder.set(c.folder, (set = new Set()));
      set.add(c.key);
    }
    for (const [folder, gone] of byFolder) {
      if (!this.folders().includes(folder)) continue;
      const keys = new Set(this.keysIn(folder));
      const before = keys.size;
      for (const k of gone) keys.delete(k);
      if (keys.size === before) continue;
      removed += before - keys.size;
      await this.save(folder, keys);
    }
    return removed;
  }

  /** Writes a folder's accepted.json safely (see `write`) and remembers what it holds. */
  private async save(folder: string, keys: Set<string>): Promise<string> {
    const file = await write(folder, keys);
    let mtimeMs = -1;
    try {
      mtimeMs = lstatSync(file).mtimeMs;
    } catch {
      mtimeMs = -1;
    }
    this.byFolder.set(folder, { keys, mtimeMs });
    return file;
  }
}

export interface AcceptedClaim {
  /** The workspace folder whose .sourcewise/accepted.json holds it (none for claims kept in memory). */
  folder?: string;
  file?: string;
  key: string;
  /** The finding's code and the sentence's words, as the key stores them (lower case). */
  code: string;
  sentence: string;
}

/** The code and sentence an accept key was made of (`code:sentence words`). */
export function describeKey(key: string): { code: string; sentence: string } {
  const i = key.indexOf(':');
  return i < 0 ? { code: '', sentence: key } : { code: key.slice(0, i), sentence: key.slice(i + 1) };
}

/** accepted.json is a list of short keys: a larger file is not one. */
const MAX_ACCEPTED_BYTES = 1024 * 1024;

/** Why Sourcewise will not read or write through this path (a link, or not the kind of entry expected), if it will not. */
function refusal(p: string, st: Stats, kind: 'file' | 'folder'): string | undefined {
  if (st.isSymbolicLink()) return `${p} is a symbolic link, which Sourcewise does not follow (it writes only inside the workspace)`;
  if (kind === 'folder' && !st.isDirectory()) return `${p} is not a folder`;
  if (kind === 'file' && !st.isFile()) return `${p} is not a regular file`;
  return undefined;
}

const sameEntry = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Writes `<folder>/.sourcewise/accepted.json`, only inside the workspace folder: `.sourcewise` must
 * be a real folder (made if missing) and accepted.json a regular file or absent, never a link;
 * the new content goes to a temporary file created exclusively (O_EXCL | O_NOFOLLOW, a random
 * name: a link planted at a guessable name cannot redirect the write), which is renamed into
 * place after checking that `.sourcewise` is still the folder it was. Throws with the reason.
 */
async function write(folder: string, keys: Set<string>): Promise<string> {
  const root = await fs.realpath(folder);
  const dir = path.join(root, path.dirname(ACCEPTED_FILE));
  const file = path.join(dir, path.basename(ACCEPTED_FILE));
  const lstatOrUndefined = (p: string) => fs.lstat(p).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  let before = await lstatOrUndefined(dir);
  if (!before) {
    // Not recursive: the workspace folder itself exists (realpath found it).
    await fs.mkdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    before = await fs.lstat(dir);
  }
  const badDir = refusal(dir, before, 'folder');
  if (badDir) throw new Error(badDir);
  const existing = await lstatOrUndefined(file);
  const badFile = existing && refusal(file, existing, 'file');
  if (badFile) throw new Error(badFile);
  const tmp = path.join(dir, `${path.basename(ACCEPTED_FILE)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const fh = await fs.open(tmp, flags, 0o644);
  try {
    try {
      await fh.writeFile(`${JSON.stringify([...keys].sort(), null, 2)}\n`, 'utf8');
    } finally {
      await fh.close();
    }
    const after = await fs.lstat(dir);
    if (!sameEntry(before, after) || refusal(dir, after, 'folder')) throw new Error(`${dir} changed while accepted.json was written; not written`);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  return file;
}
