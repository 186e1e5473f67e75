/** Figures, names and titles in a sentence that no source mentions (information, not an error). */
import { findMentions } from '../../entities';
import { memoize } from '../../text/memo';
import type { Diagnostic } from '../../types';
import { quantitiesOf, writtenInCandidates, type SentenceContext } from '../context';
import { finding } from '../finding';
import { judgedOffsets } from '../offsets';
import { judgedFigures, rangeOfQuantity } from './figures';
import type { Rule } from './rule';

/** A pattern matching `words` as whole words, any case (compiled once per phrase: compiling is the costly part). */
const wholeWords = memoize((words: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu'), 1024);

function unsupported(ctx: SentenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const judged = judgedFigures(ctx);
  const judgedAt = new Set(judged.filter((j) => j.verdict !== 'none').map((j) => j.claim.q.start));
  // A length of time between two events that the sources' dates of them bear out.
  for (const at of judgedOffsets(ctx, judged).held) judgedAt.add(at);
  const qs = quantitiesOf(ctx);
  const top = ctx.candidates.slice(0, 3);
  const hasWords = (text: string, words: string) => wholeWords(words).test(text);
  for (const q of qs) {
    if (judgedAt.has(q.start)) continue;
    if (q.kind === 'ordinal' && q.value <= 2) continue;
    // "the two sides", "both delegations": small counts in words are how prose names parties, not figures.
    if (q.kind === 'count' && q.value <= 3 && !/\d/.test(q.text)) continue;
    // The same figure in one of the closest source sentences counts as support.
    const seen = top.some((c) => c.rec.claims.some((sc) => sc.q.kind === q.kind && sc.q.low <= q.high && q.low <= sc.q.high) || hasWords(c.rec.sent.text, q.text));
    if (seen) continue;
    if (q.kind === 'date' || q.kind === 'year' || q.kind === 'time') {
      if (ctx.candidates.some((c) => hasWords(c.rec.sent.text, q.text))) continue;
    }
    out.push(finding(ctx, 'unsupported', rangeOfQuantity(ctx, q), `No source mentions “${q.text}” here.`, [], [], q.text));
  }
  let mentions: ReturnType<typeof findMentions> = [];
  try {
    mentions = findMentions(ctx.sentence.text);
  } catch {
    /* none */
  }
  for (const m of mentions) {
    if (m.demonym || m.kind === 'other') continue;
    if (ctx.corpus.resolve(m.text)) continue;
    // A name a source writes within another ("the Sunshine Coast Rugby Union") is mentioned.
    if (writtenInCandidates(ctx, m.text)) continue;
    const range = ctx.lines.range(ctx.sentence.start + m.start, ctx.sentence.start + m.end);
    out.push(finding(ctx, 'unsupported', range, `No source mentions ${m.text}.`, [], [], m.text));
  }
  return out;
}

export const unsupportedRule: Rule = {
  id: 'unsupported',
  codes: ['unsupported'],
  description: 'A checkable figure, name or title that no source mentions.',
  run(ctx, _options, earlier) {
    // One finding per start position (a set: a sentence of 50,000 figures has 50,000 findings).
    const at = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}`;
    const taken = new Set(earlier.map(at));
    const out: Diagnostic[] = [];
    for (const d of unsupported(ctx)) {
      if (taken.has(at(d))) continue;
      taken.add(at(d));
      out.push(d);
    }
    return out;
  },
};
