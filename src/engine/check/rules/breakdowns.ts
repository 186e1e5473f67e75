/** Figures listed by name, compared item by item with the sources' breakdowns (the judging itself is ../breakdowns.ts). */
import type { CheckOptions } from '../../api';
import type { Diagnostic } from '../../types';
import { judgeBreakdowns } from '../breakdowns';
import type { SentenceContext } from '../context';
import { pinnedFigureFinding } from './figures';
import type { Rule } from './rule';

function breakdownDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeBreakdowns(ctx, found).map(({ draft, sources }) => pinnedFigureFinding(ctx, options, draft.q, sources, 'in the breakdown whose other figures they share'));
}

export const breakdownsRule: Rule = {
  id: 'breakdowns',
  codes: ['contradiction'],
  description: 'A figure in a list of figures given to names ("38 in North Cotabato, 29 in South Cotabato") that a source breakdown of the same names, agreeing on the others, gives otherwise.',
  run: (ctx, options, found) => breakdownDiagnostics(ctx, options, found),
};
