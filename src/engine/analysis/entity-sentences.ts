/**
 * Entity id → ids of the sentences that mention or quote it (ascending), as a map whose
 * entries read back from the persistent index stay in the stored arrays until one is used:
 * making 40,000 small arrays at once was most of a warm start's last step.
 */
export interface StoredEntitySentences {
  /** Entity ids, ascending; entity `ents[k]` has sentences `sents[off[k] .. off[k+1])`. */
  ents: Int32Array;
  off: Int32Array;
  sents: Int32Array;
}

export class EntitySentences {
  private lists = new Map<number, number[]>();
  private stored: StoredEntitySentences | undefined;
  /** Stored entries already made into lists or deleted. */
  private taken = new Set<number>();

  /** Starts again from stored arrays (entity ids ascending). */
  restore(stored: StoredEntitySentences): void {
    this.lists.clear();
    this.taken.clear();
    this.stored = stored.ents.length > 0 ? stored : undefined;
  }

  get(entity: number): number[] | undefined {
    const list = this.lists.get(entity);
    if (list || !this.stored || this.taken.has(entity)) return list;
    const k = this.storedIndex(entity);
    if (k < 0) return undefined;
    const { off, sents } = this.stored;
    const made = Array.from(sents.subarray(off[k]!, off[k + 1]!));
    this.taken.add(entity);
    this.lists.set(entity, made);
    return made;
  }

  set(entity: number, list: number[]): void {
    if (this.stored) this.taken.add(entity);
    this.lists.set(entity, list);
  }

  delete(entity: number): void {
    if (this.stored) this.taken.add(entity);
    this.lists.delete(entity);
  }

  /** Every entry (stored ones read without making lists of them). */
  *entries(): IterableIterator<[number, ArrayLike<number>]> {
    yield* this.lists;
    const s = this.stored;
    if (!s) return;
    for (let k = 0; k < s.ents.length; k++) {
      const e = s.ents[k]!;
      if (!this.taken.has(e)) yield [e, s.sents.subarray(s.off[k]!, s.off[k + 1]!)];
    }
  }

  [Symbol.iterator](): IterableIterator<[number, ArrayLike<number>]> {
    return this.entries();
  }

  private storedIndex(entity: number): number {
    const { ents } = this.stored!;
    let lo = 0;
    let hi = ents.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = ents[mid]!;
      if (e === entity) return mid;
      if (e < entity) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
