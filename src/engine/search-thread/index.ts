/**
 * A second thread for the searches of a full check. Checking a sentence takes its nearest
 * source sentences from a BM25 search (about half of a check's time at 100,000 sentences)
 * and then compares figures, names and quotes with them. With the searches on another core,
 * the checking thread finds each sentence's hits ready, or waits for them, while the search
 * thread is already on the next sentences. The hits are the ones the checking thread's own
 * index gives (same code, same version of the index); whenever the thread cannot answer
 * (not started, another version, stopped), the caller searches itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SentenceIndex } from '../citations/retrieval';
import type { Near } from './forward';
import { batchLayout, batchViews, CTRL_CANCEL, CTRL_READY, CTRL_SLOTS, FAILED, PENDING, TAKEN, WORKING, type BatchMessage, type BatchViews, type IndexMessage } from './protocol';

/**
 * Below this many sentences the thread is not started: the searches are a smaller part of a
 * check, and a thread and its copy of the index cost memory. Not measured below 12,400; a
 * 5,000-word check with the thread against one without, in turn in one process: 0.66x at
 * 12,400 sentences, 0.73x at 14,400, 0.56x at 144,000.
 */
export const THREAD_MIN_SENTENCES = 10_000;
/** Fewest searches worth sending to the thread at once (a re-check after an edit has one). */
export const THREAD_MIN_QUERIES = 8;
/** Longest wait for one search before the checking thread gives up on the batch and searches itself. */
const WAIT_MS = 2_000;

/** The search thread's script next to the running bundle (dist/search-worker.js), if it is there. */
export function bundledWorkerScript(): string | undefined {
  const p = join(__dirname, 'search-worker.js');
  return existsSync(p) ? p : undefined;
}

export type { DraftMessage, Near } from './forward';

/**
 * A batch of searches under way on the search thread. The checking thread reads them in
 * order; when the one it needs is still being worked on, it takes searches from the end of
 * the batch and does them itself rather than wait, so both cores stay busy to the end.
 */
type WaitAsync = (array: Int32Array, index: number, value: number, timeout: number) => { async: false; value: string } | { async: true; value: Promise<string> };

export class Batch {
  private last: number;
  private gaveUp = false;
  /** Queries answered by the search thread, and taken over by the calling thread. */
  readonly counts = { thread: 0, caller: 0 };

  constructor(
    private readonly views: BatchViews,
    private readonly limit: number,
    private readonly onCancel: () => void,
    private readonly onTimeout: () => void,
  ) {
    this.last = views.flags.length - 1;
  }

  /**
   * Query i's nearest sentences from the search thread, or undefined when query i is the
   * caller's to do (it took it, or the thread could not answer). Meanwhile `local(j)` is
   * called for each query j the caller takes over instead of waiting: it does j and keeps the
   * result for when it gets there (get(j) then says undefined). `worthTaking(pending)`, when
   * given, is asked first with the number of queries after i the thread has yet to start: a
   * caller with more of its own work left than the thread has searches should wait instead,
   * or it ends up checking alone while the thread sits idle.
   */
  get(i: number, local: (j: number) => void, worthTaking?: (pending: number) => boolean): Near[] | undefined {
    const { flags } = this.views;
    if (i < 0 || i >= flags.length) return undefined;
    for (;;) {
      if (this.gaveUp) return undefined;
      const v = Atomics.load(flags, i);
      if (v > 0) {
        this.counts.thread++;
        return this.read(i, v - 1);
      }
      if (v === FAILED || v === TAKEN) return undefined;
      if (v === PENDING) {
        if (Atomics.compareExchange(flags, i, PENDING, TAKEN) !== PENDING) continue;
        this.counts.caller++;
        return undefined;
      }
      // WORKING: the thread is on it. It takes queries in order, so it has started none after
      // i; the caller has taken none after i but those it took from the end: every query
      // after i up to `last` is still pending.
      const j = !worthTaking || worthTaking(Math.max(0, this.last - i)) ? this.steal(i) : -1;
      if (j >= 0) {
        local(j);
        continue;
      }
      if (Atomics.wait(flags, i, WORKING, WAIT_MS) === 'timed-out' && Atomics.load(flags, i) === WORKING) {
        this.cancel();
        this.onTimeout();
        return undefined;
      }
    }
  }

  /**
   * When the thread is still on query i and the caller would only wait for it (see `get`: not
   * worth taking a search over), a promise that settles when the thread is done with it (or
   * after WAIT_MS), so a caller that can yield, a check in slices, waits without blocking its
   * thread; otherwise undefined: `get(i)` answers without waiting on the thread.
   */
  whenDone(i: number, worthTaking?: (pending: number) => boolean): Promise<void> | undefined {
    const { flags } = this.views;
    if (this.gaveUp || i < 0 || i >= flags.length || Atomics.load(flags, i) !== WORKING) return undefined;
    if (worthTaking && worthTaking(Math.max(0, this.last - i))) return undefined;
    // Atomics.waitAsync (Node 16+; not in this project's TypeScript lib).
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    if (!waitAsync) return undefined;
    const r = waitAsync(flags, i, WORKING, WAIT_MS);
    return r.async ? r.value.then(() => undefined) : undefined;
  }

  /** Gives up on what is left (the search thread skips it). */
  cancel(): void {
    if (this.gaveUp) return;
    this.gaveUp = true;
    this.onCancel();
  }

  /** Takes the last query after `after` that no thread has yet, or returns -1. */
  private steal(after: number): number {
    const { flags } = this.views;
    while (this.last > after) {
      const j = this.last--;
      if (Atomics.compareExchange(flags, j, PENDING, TAKEN) === PENDING) {
        this.counts.caller++;
        return j;
      }
    }
    return -1;
  }

  private read(i: number, n: number): Near[] {
    const { ids, matched, scores } = this.views;
    const near: Near[] = [];
    for (let k = i * this.limit; k < i * this.limit + n; k++) near.push({ id: ids[k]!, cov: { score: scores[k]!, matched: matched[k]! } });
    return near;
  }
}

export class SearchThread {
  private worker: Worker | undefined;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CTRL_SLOTS * 4));
  /** Version of the index last sent. */
  private sent = 0;
  private batches = 0;
  private broken = false;
  private closing = false;

  /** Called (on the event loop) each time the thread has read a copy of the index, with its sentence count. */
  onReady: ((sentences: number) => void) | undefined;
  private sentSize = 0;

  constructor(
    private readonly script: string,
    private readonly warn: (message: string) => void,
    private readonly minSentences = THREAD_MIN_SENTENCES,
  ) {}

  /** Whether full checks on this index go to the thread (once it has a copy): it is large enough and the thread has not stopped. */
  wanted(index: SentenceIndex): boolean {
    return !this.broken && !this.closing && index.size >= this.minSentences;
  }

  /**
   * True when the thread holds the index as it is now. Otherwise sends it over (once per
   * version; the copy costs the calling thread tens of milliseconds at 100,000 sentences)
   * and returns false: until the thread has read it, searches stay local.
   */
  sync(index: SentenceIndex): boolean {
    if (!this.wanted(index)) return false;
    const v = index.version;
    if (Atomics.load(this.ctrl, CTRL_READY) === v) return true;
    if (this.sent !== v) {
      const worker = this.start();
      if (!worker) return false;
      const words: string[] = [];
      const state = index.exportState((t) => words.push(t) - 1);
      const message: IndexMessage = { type: 'index', version: v, state, words };
      // exportState's arrays are fresh copies: handed over, not copied again.
      worker.postMessage(message, [state.terms.buffer, state.offsets.buffer, state.ids.buffer, state.lengths.buffer, state.alive.buffer] as ArrayBuffer[]);
      this.sent = v;
      this.sentSize = index.size;
    }
    return false;
  }

  /** Whether the thread can take `count` searches on the index as it is now (see `sync`). */
  ready(index: SentenceIndex, count: number): boolean {
    return count >= THREAD_MIN_QUERIES && this.sync(index);
  }

  /** Starts the searches for `queries`, or returns undefined when the thread cannot take them now. */
  batch(index: SentenceIndex, queries: BatchMessage['queries'], limit: number): Batch | undefined {
    if (limit <= 0 || !this.ready(index, queries.length)) return undefined;
    const id = ++this.batches;
    const buffer = new SharedArrayBuffer(batchLayout(queries.length, limit).bytes);
    const message: BatchMessage = { type: 'batch', id, version: index.version, limit, queries, buffer };
    this.worker!.postMessage(message);
    return new Batch(
      batchViews(buffer, queries.length, limit),
      limit,
      () => Atomics.store(this.ctrl, CTRL_CANCEL, id),
      () => this.warn(`Sourcewise: the search thread took over ${WAIT_MS / 1000} s for one search; this check searches on its own thread.`),
    );
  }

  /** Stops the thread (searches are local from then on). */
  async close(): Promise<void> {
    this.closing = true;
    const w = this.worker;
    this.worker = undefined;
    Atomics.store(this.ctrl, CTRL_READY, 0);
    if (w) await w.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const w = new Worker(this.script, { workerData: { ctrl: this.ctrl.buffer } });
      // The thread never keeps a process alive (the command line exits when its work is done).
      w.unref();
      w.on('error', (err) => this.fail(err.message));
      w.on('message', (m: { type?: string; version?: number }) => {
        if (m?.type === 'ready' && m.version === this.sent) this.onReady?.(this.sentSize);
      });
      w.on('exit', (code) => {
        if (!this.closing) this.fail(`exit code ${code}`);
      });
      this.worker = w;
      return w;
    } catch (err) {
      this.fail((err as Error).message);
      return undefined;
    }
  }

  private fail(reason: string): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = undefined;
    Atomics.store(this.ctrl, CTRL_READY, 0);
    this.warn(`Sourcewise: the search thread stopped (${reason}); searches run on the main thread.`);
  }
}
