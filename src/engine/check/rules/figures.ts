/** Figures the sources rule out, or disagree on (the judging itself is ../figures.ts). */
import { dateInDraftStyle } from '../date-style';
import type { CheckOptions } from '../../api';
import { citationEdits } from '../../citations/footnotes';
import type { Claim } from '../../claims';
import type { Quantity } from '../../quantities';
import { evidenceName, evidenceOf, outletName, type SentRec } from '../../store';
import { normalizePhrase } from '../../text/fold';
import { draftText } from '../../text/plain';
import type { Diagnostic, Evidence, Fix, Range } from '../../types';
import type { SentenceContext } from '../context';
import { judgeFigures, type ClaimMatch, type FigureJudgement } from '../figures';
import { finding } from '../finding';
import type { Rule } from './rule';

export function rangeOfQuantity(ctx: SentenceContext, q: Quantity) {
  return ctx.lines.range(ctx.sentence.start + q.start, ctx.sentence.start + q.end);
}

function groupBySaying(ms: ClaimMatch[], ctx: SentenceContext): { says: string; outlets: string[]; m: ClaimMatch[] }[] {
  const groups = new Map<string, { says: string; outlets: string[]; m: ClaimMatch[] }>();
  for (const m of ms) {
    const says = m.claim.q.text;
    const key = normalizePhrase(says);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { says, outlets: [], m: [] }));
    const o = outletName(ctx.corpus.store.docs[m.rec.doc]!);
    if (!g.outlets.includes(o)) g.outlets.push(o);
    g.m.push(m);
  }
  // What most outlets say first (the figure to offer as a fix), then the best-aligned.
  return [...groups.values()].sort((a, b) => b.outlets.length - a.outlets.length || b.m.reduce((s, x) => s + x.sim, 0) - a.m.reduce((s, x) => s + x.sim, 0));
}

export function citeFix(ctx: SentenceContext, ev: Evidence, style: CheckOptions['citationStyle']): Fix {
  const doc = ctx.corpus.docByPath(ev.path);
  const plan = citationEdits(ctx.text, ctx.sentence.end, ev, style ?? 'footnote', { title: doc?.title, date: doc?.date });
  return { title: `Cite ${evidenceName(ev)}: “${ev.text.slice(0, 60)}${ev.text.length > 60 ? '…' : ''}”`, edits: plan.edits };
}

/** The fixes of a figure the sources rule out: their figure in its place, and the same with a citation of `ev`. */
function sourcedFigureFixes(ctx: SentenceContext, options: CheckOptions, range: Range, says: string, ev: Evidence): Fix[] {
  return [
    { title: `Use the sourced figure: ${says}`, edits: [{ range, newText: draftText(says) }], preferred: true },
    { title: `Use ${says} and cite ${evidenceName(ev)}`, edits: [{ range, newText: draftText(says) }, ...citeFix(ctx, ev, options.citationStyle).edits] },
  ];
}

/**
 * A figure the sources pin to another value: "The sources say “X” (outlets), not “Y”" and how
 * they pin it (`why`), the sources' sentences as evidence, and the two fixes. `pins`: the
 * sources' figures, all the same value, with their sentences.
 */
export function pinnedFigureFinding(ctx: SentenceContext, options: CheckOptions, q: Quantity, pins: readonly { claim: Claim; rec: SentRec }[], why: string): Diagnostic {
  const range = rangeOfQuantity(ctx, q);
  const says = pins[0]!.claim.q.text;
  const outlets = [...new Set(pins.map((p) => outletName(ctx.corpus.store.docs[p.rec.doc]!)))];
  const evidence = pins.map((p) => evidenceOf(ctx.corpus.store, p.rec, p.claim.q.text, 'contradicts' as const));
  const fixes = sourcedFigureFixes(ctx, options, range, says, evidenceOf(ctx.corpus.store, pins[0]!.rec));
  return finding(ctx, 'contradiction', range, `The sources say “${says}” (${outlets.join(', ')}), not “${q.text}”, ${why}.`, evidence, fixes, q.text);
}

function figureDiagnostics(ctx: SentenceContext, judged: FigureJudgement[], options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const j of judged) {
    if (j.verdict !== 'contradiction' && j.verdict !== 'disagree') continue;
    const q = j.claim.q;
    const range = rangeOfQuantity(ctx, q);
    const against = j.matches.filter((m) => !m.compatible);
    const support = j.matches.filter((m) => m.compatible);
    const evidence = [
      ...against.map((m) => evidenceOf(ctx.corpus.store, m.rec, m.claim.q.text, 'contradicts' as const)),
      ...support.map((m) => evidenceOf(ctx.corpus.store, m.rec, m.claim.q.text, 'supports' as const)),
    ];
    if (j.verdict === 'contradiction') {
      const groups = groupBySaying(against.filter((m) => !m.weak), ctx);
      const top = groups[0] ?? groupBySaying(against, ctx)[0]!;
      const list = groups.map((g) => `“${g.says}” (${g.outlets.join(', ')})`).join('; ');
      // A date is written as the draft writes dates ("16 May", not "May 16, 2025").
      const says = dateInDraftStyle(q, top.m[0]!.claim.q) ?? top.says;
      const fixes = sourcedFigureFixes(ctx, options, range, says, evidenceOf(ctx.corpus.store, top.m[0]!.rec));
      out.push(finding(ctx, 'contradiction', range, `The sources say ${list}, not “${q.text}”.`, evidence, fixes, q.text));
    } else {
      const groups = groupBySaying(j.matches, ctx);
      const list = groups.map((g) => `${g.outlets.join(', ')}: “${g.says}”`).join('; ');
      const fixes: Fix[] = groups
        .filter((g) => normalizePhrase(g.says) !== normalizePhrase(q.text))
        .slice(0, 3)
        .map((g, i) => ({ title: `Use ${g.outlets[0]}'s wording: ${g.says}`, edits: [{ range, newText: draftText(g.says) }], preferred: i === 0 }));
      out.push(finding(ctx, 'sources-disagree', range, `The sources disagree on this — ${list}.`, evidence, fixes, q.text));
    }
  }
  return out;
}

/** The figures of a sentence, judged once for this rule and the unsupported rule. */
export function judgedFigures(ctx: SentenceContext): FigureJudgement[] {
  return (ctx.judged ??= judgeFigures(ctx));
}

export const figuresRule: Rule = {
  id: 'figures',
  codes: ['contradiction', 'sources-disagree'],
  description: 'A figure, date, ordinal or length of time that the sources of the same story rule out, or on which they disagree.',
  run: (ctx, options) => figureDiagnostics(ctx, judgedFigures(ctx), options),
};
