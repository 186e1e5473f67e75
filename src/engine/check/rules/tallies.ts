/** Results given as a pair of counts, compared as pairs with the sources' (the judging itself is ../tallies.ts). */
import type { CheckOptions } from '../../api';
import { evidenceName, evidenceOf, outletName } from '../../store';
import { draftText } from '../../text/plain';
import type { Diagnostic, Fix } from '../../types';
import type { SentenceContext } from '../context';
import { finding } from '../finding';
import { judgeTallies } from '../tallies';
import { citeFix, rangeOfQuantity } from './figures';
import type { Rule } from './rule';

function tallyDiagnostics(ctx: SentenceContext, options: CheckOptions, found: readonly Diagnostic[]): Diagnostic[] {
  return judgeTallies(ctx, found).map(({ pins, other }) => {
    const first = pins[0]!;
    const q = first.draft.q;
    const range = rangeOfQuantity(ctx, q);
    const says = first.source.q.text;
    const outlets = [...new Set(pins.map((p) => outletName(ctx.corpus.store.docs[p.rec.doc]!)))];
    const evidence = pins.map((p) => evidenceOf(ctx.corpus.store, p.rec, p.source.q.text, 'contradicts' as const));
    const ev0 = evidenceOf(ctx.corpus.store, first.rec);
    const fixes: Fix[] = [
      { title: `Use the sourced figure: ${says}`, edits: [{ range, newText: draftText(says) }], preferred: true },
      { title: `Use ${says} and cite ${evidenceName(ev0)}`, edits: [{ range, newText: draftText(says) }, ...citeFix(ctx, ev0, options.citationStyle).edits] },
    ];
    return finding(ctx, 'contradiction', range, `The sources say “${says}” (${outlets.join(', ')}), not “${q.text}”, in the result whose other side is “${other.q.text}”.`, evidence, fixes, q.text);
  });
}

export const talliesRule: Rule = {
  id: 'tallies',
  codes: ['contradiction'],
  description: 'A vote, score or split given as a pair ("232-196", "66 votes to 37") whose one side a source tally of the same result gives, and whose other side it gives otherwise.',
  run: (ctx, options, found) => tallyDiagnostics(ctx, options, found),
};
