/**
 * What a dictionary knows of a capitalised word at the start of a clause, where the capital
 * tells nothing: WordNet (../concepts) says whether the word is a common noun ("Officials",
 * "Talks", "Weather"), a proper one (WordNet's instances: "Adams", "Putin", "Washington") or
 * unknown to it (most surnames: "Fidan", "Peskov").
 */
import { lemmaCandidates } from '../concepts/morph';
import { findLemma, getTable, INSTANCE, NOUN, synsetPos, type Table } from '../concepts/table';
import { memoize } from '../text/memo';

export interface NounReading {
  /**
   * 'common': the word's most common noun sense is a kind of thing; 'proper': an instance (a
   * named person, place); 'not-noun': a verb or adjective only ("Early", "Several"); undefined:
   * a word WordNet does not have.
   */
  kind?: 'common' | 'proper' | 'not-noun';
  /** The word is an inflected form (a plural: "officials"), not a dictionary form itself. */
  inflected: boolean;
}

function firstNounSense(t: Table, lemma: number): number {
  for (let k = t.senseStart[lemma]!, end = t.senseStart[lemma + 1]!; k < end; k++) {
    const s = t.senseSynset[k]!;
    if (synsetPos(t, s) === NOUN) return s;
  }
  return -1;
}

function isInstance(t: Table, s: number): boolean {
  for (let k = t.linkStart[s]!, end = t.linkStart[s + 1]!; k < end; k++) if (t.linkType[k] === INSTANCE) return true;
  return false;
}

function read(word: string): NounReading {
  let t: Table;
  try {
    t = getTable();
  } catch {
    // No table (a build without it): nothing is known, so nothing is dropped for it.
    return { inflected: false };
  }
  const candidates = lemmaCandidates(word, 'n');
  for (let i = 0; i < candidates.length; i++) {
    const li = findLemma(t, candidates[i]!);
    if (li < 0) continue;
    const s = firstNounSense(t, li);
    if (s < 0) continue;
    return { kind: isInstance(t, s) ? 'proper' : 'common', inflected: i > 0 };
  }
  for (const pos of ['a', 'v'] as const) for (const c of lemmaCandidates(word, pos)) if (findLemma(t, c) >= 0) return { kind: 'not-noun', inflected: c !== word };
  return { inflected: false };
}

/** How WordNet reads a word (lower case, folded) as a noun. */
export const nounReading: (word: string) => NounReading = memoize(read, 8192);

