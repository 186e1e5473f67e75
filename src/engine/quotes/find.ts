/** Quotations in a sentence and who is said to have spoken them. */
import { findMentions, scanTokens, tokenIndexAt, type Mention, type Tok } from '../entities/mentions';
import { demonymCountry } from '../entities/gazetteer';
import { findRoles } from '../entities/roles';
import { isOfficeHead } from '../entities/titles';
import { STOPWORDS, foldForMatch } from '../text';

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
}

export interface QuoteContext {
  /** Previous sentences of the same paragraph (oldest first). */
  previous?: string[];
  /** A speaker already established for the paragraph, used when a pronoun cannot be resolved. */
  paragraphSpeaker?: string;
}

const FINITE = new Set(
  (
    'said says say stated states added adds told tells wrote writes warned warns explained explains noted notes ' +
    'insisted insists argued argues claimed claims declared declares announced announces confirmed confirms ' +
    'acknowledged acknowledges stressed stresses emphasized emphasised emphasizes emphasises urged urges praised ' +
    'hailed welcomed described describes dismissed dismisses called calls accused accuses complained complains ' +
    'recalled recalls reminded reminds replied replies responded responds tweeted posted wrote asked asks ' +
    'suggested suggests predicted predicts promised vowed expressed reiterated reiterates revealed cited echoed ' +
    'labelled labeled branded termed criticised criticized condemned demanded remarked commented observed ' +
    'concluded continued mentioned admitted conceded boasted lamented quipped shouted declared characterised ' +
    'characterized rejected slammed blasted threatened announced pledged proclaimed lauded touted decried ' +
    'dubbed likened deemed'
  ).split(/\s+/),
);

const PARTICIPLES = new Set(
  (
    'saying stating adding telling writing warning explaining noting insisting arguing claiming declaring ' +
    'announcing confirming acknowledging stressing emphasizing emphasising urging praising hailing welcoming ' +
    'describing dismissing calling accusing complaining recalling reminding replying responding citing ' +
    'suggesting predicting promising vowing expressing reiterating labelling labeling branding terming ' +
    'criticising criticizing condemning demanding remarking commenting observing concluding mentioning ' +
    'admitting lamenting characterising characterizing rejecting threatening pledging'
  ).split(/\s+/),
);

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'him', 'her', 'them']);
const DETS = new Set([
  'a', 'an', 'the', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'other', 'another',
  'his', 'her', 'their', 'its', 'our', 'both', 'senior', 'unnamed',
]);
const PREPS = new Set(['of', 'with', 'from', 'in', 'at', 'for', 'on']);
const ADVERBS = new Set([
  'also', 'later', 'then', 'again', 'previously', 'reportedly', 'has', 'had', 'have', 'was', 'is', 'were', 'are',
  'publicly', 'openly', 'repeatedly', 'swiftly', 'once', 'further', 'separately', 'subsequently', 'earlier',
  'recently', 'had', 'would', 'will', 'just', 'even', 'only', 'clearly', 'simply', 'previously', 'himself',
  'herself', 'explicitly', 'bluntly', 'flatly', 'firmly', 'angrily', 'reportedly', 'allegedly',
]);
const LEADER_HEADS = new Set(['leader', 'president', 'premier', 'chancellor', 'king', 'queen', 'ruler', 'head']);

function low(t: Tok): string {
  // foldForMatch already turns ’ into '.
  return foldForMatch(t.text);
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
function scanQuotes(s: string): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  let dOpen = -1;
  let sOpen = -1;
  for (let i = 0; i < s.length; i++) {
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
function descriptorBefore(s: string, toks: Tok[], j: number, bound: number): Speaker | undefined {
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
    if (FINITE.has(w) || PARTICIPLES.has(w)) break;
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
function subjectBefore(s: string, toks: Tok[], ms: Mention[], v: number, bound: number): Speaker | undefined {
  let j = v - 1;
  const skippable = (t: Tok): boolean => !t.cap && (ADVERBS.has(low(t)) || /^[a-z]+ly$/.test(low(t)));
  while (j >= 0 && toks[j]!.start >= bound && skippable(toks[j]!) && /^[ \u00a0]+$/.test(s.slice(toks[j]!.end, toks[j + 1]!.start))) j--;
  if (j < 0 || toks[j]!.start < bound) return undefined;
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
    if (named && named.kind === 'person' && (comma < 0 || named.start > comma)) {
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
  return descriptorBefore(s, toks, j, bound);
}

/** A noun phrase starting at token index `j` (after "according to", "by", "said"). */
function npAfter(s: string, toks: Tok[], ms: Mention[], j: number, stopAt: number): Speaker | undefined {
  const t = toks[j];
  if (!t || t.start >= stopAt) return undefined;
  const w = low(t);
  if (PRONOUNS.has(w)) return { text: t.text, start: t.start, end: t.end, kind: 'pronoun' };
  // up to the next comma/colon/"as"/"that"
  let k = j;
  while (k + 1 < toks.length && toks[k + 1]!.start < stopAt) {
    const gap = s.slice(toks[k]!.end, toks[k + 1]!.start);
    if (/[,:;.()“”"—–]/.test(gap)) break;
    const nw = low(toks[k + 1]!);
    if (/^(?:as|that|in|on|at|during|after|before|when|while|who|to)$/.test(nw)) break;
    if (FINITE.has(nw) || PARTICIPLES.has(nw)) break;
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
function attributionAfter(s: string, toks: Tok[], ms: Mention[], close: number): Speaker | undefined {
  const i0 = tokenIndexAt(toks, close + 1);
  const first = toks[i0];
  if (!first) return undefined;
  const lead = s.slice(close + 1, first.start);
  if (!/^[\s,—–-]*$/.test(lead)) return undefined;
  if (FINITE.has(low(first))) return npAfter(s, toks, ms, i0 + 1, s.length);
  // a comma between the quote and the verb only in attribution position (“…,” X, a senior official, said)
  const attributive = endsWithMark(s, close, ',?!') || lead.includes(',');
  for (let k = i0; k < toks.length && k < i0 + 8; k++) {
    const gap = k > i0 ? s.slice(toks[k - 1]!.end, toks[k]!.start) : '';
    if (/[.;:!?“”"(]/.test(gap) || (!attributive && gap.includes(','))) return undefined;
    if (FINITE.has(low(toks[k]!))) {
      if (k === i0) return undefined;
      return subjectBefore(s, toks, ms, k, first.start);
    }
  }
  return undefined;
}

/** Attribution before an opening mark, within [bound, open). */
function attributionBefore(s: string, toks: Tok[], ms: Mention[], open: number, bound: number): Speaker | undefined {
  let verb = -1;
  let according = -1;
  for (let k = tokenIndexAt(toks, bound); k < toks.length; k++) {
    const t = toks[k]!;
    if (t.start < bound) continue;
    if (t.end > open) break;
    const w = low(t);
    if (FINITE.has(w) || PARTICIPLES.has(w)) verb = k;
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
  if (PARTICIPLES.has(w)) {
    // ", calling it …": the subject of the clause: first person/organisation after the last clause break.
    let clause = bound;
    for (let k = verb - 1; k >= 0 && toks[k]!.start >= bound; k--) {
      const kw = low(toks[k]!);
      const nt = toks[k + 1];
      // a speech verb opening a complement clause ("… said Medinsky compared …") starts a new clause
      const complement = FINITE.has(kw) && nt !== undefined && (low(nt) === 'that' || ms.some((m) => m.start === nt.start && !m.demonym));
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
      if (FINITE.has(low(toks[k]!))) return subjectBefore(s, toks, ms, k, clause);
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

/** Resolves "he"/"she"/"the president"/"the Turkish leader" to the most recent fitting named person. */
function resolveAnaphor(sp: Speaker, sentence: string, context: QuoteContext): string | undefined {
  const words = foldForMatch(sp.text).split(/\s+/);
  const definite = words[0] === 'the';
  const texts = [anaphorWindow(sentence, sp.start), ...[...(context.previous ?? [])].reverse()];
  if (definite) {
    let country: string | undefined;
    for (const w of words) country ??= demonymCountry(w);
    const head = words[words.length - 1]!;
    for (const t of texts) {
      const roles = memo(rolesMemo, t, findRoles);
      for (let i = roles.length - 1; i >= 0; i--) {
        const r = roles[i]!;
        if (country && r.country && r.country !== country) continue;
        const headOk = r.norm.split(' ').includes(head) || (LEADER_HEADS.has(head) && /\b(?:president|prime minister|chancellor|premier|king|queen|leader)\b/.test(r.norm));
        if (headOk && (country === undefined || r.country === country)) return r.person;
      }
    }
  }
  if (!/^(?:he|she|him|her)$/.test(words[0] ?? '') && !definite) return context.paragraphSpeaker;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    const people = memo(mentionsMemo, t, findMentions).filter((m) => m.kind === 'person' && !m.handle);
    if (people.length === 0) continue;
    return (i === 0 ? people[0] : people[0])!.text;
  }
  return context.paragraphSpeaker;
}

/**
 * Quotations of one sentence with their attributed speakers. Offsets are
 * relative to `sentence`. Pronoun speakers ("he said", "the Turkish leader
 * added") are resolved against the sentence's own names, then `context.previous`,
 * then `context.paragraphSpeaker`.
 */
export function findQuotes(sentence: string, context: QuoteContext = {}): QuoteMention[] {
  const s = sentence;
  const spans = scanQuotes(s);
  if (spans.length === 0) return [];
  const toks = scanTokens(s);
  const ms = findMentions(s);
  const out: QuoteMention[] = [];
  let prevClose = -1;
  for (let qi = 0; qi < spans.length; qi++) {
    const { open, close } = spans[qi]!;
    const inner = trimInner(s, open + 1, close);
    const text = s.slice(inner.start, inner.end);
    if (!/\p{L}/u.test(text)) {
      prevClose = close;
      continue;
    }
    const after = attributionAfter(s, toks, ms, close);
    const before = open >= 0 ? attributionBefore(s, toks, ms, open, prevClose + 1) : undefined;
    let sp: Speaker | undefined;
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
      if (!sp && prev.speakerKind !== 'unknown') {
        out.push({ ...prev, text, start: inner.start, end: inner.end, group: between.trim() === '' || group === prev.group ? prev.group : group });
        prevClose = close;
        continue;
      }
    }
    const q: QuoteMention = { text, start: inner.start, end: inner.end, speakerKind: 'unknown', group };
    if (sp) {
      q.speaker = sp.text;
      q.speakerStart = sp.start;
      q.speakerEnd = sp.end;
      q.speakerKind = sp.kind;
      if (sp.kind === 'pronoun') {
        const name = resolveAnaphor(sp, s, context);
        q.pronoun = sp.text;
        if (name) q.speaker = name;
      }
    }
    out.push(q);
    prevClose = close;
  }
  return out;
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
