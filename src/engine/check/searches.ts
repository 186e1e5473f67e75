/**
 * The searches of a full check: sent to the search thread in one batch when the corpus has
 * one (see ../search-thread), each read when its sentence is checked, and done on this thread
 * when the thread cannot answer, has not reached it yet, or this thread would otherwise wait.
 */
import type { Terms } from '../citations/retrieval';
import type { PreparedDraft } from '../citations/support';
import type { Corpus } from '../corpus';
import type { Batch } from '../search-thread';
import { candidatesFrom, nearest, type Candidate } from './context';

export interface Query {
  terms: Terms;
  /** The query's stems weighted for coverage (`draftOf`). */
  draft: PreparedDraft;
  /** How many source sentences it finds at most. */
  limit: number;
}

/** Time spent on one kind of work, and how many times it was done. */
class Tally {
  ms = 0;
  count = 0;

  time<T>(f: () => T): T {
    const t = performance.now();
    const out = f();
    this.ms += performance.now() - t;
    this.count++;
    return out;
  }

  get mean(): number {
    return this.ms / this.count;
  }
}

/** What this thread's own work has cost so far in a check, to judge whether taking a search over pays. */
export class Costs {
  private readonly searches = new Tally();
  private readonly checks = new Tally();

  timeSearch<T>(f: () => T): T {
    return this.searches.time(f);
  }

  timeCheck<T>(f: () => T): T {
    return this.checks.time(f);
  }

  /**
   * Whether this thread should do a search the search thread has not started rather than wait
   * for the one it is on: only while the search thread has more work left than this one (its
   * `pending` searches against this thread's `checksLeft` sentences), or else this thread ends
   * up checking the last sentences alone while the other sits idle.
   */
  worthTaking(pending: number, checksLeft: number): boolean {
    if (this.searches.count === 0 || this.checks.count === 0) return true;
    const search = this.searches.mean;
    // The search thread also has about half of the search it is on.
    const theirs = (pending + 0.5) * search;
    const mine = checksLeft * this.checks.mean + search;
    return theirs >= mine;
  }
}

export class Searches {
  private readonly batch: Batch | undefined;
  /** Searches this thread did itself while the search thread was busy, by query number. */
  private readonly done = new Map<number, Candidate[]>();

  /**
   * `queries` in the order the check reads them; `checksLeft(k)`: how many sentences this
   * thread still has to check once it has query k's answer.
   */
  constructor(
    private readonly corpus: Corpus,
    private readonly queries: readonly Query[],
    private readonly costs: Costs,
    private readonly checksLeft: (k: number) => number,
  ) {
    const limit = queries.reduce((m, q) => Math.max(m, q.limit), 0);
    this.batch = corpus.searchBatch(queries.length, () => queries.map((q) => ({ terms: q.terms.terms, draft: q.draft, limit: q.limit })), limit);
  }

  /** How the searches were shared so far, when the search thread took the batch. */
  get counts(): Batch['counts'] | undefined {
    return this.batch?.counts;
  }

  /** Query k's nearest source sentences, best covered first (what `nearest` gives). */
  get(k: number): Candidate[] {
    const worth = (pending: number) => this.costs.worthTaking(pending, this.checksLeft(k));
    const near = this.batch?.get(k, (j) => this.done.set(j, this.local(j)), worth);
    if (near) return candidatesFrom(this.corpus, near);
    const mine = this.done.get(k);
    this.done.delete(k);
    return mine ?? this.local(k);
  }

  /**
   * A promise to await before `get(k)` when the search thread is still on query k and this
   * thread would only wait for it; undefined when `get(k)` answers without waiting.
   */
  whenReady(k: number): Promise<void> | undefined {
    return this.batch?.whenDone(k, (pending) => this.costs.worthTaking(pending, this.checksLeft(k)));
  }

  /** Tells the search thread the rest is not needed (a check that threw). */
  cancel(): void {
    this.batch?.cancel();
  }

  private local(k: number): Candidate[] {
    const q = this.queries[k]!;
    return this.costs.timeSearch(() => nearest(this.corpus, q.terms, q.limit, q.draft));
  }
}
