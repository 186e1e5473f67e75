/** Checking a draft: every sentence's figures, names, roles and quotes against the sources (the checks: ./rules). */
import type { CheckOptions, FigureReport } from '../api';
import type { Corpus } from '../corpus';
import { formatQuantity, parseQuantities, type Quantity } from '../quantities';
import type { QuoteMention } from '../quotes';
import { draftSentences } from '../sentences';
import { evidenceOf } from '../store';
import { normalizePhrase } from '../text/fold';
import { LineIndex } from '../text/lines';
import { DEFAULT_SEVERITY, type Diagnostic, type Sentence } from '../types';
import { CANDIDATES, draftOf, makeContext, type SentenceContext } from './context';
import { termsOf, type Terms } from '../citations/retrieval';
import { judgeFigures } from './figures';
import { runRules } from './rules';
import { QUOTE_CANDIDATES, quotesIn, quoteTerms } from './quotes';
import { Costs, Searches, type Query } from './searches';
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

/** Every rule's findings for one draft sentence (see ./rules). */
export function checkSentence(ctx: SentenceContext, options: CheckOptions): Diagnostic[] {
  return runRules(ctx, options);
}

export function checkDraft(corpus: Corpus, text: string, options: CheckOptions = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): Diagnostic[] {
  const lines = new LineIndex(text);
  const off = languageId === 'markdown' ? disabledLines(text) : new Set<number>();
  const sentences = draftSentences(text, languageId);
  const checked = sentences.map((s) => (!options.only || options.only.some((sp) => sp.start <= s.end && s.start <= sp.end)) && !off.has(s.line));
  const terms = sentences.map((s, i) => (checked[i] ? termsOf(s.text) : undefined));
  const wanted = terms.flatMap((t, i) => (t ? [i] : []));
  // Each checked sentence's quotations, read with the sentences before it in its paragraph
  // (and the last two of the paragraph before) for speakers named there.
  const quotes: QuoteMention[][] = [];
  let before: string[] = [];
  let para = -1;
  sentences.forEach((s, i) => {
    if (s.paragraph !== para) {
      para = s.paragraph;
      before = before.slice(-2);
    }
    if (checked[i]) quotes.push(quotesIn(s.text, before));
    before.push(s.text);
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
      // Sources that are one story are all in scope: no need to weigh the draft's words.
      const scope = scoper.isOneStory() ? 'all' : scoper.scope(weightsOfSection(sectionOf(s)), scoper.weights(s.text));
      const ctx = makeContext(corpus, text, lines, s, { terms: terms[i]!, candidates: searches.get(sentenceQuery[k]!), scope });
      ctx.quotes = { found: quotes[k]!, near: (n) => (quoteQuery[k]![n]! >= 0 ? searches.get(quoteQuery[k]![n]!) : []) };
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
