/** What every check of one draft sentence shares: its terms and the nearest source sentences. */
import type { Corpus } from '../corpus';
import { coverageOf, prepareDraft, type Coverage } from '../citations/support';
import { termsOf, type Terms } from '../citations/retrieval';
import type { SentRec } from '../store';
import type { Sentence } from '../types';
import { LineIndex } from '../text/lines';

export interface Candidate {
  rec: SentRec;
  cov: Coverage;
}

export interface SentenceContext {
  corpus: Corpus;
  text: string;
  lines: LineIndex;
  sentence: Sentence;
  terms: Terms;
  termSet: Set<string>;
  /** Source sentences ranked by how much of the draft sentence they cover. */
  candidates: Candidate[];
  /** The draft sentence's own claims, once figures have been read. */
  draftClaims?: import('../claims').Claim[];
}

export function idfOf(corpus: Corpus): (t: string) => number {
  const index = corpus.store.index;
  // A word no source has weighs like the rarest word a source has: in a small corpus every word is rare.
  const n = Math.max(1, index.size);
  const unseen = Math.log(1 + (n - 1 + 0.5) / 1.5);
  return (t: string) => (index.has(t) ? index.idf(t) : unseen);
}

/** Source sentences near a piece of draft text, with their coverage of it. */
export function nearest(corpus: Corpus, terms: Terms, limit = 60): Candidate[] {
  const index = corpus.store.index;
  const idf = idfOf(corpus);
  const hits = index.search(terms.terms, limit);
  const draft = prepareDraft({ stems: terms.stems, terms: new Set(terms.terms), classOf: terms.classOf }, idf);
  const out: Candidate[] = [];
  for (const h of hits) {
    const rec = corpus.store.sents[h.id];
    if (!rec || !rec.alive) continue;
    out.push({ rec, cov: coverageOf(draft, { stems: rec.terms.stems, terms: rec.termSet }) });
  }
  out.sort((a, b) => b.cov.score - a.cov.score || b.rec.terms.stems.length - a.rec.terms.stems.length);
  return out;
}

export function makeContext(corpus: Corpus, text: string, lines: LineIndex, sentence: Sentence): SentenceContext {
  const terms = termsOf(sentence.text);
  return {
    corpus,
    text,
    lines,
    sentence,
    terms,
    termSet: new Set(terms.terms),
    candidates: nearest(corpus, terms),
  };
}
