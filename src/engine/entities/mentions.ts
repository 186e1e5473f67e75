/** Finding name mentions (people, organisations, places) in one sentence. */
import { STOPWORDS, foldForMatch, normalizePhrase } from '../text';
import {
  FIRST_NAMES,
  NAME_CONNECTORS,
  demonymCountry,
  gazetteerKey,
  lookupPlace,
  metonymCountry,
  regionDemonym,
} from './gazetteer';
import { HONORIFICS, isOccupation, isOfficeHead, isTitleWord } from './titles';
import { recent } from '../text/memo';
import { codePointLength, dottedAcronymEnd, handleEnd, wordEnd } from '../text/scan';

export type MentionKind = 'person' | 'organization' | 'place' | 'other';

export interface Mention {
  text: string;
  start: number;
  end: number;
  kind: MentionKind;
  /** Folded lookup key (gazetteer places: the canonical name's key, so "Türkiye" and "Turkey" share it). */
  key: string;
  /** An @handle ("@Keir_Starmer"); `text` is the handle, `key` its name part ("keir starmer"). */
  handle?: boolean;
  /** Written with a possessive 's ("Zelenskyy's"); `text` excludes it. */
  possessive?: boolean;
  /** A demonym used as an adjective ("Turkish"); `key` is the country's key. */
  demonym?: boolean;
  /** Canonical place name for gazetteer places and demonyms ("Turkey"). */
  canonical?: string;
  /** Immediately preceded by an office title ("Foreign Minister Hakan Fidan"). */
  titled?: boolean;
}

/** A word-ish token of the sentence. */
export interface Tok {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  handle: boolean;
}


/** Index of the first token starting at or after `pos` (`toks.length` if none), by binary search. */
export function tokenIndexAt(toks: readonly Tok[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function scanTokens(s: string): Tok[] {
  // Names, roles and quotes each scan the same sentence.
  return recentToks(s).slice();
}

const recentToks = recent(scanToks);

/**
 * Tokens as the regular expression `@[A-Za-z0-9_]+|(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*`
 * (flags g, u) matches them: handle | dotted acronym (U.S.) | word with inner apostrophes/hyphens (see ../text/scan).
 */
function scanToks(s: string): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let end = handleEnd(s, i);
    if (end < 0) end = dottedAcronymEnd(s, i);
    if (end < 0) end = wordEnd(s, i);
    if (end < 0) {
      i += codePointLength(s, i);
      continue;
    }
    const text = s.slice(i, end);
    const handle = text.startsWith('@');
    const first = handle ? text[1] ?? '' : text[0]!;
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    out.push({ text, start: i, end, cap, handle });
    i = end;
  }
  return out;
}

const SPEECH_VERBS = new Set(
  (
    'said says stated states added adds told tells wrote writes warned warns explained explains noted notes ' +
    'insisted insists argued argues claimed claims declared declares announced announces confirmed confirms ' +
    'acknowledged acknowledges stressed stresses emphasized emphasised urged urges praised hailed welcomed ' +
    'described describes dismissed called calls accused complained recalled reminded replied responded ' +
    'tweeted posted asked suggested predicted promised vowed expressed reiterated revealed cited echoed ' +
    'met spoke visited arrived led leads headed heads has had was is will would also'
  ).split(' '),
);

/** Capitalised words that start sentences without being names. */
const COMMON_INITIAL = new Set(
  (
    'however despite both meanwhile although during following ahead until while still yet ultimately ' +
    'immediately seated held success neither there what who read but and so thus instead indeed moreover ' +
    'furthermore nevertheless nonetheless today yesterday tomorrow now then earlier later last next first ' +
    'second third finally already even many several few most such in on at after before since as with ' +
    'without among amid against under over through across unlike like from if when where why how once though ' +
    'whether each every another other one two three four five ten no not only just according because given ' +
    'speaking asked we you they he she it i our their his her my your its let thanks please yes nothing ' +
    'everything something anything nobody everyone someone people sources officials talks this that these ' +
    'those here a an the all any some both either more less much uncertain recently played useful links ' +
    'weather travel latest available contact share sneak download source record about leave online app ' +
    'direct russian-ukrainian mediation negotiations delegations meeting critics analysts observers experts ' +
    'around beyond within throughout toward towards upon via near per whereas whilst until unless'
  ).split(/\s+/),
);

const DATE_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

const ORG_CUES = new Set(
  (
    'ministry commission kremlin nato eu union council office reuters news agency bank party initiative ' +
    'committee department parliament assembly senate congress court university institute corporation company ' +
    'inc ltd llc plc group association organisation organization foundation service services forces army navy ' +
    'times post press journal television tv radio network guard federation fund authority administration ' +
    'police staff cabinet government secretariat tribunal bureau club league agency alliance coalition front ' +
    'movement council corps command ministry embassy consulate directorate inspectorate board summit ' +
    'institute commission'
  ).split(/\s+/),
);

const PLACE_CUES = new Set(
  (
    'airport palace square street avenue road bridge island islands river sea ocean mountain mountains mount ' +
    'lake park stadium province region oblast county city valley strait gulf bay peninsula desert cathedral ' +
    'mosque church tower castle hall port station district village town state republic kingdom coast canal ' +
    'border plaza boulevard'
  ).split(/\s+/),
);

/** Heads of org names that a following name can be split from ("General Staff | Igor Kostyukov"). */
const ORG_SPLIT = new Set(
  'office staff ministry commission council committee department agency service parliament assembly state'.split(' '),
);

/** Common nouns/adjectives that make a capitalised sequence a title of a thing, not a person. */
const NOT_NAME = new Set(
  (
    'war world force one two three day grand great new old north south east west central national ' +
    'international global united royal federal republic democratic liberation peace freedom independence ' +
    'revolution cup games olympic olympics prize award festival championship league series act bill treaty ' +
    'agreement accord plan deal talks conference summit forum day week year era age empire dynasty ' +
    'operation project program programme policy doctrine strategy report index exchange market'
  ).split(/\s+/),
);

const CONTRACTION = /['’](t|re|ll|ve|d|m)$/i;
const POSSESSIVE = /['’]s$/i;
const ALL_CAPS = /^[A-Z][A-Z0-9.&]+$/;

function lower(s: string): string {
  // foldForMatch already turns ’ into '.
  return foldForMatch(s);
}

/** Whether a token can be part of a capitalised name. */
function nameish(t: Tok): boolean {
  if (t.handle) return false;
  if (CONTRACTION.test(t.text)) return false;
  if (t.text.includes('-') && /^(?:al|el|ad|as|ash|ar|an|at|az|ibn|bin|abu)-\p{Lu}/u.test(t.text)) return true;
  if (!t.cap || t.text === 'I') return false;
  // Hyphenated adjective compounds ("Ottoman-era", "U-shaped") are not names.
  const dash = t.text.lastIndexOf('-');
  if (dash >= 0) {
    const c = t.text[dash + 1];
    if (c === undefined || c === c.toLowerCase()) return false;
  }
  return true;
}

function onlySpace(s: string, a: number, b: number): boolean {
  if (b - a > 3) return false;
  for (let i = a; i < b; i++) {
    const c = s[i];
    if (c !== ' ' && c !== '\u00a0') return false;
  }
  return true;
}

/** Splits capitalised hyphen compounds not followed by another name token ("Trump-Putin summit"). */
function splitCompounds(s: string, toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.text.includes('-')) {
      out.push(t);
      continue;
    }
    const next = toks[i + 1];
    const parts = t.text.split('-');
    const allCap = parts.length > 1 && parts.every((p) => p.length > 1 && p[0] !== p[0]!.toLowerCase());
    const followedByName = next !== undefined && next.cap && onlySpace(s, t.end, next.start);
    const prev = toks[i - 1];
    const precededByName = prev !== undefined && prev.cap && onlySpace(s, prev.end, t.start);
    // "Gallego-Lazo said" is one name; "Trump-Putin summit" two
    const followedBySpeechVerb = next !== undefined && SPEECH_VERBS.has(lower(next.text)) && !['also', 'is', 'was', 'has', 'had', 'will', 'would'].includes(lower(next.text));
    if (allCap && !followedByName && !precededByName && !followedBySpeechVerb) {
      let off = t.start;
      for (const p of parts) {
        out.push({ text: p, start: off, end: off + p.length, cap: true, handle: false });
        off += p.length + 1;
      }
    } else out.push(t);
  }
  return out;
}

/** Is position `i` of the sentence at a clause/quote start (capitalisation tells nothing)? */
function atInitial(s: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (s[i] === ' ' || s[i] === '\t')) i--;
  if (i < 0) return true;
  const c = s[i]!;
  return '“"‘\'([:\n\r.!?—–•*#>|-'.includes(c);
}

/** The name part of an @handle: "@Keir_Starmer" → "Keir Starmer", "@ZelenskyyUa" → "Zelenskyy". */
export function handleName(h: string): string {
  let body = h.slice(1);
  const parts: string[] = [];
  for (const chunk of body.split(/_+/)) {
    if (!chunk) continue;
    // camelCase / PascalCase split, keeping acronyms together
    const sub = chunk.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [chunk];
    parts.push(...sub);
  }
  while (parts.length > 1) {
    const last = parts[parts.length - 1]!;
    const l = last.toLowerCase();
    if (last.length <= 2 || /^[0-9]+$/.test(last) || ['official', 'real', 'hq', 'gov', 'govt', 'news'].includes(l)) {
      parts.pop();
    } else break;
  }
  body = parts.join(' ');
  return body;
}

interface Seg {
  toks: Tok[];
  possessive: boolean;
  titled: boolean;
}

function segText(s: string, toks: Tok[], possessive: boolean): { text: string; start: number; end: number } {
  const start = toks[0]!.start;
  let end = toks[toks.length - 1]!.end;
  if (possessive) end -= 2;
  return { text: s.slice(start, end), start, end };
}

function followedBySpeech(s: string, toks: Tok[], idx: number): boolean {
  // idx: index of the first token after the segment
  let j = idx;
  for (let n = 0; n < 3 && j < toks.length; n++, j++) {
    const w = lower(toks[j]!.text);
    if (SPEECH_VERBS.has(w) && w !== 'also' && w !== 'is' && w !== 'was' && w !== 'has' && w !== 'had') return true;
    if (w !== 'also' && w !== 'later' && w !== 'then' && w !== 'has' && w !== 'had' && w !== 'for' && w !== 'his' && w !== 'her' && w !== 'part')
      return false;
  }
  return false;
}

/** Indexing asks for the same sentence's names up to four times (mentions, roles, quotes, pronouns). */
const recentMentions = recent(scanMentions, 16);

/**
 * Capitalised name sequences of a sentence, with titles stripped and each
 * classified as person / organization / place / other. Offsets are relative to
 * `sentence`.
 */
export function findMentions(sentence: string): Mention[] {
  // Copies: callers own what they get.
  return recentMentions(sentence).map((m) => ({ ...m }));
}

function scanMentions(sentence: string): Mention[] {
  const s = sentence;
  const toks = splitCompounds(s, scanTokens(s));
  const out: Mention[] = [];

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.handle) {
      const name = handleName(t.text);
      const parts = name.split(' ');
      const person = parts.length >= 2 || FIRST_NAMES.has(lower(parts[0] ?? ''));
      out.push({ text: t.text, start: t.start, end: t.end, kind: person ? 'person' : 'other', key: normalizePhrase(name), handle: true });
    }
  }

  let i = 0;
  while (i < toks.length) {
    if (!nameish(toks[i]!)) {
      i++;
      continue;
    }
    // Build a run of name tokens joined by spaces (and lower-case connectors).
    const run: Tok[] = [toks[i]!];
    let possessive = POSSESSIVE.test(toks[i]!.text);
    let j = i + 1;
    while (!possessive && j < toks.length) {
      const prev = run[run.length - 1]!;
      const t = toks[j]!;
      const gapOk =
        onlySpace(s, prev.end, t.start) ||
        (HONORIFICS.has(lower(prev.text)) && s[prev.end] === '.' && onlySpace(s, prev.end + 1, t.start));
      if (!gapOk) break;
      if (nameish(t)) {
        run.push(t);
        if (POSSESSIVE.test(t.text)) possessive = true;
        j++;
        continue;
      }
      // connectors: "von der Leyen", "bin Salman"
      if (NAME_CONNECTORS.has(lower(t.text))) {
        let k2 = j + 1;
        while (k2 < toks.length && NAME_CONNECTORS.has(lower(toks[k2]!.text)) && k2 - j < 3) k2++;
        const after = toks[k2];
        if (after && nameish(after) && onlySpace(s, toks[k2 - 1]!.end, after.start)) {
          for (let q = j; q <= k2; q++) run.push(toks[q]!);
          if (POSSESSIVE.test(after.text)) possessive = true;
          j = k2 + 1;
          continue;
        }
      }
      break;
    }
    const nextIdx = j;
    const runStart = i;
    i = j;

    // Preceded by a lower-case title word ("spokesperson Dmitry Peskov", "analyst Denis Denisov").
    const before = toks[runStart - 1];
    const lcTitled =
      before !== undefined &&
      !before.cap &&
      onlySpace(s, before.end, run[0]!.start) &&
      (isOfficeHead(before.text) || isOccupation(before.text) || /^(?:spokes(?:man|woman|person)|advis[eo]r)$/i.test(before.text));

    // Drop a sentence-initial ordinary word.
    let first = 0;
    while (first < run.length) {
      const t = run[first]!;
      const w = lower(t.text).replace(/'s$/, '');
      const initial = atInitial(s, t.start);
      if (DATE_WORDS.has(w) && run.length - first === 1) {
        first++;
        continue;
      }
      if (initial && first === 0) {
        const single = run.length === 1;
        const known = lookupPlace(w) || demonymCountry(w) || FIRST_NAMES.has(w) || metonymCountry(w);
        if (
          !known &&
          (STOPWORDS.has(w) ||
            COMMON_INITIAL.has(w) ||
            (single && /(?:ly|ing|ed)$/.test(w) && !followedBySpeech(s, toks, nextIdx)))
        ) {
          first++;
          continue;
        }
      }
      break;
    }
    const body = run.slice(first);
    if (body.length === 0) continue;

    // Split the run into title chunks and name chunks.
    const segs: Seg[] = [];
    let cur: Tok[] = [];
    let titled = lcTitled && first === 0;
    let k3 = 0;
    while (k3 < body.length) {
      const t = body[k3]!;
      if (isTitleWord(t.text.replace(POSSESSIVE, '')) || HONORIFICS.has(lower(t.text))) {
        // maximal chunk of title words
        let e = k3;
        while (e < body.length && (isTitleWord(body[e]!.text) || HONORIFICS.has(lower(body[e]!.text))) && !POSSESSIVE.test(body[e]!.text)) e++;
        const chunk = body.slice(k3, e);
        const hasHead = chunk.some((c) => isOfficeHead(c.text) || HONORIFICS.has(lower(c.text)));
        const nextTok = body[e];
        const nextIsOrgCue = nextTok !== undefined && (ORG_CUES.has(lower(nextTok.text)) || PLACE_CUES.has(lower(nextTok.text)));
        if (hasHead && !nextIsOrgCue && e > k3) {
          if (cur.length) segs.push({ toks: cur, possessive: false, titled });
          cur = [];
          titled = true;
          k3 = e;
          continue;
        }
      }
      // Demonym directly before a title or name ("Turkish Foreign Minister"): own segment.
      const w = lower(t.text);
      if (cur.length === 0 && body.length > k3 + 1 && (demonymCountry(w) || regionDemonym(w))) {
        const nextTok = body[k3 + 1]!;
        const nl = lower(nextTok.text);
        if ((isTitleWord(nextTok.text) || FIRST_NAMES.has(nl)) && !ORG_CUES.has(nl) && !PLACE_CUES.has(nl)) {
          segs.push({ toks: [t], possessive: false, titled: false });
          k3++;
          continue;
        }
      }
      cur.push(t);
      // Org head followed by a name: "Presidential Office Andriy Yermak", "General Staff Igor Kostyukov".
      if (ORG_SPLIT.has(w) && k3 + 1 < body.length) {
        const rest = body.slice(k3 + 1);
        if (rest.length >= 2 || FIRST_NAMES.has(lower(rest[0]!.text))) {
          if (!(rest.length === 1 && (ORG_CUES.has(lower(rest[0]!.text)) || PLACE_CUES.has(lower(rest[0]!.text))))) {
            segs.push({ toks: cur, possessive: false, titled });
            cur = [];
            titled = true;
          }
        }
      }
      k3++;
    }
    if (cur.length) segs.push({ toks: cur, possessive, titled });
    else if (segs.length && possessive) segs[segs.length - 1]!.possessive = true;

    for (let q = 0; q < segs.length; q++) {
      const seg = segs[q]!;
      const isLast = q === segs.length - 1;
      const m = classify(s, seg, isLast ? followedBySpeech(s, toks, nextIdx) : false);
      if (m) out.push(m);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function classify(s: string, seg: Seg, speechAfter: boolean): Mention | undefined {
  const toks = seg.toks;
  // Only title/honorific words left (e.g. "Deputy Chief"): not a name.
  if (toks.every((t) => isTitleWord(t.text.replace(POSSESSIVE, '')) || HONORIFICS.has(lower(t.text)))) {
    if (!toks.some((t) => ORG_CUES.has(lower(t.text)))) return undefined;
  }
  const { text, start, end } = segText(s, toks, seg.possessive && POSSESSIVE.test(toks[toks.length - 1]!.text));
  if (text.length <= 1) return undefined;
  // Fields in the order { text, start, end, possessive?, titled?, kind, key, canonical?, demonym? }.
  const mention = (kind: MentionKind, key: string, canonical?: string, demonym?: boolean): Mention => {
    const m = { text, start, end } as Mention;
    if (seg.possessive) m.possessive = true;
    if (seg.titled) m.titled = true;
    m.kind = kind;
    m.key = key;
    if (canonical !== undefined) {
      m.canonical = canonical;
      if (demonym) m.demonym = true;
    }
    return m;
  };
  const words = toks.map((t) => lower(t.text).replace(/'s$/, ''));
  const last = words[words.length - 1]!;

  const place = lookupPlace(text);
  if (place) return mention('place', gazetteerKey(place.name), place.name);
  if (toks.length <= 2) {
    const country = demonymCountry(text);
    if (country) return mention('place', gazetteerKey(country), country, true);
    const region = regionDemonym(text);
    if (region && toks.length === 1) return mention('place', gazetteerKey(region), region, true);
  }
  const key = normalizePhrase(text);
  if (metonymCountry(text)) return mention('organization', key);
  if (PLACE_CUES.has(last) && toks.length > 1) return mention('place', key);
  if (words.some((w) => ORG_CUES.has(w))) return mention('organization', key);
  if (toks.length === 1 && ALL_CAPS.test(toks[0]!.text) && toks[0]!.text.length <= 6) return mention('organization', key);
  const anyPlace = (): boolean => words.some((w) => lookupPlace(w) !== undefined || demonymCountry(w) !== undefined);
  if (seg.titled) return mention('person', key);
  if (FIRST_NAMES.has(words[0]!) && toks.length >= 2) return mention('person', key);
  if (speechAfter && !anyPlace()) return mention('person', key);
  if (
    toks.length >= 2 &&
    toks.length <= 4 &&
    toks.every((t) => !ALL_CAPS.test(t.text)) &&
    !words.some((w) => NOT_NAME.has(w)) &&
    !anyPlace()
  ) {
    return mention('person', key);
  }
  return mention('other', key);
}
