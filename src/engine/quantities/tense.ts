/**
 * Which way a date points from the time of writing, read from the verb it belongs to: what
 * happened points back ("met on Friday", "said yesterday"), what is planned points forward
 * ("will meet on Friday", "is expected on Thursday", "plans to sign in two weeks"). The verb is
 * the nearest one before the date in its clause, else the first one after it; its group is
 * the verb with the auxiliaries, particles and adverbs before it.
 */
import type { Token } from '../nlp';

/**
 * Lemmas that put what follows in the future. Auxiliaries: "will"/"'ll"/"won't" and "shall", and
 * "would" (a plan reported in the past: "said they would meet on Friday"). Verbs and adjectives
 * of planning, whose date is when the plan is to happen: expect, plan, schedule, set and slate
 * ("set for Friday"), due, intend, aim, arrange, prepare, propose, hope, promise, pledge, vow. A
 * planning verb points forward only as the frame of what is planned: before "to" or "for" ("plans
 * to meet", "scheduled for"), passive ("is expected"), or "due"; "pledged on Wednesday" is the
 * day of the pledge.
 */
const FUTURE_AUX = new Set(['will', 'shall', 'would']);
const PLANNING = new Set(['expect', 'plan', 'schedule', 'set', 'slate', 'due', 'intend', 'aim', 'arrange', 'prepare', 'propose', 'hope', 'promise', 'pledge', 'vow']);
/** Planning participles whose date, right after them, is the planned event's ("expected on Thursday", "scheduled for Friday"). */
const PLANNED_FOR = new Set(['expect', 'schedule', 'due', 'set', 'slate']);

/**
 * Whether the planning word at k frames the verb group's date: passive or "due" ("is expected",
 * "are due"), or, before the verb the date belongs to, "plans to"/"scheduled for".
 */
function planning(toks: readonly Token[], k: number, head: boolean): boolean {
  const t = toks[k]!;
  if (!PLANNING.has(t.lemma)) return false;
  if (t.lemma === 'due' && t.pos === 'ADJ') return true;
  const prev = toks[k - 1];
  if (prev && prev.pos === 'AUX' && prev.lemma === 'be') return true;
  if (head) return false;
  const next = toks[k + 1]?.norm;
  return next === 'to' || next === 'for';
}

const CLAUSE_END = /^[.;:!?]$/;

export type Direction = 'past' | 'future';

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** Past or future from the verb group ending at token `v` (a verb), undefined when it does not say. */
function groupDirection(toks: readonly Token[], v: number): Direction | undefined {
  let past = false;
  // The verb, then back over auxiliaries, "to", negations and adverbs ("will not meet", "is expected to meet").
  for (let k = v; k >= 0 && v - k < 7; k--) {
    const t = toks[k]!;
    if (k < v && !(isVerb(t) || t.pos === 'PART' || t.pos === 'ADV' || (t.pos === 'ADJ' && t.lemma === 'due'))) {
      // a question puts the auxiliary before its subject: "Will he be back in two days?"
      for (let q = k; q >= 0 && k - q < 4; q--) {
        const x = toks[q]!;
        if (x.pos === 'AUX' && FUTURE_AUX.has(x.lemma) && (q === 0 || toks[q - 1]!.kind === 'punct')) return 'future';
        if (!(x.pos === 'PRON' || x.pos === 'PROPN' || x.pos === 'NOUN' || x.pos === 'DET' || x.pos === 'AUX')) break;
      }
      break;
    }
    const lemma = t.lemma;
    if (FUTURE_AUX.has(lemma) || (t.pos === 'AUX' && (t.norm === "'ll" || t.norm === 'wo'))) return 'future';
    if (planning(toks, k, k === v)) return 'future';
    // "going to meet"
    if (t.norm === 'going' && toks[k + 1]?.norm === 'to') return 'future';
    if (isVerb(t) && k === v && t.norm !== lemma && !t.norm.endsWith('ing') && !t.norm.endsWith('s')) past = true;
    if (t.pos === 'AUX' && /^(was|were|did|had)$/.test(t.norm)) past = true;
  }
  return past ? 'past' : undefined;
}

/**
 * The direction of a date at tokens [i, j) of a sentence: from the verb before it in its clause,
 * else the verb after it. Undefined when no verb says (a headline, a list).
 */
export function dateDirection(toks: readonly Token[], i: number, j: number): Direction | undefined {
  // A planning participle just before the date ("due on Friday", "expected on Thursday", "set for next week").
  for (let k = i - 1; k >= 0 && i - k <= 2; k--) {
    const t = toks[k]!;
    if (t.kind === 'punct') break;
    if (PLANNED_FOR.has(t.lemma) && (t.pos === 'ADJ' || t.pos === 'VERB') && (k === i - 1 || toks[k + 1]!.pos === 'ADP')) return 'future';
  }
  // The verb before the date in its clause decides, even when it does not say.
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (t.kind === 'punct' && CLAUSE_END.test(t.norm)) break;
    if (t.pos === 'VERB' || (t.pos === 'AUX' && !isVerb(toks[k + 1] ?? t))) return groupDirection(toks, k);
  }
  for (let k = j; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct' && CLAUSE_END.test(t.norm)) break;
    if (isVerb(t)) {
      // the date belongs to the first verb after it: run on over auxiliaries to it ("will not meet"),
      // not on to a verb it governs ("pledged to convert")
      let m = k;
      while (toks[m]!.pos === 'AUX' && m + 1 < toks.length && (isVerb(toks[m + 1]!) || toks[m + 1]!.pos === 'PART' || toks[m + 1]!.pos === 'ADV')) m++;
      return groupDirection(toks, m);
    }
  }
  return undefined;
}
