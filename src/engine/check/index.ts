/** Checking a draft: every sentence's figures, names, roles and quotes against the sources (the checks: ./rules). */
import type { CheckOptions, FigureReport } from '../api';
import type { Corpus } from '../corpus';
import { formatQuantity, parseQuantities, type Quantity } from '../quantities';
import type { QuoteMention } from '../quotes';
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
import { attributedSources, headingOf, sectionStarts, StoryScoper, type DocWeights } from './story';
import { checkUnits, checkUnitSteps } from './units';

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

/**
 * A full check, as steps: it yields between pieces of work of a few milliseconds at most
 * (a sentence's terms, its quotations, its check), so a caller can stop between them and let
 * other work run (see `checkDraftSliced`); its value is the findings. `checkDraft` runs it
 * through at once.
 */
function* checkSteps(corpus: Corpus, text: string, options: CheckOptions, languageId: 'markdown' | 'plaintext'): Generator<Promise<void> | undefined, Diagnostic[]> {
  const lines = new LineIndex(text);
  const off = languageId === 'markdown' ? disabledLines(text) : new Set<number>();
  const sentences = yield* checkUnitSteps(text, languageId, lines);
  yield;
  const checked = sentences.map((s) => (!options.only || options.only.some((sp) => sp.start <= s.end && s.start <= sp.end)) && !off.has(s.line));
  const terms: (Terms | undefined)[] = [];
  for (let i = 0; i < sentences.length; i++) {
    terms.push(checked[i] ? termsOf(sentences[i]!.text) : undefined);
    if ((i & 15) === 15) yield;
  }
  const wanted = terms.flatMap((t, i) => (t ? [i] : []));
  // Each checked sentence's quotations, read with the sentences before it in its paragraph
  // (and the last two of the paragraph before) for speakers named there, and the next ones of
  // its paragraph: a quotation may run over sentences, its speaker named after it closes or in
  // a "He said." after it.
  const quotes: QuoteMention[][] = [];
  let before: string[] = [];
  let para = -1;
  let inParagraph = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
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
    if ((i & 15) === 15) yield;
  }
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
  for (let k = 0; k < wanted.length; k++) {
    sentenceQuery.push(add(k, terms[wanted[k]!]!, CANDIDATES));
    for (const q of quotes[k]!) {
      const t = quoteTerms(q);
      quoteQuery[k]!.push(t ? add(k, t, QUOTE_CANDIDATES) : -1);
    }
    if ((k & 15) === 15) yield;
  }
  const costs = new Costs();
  // After query q, this thread has the sentences after q's to check.
  const searches = new Searches(corpus, queries, costs, (q) => wanted.length - owner[q]! - 1);
  // Sentence k's last query (its quotations' come after its own): once the search thread is
  // past it, none of the sentence's searches makes the check wait on the thread.
  const lastQuery = sentenceQuery.map((q, k) => Math.max(q, ...quoteQuery[k]!));
  const out: Diagnostic[] = [];
  // The story of each section (its names and telling words), for the figures' scope.
  const scoper = new StoryScoper(corpus);
  const starts = sectionStarts(text);
  const sectionOf = (s: Sentence) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= s.start) k++;
    return k;
  };
  const sectionWeights = new Map<number, DocWeights>();
  const weightsOfSection = (k: number) => {
    let w = sectionWeights.get(k);
    if (!w) {
      sectionWeights.set(k, (w = scoper.sectionWeights(sentences.filter((x) => sectionOf(x) === k).map((x) => x.text))));
    }
    return w;
  };
  try {
    for (let k = 0; k < wanted.length; k++) {
      const i = wanted[k]!;
      // A check in slices waits for the search thread by yielding (requests are answered
      // meanwhile) rather than blocking in Atomics.wait, which held requests up to 110 ms.
      const wait = searches.whenReady(lastQuery[k]!);
      if (wait) yield wait;
      const s = sentences[i]!;
      // Sources that are one story are all in scope: no need to weigh the draft's words.
      const scope = () => {
        const k = sectionOf(s);
        return attributedSources(corpus, s.text) ?? (scoper.isOneStory() ? 'all' : scoper.scopeIn(weightsOfSection(k), s.text, headingOf(text.slice(starts[k]!, starts[k]! + 1000))));
      };
      const ctx = makeContext(corpus, text, lines, s, { terms: terms[i]!, candidates: searches.get(sentenceQuery[k]!), scope });
      ctx.quotes = {
        found: quotes[k]!,
        near: (n) => (quoteQuery[k]![n]! >= 0 ? searches.get(quoteQuery[k]![n]!) : []),
        sentenceStart: (d) => sentences[i + d]?.start,
      };
      out.push(...costs.timeCheck(() => checkSentence(ctx, options)));
      yield;
    }
  } finally {
    // Searches not read (a check that threw or was stopped) are not worth the thread's time.
    searches.cancel();
  }
  if (searches.counts) corpus.lastBatch = { ...searches.counts };
  const sev = { ...DEFAULT_SEVERITY, ...(options.severities ?? {}) };
  return out
    .filter((d) => sev[d.code] !== 'off')
    .filter((d) => !options.accepted?.has(acceptKey(d.sentence ?? '', d.code)))
    .map((d) => ({ ...d, severity: sev[d.code] === 'off' ? d.severity : (sev[d.code] as Diagnostic['severity']) }));
}

export function checkDraft(corpus: Corpus, text: string, options: CheckOptions = {}, languageId: 'markdown' | 'plaintext' = 'markdown'): Diagnostic[] {
  const steps = checkSteps(corpus, text, options, languageId);
  for (;;) {
    // Run through: a wait for the search thread is left to `get`, which blocks for it.
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `checkDraft` in slices of about `sliceMs`, with a turn of the event loop between them, so
 * a long check (a 1 MB draft took 7 s at once) keeps no request waiting longer than a slice.
 * The findings are the same. Rejects with the signal's reason when aborted between slices.
 */
export async function checkDraftSliced(
  corpus: Corpus,
  text: string,
  options: CheckOptions = {},
  languageId: 'markdown' | 'plaintext' = 'markdown',
  slice: { signal?: AbortSignal; sliceMs?: number } = {},
): Promise<Diagnostic[]> {
  const sliceMs = slice.sliceMs ?? 15;
  slice.signal?.throwIfAborted();
  const steps = checkSteps(corpus, text, options, languageId);
  try {
    let until = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (r.value || performance.now() >= until) {
        // The search thread's answer (when the step waits for one), else a turn of the event loop.
        await (r.value ?? nextTurn());
        slice.signal?.throwIfAborted();
        until = performance.now() + sliceMs;
      }
    }
  } finally {
    // Stopped early: the steps' own cleanup (their searches cancelled) runs now.
    steps.return([]);
  }
}

/** What the sources say about the figure at an offset of a draft. */
export function figureReport(corpus: Corpus, text: string, offset: number): FigureReport | undefined {
  const lines = new LineIndex(text);
  const s: Sentence | undefined = checkUnits(text, 'markdown', lines).find((x) => x.start <= offset && offset <= x.end);
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
