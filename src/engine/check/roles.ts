/** Roles and titles: the draft must give a person a title the sources give them. */
import { findRoles, rolesConflict, sameNameWord, type RoleMention } from '../entities';
import { tokensOf } from '../nlp';
import { foldForMatch } from '../text/fold';
import { evidenceOf, outletName, type RoleRec } from '../store';
import { draftText } from '../text/plain';
import type { Diagnostic, Fix } from '../types';
import { sentencesOfSources, type SentenceContext } from './context';
import { finding } from './finding';
import { normalizeTitleWord } from '../entities/titles';

/**
 * Offices of government whose holder a source names unambiguously: a person called one of
 * these by the sources and another by the draft has been given the wrong office (a chief
 * executive is the head of government of Hong Kong and Macau, or of a company).
 */
const GOVERNMENT_HEADS = ['president', 'prime minister', 'chancellor', 'minister', 'secretary', 'spokesperson', 'king', 'queen', 'premier', 'vice president', 'governor', 'mayor', 'chief executive'];

/**
 * Words of a title that give rank or standing, not the office's portfolio: "deputy health
 * minister" and "health minister" share a portfolio (whether the rank is right is left open).
 */
const RANK_WORDS = new Set(['deputy', 'vice', 'acting', 'assistant', 'junior', 'senior', 'interim', 'caretaker', 'former', 'then', 'shadow', 'state', 'national', 'federal', 'chief', 'first', 'principal']);

/** What an office with head `h` is over: "health minister", "minister of health" → health. */
function portfolio(norm: string, h: string): string[] {
  const hw = new Set(h.split(' '));
  return norm.split(/\s+/).filter((w) => !hw.has(w) && w !== 'of' && w !== 'the' && w !== 'for' && w !== 'and' && !RANK_WORDS.has(w));
}

/**
 * Whether a sourced office is another office than the draft's: another head ("president"
 * for a "prime minister"), or the same head over another portfolio ("Interior Minister" for a
 * "health minister"; a bare "minister" decides nothing).
 */
function otherOffice(draftNorm: string, h: string, sourced: string): boolean {
  const theirs = head(sourced);
  if (!theirs) return false;
  if (theirs !== h) return !sourced.includes(h);
  const a = portfolio(draftNorm, h);
  const b = portfolio(sourced, h);
  return a.length > 0 && b.length > 0 && !a.some((w) => b.includes(w));
}

/** The words of a normalised title that name its office: "secretary of state", "minister of health" → the words before "of". */
function officeWords(norm: string): string[] {
  const of = norm.indexOf(' of ');
  return (of > 0 ? norm.slice(0, of) : norm).split(/\s+/);
}

function head(norm: string): string | undefined {
  const words = officeWords(norm);
  // The longest office that ends the title ("chief executive" before "executive").
  for (const h of [...GOVERNMENT_HEADS].sort((a, b) => b.length - a.length)) {
    const hw = h.split(' ');
    const tail = words.slice(-hw.length).join(' ');
    if (tail === h) return h;
  }
  return undefined;
}

/**
 * Whether two roles name one office by a known country or organisation on both sides (the
 * draft's "Florida Governor", a source's "Florida Governor Ron DeSantis"; "Kremlin spokesperson"):
 * then a source about another story still tells who holds it. A bare title ("mayor") does not:
 * an archive has many.
 */
function sameOffice(r: { country?: string; org?: string; former: boolean; then?: boolean }, x: RoleRec): boolean {
  if (r.former || r.then || x.former || x.then) return false;
  return sameJurisdiction(r, x);
}

/**
 * A title as the source gives it: with "former" where the source says so, and the place or
 * body it is of when the source names one before or after it ("Florida Governor", "Port
 * Authority deputy executive director", "Kremlin spokesperson").
 */
function displayTitle(r: RoleRec, withOrg = true): string {
  const title = withOrg && r.org && !foldForMatch(r.title).includes(foldForMatch(r.org)) ? `${r.org} ${r.title}` : r.title;
  return r.former && !/^(former|ex-)/i.test(title) ? `former ${title}` : title;
}

/**
 * A replacement title written as the draft writes titles: capitalised word by word when the draft's
 * title word is ("Defence Minister" → "Chief Negotiator"), as the sources write it otherwise
 * ("Kremlin spokesperson" → "chief negotiator"), and with a capital letter when it starts the sentence.
 */
function matchCase(written: string, title: string, atStart: boolean): string {
  const last = written.trim().split(/\s+/).pop() ?? '';
  const titled = /^\p{Lu}/u.test(last);
  let out = titled ? title.replace(/[\p{L}’']+/gu, (w) => (/^(of|the|and|for|to|on|in|at)$/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1))) : title;
  if (atStart) out = out[0]!.toUpperCase() + out.slice(1);
  return out;
}

/**
 * Whether two people's names end in the same surname (spelling variants allowed): a source that
 * gives a title to "Matiu Ratana" gives it to the "Matt Ratana" of the draft, under another form
 * of his first name, not to someone else.
 */
function sameSurname(a: string, b: string): boolean {
  const x = a.trim().split(/\s+/);
  const y = b.trim().split(/\s+/);
  return x.length > 0 && y.length > 0 && sameNameWord(x[x.length - 1]!, y[y.length - 1]!);
}

/** Superlatives in a title ("longest-serving", "youngest"): a claim of their own, which a source's plain title does not support. */
function superlatives(ctx: SentenceContext, start: number, end: number): string[] {
  // The tagger reads "longest" as the adjective "long" (a form in -est with another lemma).
  return tokensOf(ctx.sentence.text)
    .filter((t) => t.start >= start && t.end <= end && t.pos === 'ADJ' && t.norm.endsWith('est') && t.lemma !== t.norm)
    .map((t) => t.norm);
}

export function checkRoles(ctx: SentenceContext): Diagnostic[] {
  let roles: RoleMention[];
  try {
    roles = findRoles(ctx.sentence.text);
  } catch {
    return [];
  }
  if (roles.length === 0) return [];
  return judgeRoles(ctx, roles);
}

/**
 * The holders of the draft's office, when the sources identify it: those of the same country
 * or body where the draft names one, else the one person the story gives the title to. A
 * title several people hold in the story ("President" of Ukraine, of Russia and of Turkey;
 * "Judge", "Senator") names no one, so it shows no one else holds the draft's.
 */
function identifiedHolders(corpus: SentenceContext['corpus'], r: RoleMention, candidates: RoleRec[]): RoleRec[] {
  // Anyone may once have held a title: a former one names no single holder.
  if (r.former) return [];
  // A holder the sources also call former ("Mayor Tomas Reyl", "former mayor Tomas Reyl") may no longer hold it.
  const current = candidates.filter((x) => !x.former && !corpus.rolesOf(x.entity).some((y) => y.former && y.norm === x.norm));
  // Many hold these at once in a country ("United States District Judge", "US Senator"); only a
  // body of its own ("Kremlin spokesman") makes one of them its single holder.
  const many = MANY_HOLDERS.has(officeWord(r.norm));
  const single = (x: RoleRec) => !many || (r.org !== undefined && x.org !== undefined);
  const same = current.filter((x) => sameOffice(r, x) && single(x));
  if (same.length > 0) return same;
  const people = (xs: RoleRec[]) => new Set(xs.map((x) => corpus.registry.get(x.entity)?.id ?? x.entity)).size;
  // A title the draft places ("Florida Governor", "deputy executive director of the Port
  // Authority") is held by one the sources place there too, at any time the sentence tells of.
  if (r.country || r.org) {
    const placed = current.filter((x) => sameJurisdiction(r, x) && single(x));
    return people(placed) === 1 ? placed : [];
  }
  if (many) return [];
  return people(current) === 1 ? current : [];
}

/** Both titles name the same country or body (whatever their time). */
function sameJurisdiction(r: { country?: string; org?: string }, x: RoleRec): boolean {
  if (r.org || x.org) return !!(r.org && x.org && foldForMatch(r.org) === foldForMatch(x.org));
  return !!(r.country && r.country === x.country);
}

/** The word naming the office in a normalised title: the one before "of", else the last ("judge", "chief executive" → executive). */
function officeWord(norm: string): string {
  const words = officeWords(norm);
  return words[words.length - 1]!;
}

/**
 * Offices many people hold at once, in one place: a title alone does not say which holder
 * is meant, so another holder of it shows nothing about the draft's person.
 */
const MANY_HOLDERS = new Set([
  'judge', 'justice', 'senator', 'representative', 'representatives', 'congressman', 'congresswoman', 'congressperson', 'lawmaker', 'legislator',
  'councillor', 'councilman', 'councilwoman', 'member', 'delegate', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisor',
  'aide', 'general', 'colonel', 'sergeant', 'officer', 'official', 'attorney', 'lawyer', 'prosecutor', 'commissioner', 'ambassador', 'envoy',
  'chair', 'chairman', 'chairwoman', 'ceo', 'professor', 'doctor', 'sheriff',
]);

/** Whether a title is written in the plural ("presidents", "Foreign Ministers of …"). */
function pluralTitle(title: string): boolean {
  const words = title.toLowerCase().split(/\s+/);
  const of = words.indexOf('of');
  const w = (of > 0 ? words[of - 1] : words[words.length - 1]) ?? '';
  return w.endsWith('s') && normalizeTitleWord(w) !== w.replace(/[.'’]/g, '');
}

/** Whether a source of the sentence's story (any source, where they are all one story) mentions the entity. */
function knownInStory(ctx: SentenceContext, entity: number): boolean {
  const { corpus } = ctx;
  const scope = ctx.scope;
  const sents = corpus.store.sents;
  // Mentions keep the id an entity had when they were read; merged entities answer to one id.
  const his = (m: { entity: number }) => m.entity === entity || corpus.registry.get(m.entity)?.id === entity;
  const ids = scope instanceof Set ? sentencesOfSources(corpus, scope) : undefined;
  if (ids) return ids.some((id) => sents[id]!.mentions.some(his));
  if (scope !== 'all') return false;
  return sents.some((rec) => rec?.alive === true && rec.mentions.some(his));
}

function judgeRoles(ctx: SentenceContext, roles: RoleMention[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { corpus } = ctx;
  const sents = corpus.store.sents;
  const scope = ctx.scope;
  // Where no story is known (an archive the sentence shares nothing telling with), another
  // source's holder of a title may hold it in another place or time: only one of the same
  // country or body (see sameOffice) tells who holds the draft's.
  const inStory = (x: RoleRec) => scope === 'all' || (scope instanceof Set && scope.has(sents[x.sent]!.doc));
  for (const r of roles) {
    const ent = corpus.resolve(r.person);
    if (!ent || ent.kind === 'place' || ent.kind === 'organization') continue;
    const range = ctx.lines.range(ctx.sentence.start + r.titleStart, ctx.sentence.start + r.titleEnd);
    const written = ctx.sentence.text.slice(r.titleStart, r.titleEnd);
    const atStart = !/[\p{L}\p{N}]/u.test(ctx.sentence.text.slice(0, r.titleStart));
    // A title written as a clause ("who heads the health ministry") cannot take a title in its
    // place: its findings stand, without a fix that would garble the sentence.
    const emit = (d: Diagnostic) => out.push(r.clause ? { ...d, fixes: [] } : d);
    // A fix names the place or body a title is of only where the draft names one ("Florida Governor").
    const hasOrg = r.org !== undefined || r.country !== undefined;
    // "then deputy director" is held at the time told of: a former title and a current one both fit it.
    const conflict = (x: RoleRec) => {
      const c = rolesConflict(r, x);
      return c === 'former-only' && (r.then || x.then) ? 'same' : c;
    };
    const own = corpus.rolesOf(ent.id);
    const same = own.filter((x) => conflict(x) === 'same');
    const formerOnly = own.filter((x) => conflict(x) === 'former-only');
    const ev = (x: RoleRec, stance: 'supports' | 'contradicts' | 'context') =>
      evidenceOf(corpus.store, sents[x.sent]!, displayTitle(x), stance);
    if (same.length > 0) {
      const current = same.filter((x) => !x.then);
      if (formerOnly.length > 0 && current.length > 0) {
        const yes = [...new Set(current.map((x) => outletName(corpus.store.docs[sents[x.sent]!.doc]!)))];
        const no = [...new Set(formerOnly.map((x) => outletName(corpus.store.docs[sents[x.sent]!.doc]!)))];
        emit(
          finding(
            ctx,
            'sources-disagree',
            range,
            `The sources disagree on ${ent.name}'s title: ${yes.join(', ')} ${yes.length > 1 ? 'write' : 'writes'} “${displayTitle(current[0]!)}”; ${no.join(', ')} ${no.length > 1 ? 'write' : 'writes'} “${displayTitle(formerOnly[0]!)}”.`,
            [...current.slice(0, 3).map((x) => ev(x, 'supports')), ...formerOnly.slice(0, 3).map((x) => ev(x, 'contradicts'))],
            [],
            written,
          ),
        );
        continue;
      }
      // "Seoul's longest-serving mayor" where the sources say "mayor": the superlative is unsupported.
      const sup = superlatives(ctx, r.titleStart, r.titleEnd).filter((w) => !same.some((x) => foldForMatch(x.title).includes(w)));
      if (sup.length > 0) emit(finding(ctx, 'unsupported', range, `No source calls ${ent.name} “${written.trim()}”.`, same.slice(0, 2).map((x) => ev(x, 'context')), [], written));
      continue;
    }
    if (r.occupation) {
      emit(
        finding(ctx, 'unsupported', range, `No source describes ${ent.name} as “${written.trim()}”.`, [], [], written),
      );
      continue;
    }
    // Another holder in the story shows something only where the story's sources tell of this
    // person too: of someone they never mention they say nothing, not that another holds the title.
    // A plural title ("three former presidents Jimmy Carter, Bill Clinton and Barack Obama") is
    // shared by those it lists: that others hold it says nothing against any of them.
    const plural = pluralTitle(r.title);
    const known = !plural && knownInStory(ctx, ent.id);
    const candidates = corpus
      .rolesLike(r)
      .filter((x) => x.entity !== ent.id && !x.occupation && conflict(x) === 'same' && !plural && ((known && inStory(x)) || sameOffice(r, x)))
      .filter((x) => {
        const other = corpus.registry.get(x.entity);
        return other !== undefined && other.kind !== 'place' && other.kind !== 'organization' && !sameSurname(other.name, ent.name);
      });
    const holders = identifiedHolders(corpus, r, candidates);
    // Several people hold the draft's title in the story, and the sources give this person
    // another office: the title is wrong, though no one holder shows it.
    if (holders.length === 0 && candidates.length > 0) {
      const theirs = own.filter((x) => !x.occupation && !x.former);
      if (theirs.length > 0 && !theirs.some((x) => conflict(x) === 'same')) {
        const fix = theirs.find((x) => head(x.norm)) ?? theirs[0]!;
        emit(
          finding(
            ctx,
            'role-mismatch',
            range,
            `The sources call ${ent.name} “${displayTitle(fix)}”, not “${written.trim()}”; they give that title to others.`,
            [ev(fix, 'contradicts'), ...candidates.slice(0, 2).map((x) => ev(x, 'context'))],
            [{ title: `Use the sourced title: ${displayTitle(fix, hasOrg)}`, edits: [{ range, newText: draftText(matchCase(written, displayTitle(fix, hasOrg), atStart)) }], preferred: true }],
            written,
          ),
        );
        continue;
      }
    }
    const offices = own.filter((x) => !x.occupation && !x.former);
    const fixes: Fix[] = [];
    const bestOwn = offices.find((x) => head(x.norm)) ?? offices[0];
    if (bestOwn) {
      const t = displayTitle(bestOwn, hasOrg);
      fixes.push({ title: `Use the sourced title: ${t}`, edits: [{ range, newText: draftText(matchCase(written, t, atStart)) }], preferred: true });
    }
    if (holders.length > 0) {
      const holder = corpus.registry.get(holders[0]!.entity);
      const theirs = holders[0]!;
      const mine = bestOwn ? `, and call ${ent.name} “${displayTitle(bestOwn)}”` : '';
      emit(
        finding(
          ctx,
          'role-mismatch',
          range,
          `The sources give “${displayTitle(theirs)}” to ${holder?.name ?? 'someone else'}, not ${ent.name}${mine}.`,
          [...holders.slice(0, 2).map((x) => ev(x, 'contradicts')), ...(bestOwn ? [ev(bestOwn, 'supports')] : [])],
          fixes,
          written,
        ),
      );
      continue;
    }
    if (formerOnly.length > 0 && !r.former) {
      emit(
        finding(ctx, 'role-mismatch', range, `The sources call ${ent.name} “${displayTitle(formerOnly[0]!)}”.`, formerOnly.slice(0, 3).map((x) => ev(x, 'contradicts')), [
          { title: `Use the sourced title: ${displayTitle(formerOnly[0]!, hasOrg)}`, edits: [{ range, newText: draftText(matchCase(written, displayTitle(formerOnly[0]!, hasOrg), atStart)) }], preferred: true },
        ], written),
      );
      continue;
    }
    // The same office in another country: "Iraqi foreign ministry spokesperson" for the US State Department's.
    const last = (norm: string) => norm.split(' ').pop();
    const sameHead = offices.filter((x) => last(x.norm) === last(r.norm));
    const elsewhere = sameHead.filter((x) => r.country && x.country && x.country !== r.country);
    if (elsewhere.length > 0 && elsewhere.length === sameHead.length) {
      const x = elsewhere[0]!;
      emit(
        finding(
          ctx,
          'role-mismatch',
          range,
          `The sources call ${ent.name} “${displayTitle(x)}” (${x.country}), not “${written.trim()}”.`,
          elsewhere.slice(0, 3).map((y) => ev(y, 'contradicts')),
          [{ title: `Use the sourced title: ${displayTitle(x, hasOrg)}`, edits: [{ range, newText: draftText(matchCase(written, displayTitle(x, hasOrg), atStart)) }], preferred: true }],
          written,
        ),
      );
      continue;
    }
    const h = head(r.norm);
    if (h && offices.length > 0 && offices.every((x) => otherOffice(r.norm, h, x.norm))) {
      emit(
        finding(
          ctx,
          'role-mismatch',
          range,
          `The sources call ${ent.name} “${displayTitle(offices[0]!)}”, not “${written.trim()}”.`,
          offices.slice(0, 3).map((x) => ev(x, 'contradicts')),
          fixes,
          written,
        ),
      );
      continue;
    }
    const within = own.filter((x) => x.norm.includes(r.norm) || r.norm.includes(x.norm));
    if (within.length === 0) {
      emit(finding(ctx, 'unsupported', range, `No source gives ${ent.name} the title “${written.trim()}”.`, [], [], written));
    } else if (superlatives(ctx, r.titleStart, r.titleEnd).some((w) => !within.some((x) => foldForMatch(x.title).includes(w)))) {
      // "Seoul's longest-serving mayor" where the sources say "mayor": the superlative is a claim of its own.
      emit(finding(ctx, 'unsupported', range, `No source calls ${ent.name} “${written.trim()}”.`, within.slice(0, 2).map((x) => ev(x, 'context')), [], written));
    }
  }
  return out;
}
