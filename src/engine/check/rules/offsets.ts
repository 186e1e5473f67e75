/** A time between two dated events that the sources' dates of those events rule out (the judging is ../offsets.ts). */
import { evidenceName, evidenceOf, outletName } from '../../store';
import { draftText } from '../../text/plain';
import type { Fix } from '../../types';
import { finding } from '../finding';
import { judgedOffsets } from '../offsets';
import { citeFix, judgedFigures } from './figures';
import type { Rule } from './rule';

export const offsetsRule: Rule = {
  id: 'offsets',
  codes: ['contradiction'],
  description: 'A length of time between two events ("a week before the talks") that the dates the sources give those events rule out, or that the dates the sentence itself gives them do not fit.',
  run: (ctx, options) =>
    judgedOffsets(ctx, judgedFigures(ctx)).ruledOut.map((o) => {
      const range = ctx.lines.range(ctx.sentence.start + o.start, ctx.sentence.start + o.end);
      const written = ctx.sentence.text.slice(o.start, o.end);
      const evidence = o.evidence.map((m) => evidenceOf(ctx.corpus.store, m.rec, m.claim.q.text, 'supports' as const));
      const outlets = [...new Set(o.evidence.map((m) => outletName(ctx.corpus.store.docs[m.rec.doc]!)))];
      // A fix only when the sources bear out both dates: else the length may be right and a date wrong.
      const says = o.says;
      const fixes: Fix[] = [];
      if (says) {
        fixes.push({ title: `Use the length the dates give: ${says}`, edits: [{ range, newText: draftText(says) }], preferred: true });
        const last = o.evidence[o.evidence.length - 1];
        if (last) {
          const ev = evidenceOf(ctx.corpus.store, last.rec);
          fixes.push({ title: `Use ${says} and cite ${evidenceName(ev)}`, edits: [{ range, newText: draftText(says) }, ...citeFix(ctx, ev, options.citationStyle).edits] });
        }
      }
      const message = o.apart
        ? `This sentence dates these events ${o.from} and ${o.to}: ${o.apart} apart, not “${written}”.${says ? ` The sources bear out both dates (${outlets.join(', ')}).` : ' Check the dates and the length.'}`
        : `The sources date these events ${o.from} and ${o.to} (${outlets.join(', ')}): ${o.days === 1 ? 'one day' : `${o.days} days`} apart, not “${written}”.`;
      return finding(ctx, 'contradiction', range, message, evidence, fixes, written);
    }),
};
