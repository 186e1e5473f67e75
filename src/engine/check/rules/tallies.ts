/** Results given as a pair of counts, compared as pairs with the sources' (the judging itself is ../tallies.ts). */
import type { CheckOptions } from '../../api';
import { evidenceOf, outletName } from '../../store';
import type { Diagnostic } from '../../types';
import type { SentenceContext } from '../context';
import { finding } from '../finding';
import { judgeTallies } from '../tallies';
import { rangeOfQuantity, sourcedFigureFixes } from './figures';
import type { Rule } from './rule';

function tallyDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeTallies(ctx, found).map(({ pins, other }) => {
    const first = pins[0]!;
    const q = first.draft.q;
    const range = rangeOfQuantity(ctx, q);
    const says = first.source.q.text;
    const outlets = [...new Set(pins.map((p) => outletName(ctx.corpus.store.docs[p.rec.doc]!)))];
    const evidence = pins.map((p) => evidenceOf(ctx.corpus.store, p.rec, p.source.q.text, 'contradicts' as const));
    const fixes = sourcedFigureFixes(ctx, options, range, says, evidenceOf(ctx.corpus.store, first.rec));
    return finding(ctx, 'contradiction', range, `The sources say “${says}” (${outlets.join(', ')}), not “${q.text}”, in the result whose other side is “${other.q.text}”.`, evidence, fixes, q.text);
  });
}

export const talliesRule: Rule = {
  id: 'tallies',
  codes: ['contradiction'],
  description: 'A vote, score or split given as a pair ("232-196", "66 votes to 37") whose one side a source tally of the same result gives, and whose other side it gives otherwise.',
  run: (ctx, options, found) => tallyDiagnostics(ctx, options, found),
};
