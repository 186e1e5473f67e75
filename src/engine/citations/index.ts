/** Citation candidates: the source sentences that best support a draft sentence. */
import type { Corpus } from '../corpus';
import { nearest } from '../check/context';
import { draftSentences } from '../sentences';
import { evidenceOf } from '../store';
import { LineIndex } from '../text/lines';
import type { CitationCandidate, SentenceCitations } from '../types';
import { termsOf } from './retrieval';

export { citationEdits, footnoteDefinitions, footnoteRefs, footnoteBody, footnoteText, pandocKey } from './footnotes';

/** Candidates for one sentence, best first; at most two per source so others get a look in. */
export function citeText(corpus: Corpus, sentence: string, limit = 5): CitationCandidate[] {
  const terms = termsOf(sentence);
  if (terms.stems.length === 0) return [];
  const out: CitationCandidate[] = [];
  const perDoc = new Map<number, number>();
  for (const c of nearest(corpus, terms, 80)) {
    if (c.cov.score <= 0.05) break;
    const n = perDoc.get(c.rec.doc) ?? 0;
    if (n >= 2) continue;
    perDoc.set(c.rec.doc, n + 1);
    const ev = evidenceOf(corpus.store, c.rec);
    out.push({
      source: ev.source,
      path: ev.path,
      outlet: ev.outlet,
      name: ev.name,
      line: ev.line,
      character: ev.character,
      text: ev.text,
      score: Math.round(c.cov.score * 1000) / 1000,
    });
    if (out.length >= limit) break;
  }
  return out;
}

export function citeSentences(
  corpus: Corpus,
  text: string,
  options: { line?: number; limit?: number } = {},
  languageId: 'markdown' | 'plaintext' = 'markdown',
): SentenceCitations[] {
  const lines = new LineIndex(text);
  const out: SentenceCitations[] = [];
  for (const s of draftSentences(text, languageId)) {
    const range = lines.range(s.start, s.end);
    if (options.line !== undefined && (options.line < range.start.line || options.line > range.end.line)) continue;
    out.push({ range, text: s.text, candidates: citeText(corpus, s.text, options.limit ?? 5) });
  }
  return out;
}
