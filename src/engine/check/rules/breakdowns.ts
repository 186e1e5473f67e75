/** Figures listed by name, compared item by item with the sources' breakdowns (the judging itself is ../breakdowns.ts). */
import type { CheckOptions } from '../../api';
import { evidenceName, evidenceOf, outletName } from '../../store';
import { draftText } from '../../text/plain';
import type { Diagnostic, Fix } from '../../types';
import type { SentenceContext } from '../context';
import { finding } from '../finding';
import { judgeBreakdowns } from '../breakdowns';
import { citeFix, rangeOfQuantity } from './figures';
import type { Rule } from './rule';

function breakdownDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeBreakdowns(ctx, found).map(({ draft, sources }) => {
    const q = draft.q;
    const range = rangeOfQuantity(ctx, q);
    const says = sources[0]!.claim.q.text;
    const outlets = [...new Set(sources.map((s) => outletName(ctx.corpus.store.docs[s.rec.doc]!)))];
    const evidence = sources.map((s) => evidenceOf(ctx.corpus.store, s.rec, s.claim.q.text, 'contradicts' as const));
    const ev0 = evidenceOf(ctx.corpus.store, sources[0]!.rec);
    const fixes: Fix[] = [
      { title: `Use the sourced figure: ${says}`, edits: [{ range, newText: draftText(says) }], preferred: true },
      { title: `Use ${says} and cite ${evidenceName(ev0)}`, edits: [{ range, newText: draftText(says) }, ...citeFix(ctx, ev0, options.citationStyle).edits] },
    ];
    return finding(ctx, 'contradiction', range, `The sources say “${says}” (${outlets.join(', ')}), not “${q.text}”, in the breakdown whose other figures they share.`, evidence, fixes, q.text);
  });
}

export const breakdownsRule: Rule = {
  id: 'breakdowns',
  codes: ['contradiction'],
  description: 'A figure in a list of figures given to names ("38 in North Cotabato, 29 in South Cotabato") that a source breakdown of the same names, agreeing on the others, gives otherwise.',
  run: (ctx, options, found) => breakdownDiagnostics(ctx, options, found),
};
