/** Roles and titles: the draft must give a person a title the sources give them. */
import { findRoles, rolesConflict } from '../entities';
import { evidenceOf, outletName, type RoleRec } from '../store';
import { draftText } from '../text/plain';
import type { Diagnostic, Fix } from '../types';
import type { SentenceContext } from './context';
import { finding } from './finding';

/** Offices of government whose holder a source names unambiguously. */
const GOVERNMENT_HEADS = ['president', 'prime minister', 'chancellor', 'minister', 'secretary', 'spokesperson', 'king', 'queen', 'premier', 'vice president', 'governor', 'mayor'];

function head(norm: string): string | undefined {
  const words = norm.split(/\s+/);
  for (const h of GOVERNMENT_HEADS) {
    const hw = h.split(' ');
    const tail = words.slice(-hw.length).join(' ');
    if (tail === h) return h;
  }
  return undefined;
}

/** A title as the source gives it, with "former" where the source says so. */
function displayTitle(r: RoleRec): string {
  return r.former && !/^(former|ex-)/i.test(r.title) ? `former ${r.title}` : r.title;
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

export function checkRoles(ctx: SentenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { corpus } = ctx;
  let roles;
  try {
    roles = findRoles(ctx.sentence.text);
  } catch {
    return out;
  }
  for (const r of roles) {
    const ent = corpus.resolve(r.person);
    if (!ent || ent.kind === 'place' || ent.kind === 'organization') continue;
    const range = ctx.lines.range(ctx.sentence.start + r.titleStart, ctx.sentence.start + r.titleEnd);
    const written = ctx.sentence.text.slice(r.titleStart, r.titleEnd);
    const atStart = !/[\p{L}\p{N}]/u.test(ctx.sentence.text.slice(0, r.titleStart));
    const own = corpus.rolesOf(ent.id);
    const same = own.filter((x) => rolesConflict(r, x) === 'same');
    const formerOnly = own.filter((x) => rolesConflict(r, x) === 'former-only');
    const ev = (x: RoleRec, stance: 'supports' | 'contradicts' | 'context') =>
      evidenceOf(corpus.store, corpus.store.sents[x.sent]!, displayTitle(x), stance);
    if (same.length > 0) {
      if (formerOnly.length > 0) {
        const yes = [...new Set(same.map((x) => outletName(corpus.store.docs[corpus.store.sents[x.sent]!.doc]!)))];
        const no = [...new Set(formerOnly.map((x) => outletName(corpus.store.docs[corpus.store.sents[x.sent]!.doc]!)))];
        out.push(
          finding(
            ctx,
            'sources-disagree',
            range,
            `The sources disagree on ${ent.name}'s title: ${yes.join(', ')} ${yes.length > 1 ? 'write' : 'writes'} “${displayTitle(same[0]!)}”; ${no.join(', ')} ${no.length > 1 ? 'write' : 'writes'} “${displayTitle(formerOnly[0]!)}”.`,
            [...same.slice(0, 3).map((x) => ev(x, 'supports')), ...formerOnly.slice(0, 3).map((x) => ev(x, 'contradicts'))],
            [],
            written,
          ),
        );
      }
      continue;
    }
    if (r.occupation) {
      out.push(
        finding(ctx, 'unsupported', range, `No source describes ${ent.name} as “${written.trim()}”.`, [], [], written),
      );
      continue;
    }
    const holders = corpus.rolesLike(r).filter((x) => x.entity !== ent.id && !x.occupation && rolesConflict(r, x) === 'same');
    const offices = own.filter((x) => !x.occupation && !x.former);
    const fixes: Fix[] = [];
    const bestOwn = offices.find((x) => head(x.norm)) ?? offices[0];
    if (bestOwn) {
      fixes.push({ title: `Use the sourced title: ${displayTitle(bestOwn)}`, edits: [{ range, newText: draftText(matchCase(written, displayTitle(bestOwn), atStart)) }], preferred: true });
    }
    if (holders.length > 0) {
      const holder = corpus.registry.get(holders[0]!.entity);
      const theirs = holders[0]!;
      const mine = bestOwn ? ` and call ${ent.name} “${bestOwn.title}”` : '';
      out.push(
        finding(
          ctx,
          'role-mismatch',
          range,
          `The sources give “${theirs.title}” to ${holder?.name ?? 'someone else'}, not ${ent.name}${mine}.`,
          [...holders.slice(0, 2).map((x) => ev(x, 'contradicts')), ...(bestOwn ? [ev(bestOwn, 'supports')] : [])],
          fixes,
          written,
        ),
      );
      continue;
    }
    if (formerOnly.length > 0 && !r.former) {
      out.push(
        finding(ctx, 'role-mismatch', range, `The sources call ${ent.name} “${displayTitle(formerOnly[0]!)}”.`, formerOnly.slice(0, 3).map((x) => ev(x, 'contradicts')), [
          { title: `Use the sourced title: ${displayTitle(formerOnly[0]!)}`, edits: [{ range, newText: draftText(matchCase(written, displayTitle(formerOnly[0]!), atStart)) }], preferred: true },
        ], written),
      );
      continue;
    }
    const h = head(r.norm);
    if (h && offices.length > 0 && offices.every((x) => head(x.norm) && head(x.norm) !== h && !x.norm.includes(h))) {
      out.push(
        finding(
          ctx,
          'role-mismatch',
          range,
          `The sources call ${ent.name} “${offices[0]!.title}”, not “${written.trim()}”.`,
          offices.slice(0, 3).map((x) => ev(x, 'contradicts')),
          fixes,
          written,
        ),
      );
      continue;
    }
    if (own.length === 0 || !own.some((x) => x.norm.includes(r.norm) || r.norm.includes(x.norm))) {
      out.push(finding(ctx, 'unsupported', range, `No source gives ${ent.name} the title “${written.trim()}”.`, [], [], written));
    }
  }
  return out;
}
