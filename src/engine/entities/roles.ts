/**
 * Roles and titles given to people in a sentence, and comparing two roles. Read from the
 * sentence's words (./words, from the nlp tokens) and names (./mentions):
 * - a title before the name: "Turkish Foreign Minister Hakan Fidan", "Florida Governor Ron
 *   DeSantis", "Chief Executive of Hong Kong Carrie Lam", "former U.S. President", "acting",
 *   "then-Governor";
 * - an apposition: "Carrie Lam, the chief executive of Hong Kong,", "Medinsky, Russia's chief
 *   negotiator", "X, the country's defence minister,", "Park, Seoul's longest-serving mayor,",
 *   "X, formerly the chief of staff,", "Kelly, then deputy executive director of the Port Authority,";
 * - a relative clause: "who led Kyiv's delegation", "who is a historian", "who once served as
 *   Russia's culture minister";
 * - a copula: "Medinsky is a historian", "Umerov is Ukraine's defence minister";
 * - a plural title shared by names: "Prime Ministers Starmer and Tusk".
 */
import { foldForMatch } from '../text';
import { memoize } from '../text/memo';
import { countryOf, demonymCountry, lookupPlace, metonymCountry } from './gazetteer';
import { findMentions, type Mention } from './mentions';
import { HONORIFICS, isOccupation, isOfficeHead, isOfficeTitle, isTitleWord, normalizeTitle } from './titles';
import { wordIndexAt, wordsOf, type Word } from './words';

export interface RoleMention {
  /** The person mention as written. */
  person: string;
  personStart: number;
  personEnd: number;
  /** The title words as written, without country/org/"former" ("Foreign Minister"). */
  title: string;
  /** Span of the whole title phrase as written, including country/org modifier and "former". */
  titleStart: number;
  titleEnd: number;
  /** Normalised title (lower-case, folded, unified spelling, no country, no "former"). */
  norm: string;
  /** Canonical country of the modifier ("Turkish" → "Turkey", "Kyiv's" → "Ukraine"). */
  country?: string;
  former: boolean;
  /** Organisation or jurisdiction the title is of ("Kremlin", "European Commission", "Port Authority", "Florida", "Hong Kong"). */
  org?: string;
  /** The head noun is an occupation ("historian"), not an office. */
  occupation?: boolean;
  /** Held at the time the sentence tells of ("then deputy director", "then-Governor"): neither current nor former. */
  then?: boolean;
  /** Written as a clause ("who heads the health ministry"), not as a title: no title can replace it word for word. */
  clause?: boolean;
}

export interface RoleLike {
  norm: string;
  country?: string;
  former: boolean;
  org?: string;
}

type Tok = Word;

const DETERMINERS = new Set(['a', 'an', 'the']);
const LINKS = new Set(['of', 'the', 'for', 'to']);
/** Prepositions that attach what a title is of: "chief executive of Hong Kong", "minister for defence", "professor at Yale". */
const COMPLEMENT = new Set(['of', 'for', 'at']);
/** Copulas and verbs that give a subject a title ("is", "became", "serves as"), lemmas; "as" follows serve/act. */
const COPULA_LEMMAS = new Set(['be', 'become', 'remain', 'serve', 'act']);
/** Adverbs that put a title in the past ("once served as", "formerly", "previously"). */
const PAST_ADVERBS = new Set(['once', 'formerly', 'previously', 'earlier']);
const LEAD_VERBS = new Set(['lead', 'head', 'chair']);
const TEAM_NOUNS = new Set(['delegation', 'team', 'negotiating', 'negotiators', 'mission', 'talks']);

function low(t: Tok): string {
  return t.norm;
}

function spaceBetween(s: string, a: number, b: number): boolean {
  return /^[ \u00a0]{1,3}$/.test(s.slice(a, b));
}

interface Phrase {
  titleToks: Tok[];
  start: number;
  end: number;
  country?: string;
  org?: string;
  former: boolean;
  then?: boolean;
}

function countryModifier(t: Tok): string | undefined {
  const w = t.text;
  if (t.possessive) return countryOf(w.replace(/['’]s$/i, ''));
  return demonymCountry(w) ?? (/^(?:US|U\.S\.|UK|U\.K\.|EU)$/.test(w) ? countryOf(w) : undefined);
}

/** An organisation name that is not itself made of title words ("European Commission", "NATO", not "Presidential Office"). */
function isOrgName(m: Mention): boolean {
  return m.text.split(/\s+/).some((w) => !isTitleWord(w));
}

function isHead(t: Tok): boolean {
  return isOfficeHead(t.text) || isOccupation(t.text);
}

/**
 * What a mention says of the office a title names: a country ("Ukraine", "Turkish"), or an
 * organisation or jurisdiction ("Kremlin", "Port Authority", "Florida", "Seoul") with the
 * country it is in when known.
 */
function jurisdiction(m: Mention): { country?: string; org?: string } {
  if (m.kind === 'person' || m.handle) return {};
  const place = lookupPlace(m.text);
  if (m.demonym || place?.type === 'country') return { country: m.canonical ?? place?.name };
  if (m.kind === 'organization' && !isOrgName(m)) return {};
  return { org: place?.name ?? m.text, country: place?.country ?? metonymCountry(m.text) ?? leadingCountry(m.text) };
}

/** The country an organisation's name opens with ("United States Department", "Russian Foreign Ministry"). */
function leadingCountry(name: string): string | undefined {
  const words = name.split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const place = lookupPlace(head);
    if (place?.type === 'country') return place.name;
    const d = n === 1 ? demonymCountry(head) : undefined;
    if (d) return d;
  }
  return undefined;
}

/**
 * Mentions that can say what a title is of (organisations, places and other non-person names,
 * not possessive) by start and by end offset (first one wins), and possessive and person
 * mentions by start, built once per mention list: title scans look one up per word, and a scan
 * of the list per word is quadratic on long sentences.
 */
interface OrgIndex {
  n: number;
  byStart: Map<number, Mention>;
  byEnd: Map<number, Mention>;
  /** Possessive mentions by start ("Russia's", "South Carolina's"), and person mentions by start. */
  possessiveAt: Map<number, Mention>;
  personAt: Map<number, Mention>;
}
const orgIndexes = new WeakMap<Mention[], OrgIndex>();
function orgIndex(mentions: Mention[]): OrgIndex {
  let ix = orgIndexes.get(mentions);
  if (!ix || ix.n !== mentions.length) {
    ix = { n: mentions.length, byStart: new Map(), byEnd: new Map(), possessiveAt: new Map(), personAt: new Map() };
    for (const m of mentions) {
      if (m.possessive && !ix.possessiveAt.has(m.start)) ix.possessiveAt.set(m.start, m);
      if (m.kind === 'person' && !ix.personAt.has(m.start)) ix.personAt.set(m.start, m);
      if (m.kind === 'person' || m.possessive || m.handle || m.demonym) continue;
      if (!ix.byStart.has(m.start)) ix.byStart.set(m.start, m);
      if (!ix.byEnd.has(m.end)) ix.byEnd.set(m.end, m);
    }
    orgIndexes.set(mentions, ix);
  }
  return ix;
}

function buildRole(s: string, p: Phrase, person: Mention, extra?: Partial<RoleMention>): RoleMention | undefined {
  const toks = p.titleToks;
  while (toks.length && LINKS.has(low(toks[0]!))) toks.shift();
  while (toks.length && LINKS.has(low(toks[toks.length - 1]!))) toks.pop();
  if (toks.length === 0) return undefined;
  if (!extra?.norm && !toks.some(isHead)) return undefined;
  // Title as written: contiguous slice when possible, else the words joined.
  let contiguous = true;
  for (let i = 1; i < toks.length; i++) if (!/^[ \u00a0]+$/.test(s.slice(toks[i - 1]!.end, toks[i]!.start))) contiguous = false;
  const title = contiguous ? s.slice(toks[0]!.start, toks[toks.length - 1]!.end) : toks.map((t) => t.text).join(' ');
  const { norm: n0, former } = normalizeTitle(title);
  const norm = extra?.norm ?? n0;
  if (!norm) return undefined;
  const role: RoleMention = {
    person: person.text,
    personStart: person.start,
    personEnd: person.end,
    title,
    titleStart: p.start,
    titleEnd: p.end,
    norm,
    former: (p.former || former) && !p.then,
  };
  if (p.country) role.country = p.country;
  if (p.org) role.org = p.org;
  if (!isOfficeTitle(norm)) role.occupation = true;
  if (p.then) role.then = true;
  if (extra?.clause) role.clause = true;
  return role;
}

/** "former", "ex", "then" before a title: sets the phrase's time; true when `w` is one of them. */
function timeWord(w: string, p: { former: boolean; then?: boolean }): boolean {
  if (w === 'former' || w === 'ex') p.former = true;
  else if (w === 'then') p.then = true;
  else return false;
  return true;
}

/** Title phrase immediately before a name ("former U.S. President", "Kremlin spokesperson", "Deputy Foreign Minister,", "Chief Executive of Hong Kong"). */
function titleBefore(s: string, toks: readonly Tok[], idx: number, mentions: Mention[]): Phrase | undefined {
  // idx: index of the first word of the person mention
  let j = idx - 1;
  const first = toks[idx]!;
  let prevStart = first.start;
  const titleToks: Tok[] = [];
  const p: Phrase = { titleToks, start: first.start, end: first.start, former: false };
  let allowComma = true;
  /** A country, organisation or time word read: only more modifiers may come before it. */
  let modified = false;
  /** A lower-case title set off by a comma before the name: it must open with "a", "an", "the" or an owner. */
  let commaAfter = false;
  const orgs = orgIndex(mentions);
  // "Chief Executive of Hong Kong Carrie Lam", "President of the United States Donald Trump":
  // the place or body the title is of, written between the title and the name.
  const ofM = j >= 0 ? orgs.byEnd.get(toks[j]!.end) : undefined;
  const ofWhere = ofM ? jurisdiction(ofM) : {};
  if (ofM && (ofWhere.org || ofWhere.country) && spaceBetween(s, ofM.end, first.start)) {
    let k = wordIndexAt(toks, ofM.start) - 1;
    if (k >= 0 && low(toks[k]!) === 'the') k--;
    if (k >= 1 && low(toks[k]!) === 'of' && isHead(toks[k - 1]!)) {
      Object.assign(p, ofWhere);
      j = k - 1;
      prevStart = toks[k]!.start;
      allowComma = false;
    }
  }
  while (j >= 0) {
    const t = toks[j]!;
    const gap = s.slice(t.end, prevStart);
    // "ex-President", "then-Governor": a time word joined to the title by a hyphen.
    const hyphenedTime = gap === '-' && (t.norm === 'ex' || t.norm === 'then' || t.norm === 'former');
    if (!hyphenedTime && !/^[ \u00a0]{1,3}$/.test(gap)) {
      if (allowComma && /^,[ \u00a0]{1,2}$/.test(gap) && isHead(t)) {
        // "Deputy Foreign Minister, Serhiy Kyslytsya"; "a State Department spokesperson, Morgan Ortagus"
        commaAfter = !t.cap;
      } else break;
    }
    allowComma = false;
    const w = low(t);
    const orgM = orgs.byEnd.get(t.end);
    const where = orgM && titleToks.length > 0 ? jurisdiction(orgM) : {};
    if (orgM && (where.org || where.country)) {
      // "Kremlin spokesperson", "European Commission president", "Florida Governor", "Seoul mayor"
      if (where.org) p.org ??= where.org;
      if (where.country) {
        if (p.country && p.country !== where.country) break;
        p.country = where.country;
      }
      modified = true;
      p.start = orgM.start;
      while (j >= 0 && toks[j]!.start >= orgM.start) j--;
      prevStart = orgM.start;
      continue;
    }
    const c = countryModifier(t);
    if (c && (titleToks.length > 0 || !isHead(t))) {
      if (p.country && p.country !== c) break;
      p.country = c;
      modified = true;
      p.start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (timeWord(w, p)) {
      modified = true;
      p.start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if ((w.startsWith('ex-') || w.startsWith('then-')) && isTitleWord(w.slice(w.indexOf('-') + 1))) {
      timeWord(w.slice(0, w.indexOf('-')), p);
      const cut = w.indexOf('-') + 1;
      titleToks.unshift({ ...t, text: t.text.slice(cut), start: t.start + cut, norm: w.slice(cut) });
      p.start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (modified) break; // modifiers come first
    if (isTitleWord(t.text) || isOccupation(t.text) || HONORIFICS.has(w.replace(/\.$/, ''))) {
      if (HONORIFICS.has(w) && !isTitleWord(t.text)) {
        // "Mr", "Dr": not a title of office
        prevStart = t.start;
        j--;
        if (titleToks.length === 0) p.start = t.start;
        continue;
      }
      titleToks.unshift(t);
      p.start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (LINKS.has(w) && titleToks.length > 0) {
      // "Head of the Presidential Office", "Secretary of State": only inside a title
      const before = toks[j - 1];
      if (before && (isTitleWord(before.text) || LINKS.has(low(before)))) {
        titleToks.unshift(t);
        prevStart = t.start;
        j--;
        continue;
      }
    }
    break;
  }
  if (titleToks.length === 0) return undefined;
  if (commaAfter) {
    const opener = toks[j];
    if (!opener || !(DETERMINERS.has(low(opener)) || opener.possessive) || !spaceBetween(s, opener.end, p.start)) return undefined;
  }
  // A title ending in a non-head modifier ("Foreign") is not a title.
  const last = titleToks[titleToks.length - 1]!;
  if (!isHead(last) && !titleToks.some((t) => low(t) === 'of')) return undefined;
  p.end = last.end;
  return p;
}

/** Parts of speech that can modify a title's head inside an apposition ("longest-serving mayor", "human rights lawyer"). */
function modifier(t: Tok): boolean {
  return t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'NUM';
}

/**
 * Title phrase after a name or copula, starting at word `j`: an apposition (", Russia's chief
 * negotiator,", ", the chief executive of Hong Kong,") or a predicate ("is a historian by training").
 * An apposition must be closed by punctuation or the end of the sentence.
 */
function titleAfter(s: string, toks: readonly Tok[], j0: number, mentions: Mention[], copula: boolean, former = false): Phrase | undefined {
  const orgs = orgIndex(mentions);
  const p: Phrase = { titleToks: [], start: -1, end: -1, former };
  const words: Tok[] = [];
  let j = j0;
  let prevEnd = toks[j0 - 1]?.end ?? 0;
  const next = (t: Tok) => {
    if (p.start < 0) p.start = t.start;
    prevEnd = t.end;
  };
  // Time words and the determiner or possessive owner.
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (j > j0 && !spaceBetween(s, prevEnd, t.start)) break;
    const w = low(t);
    if (PAST_ADVERBS.has(w)) {
      p.former = true;
      next(t);
      continue;
    }
    if (w === 'then' || w === 'former' || w === 'ex') {
      timeWord(w, p);
      next(t);
      continue;
    }
    if (words.length === 0 && DETERMINERS.has(w)) {
      prevEnd = t.end;
      continue;
    }
    // The possessive owner: "Russia's", "Seoul's", "the Kremlin's", "South Carolina's", "Putin's",
    // "the country's": whose office it is (a person's or a common noun's tells nothing more).
    const owner = orgs.possessiveAt.get(t.start);
    const ownerEnd = owner ? Math.max(j, wordIndexAt(toks, owner.end) - 1) : j;
    const last = toks[ownerEnd];
    if (t.possessive || (owner && last?.possessive)) {
      const where = owner ? jurisdiction(owner) : {};
      const c = where.country ?? countryOf(t.text.replace(/['’]s$/i, ''));
      if (c) p.country ??= c;
      if (where.org) p.org ??= where.org;
      const end = owner && last?.possessive ? ownerEnd : j;
      if (p.start < 0) p.start = t.start;
      next(toks[end]!);
      j = end + 1;
      break;
    }
    break;
  }
  // Modifiers and the head: country and organisation names, title words, other modifiers.
  let headAt = -1;
  for (; j < toks.length && words.length < 8; j++) {
    const t = toks[j]!;
    if (!spaceBetween(s, prevEnd, t.start) && words.length + (p.start >= 0 ? 1 : 0) > 0) break;
    const w = low(t);
    if (timeWord(w, p)) {
      next(t);
      continue;
    }
    const orgM = orgs.byStart.get(t.start);
    if (orgM && !isTitleWord(t.text)) {
      const where = jurisdiction(orgM);
      if (where.org) p.org ??= where.org;
      if (where.country) {
        if (p.country && p.country !== where.country) break;
        p.country = where.country;
      }
      while (j + 1 < toks.length && toks[j + 1]!.end <= orgM.end) j++;
      next(toks[j]!);
      continue;
    }
    const c = countryModifier(t);
    if (c && !isHead(t)) {
      if (p.country && p.country !== c) break;
      p.country = c;
      next(t);
      continue;
    }
    if (isTitleWord(t.text) || isOccupation(t.text) || (modifier(t) && !t.cap && !t.possessive)) {
      words.push(t);
      if (isHead(t)) headAt = words.length - 1;
      next(t);
      continue;
    }
    break;
  }
  if (headAt < 0) return undefined;
  let kept = words.slice(0, headAt + 1);
  let end = kept[kept.length - 1]!.end;
  // What the office is of: "of Hong Kong", "of the Port Authority", "of Turkey's intelligence agency", "for defence".
  const prep = toks[wordIndexAt(toks, end)];
  if (prep && COMPLEMENT.has(low(prep)) && spaceBetween(s, end, prep.start) && (kept.length === words.length)) {
    let k = wordIndexAt(toks, prep.end);
    let at = prep.end;
    const inner: Tok[] = [];
    let where: { country?: string; org?: string } = {};
    let ok = true;
    for (let n = 0; k < toks.length && n < 10; k++, n++) {
      const t = toks[k]!;
      if (!spaceBetween(s, at, t.start)) break;
      const w = low(t);
      // A person's name here makes it a list of titled names ("…, Deputy Chief of the General Staff Igor Kostyukov"), not an apposition.
      // A single word read as a person's ("the chief executive of Tesco, said") has no first
      // name: what the office is of.
      const person = orgs.personAt.get(t.start);
      if (person && /\s/.test(person.text)) {
        ok = false;
        break;
      }
      if (person) {
        if (where.org === undefined && where.country === undefined) where = { org: person.text };
        at = t.end;
        continue;
      }
      const orgM = orgs.byStart.get(t.start);
      if (orgM) {
        // The first name is what the office is of ("the Port Authority of New York and New Jersey": the Port Authority).
        if (where.org === undefined && where.country === undefined) where = jurisdiction(orgM);
        while (k + 1 < toks.length && toks[k + 1]!.end <= orgM.end) k++;
        at = toks[k]!.end;
        continue;
      }
      if (DETERMINERS.has(w) && (inner.length === 0 || at > prep.end)) {
        at = t.end;
        continue;
      }
      if (t.possessive && inner.length === 0) {
        const c = countryOf(t.text.replace(/['’]s$/i, ''));
        if (c) where = { ...where, country: c };
        at = t.end;
        continue;
      }
      // "of New York and New Jersey": connectors inside a name.
      const nx = toks[k + 1];
      if ((w === 'of' || w === 'and' || w === 'for' || w === '&') && at > prep.end && nx?.cap && spaceBetween(s, t.end, nx.start)) {
        at = t.end;
        continue;
      }
      if (modifier(t) && !t.cap) {
        inner.push(t);
        at = t.end;
        continue;
      }
      if (t.cap && (isTitleWord(t.text) || t.pos === 'PROPN')) {
        inner.push(t);
        at = t.end;
        continue;
      }
      ok = false;
      break;
    }
    // The complement closes the apposition (or is a title's own words: "Head of the Presidential Office").
    const closed = /^\s*(?:[,.;:)\]—–]|$)/.test(s.slice(at));
    if (ok && at > prep.end && (closed || copula)) {
      if (where.country && p.country && where.country !== p.country) return undefined;
      if (where.country) p.country ??= where.country;
      if (where.org) p.org ??= where.org;
      // A common-noun complement is part of the title ("head of intelligence agency"); a name is what it is of.
      if (inner.length > 0 && !inner.some((t) => t.cap && !isTitleWord(t.text))) kept = [...kept, prep, ...inner];
      end = at;
    }
  }
  if (!copula && !/^\s*(?:[,.;:)\]—–]|$)/.test(s.slice(end))) return undefined;
  p.titleToks = kept;
  p.end = end;
  if (p.start < 0) p.start = kept[0]!.start;
  return p;
}

/** ", who led Kyiv's delegation" → delegation leader. */
function leadClause(s: string, toks: readonly Tok[], idx: number): Phrase | undefined {
  const a = toks[idx];
  const b = toks[idx + 1];
  if (!a || !b || low(a) !== 'who' || !LEAD_VERBS.has(b.lemma)) return undefined;
  let j = idx + 2;
  let country: string | undefined;
  const c = toks[j];
  if (!c) return undefined;
  if (DETERMINERS.has(low(c))) j++;
  else {
    const cm = countryModifier(c) ?? (c.possessive ? countryOf(c.text) : undefined);
    if (cm) {
      country = cm;
      j++;
    } else if (/^(?:his|her|their|its)$/.test(low(c))) j++;
  }
  const d = toks[j];
  if (d) {
    const dc = demonymCountry(d.text);
    if (dc && !country) {
      country = dc;
      j++;
    }
  }
  const noun = toks[j];
  if (!noun || !TEAM_NOUNS.has(low(noun))) return undefined;
  let endTok = noun;
  if (low(noun) === 'negotiating' && toks[j + 1] && TEAM_NOUNS.has(low(toks[j + 1]!))) endTok = toks[j + 1]!;
  return { titleToks: [b, ...toks.slice(idx + 2, toks.indexOf(endTok) + 1)], start: b.start, end: endTok.end, country, former: false };
}

/** Bodies whose head is named after them: the head of a ministry is its minister. */
const MINISTRY_NOUNS = new Set(['ministry']);

/**
 * ", who heads Russia's emergencies ministry" → emergencies minister (of Russia); ", who heads
 * the state weather agency" → head of state weather agency. The verb of heading (LEAD_VERBS)
 * and the body it heads, up to the clause's end; delegations and teams are `leadClause`'s.
 */
function headsClause(s: string, toks: readonly Tok[], idx: number): { phrase: Phrase; norm: string } | undefined {
  const a = toks[idx];
  const b = toks[idx + 1];
  // (Only an inflected form, "heads" or "led", as after one named person.)
  if (!a || !b || low(a) !== 'who' || !LEAD_VERBS.has(b.lemma) || b.lemma === low(b)) return undefined;
  let j = idx + 2;
  let country: string | undefined;
  const body: string[] = [];
  let last: Tok | undefined;
  for (let n = 0; j < toks.length && n < 6; j++, n++) {
    const t = toks[j]!;
    if (n > 0 && !/^[ \u00a0]+$/.test(s.slice(toks[j - 1]!.end, t.start))) break;
    if (n === 0 && DETERMINERS.has(low(t))) continue;
    const cm = n === 0 ? countryModifier(t) ?? (t.possessive ? countryOf(t.text) : undefined) : undefined;
    if (cm) {
      country = cm;
      continue;
    }
    if (!/^[\p{L}-]+$/u.test(t.text)) break;
    body.push(low(t));
    last = t;
  }
  if (!last || body.length === 0 || TEAM_NOUNS.has(body[body.length - 1]!)) return undefined;
  const head = body[body.length - 1]!;
  const norm = MINISTRY_NOUNS.has(head) ? [...body.slice(0, -1), 'minister'].join(' ') : `head of ${body.join(' ')}`;
  return { phrase: { titleToks: [b, ...toks.slice(idx + 2, toks.indexOf(last) + 1)], start: b.start, end: last.end, country, former: false }, norm };
}

/**
 * ", who is / was / has been / became / once served as / is now …" before a predicate title:
 * the index of the title's first word and whether the clause puts it in the past.
 */
function relativeClause(toks: readonly Tok[], idx: number): { at: number; former: boolean } | undefined {
  if (toks[idx]?.norm !== 'who') return undefined;
  let j = idx + 1;
  let former = false;
  let verb = false;
  for (let n = 0; j < toks.length && n < 5; j++, n++) {
    const t = toks[j]!;
    const w = low(t);
    if (PAST_ADVERBS.has(w)) {
      former = true;
      continue;
    }
    if (t.pos === 'ADV' && !verb) continue;
    if (COPULA_LEMMAS.has(t.lemma) || w === 'has' || w === 'had' || w === 'been') {
      // "served as" (not "serves as"), "had been": a title held before
      if (w === 'served' || w === 'had') former = true;
      verb = true;
      continue;
    }
    if (w === 'as' && verb) continue;
    break;
  }
  return verb ? { at: j, former } : undefined;
}

function tokenStartingAt(toks: readonly Tok[], start: number): number {
  const i = wordIndexAt(toks, start);
  return i < toks.length && toks[i]!.start === start ? i : -1;
}

/**
 * Roles given to people in one sentence (see the module comment). Offsets are relative to
 * `sentence`.
 */
export function findRoles(sentence: string, mentions?: Mention[]): RoleMention[] {
  const s = sentence;
  const ms = mentions ?? findMentions(s);
  const people = ms.filter((m) => (m.kind === 'person' || m.kind === 'other') && !m.handle && !m.demonym);
  if (people.length === 0) return [];
  const toks = wordsOf(s);
  const out: RoleMention[] = [];
  let lastPlural: RoleMention | undefined;
  for (const p of people) {
    // Word starting where the person does (words are in order, one per start offset).
    const idx = tokenStartingAt(toks, p.start);
    if (idx < 0) continue;
    let endIdx = idx;
    while (endIdx + 1 < toks.length && toks[endIdx + 1]!.start < p.end) endIdx++;
    let found = false;

    const before = titleBefore(s, toks, idx, ms);
    if (before) {
      const plural = /s$/i.test(before.titleToks[before.titleToks.length - 1]!.text);
      const r = buildRole(s, before, p);
      if (r) {
        out.push(r);
        found = true;
        lastPlural = plural ? r : undefined;
      }
    } else if (lastPlural && /^(?:,\s*|\s+)(?:and\s+)?$/.test(s.slice(lastPlural.personEnd, p.start))) {
      // "Prime Ministers Starmer and Tusk"
      out.push({ ...lastPlural, person: p.text, personStart: p.start, personEnd: p.end });
      lastPlural = { ...lastPlural, personEnd: p.end };
      found = true;
    } else lastPlural = undefined;

    // After the name.
    const afterTok = toks[endIdx + 1];
    /** The title a relative clause after the name gives ("…, who is the defence minister"). */
    const pushRelative = (rel: { at: number; former: boolean }) => {
      const ph = titleAfter(s, toks, rel.at, ms, true, rel.former);
      const r = ph && buildRole(s, ph, p);
      if (r) out.push(r);
    };
    const gap = afterTok ? s.slice(p.end, afterTok.start) : '';
    if (afterTok && /^\s*,\s*$/.test(gap)) {
      const lead = leadClause(s, toks, endIdx + 1);
      if (lead) {
        const r = buildRole(s, lead, p, { norm: 'delegation leader', clause: true });
        if (r) out.push(r);
        continue;
      }
      const rel = relativeClause(toks, endIdx + 1);
      if (rel) {
        pushRelative(rel);
        continue;
      }
      const heads = headsClause(s, toks, endIdx + 1);
      if (heads) {
        const r = buildRole(s, heads.phrase, p, { norm: heads.norm, clause: true });
        if (r) out.push(r);
        continue;
      }
      const ph = titleAfter(s, toks, endIdx + 1, ms, false);
      const r = ph && buildRole(s, ph, p);
      if (r && !(found && r.norm === out[out.length - 1]?.norm)) out.push(r);
      continue;
    }
    // The same relative clause without its comma ("Mike Pompeo who is the secretary of
    // state"): after a name, it can only describe that person.
    if (afterTok && /^\s+$/.test(gap) && afterTok.norm === 'who') {
      const rel = relativeClause(toks, endIdx + 1);
      if (rel) pushRelative(rel);
      continue;
    }
    if (afterTok && /^\s+$/.test(gap)) {
      let k = endIdx + 1;
      let cop = afterTok;
      let former = false;
      // "has been", "had been", "is now", "was once"
      while (k + 1 < toks.length && (low(cop) === 'has' || low(cop) === 'had') && low(toks[k + 1]!) === 'been') {
        former = low(cop) === 'had';
        cop = toks[++k]!;
      }
      if (cop.lemma === 'be' || cop.lemma === 'become' || cop.lemma === 'remain') {
        let at = k + 1;
        while (toks[at] && (low(toks[at]!) === 'now' || PAST_ADVERBS.has(low(toks[at]!)))) {
          if (PAST_ADVERBS.has(low(toks[at]!))) former = true;
          at++;
        }
        const ph = titleAfter(s, toks, at, ms, true, former);
        const r = ph && buildRole(s, ph, p);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

const SOFT = new Set(['senior', 'top', 'lead', 'chief', 'presidential', 'special', 'federal', 'principal', 'main', 'current']);

function coreTitle(norm: string): string {
  const words = norm.split(/\s+/).filter(Boolean);
  const ofAt = words.indexOf('of');
  const headAt = ofAt > 0 ? ofAt - 1 : words.length - 1;
  return words.filter((w, i) => i === headAt || i > headAt || !SOFT.has(w)).join(' ');
}

/**
 * The office a title names, for grouping: two roles that `rolesConflict` does not call
 * 'different' have the same key (the converse does not hold: countries and organisations count too).
 */
export function titleKey(norm: string): string {
  return coreOf(normOf(norm));
}

/** A role's title normalised, and its core: compared for every pair of roles a check looks at, so remembered. */
const normOf = memoize((norm: string) => normalizeTitle(norm).norm, 4096);
const coreOf = memoize(coreTitle, 4096);

/**
 * Compares two roles: the same office (titles equal up to spelling and soft
 * modifiers such as "senior", countries/organisations compatible — an unknown
 * one is compatible), the same office differing only by "former", or different.
 */
export function rolesConflict(a: RoleLike, b: RoleLike): 'same' | 'former-only' | 'different' {
  if (a.country && b.country && a.country !== b.country) return 'different';
  if (a.org && b.org && foldForMatch(a.org) !== foldForMatch(b.org)) return 'different';
  const x = normOf(a.norm);
  const y = normOf(b.norm);
  if (x !== y && coreOf(x) !== coreOf(y)) return 'different';
  return a.former === b.former ? 'same' : 'former-only';
}
