/**
 * Figures: compares each claim of a draft sentence with the claims of the same
 * measure in the nearest source sentences, and decides whether the sources
 * support it, rule it out, or disagree among themselves.
 */
import { claimsOf, FRAME, type Claim } from '../claims';
import { epochDay, formatQuantity, intervalsCompatible, weekdayOf, type Quantity } from '../quantities';
import type { SentRec } from '../store';
import { stem, type Token } from '../nlp';
import { STOPWORDS } from '../text/stopwords';
import { classOfStem } from '../claims/lexicon';
import { quantitiesOf, tokensOf, type SentenceContext } from './context';

export interface ClaimMatch {
  rec: SentRec;
  claim: Claim;
  sim: number;
  /** Stated inside a quotation or as an expectation. */
  weak: boolean;
  /** Only compatible under one reading of an unclear per-side/total scope. */
  ambiguous: boolean;
  compatible: boolean;
}

export type Verdict = 'supported' | 'contradiction' | 'disagree' | 'none';

export interface FigureJudgement {
  claim: Claim;
  verdict: Verdict;
  matches: ClaimMatch[];
}

function scaled(q: Quantity, f: number): Quantity {
  return { ...q, value: q.value * f, low: q.low * f, high: q.high * f };
}

/** A date or year as a span of fractional years, for "before"/"after" bounds. */
function yearSpan(q: Quantity): [number, number] | undefined {
  if (q.kind === 'year' && Number.isFinite(q.low)) return [q.low, q.high + 1];
  const d = q.date;
  if (q.kind !== 'date' || d?.year === undefined) return undefined;
  if (d.month === undefined) return [d.year, d.year + 1];
  const start = d.year + (d.month - 1) / 12 + ((d.day ?? 1) - 1) / 365;
  return [start, d.day === undefined ? d.year + d.month / 12 : start + 1 / 365];
}

/** A draft claim with its figure as written (see `asWritten`), alone and doubled, worked out once for all the source claims it meets. */
class DraftFigure {
  private single: Quantity | undefined;
  private double: Quantity | undefined;
  constructor(readonly claim: Claim) {}

  /** `claim`'s figure as written, or twice it (a per-side figure as a total). */
  written(twice: boolean): Quantity {
    if (twice) return (this.double ??= asWritten(scaled(this.claim.q, 2)));
    return (this.single ??= asWritten(this.claim.q));
  }
}

const OK = { ok: true, ambiguous: false } as const;
const NOT_OK = { ok: false, ambiguous: false } as const;
const plain = (ok: boolean) => (ok ? OK : NOT_OK);

/** Compatibility of two counts taking "each" against "in all" into account (two parties). */
function compatible(draft: DraftFigure, s: Claim): { ok: boolean; ambiguous: boolean } {
  const d = draft.claim;
  if (d.bound) {
    const a = yearSpan(d.q);
    const b = yearSpan(s.q);
    if (!a || !b) return OK;
    return plain(d.bound === 'before' ? b[0] < a[0] : b[1] > a[1] - 1e-9 && b[0] >= a[1] - 1e-9);
  }
  const direct = () => safeCompat(draft, false, s.q);
  if (d.q.kind !== 'count' || d.scope === s.scope) return plain(direct());
  if (d.scope === 'perSide' && s.scope === 'total') return plain(safeCompat(draft, true, s.q));
  if (d.scope === 'total' && s.scope === 'perSide') return plain(safeCompat(draft, false, scaled(s.q, 2)));
  if (d.scope === 'perSide' && s.scope === 'unknown') {
    const asPerSide = direct();
    const asTotal = safeCompat(draft, true, s.q);
    return { ok: asPerSide || asTotal, ambiguous: asPerSide !== asTotal };
  }
  // draft scope unknown, source per side: the draft may mean either
  const a = direct();
  const b = safeCompat(draft, false, scaled(s.q, 2));
  return plain(a || b);
}

/**
 * A draft's figure as a writer means it: a round figure stands for the value it
 * rounds ("789,000" for 789,298), and a bound the writer sets ("more than 206")
 * does not exclude the figure itself.
 */
function asWritten(q: Quantity): Quantity {
  if (q.kind === 'date' || q.kind === 'year' || q.kind === 'time' || q.kind === 'ordinal') return q;
  let lo = q.low;
  let hi = q.high;
  if (q.qualifier === 'exact' || q.qualifier === 'range') {
    // A bare figure is not an open bound.
    q = { ...q, lowOpen: false, highOpen: false };
  }
  // The draft's own bounds are read literally: "more than 50%" is true of 99%.
  if (q.qualifier === 'more' || q.qualifier === 'atLeast') hi = Math.abs(q.value) * 1000 + 1000;
  if (q.qualifier === 'less' || q.qualifier === 'atMost') lo = 0;
  if (q.kind !== 'count' && q.kind !== 'money') return { ...q, low: lo, high: hi };
  if (q.qualifier === 'exact' && Number.isFinite(q.value) && q.value >= 1000) {
    let unit = 1;
    while (q.value % (unit * 10) === 0 && unit < q.value) unit *= 10;
    const tol = Math.min(unit / 2, q.value * 0.02);
    lo -= tol;
    hi += tol;
  }
  return { ...q, low: lo, high: hi };
}

function safeCompat(draft: DraftFigure, twice: boolean, b: Quantity): boolean {
  try {
    return intervalsCompatible(draft.written(twice), b);
  } catch {
    return true;
  }
}

/** Claims are about the same thing: same measure, and no clash of sides ("Ukrainian" vs "Russian" soldiers). */
function sameMeasure(d: Claim, s: Claim): boolean {
  if (d.key !== s.key || d.key === FRAME || s.bound) return false;
  if (d.side && s.side && d.side !== s.side) return false;
  if (d.q.kind !== s.q.kind) {
    const dateish = (k: string) => k === 'date' || k === 'year';
    if (!(dateish(d.q.kind) && dateish(s.q.kind))) return false;
  }
  return true;
}

/** A source date that is coarser than the draft's cannot pin the draft's day ("March 2022" vs "16 May"). */
function comparableGrain(d: Quantity, s: Quantity, bound?: string): boolean {
  if (bound) return true;
  if (d.kind !== 'date' && d.kind !== 'year') return true;
  const grain = (q: Quantity) => {
    if (q.kind === 'year') return 1;
    const dv = q.date;
    if (!dv) return 0;
    if (dv.day !== undefined || dv.weekday !== undefined) return 3;
    if (dv.month !== undefined) return 2;
    return dv.year !== undefined ? 1 : 0;
  };
  return grain(s) >= grain(d);
}

/**
 * A draft date without a year ("14 May") takes the year the sources give for the
 * same event, so that it can be compared with a weekday ("Friday").
 */
function withSourcedYear(claim: Claim, comparables: Claim[]): Claim {
  const d = claim.q.date;
  if (claim.q.kind !== 'date' || !d || d.year !== undefined || d.month === undefined || d.day === undefined) return claim;
  const years = new Map<number, number>();
  for (const c of comparables) {
    const y = c.q.date?.year;
    if (y !== undefined && c.q.date?.month !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const top = [...years.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top) return claim;
  const year = top[0];
  const day = epochDay(year, d.month, d.day);
  const date = { ...d, year, weekday: weekdayOf(year, d.month, d.day) };
  return { ...claim, q: { ...claim.q, date, value: day, low: day, high: day } };
}

/** Content stems in the few words either side of a figure (`toks`: its sentence's tokens). */
function localStems(toks: readonly Token[], q: Quantity): Set<string> {
  const out = new Set<string>();
  const i0 = toks.findIndex((t) => t.end > q.start);
  const i1 = toks.findIndex((t) => t.start >= q.end);
  const from = Math.max(0, (i0 < 0 ? toks.length : i0) - 4);
  const to = Math.min(toks.length, (i1 < 0 ? toks.length : i1) + 4);
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.start >= q.start && t.end <= q.end) continue;
    if (STOPWORDS.has(t.norm) || /^\d/.test(t.norm)) continue;
    const s = stem(t.norm);
    out.add(s);
    const cls = classOfStem(s);
    if (cls) out.add('#' + cls);
  }
  return out;
}

/** Calendar years and day-level dates a sentence is about, other than the figure being checked. */
function timeFrame(claims: readonly Claim[], except?: Claim): { years: Set<number>; days: Set<number>; cutoff?: boolean } {
  const years = new Set<number>();
  const days = new Set<number>();
  let cutoff = false;
  for (const c of claims) {
    if (c === except || c.q === except?.q) continue;
    if (c.key === FRAME && c.bound) cutoff = true;
    const d = c.q.date;
    if (c.q.kind === 'year' && Number.isInteger(c.q.value)) years.add(c.q.value);
    if (c.q.kind === 'date' && d?.year !== undefined) years.add(d.year);
    if (c.q.kind === 'date' && d?.month !== undefined && d.day !== undefined) days.add(d.month * 100 + d.day);
  }
  return { years, days, cutoff };
}

/** Figures stated for different years or days are about different moments ("192 units in 2012" against "1,000 in 2013"). */
function sameTimeFrame(a: { years: Set<number>; days: Set<number>; cutoff?: boolean }, b: { years: Set<number>; days: Set<number> }): boolean {
  // "fewer than 80 cases before March 12" is not "88 cases as of 12 March".
  if (a.cutoff && (b.years.size || b.days.size)) return false;
  if (a.years.size && b.years.size && ![...a.years].some((y) => b.years.has(y))) return false;
  if (a.days.size && b.days.size && ![...a.days].some((d) => b.days.has(d))) return false;
  return true;
}

export function judgeClaim(ctx: SentenceContext, original: Claim): FigureJudgement {
  const matches: ClaimMatch[] = [];
  const comparables: Claim[] = [];
  for (const cand of ctx.candidates) for (const sc of cand.rec.claims) if (sameMeasure(original, sc)) comparables.push(sc);
  const claim = withSourcedYear(original, comparables);
  const draft = new DraftFigure(claim);
  const mine = localStems(tokensOf(ctx), original.q);
  const isTime = (k: string) => k === 'date' || k === 'year' || k === 'time';
  const myFrame = isTime(original.q.kind) ? undefined : timeFrame(ctx.draftClaims ?? [], original);
  for (const cand of ctx.candidates) {
    // Most candidates have no figure of this measure: no array is made for them.
    let same: Claim[] | undefined;
    for (const sc of cand.rec.claims) if (sameMeasure(claim, sc) && comparableGrain(claim.q, sc.q, claim.bound)) (same ??= []).push(sc);
    if (!same) continue;
    if (myFrame && !sameTimeFrame(myFrame, timeFrame(cand.rec.claims))) continue;
    if (claim.key.startsWith('date:') && !claim.bound && cand.cov.score < 0.7) {
      // "held talks in March 2022" and "held talks on 16 May 2025" are two meetings, not one misdated.
      const y = claim.q.kind === 'year' ? claim.q.value : claim.q.date?.year;
      const others = same.map((sc) => (sc.q.kind === 'year' ? sc.q.value : sc.q.date?.year)).filter((v): v is number => v !== undefined);
      if (original.q.date?.year !== undefined || original.q.kind === 'year') {
        if (y !== undefined && others.length > 0 && !others.includes(y)) continue;
      }
    }
    const judged = same.map((sc) => ({ sc, c: compatible(draft, sc) }));
    let pick: (typeof judged)[number] | undefined;
    if (same.length === 1) pick = judged[0];
    else {
      // Several figures of one measure ("$5.4 million in the US and $6.5 million worldwide"):
      // the one whose neighbouring words match the draft's speaks to it.
      let best = -1;
      let bestScore = 0;
      let tie = false;
      judged.forEach((x, i) => {
        const theirs = localStems(tokensOf(ctx, cand.rec), x.sc.q);
        let n = 0;
        for (const s of mine) if (theirs.has(s)) n++;
        if (n > bestScore) {
          bestScore = n;
          best = i;
          tie = false;
        } else if (n === bestScore) tie = true;
      });
      if (best >= 0 && !tie && (bestScore >= 2 || judged[best]!.c.ok)) pick = judged[best];
      // No clear counterpart: the sentence supports the draft if any of its figures agrees, else it says nothing.
      else pick = judged.find((x) => x.c.ok);
      if (!pick) continue;
    }
    const { sc, c } = pick!;
    // Ruling a figure out takes a sentence that is about the same thing, not just the same kind of thing.
    if (!c.ok && cand.cov.score < 0.3) continue;
    if (!c.ok && cand.cov.score < 0.45 && !isTime(sc.q.kind)) {
      // A far-off sentence rules a figure out only when the words around the two figures agree.
      const theirs = localStems(tokensOf(ctx, cand.rec), sc.q);
      let n = 0;
      for (const s of mine) if (theirs.has(s)) n++;
      if (n === 0) continue;
    }
    matches.push({ rec: cand.rec, claim: sc, sim: cand.cov.score, weak: sc.weak, ambiguous: c.ambiguous, compatible: c.ok });
  }
  if (matches.length === 0) return { claim: original, verdict: 'none', matches };
  const best = Math.max(...matches.map((m) => m.sim));
  const kept = matches.filter((m) => m.sim >= 0.2 && m.sim >= best * 0.55);
  if (kept.length === 0) return { claim: original, verdict: 'none', matches: [] };
  // One vote per source document: its strongest statement on the point.
  const perDoc = new Map<number, ClaimMatch>();
  for (const m of kept) {
    const prev = perDoc.get(m.rec.doc);
    const rank = (x: ClaimMatch) => x.sim + (x.weak ? 0 : 1) + (x.ambiguous ? 0 : 0.5);
    if (!prev || rank(m) > rank(prev)) perDoc.set(m.rec.doc, m);
  }
  const votes = [...perDoc.values()];
  const anyExplicit = votes.some((v) => !v.ambiguous);
  let strongS = 0;
  let weakS = 0;
  let strongC = 0;
  let weakC = 0;
  for (const v of votes) {
    if (v.compatible) {
      if (v.ambiguous && anyExplicit) continue;
      if (v.weak) weakS += v.sim;
      else strongS += v.sim;
    } else if (v.weak) weakC += v.sim;
    else strongC += v.sim;
  }
  let verdict: Verdict;
  if (strongC === 0 && weakC === 0) verdict = 'supported';
  else if (strongS > 0 && strongC > 0) verdict = strongS > strongC * 1.5 ? 'supported' : 'disagree';
  else if (strongC > 0) verdict = weakS > 0 ? 'disagree' : 'contradiction';
  else verdict = strongS > 0 ? 'supported' : 'disagree';
  return { claim: original, verdict, matches: kept.filter((m) => perDoc.get(m.rec.doc) === m || m.compatible === perDoc.get(m.rec.doc)?.compatible) };
}

/** Every claim of a draft sentence with its judgement. */
export function judgeFigures(ctx: SentenceContext): FigureJudgement[] {
  const quantities = quantitiesOf(ctx);
  const all = claimsOf(ctx.sentence.text, quantities);
  ctx.draftClaims = all;
  const claims = all.filter((c) => c.key !== FRAME);
  // Two figures of one measure in a draft sentence ("started 20 games … in 43 games") cannot be told apart.
  const keys = new Map<string, number>();
  for (const c of claims) keys.set(c.key, (keys.get(c.key) ?? 0) + 1);
  return claims.filter((c) => keys.get(c.key) === 1 && !c.quoted).map((c) => judgeClaim(ctx, c));
}

/** Human phrase for what a claim says ("less than 2 hours"). */
export function says(c: Claim): string {
  return c.q.text || formatQuantity(c.q);
}
