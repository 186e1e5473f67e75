/** Roles/titles given to people in a sentence, and comparing two roles. */
import { foldForMatch } from '../text';
import { memoize } from '../text/memo';
import { countryOf, demonymCountry, metonymCountry } from './gazetteer';
import { findMentions, scanTokens, tokenIndexAt, type Mention, type Tok } from './mentions';
import { HONORIFICS, isOccupation, isOfficeHead, isOfficeTitle, isTitleWord, normalizeTitle } from './titles';



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
  /** Organisation modifier ("Kremlin", "European Commission", "NATO"). */
  org?: string;
  /** The head noun is an occupation ("historian"), not an office. */
  occupation?: boolean;
}

export interface RoleLike {
  norm: string;
  country?: string;
  former: boolean;
  org?: string;
}

const POSS = /['’]s$/i;
const DETERMINERS = new Set(['a', 'an', 'the']);
const LINKS = new Set(['of', 'the', 'for', 'to']);
const COPULAS = new Set(['is', 'was', 'has been', 'had been', 'became', 'remains', 'remained', 'is now', 'was once']);
const LEAD_VERBS = new Set(['led', 'leads', 'headed', 'heads', 'leading', 'heading', 'chaired', 'chairs']);
const TEAM_NOUNS = new Set(['delegation', 'team', 'negotiating', 'negotiators', 'mission', 'talks']);

function low(t: Tok): string {
  // foldForMatch already turns ’ into '.
  return foldForMatch(t.text);
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
}

function countryModifier(t: Tok): string | undefined {
  const w = t.text;
  if (POSS.test(w)) return countryOf(w.replace(POSS, ''));
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
 * Non-possessive organisation mentions by start and by end offset (first one wins,
 * as `find` did), built once per mention list: title scans look one up per token,
 * and a scan of the list per token is quadratic on long sentences.
 */
interface OrgIndex {
  n: number;
  byStart: Map<number, Mention>;
  byEnd: Map<number, Mention>;
}
const orgIndexes = new WeakMap<Mention[], OrgIndex>();
function orgIndex(mentions: Mention[]): OrgIndex {
  let ix = orgIndexes.get(mentions);
  if (!ix || ix.n !== mentions.length) {
    ix = { n: mentions.length, byStart: new Map(), byEnd: new Map() };
    for (const m of mentions) {
      if (m.kind !== 'organization' || m.possessive) continue;
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
    former: p.former || former,
  };
  if (p.country) role.country = p.country;
  if (p.org) role.org = p.org;
  if (!isOfficeTitle(norm)) role.occupation = true;
  return role;
}

/** Title phrase immediately before a name ("former U.S. President", "Kremlin spokesperson", "Deputy Foreign Minister,"). */
function titleBefore(s: string, toks: Tok[], idx: number, mentions: Mention[]): Phrase | undefined {
  // idx: index of the first token of the person mention
  let j = idx - 1;
  const first = toks[idx]!;
  let prevStart = first.start;
  const titleToks: Tok[] = [];
  let country: string | undefined;
  let org: string | undefined;
  let former = false;
  let start = first.start;
  let allowComma = true;
  while (j >= 0) {
    const t = toks[j]!;
    const gap = s.slice(t.end, prevStart);
    if (!/^[ \u00a0]{1,3}$/.test(gap)) {
      if (allowComma && /^,[ \u00a0]{1,2}$/.test(gap) && isHead(t) && t.cap) {
        // "Deputy Foreign Minister, Serhiy Kyslytsya"
      } else break;
    }
    allowComma = false;
    const w = low(t);
    const orgM = orgIndex(mentions).byEnd.get(t.end);
    if (orgM && isOrgName(orgM)) {
      org = orgM.text;
      country ??= metonymCountry(orgM.text);
      start = orgM.start;
      // skip tokens of the org mention
      while (j >= 0 && toks[j]!.start >= orgM.start) j--;
      prevStart = orgM.start;
      continue;
    }
    const c = countryModifier(t);
    if (c && (titleToks.length > 0 || !isHead(t))) {
      if (country && country !== c) break;
      country = c;
      start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (w === 'former' || w === 'ex') {
      former = true;
      start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (w.startsWith('ex-') && isTitleWord(w.slice(3))) {
      former = true;
      titleToks.unshift({ ...t, text: t.text.slice(3), start: t.start + 3 });
      start = t.start;
      prevStart = t.start;
      j--;
      continue;
    }
    if (country || org || former) break; // modifiers come first
    if (isTitleWord(t.text) || isOccupation(t.text) || HONORIFICS.has(w.replace(/\.$/, ''))) {
      if (HONORIFICS.has(w) && !isTitleWord(t.text)) {
        // "Mr", "Dr": not a title of office
        prevStart = t.start;
        j--;
        if (titleToks.length === 0) start = t.start;
        continue;
      }
      titleToks.unshift(t);
      start = t.start;
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
  // A title ending in a non-head modifier ("Foreign") is not a title.
  const last = titleToks[titleToks.length - 1]!;
  if (!isHead(last) && !titleToks.some((t) => low(t) === 'of')) return undefined;
  return { titleToks, start, end: last.end, country, org, former };
}

/** Title phrase after a name: apposition (", Russia's chief negotiator,") or copula ("is a historian"). */
function titleAfter(s: string, toks: Tok[], idx: number, mentions: Mention[], copula: boolean): Phrase | undefined {
  let j = idx;
  const titleToks: Tok[] = [];
  let country: string | undefined;
  let org: string | undefined;
  let former = false;
  let start = -1;
  let seenDet = false;
  let prevEnd = toks[idx - 1]?.end ?? 0;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (j > idx && !spaceBetween(s, prevEnd, t.start)) break;
    const w = low(t);
    if (!seenDet && titleToks.length === 0 && !country && DETERMINERS.has(w)) {
      seenDet = true;
      prevEnd = t.end;
      continue;
    }
    if (w === 'former' || w === 'ex') {
      former = true;
      if (start < 0) start = t.start;
      prevEnd = t.end;
      continue;
    }
    const orgM = orgIndex(mentions).byStart.get(t.start);
    if (orgM && isOrgName(orgM)) {
      org = orgM.text;
      country ??= metonymCountry(orgM.text);
      if (start < 0) start = orgM.start;
      while (j + 1 < toks.length && toks[j + 1]!.end <= orgM.end) j++;
      prevEnd = orgM.end;
      continue;
    }
    const c = countryModifier(t);
    if (c && !isHead(t)) {
      if (country && country !== c) break;
      country = c;
      if (start < 0) start = t.start;
      prevEnd = t.end;
      continue;
    }
    if (isTitleWord(t.text) || isOccupation(t.text)) {
      titleToks.push(t);
      if (start < 0) start = t.start;
      prevEnd = t.end;
      continue;
    }
    if (LINKS.has(w) && titleToks.length > 0) {
      const next = toks[j + 1];
      if (next && (isTitleWord(next.text) || LINKS.has(low(next)) || (next.cap && !copula))) {
        titleToks.push(t);
        prevEnd = t.end;
        continue;
      }
    }
    break;
  }
  // trailing links
  while (titleToks.length && LINKS.has(low(titleToks[titleToks.length - 1]!))) titleToks.pop();
  if (titleToks.length === 0 || start < 0) return undefined;
  // The head noun must close the phrase (allowing "of the General Staff").
  const lastHeadIdx = titleToks.map(isHead).lastIndexOf(true);
  if (lastHeadIdx < 0) return undefined;
  const ofIdx = titleToks.findIndex((t) => low(t) === 'of');
  const kept = ofIdx > 0 && ofIdx > lastHeadIdx ? titleToks : titleToks.slice(0, lastHeadIdx + 1);
  if (kept.length !== titleToks.length && !copula) {
    // apposition must end at the head
    return undefined;
  }
  const end = kept[kept.length - 1]!.end;
  if (!copula) {
    // An apposition is closed by punctuation or the end of the sentence.
    const rest = s.slice(end);
    if (!/^\s*(?:[,.;:)\]—–]|$)/.test(rest)) return undefined;
  }
  return { titleToks: kept, start, end, country, org, former };
}

/** ", who led Kyiv's delegation" → delegation leader. */
function leadClause(s: string, toks: Tok[], idx: number): Phrase | undefined {
  const a = toks[idx];
  const b = toks[idx + 1];
  if (!a || !b || low(a) !== 'who' || !LEAD_VERBS.has(low(b))) return undefined;
  let j = idx + 2;
  let country: string | undefined;
  const c = toks[j];
  if (!c) return undefined;
  if (DETERMINERS.has(low(c))) j++;
  else {
    const cm = countryModifier(c) ?? (POSS.test(c.text) ? countryOf(c.text) : undefined);
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

function tokenStartingAt(toks: Tok[], start: number): number {
  const i = tokenIndexAt(toks, start);
  return i < toks.length && toks[i]!.start === start ? i : -1;
}

/**
 * Roles given to people in one sentence: title before the name ("Turkish Foreign
 * Minister Hakan Fidan"), apposition ("Vladimir Medinsky, Russia's chief
 * negotiator"), relative clause ("Umerov, who led Kyiv's delegation"), copula
 * ("Medinsky is a historian") and shared plural titles ("Prime Ministers
 * Starmer and Tusk"). Offsets are relative to `sentence`.
 */
export function findRoles(sentence: string, mentions?: Mention[]): RoleMention[] {
  const s = sentence;
  const ms = mentions ?? findMentions(s);
  const people = ms.filter((m) => (m.kind === 'person' || m.kind === 'other') && !m.handle && !m.demonym);
  if (people.length === 0) return [];
  const toks = scanTokens(s);
  const out: RoleMention[] = [];
  let lastPlural: RoleMention | undefined;
  for (const p of people) {
    // Token starting where the person does (tokens are in order, one per start offset).
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
    const gap = afterTok ? s.slice(p.end, afterTok.start) : '';
    if (afterTok && /^\s*,\s*$/.test(gap)) {
      const lead = leadClause(s, toks, endIdx + 1);
      if (lead) {
        const r = buildRole(s, lead, p, { norm: 'delegation leader' });
        if (r) out.push(r);
        continue;
      }
      if (low(afterTok) === 'who' && toks[endIdx + 2] && COPULAS.has(low(toks[endIdx + 2]!))) {
        const ph = titleAfter(s, toks, endIdx + 3, ms, true);
        const r = ph && buildRole(s, ph, p);
        if (r) out.push(r);
        continue;
      }
      const ph = titleAfter(s, toks, endIdx + 1, ms, false);
      const r = ph && buildRole(s, ph, p);
      if (r && !(found && r.norm === out[out.length - 1]?.norm)) out.push(r);
      continue;
    }
    if (afterTok && /^\s+$/.test(gap)) {
      let k = endIdx + 1;
      let cop = low(afterTok);
      if ((cop === 'has' || cop === 'had') && toks[k + 1] && low(toks[k + 1]!) === 'been') {
        cop = `${cop} been`;
        k++;
      }
      if (COPULAS.has(cop)) {
        const ph = titleAfter(s, toks, k + 1, ms, true);
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
