/**
 * Finding name mentions (people, organisations, places) in one sentence, from the words of
 * ../nlp (see ./words): runs of capitalised words that the tagger does not read as function
 * words, title words split off (./titles), each run classified. Where a capital tells nothing
 * (the start of a sentence or quotation), a word is a name when the tagger reads it as a noun
 * and a dictionary does not know it as a common noun (./lexicon), or when a verb of saying,
 * meeting or leading follows it ("Trump said").
 */
import { normalizePhrase } from '../text';
import type { Pos } from '../nlp';
import {
  FIRST_NAMES,
  NAME_CONNECTORS,
  demonymCountry,
  gazetteerKey,
  lookupPlace,
  metonymCountry,
  regionDemonym,
} from './gazetteer';
import { nounReading } from './lexicon';
import { categoryOf } from '../concepts';
import { HONORIFICS, isOccupation, isOfficeHead, isTitleWord } from './titles';
import { recent, SENTENCE_MEMO } from '../text/memo';
import { PARTICLES, wordIndexAt, wordsOf, type Word } from './words';
import { isPersonVerb } from '../quotes/verbs';

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

/** A word of the sentence, as ./words reads it from the nlp tokens. */
export type Tok = Word;

/** Index of the first word starting at or after `pos` (`toks.length` if none), by binary search. */
export const tokenIndexAt = wordIndexAt;

/** The words names, roles and quotes read (see ./words). A copy: callers may change it. */
export function scanTokens(s: string): Tok[] {
  return wordsOf(s).slice();
}

/**
 * Parts of speech of words that are never part of a name, though headline case or the start
 * of a sentence capitalises them: determiners, pronouns, prepositions, conjunctions,
 * auxiliaries, particles, interjections and numbers ("In", "And", "The", "I", "Two").
 */
const CLOSED: ReadonlySet<Pos> = new Set<Pos>(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'INTJ', 'NUM', 'PUNCT', 'SYM']);

/** Parts of speech a name can have at the start of a clause, where its capital tells nothing (X: a script the tagger cannot read). */
const NAME_POS: ReadonlySet<Pos> = new Set<Pos>(['PROPN', 'NOUN', 'X']);

/** Month and weekday names and the days around today: capitalised, but they name dates, not people or places. */
const DATE_WORDS = new Set(
  (
    'today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
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

/**
 * Legal forms that end a company's name. A real possessive ("Trump's statement") is never
 * followed by one, so after "X's" they mark the possessive as part of the name ("McDonald's
 * Corp", "Albertson's Inc"). Each is the written form of a legal form of business: Inc,
 * Incorporated and Corp (United States), Co (company), Ltd and Plc (United Kingdom and the
 * Commonwealth), LLC and LLP (limited liability), AG, GmbH, SA, NV, BV, SpA and AB (German,
 * French, Spanish, Dutch, Italian and Swedish companies).
 */
const LEGAL_FORMS = new Set('inc incorporated corp co ltd plc llc llp ag gmbh sa nv bv spa ab'.split(' '));

/** Whether a word is a legal form (the two-letter ones other than "Co" only in capitals: "Sa" is also a surname). */
function legalForm(t: Tok): boolean {
  const w = t.norm.replace(POSSESSIVE, '').replace(/\.$/, '');
  return LEGAL_FORMS.has(w) && (w.length > 2 || w === 'co' || t.text.slice(0, 2) === t.text.slice(0, 2).toUpperCase());
}

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

/** Whether a word can be part of a capitalised name. */
function nameWord(t: Tok): boolean {
  if (t.handle) return false;
  if (CONTRACTION.test(t.text)) return false;
  const dash = t.text.indexOf('-');
  if (dash > 0 && PARTICLES.has(t.text.slice(0, dash).toLowerCase()) && /\p{Lu}/u.test(t.text[dash + 1] ?? '')) return true;
  if (!t.cap) return false;
  // An acronym is a name whatever the tagger makes of it ("US", "WHO", "EU").
  if (CLOSED.has(t.pos) && !ALL_CAPS.test(t.text)) return false;
  // Hyphenated adjective compounds ("Ottoman-era", "U-shaped") are not names.
  const lastDash = t.text.lastIndexOf('-');
  if (lastDash >= 0) {
    const c = t.text[lastDash + 1];
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

/** Splits capitalised hyphen compounds not followed by another name word ("Trump-Putin summit"). */
function splitCompounds(s: string, toks: readonly Tok[]): Tok[] {
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
    const followedBySpeechVerb = next !== undefined && next.pos !== 'AUX' && isPersonVerb(next);
    if (allCap && !followedByName && !precededByName && !followedBySpeechVerb) {
      let off = t.start;
      for (const p of parts) {
        out.push({ ...t, text: p, start: off, end: off + p.length, norm: normalizePhrase(p), lemma: p.toLowerCase(), pos: 'PROPN', possessive: false });
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
  return '“"‘\'([:\n\r.!?—–•*#>|-)]'.includes(c);
}

/**
 * Whether the first word of a run at the start of a clause is an ordinary word, capitalised
 * only for where it stands. `alone`: no other name word follows it in the run.
 */
function ordinaryOpener(s: string, t: Tok, alone: boolean, toks: readonly Tok[], next: number): boolean {
  // Function words and adverbs ("However", "Despite", "Meanwhile").
  if (CLOSED.has(t.pos) || t.pos === 'ADV') return true;
  // Before another name word, only a verb is ordinary ("Asked Zelenskyy …"); "Sky News" is a name.
  if (!alone) return t.pos === 'VERB';
  const w = t.norm.replace(/'s$/, '');
  const r = nounReading(w);
  const speaks = followedBySpeech(toks, next);
  // A common noun's plural names a group, not one person ("Officials said", "Talks ended", "Critics say"),
  // unless it names things that cannot speak and a verb of saying follows: then it is a surname ("Sanders said").
  if (r.kind === 'common' && (r.inflected || /[^s]s$/.test(w))) return !(speaks && mute(w));
  // The subject of a verb of saying is a name ("Trump said", "Pierce said", though "pierce" is a verb).
  if (speaks) return false;
  if (!NAME_POS.has(t.pos)) return true;
  // A word the dictionary has only as an adjective or verb ("Early", "Several").
  if (r.kind === 'not-noun') return true;
  // A possessive owner is a name ("Trump's statement"); so is a word the dictionary lacks or has as a name.
  if (t.possessive || r.kind !== 'common') return false;
  // A singular common noun is a name when the tagger reads it as one and a verb follows ("Trump later expanded").
  // So is one a comma sets off before an apposition or another name ("Trump, the incumbent President", "Trump, Sanders win").
  let j = next;
  // "Trump later expanded", "Trump himself played down".
  while (toks[j]?.pos === 'ADV' || /^(?:him|her|them)sel(?:f|ves)$/.test(toks[j]?.norm ?? '')) j++;
  const v = toks[j];
  if (!v || v.start - t.end > 40) return true;
  if (t.pos === 'PROPN' && (v.pos === 'VERB' || v.pos === 'AUX')) return false;
  const comma = /^\s*,\s*$/.test(s.slice(t.end, v.start));
  // "Cherry, who led the petition": "who" follows a person.
  return !(comma && j === next && (v.pos === 'DET' || (v.cap && v.pos === 'PROPN') || v.norm === 'who'));
}


/** Whether a noun names things that cannot speak (tools, animals): "sanders", not "officials", "reports" or "sources". */
function mute(word: string): boolean {
  try {
    const c = categoryOf(word);
    return c === 'artifact' || c === 'animal';
  } catch {
    return false;
  }
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

/** Whether a verb of saying, meeting or leading follows word `idx`, past adverbs and auxiliaries ("Peskov also told", "Fidan has said"). */
function followedBySpeech(toks: readonly Tok[], idx: number): boolean {
  for (let j = idx, n = 0; n < 4 && j < toks.length; n++, j++) {
    const t = toks[j]!;
    if (t.pos !== 'AUX' && isPersonVerb(t)) return true;
    if (t.pos === 'ADV' || t.pos === 'AUX' || t.norm === 'for' || t.norm === 'his' || t.norm === 'her' || t.norm === 'part') continue;
    return false;
  }
  return false;
}

/**
 * Indexing asks for the same sentence's names up to four times (mentions, roles, quotes,
 * pronouns), and checks ask again for a draft's sentences at the next check.
 */
const recentMentions = recent(scanMentions, SENTENCE_MEMO);

/**
 * Capitalised name sequences of a sentence, with titles stripped and each
 * classified as person / organization / place / other. Offsets are relative to
 * `sentence`.
 */
export function findMentions(sentence: string): Mention[] {
  // Copies: callers own what they get.
  return recentMentions(sentence).map((m) => ({ ...m }));
}

/** A known place of one to three words at the start of `toks` (its length), or 0. */
function placePrefix(toks: readonly Tok[], max: number): number {
  for (let n = Math.min(3, max); n >= 1; n--) {
    const words = toks.slice(0, n);
    if (words.some((w) => w.possessive)) continue;
    if (lookupPlace(words.map((w) => w.text).join(' '))) return n;
  }
  return 0;
}

/**
 * Splits a place off the front of a person's name: the place a title names before the name
 * ("Chief Executive of Hong Kong Carrie Lam", "President of the United States Donald Trump"),
 * or a place written right before a full name ("United States Donald Trump").
 */
function splitPlace(seg: Seg, afterTitleOf: boolean): Seg[] {
  const toks = seg.toks;
  if (toks.length < 2) return [seg];
  let n = placePrefix(toks, toks.length - 1);
  // After "<title> of", a place the gazetteer does not know ends where a full name begins
  // ("First Minister of Scotland Nicola Sturgeon", "Governor of Florida Ron DeSantis").
  if (n === 0 && afterTitleOf) {
    const given = toks.findIndex((w, i) => i > 0 && FIRST_NAMES.has(w.norm) && toks.length - i >= 2 && toks.length - i <= 4);
    if (given > 0 && !toks.slice(0, given).some((w) => FIRST_NAMES.has(w.norm) || ORG_CUES.has(w.norm) || w.possessive)) n = given;
  }
  if (n === 0) return [seg];
  const rest = toks.slice(n);
  const cue = rest.some((w) => ORG_CUES.has(w.norm) || PLACE_CUES.has(w.norm) || NOT_NAME.has(w.norm));
  if (cue) return [seg];
  const personal = afterTitleOf || (rest.length >= 2 && rest.length <= 4 && FIRST_NAMES.has(rest[0]!.norm));
  if (!personal) return [seg];
  return [
    { toks: toks.slice(0, n), possessive: false, titled: false },
    { toks: rest, possessive: seg.possessive, titled: true },
  ];
}

/**
 * Function words that, written in capitals among other words in capitals, show a headline or
 * shouting rather than a name ("JURY RULES FOR IT", "TEXACO FILES SUIT AGAINST PENNZOIL"):
 * a name in capitals is an acronym or a short run of proper nouns, and rarely holds them.
 */
const HEADLINE_WORDS = new Set(
  'a an the of for to in on at by with from into over after as and or but not no it its is are was were be has have will says said against about amid among between during under until up down out off than via through without within'.split(' '),
);

/** An ASCII code unit other than a capital letter: most words start with one, and no \p{Lu} test need run. */
function asciiNonCapital(c: number): boolean {
  return c < 128 && !(c >= 65 && c <= 90);
}

/**
 * Words in capitals that are a headline or shouting, not names: a run of at least three
 * words in capitals that holds one of `HEADLINE_WORDS`, or a run of five or more.
 */
function shoutedWords(s: string, toks: readonly Tok[]): Set<Tok> {
  const out = new Set<Tok>();
  const caps = (t: Tok) => !asciiNonCapital(t.text.charCodeAt(0)) && /^\p{Lu}[\p{Lu}\d.&'’-]*$/u.test(t.text) && /\p{Lu}/u.test(t.text);
  let i = 0;
  while (i < toks.length) {
    if (!caps(toks[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && caps(toks[j]!) && onlySpace(s, toks[j - 1]!.end, toks[j]!.start)) j++;
    const run = toks.slice(i, j);
    if (run.length >= 5 || (run.length >= 3 && run.some((t) => HEADLINE_WORDS.has(t.text.toLowerCase())))) for (const t of run) out.add(t);
    i = j;
  }
  return out;
}

function scanMentions(sentence: string): Mention[] {
  const s = sentence;
  const toks = splitCompounds(s, wordsOf(s));
  const out: Mention[] = [];
  const shouted = shoutedWords(s, toks);
  const nameish = (t: Tok) => !shouted.has(t) && nameWord(t);

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.handle) {
      const name = handleName(t.text);
      const parts = name.split(' ');
      const person = parts.length >= 2 || FIRST_NAMES.has((parts[0] ?? '').toLowerCase());
      out.push({ text: t.text, start: t.start, end: t.end, kind: person ? 'person' : 'other', key: normalizePhrase(name), handle: true });
    }
  }

  let i = 0;
  while (i < toks.length) {
    if (!nameish(toks[i]!)) {
      i++;
      continue;
    }
    // Build a run of name words joined by spaces (and lower-case connectors).
    const run: Tok[] = [toks[i]!];
    let possessive = toks[i]!.possessive;
    let j = i + 1;
    for (;;) {
      // A possessive ends a name ("Trump's statement") unless a company's legal form follows it:
      // then it is part of the company's name ("McDonald's Corp", "Standard and Poor's Corp").
      if (possessive) {
        const t = toks[j];
        if (!t || !legalForm(t) || !onlySpace(s, run[run.length - 1]!.end, t.start)) break;
        run.push(t);
        possessive = t.possessive;
        j++;
        continue;
      }
      if (j >= toks.length) break;
      const prev = run[run.length - 1]!;
      const t = toks[j]!;
      const gapOk =
        onlySpace(s, prev.end, t.start) ||
        (HONORIFICS.has(prev.norm) && s[prev.end] === '.' && onlySpace(s, prev.end + 1, t.start));
      if (!gapOk) break;
      // A number word inside a name is capitalised with it ("Air Force One", "World War Two"), and so is a
      // function word between two of its words ("Reporters Without Borders", "Bank Of America").
      const inner = t.cap && /^\p{L}+$/u.test(t.text) && (t.pos === 'NUM' || (CLOSED.has(t.pos) && !!toks[j + 1] && nameish(toks[j + 1]!) && onlySpace(s, t.end, toks[j + 1]!.start)));
      if (nameish(t) || inner) {
        run.push(t);
        if (t.possessive) possessive = true;
        j++;
        continue;
      }
      // connectors: "von der Leyen", "bin Salman"
      if (NAME_CONNECTORS.has(t.norm)) {
        let k2 = j + 1;
        while (k2 < toks.length && NAME_CONNECTORS.has(toks[k2]!.norm) && k2 - j < 3) k2++;
        const after = toks[k2];
        if (after && nameish(after) && onlySpace(s, toks[k2 - 1]!.end, after.start)) {
          for (let q = j; q <= k2; q++) run.push(toks[q]!);
          if (after.possessive) possessive = true;
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
    // The place a title names ("Chief Executive of Hong Kong Carrie Lam", "President of the United States Donald Trump").
    let of = runStart - 1;
    if (toks[of]?.norm === 'the') of--;
    const titleOf = toks[of]?.norm === 'of' && toks[of - 1] !== undefined && isOfficeHead(toks[of - 1]!.text);

    // Drop a clause-initial ordinary word.
    let first = 0;
    while (first < run.length) {
      const t = run[first]!;
      const w = t.norm.replace(/'s$/, '');
      if (DATE_WORDS.has(w) && run.length - first === 1) {
        first++;
        continue;
      }
      if (first === 0 && atInitial(s, t.start)) {
        const known = lookupPlace(w) || demonymCountry(w) || FIRST_NAMES.has(w) || metonymCountry(w) || isOfficeHead(w) || HONORIFICS.has(w);
        if (!known && ordinaryOpener(s, t, run.length === 1, toks, nextIdx)) {
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
      if (isTitleWord(t.text.replace(POSSESSIVE, '')) || HONORIFICS.has(t.norm)) {
        // maximal chunk of title words
        let e = k3;
        while (e < body.length && (isTitleWord(body[e]!.text) || HONORIFICS.has(body[e]!.norm)) && !body[e]!.possessive) e++;
        const chunk = body.slice(k3, e);
        const hasHead = chunk.some((c) => isOfficeHead(c.text) || HONORIFICS.has(c.norm));
        const nextTok = body[e];
        const nextIsOrgCue = nextTok !== undefined && (ORG_CUES.has(nextTok.norm) || PLACE_CUES.has(nextTok.norm));
        if (hasHead && !nextIsOrgCue && e > k3) {
          if (cur.length) segs.push({ toks: cur, possessive: false, titled });
          cur = [];
          titled = true;
          k3 = e;
          continue;
        }
      }
      // Demonym directly before a title or name ("Turkish Foreign Minister"): own segment.
      const w = t.norm;
      if (cur.length === 0 && body.length > k3 + 1 && (demonymCountry(w) || regionDemonym(w))) {
        const nextTok = body[k3 + 1]!;
        const nl = nextTok.norm;
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
        if (rest.length >= 2 || FIRST_NAMES.has(rest[0]!.norm)) {
          if (!(rest.length === 1 && (ORG_CUES.has(rest[0]!.norm) || PLACE_CUES.has(rest[0]!.norm)))) {
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

    // A place before a name: its own mention.
    const parts: Seg[] = [];
    for (let q = 0; q < segs.length; q++) {
      const seg = segs[q]!;
      const afterTitle = q === 0 ? titleOf && first === 0 : segs[q - 1]!.toks.every((x) => isTitleWord(x.text));
      parts.push(...(seg.titled && q > 0 ? [seg] : splitPlace(seg, afterTitle)));
    }

    for (let q = 0; q < parts.length; q++) {
      const seg = parts[q]!;
      const isLast = q === parts.length - 1;
      const m = classify(s, seg, isLast ? followedBySpeech(toks, nextIdx) : false);
      if (m) out.push(m);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function classify(s: string, seg: Seg, speechAfter: boolean): Mention | undefined {
  const toks = seg.toks;
  // Only title/honorific words left (e.g. "Deputy Chief"): not a name.
  if (toks.every((t) => isTitleWord(t.text.replace(POSSESSIVE, '')) || HONORIFICS.has(t.norm))) {
    if (!toks.some((t) => ORG_CUES.has(t.norm))) return undefined;
  }
  const { text, start, end } = segText(s, toks, seg.possessive && toks[toks.length - 1]!.possessive);
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
  const words = toks.map((t) => t.norm.replace(/'s$/, ''));
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
  if (words.some((w) => ORG_CUES.has(w)) || (toks.length > 1 && legalForm(toks[toks.length - 1]!))) return mention('organization', key);
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
