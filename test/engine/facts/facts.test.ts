import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/engine/corpus';

const SEEDS = path.resolve(__dirname, '../../../seeds');
let corpus: Corpus;

beforeAll(async () => {
  ({ corpus } = await Corpus.load([SEEDS], { cacheDir: false }));
});

describe('facts on the bundled seeds', () => {
  it('resolves "Zelensky" to the canonical full name, with the other spellings as aliases', () => {
    const s = corpus.facts('Zelensky')!;
    expect(s).toBeDefined();
    expect(s.name).toBe('Volodymyr Zelenskyy');
    expect(s.kind).toBe('person');
    expect(s.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Volodymyr Zelensky']));
    expect(s.aliases).not.toContain(s.name);
  });

  it('any spelling or alias gives the same sheet', () => {
    for (const n of ['Zelenskyy', 'Volodymyr Zelensky', 'Volodymyr Zelenskyy', '  Zelensky  ']) {
      expect(corpus.facts(n)?.name, n).toBe('Volodymyr Zelenskyy');
    }
  });

  it('lists roles with the outlets that give them and evidence lines', () => {
    const s = corpus.facts('Zelensky')!;
    const president = s.roles.find((r) => r.title === 'President');
    expect(president).toBeDefined();
    expect(president!.outlets).toEqual(expect.arrayContaining(['BBC', 'Sky News', 'TRT World']));
    expect(president!.evidence.length).toBeGreaterThanOrEqual(president!.outlets.length);
    for (const e of president!.evidence) {
      expect(e.says).toBe('President');
      expect(e.text).toMatch(/President/);
      expect(e.text).toMatch(/Zelensk/);
    }
    // Nobody else's titles leak in.
    expect(s.roles.map((r) => r.title.toLowerCase())).not.toContain('defence minister');
  });

  it('lists his quotes with the source line', () => {
    const s = corpus.facts('Zelensky')!;
    const texts = s.quotes.map((q) => q.text);
    expect(texts).toEqual(expect.arrayContaining(['empty heads', 'strong reaction', 'afraid']));
    const empty = s.quotes.find((q) => q.text === 'empty heads')!;
    expect(empty.evidence.source).toBe('002_ca779424b4a5fa91.txt');
    expect(empty.evidence.line).toBe(5);
    expect(empty.evidence.text).toContain('Zelensky accused Russia of sending “empty heads”');
    // Words others said about him are not his quotes.
    expect(texts).not.toContain('a clown and a loser.');
  });

  it('lists mentions across sources', () => {
    const s = corpus.facts('Zelensky')!;
    const sources = new Set(s.mentions.map((m) => m.source));
    expect(sources.size).toBeGreaterThanOrEqual(4);
    for (const m of s.mentions) expect(m.text).toMatch(/Zelensk/);
  });

  it('Umerov: the defence minister office, one entry across spellings, with its outlets', () => {
    const s = corpus.facts('Umerov')!;
    expect(s.name).toBe('Rustem Umerov');
    const office = s.roles.filter((r) => /^defen[cs]e minister$/i.test(r.title));
    expect(office).toHaveLength(1);
    expect(office[0]!.outlets).toEqual(expect.arrayContaining(['BBC', 'TRT World']));
  });

  it('Umerov: the office reads "Defense Minister", as most outlets write it', () => {
    const s = corpus.facts('Umerov')!;
    expect(s.roles.map((r) => r.title)).toContain('Defense Minister');
  });

  it('a quotation split by its attribution is one quote, not two', () => {
    const texts = corpus.facts('Umerov')!.quotes.map((q) => q.text);
    expect(texts).toContain('We know the date … but we’re not disclosing it just yet.');
    expect(texts).not.toContain('We know the date');
  });

  it('a quotation running over two sentences is one quote', () => {
    const texts = corpus.facts('Zelenskyy')!.quotes.map((q) => q.text);
    expect(texts.some((t) => t.startsWith('We are in contact with the American side') && t.includes('We will see what level the Russians are at'))).toBe(true);
  });

  it('words in quotation marks for emphasis are not quotes ("in principle")', () => {
    expect(corpus.facts('Hakan Fidan')!.quotes.map((q) => q.text)).not.toContain('in principle');
  });

  it('an unknown name gives undefined', () => {
    expect(corpus.facts('Nobody Nowhereson')).toBeUndefined();
    expect(corpus.facts('')).toBeUndefined();
  });
});
