/**
 * Statements without figures that a source rules out: the draft says the
 * opposite of a closely matching source sentence (negation), generalises what
 * a source says of some ("every member" against "several members"), claims a
 * first where a source says it happened before, or names a place no source has
 * where the matching source names another.
 */
import { findMentions, type Mention } from '../entities';
import { lookupPlace } from '../entities/gazetteer';
import { coverage, coverageOf, prepareDraft } from '../citations/support';
import { NEGATIONS, PARTIAL, UNIVERSAL } from '../claims/lexicon';
import { quotedRegions } from '../claims';
import words from '../claims/data/words.json';
import { evidenceOf, outletName, type SentRec } from '../store';
import { draftText } from '../text/plain';
import { stem, wordTokens as tokenize, type Token } from '../nlp';
import { STOPWORDS } from '../text/stopwords';
import type { Diagnostic } from '../types';
import { idfOf, tokensOf, writtenInCandidates, type Candidate, type SentenceContext } from './context';
import { finding } from './finding';
import { inScope } from './story';
import { quoteOccursIn } from '../quotes';

function isNeg(t: Token): boolean {
  return NEGATIONS.has(t.norm) || t.norm.endsWith("n't");
}

function contentStems(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !STOPWORDS.has(t.norm) && !isNeg(t)).map((t) => stem(t.norm));
}

/** Content stems in the few words after each negation cue, up to the end of its clause. */
function negatedScope(tokens: readonly Token[], text: string): { stems: string[]; from: number; to: number }[] {
  const out: { stems: string[]; from: number; to: number }[] = [];
  tokens.forEach((t, i) => {
    if (!isNeg(t)) return;
    let to = i + 1;
    while (to < Math.min(tokens.length, i + 6)) {
      const gap = text.slice(tokens[to - 1]!.end, tokens[to]!.start);
      if (/[,;:.!?()\u2014\u2013]|\s-\s/.test(gap) || /^(and|but|while|whereas|although|though)$/.test(tokens[to]!.norm)) break;
      to++;
    }
    const scope = tokens.slice(i + 1, to).filter((x) => !STOPWORDS.has(x.norm) && !isNeg(x));
    out.push({ stems: scope.map((x) => stem(x.norm)), from: i, to });
  });
  return out;
}

/** Share of a negated clause's content words a source must have to tell that clause (one in three). */
const CLAUSE_SHARE = 3;

/**
 * Content stems of the independent clause (between semicolons) token `at` is in, or undefined
 * when the sentence is one such clause.
 */
function ownClause(tokens: readonly Token[], text: string, at: number): string[] | undefined {
  const breaks: number[] = [];
  for (let i = 1; i < tokens.length; i++) if (text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes(';')) breaks.push(i);
  if (breaks.length === 0) return undefined;
  let from = 0;
  let to = tokens.length;
  for (const b of breaks) {
    if (b <= at) from = b;
    else {
      to = b;
      break;
    }
  }
  return contentStems(tokens.slice(from, to));
}

function hasAny(rec: SentRec, stems: string[]): number {
  let n = 0;
  for (const s of stems) if (rec.termSet.has(s)) n++;
  return n;
}

function sentenceRange(ctx: SentenceContext) {
  const text = ctx.sentence.text.replace(/[.!?\s]+$/, '');
  return ctx.lines.range(ctx.sentence.start, ctx.sentence.start + text.length);
}

/** The draft reports a belief or claim rather than asserting it ("a common belief that …"). */
const REPORTED = /\b(belief|believed|believes|myth|misconception|rumou?rs?|rumou?red|alleged|allegedly|claims? that|claimed that|reportedly)\b/i;

/** Words that make a negation time something rather than deny it. */
const TIMING_WORDS = new Set(['since', 'until', 'before']);

/**
 * The time a negation runs into ("since 2014" in "no appearances since 2014", "until May" in
 * "did not meet until May"), or undefined when it denies something outright.
 */
function timeOfNegation(tokens: readonly Token[], s: { from: number; to: number }): string | undefined {
  for (let k = s.from; k < Math.min(tokens.length, s.to + 3); k++) {
    if (!TIMING_WORDS.has(tokens[k]!.norm)) continue;
    const words: string[] = [tokens[k]!.norm];
    // The time itself: the figures and capitalised words (months, days, names of events) after it.
    for (let j = k + 1; j < tokens.length && j <= k + 3 && (tokens[j]!.kind === 'number' || tokens[j]!.cap); j++) words.push(tokens[j]!.norm);
    return words.join(' ');
  }
  return undefined;
}

/**
 * The candidate source sentences of the draft's story, best first: only they can say the
 * opposite of a draft sentence, or that it names the wrong place (see ./story: a sentence of
 * another story with the same words tells of another event).
 */
function scopedCandidates(ctx: SentenceContext): Candidate[] {
  return ctx.candidates.filter((c) => inScope(ctx.scope, c.rec.doc));
}

function polarity(ctx: SentenceContext, tokens: readonly Token[]): Diagnostic | undefined {
  if (REPORTED.test(ctx.sentence.text)) return undefined;
  // A sentence that quotes someone at length says what they said: whether the quoted words
  // are theirs is the quote check's business, and their "not" is not the writer's.
  if (quotedRegions(ctx.sentence.text).some(([a, b]) => ctx.sentence.text.slice(a, b).trim().split(/\s+/).length >= 3)) return undefined;
  // A negation that times something ("did not meet until May", "no talks since 2022" say when
  // meetings happened) is left to the figure checks, which judge that date.
  const draftScopes: ReturnType<typeof negatedScope> = [];
  const draftTimes = new Set<string>();
  for (const s of negatedScope(tokens, ctx.sentence.text)) {
    const time = timeOfNegation(tokens, s);
    if (time === undefined) draftScopes.push(s);
    else draftTimes.add(time);
  }
  const draftNeg = draftScopes.length > 0;
  const strong = scopedCandidates(ctx).filter((c) => c.cov.score >= 0.5 && c.cov.matched >= 3).slice(0, 6);
  for (const c of strong) {
    const srcNeg = c.rec.negations > 0;
    if (srcNeg === draftNeg) continue;
    const srcTokens = tokensOf(ctx, c.rec);
    if (draftNeg) {
      // The negated words must be what the source talks about.
      const scope = draftScopes.find((s) => s.stems.length > 0 && hasAny(c.rec, s.stems) > 0);
      if (!scope) continue;
      // A sentence of independent clauses ("…; two weeks later, a hearing found no breach"):
      // the source must tell the clause the negation is in, not only another of them.
      const own = ownClause(tokens, ctx.sentence.text, scope.from);
      if (own && hasAny(c.rec, own) * CLAUSE_SHARE < own.length) continue;
      // Another close source with the same negation agrees with the draft.
      if (strong.some((o) => o !== c && o.rec.negations > 0 && hasAny(o.rec, scope.stems) > 0)) return undefined;
      const end = tokens[Math.min(scope.to, tokens.length) - 1]!;
      const stop = ctx.sentence.text.slice(tokens[scope.from]!.start, end.end).search(/[,;:.]/);
      const endOff = stop > 0 ? tokens[scope.from]!.start + stop : end.end;
      const range = ctx.lines.range(ctx.sentence.start + tokens[scope.from]!.start, ctx.sentence.start + endOff);
      return finding(ctx, 'contradiction', range, `${outletName(ctx.corpus.store.docs[c.rec.doc]!)} says otherwise: “${c.rec.sent.text}”`, [evidenceOf(ctx.corpus.store, c.rec, undefined, 'contradicts')], [], ctx.sentence.text.slice(tokens[scope.from]!.start, endOff));
    }
    // A source negation timed as the draft's own is ("had not made public appearances since
    // 2014" against "had made no public appearances since 2014") says what the draft says.
    // Timed otherwise ("since 2019"), the two disagree.
    const srcScopes = negatedScope(srcTokens, c.rec.sent.text).filter((s) => !draftTimes.has(timeOfNegation(srcTokens, s) ?? ''));
    const draftStems = new Set(contentStems(tokens));
    const scope = srcScopes.find((s) => s.stems.filter((x) => draftStems.has(x)).length >= Math.min(2, s.stems.length) && s.stems.length > 0);
    if (!scope) continue;
    // A draft that quotes the source's own negated words does not say the opposite of them.
    const negated = c.rec.sent.text.slice(srcTokens[scope.from]!.start, srcTokens[Math.min(scope.to, srcTokens.length) - 1]!.end);
    if ((ctx.quotes?.found ?? []).some((q) => quoteOccursIn(q.text, c.rec.sent.text) && quoteOccursIn(negated, q.text))) continue;
    if (strong.some((o) => o !== c && o.rec.negations === 0 && o.cov.score >= c.cov.score * 0.95 && hasAny(o.rec, scope.stems) >= 2)) continue;
    // Underline the draft words the source does not have: where the two part ways.
    const differing = tokens.filter((t) => !STOPWORDS.has(t.norm) && !c.rec.termSet.has(stem(t.norm)));
    const range = differing.length
      ? ctx.lines.range(ctx.sentence.start + differing[0]!.start, ctx.sentence.start + differing[differing.length - 1]!.end)
      : sentenceRange(ctx);
    return finding(ctx, 'contradiction', range, `${outletName(ctx.corpus.store.docs[c.rec.doc]!)} says the opposite: “${c.rec.sent.text}”`, [evidenceOf(ctx.corpus.store, c.rec, undefined, 'contradicts')], [], undefined);
  }
  return undefined;
}

function generalisation(ctx: SentenceContext, tokens: readonly Token[]): Diagnostic | undefined {
  const uni = tokens.findIndex((t) => UNIVERSAL.has(t.norm) && t.norm !== 'each');
  if (uni < 0) return undefined;
  const noun = tokens.slice(uni + 1, uni + 4).find((t) => !STOPWORDS.has(t.norm));
  if (!noun) return undefined;
  const nounStem = stem(noun.norm);
  for (const c of scopedCandidates(ctx).slice(0, 6)) {
    if (c.cov.score < 0.35) break;
    const st = tokensOf(ctx, c.rec);
    const i = st.findIndex((t, k) => PARTIAL.has(t.norm) && st.slice(k + 1, k + 3).some((x) => stem(x.norm) === nounStem));
    if (i < 0) continue;
    const theirNoun = st.slice(i + 1, i + 3).find((x) => stem(x.norm) === nounStem) ?? noun;
    return finding(
      ctx,
      'contradiction',
      sentenceRange(ctx),
      `${outletName(ctx.corpus.store.docs[c.rec.doc]!)} says “${st[i]!.text} ${theirNoun.text}”, not “${tokens[uni]!.text} ${noun.text}”: “${c.rec.sent.text}”`,
      [evidenceOf(ctx.corpus.store, c.rec, undefined, 'contradicts')],
      [],
      tokens[uni]!.text,
    );
  }
  return undefined;
}

/** An edit deleting a phrase with the comma or space that goes with it, so no stray space is left. */
function removePhrase(ctx: SentenceContext, start: number, end: number) {
  const t = ctx.sentence.text;
  let a = start;
  let b = end;
  if (t[b] === ',') b++;
  if (a === 0) {
    while (t[b] === ' ') b++;
  } else {
    while (a > 0 && t[a - 1] === ' ') a--;
  }
  return { range: ctx.lines.range(ctx.sentence.start + a, ctx.sentence.start + b), newText: '' };
}

/** Phrases that say something happened before (../claims/data/words.json, each with its reason). */
const REPEAT = new RegExp(`\\b(${Object.keys(words.repetition.words).join('|')})\\b`, 'i');

function firstTime(ctx: SentenceContext, tokens: readonly Token[]): Diagnostic | undefined {
  const m = /\b(for the first time|first[- ]ever|never before)\b/i.exec(ctx.sentence.text);
  if (!m) return undefined;
  const after = ctx.sentence.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (/^\s*(since|in)\b/i.test(after)) return undefined;
  const names = findMentions(ctx.sentence.text).filter((x) => x.kind !== 'place' && !x.demonym);
  const ids = new Set(names.map((n) => ctx.corpus.resolve(n.text)?.id).filter((x): x is number => x !== undefined));
  if (ids.size === 0) return undefined;
  const idf = idfOf(ctx.corpus);
  const view = { stems: ctx.terms.stems, terms: ctx.termSet, classOf: ctx.terms.classOf };
  for (const c of scopedCandidates(ctx)) {
    if (!c.rec.mentions.some((x) => ids.has(x.entity))) continue;
    const r = REPEAT.exec(c.rec.sent.text);
    if (!r) continue;
    // "As in 2022, it is led by …": read the sentence with the one before it, which "it" points back to.
    const prev = ctx.corpus.store.sents[c.rec.id - 1];
    const both = prev && prev.alive && prev.doc === c.rec.doc && prev.sent.paragraph === c.rec.sent.paragraph ? [prev, c.rec] : [c.rec];
    const stems = both.flatMap((x) => x.terms.stems);
    const terms = new Set(both.flatMap((x) => [...x.termSet]));
    if (coverage(view, { stems, terms }, idf).score < 0.3) continue;
    const range = ctx.lines.range(ctx.sentence.start + m.index, ctx.sentence.start + m.index + m[0].length);
    return finding(ctx, 'contradiction', range, `${outletName(ctx.corpus.store.docs[c.rec.doc]!)} says this happened before (“${r[0]}”): “${c.rec.sent.text}”`, [evidenceOf(ctx.corpus.store, c.rec, r[0], 'contradicts')], [
      { title: 'Remove “' + m[0] + '”', edits: [removePhrase(ctx, m.index, m.index + m[0].length)] },
    ], m[0]);
  }
  void tokens;
  return undefined;
}

function placesOf(ctx: SentenceContext, rec: SentRec): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const m of rec.mentions) {
    const e = ctx.corpus.registry.get(m.entity);
    if (e && e.kind === 'place') out.push({ name: e.name, text: rec.sent.text.slice(m.start, m.end) });
  }
  return out;
}

/** "city", "country" or undefined: what kind of place a mention is, from the gazetteer or the words before it. */
function placeType(sentence: string, m: { text: string; start: number }): string | undefined {
  const info = lookupPlace(m.text);
  if (info) return info.type;
  const before = sentence.slice(Math.max(0, m.start - 24), m.start).toLowerCase();
  const cue = /\b(city|town|port|capital|village|resort) of\s*$/.exec(before);
  if (cue) return 'city';
  if (/\b(country|nation|state|kingdom|republic) of\s*$/.test(before)) return 'country';
  return undefined;
}

function wrongPlace(ctx: SentenceContext, mentions: Mention[]): Diagnostic | undefined {
  // A place no source knows as a place, unless a source writes its name within another
  // ("the Sunshine Coast Rugby Union" names the Sunshine Coast).
  const unknown = mentions.filter((m) => m.kind === 'place' && !m.demonym && !ctx.corpus.resolve(m.text) && !writtenInCandidates(ctx, m.text));
  if (unknown.length === 0) return undefined;
  const known = new Set(mentions.map((m) => ctx.corpus.resolve(m.text)?.id).filter((x) => x !== undefined));
  // How well the rest of the sentence matches, leaving out the names no source knows.
  const ignore = new Set<string>();
  for (const m of mentions) if (!ctx.corpus.resolve(m.text)) for (const t of tokenize(m.text)) ignore.add(stem(t.norm));
  const p = unknown[0]!;
  const wantType = placeType(ctx.sentence.text, p);
  if (wantType === 'city') for (const w of ['city', 'town', 'port', 'capital']) ignore.add(stem(w));
  const idf = idfOf(ctx.corpus);
  const view = { stems: ctx.terms.stems, terms: ctx.termSet, classOf: ctx.terms.classOf };
  const draft = prepareDraft(view, idf, ignore);
  const rescored = scopedCandidates(ctx)
    .map((c) => ({ c, cov: coverageOf(draft, { stems: c.rec.terms.stems, terms: c.rec.termSet }) }))
    .filter((x) => x.cov.score >= 0.6 && x.cov.matched >= 2)
    .sort((a, b) => b.cov.score - a.cov.score)
    .slice(0, 5);
  const sents = ctx.corpus.store.sents;
  for (const { c } of rescored) {
    const top: Candidate = c;
    const prev = sents[top.rec.id - 1];
    const pool = [top.rec, ...(prev && prev.alive && prev.doc === top.rec.doc && prev.sent.paragraph === top.rec.sent.paragraph ? [prev] : [])];
    for (const rec of pool) {
    const places = placesOf(ctx, rec).filter((pl) => {
      const id = ctx.corpus.registry.resolve(pl.text)?.id;
      if (id !== undefined && known.has(id)) return false;
      return !wantType || lookupPlace(pl.name)?.type === wantType || lookupPlace(pl.text)?.type === wantType;
    });
    if (places.length === 0) continue;
    const range = ctx.lines.range(ctx.sentence.start + p.start, ctx.sentence.start + p.end);
    const sourced = places[0]!;
    return finding(
      ctx,
      'contradiction',
      range,
      `No source mentions ${p.text}; ${outletName(ctx.corpus.store.docs[rec.doc]!)} names ${sourced.name}: “${rec.sent.text}”`,
      [evidenceOf(ctx.corpus.store, rec, sourced.name, 'contradicts')],
      [{ title: `Use the sourced place: ${sourced.text}`, edits: [{ range, newText: draftText(sourced.text) }], preferred: true }],
      p.text,
    );
    }
  }
  return undefined;
}

export function checkStatements(ctx: SentenceContext): Diagnostic[] {
  const tokens = tokensOf(ctx);
  let mentions: Mention[] = [];
  try {
    mentions = findMentions(ctx.sentence.text);
  } catch {
    /* no names */
  }
  const out: Diagnostic[] = [];
  const d = wrongPlace(ctx, mentions) ?? firstTime(ctx, tokens) ?? generalisation(ctx, tokens) ?? polarity(ctx, tokens);
  if (d) out.push(d);
  return out;
}
