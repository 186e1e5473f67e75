/**
 * Tallies: a result given as a pair of counts ("passed 232-196", "by 66 votes to 37", "University
 * beat Noosa 32–12") is compared as a pair with the tallies the sources of the story give.
 *
 * Each side of a tally is a count of its own, and a count alone is a weak claim: "37" could be
 * anything. As a pair it is not: where a source tally of the same story, told of the same names
 * (its clause names every person, body, team or place the draft tally's clause names), has the draft's
 * figure on one side, it is the same result, and its other side rules out a different figure on
 * the draft's other side. Precision first:
 * - a source tally with both of the draft's figures, in either order ("12–10" for "10–12": the
 *   loser's side first), supports the draft, and nothing is said;
 * - sources that pin the other side to different figures, or pin different sides, leave it open,
 *   and so do sources that give the same names two different results (half-time and final);
 * - a figure another check has already judged is left to it.
 */
import type { Claim } from '../claims';
import type { SentRec } from '../store';
import type { Diagnostic } from '../types';
import { draftClaimsOf, figureCandidates, type SentenceContext } from './context';
import { judgedAt } from './finding';

type Pair = [Claim, Claim];

/** The tallies among a sentence's claims: a first side followed by its second. */
function pairsOf(claims: readonly Claim[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i + 1 < claims.length; i++) {
    const a = claims[i]!;
    const b = claims[i + 1]!;
    if (a.q.tally === 1 && b.q.tally === 2 && a.q.end <= b.q.start) out.push([a, b]);
  }
  return out;
}

const same = (a: Claim, b: Claim) => a.q.value === b.q.value;

/**
 * Whether a source tally is told of everyone the draft's is: it names every name the draft
 * tally's clause names (a result is between its sides: "University beat Noosa" is not told by
 * "University beat Maroochydore"), and the draft's names someone. A source tally's names are
 * those of its clause, or of its whole sentence where the sentence gives no other tally ("the
 * legislature of Taiwan, the Legislative Yuan, voted 66 to 27").
 */
function toldOfTheSame(d: Pair, s: Pair, sentenceNames: readonly string[]): boolean {
  const names = new Set([...s[0].names, ...s[1].names, ...sentenceNames]);
  const mine = [...new Set([...d[0].names, ...d[1].names])];
  return mine.length > 0 && mine.every((n) => names.has(n));
}

export interface Pin {
  /** The draft's figure the source tally rules out, and the source's figure on that side. */
  draft: Claim;
  source: Claim;
  rec: SentRec;
}

/** A side of a draft tally that source tallies of the same result rule out. */
export interface TallyJudgement {
  /** The sources' tallies that pin it, all to the same figure. */
  pins: Pin[];
  /** The draft's other side, which the sources share. */
  other: Claim;
}

/**
 * The sides of the draft sentence's tallies that the sources rule out. `found`: what the rules
 * before found; a figure they judged is left to them.
 */
export function judgeTallies(ctx: SentenceContext, found: readonly Diagnostic[]): TallyJudgement[] {
  const claims = draftClaimsOf(ctx);
  const pairs = pairsOf(claims);
  if (pairs.length === 0) return [];
  const sources = figureCandidates(ctx);
  const out: TallyJudgement[] = [];
  for (const d of pairs) {
    let full = false;
    const pins: Pin[] = [];
    /** The source tallies told of the draft's names, by their figures. */
    const told = new Set<string>();
    for (const c of sources) {
      const theirs = pairsOf(c.rec.claims);
      const sentenceNames = theirs.length === 1 ? c.rec.claims.flatMap((x) => x.names) : [];
      for (const s of theirs) {
        if (!toldOfTheSame(d, s, sentenceNames)) continue;
        told.add([s[0].q.value, s[1].q.value].sort((x, y) => x - y).join(':'));
        if ((same(d[0], s[0]) && same(d[1], s[1])) || (same(d[0], s[1]) && same(d[1], s[0]))) full = true;
        else if (same(d[0], s[0])) pins.push({ draft: d[1], source: s[1], rec: c.rec });
        else if (same(d[1], s[1])) pins.push({ draft: d[0], source: s[0], rec: c.rec });
      }
    }
    // The same names with two results (a half-time and a final score, two votes of one day):
    // which of them the draft gives is not known, so neither pins it.
    if (full || pins.length === 0 || told.size > 1) continue;
    const first = pins[0]!;
    if (!pins.every((p) => p.draft === first.draft && same(p.source, first.source))) continue;
    if (judgedAt(ctx, found, first.draft.q.start)) continue;
    out.push({ pins, other: first.draft === d[0] ? d[1] : d[0] });
  }
  return out;
}
