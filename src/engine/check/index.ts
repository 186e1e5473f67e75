/** Checking a draft: every sentence's figures, names, roles and quotes against the sources. */
import type { CheckOptions, FigureReport } from '../api';
import { citationEdits } from '../citations/footnotes';
import type { Corpus } from '../corpus';
import { findMentions } from '../entities';
import { formatQuantity, parseQuantities, type Quantity } from '../quantities';
import type { QuoteMention } from '../quotes';
import { draftSentences } from '../sentences';
import { evidenceName, evidenceOf, outletName } from '../store';
import { normalizePhrase } from '../text/fold';
import { LineIndex } from '../text/lines';
import { memoize } from '../text/memo';
import { DEFAULT_SEVERITY, type Diagnostic, type Evidence, type Fix, type Sentence } from '../types';
import { CANDIDATES, draftOf, makeContext, quantitiesOf, type SentenceContext } from './context';
import { termsOf, type Terms } from '../citations/retrieval';
import { judgeFigures, type ClaimMatch, type FigureJudgement } from './figures';
import { finding } from './finding';
import { checkQuotes, QUOTE_CANDIDATES, quotesIn, quoteTerms } from './quotes';
import { Costs, Searches, type Query } from './searches';
import { checkRoles } from './roles';
import { dateInDraftStyle } from './date-style';
import { checkStatements } from './statements';
import { sectionStarts, StoryScoper } from './story';

/** Key of an accepted finding: survives edits elsewhere because it is the sentence's words, not its line. */
export function acceptKey(sentence: string, code: string): string {
  return `${code}:${normalizePhrase(sentence)}`;
}

/** Lines silenced by `<!-- sourcewise-disable-next-line -->` and `<!-- sourcewise-disable -->` … `<!-- sourcewise-enable -->`. */
export function disabledLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split(/\r\n|\r|\n/);
  let off = false;
  lines.forEach((l, i) => {
    if (/<!--\s*sourcewise-disable-next-line\s*-->/.test(l)) out.add(i + 1);
    if (/<!--\s*sourcewise-disable\s*-->/.test(l)) off = true;
    if (/<!--\s*sourcewise-enable\s*-->/.test(l)) off = false;
    if (off) out.add(i);
  });
  return out;
}

function rangeOfQuantity(ctx: SentenceContext, q: Quantity) {
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

function citeFix(ctx: SentenceContext, ev: Evidence, style: CheckOptions['citationStyle']): Fix {
  const doc = ctx.corpus.docByPath(ev.path);
  const plan = citationEdits(ctx.text, ctx.sentence.end, ev, style ?? 'footnote', { title: doc?.title, date: doc?.date });
  return { title: `Cite ${evidenceName(ev)}: “${ev.text.slice(0, 60)}${ev.text.length > 60 ? '…' : ''}”`, edits: plan.edits };
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
      const fixes: Fix[] = [{ title: `Use the sourced figure: ${says}`, edits: [{ range, newText: says }], preferred: true }];
      const ev0 = evidenceOf(ctx.corpus.store, top.m[0]!.rec);
      const cite = citeFix(ctx, ev0, options.citationStyle);
      fixes.push({ title: `Use ${says} and cite ${evidenceName(ev0)}`, edits: [{ range, newText: says }, ...cite.edits] });
      out.push(finding(ctx, 'contradiction', range, `The sources say ${list}, not “${q.text}”.`, evidence, fixes, q.text));
    } else {
      const groups = groupBySaying(j.matches, ctx);
      const list = groups.map((g) => `${g.outlets.join(', ')}: “${g.says}”`).join('; ');
      const fixes: Fix[] = groups
        .filter((g) => normalizePhrase(g.says) !== normalizePhrase(q.text))
        .slice(0, 3)
        .map((g, i) => ({ title: `Use ${g.outlets[0]}'s wording: ${g.says}`, edits: [{ range, newText: g.says }], preferred: i === 0 }));
      out.push(finding(ctx, 'sources-disagree', range, `The sources disagree on this — ${list}.`, evidence, fixes, q.text));
    }
  }
  return out;
}

/** A pattern matching `words` as whole words, any case (compiled once per phrase: compiling is the costly part). */
const wholeWords = memoize((words: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu'), 1024);

/** Figures, names and titles in a sentence that no source mentions. */
function unsupported(ctx: SentenceContext, judged: FigureJudgement[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const judgedAt = new Set(judged.filter((j) => j.verdict !== 'none').map((j) => j.claim.q.start));
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
    const range = ctx.lines.range(ctx.sentence.start + m.start, ctx.sentence.start + m.end);
    out.push(finding(ctx, 'unsupported', range, `No source mentions ${m.text}.`, [], [], m.text));
  }
  return out;
}

export function checkSentence(ctx: SentenceContext, options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const judged = judgeFigures(ctx);
  out.push(...figureDiagnostics(ctx, judged, options));
  out.push(...checkRoles(ctx));
  out.push(...checkQuotes(ctx));
  const flagged = out.some((d) => d.code !== 'unsupported');
  if (!flagged) out.push(...checkStatements(ctx));
  if (!out.some((d) => d.code !== 'unsupported')) {
    const more = unsupported(ctx, judged);
    // One finding per start position (a set: a sentence of 50,000 figures has 50,000 findings).
    const at = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}`;
    const taken = new Set(out.map(at));
    for (const d of more) {
      if (taken.has(at(d))) continue;
      taken.add(at(d));
      out.push(d);
    }
  }
  return out;
}

export function checkDraft(corpus: Corpus, text: string, options: CheckOptions = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): Diagnostic[] {
  const lines = new LineIndex(text);
  const off = languageId === 'markdown' ? disabledLines(text) : new Set<number>();
  const sentences = draftSentences(text, languageId);
  const checked = sentences.map((s) => (!options.only || options.only.some((sp) => sp.start <= s.end && s.start <= sp.end)) && !off.has(s.line));
  const terms = sentences.map((s, i) => (checked[i] ? termsOf(s.text) : undefined));
  const wanted = terms.flatMap((t, i) => (t ? [i] : []));
  // Each checked sentence's quotations, read with the sentences before it in its paragraph
  // (and the last two of the paragraph before) for speakers named there, and the next ones of
  // its paragraph: a quotation may run over sentences, its speaker named after it closes or in
  // a "He said." after it.
  const quotes: QuoteMention[][] = [];
  let before: string[] = [];
  let para = -1;
  let inParagraph = 0;
  sentences.forEach((s, i) => {
    if (s.paragraph !== para) {
      para = s.paragraph;
      before = before.slice(-2);
      inParagraph = 0;
    }
    if (checked[i]) {
      const next: string[] = [];
      for (let k = i + 1; k < sentences.length && k <= i + 4 && sentences[k]!.paragraph === s.paragraph; k++) next.push(sentences[k]!.text);
      quotes.push(quotesIn(s.text, before, { inParagraph, next }));
    }
    before.push(s.text);
    inParagraph++;
  });
  // Every search the check needs, in the order it needs them: each sentence's, then its
  // quotations'. They go to the search thread first (when the corpus is large enough to have
  // one), which runs them while this thread checks the sentences already answered.
  const queries: Query[] = [];
  const sentenceQuery: number[] = [];
  // Per sentence, per quotation: its query's number, or -1 when it needs no search.
  const quoteQuery = quotes.map(() => [] as number[]);
  // The sentence (of `wanted`) each query is for.
  const owner: number[] = [];
  const add = (k: number, t: Terms, limit: number): number => {
    queries.push({ terms: t, draft: draftOf(corpus, t), limit });
    owner.push(k);
    return queries.length - 1;
  };
  wanted.forEach((i, k) => {
    sentenceQuery.push(add(k, terms[i]!, CANDIDATES));
    for (const q of quotes[k]!) {
      const t = quoteTerms(q);
      quoteQuery[k]!.push(t ? add(k, t, QUOTE_CANDIDATES) : -1);
    }
  });
  const costs = new Costs();
  // After query q, this thread has the sentences after q's to check.
  const searches = new Searches(corpus, queries, costs, (q) => wanted.length - owner[q]! - 1);
  const out: Diagnostic[] = [];
  try {
    // The story of each section (the names of all its sentences), for the figures' scope.
    const scoper = new StoryScoper(corpus);
    const starts = sectionStarts(text);
    const sectionOf = (s: Sentence) => {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= s.start) k++;
      return k;
    };
    const sectionWeights = new Map<number, Map<number, number>>();
    const weightsOfSection = (k: number) => {
      let w = sectionWeights.get(k);
      if (!w) {
        const from = starts[k]!;
        const to = starts[k + 1] ?? text.length;
        sectionWeights.set(k, (w = scoper.weights(text.slice(from, to))));
      }
      return w;
    };
    wanted.forEach((i, k) => {
      const s = sentences[i]!;
      const scope = scoper.scope(weightsOfSection(sectionOf(s)), scoper.weights(s.text));
      const ctx = makeContext(corpus, text, lines, s, { terms: terms[i]!, candidates: searches.get(sentenceQuery[k]!), scope });
      ctx.quotes = {
        found: quotes[k]!,
        near: (n) => (quoteQuery[k]![n]! >= 0 ? searches.get(quoteQuery[k]![n]!) : []),
        sentenceStart: (d) => sentences[i + d]?.start,
      };
      out.push(...costs.timeCheck(() => checkSentence(ctx, options)));
    });
  } finally {
    // Searches not read (a check that threw) are not worth the thread's time.
    searches.cancel();
  }
  if (searches.counts) corpus.lastBatch = { ...searches.counts };
  const sev = { ...DEFAULT_SEVERITY, ...(options.severities ?? {}) };
  return out
    .filter((d) => sev[d.code] !== 'off')
    .filter((d) => !options.accepted?.has(acceptKey(d.sentence ?? '', d.code)))
    .map((d) => ({ ...d, severity: sev[d.code] === 'off' ? d.severity : (sev[d.code] as Diagnostic['severity']) }));
}

/** What the sources say about the figure at an offset of a draft. */
export function figureReport(corpus: Corpus, text: string, offset: number): FigureReport | undefined {
  const lines = new LineIndex(text);
  const s: Sentence | undefined = draftSentences(text, 'markdown').find((x) => x.start <= offset && offset <= x.end);
  if (!s) return undefined;
  const ctx = makeContext(corpus, text, lines, s);
  for (const j of judgeFigures(ctx)) {
    const a = s.start + j.claim.q.start;
    const b = s.start + j.claim.q.end;
    if (offset < a || offset > b) continue;
    return {
      text: j.claim.q.text,
      range: { start: a, end: b },
      supports: j.matches.filter((m) => m.compatible).map((m) => evidenceOf(corpus.store, m.rec, m.claim.q.text, 'supports')),
      contradicts: j.matches.filter((m) => !m.compatible).map((m) => evidenceOf(corpus.store, m.rec, m.claim.q.text, 'contradicts')),
    };
  }
  let qs: Quantity[] = [];
  try {
    qs = parseQuantities(s.text);
  } catch {
    return undefined;
  }
  const q = qs.find((x) => offset >= s.start + x.start && offset <= s.start + x.end);
  if (!q) return undefined;
  return { text: q.text || formatQuantity(q), range: { start: s.start + q.start, end: s.start + q.end }, supports: [], contradicts: [] };
}
