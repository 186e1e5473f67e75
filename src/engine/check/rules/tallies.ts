/** Results given as a pair of counts, compared as pairs with the sources' (the judging itself is ../tallies.ts). */
import type { CheckOptions } from '../../api';
import type { Diagnostic } from '../../types';
import type { SentenceContext } from '../context';
import { judgeTallies } from '../tallies';
import { pinnedFigureFinding } from './figures';
import type { Rule } from './rule';

function tallyDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeTallies(ctx, found).map(({ pins, other }) =>
    pinnedFigureFinding(
      ctx,
      options,
      pins[0]!.draft.q,
      pins.map((p) => ({ claim: p.source, rec: p.rec })),
      `in the result whose other side is “${other.q.text}”`,
    ),
  );
}

export const talliesRule: Rule = {
  id: 'tallies',
  codes: ['contradiction'],
  description: 'A vote, score or split given as a pair ("232-196", "66 votes to 37") whose one side a source tally of the same result gives, and whose other side it gives otherwise.',
  run: (ctx, options, found) => tallyDiagnostics(ctx, options, found),
};
