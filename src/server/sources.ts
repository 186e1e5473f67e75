/**
 * Loading the source articles into the engine: the `sourcewise.sources` globs
 * relative to each workspace folder, the bundled seeds (auto|always|never), and
 * incremental updates from `workspace/didChangeWatchedFiles`.
 * Sources are only ever read, never written.
 */
import * as path from 'node:path';
import { Corpus } from '../engine/corpus';
import { patternProblem, readFiles, SOURCE_EXTENSIONS, type Skipped } from '../engine/sources/read';
import type { Settings } from './settings';
import { globToRegExp, samePathKey } from './util';

/** Where the bundled seed articles live, relative to dist/server.js. */
export const SEEDS_DIR = path.join(__dirname, '..', 'seeds');

const MAX_SOURCE_SIZE = 5 * 1024 * 1024;

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface LoadResult {
  corpus: Corpus;
  usingSeeds: boolean;
  skipped: Skipped[];
  millis: number;
}

export class Sources {
  corpus: Corpus | undefined;
  usingSeeds = false;
  /**
   * False in an untrusted workspace (initializationOptions.trusted === false): then
   * no workspace file is read as a source, whatever the settings say; only the bundled seeds.
   */
  trusted = true;
  skipped: Skipped[] = [];
  /** Told when a corpus's search thread has its copy of the index (with the sentence count). */
  onSearchThreadReady: ((sentences: number) => void) | undefined;
  private folders: string[] = [];
  private settings: Settings | undefined;
  private current: AbortController | undefined;
  private matchers: { folder: string; test: (rel: string) => boolean }[] = [];

  /** Workspace-relative patterns made absolute for each folder. */
  static patternsFor(settings: Settings, folders: string[]): string[] {
    const out: string[] = [];
    for (const p of settings.sources) {
      if (path.isAbsolute(p)) out.push(p);
      else for (const f of folders) out.push(path.join(f, p).replace(/\\/g, '/'));
    }
    return out;
  }

  /**
   * (Re)loads everything. A load in progress is aborted first; an aborted load
   * rejects with the abort reason and leaves the previous corpus in place.
   */
  async load(
    settings: Settings,
    folders: string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<LoadResult> {
    this.current?.abort(new Error('superseded by a newer load'));
    const controller = new AbortController();
    this.current = controller;
    const t0 = Date.now();
    if (!this.trusted) settings = { ...settings, sources: [], bundledSeeds: 'always' };
    this.settings = settings;
    this.folders = folders;
    this.matchers = buildMatchers(settings.sources, folders);

    const patterns = settings.bundledSeeds === 'always' ? [] : Sources.patternsFor(settings, folders);
    const opts = {
      cwd: folders[0] ?? process.cwd(),
      root: sourcesRoot(settings.sources, folders),
      aliases: settings.aliases,
      signal: controller.signal,
      onProgress,
      // The index is enough to answer; the server analyses sentences in the background.
      analysis: 'deferred' as const,
      // Until the first load ends there is nothing else to answer from: answer from what is indexed so far.
      onCorpus: (c: Corpus) => {
        if (!this.corpus) this.corpus = c;
      },
      onSearchThreadReady: (n: number) => this.onSearchThreadReady?.(n),
      // The persistent index lives in the client's storage for this workspace when it gives one.
      ...(settings.storagePath ? { cacheDir: path.join(settings.storagePath, 'index') } : {}),
    };
    let usingSeeds = false;
    let skipped: Skipped[] = [];
    let corpus: Corpus;
    if (settings.bundledSeeds === 'always') {
      const r = await Corpus.load([...Sources.patternsFor(settings, folders), SEEDS_DIR], opts);
      corpus = r.corpus;
      skipped = r.skipped;
      usingSeeds = true;
    } else {
      const r = patterns.length ? await Corpus.load(patterns, opts) : undefined;
      skipped = r?.skipped ?? [];
      if (r && r.corpus.docs.length > 0) corpus = r.corpus;
      else if (settings.bundledSeeds === 'auto') {
        const seeds = await Corpus.load([SEEDS_DIR], opts);
        corpus = seeds.corpus;
        skipped = [...skipped, ...seeds.skipped];
        usingSeeds = true;
      } else corpus = r?.corpus ?? Corpus.fromInputs([], { aliases: settings.aliases });
    }
    if (controller.signal.aborted) throw controller.signal.reason ?? new Error('aborted');
    if (this.current === controller) this.current = undefined;
    // A pattern naming a missing file or folder is the normal "no sources yet" case.
    skipped = skipped.filter((s) => s.reason !== 'file not found');
    // A pattern is named as the writer wrote it in the setting (once, whatever the folders).
    const written = new Map<string, string>();
    for (const p of settings.sources) for (const f of path.isAbsolute(p) ? [''] : folders) written.set(f ? path.join(f, p).replace(/\\/g, '/') : p, p);
    const named = new Set<string>();
    skipped = skipped.flatMap((s) => {
      if (!s.pattern) return [s];
      const name = written.get(s.path) ?? s.path;
      const key = `${name}\0${s.reason}`;
      if (named.has(key)) return [];
      named.add(key);
      return [{ ...s, path: name }];
    });
    // The corpus replaced stops its search thread (and the copy of the index it holds).
    if (this.corpus && this.corpus !== corpus) void this.corpus.close();
    this.corpus = corpus;
    this.usingSeeds = usingSeeds;
    this.skipped = skipped;
    return { corpus, usingSeeds, skipped, millis: Date.now() - t0 };
  }

  /** Whether a file-system path is (or would be) a source under the current settings. */
  matches(fsPath: string): boolean {
    if (this.isLoaded(fsPath)) return true;
    for (const m of this.matchers) {
      const rel = path.relative(m.folder, fsPath).replace(/\\/g, '/');
      if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
      if (m.test(rel)) return true;
    }
    return false;
  }

  /** Whether the corpus holds a document with this path. */
  isLoaded(fsPath: string): boolean {
    return this.doc(fsPath) !== undefined;
  }

  /**
   * Applies watched-file events. Returns 'reload' when a full reload is needed
   * (seeds must be swapped in or out), true when the corpus changed, else false.
   */
  async applyChanges(changes: { path: string; kind: FileChangeKind }[]): Promise<boolean | 'reload'> {
    const corpus = this.corpus;
    if (!corpus || !this.settings || !this.trusted) return false;
    let changed = false;
    for (const c of changes) {
      const relevant = this.matches(c.path);
      if (!relevant) continue;
      if (this.usingSeeds && this.settings.bundledSeeds === 'auto' && c.kind !== 'deleted') return 'reload';
      if (c.kind === 'deleted') {
        if (this.isLoaded(c.path)) {
          corpus.remove(c.path);
          changed = true;
        }
        continue;
      }
      const input = await readSource(c.path);
      if ('reason' in input) {
        if (this.isLoaded(c.path)) {
          corpus.remove(c.path);
          changed = true;
        }
        this.skipped = [...this.skipped.filter((s) => samePathKey(s.path) !== samePathKey(c.path)), input];
        continue;
      }
      this.skipped = this.skipped.filter((s) => samePathKey(s.path) !== samePathKey(c.path));
      corpus.upsert(input);
      changed = true;
    }
    if (changed && !this.usingSeeds && corpus.docs.length === 0 && this.settings.bundledSeeds === 'auto') {
      return 'reload';
    }
    return changed;
  }

  /** The loaded source with this path (or URI). */
  doc(p: string) {
    const corpus = this.corpus;
    if (!corpus) return undefined;
    // The path as the corpus has it (constant time), else as the file system may spell it.
    const exact = corpus.docByPath(p);
    if (exact) return exact;
    const key = samePathKey(p);
    return corpus.docs.find((d) => samePathKey(d.path) === key);
  }
}

/**
 * The folder short source names are relative to: with one workspace folder and one
 * pattern, the pattern's static prefix (`sources/**\/*.md` → `<folder>/sources`).
 */
export function sourcesRoot(patterns: string[], folders: string[]): string | undefined {
  if (folders.length !== 1 || patterns.length !== 1) return folders[0];
  const segments = patterns[0]!.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  for (const seg of segments) {
    if (/[*?{[]/.test(seg)) break;
    fixed.push(seg);
  }
  if (fixed.length === segments.length && /\.[a-z0-9]+$/i.test(fixed[fixed.length - 1] ?? '')) fixed.pop(); // a file: its folder
  return path.resolve(folders[0]!, fixed.join('/') || '.');
}

function buildMatchers(patterns: string[], folders: string[]): { folder: string; test: (rel: string) => boolean }[] {
  const exts = new Set<string>(SOURCE_EXTENSIONS);
  const out: { folder: string; test: (rel: string) => boolean }[] = [];
  for (const pattern of patterns) {
    const p = pattern.replace(/\\/g, '/');
    const dynamic = /[*?{[]/.test(p);
    // A pattern that cannot be used matches nothing here either (the load reports it by name).
    let re: RegExp | undefined;
    if (dynamic) {
      if (patternProblem(p)) continue;
      try {
        re = globToRegExp(p.replace(/^\.\//, ''));
      } catch {
        continue;
      }
    }
    const test = re
      ? (rel: string) => re.test(rel)
      : (() => {
          const base = p.replace(/^\.\//, '').replace(/\/+$/, '');
          return (rel: string) =>
            rel === base || (rel.startsWith(`${base}/`) && exts.has(path.extname(rel).slice(1).toLowerCase()));
        })();
    if (path.isAbsolute(pattern)) {
      out.push({ folder: path.parse(pattern).root, test: (rel) => test(`/${rel}`) || test(rel) });
    } else for (const folder of folders) out.push({ folder, test });
  }
  return out;
}

async function readSource(
  file: string,
): Promise<{ path: string; text: string; mtimeMs?: number; size?: number } | { path: string; reason: string }> {
  // The engine's reader: checks the opened file (a FIFO or a swapped-in file cannot hang it)
  // and names broken links, loops and bad encodings the same way a full load does.
  try {
    const r = await readFiles([file], { maxFileSize: MAX_SOURCE_SIZE });
    return r.inputs[0] ?? r.skipped[0] ?? { path: file, reason: 'is a directory' };
  } catch (err) {
    return { path: file, reason: err instanceof Error ? err.message : String(err) };
  }
}
