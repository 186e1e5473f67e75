/**
 * Breakdowns: a list of figures each given to a name ("21 injured in Davao del Sur, 38 in North
 * Cotabato, 29 in South Cotabato"; "14 to Buttigieg, 12 to Sanders, eight to Warren") is
 * compared item by item with a source sentence that breaks the same figures down by the same
 * names.
 *
 * One item alone is a bare count told of a name, which the figure check weighs like any other.
 * As part of a list it is not: where a source sentence of the story gives the same names figures
 * and agrees with the draft on enough of them, it tells the same breakdown, and a name it gives
 * another figure is ruled out. Precision first:
 * - an item's name is the run of capitalised words after its figure (up to the next figure), or
 *   before it ("Joe Biden earned 6") where none follows; two names are one where the words of
 *   one are all words of the other ("Biden", "Joe Biden");
 * - a name given two figures in the source sentence, or matching two of its names, is no item;
 * - exactly one item may differ, and at least two others must agree: two differing items are
 *   another breakdown (another day's, another count's), and one agreeing small figure may be a
 *   coincidence;
 * - sources that rule the item out with different figures leave it open;
 * - a figure another check has already judged is left to it.
 */
import type { Claim } from '../claims';
import { foldForMatch } from '../text/fold';
import type { SentRec } from '../store';
import type { Diagnostic } from '../types';
import { draftClaimsOf, figureCandidates, type SentenceContext } from './context';
import { judgedAt } from './finding';

/**
 * Items a source breakdown must give the draft's figures for before it rules another out: one
 * shared small figure is a coincidence as often as not (a caucus's "Warren 8" and a later
 * running total's "Warren 8").
 */
const MIN_AGREEING = 2;

/** Kinds of figure a breakdown lists. */
const LISTED = new Set(['count', 'money', 'percent']);
/** Small words a name keeps inside ("Federation of Bosnia", "Davao del Sur"); they are no words of its to compare. */
const NAME_INNER = ['of', 'de', 'del', 'la', 'al', 'and'];
/** Capitalised words run together, with those small words between them (a pattern's source). */
const NAME_RUN = `\\b\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:(?:${NAME_INNER.join('|')})\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*)*`;

export interface Item {
  claim: Claim;
  /** Folded words of the name the figure is given to. */
  words: string[];
}

function nameWords(s: string): string[] {
  return foldForMatch(s)
    .replace(/['’]s$/, '')
    .split(/\s+/)
    .filter((w) => w && !NAME_INNER.includes(w));
}

/** "… in North Cotabato", "… to Buttigieg": a name put after the figure by a preposition (past up to two words: "21 injured in"). */
const NAME_AFTER = new RegExp(`^\\s*(?:[\\p{Ll}-]+\\s+){0,2}(?:in|to|for|from|at|by)\\s+(?:the\\s+)?(${NAME_RUN})`, 'u');
/** "Joe Biden earned 6": a name before the figure, with only lower-case words (its verb) between. */
const NAME_BEFORE = new RegExp(`(${NAME_RUN})(?:\\s+[\\p{Ll}-]+){1,3}\\s*$`, 'u');

/**
 * The figures of a sentence given to names, in order. A list gives its names one way: after
 * each figure by a preposition ("14 to Buttigieg, 12 to Sanders"), or before each ("Pete
 * Buttigieg earned 14 delegates, Bernie Sanders earned 12"); the way most of its figures have
 * is the list's, and a figure without a name that way is no item.
 */
export function itemsOf(text: string, claims: readonly Claim[]): Item[] {
  const listed = claims.filter((c) => LISTED.has(c.dim) && !c.q.tally && Number.isFinite(c.q.value)).sort((a, b) => a.q.start - b.q.start);
  const after: (string[] | undefined)[] = [];
  const before: (string[] | undefined)[] = [];
  listed.forEach((c, i) => {
    const nextStart = listed[i + 1]?.q.start ?? text.length;
    const prevEnd = listed[i - 1]?.q.end ?? 0;
    const a = NAME_AFTER.exec(text.slice(c.q.end, nextStart).split(/[;:.!?]/)[0]!);
    after.push(a ? nameWords(a[1]!) : undefined);
    const b = NAME_BEFORE.exec(text.slice(prevEnd, c.q.start).split(/[;:]/).pop()!);
    before.push(b ? nameWords(b[1]!) : undefined);
  });
  const way = after.filter(Boolean).length >= before.filter(Boolean).length ? after : before;
  const out: Item[] = [];
  listed.forEach((c, i) => {
    const words = way[i];
    if (words && words.length) out.push({ claim: c, words });
  });
  return out;
}

const sameName = (a: readonly string[], b: readonly string[]) => a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));

export interface BreakdownJudgement {
  /** The draft's item the source breakdowns rule out, and theirs of the same name. */
  draft: Claim;
  sources: { claim: Claim; rec: SentRec }[];
}

/** A source sentence's figure for each of the draft's items: undefined where it gives none, or no single one. */
function against(draft: readonly Item[], source: readonly Item[]): (Claim | undefined)[] {
  return draft.map((d) => {
    const hits = source.filter((s) => s.claim.dim === d.claim.dim && sameName(d.words, s.words));
    if (hits.length !== 1) return undefined;
    // Its name must not also be another draft item's.
    if (draft.filter((x) => sameName(x.words, hits[0]!.words)).length !== 1) return undefined;
    return hits[0]!.claim;
  });
}

export function judgeBreakdowns(ctx: SentenceContext, found: readonly Diagnostic[]): BreakdownJudgement[] {
  const claims = draftClaimsOf(ctx);
  const items = itemsOf(ctx.sentence.text, claims);
  if (items.length < 2) return [];
  const pinned = new Map<Claim, { claim: Claim; rec: SentRec }[]>();
  for (const c of figureCandidates(ctx)) {
    const theirs = itemsOf(c.rec.sent.text, c.rec.claims);
    if (theirs.length < 2) continue;
    const match = against(items, theirs);
    const agree = items.filter((d, i) => match[i] && match[i]!.q.value === d.claim.q.value).length;
    const differ = items.map((d, i) => ({ d, s: match[i] })).filter((x) => x.s && x.s.q.value !== x.d.claim.q.value);
    if (agree < MIN_AGREEING || differ.length !== 1) continue;
    const { d, s } = differ[0]!;
    let list = pinned.get(d.claim);
    if (!list) pinned.set(d.claim, (list = []));
    list.push({ claim: s!, rec: c.rec });
  }
  const out: BreakdownJudgement[] = [];
  for (const [draft, sources] of pinned) {
    if (!sources.every((x) => x.claim.q.value === sources[0]!.claim.q.value)) continue;
    if (judgedAt(ctx, found, draft.q.start)) continue;
    out.push({ draft, sources });
  }
  return out;
}
