/**
 * What the checking thread and the search thread share. The index goes over once per
 * version as a message; each batch of queries comes with a SharedArrayBuffer the search
 * thread writes hits into, so the checking thread reads them without going back to its
 * event loop (it waits on a query's slot with Atomics.wait).
 */
import type { IndexState } from '../citations/retrieval';
import type { DraftMessage } from './forward';

/** Slots of the control array shared for the thread's lifetime. */
export const CTRL_READY = 0; // version of the index the thread holds (0: none)
export const CTRL_CANCEL = 1; // id of the batch the checking thread gave up on
export const CTRL_SLOTS = 2;

/**
 * A query's slot: 0 while no thread has it, -2 while the search thread works on it, -3 when
 * the checking thread took it to do itself, -1 when the search thread could not answer it,
 * else 1 + its number of hits. Either thread takes a query by compare-and-swap from 0.
 */
export const PENDING = 0;
export const FAILED = -1;
export const WORKING = -2;
export const TAKEN = -3;

export interface IndexMessage {
  type: 'index';
  version: number;
  state: IndexState;
  words: string[];
}

export interface BatchMessage {
  type: 'batch';
  id: number;
  version: number;
  /** Most hits a query may have: the room each has in the buffer. */
  limit: number;
  /** Per search: its terms, the draft text's stems weighted for coverage, and its own limit (at most `limit`) when smaller. */
  queries: { terms: string[]; draft: DraftMessage; limit?: number }[];
  buffer: SharedArrayBuffer;
}

export type ToThread = IndexMessage | BatchMessage;

/** Where a batch's arrays sit in its buffer: flags, then per hit its id, its matched stems and its coverage (8-byte aligned). */
export function batchLayout(queries: number, limit: number): { bytes: number; ids: number; matched: number; scores: number } {
  const ids = queries * 4;
  const matched = ids + queries * limit * 4;
  const scores = Math.ceil((matched + queries * limit * 4) / 8) * 8;
  return { bytes: scores + queries * limit * 8, ids, matched, scores };
}

export interface BatchViews {
  flags: Int32Array;
  ids: Int32Array;
  matched: Int32Array;
  scores: Float64Array;
}

export function batchViews(buffer: SharedArrayBuffer, queries: number, limit: number): BatchViews {
  const at = batchLayout(queries, limit);
  return {
    flags: new Int32Array(buffer, 0, queries),
    ids: new Int32Array(buffer, at.ids, queries * limit),
    matched: new Int32Array(buffer, at.matched, queries * limit),
    scores: new Float64Array(buffer, at.scores, queries * limit),
  };
}
