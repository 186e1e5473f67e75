/** Quotes: words in quotation marks must be in a source, and said by the person the draft names. */
import { closestQuote, findQuotes, quoteMatcher, type QuoteMention } from '../quotes';
import { termsOf, type Terms } from '../citations/retrieval';
import { evidenceName, evidenceOf, type SentRec, type SourceQuote } from '../store';
import { foldForMatch, hasWholeWords } from '../text/fold';
import { draftText } from '../text/plain';
import type { Diagnostic, Evidence } from '../types';
import { nearest, type Candidate, type SentenceContext } from './context';
import { finding } from './finding';
import { countryOf, demonymCountry } from '../entities/gazetteer';
import { normalizeTitleWord } from '../entities/titles';

interface Occurrence {
  rec: SentRec;
  speakers: SourceQuote[];
}

/** Source text of a sentence with its neighbours in the same document. */

/** A pronoun as a source writes it when it was not resolved to a name ("he said"). */
const BARE_PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
function windowOf(ctx: SentenceContext, rec: SentRec): { text: string; recs: SentRec[] } {
  const sents = ctx.corpus.store.sents;
  const recs = [sents[rec.id - 1], rec, sents[rec.id + 1]].filter(
    (r): r is SentRec => !!r && r.alive && r.doc === rec.doc,
  );
  const doc = ctx.corpus.store.docs[rec.doc]!;
  return { text: doc.text.slice(recs[0]!.sent.start, recs[recs.length - 1]!.sent.end), recs };
}

/** Balance of quotation marks in a text: > 0 when a quote is left open. */
function openQuotes(text: string): number {
  let open = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '\u201C') open++;
    else if (ch === '\u201D') open--;
    else if (ch === '"') straight++;
  }
  return open + (straight % 2);
}

/**
 * A sentence inside a quotation that began in an earlier sentence of the same
 * paragraph ("…conclusion. Türkiye is indeed crucial here.\"") has that quotation's speaker.
 */
function continuedSpeaker(ctx: SentenceContext, rec: SentRec): SourceQuote[] {
  const sents = ctx.corpus.store.sents;
  let depth = 0;
  for (let k = 1; k <= 4; k++) {
    const prev = sents[rec.id - k];
    if (!prev || !prev.alive || prev.doc !== rec.doc || prev.sent.paragraph !== rec.sent.paragraph) break;
    depth += openQuotes(prev.sent.text);
    if (depth <= 0) continue;
    const named = prev.quotes.filter((q) => q.speakerKind !== 'unknown');
    if (named.length > 0) return [named[named.length - 1]!];
    // The quotation opens here and closes in a later sentence: read its attribution as if it closed.
    const closer = prev.sent.text.includes('\u201C') ? '\u201D' : '"';
    let found: QuoteMention[] = [];
    try {
      found = findQuotes(prev.sent.text + closer).filter((q) => q.speaker && q.speakerKind !== 'unknown' && q.speakerKind !== 'pronoun');
    } catch {
      found = [];
    }
    const last = found[found.length - 1];
    if (last) {
      const ent = last.speakerKind === 'named' ? ctx.corpus.registry.resolve(last.speaker!) : undefined;
      return [{ text: last.text, start: last.start, end: last.end, speaker: ent?.id, speakerText: last.speaker, speakerKind: last.speakerKind }];
    }
    return [];
  }
  return [];
}

/** How many source sentences are searched for a quotation's words. */
export const QUOTE_CANDIDATES = 40;

/**
 * A draft sentence's quotations (none when it cannot be read); `previous`: the sentences before
 * it (`inParagraph` of them in its paragraph), `next`: those after it in its paragraph.
 */
export function quotesIn(sentence: string, previous: string[], around: { inParagraph?: number; next?: string[] } = {}): QuoteMention[] {
  try {
    return findQuotes(sentence, { previous, inParagraph: around.inParagraph, next: around.next });
  } catch {
    return [];
  }
}

/** The search terms of a quotation's words, or undefined when it is too short to look for. */
export function quoteTerms(q: QuoteMention): Terms | undefined {
  const words = q.text.trim();
  if (words.length < 2) return undefined;
  const terms = termsOf(words);
  return terms.stems.length === 0 ? undefined : terms;
}

/** Where a quotation's words occur in the sources; `near`: the source sentences nearest them. */
function occurrences(ctx: SentenceContext, quote: string, near: Candidate[]): Occurrence[] {
  const out: Occurrence[] = [];
  const seen = new Set<number>();
  const occursIn = quoteMatcher(quote);
  for (const c of near) {
    if (seen.has(c.rec.id)) continue;
    const w = windowOf(ctx, c.rec);
    const hit = occursIn(w.text);
    if (!hit) continue;
    // Which sentence of the window holds the hit, and who said it there.
    const doc = ctx.corpus.store.docs[c.rec.doc]!;
    const base = w.recs[0]!.sent.start;
    const at = base + hit.start;
    const holder = w.recs.find((r) => at >= r.sent.start && at < r.sent.end) ?? c.rec;
    if (seen.has(holder.id)) continue;
    seen.add(holder.id);
    const rel = at - holder.sent.start;
    let speakers = holder.quotes.filter((q) => rel >= q.start - 1 && rel <= q.end && q.speakerKind !== 'unknown');
    if (speakers.length === 0) speakers = holder.quotes.filter((q) => q.speakerKind !== 'unknown');
    if (speakers.length === 0) speakers = continuedSpeaker(ctx, holder);
    void doc;
    out.push({ rec: holder, speakers });
  }
  return out;
}

/**
 * The one person the sources give a title a draft names a speaker by ("the Kremlin spokesman
 * said"), or undefined when none or several hold it. A title the sources place (in a country
 * or a body) must be placed the same way in the draft's words.
 */
function holderOfTitle(ctx: SentenceContext, description: string): number | undefined {
  const countries = new Set<string>();
  for (const w of description.split(/[^\p{L}'’-]+/u)) {
    const c = demonymCountry(w) ?? countryOf(w.replace(/['’]s$/, ''));
    if (c) countries.add(c);
  }
  // The title's words as the sources' titles are normalised ("spokesman" → "spokesperson").
  const titled = description
    .split(/\s+/)
    .map((w) => normalizeTitleWord(w.replace(/[,.;:]+$/, '')))
    .join(' ');
  const holders = new Set<number>();
  for (const r of ctx.corpus.store.roles) {
    // (A substring test first: an archive has thousands of titles, and this runs per quotation.)
    if (r.former || r.occupation || r.then || !titled.includes(r.norm) || !hasWholeWords(titled, r.norm)) continue;
    if (r.org && !hasWholeWords(description, r.org)) continue;
    if (r.country && !countries.has(r.country)) continue;
    const ent = ctx.corpus.registry.get(r.entity);
    if (!ent || ent.kind === 'place' || ent.kind === 'organization') continue;
    holders.add(ent.id);
    if (holders.size > 1) return undefined;
  }
  return holders.size === 1 ? [...holders][0] : undefined;
}

function sameSpeaker(ctx: SentenceContext, draftSpeaker: string, draftEntity: number | undefined, s: SourceQuote): boolean {
  if (s.speakerKind === 'unknown' || (!s.speakerText && s.speaker === undefined)) return true;
  if (draftEntity !== undefined && s.speaker !== undefined) return draftEntity === s.speaker;
  const a = foldForMatch(draftSpeaker);
  const b = foldForMatch(s.speakerText ?? '');
  if (!b) return true;
  return a.includes(b) || b.includes(a);
}

/** Whether a draft sentence names a source quote's speaker or gives them one of their sourced titles. */
function describedOrNamed(ctx: SentenceContext, sentence: string, s: SourceQuote): boolean {
  if (s.speaker === undefined) {
    // A speaker the sources name without an entry of their own: their name's last two words.
    const name = (s.speakerText ?? '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).slice(-2).join(' ');
    return name.length > 0 && hasWholeWords(sentence, name);
  }
  const ent = ctx.corpus.registry.get(s.speaker);
  if (!ent || ent.kind !== 'person') return false;
  if (hasWholeWords(sentence, ent.name) || (ent.surname && hasWholeWords(sentence, ent.surname))) return true;
  return ctx.corpus.rolesOf(ent.id).some((r) => !r.former && !r.occupation && hasWholeWords(sentence, r.norm));
}

/** Words that start a descriptor ("A Ukrainian official") and are lower-case inside a sentence; names and demonyms keep their capital. */
const DESCRIPTOR_OPENERS = new Set(['a', 'an', 'the', 'one', 'two', 'three', 'some', 'several', 'another', 'many', 'senior', 'officials', 'sources', 'source', 'diplomats', 'members', 'his', 'her', 'their', 'its']);

/** A descriptor as it reads inside a sentence: "a Ukrainian official", but "Ukrainian officials". */
function midSentence(descriptor: string): string {
  const d = descriptor.trim();
  const first = /^[\p{L}’']+/u.exec(d)?.[0] ?? '';
  return DESCRIPTOR_OPENERS.has(first.toLowerCase()) ? first.toLowerCase() + d.slice(first.length) : d;
}

/**
 * The source's words as the draft sets them: a quotation the draft runs into its own sentence
 * ("saying that “nothing will move…”") keeps its lower-case first letter unless that word is a name.
 */
function inDraftCase(ctx: SentenceContext, draftWords: string, sourceWords: string): string {
  const d = /\p{L}/u.exec(draftWords)?.[0];
  const m = /^(\P{L}*)(\p{L}[\p{L}’']*)/u.exec(sourceWords);
  if (!d || !m || d !== d.toLowerCase() || d === d.toUpperCase()) return sourceWords;
  const word = m[2]!;
  if (word[0] === word[0]!.toLowerCase() || /^I(?:$|[’'])/.test(word)) return sourceWords;
  const bare = word.replace(/[’']s$/, '');
  if (ctx.corpus.resolve(bare)) return sourceWords;
  return m[1]! + word[0]!.toLowerCase() + sourceWords.slice(m[1]!.length + 1);
}

function quoteWordsRange(ctx: SentenceContext, q: QuoteMention) {
  return ctx.lines.range(ctx.sentence.start + q.start, ctx.sentence.start + q.end);
}

/** `ctx.quotes`: the sentence's quotations as read in its paragraph, and the searches for their words (else read here, without the paragraph). */
export function checkQuotes(ctx: SentenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const quotes = ctx.quotes?.found ?? quotesIn(ctx.sentence.text, []);
  for (const [n, q] of quotes.entries()) {
    const words = q.text.trim();
    if (words.length < 2) continue;
    const terms = quoteTerms(q);
    const occ = terms ? occurrences(ctx, words, ctx.quotes?.near(n) ?? nearest(ctx.corpus, terms, QUOTE_CANDIDATES)) : [];
    if (occ.length === 0) {
      const near = nearest(ctx.corpus, terms ?? termsOf(words), 10).slice(0, 5);
      const evidence: Evidence[] = [];
      const fixes = [];
      // Prefer whole quotations from the nearest sentences; fall back to their plain text.
      const pool: { rec: SentRec; text: string }[] = [];
      for (const c of near) for (const sq of c.rec.quotes) if (sq.speakerKind !== 'post') pool.push({ rec: c.rec, text: sq.text });
      let best = pool.length ? closestQuote(words, pool.map((p) => p.text)) : undefined;
      let bestRec = best ? pool[best.index]!.rec : undefined;
      // A whole quotation restores better than the fragment that aligned best.
      if (best) best = { ...best, text: pool[best.index]!.text.trim() };
      if (!best || best.score < 0.5) {
        best = near.length ? closestQuote(words, near.map((c) => c.rec.sent.text)) : undefined;
        bestRec = best ? near[best.index]!.rec : undefined;
      }
      if (best && best.score >= 0.5 && bestRec) {
        const rec = bestRec;
        evidence.push(evidenceOf(ctx.corpus.store, rec, best.text, 'context'));
        const restored = inDraftCase(ctx, words, best.text);
        fixes.push({
          title: `Restore the exact quote: “${restored}”`,
          edits: [{ range: quoteWordsRange(ctx, q), newText: draftText(restored) }],
          preferred: true,
        });
      }
      const closest = best && best.score >= 0.5 ? ` The closest source wording is “${best.text}” (${evidenceName(evidence[0]!)}).` : '';
      out.push(
        finding(ctx, 'quote-not-in-sources', quoteWordsRange(ctx, q), `No source has the quoted words “${words}”${/[.!?…]$/.test(words) ? '' : '.'}${closest}`, evidence, fixes, words),
      );
      continue;
    }
    if (!q.speaker || q.speakerStart === undefined || q.speakerEnd === undefined) continue;
    // A pronoun that stands for no one named: the draft names no speaker to judge, unless it
    // is a title only one person holds in the sources ("the Kremlin spokesman said").
    const unresolved = q.speakerKind === 'pronoun' && (!q.speaker || q.speaker === q.pronoun);
    const holder = unresolved && q.speaker && /^the\s/i.test(q.speaker) ? holderOfTitle(ctx, q.speaker) : undefined;
    if (unresolved && holder === undefined) continue;
    // A quotation running over sentences is judged once, in the sentence that names its speaker
    // or, when that is an earlier one, in the sentence it opens in.
    if (q.continued && (q.speakerSentence ?? 0) < 0) continue;
    if (q.open && (q.speakerSentence ?? 0) > 0) continue;
    // Where the speaker's words are written: this sentence, or another of the draft.
    const at = (d: number | undefined): number | undefined => (d === undefined || d === 0 ? ctx.sentence.start : ctx.quotes?.sentenceStart?.(d));
    const speakerBase = at(q.speakerSentence);
    if (speakerBase === undefined) continue;
    const draftEntity = holder ?? ctx.corpus.resolve(q.speaker)?.id;
    // A source's "he said" that stands for no one named attributes the words to no one.
    const named = (s: (typeof occ)[number]['speakers'][number]) =>
      s.speakerKind !== 'unknown' && !(s.speakerKind === 'pronoun' && s.speaker === undefined && BARE_PRONOUN.test(s.speakerText ?? '')) && (s.speakerText || s.speaker !== undefined);
    const attributed = occ.filter((o) => o.speakers.some(named));
    if (attributed.length === 0) continue;
    const matchesSomewhere = occ.some(
      (o) => o.speakers.length === 0 || o.speakers.some((s) => sameSpeaker(ctx, q.speaker!, draftEntity, s)),
    );
    if (matchesSomewhere) continue;
    // A draft that calls the speaker by a title the sources give them ("California's attorney
    // general said", "the sheriff of Santa Barbara County described"), or names them beside its
    // description ("A police spokeswoman, Senior Superintendent Yolanda Yu Hoi-kwan, told"),
    // attributes the words rightly.
    const speakerText = q.speakerSentence === undefined || q.speakerSentence === 0 ? ctx.sentence.text : undefined;
    const draftPerson = draftEntity !== undefined && ctx.corpus.registry.get(draftEntity)?.kind === 'person';
    if ((q.speakerKind === 'descriptor' || !draftPerson) && speakerText && occ.some((o) => o.speakers.some((s) => describedOrNamed(ctx, speakerText, s)))) continue;
    const src = attributed[0]!.speakers.find(named)!;
    const srcName = src.speaker !== undefined ? ctx.corpus.registry.get(src.speaker)?.name : undefined;
    const who = srcName ?? (src.speakerText ? midSentence(src.speakerText) : 'someone else');
    const evidence = attributed.map((o) => {
      const s = o.speakers[0];
      const by = s?.speakerText ? (s.speakerKind === 'descriptor' ? midSentence(s.speakerText) : s.speakerText) : who;
      return evidenceOf(ctx.corpus.store, o.rec, `said by ${by}`, 'contradicts');
    });
    // The words naming the speaker, which a fix replaces: the name, or the pronoun standing for it.
    const speakerRange = ctx.lines.range(speakerBase + q.speakerStart, speakerBase + q.speakerEnd);
    const draftWritten = ctx.text.slice(speakerBase + q.speakerStart, speakerBase + q.speakerEnd);
    // What is wrong is the name: for "he said" after "Dmitry Peskov struck a note.", "Dmitry Peskov".
    const ante = q.speakerKind === 'pronoun' ? q.antecedent : undefined;
    const anteBase = ante ? at(ante.sentence + (q.speakerSentence ?? 0)) : undefined;
    const range = ante && anteBase !== undefined ? ctx.lines.range(anteBase + ante.start, anteBase + ante.end) : speakerRange;
    const fixes = [];
    const pronoun = q.speakerKind === 'pronoun';
    if (srcName && src.speakerKind !== 'descriptor') {
      const short = !pronoun && draftWritten.trim().split(/\s+/).length === 1 ? srcName.split(/\s+/).pop()! : srcName;
      fixes.push({ title: `Attribute the quote to ${short}`, edits: [{ range: speakerRange, newText: draftText(short) }], preferred: true });
    } else if (src.speakerKind === 'descriptor' && src.speakerText) {
      // "A Ukrainian official": lower-case inside a sentence, capitalised at its start.
      const d = midSentence(src.speakerText.trim());
      const startsSentence = !/\S/.test(ctx.text.slice(speakerBase, speakerBase + q.speakerStart));
      const text = startsSentence ? d[0]!.toUpperCase() + d.slice(1) : d;
      fixes.push({ title: `Attribute the quote to ${d}`, edits: [{ range: speakerRange, newText: draftText(text) }], preferred: true });
    }
    out.push(
      finding(
        ctx,
        'quote-misattributed',
        range,
        holder !== undefined
          ? `The sources attribute “${words}” to ${who}, not ${midSentence(q.speaker)}: they give that title to ${ctx.corpus.registry.get(holder)?.name ?? 'someone else'}.`
          : `The sources attribute “${words}” to ${who}, not ${q.speaker}.`,
        evidence,
        fixes,
        q.speaker,
      ),
    );
  }
  return out;
}
