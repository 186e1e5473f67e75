/** Figures listed by name, compared item by item with the sources' breakdowns (the judging itself is ../breakdowns.ts). */
import type { CheckOptions } from '../../api';
import { evidenceOf, outletName } from '../../store';
import type { Diagnostic } from '../../types';
import type { SentenceContext } from '../context';
import { finding } from '../finding';
import { judgeBreakdowns } from '../breakdowns';
import { rangeOfQuantity, sourcedFigureFixes } from './figures';
import type { Rule } from './rule';

function breakdownDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeBreakdowns(ctx, found).map(({ draft, sources }) => {
    const q = draft.q;
    const range = rangeOfQuantity(ctx, q);
    const says = sources[0]!.claim.q.text;
    const outlets = [...new Set(sources.map((s) => outletName(ctx.corpus.store.docs[s.rec.doc]!)))];
    const evidence = sources.map((s) => evidenceOf(ctx.corpus.store, s.rec, s.claim.q.text, 'contradicts' as const));
    const fixes = sourcedFigureFixes(ctx, options, range, says, evidenceOf(ctx.corpus.store, sources[0]!.rec));
    return finding(ctx, 'contradiction', range, `The sources say “${says}” (${outlets.join(', ')}), not “${q.text}”, in the breakdown whose other figures they share.`, evidence, fixes, q.text);
  });
}

export const breakdownsRule: Rule = {
  id: 'breakdowns',
  codes: ['contradiction'],
  description: 'A figure in a list of figures given to names ("38 in North Cotabato, 29 in South Cotabato") that a source breakdown of the same names, agreeing on the others, gives otherwise.',
  run: (ctx, options, found) => breakdownDiagnostics(ctx, options, found),
};
