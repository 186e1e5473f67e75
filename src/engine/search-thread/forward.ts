/**
 * The search thread's view of the sources: the sentence index, and each sentence's terms as
 * numbers (the index's postings turned around), so the thread can work out how much of a
 * draft sentence each hit covers without the source sentences' objects, which stay with the
 * checking thread.
 */
import { SentenceIndex, type IndexState } from '../citations/retrieval';
import { closeSpelling, coverageFrom, CLOSE, MISSING, SAME, SAME_CLASS, type Coverage, type PreparedDraft } from '../citations/support';

/** A draft sentence prepared by the checking thread (see prepareDraft), as it travels. */
export type DraftMessage = Pick<PreparedDraft, 'stems' | 'weights' | 'classTerms' | 'total'>;

export interface Near {
  id: number;
  cov: Coverage;
}

export class ForwardIndex {
  readonly index: SentenceIndex;
  private readonly wordId = new Map<string, number>();
  /** Sentence s's term numbers are `terms[off[s] .. off[s + 1])`. */
  private readonly off: Int32Array;
  private readonly terms: Int32Array;
  private readonly lengths: Int32Array;
  /** First letter and length of each word: the cheap part of closeSpelling, without reading the string. */
  private readonly first: Uint16Array;
  private readonly size: Uint16Array;
  private readonly words: string[];

  constructor(state: IndexState, words: string[]) {
    // Read before fromState, which may keep views of the same arrays.
    const count = state.lengths.length;
    this.lengths = state.lengths;
    this.words = words;
    const off = new Int32Array(count + 1);
    for (let k = 0; k < state.terms.length; k++) for (let j = state.offsets[k]!; j < state.offsets[k + 1]!; j++) off[state.ids[j]! + 1]!++;
    for (let s = 0; s < count; s++) off[s + 1] = off[s + 1]! + off[s]!;
    const terms = new Int32Array(off[count]!);
    const fill = off.slice(0, count);
    for (let k = 0; k < state.terms.length; k++) {
      const word = state.terms[k]!;
      for (let j = state.offsets[k]!; j < state.offsets[k + 1]!; j++) terms[fill[state.ids[j]!]!++] = word;
    }
    this.off = off;
    this.terms = terms;
    this.first = new Uint16Array(words.length);
    this.size = new Uint16Array(words.length);
    words.forEach((w, i) => {
      this.wordId.set(w, i);
      this.first[i] = w.charCodeAt(0);
      this.size[i] = Math.min(w.length, 0xffff);
    });
    this.index = SentenceIndex.fromState(state, words);
  }

  /**
   * Runs searches for some of the indexed sentences themselves, so the first check the thread
   * serves runs compiled code rather than the interpreter's (its first searches were several
   * times slower). Takes tens of milliseconds, before the thread says it is ready.
   */
  warmUp(queries = 64): void {
    const count = this.off.length - 1;
    if (count === 0) return;
    for (let q = 0; q < queries; q++) {
      const s = Math.floor(((q + 0.5) / queries) * count);
      const words = Array.from(this.terms.subarray(this.off[s]!, this.off[s + 1]!), (w) => this.words[w]!);
      const stems = words.filter((w) => !w.startsWith('#'));
      this.nearest(words, { stems, weights: stems.map(() => 1), classTerms: stems.map(() => undefined), total: stems.length }, 60);
    }
  }

  /**
   * What `nearest` gives on the checking thread: the search's hits, each with its coverage of
   * the draft, best covered first (ties: more terms first, then search order).
   */
  nearest(query: readonly string[], draft: DraftMessage, limit: number): Near[] {
    const hits = this.index.search(query, limit);
    const n = draft.stems.length;
    // Word number → the draft stems it matches: 2k for stem k itself, 2k + 1 for stem k's class.
    const at = new Map<number, number[]>();
    const note = (word: string | undefined, code: number) => {
      const id = word === undefined ? undefined : this.wordId.get(word);
      if (id === undefined) return;
      const list = at.get(id);
      if (list) list.push(code);
      else at.set(id, [code]);
    };
    draft.stems.forEach((s, k) => {
      note(s, 2 * k);
      note(draft.classTerms[k], 2 * k + 1);
    });
    const spelled = draft.stems.map(() => new Map<number, boolean>());
    const how = new Uint8Array(n);
    const out: Near[] = [];
    for (const h of hits) {
      how.fill(MISSING);
      const from = this.off[h.id]!;
      const to = this.off[h.id + 1]!;
      for (let j = from; j < to; j++) {
        const codes = at.get(this.terms[j]!);
        if (!codes) continue;
        for (const code of codes) {
          const k = code >> 1;
          if ((code & 1) === 0) how[k] = SAME;
          else if (how[k] === MISSING) how[k] = SAME_CLASS;
        }
      }
      for (let k = 0; k < n; k++) {
        const s = draft.stems[k]!;
        if (how[k] !== MISSING || s.length < 5) continue;
        const c = s.charCodeAt(0);
        for (let j = from; j < to; j++) {
          const w = this.terms[j]!;
          // closeSpelling needs the same first letter, five letters or more, and at most two apart.
          if (this.first[w] !== c || this.size[w]! < 5 || Math.abs(this.size[w]! - s.length) > 2) continue;
          let near = spelled[k]!.get(w);
          if (near === undefined) spelled[k]!.set(w, (near = closeSpelling(s, this.words[w]!)));
          if (near) {
            how[k] = CLOSE;
            break;
          }
        }
      }
      out.push({ id: h.id, cov: coverageFrom(draft, how) });
    }
    return out.sort((a, b) => b.cov.score - a.cov.score || this.lengths[b.id]! - this.lengths[a.id]!);
  }
}
