/**
 * Accepted claims: `.sourcewise/accepted.json` in a workspace folder, a JSON array
 * of keys. This is the only file Sourcewise writes besides the writer's drafts.
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { acceptKey } from '../engine/check';

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

  constructor(private folders: () => string[]) {}

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

  /** Accepted keys for a draft (re-read when the file changed on disk). */
  keysFor(fsPath: string | undefined): ReadonlySet<string> {
    const folder = this.folderFor(fsPath);
    return folder ? this.keysIn(folder) : this.memory;
  }

  /** The keys in a folder's accepted.json. */
  private keysIn(folder: string): ReadonlySet<string> {
    const file = path.join(folder, ACCEPTED_FILE);
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      mtimeMs = -1;
    }
    const cached = this.byFolder.get(folder);
    if (cached && cached.mtimeMs === mtimeMs) return cached.keys;
    const keys = new Set<string>();
    if (mtimeMs >= 0) {
      try {
        const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (Array.isArray(data)) for (const k of data) if (typeof k === 'string') keys.add(k);
        else this.warnings.push(`${file} must be a JSON array of strings; ignoring it.`);
      } catch (err) {
        this.warnings.push(`${file} could not be read (${err instanceof Error ? err.message : String(err)}); ignoring it.`);
      }
    }
    this.byFolder.set(folder, { keys, mtimeMs });
    return keys;
  }

  /** Adds a key and writes the folder's accepted.json. Returns the file written, if any. */
  async add(fsPath: string | undefined, key: string): Promise<string | undefined> {
    const folder = this.folderFor(fsPath);
    if (!folder) {
      this.memory.add(key);
      return undefined;
    }
    const keys = new Set(this.keysFor(fsPath));
    keys.add(key);
    return this.write(folder, keys);
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
      await this.write(folder, keys);
    }
    return removed;
  }

  private async write(folder: string, keys: Set<string>): Promise<string> {
    const file = path.join(folder, ACCEPTED_FILE);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify([...keys].sort(), null, 2)}\n`, 'utf8');
    await fs.rename(tmp, file);
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(file).mtimeMs;
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
