/**
 * Quotations in a sentence and who is said to have spoken them, read from the sentence's
 * words (../entities/words, from the nlp tokens) and names. Verbs of saying are known by
 * lemma (./verbs).
 */
import { findMentions, type Mention } from '../entities/mentions';
import { demonymCountry } from '../entities/gazetteer';
import { findRoles } from '../entities/roles';
import { isOfficeHead } from '../entities/titles';
import { wordIndexAt as tokenIndexAt, wordsOf, type Word } from '../entities/words';
import { STOPWORDS, foldForMatch } from '../text';
import { isFiniteSpeech, isSpeechParticiple, isSpeechVerb, speechVerbAt } from './verbs';

type Tok = Word;

export type SpeakerKind = 'named' | 'descriptor' | 'pronoun' | 'unknown';

export interface QuoteMention {
  /** The quoted words without the marks (trailing comma/semicolon dropped). */
  text: string;
  /** Offsets of the words inside the marks. */
  start: number;
  end: number;
  /** As written ("Zelenskyy", "a Ukrainian source"); for resolved pronouns, the resolved name. */
  speaker?: string;
  speakerStart?: number;
  speakerEnd?: number;
  speakerKind: SpeakerKind;
  /** For resolved pronouns/anaphors: the words as written ("he", "the Turkish leader"). */
  pronoun?: string;
  /** Parts of one quote split by an attribution ("“A,” he said, “B.”") share a group number. */
  group: number;
  /**
   * Where the speaker is written when it is not in this sentence: -n for n sentences back, +n for
   * n sentences ahead (a speaker named after a long quotation, or in "He said." after it);
   * `speakerStart`/`speakerEnd` are offsets in that sentence.
   */
  speakerSentence?: number;
  /** For a pronoun resolved to a name: where the name is written (its sentence: 0 this one, -n back). */
  antecedent?: { sentence: number; start: number; end: number };
  /** The quotation goes on past this sentence (its closing mark is in a later one). */
  open?: boolean;
  /** The quotation began in an earlier sentence (its opening mark is there). */
  continued?: boolean;
}

export interface QuoteContext {
  /** The sentences before this one (oldest first): a pronoun's name may be there. */
  previous?: string[];
  /**
   * How many of the last `previous` sentences are in this sentence's paragraph (default 0): a
   * quotation left open there goes on here, and its speaker is named there.
   */
  inParagraph?: number;
  /** The sentences after this one in its paragraph (the speaker of a quotation may be named there). */
  next?: string[];
  /** A speaker already established for the paragraph, used when a pronoun cannot be resolved. */
  paragraphSpeaker?: string;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'him', 'her', 'them']);
const DETS = new Set([
  'a', 'an', 'the', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'other', 'another',
  'his', 'her', 'their', 'its', 'our', 'both', 'senior', 'unnamed',
]);
const PREPS = new Set(['of', 'with', 'from', 'in', 'at', 'for', 'on']);
const LEADER_HEADS = new Set(['leader', 'president', 'premier', 'chancellor', 'king', 'queen', 'ruler', 'head']);

function low(t: Tok): string {
  return t.norm;
}

interface Span {
  start: number;
  end: number;
}

interface Speaker {
  text: string;
  start: number;
  end: number;
  kind: SpeakerKind;
}

const OPEN_D = '“„‟"';
const CLOSE_D = '”"';

/** Quotation spans: [open mark, close mark] positions. */
interface QuoteSpan {
  /** Opening mark, -1 when the quotation began before this sentence. */
  open: number;
  /** Closing mark, `s.length` when the quotation goes on past this sentence. */
  close: number;
}

/** The first closing double mark of a quotation that began before `s` (before any new opening mark), or -1. */
function firstCloser(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '”') return i;
    // A straight mark after a space and before a word opens a new quotation instead.
    if (c === '"') return /\s/.test(s[i - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(s[i + 1] ?? ' ') ? -1 : i;
    if (c === '“' || c === '„') return -1;
  }
  return -1;
}

/**
 * Whether a double quotation is open after reading `texts` in order, from `open` (a curly
 * opening mark opens one, a closing mark closes it, a straight mark turns it over).
 */
export function quotationOpenAfter(texts: readonly string[], open = false): boolean {
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\u201C' || ch === '\u201E') open = true;
      else if (ch === '\u201D') open = false;
      else if (ch === '"') open = !open;
    }
  }
  return open;
}

/**
 * An opening mark left open at the end of the sentence starts a quotation that goes on in the
 * next: a sentence of the speaker's (at least three words, ending as a sentence does).
 */
function goesOn(s: string, open: number): boolean {
  const rest = s.slice(open + 1).trim();
  return rest.split(/\s+/).length >= 3 && /[.!?…]$/.test(rest);
}

/** Quotation spans of a sentence; `startsOpen`: a quotation left open before it goes on in it. */
function scanQuotes(s: string, startsOpen = false): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let from = 0;
  if (startsOpen) {
    const c = firstCloser(s);
    if (c < 0) {
      // No opening or closing mark before the end: the whole sentence is inside the quotation.
      if (!/[“„]/.test(s)) return [{ open: -1, close: s.length }];
    } else {
      out.push({ open: -1, close: c });
      from = c + 1;
    }
  }
  return scanFrom(s, from, out);
}

function scanFrom(s: string, from: number, out: QuoteSpan[]): QuoteSpan[] {
  let dOpen = -1;
  let sOpen = -1;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    const prev = s[i - 1] ?? ' ';
    const next = s[i + 1] ?? ' ';
    if (c === '"' || c === '“' || c === '”' || c === '„') {
      if (dOpen >= 0) {
        if (c === '“' || c === '„') {
          dOpen = i; // unbalanced: restart
          continue;
        }
        out.push({ open: dOpen, close: i });
        dOpen = -1;
        sOpen = -1;
      } else if (c === '”') {
        // a closing mark with no opening: the quote started before this sentence
        if (out.length === 0 && /\p{L}/u.test(s.slice(0, i))) out.push({ open: -1, close: i });
      } else if (OPEN_D.includes(c) && !/\s/.test(next)) {
        dOpen = i;
        sOpen = -1;
      }
      continue;
    }
    if (dOpen >= 0) continue; // single quotes nested in a double quote belong to it
    if (c === '‘' || (c === "'" && !/[\p{L}\p{N}]/u.test(prev))) {
      if (sOpen < 0 && /[\p{L}\p{N}]/u.test(next) && !/[\p{L}\p{N}]/u.test(prev)) sOpen = i;
      continue;
    }
    if ((c === '’' || c === "'") && sOpen >= 0) {
      if (!/[\p{L}\p{N}]/u.test(next) && !/\s/.test(prev)) {
        // plural possessive ("the Ukrainians’ demands") is rare inside a short single-quoted phrase; accept
        out.push({ open: sOpen, close: i });
        sOpen = -1;
      }
    }
  }
  if (dOpen >= 0 && goesOn(s, dOpen)) out.push({ open: dOpen, close: s.length });
  return out;
}

function trimInner(s: string, a: number, b: number): Span {
  while (a < b && /\s/.test(s[a]!)) a++;
  while (b > a && /[\s,;:]/.test(s[b - 1]!)) b--;
  return { start: a, end: b };
}

/** The last person/organisation mention ending exactly at `end` (an apposition's name, a subject). */
function mentionEndingAt(ms: Mention[], end: number): Mention | undefined {
  return ms.find((m) => m.end === end && !m.demonym && m.kind !== 'place') ?? ms.find((m) => m.end === end && !m.demonym);
}

function withOwner(s: string, ms: Mention[], m: Mention): Speaker {
  // "Russia’s Foreign Ministry" → include the possessive owner of an organisation.
  if (m.kind === 'organization') {
    const owner = ms.find((o) => o.possessive && o.end + 3 >= m.start && o.end < m.start);
    if (owner && /^['’]s\s+$/.test(s.slice(owner.end, m.start))) {
      return { text: s.slice(owner.start, m.end), start: owner.start, end: m.end, kind: 'named' };
    }
  }
  return { text: m.text, start: m.start, end: m.end, kind: 'named' };
}

/** A descriptor noun phrase ending at token index `j` ("a Ukrainian diplomatic source", "A member of the Ukrainian delegation"). */
function descriptorBefore(s: string, toks: readonly Tok[], j: number, bound: number): Speaker | undefined {
  if (j < 0 || toks[j]!.start < bound) return undefined;
  const last = toks[j]!;
  if (PRONOUNS.has(low(last))) return { text: last.text, start: last.start, end: last.end, kind: 'pronoun' };
  if (STOPWORDS.has(low(last)) || PREPS.has(low(last))) return undefined;
  let k = j;
  let startTok = j;
  let count = 0;
  while (k >= 0 && toks[k]!.start >= bound && count < 10) {
    const t = toks[k]!;
    const w = low(t);
    if (k < j) {
      const gap = s.slice(t.end, toks[k + 1]!.start);
      if (!/^[ \u00a0]+$/.test(gap)) break;
    }
    if (DETS.has(w)) {
      startTok = k;
      const p = toks[k - 1];
      if (p && PREPS.has(low(p)) && p.start >= bound && /^[ \u00a0]+$/.test(s.slice(p.end, t.start))) {
        k -= 2;
        count += 2;
        continue;
      }
      break;
    }
    if (PREPS.has(w)) {
      if (k === j) return undefined;
      k--;
      count++;
      continue;
    }
    if (/^(?:that|and|or|but|who|which|when|while|as|said|says|to|after|before|because|if|since|than)$/.test(w)) break;
    if (isSpeechVerb(t)) break;
    startTok = k;
    k--;
    count++;
  }
  const first = toks[startTok]!;
  if (PREPS.has(low(first))) return undefined;
  const text = s.slice(first.start, last.end);
  const words = text.split(/\s+/);
  const fw = foldForMatch(words[0] ?? '');
  // "the Turkish leader", "the president": anaphoric, resolved like a pronoun.
  const ofAt = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = foldForMatch(ofAt > 0 ? words[ofAt - 1]! : words[words.length - 1]!);
  const kind: SpeakerKind = fw === 'the' && (isOfficeHead(head) || LEADER_HEADS.has(head)) && head !== 'official' ? 'pronoun' : 'descriptor';
  return { text, start: first.start, end: last.end, kind };
}

/** The subject just before a speech verb at token index `v`. */
function subjectBefore(s: string, toks: readonly Tok[], ms: Mention[], v: number, bound: number): Speaker | undefined {
  let j = v - 1;
  // Adverbs and auxiliaries between a subject and its verb ("also said", "has repeatedly said", "himself said").
  // ("further" is an adverb the tagger can read as a verb: "He further stated".)
  const skippable = (t: Tok): boolean => !t.cap && (t.pos === 'ADV' || t.pos === 'AUX' || t.norm === 'himself' || t.norm === 'herself' || t.norm === 'further');
  while (j >= 0 && toks[j]!.start >= bound && skippable(toks[j]!) && /^[ \u00a0]+$/.test(s.slice(toks[j]!.end, toks[j + 1]!.start))) j--;
  if (j < 0 || toks[j]!.start < bound) return undefined;
  // "… Joanna Cherry, who said: …": the subject of a relative clause set off by a comma is the
  // noun phrase it follows. "Who" stands for a person, so a name before it is one, whatever
  // the name alone would have been read as ("… spoke with Trump, who said …").
  if (low(toks[j]!) === 'who' && j > 0 && s.slice(toks[j - 1]!.end, toks[j]!.start).trim() === ',') {
    const antecedent = mentionEndingAt(ms, toks[j - 1]!.end);
    if (antecedent && (antecedent.kind === 'person' || antecedent.kind === 'other') && !antecedent.demonym && antecedent.start >= bound) return withOwner(s, ms, antecedent);
  }
  // "Mike Ryan of the World Health Organization (WHO) told": skip a bracketed aside
  if (s.slice(toks[j]!.end, toks[j + 1]!.start).startsWith(')')) {
    const open = s.lastIndexOf('(', toks[j]!.start);
    if (open > bound) {
      while (j >= 0 && toks[j]!.start > open) j--;
      if (j < 0 || toks[j]!.start < bound) return undefined;
    }
  }
  let end = toks[j]!.end;
  const gap = s.slice(end, toks[j + 1]!.start);
  if (/,/.test(gap)) {
    // A parenthetical between subject and verb: ", speaking anonymously," / ", for his part," / ", Serhiy Kyslytsya,"
    const named = mentionEndingAt(ms, end);
    let comma = -1;
    for (let i = end - 1; i >= bound; i--) {
      if (s[i] === ',') {
        comma = i;
        break;
      }
      if (s[i] === '“' || s[i] === '”' || s[i] === '"' || s[i] === '.') break;
    }
    // ", a Toronto lawyer representing Spanton," is an apposition to the subject before it, not the subject.
    const apposition = comma >= 0 && /^\s*(?:a|an|the)\s/i.test(s.slice(comma + 1, end));
    if (named && named.kind === 'person' && (comma < 0 || named.start > comma) && !apposition) {
      const before = comma >= 0 ? s.slice(bound, comma) : '';
      // the name itself is the parenthetical after a title ("Deputy Foreign Minister, Serhiy Kyslytsya,")
      if (comma < 0 || /\S/.test(before)) return withOwner(s, ms, named);
    }
    if (comma >= 0 && comma >= bound) {
      let k = j;
      while (k >= 0 && toks[k]!.start > comma) k--;
      if (k < 0 || toks[k]!.start < bound) return undefined;
      j = k;
      end = toks[j]!.end;
    }
  }
  const m = mentionEndingAt(ms, end);
  if (m) {
    // "George Kimbrell of the Center for Food Safety said": the person, not the organisation
    const pre = /(?:^|\s)(?:of|for|at|from|with)\s+(?:the\s+)?(?:(?:[\p{Lu}][\p{L}’'.-]*|of|for|and|the|on)\s+){0,6}$/u.exec(s.slice(Math.max(bound, m.start - 80), m.start));
    if (pre) {
      const cut = m.start - pre[0].length;
      const person = [...ms].reverse().find((p) => p.kind === 'person' && p.end <= cut + 1 && p.end >= cut - 1 && p.start >= bound);
      if (person) return withOwner(s, ms, person);
    }
    return withOwner(s, ms, m);
  }
  const d = descriptorBefore(s, toks, j, bound);
  // "Suman Haripriya of the Hajo assembly said": a phrase that opens with a person's name is that person.
  const lead = d && ms.find((x) => x.kind === 'person' && x.start === d.start && x.end <= d.end);
  return lead ? withOwner(s, ms, lead) : d;
}

/** A noun phrase starting at token index `j` (after "according to", "by", "said"). */
function npAfter(s: string, toks: readonly Tok[], ms: Mention[], j: number, stopAt: number): Speaker | undefined {
  const t = toks[j];
  if (!t || t.start >= stopAt) return undefined;
  const w = low(t);
  if (PRONOUNS.has(w)) return { text: t.text, start: t.start, end: t.end, kind: 'pronoun' };
  // up to the next comma/colon/"as"/"that"
  let k = j;
  while (k + 1 < toks.length && toks[k + 1]!.start < stopAt) {
    const gap = s.slice(toks[k]!.end, toks[k + 1]!.start);
    // An abbreviation's stop ("Dr. Tom Frieden", "Lt. Gen.") does not end the phrase.
    const abbreviation = /^\.\s+$/.test(gap) && toks[k]!.cap && toks[k]!.text.length <= 4;
    if (!abbreviation && /[,:;.()“”"—–]/.test(gap)) break;
    const nw = low(toks[k + 1]!);
    if (/^(?:as|that|in|on|at|during|after|before|when|while|who|to)$/.test(nw)) break;
    if (isSpeechVerb(toks[k + 1]!)) break;
    k++;
  }
  const end = toks[k]!.end;
  const inside = ms.filter((m) => m.start >= t.start && m.end <= end && !m.demonym);
  const person = [...inside].reverse().find((m) => m.kind === 'person' || m.kind === 'other');
  const org = inside.find((m) => m.kind === 'organization');
  const first = DETS.has(w);
  if (!first && person) return withOwner(s, ms, person);
  if (!first && org) return withOwner(s, ms, org);
  if (!first && inside[0]) return withOwner(s, ms, inside[0]);
  return descriptorBefore(s, toks, k, t.start);
}

/** Whether s[a, b) is one or more spaces / no-break spaces (a scan that stops at the first other character). */
function onlySpaces(s: string, a: number, b: number): boolean {
  if (a >= b) return false;
  for (let i = a; i < b; i++) if (s[i] !== ' ' && s[i] !== '\u00a0') return false;
  return true;
}

/** Whether s[0, end), ignoring trailing whitespace, ends with one of `marks` (no slice of the prefix). */
function endsWithMark(s: string, end: number, marks: string): boolean {
  let i = end - 1;
  while (i >= 0 && /\s/.test(s[i]!)) i--;
  return i >= 0 && marks.includes(s[i]!);
}

/** The last '—', ' – ' or ';' before `before`, searching no further back than `min` (else -1). */
function lastDashBefore(s: string, before: number, min: number): number {
  for (let i = Math.min(before, s.length - 1); i >= Math.max(0, min); i--) {
    const c = s[i];
    if (c === '—' || c === ';') return i;
    if (c === ' ' && s[i + 1] === '–' && s[i + 2] === ' ') return i;
  }
  return -1;
}


/** Attribution right after a closing mark: `“…,” Zelenskyy said` / `“…,” said X, <apposition>`. */
function attributionAfter(s: string, toks: readonly Tok[], ms: Mention[], close: number): Speaker | undefined {
  const i0 = tokenIndexAt(toks, close + 1);
  const first = toks[i0];
  if (!first) return undefined;
  const lead = s.slice(close + 1, first.start);
  if (!/^[\s,—–-]*$/.test(lead)) return undefined;
  if (isFiniteSpeech(first)) return npAfter(s, toks, ms, i0 + 1, s.length);
  // a comma between the quote and the verb only in attribution position (“…,” X, a senior official, said)
  const attributive = endsWithMark(s, close, ',?!') || lead.includes(',');
  for (let k = i0; k < toks.length && k < i0 + 8; k++) {
    const gap = k > i0 ? s.slice(toks[k - 1]!.end, toks[k]!.start) : '';
    if (/[.;:!?“”"(]/.test(gap) || (!attributive && gap.includes(','))) return undefined;
    if (isFiniteSpeech(toks[k]!)) {
      if (k === i0) return undefined;
      return subjectBefore(s, toks, ms, k, first.start);
    }
  }
  return undefined;
}

/** Attribution before an opening mark, within [bound, open). */
function attributionBefore(s: string, toks: readonly Tok[], ms: Mention[], open: number, bound: number): Speaker | undefined {
  let verb = -1;
  let according = -1;
  for (let k = tokenIndexAt(toks, bound); k < toks.length; k++) {
    const t = toks[k]!;
    if (t.start < bound) continue;
    if (t.end > open) break;
    const w = low(t);
    if (speechVerbAt(toks, k)) verb = k;
    if (w === 'according' && toks[k + 1] && low(toks[k + 1]!) === 'to') according = k;
  }
  if (according >= 0 && according > verb) {
    return npAfter(s, toks, ms, according + 2, open);
  }
  if (verb < 0) return undefined;
  const vt = toks[verb]!;
  const w = low(vt);
  // Passive: "were dismissed by a Ukrainian source as ..."
  const nxt = toks[verb + 1];
  if (nxt && low(nxt) === 'by' && nxt.end <= open) {
    const sp = npAfter(s, toks, ms, verb + 2, open);
    if (sp) return sp;
  }
  if (isSpeechParticiple(vt)) {
    // ", calling it …": the subject of the clause: first person/organisation after the last clause break.
    let clause = bound;
    for (let k = verb - 1; k >= 0 && toks[k]!.start >= bound; k--) {
      const kw = low(toks[k]!);
      const nt = toks[k + 1];
      // a speech verb opening a complement clause ("… said Medinsky compared …") starts a new clause
      const complement = isFiniteSpeech(toks[k]!) && nt !== undefined && (low(nt) === 'that' || ms.some((m) => m.start === nt.start && !m.demonym));
      if (complement || kw === 'when' || kw === 'while' || kw === 'whereas') {
        clause = toks[k]!.end;
        break;
      }
    }
    const dash = lastDashBefore(s, vt.start, clause);
    if (dash >= clause) clause = dash + 1;
    // "with Zinichev describing …": a name right before the participle is its subject
    const adjacent = ms.find((m) => !m.demonym && m.kind !== 'place' && m.end < vt.start && onlySpaces(s, m.end, vt.start));
    if (adjacent && adjacent.start >= bound) return withOwner(s, ms, adjacent);
    const inClause = ms.filter((m) => m.start >= clause && m.end <= vt.start && !m.demonym);
    const subj = inClause.find((m) => m.kind !== 'place');
    if (subj) return withOwner(s, ms, subj);
    // "…, he said, adding …": fall back to the nearest noun phrase before a finite verb
    for (let k = verb - 1; k >= 0 && toks[k]!.start >= clause; k--) {
      if (isFiniteSpeech(toks[k]!)) return subjectBefore(s, toks, ms, k, clause);
    }
    const firstTok = toks[tokenIndexAt(toks, clause)];
    if (firstTok && PRONOUNS.has(low(firstTok))) return { text: firstTok.text, start: firstTok.start, end: firstTok.end, kind: 'pronoun' };
    return undefined;
  }
  return subjectBefore(s, toks, ms, verb, bound);
}

/**
 * How far back in its own sentence a pronoun looks for its antecedent. Sentences
 * are far shorter; the bound keeps a run-on "sentence" with thousands of quotes linear.
 */
const ANAPHOR_WINDOW = 2000;

/** The text before `end` a pronoun may refer back into: all of it, or the last ANAPHOR_WINDOW characters from a word start. */
function anaphorWindow(sentence: string, end: number): string {
  if (end <= ANAPHOR_WINDOW) return sentence.slice(0, end);
  let start = end - ANAPHOR_WINDOW;
  while (start < end && !/\s/.test(sentence[start - 1]!)) start++;
  return sentence.slice(start, end);
}

/** Analyses of the previous sentences, reused by every pronoun quote that looks back into them. */
const mentionsMemo = new Map<string, Mention[]>();
const rolesMemo = new Map<string, ReturnType<typeof findRoles>>();
function memo<T>(cache: Map<string, T>, text: string, f: (t: string) => T): T {
  let v = cache.get(text);
  if (v === undefined) {
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    v = f(text);
    cache.set(text, v);
  }
  return v;
}

interface Antecedent {
  name: string;
  /** 0: this sentence, -n: n sentences back. */
  sentence: number;
  start: number;
  end: number;
}

/**
 * The people a pronoun may point back to in a text: its person names, and a name that is the
 * subject of the text's first clause ("Trump questioned the selection. He said …").
 */
function peopleIn(text: string): Mention[] {
  return memo(mentionsMemo, text, (t) => {
    const ms = findMentions(t).filter((m) => !m.handle && !m.demonym);
    const words = wordsOf(t);
    return ms.filter((m) => {
      if (m.kind === 'person') return true;
      if (m.kind !== 'other' || m.start > 0 || m.possessive) return false;
      const next = words[tokenIndexAt(words, m.end)];
      return next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX') && /^\s+$/.test(t.slice(m.end, next.start));
    });
  });
}

/** Resolves "he"/"she"/"the president"/"the Turkish leader" to the most recent fitting named person, and where it is written. */
function resolveAnaphor(sp: Speaker, sentence: string, context: QuoteContext): Antecedent | undefined {
  const words = foldForMatch(sp.text).split(/\s+/);
  const definite = words[0] === 'the';
  const window = anaphorWindow(sentence, sp.start);
  const base = sp.start - window.length;
  const previous = context.previous ?? [];
  const texts = [window, ...[...previous].reverse()];
  const at = (i: number, start: number, end: number, name: string): Antecedent =>
    i === 0 ? { name, sentence: 0, start: base + start, end: base + end } : { name, sentence: -i, start, end };
  const fallback = (): Antecedent | undefined => (context.paragraphSpeaker ? { name: context.paragraphSpeaker, sentence: 0, start: -1, end: -1 } : undefined);
  if (definite) {
    let country: string | undefined;
    for (const w of words) country ??= demonymCountry(w);
    const head = words[words.length - 1]!;
    for (let i = 0; i < texts.length; i++) {
      const roles = memo(rolesMemo, texts[i]!, findRoles);
      for (let k = roles.length - 1; k >= 0; k--) {
        const r = roles[k]!;
        if (country && r.country && r.country !== country) continue;
        const headOk = r.norm.split(' ').includes(head) || (LEADER_HEADS.has(head) && /\b(?:president|prime minister|chancellor|premier|king|queen|leader)\b/.test(r.norm));
        if (headOk && (country === undefined || r.country === country)) return at(i, r.personStart, r.personEnd, r.person);
      }
    }
  }
  if (!/^(?:he|she|him|her)$/.test(words[0] ?? '') && !definite) return fallback();
  for (let i = 0; i < texts.length; i++) {
    const people = peopleIn(texts[i]!);
    if (people.length === 0) continue;
    const p = people[0]!;
    return at(i, p.start, p.end, p.text);
  }
  return fallback();
}

/**
 * Quoted words that are not speech: a short adverbial phrase in quotation marks ("agreed “in
 * principle”", "“at all costs”": emphasis or distance, not words someone is reported to have
 * said), and the "so-called" phrase (a label the writer keeps at a distance).
 */
function notSpeech(s: string, toks: readonly Tok[], span: QuoteSpan, inner: { start: number; end: number }): boolean {
  const words = toks.filter((t) => t.start >= inner.start && t.end <= inner.end);
  if (words.length === 0) return false;
  const before = toks[tokenIndexAt(toks, Math.max(0, span.open)) - 1];
  if (span.open >= 0 && before && (before.norm === 'so-called' || (before.norm === 'called' && toks[tokenIndexAt(toks, before.start) - 1]?.norm === 'so'))) return true;
  const first = words[0]!;
  // A prepositional phrase ("in principle", "at all costs") or adverbs alone ("never"); "clearly unacceptable" is speech.
  const adverbial = first.pos === 'ADP' || first.pos === 'SCONJ' || words.every((w) => w.pos === 'ADV');
  return words.length <= 3 && adverbial && !words.some((w) => w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'PRON');
}

/**
 * "X sounded upbeat: “…”", "X told the BBC: “…”", "X wrote: “…”": a clause that ends in a
 * colon before the quotation attributes it to its subject, whatever its verb.
 */
function colonSubject(s: string, toks: readonly Tok[], ms: Mention[], open: number, bound: number): Speaker | undefined {
  if (!/:\s*$/.test(s.slice(bound, open))) return undefined;
  // The clause: after the last clause break before the colon.
  let clause = bound;
  for (let i = s.lastIndexOf(':', open) - 1; i >= bound; i--) {
    if (';—“”"'.includes(s[i]!)) {
      clause = i + 1;
      break;
    }
  }
  const end = s.lastIndexOf(':', open);
  for (let k = tokenIndexAt(toks, clause); k < toks.length && toks[k]!.end <= end; k++) {
    const t = toks[k]!;
    if (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma !== 'be')) {
      // The subject is the name or pronoun just before the clause's first verb (a person or a body, not a place).
      if (k === tokenIndexAt(toks, clause)) return undefined;
      const sp = subjectBefore(s, toks, ms, k, clause);
      if (sp?.kind === 'named' && ms.some((m) => m.start === sp.start && m.end === sp.end && m.kind === 'place')) return undefined;
      return sp;
    }
  }
  return undefined;
}

/**
 * "He said." / "Zelenskyy added." as the next sentence: a subject and a verb of saying with
 * nothing said after it (no other verb), so the words quoted just before are what was said.
 */
function nextSentenceSpeaker(next: string): Speaker | undefined {
  const toks = wordsOf(next);
  const ms = findMentions(next);
  for (let k = 0; k < toks.length && k < 6; k++) {
    const t = toks[k]!;
    if (!isFiniteSpeech(t)) continue;
    if (toks.slice(k + 1).some((w) => w.pos === 'VERB' || w.pos === 'AUX')) return undefined;
    return subjectBefore(next, toks, ms, k, 0);
  }
  return undefined;
}

/** The first closing mark in a sentence, before any opening one (the end of a quotation begun earlier), or -1. */
function closingIn(s: string): number {
  return firstCloser(s);
}

/** Most sentences a quotation is followed back or ahead for its speaker. */
const QUOTE_REACH = 4;

/**
 * Quotations of one sentence with their attributed speakers. Offsets are
 * relative to `sentence`. Pronoun speakers ("he said", "the Turkish leader
 * added") are resolved against the sentence's own names, then `context.previous`,
 * then `context.paragraphSpeaker`. A quotation may run over several sentences of a
 * paragraph: its speaker is then named before it opens, after it closes, or in a
 * "He said." right after it.
 */
export function findQuotes(sentence: string, context: QuoteContext = {}): QuoteMention[] {
  const s = sentence;
  const previous = context.previous ?? [];
  const inParagraph = Math.min(context.inParagraph ?? 0, previous.length);
  const spans = scanQuotes(s, inParagraph > 0 && quotationOpenAfter(previous.slice(previous.length - inParagraph)));
  if (spans.length === 0) return [];
  const toks = wordsOf(s);
  const ms = findMentions(s);
  const out: QuoteMention[] = [];
  let prevClose = -1;
  for (let qi = 0; qi < spans.length; qi++) {
    const span = spans[qi]!;
    const { open, close } = span;
    const inner = trimInner(s, open + 1, close);
    const text = s.slice(inner.start, inner.end);
    if (!/\p{L}/u.test(text) || notSpeech(s, toks, span, inner)) {
      prevClose = close;
      continue;
    }
    const goesOnAfter = close >= s.length;
    const after = goesOnAfter ? undefined : attributionAfter(s, toks, ms, close);
    const before = open >= 0 ? (attributionBefore(s, toks, ms, open, prevClose + 1) ?? colonSubject(s, toks, ms, open, prevClose + 1)) : undefined;
    let sp: Speaker | undefined;
    /** Sentences away from this one where `sp` is written (0: here). */
    let away = 0;
    // Prefer the attribution after the quote when the quote ends in a comma (“…,” he said).
    const endsComma = /[,?!]\s*$/.test(s.slice(open + 1, close)) || /^\s*,/.test(s.slice(close + 1));
    if (after && (endsComma || !before)) sp = after;
    else sp = before ?? after;
    const prev = out[out.length - 1];
    let group = out.length;
    if (prev) {
      const between = s.slice(prevClose + 1, open);
      const prevAfter = attributionAfter(s, toks, ms, prevClose);
      if (prevAfter && endsWithMark(s, prevClose, ',') && /^[\s,]*\S.*,\s*$/.test(between)) group = prev.group;
      if (!sp && prev.speakerKind !== 'unknown' && open >= 0) {
        const q: QuoteMention = { ...prev, text, start: inner.start, end: inner.end, group: between.trim() === '' || group === prev.group ? prev.group : group };
        if (goesOnAfter) q.open = true;
        out.push(q);
        prevClose = close;
        continue;
      }
    }
    let inherited: QuoteMention | undefined;
    if (!sp && open < 0 && inParagraph > 0) {
      // A quotation begun in an earlier sentence of the paragraph: its speaker was named there.
      inherited = openedBefore(previous, inParagraph, context.paragraphSpeaker);
    }
    if (!sp && open >= 0 && qi === 0 && inParagraph === 0 && previous.length > 0 && !/\S/.test(s.slice(0, open)) && quotationOpenAfter(previous)) {
      // A quotation over paragraphs leaves each paragraph's closing mark off and opens the next
      // paragraph with a mark again: the quotation left open before this paragraph goes on here.
      inherited = openedBefore(previous, previous.length, context.paragraphSpeaker);
    }
    if ((!sp || sp === before) && !inherited && goesOnAfter) {
      // A quotation that goes on: its speaker may be named after it closes ("“…. …,” said X").
      // That attribution names the speaker over a clause introducing the quotation ("the WHO
      // noted the need to act: “…. …,” said Tedros Adhanom Ghebreyesus").
      const ahead = context.next ?? [];
      for (let n = 0; n < ahead.length && n < QUOTE_REACH; n++) {
        const c = closingIn(ahead[n]!);
        if (c < 0) {
          if (/[“„]/.test(ahead[n]!)) break;
          continue;
        }
        const nt = ahead[n]!;
        const found = attributionAfter(nt, wordsOf(nt), findMentions(nt), c);
        if (found) {
          sp = found;
          away = n + 1;
        }
        break;
      }
    }
    if (!sp && !inherited && !goesOnAfter && qi === spans.length - 1 && /^[\s.!?…”"’')\]]*$/.test(s.slice(close + 1)) && context.next?.[0]) {
      // “…” He said.
      const found = nextSentenceSpeaker(context.next[0]);
      if (found) {
        sp = found;
        away = 1;
      }
    }
    const q: QuoteMention = { text, start: inner.start, end: inner.end, speakerKind: 'unknown', group };
    if (goesOnAfter) q.open = true;
    if (open < 0) q.continued = true;
    if (inherited) {
      q.speaker = inherited.speaker;
      q.speakerKind = inherited.speakerKind;
      if (inherited.pronoun) q.pronoun = inherited.pronoun;
      if (inherited.antecedent) q.antecedent = inherited.antecedent;
      if (inherited.speakerSentence !== undefined) {
        q.speakerSentence = inherited.speakerSentence;
        q.speakerStart = inherited.speakerStart;
        q.speakerEnd = inherited.speakerEnd;
      }
    } else if (sp) {
      q.speaker = sp.text;
      q.speakerStart = sp.start;
      q.speakerEnd = sp.end;
      q.speakerKind = sp.kind;
      if (away !== 0) q.speakerSentence = away;
      if (sp.kind === 'pronoun') {
        // A pronoun ahead refers back through this sentence and the ones between.
        const ctx: QuoteContext = away === 0 ? context : { ...context, previous: [...previous, s, ...(context.next ?? []).slice(0, away - 1)] };
        const where = resolveAnaphor(sp, away === 0 ? s : context.next![away - 1]!, ctx);
        q.pronoun = sp.text;
        if (where) {
          q.speaker = where.name;
          if (where.start >= 0) q.antecedent = { sentence: where.sentence + away, start: where.start, end: where.end };
        }
      }
    }
    out.push(q);
    prevClose = close;
  }
  return out;
}

/**
 * The speaker of the quotation left open in the paragraph before this sentence, as read in
 * the sentence that opened it (or, for a quotation that already went on there, where that one
 * was named), with `speakerSentence` counted from this sentence.
 */
function openedBefore(previous: string[], inParagraph: number, paragraphSpeaker: string | undefined): QuoteMention | undefined {
  const first = Math.max(previous.length - inParagraph, previous.length - QUOTE_REACH);
  for (let k = previous.length - 1; k >= first; k--) {
    const qs = findQuotes(previous[k]!, { previous: previous.slice(0, k), inParagraph: inParagraph - (previous.length - k), paragraphSpeaker });
    const last = qs[qs.length - 1];
    if (!last) continue;
    if (!last.open || last.speakerKind === 'unknown') return undefined;
    const back = k - previous.length;
    const q = { ...last };
    if (q.speakerStart !== undefined) q.speakerSentence = (q.speakerSentence ?? 0) + back;
    if (q.antecedent) q.antecedent = { ...q.antecedent, sentence: q.antecedent.sentence + back };
    return q;
  }
  return undefined;
}

/**
 * The signature line of an embedded social-media post:
 * "— Keir Starmer (@Keir_Starmer) May 16, 2025" → name, handle and the name's offsets.
 */
export function findSocialPostAuthor(line: string): { name: string; handle?: string; start: number; end: number } | undefined {
  const m = /^(\s*[—–-]{1,2}\s*)([^()\n]{2,80}?)\s*\((@[A-Za-z0-9_]{1,30})\)\s*([^\n]{0,40})$/.exec(line);
  if (!m) return undefined;
  const lead = m[1]!;
  const rawName = m[2]!;
  const handle = m[3]!;
  const tail = m[4]!.trim();
  if (tail && !/\d{4}|\d{1,2}/.test(tail)) return undefined;
  const slash = rawName.indexOf(' / ');
  const name = (slash >= 0 ? rawName.slice(0, slash) : rawName).trim();
  if (!/\p{L}/u.test(name)) return undefined;
  const start = lead.length + rawName.indexOf(name);
  return { name, handle, start, end: start + name.length };
}
