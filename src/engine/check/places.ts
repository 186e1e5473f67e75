/**
 * Where something happened: a draft sentence that puts an event in one place ("Zelenskyy met
 * Erdoğan in Istanbul") against sources that tell of the same event, with the same people, in
 * another ("He met with President Erdoğan in Ankara").
 *
 * A place claim is a city or country the gazetteer knows, written after "in" or "at", with the
 * event it locates: the nearest verb or event noun before it in its clause. Precision first,
 * so a place is ruled out only when all of this holds:
 * - a source sentence of the story tells of the same thing: it has a good share of the draft
 *   sentence's words (`TELLS_OF`) and a person or body the draft's sentence names, if it names any;
 * - it puts an event of the same kind (`SAME_EVENT`) in another place of the same type (a city
 *   for a city, a country for a country: Istanbul is in Turkey, so the two never clash);
 * - no source sentence that tells of it names the draft's place as a place (a capital standing
 *   for its government, "Moscow's conditions", places nothing), and the sources that place it
 *   agree on one place.
 */
import { lemmaOf, similarity } from '../claims';
import { REPORTING_VERBS } from '../claims/words';
import { categoryOf } from '../concepts';
import { findMentions, type Mention } from '../entities';
import { lookupPlace, type PlaceInfo } from '../entities/gazetteer';
import type { Token } from '../nlp';
import { evidenceOf, outletName, type SentRec } from '../store';
import { foldForMatch, hasWholeWords } from '../text/fold';
import { draftText } from '../text/plain';
import type { Diagnostic } from '../types';
import { figureCandidates, tokensOf, type SentenceContext } from './context';
import { finding } from './finding';

/** A source sentence with this share of the draft sentence's weighted words tells of what it tells. */
const TELLS_OF = 0.3;
/** Two events at least this close in meaning are the same kind of event ("met" and "meeting"). */
const SAME_EVENT = 0.8;
/** Words that put what follows in a place. */
const LOCATIVE = /\b(?:in|at)\s+(?:the\s+)?$/i;

interface PlaceClaim {
  mention: Mention;
  info: PlaceInfo;
  /** The lemma of the event it locates. */
  event: string;
}

/** The event a place at character `at` locates: the nearest verb or event noun before it, within its clause. */
function eventBefore(toks: readonly Token[], at: number): string | undefined {
  let k = toks.length - 1;
  while (k >= 0 && toks[k]!.start >= at) k--;
  for (; k >= 0; k--) {
    const t = toks[k]!;
    if (t.kind === 'punct' && /^[,;:.!?()"“”—–]$/.test(t.norm)) return undefined;
    const lemma = lemmaOf(t);
    if ((t.pos === 'VERB' && !REPORTING_VERBS.has(lemma)) || (t.pos === 'NOUN' && categoryOf(lemma) === 'event')) return lemma;
  }
  return undefined;
}

/** The places a sentence puts events in. */
function placeClaims(text: string, toks: readonly Token[], mentions: readonly Mention[]): PlaceClaim[] {
  const out: PlaceClaim[] = [];
  for (const m of mentions) {
    if (m.kind !== 'place' || m.demonym) continue;
    const info = lookupPlace(m.text);
    if (!info || (info.type !== 'city' && info.type !== 'country')) continue;
    // "in Istanbul", "at the Vatican"; not "Istanbul's", not a place inside a longer name.
    if (!LOCATIVE.test(text.slice(Math.max(0, m.start - 12), m.start)) || m.possessive) continue;
    if (/^[\s]*\p{Lu}/u.test(text.slice(m.end, m.end + 2)) || /^\s*(?:-|’s|'s)/.test(text.slice(m.end))) continue;
    const event = eventBefore(toks, m.start);
    if (event) out.push({ mention: m, info, event });
  }
  return out;
}

/** The people and bodies a sentence names, as entity ids. */
function participants(ctx: SentenceContext, mentions: readonly Mention[]): Set<number> {
  const out = new Set<number>();
  for (const m of mentions) {
    if (m.kind === 'place' || m.demonym) continue;
    const e = ctx.corpus.registry.resolve(m);
    if (e && e.kind !== 'place') out.add(e.id);
  }
  return out;
}

function sharesParticipant(ctx: SentenceContext, rec: SentRec, mine: ReadonlySet<number>): boolean {
  const registry = ctx.corpus.registry;
  return rec.mentions.some((ref) => mine.has(registry.get(ref.entity)?.id ?? ref.entity));
}

/**
 * Whether a sentence names a place as a place: anywhere but as the possessor of something or as
 * the subject of a verb, where a capital stands for its government ("Moscow's conditions",
 * "fear Moscow may be using", "Moscow, on the other hand, aims"): those put nothing there. After
 * a preposition or an article it is a place ("talks in Moscow lasted", "the United Kingdom").
 */
function namesAsPlace(text: string, toks: readonly Token[], name: string): boolean {
  if (!hasWholeWords(text, name)) return false;
  const words = name.split(/\s+/).length;
  const key = foldForMatch(name);
  let seen = false;
  for (let i = 0; i < toks.length; i++) {
    if (foldForMatch(toks.slice(i, i + words).map((t) => t.text).join(' ')) !== key) continue;
    seen = true;
    const next = toks[i + words];
    const prev = toks[i - 1];
    const opens = !prev || prev.kind === 'punct' || prev.pos === 'CCONJ';
    const possessor = next?.norm === "'s" || next?.norm === '’s' || next?.norm === "'";
    const governed = prev !== undefined && (prev.pos === 'ADP' || prev.pos === 'DET');
    const subject = (!governed && (next?.pos === 'VERB' || next?.pos === 'AUX')) || (opens && next?.norm === ',');
    if (!possessor && !subject) return true;
  }
  // Written in a way its tokens do not show, it is taken to be a place (precision first).
  return !seen;
}

export function checkPlaces(ctx: SentenceContext): Diagnostic[] {
  const text = ctx.sentence.text;
  let mentions: Mention[];
  try {
    mentions = findMentions(text);
  } catch {
    return [];
  }
  const claims = placeClaims(text, tokensOf(ctx), mentions);
  if (claims.length === 0) return [];
  const mine = participants(ctx, mentions);
  // Without people or bodies named, the event itself ("the talks in Moscow") is told of by the sentences of the story.
  const telling = figureCandidates(ctx).filter((c) => c.cov.score >= TELLS_OF && (mine.size === 0 || sharesParticipant(ctx, c.rec, mine)));
  if (telling.length === 0) return [];
  // The places each source sentence that tells of it puts events in: read once, when a draft place first needs them.
  let theirs: { rec: SentRec; places: PlaceClaim[] }[] | undefined;
  const out: Diagnostic[] = [];
  for (const p of claims) {
    // A source that tells of it and names the draft's place as a place may well place it there.
    const writes = (c: (typeof telling)[number], name: string) => namesAsPlace(c.rec.sent.text, tokensOf(ctx, c.rec), name);
    if (telling.some((c) => writes(c, p.mention.text) || (p.info.name !== p.mention.text && writes(c, p.info.name)))) continue;
    theirs ??= telling.map((c) => ({ rec: c.rec, places: placeClaims(c.rec.sent.text, tokensOf(ctx, c.rec), findMentions(c.rec.sent.text)) }));
    const found: { rec: SentRec; place: PlaceClaim }[] = [];
    for (const { rec, places } of theirs) {
      for (const q of places) {
        if (q.info.type !== p.info.type || q.info.name === p.info.name) continue;
        if (similarity(p.event, q.event) < SAME_EVENT) continue;
        found.push({ rec, place: q });
      }
    }
    if (found.length === 0) continue;
    const named = new Set(found.map((f) => f.place.info.name));
    if (named.size !== 1) continue;
    const best = found[0]!;
    const written = best.place.mention.text;
    const range = ctx.lines.range(ctx.sentence.start + p.mention.start, ctx.sentence.start + p.mention.end);
    out.push(
      finding(
        ctx,
        'contradiction',
        range,
        `${outletName(ctx.corpus.store.docs[best.rec.doc]!)} places this in ${best.place.info.name}, not ${p.mention.text}: “${best.rec.sent.text}”`,
        found.slice(0, 2).map((f) => evidenceOf(ctx.corpus.store, f.rec, f.place.mention.text, 'contradicts')),
        [{ title: `Use the sourced place: ${written}`, edits: [{ range, newText: draftText(written) }], preferred: true }],
        p.mention.text,
      ),
    );
  }
  return out;
}
