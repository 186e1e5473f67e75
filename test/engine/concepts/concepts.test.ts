import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  categoryOf,
  conceptsOf,
  isA,
  LEVELS,
  OPPOSED,
  relatedness,
  relation,
  SAME_THRESHOLD,
  sameThing,
  sensesOf,
  TableMissingError,
  useOverlay,
  useTableFile,
  type WordArg,
} from '../../../src/engine/concepts';
import { lemmaCandidates, normalizeWord } from '../../../src/engine/concepts/morph';
import { compileOverlay, type OverlayData } from '../../../src/engine/concepts/overlay';
import overlayData from '../../../src/engine/concepts/news-overlay.json';
import { findLemma, getTable, lemmaText, synsetName, tableCandidates } from '../../../src/engine/concepts/table';
import { DIFFERENT, HELD_OUT_DIFFERENT, HELD_OUT_SAME, SAME, type Pair } from './pairs';

const EMPTY_OVERLAY: OverlayData = { concepts: [], distinct: [] };
const show = (w: WordArg) => (typeof w === 'string' ? w : `${w.lemma}/${w.pos}`);

/** Pairs judged right both ways: same pairs at or above the threshold, different pairs below. */
function score(pairs: Pair[], same: boolean): { right: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const [a, b] of pairs) {
    const ab = relatedness(a, b);
    const ba = relatedness(b, a);
    const ok = same ? ab >= SAME_THRESHOLD && ba >= SAME_THRESHOLD : ab < SAME_THRESHOLD && ba < SAME_THRESHOLD;
    if (!ok) wrong.push(`${show(a)} ~ ${show(b)}: ${ab.toFixed(2)} (${relation(a, b).kind})`);
  }
  return { right: pairs.length - wrong.length, wrong };
}

afterAll(() => {
  useOverlay(undefined);
  useTableFile(undefined);
});

describe('WordNet table', () => {
  it('is found in the repository dist/ when the engine runs from its sources', () => {
    expect(tableCandidates().some((p) => p.endsWith(join('dist', 'wordnet.bin')))).toBe(true);
    const t = getTable();
    expect(t.lemmaCount).toBeGreaterThan(100_000);
    expect(t.synsetCount).toBeGreaterThan(100_000);
  });

  it('finds lemmas by binary search, in code unit order, multiword lemmas with spaces', () => {
    const t = getTable();
    for (const w of ['talks', 'prisoner of war', 'death toll', 'drag on', 'kill', 'cease-fire', 'ceasefire', 'a']) expect(findLemma(t, w), w).toBeGreaterThanOrEqual(0);
    for (const w of ['', 'zzzzzz', 'talksx', 'Talks', 'prisoner  of war', 'kyivv', 'naïve']) expect(findLemma(t, w), w).toBe(-1);
    for (let i = 1; i < t.lemmaCount; i += 997) expect(lemmaText(t, i - 1) < lemmaText(t, i)).toBe(true);
    for (let i = 0; i < t.lemmaCount; i += 1009) expect(findLemma(t, lemmaText(t, i))).toBe(i);
  });

  it('names synsets after a lemma and sense number', () => {
    const t = getTable();
    const li = findLemma(t, 'negotiation');
    expect(synsetName(t, t.senseSynset[t.senseStart[li]!]!)).toBe('negotiation.n.01');
  });

  it('throws a clear error naming the file and `npm run build` when the table is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcewise-wn-'));
    try {
      useTableFile(join(dir, 'wordnet.bin'));
      expect(() => getTable()).toThrow(TableMissingError);
      expect(() => relatedness('killed', 'dead')).toThrow(/wordnet\.bin was not found \(looked for .*sourcewise-wn-.*wordnet\.bin\)\..*npm run build/);
      writeFileSync(join(dir, 'wordnet.bin'), 'SWWN not a table');
      expect(() => getTable()).toThrow(/is damaged or from another version .*npm run build/);
    } finally {
      useTableFile(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(relatedness('killed', 'dead')).toBe(1);
  });
});

describe('word forms', () => {
  it('normalises case, apostrophes, spacing and possessives in phrases', () => {
    expect(normalizeWord('  Lost  their_Lives ')).toBe("lost one's lives");
    expect(normalizeWord('POWs')).toBe('pows');
    expect(normalizeWord('Kyiv’s')).toBe("kyiv's");
  });

  it('finds the lemmas of inflected words and phrases', () => {
    expect(lemmaCandidates('killed', 'v')).toContain('kill');
    expect(lemmaCandidates('spent', 'v')).toContain('spend');
    expect(lemmaCandidates('dragged', 'v')).toContain('drag');
    expect(lemmaCandidates('children', 'n')).toContain('child');
    expect(lemmaCandidates('casualties', 'n')).toContain('casualty');
    expect(lemmaCandidates('prisoners of war', 'n')).toContain('prisoner of war');
    expect(lemmaCandidates('dragged on', 'v')).toContain('drag on');
    expect(lemmaCandidates("lost one's lives", 'v')).toContain("lose one's life");
  });
});

describe('relatedness', () => {
  it('scores the same-thing pairs at or above the threshold and the different-thing pairs below it', () => {
    const same = score(SAME, true);
    const diff = score(DIFFERENT, false);
    useOverlay(EMPTY_OVERLAY);
    const sameWn = score(SAME, true);
    const diffWn = score(DIFFERENT, false);
    useOverlay(undefined);
    const heldSame = score(HELD_OUT_SAME, true);
    const heldDiff = score(HELD_OUT_DIFFERENT, false);
    const pct = (r: { right: number }, n: number) => `${r.right}/${n} (${((100 * r.right) / n).toFixed(0)}%)`;
    console.log(
      [
        `concepts, relatedness >= ${SAME_THRESHOLD} both ways:`,
        `  pairs the overlay was written with: same ${pct(same, SAME.length)}, different ${pct(diff, DIFFERENT.length)}`,
        `  the same pairs, WordNet alone: same ${pct(sameWn, SAME.length)}, different ${pct(diffWn, DIFFERENT.length)}`,
        `  held-out pairs: same ${pct(heldSame, HELD_OUT_SAME.length)}, different ${pct(heldDiff, HELD_OUT_DIFFERENT.length)}`,
        `  missed same pairs: ${[...same.wrong, ...heldSame.wrong].join('; ')}`,
      ].join('\n'),
    );
    expect(SAME.length).toBeGreaterThanOrEqual(40);
    expect(DIFFERENT.length).toBeGreaterThanOrEqual(40);
    // Precision first: no different-thing pair reaches the threshold.
    expect(diff.wrong).toEqual([]);
    expect(heldDiff.wrong).toEqual([]);
    expect(diffWn.wrong).toEqual([]);
    expect(same.right / SAME.length).toBeGreaterThanOrEqual(0.85);
    expect(heldSame.right / HELD_OUT_SAME.length).toBeGreaterThanOrEqual(0.4);
  });

  it('is symmetric and within -1..1', () => {
    for (const [a, b] of [...SAME, ...DIFFERENT, ...HELD_OUT_SAME, ...HELD_OUT_DIFFERENT]) {
      const ab = relatedness(a, b);
      expect(relatedness(b, a), `${show(a)} ~ ${show(b)}`).toBe(ab);
      expect(ab === OPPOSED || (ab >= 0 && ab <= 1)).toBe(true);
    }
  });

  it('keeps apart what casualty reports count separately', () => {
    for (const [a, b] of [
      ['killed', 'injured'],
      ['dead', 'missing'],
      ['deaths', 'injuries'],
      ['died', 'wounded'],
      ['casualties', 'dead'],
      ['prisoners', 'soldiers'],
      ['hostages', 'prisoners'],
      ['soldiers', 'civilians'],
      ['destroyed', 'damaged'],
      ['arrested', 'charged'],
    ] as const) {
      const r = relation(a, b);
      expect(r.score, `${a} ~ ${b}`).toBe(OPPOSED);
      expect(r.kind).toBe('distinct');
      expect(r.reason).toBeTruthy();
    }
  });

  it('says which overlay concept made two words the same, with its reason', () => {
    const r = relation('killed', 'fatalities');
    expect(r).toMatchObject({ score: 1, kind: 'overlay', concepts: ['news:deaths'] });
    expect(r.reason).toMatch(/deaths/);
    expect(relation('lost their lives', 'died').concepts).toEqual(['news:deaths']);
    expect(relation({ lemma: 'dragged on', pos: 'v' }, { lemma: 'lasted', pos: 'v' }).kind).toBe('overlay');
  });

  it('gives WordNet its documented levels', () => {
    useOverlay(EMPTY_OVERLAY);
    try {
      expect(relation('ceasefire', 'truce')).toMatchObject({ score: 1, kind: 'synonym' });
      expect(relation('negotiate', 'negotiation')).toMatchObject({ score: LEVELS.derivation, kind: 'derivation' });
      expect(relation({ lemma: 'kill', pos: 'v' }, { lemma: 'die', pos: 'v' })).toMatchObject({ score: LEVELS.cause, kind: 'cause' });
      expect(relation('detainee', 'prisoner')).toMatchObject({ score: LEVELS.nounHypernym, kind: 'hypernym' });
      expect(relation('dollar', 'euro')).toMatchObject({ score: LEVELS.nounSibling, kind: 'sibling' });
      expect(relation('alive', 'dead')).toMatchObject({ score: OPPOSED, kind: 'antonym' });
      for (const [a, b] of [['buy', 'sell'], ['increase', 'decrease'], ['victory', 'defeat'], ['men', 'women'], ['convicted', 'acquitted'], ['plaintiff', 'defendant']]) {
        expect(relation(a!, b!).kind, `${a} ~ ${b}`).toBe('antonym');
      }
      // lose's common sense is "fail to keep", so win and lose are antonyms only in a rarer sense: no signal.
      expect(relatedness('win', 'lose')).toBe(0);
      expect(relatedness({ lemma: 'slain', pos: 'a' }, { lemma: 'dead', pos: 'a' })).toBeCloseTo(LEVELS.similar, 5);
      // Without the overlay, killed and dead are different parts of speech with no link.
      expect(relatedness('killed', 'dead')).toBeLessThan(SAME_THRESHOLD);
    } finally {
      useOverlay(undefined);
    }
  });

  it('lets rare senses count little: talks are negotiations, not lectures', () => {
    expect(sameThing('talks', 'negotiations')).toBe(true);
    expect(relatedness('talks', 'lecture')).toBeLessThan(0.3);
    expect(relatedness('session', 'seance')).toBeLessThan(0.3);
    expect(relatedness('capital', 'money')).toBeLessThan(SAME_THRESHOLD);
    expect(relatedness('kyiv', 'kyiv')).toBe(1);
    expect(relatedness('kyiv', 'moscow')).toBe(0);
  });

  it('takes a part of speech when the caller knows it', () => {
    expect(relatedness({ lemma: 'wounded', pos: 'a' }, { lemma: 'injured', pos: 'a' })).toBe(1);
    expect(relatedness({ lemma: 'killed', pos: 'n' }, { lemma: 'dead', pos: 'n' })).toBeLessThan(1);
  });
});

describe('concepts', () => {
  it('lists overlay concepts, then the synsets of dominant senses', () => {
    const talks = conceptsOf('talks');
    expect(talks[0]).toBe('news:talks');
    expect(talks).toContain('negotiation.n.01');
    expect(conceptsOf('negotiations')).toContain('negotiation.n.01');
    expect(talks.some((c) => c.startsWith('lecture'))).toBe(false);
    expect(conceptsOf('talks', 'n', 0).some((c) => c.startsWith('lecture'))).toBe(true);
    expect(conceptsOf('prisoners', 'n')).toEqual(['news:prisoners', 'prisoner.n.01']);
    const senses = sensesOf('session', 'n');
    expect(senses[0]).toMatchObject({ concept: 'session.n.01', pos: 'n', salience: 1 });
  });
});

describe('categories', () => {
  const expected: Record<string, string> = {
    people: 'person',
    prisoners: 'person',
    soldiers: 'person',
    troops: 'person',
    children: 'person',
    dead: 'person',
    wounded: 'person',
    delegation: 'organization',
    army: 'organization',
    police: 'organization',
    company: 'organization',
    city: 'place',
    istanbul: 'place',
    year: 'time',
    hours: 'time',
    minutes: 'time',
    days: 'time',
    dollars: 'money',
    euros: 'money',
    salary: 'money',
    fine: 'money',
    talks: 'event',
    meeting: 'event',
    election: 'event',
    attack: 'event',
    earthquake: 'event',
    war: 'event',
    tanks: 'artifact',
    missiles: 'artifact',
    houses: 'artifact',
    cattle: 'animal',
    kilometres: 'quantity',
    tonnes: 'quantity',
    million: 'quantity',
    goals: 'other',
    killed: 'other',
  };
  it('gives the coarse class of counted nouns', () => {
    const got = Object.fromEntries(Object.keys(expected).map((w) => [w, categoryOf(w)]));
    expect(got).toEqual(expected);
  });

  it('answers isA through the hypernym chain', () => {
    expect(isA('army', 'organization')).toBe(true);
    expect(isA('army', 'group')).toBe(true);
    expect(isA('dollar', 'money')).toBe(true);
    expect(isA('prisoners', 'person')).toBe(true);
    expect(isA('city', 'place')).toBe(true);
    expect(isA('talks', 'event')).toBe(true);
    expect(isA('talks', 'person')).toBe(false);
    expect(isA('soldiers', 'animal')).toBe(false);
    expect(isA('hours', 'money')).toBe(false);
  });
});

describe('news overlay', () => {
  const data = overlayData as OverlayData;
  it('gives every entry a general reason, and writes members as normalised lemmas', () => {
    for (const c of data.concepts) {
      expect(c.reason.length, c.id).toBeGreaterThan(30);
      expect(c.reason, c.id).not.toMatch(/\d/);
      for (const m of c.members) expect(normalizeWord(m), m).toBe(m);
    }
    for (const g of data.distinct) {
      expect(g.reason.length).toBeGreaterThan(30);
      expect(g.reason).not.toMatch(/\d/);
    }
    // The overlay stays a small list of general news concepts, not a thesaurus grown case by case.
    expect(data.concepts.length).toBeLessThanOrEqual(40);
  });

  it('refuses an entry without a reason, an unknown concept, or a member on two sides', () => {
    expect(() => compileOverlay({ concepts: [{ id: 'x', members: ['a'], reason: '' }], distinct: [] })).toThrow(/reason/);
    expect(() => compileOverlay({ concepts: [], distinct: [{ sides: [['@nope'], ['b']], reason: 'r' }] })).toThrow(/unknown concept @nope/);
    expect(() => compileOverlay({ concepts: [], distinct: [{ sides: [['a'], ['a']], reason: 'r' }] })).toThrow(/two sides/);
    expect(() => compileOverlay({ concepts: [{ id: 'x', members: ['a/q'], reason: 'r' }], distinct: [] })).toThrow(/part of speech/);
  });
});
