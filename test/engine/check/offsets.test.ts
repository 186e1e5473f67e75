/**
 * A length of time between two dated events, judged by the dates the sources give them
 * (src/engine/check/offsets.ts and its rule), against the bundled seeds: the talks were on
 * 16 May 2025, and Trump confirmed Rubio's attendance on 13 May.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from '../../../src/engine/claims';
import { datesOtherEvent } from '../../../src/engine/check/offsets';
import { Corpus } from '../../../src/engine/corpus';
import { parseQuantities } from '../../../src/engine/quantities';
import type { Diagnostic } from '../../../src/engine/types';

let corpus: Corpus;
beforeAll(async () => {
  ({ corpus } = await Corpus.load([path.resolve(__dirname, '../../../seeds')], { cacheDir: false }));
});

function check(sentence: string): Diagnostic[] {
  return corpus.check(`# Draft\n\n${sentence}\n`, {}, 'markdown');
}

/** A checker of one-sentence drafts against a small folder of sources (file name → text); contradictions only. */
async function contradictionsAgainst(files: Record<string, string>): Promise<(sentence: string) => Diagnostic[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sw-offsets-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const { corpus: small } = await Corpus.load([dir], { cacheDir: false });
  return (s) => small.check(`# Draft\n\n${s}\n`, {}, 'markdown').filter((d) => d.code === 'contradiction');
}

function applied(sentence: string, d: Diagnostic): string {
  const fix = d.fixes[0]!;
  expect(fix.edits).toHaveLength(1);
  const e = fix.edits[0]!;
  expect(e.range.start.line).toBe(e.range.end.line);
  const line = `# Draft\n\n${sentence}\n`.split('\n')[e.range.start.line]!;
  return line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
}

describe('a length of time between two dated events', () => {
  it('is ruled out by the day the sources give the event it is counted from', () => {
    const s = "Trump confirmed Rubio's attendance on 13 May, a full week before the talks.";
    const found = check(s).filter((d) => d.code === 'contradiction');
    expect(found).toHaveLength(1);
    expect(found[0]!.draftSays).toBe('a full week');
    expect(found[0]!.message).toMatch(/3 days apart/);
    expect(applied(s, found[0]!)).toBe("Trump confirmed Rubio's attendance on 13 May, three days before the talks.");
  });

  it('is ruled out by two dates the draft gives and the sources support, and keeps the draft’s digits', () => {
    const s = "Trump confirmed Rubio's attendance on May 13, 4 days before the talks on 16 May.";
    const found = check(s).filter((d) => d.code === 'contradiction');
    expect(found).toHaveLength(1);
    expect(applied(s, found[0]!)).toBe("Trump confirmed Rubio's attendance on May 13, 3 days before the talks on 16 May.");
  });

  it('where the draft dates neither event, is ruled out by the days the sources give both', async () => {
    const against = await contradictionsAgainst({
      'summit.txt': 'Leaders meet in Geneva\n\nThe summit took place in Geneva on March 3, 2021.\n\nThe trade ministers signed the accord on March 5, 2021, officials said.\n',
    });
    const s = 'The trade ministers signed the accord a week after the summit.';
    const found = against(s);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/2 days apart/);
    expect(applied(s, found[0]!)).toBe('The trade ministers signed the accord two days after the summit.');
    expect(against('The trade ministers signed the accord two days after the summit.')).toHaveLength(0);
    // The sources put the summit on the other side: not the pair of events the draft means.
    expect(against('The trade ministers signed the accord a week before the summit.')).toHaveLength(0);
  });

  it('that the dates bear out gets no finding, not even a note that no source gives it', () => {
    for (const s of ["Trump confirmed Rubio's attendance on 13 May, three days before the talks.", "Trump confirmed Rubio's attendance on May 13, three days before the talks on 16 May."]) {
      expect(check(s)).toEqual([]);
    }
  });

  it('reads a clause after "before" or "after" by its verb, not its subject', () => {
    // The talks were on 16 May: "before the delegations met" counts from the talks, not from "delegations".
    const found = check("Trump confirmed Rubio's attendance on 13 May, a week before the delegations met in Istanbul.").filter((d) => d.code === 'contradiction');
    expect(found.map((d) => d.draftSays)).toEqual(['a week']);
    expect(found[0]!.message).toMatch(/3 days apart/);
  });

  it('reads the event counted from up to the end of its phrase, not into the clause after a comma', () => {
    expect(check("On 13 May, three days before the talks, Trump confirmed Rubio's attendance.")).toEqual([]);
    const found = check("On 13 May, a week before the talks, Trump confirmed Rubio's attendance.").filter((d) => d.code === 'contradiction');
    expect(found.map((d) => d.draftSays)).toEqual(['a week']);
  });

  it('abstains when the sources put the other event on the other side (another pair of events)', () => {
    const found = check("Trump confirmed Rubio's attendance on 13 May, three days after the talks.");
    expect(found.filter((d) => d.code === 'contradiction')).toEqual([]);
  });

  it('abstains on months between dates known to the month (31 March to 1 September is five months)', () => {
    const found = check('Türkiye mediated the September 2022 prisoner swap five months after it hosted the March 2022 talks.');
    expect(found.filter((d) => d.code === 'contradiction' && d.draftSays === 'five months')).toEqual([]);
  });

  it('counts weeks as news does, give or take a day, and says the days when weeks do not fit', async () => {
    const at = await contradictionsAgainst({
      'a.txt': "Velmora minister resigns\n\nVelmora's finance minister Ana Korvel resigned on 2 March 2024 ahead of the Velmora budget summit.\n",
      'b.txt': "Velmora summit\n\nThe Velmora budget summit was held on 10 March 2024 in the capital, with Ana Korvel's successor attending.\n",
    });
    expect(at("Velmora's finance minister Ana Korvel resigned on 2 March, a week before the budget summit.")).toEqual([]);
    const found = at("Velmora's finance minister Ana Korvel resigned on 2 March, two weeks before the budget summit.");
    expect(found).toHaveLength(1);
    expect(found[0]!.fixes[0]!.edits[0]!.newText).toBe('eight days');
  });

  it('is at odds with itself when the draft dates both events and the length does not fit, whatever the sources say', () => {
    const found = check('Tonga declared a measles outbreak on October 22, more than two weeks after Samoa confirmed its own outbreak on October 16.').filter((d) => d.code === 'contradiction');
    expect(found).toHaveLength(1);
    expect(found[0]!.draftSays).toBe('more than two weeks');
    expect(found[0]!.message).toMatch(/6 days apart/);
    // No source bears out the dates: the length may be right and a date wrong, so no fix writes one.
    expect(found[0]!.fixes).toEqual([]);
    // Across a new year, in months, and in years when both years are given.
    expect(check('The quake of January 7 came three weeks after the tremor of December 28.').filter((d) => d.code === 'contradiction').map((d) => d.draftSays)).toEqual(['three weeks']);
    expect(check('Rosselló resigned on August 2, more than a month after the chat messages were released on July 13.').filter((d) => d.code === 'contradiction').map((d) => d.draftSays)).toEqual(['more than a month']);
    expect(check('Britons voted to leave the EU on June 23, 2016, more than four years before the October 31, 2019 deadline.').filter((d) => d.code === 'contradiction').map((d) => d.draftSays)).toEqual(['more than four years']);
    // "… later, on DATE": the date after the length is the later event's.
    expect(check('The shutdown began on March 26 and ended a fortnight later, on April 4.').filter((d) => /apart/.test(d.message)).map((d) => d.draftSays)).toEqual(['a fortnight']);
    expect(check('The shutdown began on March 26 and ended a fortnight later, on April 9.').filter((d) => /apart/.test(d.message))).toEqual([]);
  });

  it('reads both dates of a sentence that opens with the length, and a date set off after the verb it is counted to', () => {
    const apart = (s: string) => check(s).filter((d) => d.code === 'contradiction' && /apart/.test(d.message));
    // The event counted from is dated in the opening phrase, the sentence's own in the clause after it.
    const opening = apart('A year after hosting the March 2022 talks, Türkiye mediated a prisoner swap in September 2022.');
    expect(opening.map((d) => d.draftSays)).toEqual(['A year']);
    expect(opening[0]!.message).toMatch(/between 5 and 7 months apart/);
    expect(apart('Six months after hosting the March 2022 talks, Türkiye mediated a prisoner swap in September 2022.')).toEqual([]);
    expect(apart('Two weeks before the talks on 16 May, the Russian delegation arrived in Istanbul on 15 May.').map((d) => d.draftSays)).toEqual(['Two weeks']);
    // "… before he said, on July 2, that …": the date set off by commas is that verb's.
    expect(apart('Trump claimed privilege on June 12, a full two months before he first said, on July 2, that he would drop the question.').map((d) => d.draftSays)).toEqual(['two months']);
    expect(apart('Trump claimed privilege on June 12, three weeks before he first said, on July 2, that he would drop the question.')).toEqual([]);
  });

  it('abstains where the dates do not say how far apart the events are', () => {
    // (Other rules may still find a date the seeds rule out: only a length's finding says how far apart.)
    const none = (s: string) => expect(check(s).filter((d) => d.code === 'contradiction' && /apart/.test(d.message)), s).toEqual([]);
    // The lengths fit (a month give or take a week; a year when dates are known to the month).
    none('The ceasefire began on May 1, a month before the talks on June 4.');
    none('The deal was signed in March 2021, a year before the invasion in February 2022.');
    // A year left out is not the other date's year when the length is in years.
    none('The summit on 16 May came three years after the March 2022 talks.');
    // The date names something in the object of the verb the length is counted from.
    none("On Sept 25, a day after Allied disclosed that its board had urged rejection of Campeau's Sept 12 tender offer, Allied began talks.");
    // A date after a comma belongs to the next clause.
    none('The talks ended on May 16, a week after the ceasefire, and resumed on June 2.');
  });

  it('a source date on the day the sentence’s own length puts the other event is that event’s date', () => {
    const sentence = "UpGuard's second warning, sent on February 21, came six weeks after its first attempt.";
    const claims = claimsOf(sentence, parseQuantities(sentence));
    const sent = claims.find((c) => c.dim === 'date')!;
    const date = (t: string) => parseQuantities(t).find((q) => q.kind === 'date')!;
    expect(datesOtherEvent(claims, sent, date('It first wrote on January 10.'))).toBe(true);
    expect(datesOtherEvent(claims, sent, date('It first wrote on January 3.'))).toBe(false);
    expect(datesOtherEvent(claims, sent, date('It wrote again on February 20.'))).toBe(false);
  });

  it('a figure the sentence itself gives to another thing of its kind is not evidence against this one', async () => {
    const at = await contradictionsAgainst({
      'a.txt': 'Velmora budget row\n\nFinance minister Ana Korvel first warned the Velmora cabinet about the budget gap on 10 January 2024.\n',
      'b.txt': 'Velmora budget row deepens\n\nAna Korvel sent the Velmora cabinet a second warning about the budget gap on 21 February 2024.\n',
    });
    expect(at("Korvel sent her second warning to the Velmora cabinet on 21 February, six weeks after she first warned it about the budget gap on 10 January.")).toEqual([]);
    // The same sentence with a wrong ordinal is still caught.
    expect(at('Korvel sent the Velmora cabinet a third warning about the budget gap on 21 February 2024.').map((d) => d.draftSays)).toEqual(['third']);
  });
});
