import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';
import { citationEdits, footnoteDefinitions, footnoteRefs } from '../../../src/engine/citations';
import type { Evidence, Position, TextEdit } from '../../../src/engine/types';
import { apply, lineOf, offsetAt } from '../../helpers/text';

// An invented story: the Brackenford tram line, told by three outlets.
const COURIER = `---
outlet: Riverside Courier
title: Council backs tram line
date: 2025-03-04
---
The Brackenford city council voted on Monday to approve the new tram line to the eastern districts.

The council meeting lasted nearly four hours.

Residents of the eastern districts have waited for better transport since the bus depot closed.

Construction of the tram line is due to start next spring.

Shopkeepers on Mill Street fear months of roadworks.
`;

const LEDGER = `---
outlet: Valley Ledger
---
Brackenford councillors approved the eastern tram line on Monday evening after a long debate.

The tram line will cost 52 million euros according to the city's finance office.

Opposition members asked for an independent audit of the budget.

The council approved the tram line by a wide margin.

The tram line vote in Brackenford followed two years of consultation.
`;

const POST = `---
outlet: Northgate Post
---
City officials said the tram line will cost 48 million euros.

The regional transport agency will run the service from 2027.
`;

const corpus = Corpus.fromInputs([
  { path: '/src/courier.md', text: COURIER },
  { path: '/src/ledger.md', text: LEDGER },
  { path: '/src/post.md', text: POST },
]);

function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    source: 'courier.md',
    path: '/src/courier.md',
    outlet: 'Riverside Courier',
    line: lineOf(COURIER, 'The council meeting lasted'),
    character: 0,
    text: 'The council meeting lasted nearly four hours.',
    ...over,
  };
}

const LEDGER_EV = evidence({
  source: 'ledger.md',
  path: '/src/ledger.md',
  outlet: 'Valley Ledger',
  line: lineOf(LEDGER, 'The tram line will cost'),
  text: "The tram line will cost 52 million euros according to the city's finance office.",
});

describe('citeText', () => {
  it('ranks first the source sentence that says the same thing, with a score in (0, 1]', () => {
    const cands = corpus.citeText('The council meeting lasted almost four hours.');
    expect(cands.length).toBeGreaterThan(0);
    expect(cands[0]).toMatchObject({
      outlet: 'Riverside Courier',
      source: 'courier.md',
      path: '/src/courier.md',
      line: lineOf(COURIER, 'The council meeting lasted'),
      text: 'The council meeting lasted nearly four hours.',
    });
    for (const c of cands) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    // Best first.
    expect([...cands].sort((a, b) => b.score - a.score).map((c) => c.text)).toEqual(cands.map((c) => c.text));
  });

  it('finds the other outlet when that one says it', () => {
    const [top] = corpus.citeText('The regional transport agency will run the trams from 2027.');
    expect(top).toMatchObject({ outlet: 'Northgate Post', line: lineOf(POST, 'The regional transport agency') });
  });

  it('still finds it when a name is misspelled (fuzzy)', () => {
    const exact = corpus.citeText('Brackenford councillors approved the eastern tram line.');
    const typo = corpus.citeText('Brakenford councillors approved the eastern tram line.');
    expect(exact[0]!.text).toMatch(/^Brackenford councillors approved/);
    expect(typo[0]!.text).toBe(exact[0]!.text);
    // A close spelling counts nearly as much as the exact word.
    expect(typo[0]!.score).toBeGreaterThan(0.9);
    expect(typo[0]!.score).toBeLessThan(exact[0]!.score);
    // ("Councillers" would stem to "council", the other outlet's word: misspell it another way.)
    const worse = corpus.citeText('Counsillors in Brakenford aproved the tram.');
    expect(worse[0]!.text).toBe(exact[0]!.text);
  });

  it('gives at most two candidates per source, and respects the limit', () => {
    const cands = corpus.citeText('The Brackenford council approved the tram line.', 10);
    const per = new Map<string, number>();
    for (const c of cands) per.set(c.source, (per.get(c.source) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(2);
    // The Ledger has four sentences about the tram line vote; only two are offered.
    expect(per.get('ledger.md')).toBe(2);
    expect(corpus.citeText('The Brackenford council approved the tram line.', 1)).toHaveLength(1);
  });

  it('gives nothing for a sentence with no content words, or unrelated words', () => {
    expect(corpus.citeText('It was the.')).toEqual([]);
    expect(corpus.citeText('Penguins juggle saxophones.')).toEqual([]);
  });

  it('citeSentences gives only the sentence on the requested line', () => {
    const draft = 'The council meeting lasted almost four hours.\n\nCity officials said the tram line will cost 48 million euros.\n';
    const all = corpus.citeSentences(draft);
    expect(all.map((s) => s.range.start.line)).toEqual([0, 2]);
    const one = corpus.citeSentences(draft, { line: 2 });
    expect(one).toHaveLength(1);
    expect(one[0]!.text).toBe('City officials said the tram line will cost 48 million euros.');
    expect(one[0]!.candidates[0]).toMatchObject({ outlet: 'Northgate Post' });
  });
});

describe('citationEdits: footnotes', () => {
  const draft = '# Tram\n\nThe council met for nearly four hours. The vote was close.\n';
  const at = draft.indexOf(' The vote');

  it('inserts [^1] at the offset and one definition at the end', () => {
    const plan = citationEdits(draft, at, evidence(), 'footnote', { title: 'Council backs tram line', date: '2025-03-04' });
    expect(plan.marker).toBe('[^1]');
    expect(plan.reused).toBe(false);
    const out = apply(draft, plan.edits);
    expect(out).toBe(
      '# Tram\n\nThe council met for nearly four hours.[^1] The vote was close.\n\n' +
        `[^1]: Riverside Courier, "Council backs tram line", 2025-03-04. courier.md:${lineOf(COURIER, 'The council meeting lasted') + 1} — "The council meeting lasted nearly four hours."\n`,
    );
    expect(footnoteDefinitions(out)).toHaveLength(1);
    expect(footnoteRefs(out).map((r) => r.id)).toEqual(['1']);
  });

  it('a draft without a final newline gets one before the definition', () => {
    const text = 'The council met for nearly four hours.';
    const out = apply(text, citationEdits(text, text.length, evidence()).edits);
    expect(out).toMatch(/^The council met for nearly four hours\.\[\^1\]\n\n\[\^1\]: Riverside Courier\. courier\.md:\d+ — "The council meeting lasted nearly four hours\."\n$/);
  });

  it('a second citation of the same source reuses its marker and adds no definition', () => {
    const once = apply(draft, citationEdits(draft, at, evidence()).edits);
    const end = once.indexOf('close.') + 'close.'.length;
    const plan = citationEdits(once, end, evidence({ line: 9, text: 'Construction of the tram line is due to start next spring.' }));
    expect(plan.reused).toBe(true);
    expect(plan.marker).toBe('[^1]');
    expect(plan.edits).toHaveLength(1);
    const twice = apply(once, plan.edits);
    expect(twice).toContain('The vote was close.[^1]\n');
    expect(footnoteDefinitions(twice)).toHaveLength(1);
  });

  it('a different source gets the next number and its own definition', () => {
    const once = apply(draft, citationEdits(draft, at, evidence()).edits);
    const end = once.indexOf('close.') + 'close.'.length;
    const twice = apply(once, citationEdits(once, end, LEDGER_EV).edits);
    expect(twice).toContain('four hours.[^1] The vote was close.[^2]\n');
    expect(footnoteDefinitions(twice).map((d) => d.id)).toEqual(['1', '2']);
    expect(footnoteDefinitions(twice)[1]!.body).toMatch(/^Valley Ledger\. ledger\.md:/);
    // No blank line between consecutive definitions.
    expect(twice).toMatch(/\n\[\^1\]: [^\n]*\n\[\^2\]: [^\n]*\n$/);
  });

  it('citing before an existing [^1] makes the new one [^1] and renumbers the old to [^2]', () => {
    const once = apply(draft, citationEdits(draft, draft.indexOf('close.') + 'close.'.length, LEDGER_EV).edits);
    expect(once).toContain('The vote was close.[^1]');
    const before = once.indexOf(' The vote');
    const out = apply(once, citationEdits(once, before, evidence()).edits);
    expect(out).toContain('The council met for nearly four hours.[^1] The vote was close.[^2]\n');
    const defs = footnoteDefinitions(out);
    expect(defs.map((d) => [d.id, d.body.split('.')[0]])).toEqual(
      expect.arrayContaining([
        ['1', 'Riverside Courier'],
        ['2', 'Valley Ledger'],
      ]),
    );
    expect(defs).toHaveLength(2);
    expect(footnoteRefs(out).map((r) => r.id)).toEqual(['1', '2']);
  });

  it('named footnotes are left alone and the new one takes a free number', () => {
    const text = 'A claim.[^note]\n\nThe council met for nearly four hours.\n\n[^note]: My own note.\n';
    const at2 = text.indexOf('hours.') + 'hours.'.length;
    const plan = citationEdits(text, at2, evidence());
    const out = apply(text, plan.edits);
    expect(out).toContain('A claim.[^note]');
    expect(out).toContain(`hours.${plan.marker}`);
    expect(plan.marker).not.toBe('[^note]');
    expect(footnoteDefinitions(out)).toHaveLength(2);
  });
});

describe('citationEdits: other styles', () => {
  const draft = 'The council met for nearly four hours.\n';
  const at = draft.indexOf('.') + 1;

  it('pandoc inserts [@key] from the file name and no definition', () => {
    const plan = citationEdits(draft, at, evidence(), 'pandoc');
    expect(plan.edits).toHaveLength(1);
    expect(apply(draft, plan.edits)).toBe('The council met for nearly four hours. [@courier]\n');
  });

  it('link inserts a Markdown link to the source line', () => {
    const plan = citationEdits(draft, at, evidence(), 'link');
    expect(plan.edits).toHaveLength(1);
    const line = lineOf(COURIER, 'The council meeting lasted') + 1;
    expect(apply(draft, plan.edits)).toBe(`The council met for nearly four hours. ([Riverside Courier](file:///src/courier.md#L${line}))\n`);
  });

  it('the citation fix of a contradiction follows citationStyle', () => {
    const text = 'The council meeting lasted six hours.';
    const [d] = corpus.check(text, { citationStyle: 'pandoc' });
    expect(d!.code).toBe('contradiction');
    const cite = d!.fixes.find((f) => /cite/i.test(f.title))!;
    expect(apply(text, cite.edits)).toBe('The council meeting lasted nearly four hours. [@courier]');
  });
});

describe('citationEdits: CRLF documents', () => {
  it('keep CRLF line ends in the inserted definition', () => {
    const draft = '# Tram\r\n\r\nThe council met for nearly four hours.\r\n';
    const at = draft.indexOf('hours.') + 'hours.'.length;
    const out = apply(draft, citationEdits(draft, at, evidence()).edits);
    expect(out.startsWith('# Tram\r\n\r\nThe council met for nearly four hours.[^1]\r\n\r\n[^1]: Riverside Courier. ')).toBe(true);
    expect(out.endsWith('"\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('positions in CRLF documents count characters within the line', () => {
    const draft = 'Intro line.\r\nThe council met for nearly four hours.\r\n';
    const at = draft.indexOf('hours.') + 'hours.'.length;
    const plan = citationEdits(draft, at, evidence());
    expect(plan.edits[0]!.range.start).toEqual({ line: 1, character: 'The council met for nearly four hours.'.length });
  });
});
