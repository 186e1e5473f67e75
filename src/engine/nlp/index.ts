/**
 * Reading a sentence: tokens with offsets, part of speech, lemma and negation scope
 * (./tagger, wink-nlp), stems (./stem), and the bare runs of letters and digits where only
 * the words are compared (./runs). Every part of the engine reads tokens from here; none
 * splits text into words on its own.
 */
import { recent, SENTENCE_MEMO } from '../text/memo';
import { tagTokens } from './tagger';
import type { Token } from './types';

export type { Pos, Token, TokenKind } from './types';

/** Texts whose tokens `tokensOf` remembers (the last ones asked for). */
export const TOKEN_MEMO = SENTENCE_MEMO;
export { stem, stemUncached, STEM_MEMO_MAX } from './stem';
export { taggerInput, MAX_TAGGED } from './tagger';
export { wordRuns, type WordRun } from './runs';

/**
 * Tokens of a sentence. Several parts of the engine read the same sentence in a row
 * (claims, names, quotes, negation), and a check reads a draft's sentences again at the next
 * check: the last `TOKEN_MEMO` texts are remembered, so each is tagged once. (A check keeps the source sentences it reads for longer: ../check/context.)
 * The array is shared: callers must not change it.
 */
export const tokensOf: (text: string) => readonly Token[] = recent(tagTokens, TOKEN_MEMO);

/** Word and number tokens only (no punctuation, symbols or URLs). */
export function wordTokens(text: string): Token[] {
  return tokensOf(text).filter(isWordish);
}

export function isWordish(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'number' || t.kind === 'ordinal' || t.kind === 'decade' || t.kind === 'time';
}

/** Index of the first token ending after `offset` (tokens are in order). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
