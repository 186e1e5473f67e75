/**
 * How well a source sentence supports a draft sentence: the share of the
 * draft's content words (weighted by rarity) that the source sentence has,
 * exactly, as a close spelling, or as a synonym of the same class.
 */
import { classOfStem } from '../claims/lexicon';

export interface TermView {
  stems: readonly string[];
  terms: ReadonlySet<string>;
  classOf?: ReadonlyMap<string, string>;
}

/** The row `editDistanceAtMost` works in, reused (grown as needed). */
let row = new Int32Array(64);

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (row.length < b.length + 1) row = new Int32Array(2 * (b.length + 1));
  const prev = row;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diag = tmp;
      if (prev[j]! < rowMin) rowMin = prev[j]!;
    }
    if (rowMin > max) return false;
  }
  return prev[b.length]! <= max;
}

/** True when two stems are spelling variants ("zelenskyy"/"zelenskiy", "medinsky"/"medinskiy"). */
export function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  return editDistanceAtMost(a, b, a.length >= 8 ? 2 : 1);
}

export interface Coverage {
  score: number;
  /** Draft stems the source has, as themselves, through their class or as close spellings. */
  matched: number;
}

/** How a source sentence has each draft stem: not at all, as itself, through its synonym class, as a close spelling. */
export const MISSING = 0;
export const SAME = 1;
export const SAME_CLASS = 2;
export const CLOSE = 3;

/** The coverage given how the source has each stem (the one arithmetic, wherever `how` was worked out). */
export function coverageFrom(draft: Pick<PreparedDraft, 'weights' | 'total'>, how: ArrayLike<number>): Coverage {
  let got = 0;
  let matched = 0;
  const { weights } = draft;
  for (let i = 0; i < weights.length; i++) {
    const h = how[i];
    if (h === MISSING) continue;
    got += h === SAME ? weights[i]! : h === SAME_CLASS ? weights[i]! * 0.8 : weights[i]! * 0.85;
    matched++;
  }
  return { score: draft.total > 0 ? got / draft.total : 0, matched };
}

/** A draft's stems with their weights, worked out once and scored against many source sentences. */
export interface PreparedDraft {
  stems: string[];
  weights: number[];
  /** Synonym class term ("#meet") of each stem, or undefined. */
  classTerms: (string | undefined)[];
  total: number;
}

/**
 * Prepares `draft` for `coverageOf`: each distinct stem once, without `ignore`d
 * ones and figures, weighted by `idf` (at most 8).
 */
export function prepareDraft(draft: TermView, idf: (t: string) => number, ignore?: ReadonlySet<string>): PreparedDraft {
  const out: PreparedDraft = { stems: [], weights: [], classTerms: [], total: 0 };
  const seen = new Set<string>();
  for (const s of draft.stems) {
    if (seen.has(s) || (ignore && ignore.has(s)) || /^\d/.test(s)) continue;
    seen.add(s);
    const w = Math.min(idf(s), 8);
    const cls = draft.classOf?.get(s) ?? classOfStem(s);
    out.stems.push(s);
    out.weights.push(w);
    out.classTerms.push(cls ? '#' + cls : undefined);
    out.total += w;
  }
  return out;
}

/** Weighted coverage of a prepared draft by `source` (see `coverage`). */
export function coverageOf(draft: PreparedDraft, source: TermView): Coverage {
  const { stems, classTerms } = draft;
  const how = new Uint8Array(stems.length);
  // The first letters of the source's stems of five letters or more, as bits (code & 31; two
  // letters may share a bit): a stem whose first letter's bit is not set has no close spelling
  // there, and the source's stems are not read again for it. Worked out when first needed.
  let firsts = 0;
  let firstsRead = false;
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i]!;
    const cls = classTerms[i];
    if (source.terms.has(s)) how[i] = SAME;
    else if (cls && source.terms.has(cls)) how[i] = SAME_CLASS;
    else if (s.length >= 5) {
      const c = s.charCodeAt(0);
      if (!firstsRead) {
        for (const t of source.stems) if (t.length >= 5) firsts |= 1 << (t.charCodeAt(0) & 31);
        firstsRead = true;
      }
      if ((firsts & (1 << (c & 31))) === 0) continue;
      // closeSpelling's cheap tests first (five letters or more, the same first letter, at
      // most two apart in length), without a call for each of the source's stems.
      for (const t of source.stems) {
        if (t !== s && (t.length < 5 || t.charCodeAt(0) !== c || Math.abs(t.length - s.length) > 2)) continue;
        if (closeSpelling(s, t)) {
          how[i] = CLOSE;
          break;
        }
      }
    }
  }
  return coverageFrom(draft, how);
}

/**
 * Weighted coverage of `draft` by `source`. `idf` gives each stem's weight.
 * `ignore` lists draft stems not to count (e.g. the figure being checked).
 */
export function coverage(draft: TermView, source: TermView, idf: (t: string) => number, ignore?: ReadonlySet<string>): Coverage {
  return coverageOf(prepareDraft(draft, idf, ignore), source);
}
