/**
 * Claims: a figure read as what it measures (./frame), and how two claims align (./align).
 */
import { tokensOf } from '../nlp';
import type { Quantity } from '../quantities';
import { framesOf, type Claim } from './frame';

export type { Claim, ClaimRole, Dimension, Scope } from './frame';
export { framesOf, lemmaOf, quotedRegions, MAX_CLAIMS_PER_SENTENCE } from './frame';
export { alignClaims, type Alignment } from './align';
export { similarity, bestSimilarity, newsConcept } from './similarity';

/** Claims for every figure of a sentence (its tokens are read through ../nlp). */
export function claimsOf(sentence: string, quantities: readonly Quantity[]): Claim[] {
  if (quantities.length === 0) return [];
  return framesOf(sentence, tokensOf(sentence), quantities);
}
