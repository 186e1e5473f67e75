/** Tolerant matching of quoted words against source text. */
import Fuse from 'fuse.js';
import { foldForMatch } from '../text';
import { wordRuns, type WordRun } from '../nlp';

/**
 * Normalises a quote for comparison: quotes/dashes/diacritics/case folded,
 * ellipses dropped, punctuation at the ends dropped, spaces collapsed.
 */
export function normalizeQuote(s: string): string {
  return foldForMatch(s.replace(/\.{3,}|…/g, ' '))
    .replace(/["']/g, (m, i: number, str: string) => {
      // keep apostrophes inside words ("we're"), drop quotation marks
      const prev = str[i - 1] ?? ' ';
      const next = str[i + 1] ?? ' ';
      return m === "'" && /[a-z0-9]/.test(prev) && /[a-z0-9]/.test(next) ? m : ' ';
    })
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^a-z0-9\u0400-\u04ff]+|[^a-z0-9\u0400-\u04ff]+$/g, '');
}

type WTok = WordRun;

/** Word runs of folded text (offsets valid on the original: folding keeps length). */
function words(text: string, f = foldForMatch(text)): WTok[] {
  return wordRuns(f);
}

/** Splits a quote at ellipses into word segments. */
function segments(quote: string): string[][] {
  return quote
    .split(/\.{3,}|…|\[\s*\.\.\.\s*\]/)
    .map((p) => words(p).map((w) => w.norm))
    .filter((p) => p.length > 0);
}

function matchAt(src: WTok[], at: number, seg: string[]): boolean {
  if (at + seg.length > src.length) return false;
  for (let i = 0; i < seg.length; i++) if (src[at + i]!.norm !== seg[i]) return false;
  return true;
}

/**
 * Finds a draft's quote inside a source text, tolerant of case, curly vs straight
 * quotes, diacritics, whitespace and punctuation; an ellipsis in the quote
 * matches any omitted words (up to `maxGap`). Offsets are in the original `text`.
 */
export function quoteOccursIn(quote: string, text: string, maxGap = 80): { start: number; end: number } | undefined {
  return quoteMatcher(quote, maxGap)(text);
}

/**
 * `quoteOccursIn` for one quote and many texts: the quote is read once, and a text lacking
 * one of its words is turned down before it is split into words (most texts searched for a
 * quote are, and splitting them was most of the cost).
 */
export function quoteMatcher(quote: string, maxGap = 80): (text: string) => { start: number; end: number } | undefined {
  const segs = segments(quote);
  if (segs.length === 0) return () => undefined;
  const needed = [...new Set(segs.flat())].sort((a, b) => b.length - a.length);
  return (text) => {
    const folded = foldForMatch(text);
    // A word of the quote is a whole word of the folded text, so it is a part of it.
    for (const w of needed) if (!folded.includes(w)) return undefined;
    return findSegments(segs, words(text, folded), maxGap);
  };
}

function findSegments(segs: string[][], src: WTok[], maxGap: number): { start: number; end: number } | undefined {
  const first = segs[0]!;
  for (let i = 0; i + first.length <= src.length; i++) {
    if (!matchAt(src, i, first)) continue;
    let pos = i + first.length;
    let ok = true;
    for (let k = 1; k < segs.length && ok; k++) {
      const seg = segs[k]!;
      let found = -1;
      for (let j = pos; j <= Math.min(src.length - seg.length, pos + maxGap); j++) {
        if (matchAt(src, j, seg)) {
          found = j;
          break;
        }
      }
      if (found < 0) ok = false;
      else pos = found + seg.length;
    }
    if (ok) return { start: src[i]!.start, end: src[pos - 1]!.end };
  }
  return undefined;
}

export interface ClosestQuote {
  /** Index of the candidate. */
  index: number;
  /** The best-matching span of the candidate, as written there. */
  text: string;
  start: number;
  end: number;
  /** 0..1 (1 = identical words). */
  score: number;
}

/** Best local token alignment of q inside c (Smith–Waterman: match +2, mismatch/gap −1). */
function align(q: string[], c: WTok[]): { start: number; end: number; matches: number } | undefined {
  const n = q.length;
  const m = c.length;
  if (n === 0 || m === 0) return undefined;
  let prevS = new Array<number>(m + 1).fill(0);
  let prevB = new Array<number>(m + 1).fill(0);
  let prevM = new Array<number>(m + 1).fill(0);
  let curS = new Array<number>(m + 1).fill(0);
  let curB = new Array<number>(m + 1).fill(0);
  let curM = new Array<number>(m + 1).fill(0);
  let best = 0;
  let bestEnd = -1;
  let bestStart = 0;
  let bestMatches = 0;
  for (let i = 1; i <= n; i++) {
    curS[0] = 0;
    for (let j = 1; j <= m; j++) {
      const eq = q[i - 1] === c[j - 1]!.norm;
      const diag = prevS[j - 1]! + (eq ? 2 : -1);
      const up = prevS[j]! - 1;
      const left = curS[j - 1]! - 1;
      let s = 0;
      let b = j - 1;
      let mt = 0;
      if (diag > s) {
        s = diag;
        b = prevS[j - 1]! > 0 ? prevB[j - 1]! : j - 1;
        mt = (prevS[j - 1]! > 0 ? prevM[j - 1]! : 0) + (eq ? 1 : 0);
      }
      if (up > s) {
        s = up;
        b = prevB[j]!;
        mt = prevM[j]!;
      }
      if (left > s) {
        s = left;
        b = curB[j - 1]!;
        mt = curM[j - 1]!;
      }
      curS[j] = s;
      curB[j] = b;
      curM[j] = mt;
      if (s > best && eq) {
        best = s;
        bestEnd = j - 1;
        bestStart = b;
        bestMatches = mt;
      }
    }
    [prevS, curS] = [curS, prevS];
    [prevB, curB] = [curB, prevB];
    [prevM, curM] = [curM, prevM];
  }
  if (bestEnd < 0) return undefined;
  return { start: bestStart, end: bestEnd, matches: bestMatches };
}

/**
 * The source span closest to a (possibly altered) quote, for "restore the exact
 * quote" fixes. Candidates are pre-filtered with fuse.js, then aligned word by
 * word; score = 2·matched words / (quote words + span words).
 */
export function closestQuote(quote: string, candidates: string[]): ClosestQuote | undefined {
  const q = words(quote.replace(/\.{3,}|…/g, ' ')).map((w) => w.norm);
  if (q.length === 0 || candidates.length === 0) return undefined;
  let pool = candidates.map((_, i) => i);
  if (candidates.length > 50) {
    const fuse = new Fuse(
      candidates.map((text, i) => ({ text: foldForMatch(text), i })),
      { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.8, useExtendedSearch: true },
    );
    const qset = [...new Set(q.filter((w) => w.length > 3))].slice(0, 12);
    const res = qset.length ? fuse.search({ $or: qset.map((w) => ({ text: `'${w}` })) }) : [];
    pool = res.slice(0, 50).map((r) => r.item.i);
  }
  let best: ClosestQuote | undefined;
  for (const i of pool) {
    const text = candidates[i]!;
    const c = words(text);
    const a = align(q, c);
    if (!a) continue;
    const spanLen = a.end - a.start + 1;
    const score = (2 * a.matches) / (q.length + spanLen);
    if (!best || score > best.score) {
      const start = c[a.start]!.start;
      const end = c[a.end]!.end;
      best = { index: i, text: text.slice(start, end), start, end, score };
    }
  }
  return best;
}
