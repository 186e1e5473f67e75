/**
 * Claims: a quantity bound to what it measures ("how long the talks lasted",
 * "how many prisoners each side releases", "when the delegation arrived").
 *
 * A claim's `key` names the measure: `<relation>:<thing>`, e.g. `duration:meet`,
 * `count:prisoner`, `date:arrive`, `first-since:meet`, `ordinal:sanction`.
 * Two claims are comparable only when their keys are equal.
 */
import type { Quantity } from '../quantities';
import { stem, wordTokens as tokenize, type Token } from '../nlp';
import { STOPWORDS } from '../text/stopwords';
import { classHits, classOfStem, HEDGES, type ClassHit } from './lexicon';
import { demonymCountry as countryOfDemonym } from '../entities/gazetteer';

export type Scope = 'perSide' | 'total' | 'unknown';

/** Key of a date or year that sets when a sentence's other figures hold, but measures nothing itself. */
export const FRAME = 'frame';

export interface Claim {
  q: Quantity;
  key: string;
  /** Country a count is qualified by ("215 Ukrainian soldiers" → Ukraine). */
  side?: string;
  scope: Scope;
  /** Stated inside quotation marks or as an expectation: weaker evidence than reported fact. */
  weak: boolean;
  /** Inside quotation marks (a quote, or a title such as the song "1999"). */
  quoted: boolean;
  /** "before 1988", "after 2015": the claim bounds a date rather than giving it. */
  bound?: 'before' | 'after';
}

const ADJECTIVE_SKIP = new Set(
  ['new', 'more', 'other', 'further', 'additional', 'major', 'large', 'small', 'total', 'captured', 'direct', 'official', 'senior', 'top', 'high', 'first', 'last', 'peace', 'full', 'scale', 'big', 'largest', 'biggest', 'upcoming', 'next', 'previous', 'former', 'recent', 'extra', 'armed', 'military', 'civilian'].map((w) => w),
);
const CONTAINERS = new Set(['round', 'package', 'tranche', 'set', 'batch', 'wave', 'series', 'phase', 'stage', 'group', 'number', 'total']);

interface Ctx {
  tokens: Token[];
  stems: string[];
  hits: ClassHit[];
  sentence: string;
  quoted: (offset: number) => boolean;
  /** The sentence has the word "first" ("the first talks in three years"). */
  hasFirst: boolean;
}

/** Index of the first token ending after `offset` (binary search: tokens are in order). */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Class or stem of the thing a count or compound measures, looking right of the quantity. */
function headAfter(ctx: Ctx, from: number): { head?: string; side?: string; captured: boolean } {
  let side: string | undefined;
  let captured = false;
  for (let i = from; i < Math.min(ctx.tokens.length, from + 5); i++) {
    const t = ctx.tokens[i]!;
    const s = ctx.stems[i]!;
    const country = countryOfDemonym(t.text);
    if (country) {
      side = country;
      continue;
    }
    if (t.norm === 'captured' || t.norm === 'detained' || t.norm === 'jailed') {
      captured = true;
      continue;
    }
    if (ADJECTIVE_SKIP.has(t.norm) || /^\d/.test(t.norm)) continue;
    if (STOPWORDS.has(t.norm) && t.norm !== 'of') return { side, captured };
    if (t.norm === 'of') continue;
    // "round of sanctions" → sanctions
    if (CONTAINERS.has(t.norm) && ctx.tokens[i + 1]?.norm === 'of') {
      const inner = headAfter(ctx, i + 2);
      if (inner.head) return { head: inner.head, side: side ?? inner.side, captured: captured || inner.captured };
    }
    const hit = ctx.hits.find((h) => h.from === i);
    if (hit && hit.to - hit.from > 1) return { head: hit.cls, side, captured };
    // A compound noun names its thing last ("COVID-19 cases", "main urban centres"); a verb ends it ("people died").
    let last = i;
    for (let k = i + 1; k < Math.min(ctx.tokens.length, i + 4); k++) {
      const n = ctx.tokens[k]!.norm;
      if (STOPWORDS.has(n) || /ed$/.test(n) || /^\d/.test(n) || countryOfDemonym(ctx.tokens[k]!.text)) break;
      if (ctx.sentence.slice(ctx.tokens[k - 1]!.end, ctx.tokens[k]!.start).trim() !== '') break;
      last = k;
    }
    const s2 = ctx.stems[last]!;
    const hit2 = ctx.hits.find((h) => h.from === last);
    let head = hit2 ? hit2.cls : classOfStem(s2) ?? s2;
    void s;
    if (captured && (head === 'soldier' || head === 'person' || head === 'people')) head = 'prisoner';
    return { head, side, captured };
  }
  return { side, captured };
}

/** Nearest event class to a token index (by token distance), if any within `reach` tokens. */
function nearestEvent(ctx: Ctx, at: number, classes?: string[], reach = Infinity): string | undefined {
  let best: { cls: string; d: number } | undefined;
  for (const h of ctx.hits) {
    if (classes && !classes.includes(h.cls)) continue;
    // What precedes the figure is usually its subject ("the meeting … lasted three hours"); what follows, less often.
    const d = h.from >= at ? h.from - at + 2 : at - h.to + 1;
    if (d > reach) continue;
    if (!best || d < best.d) best = { cls: h.cls, d };
  }
  return best?.cls;
}

// 'end' (ended, wrapped up) is how a duration is said, not what it measures.
const EVENTS = ['ceasefire', 'meet', 'arrive', 'announce', 'depart', 'war', 'exchange', 'birth'];

function keyFor(ctx: Ctx, q: Quantity): { key: string; side?: string; bound?: 'before' | 'after' } | undefined {
  const i0 = tokenIndexAt(ctx.tokens, q.start);
  let i1 = tokenIndexAt(ctx.tokens, q.end);
  const prev = (k: number) => ctx.tokens[i0 - k]?.norm;
  const hasFirst = ctx.hasFirst;
  switch (q.kind) {
    case 'count':
    case 'money':
    case 'percent': {
      const h = headAfter(ctx, i1);
      let head = h.head;
      // Shares and sums are compared with the figures of the closest source sentences, whatever noun follows.
      if (q.kind === 'percent') return { key: 'percent', side: h.side };
      if (q.kind === 'money') return { key: `money:${q.currency ?? q.unit ?? 'x'}` };
      // A measure ("120 mph", "30 inches") is keyed by its unit, as the unit word after a count was.
      if (q.kind === 'count' && q.unit) return { key: `count:${q.unit}`, side: h.side };
      if (!head) return undefined;
      return { key: `${q.kind}:${head}`, side: h.side };
    }
    case 'ordinal': {
      const h = headAfter(ctx, i1);
      if (!h.head) return undefined;
      return { key: `ordinal:${h.head}`, side: h.side };
    }
    case 'duration': {
      if (q.compound) {
        const h = headAfter(ctx, i1);
        if (h.head) return { key: `duration:${h.head}` };
      }
      if (prev(1) === 'in' && hasFirst) {
        const fi = ctx.tokens.findIndex((t) => t.norm === 'first');
        return { key: `first-in:${nearestEvent(ctx, fi, EVENTS) ?? 'x'}` };
      }
      if (ctx.tokens[i1]?.norm === 'into') {
        const h = headAfter(ctx, i1 + 1);
        return { key: `into:${h.head ?? 'x'}` };
      }
      // "one hour after the events", "two years ago": an offset in time, not how long something lasted.
      const isLength = /^(for|lasted|last|lasting|lasts|took|spent|after)$/.test(prev(1) ?? '');
      if (!isLength && /^(ago|after|before|later|earlier|since|on)$/.test(ctx.tokens[i1]?.norm ?? '')) return undefined;
      if (prev(1) === 'within') {
        for (let k = i0 - 2; k >= 0; k--) {
          const t = ctx.tokens[k]!;
          if (STOPWORDS.has(t.norm) || /^(worked|finalised|finalized|agreed|completed|done|signed|ready|out)$/.test(t.norm)) continue;
          const cls = classOfStem(ctx.stems[k]!);
          return { key: `within:${cls ?? ctx.stems[k]}` };
        }
        return { key: 'within:x' };
      }
      const ev = nearestEvent(ctx, i0, EVENTS);
      return ev ? { key: `duration:${ev}` } : undefined;
    }
    case 'date':
    case 'year':
    case 'time': {
      // "before 20 April", "as of 19 April", "by April 14": a cut-off, not when something happened.
      if (/^(before|after)$/.test(prev(1) ?? '')) {
        // "born before 1988": a bound on when the event happened.
        for (let k = i0 - 2; k >= Math.max(0, i0 - 4); k--) {
          const n = ctx.tokens[k]!.norm;
          if (/(ed|en|born)$/.test(n) && !STOPWORDS.has(n)) return { key: `date:${classOfStem(ctx.stems[k]!) ?? ctx.stems[k]}`, bound: prev(1) as 'before' | 'after' };
        }
      }
      if (/^(before|after)$/.test(prev(1) ?? '')) return { key: FRAME, bound: prev(1) as 'before' | 'after' };
      if (/^(by|until|till|through|prior)$/.test(prev(1) ?? '') || (prev(2) === 'as' && prev(1) === 'of')) return { key: FRAME };
      if (prev(1) === 'since' || prev(2) === 'since') {
        return { key: `${hasFirst ? 'first-since' : 'since'}:${nearestEvent(ctx, i0, EVENTS) ?? 'x'}` };
      }
      if (q.kind === 'year' && i1 < ctx.tokens.length) {
        // "the 2022 talks"
        const h = headAfter(ctx, i1);
        if (h.head && EVENTS.includes(h.head)) return { key: `date:${h.head}` };
      }
      // A date belongs to an event named close by ("was released … on 16 January"), not anywhere in the sentence.
      const ev = nearestEvent(ctx, i0, EVENTS, 8);
      if (ev) return { key: `date:${ev}` };
      // Else to the verb just before it ("was signed on March 8", "born 24 November 1990").
      for (let k = i0 - 1; k >= Math.max(0, i0 - 3); k--) {
        const n = ctx.tokens[k]!.norm;
        if (/^(on|in|at|of|from|during)$/.test(n)) continue;
        if (/(ed|en|born)$/.test(n) && !STOPWORDS.has(n)) return { key: `date:${ctx.stems[k]}` };
        break;
      }
      return { key: FRAME };
    }
  }
  return undefined;
}

/** Offsets inside quotation marks in a sentence. */
export function quotedRegions(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '\u201C' || (c === '"' && open < 0)) {
      open = i;
    } else if ((c === '\u201D' || c === '"') && open >= 0) {
      out.push([open, i]);
      open = -1;
    }
  }
  return out;
}

function scopeOf(ctx: Ctx, q: Quantity): Scope {
  if (q.perSide) return 'perSide';
  // "each" and "in all" qualify the count they follow or precede closely, not "the two lines" earlier on.
  const i0 = tokenIndexAt(ctx.tokens, q.start);
  const i1 = tokenIndexAt(ctx.tokens, q.end);
  const near = ctx.tokens.slice(Math.max(0, i0 - 3), Math.min(ctx.tokens.length, i1 + 6));
  const text = near.length ? ctx.sentence.slice(near[0]!.start, near[near.length - 1]!.end) : '';
  if (q.value <= 3 && !/\d/.test(q.text)) return 'unknown';
  if (near.some((t) => t.norm === 'each' || t.norm === 'apiece')) return 'perSide';
  if (/\bper side\b|\bfrom each side\b|\bby each side\b/i.test(text)) return 'perSide';
  if (/\b(in all|in total|altogether|combined|overall|total of)\b/i.test(text)) return 'total';
  return 'unknown';
}

/** Claims for every quantity of a sentence. */
/** A sentence with more figures than this is a table or noise, not prose: only its first figures are read. */
export const MAX_CLAIMS_PER_SENTENCE = 100;

export function claimsOf(sentence: string, allQuantities: readonly Quantity[]): Claim[] {
  // No figure, no claim (and nothing below has another effect).
  if (allQuantities.length === 0) return [];
  const quantities = allQuantities.length > MAX_CLAIMS_PER_SENTENCE ? allQuantities.slice(0, MAX_CLAIMS_PER_SENTENCE) : allQuantities;
  const tokens = tokenize(sentence);
  const stems = tokens.map((t) => stem(t.norm));
  const regions = quotedRegions(sentence);
  const ctx: Ctx = {
    tokens,
    stems,
    hits: classHits(stems),
    sentence,
    quoted: (o) => regions.some(([a, b]) => o > a && o < b),
    hasFirst: tokens.some((t) => t.norm === 'first'),
  };
  const inFigure = (t: Token) => quantities.some((q) => t.start >= q.start && t.end <= q.end);
  /** A hedge ("expected to", "will") within a few words before the figure or its event word. */
  const hedgedNear = (q: Quantity): boolean => {
    const i0 = tokenIndexAt(tokens, q.start);
    for (let k = Math.max(0, i0 - 4); k < i0; k++) if (!inFigure(tokens[k]!) && HEDGES.has(stems[k]!)) return true;
    return false;
  };
  const out: Claim[] = [];
  for (const q0 of quantities) {
    let q = q0;
    if ((q.kind === 'count' || q.kind === 'money') && sentence[q.end] === '+' && q.qualifier === 'exact') {
      q = { ...q, qualifier: 'atLeast', high: q.value * 1.5 };
    }
    const k = keyFor(ctx, q);
    if (!k) continue;
    out.push({
      q,
      key: k.key,
      side: k.side,
      scope: q.kind === 'count' ? scopeOf(ctx, q) : 'unknown',
      weak: ctx.quoted(q.start) || ((q.kind === 'date' || q.kind === 'year') && hedgedNear(q)),
      quoted: ctx.quoted(q.start),
      bound: k.bound,
    });
  }
  return out;
}
