/**
 * Deferred analysis: a corpus whose sentences are analysed only when something
 * reads them answers exactly as one analysed up front, whatever is asked first.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { loadCases } from '../eval/run-eval';

const SEEDS = path.resolve(__dirname, '../../seeds');
const DRAFT = readFileSync(path.resolve(__dirname, '../../examples/draft.md'), 'utf8');
const PUBLIC = path.resolve(__dirname, '../../../shared/eval/public.jsonl');
const OWN = path.resolve(__dirname, '../eval/cases.jsonl');
const cases = [...(existsSync(PUBLIC) ? loadCases(PUBLIC) : []), ...loadCases(OWN)];

const deferred = async () => (await Corpus.load([SEEDS], { cacheDir: false, analysis: 'deferred' })).corpus;

let eager: Corpus;
beforeAll(async () => {
  eager = (await Corpus.load([SEEDS], { cacheDir: false })).corpus;
});

describe('deferred analysis', () => {
  it('load resolves with the index built and nothing analysed', async () => {
    const c = await deferred();
    const s = c.stats();
    expect(s.sentences).toBe(eager.stats().sentences);
    expect(s.unanalysed).toBe(s.sentences);
    expect(c.analysedAll).toBe(false);
    // Citations need no analysis, and reading them analyses nothing.
    expect(c.citeSentences(DRAFT)).toEqual(eager.citeSentences(DRAFT));
    expect(c.stats().unanalysed).toBe(s.sentences);
  });

  it('checks the example draft as an analysed corpus does, before any analysis has run', async () => {
    const c = await deferred();
    expect(c.check(DRAFT)).toEqual(eager.check(DRAFT));
    expect(c.stats().unanalysed).toBeGreaterThan(0);
  });

  it('gives every labelled case the same findings when it is the first thing asked', async () => {
    const differ: string[] = [];
    for (const k of cases) {
      const c = await deferred();
      const got = JSON.stringify(c.check(k.draft, {}, 'plaintext'));
      if (got !== JSON.stringify(eager.check(k.draft, {}, 'plaintext'))) differ.push(`${k.id}: ${k.draft}`);
    }
    expect(differ).toEqual([]);
  });

  it('answers fact sheets before analysis: the same person, titles and figures; no mention or quote the full sheet lacks', async () => {
    const names = ['Zelensky', 'Erdogan', 'Fidan', 'Istanbul', 'Medinsky', 'Rubio', 'Umerov', 'Putin', 'Türkiye', 'Starmer'];
    let exact = 0;
    for (const name of names) {
      const c = await deferred();
      const got = c.facts(name)!;
      const full = eager.facts(name)!;
      expect(got.name, name).toBe(full.name);
      expect(got.kind, name).toBe(full.kind);
      expect(got.roles, name).toEqual(full.roles);
      expect(got.figures, name).toEqual(full.figures);
      for (const m of got.mentions) expect(full.mentions, name).toContainEqual(m);
      for (const q of got.quotes) expect(full.quotes, name).toContainEqual(q);
      if (JSON.stringify(got) === JSON.stringify(full)) exact++;
      // Once everything is analysed, the sheet is the full one.
      await c.analyseAll();
      expect(c.facts(name), name).toEqual(full);
    }
    // A mention the targeted analysis cannot find by its words ("Zelenskyy-Putin") waits for analyseAll.
    expect(exact).toBeGreaterThanOrEqual(names.length - 2);
    const c = await deferred();
    const at = DRAFT.indexOf('Medinsky');
    expect(c.nameAt(DRAFT, at + 2)).toEqual(eager.nameAt(DRAFT, at + 2));
  });

  it('analyseAll completes the corpus, reports progress, and yields between slices', async () => {
    const c = await deferred();
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await c.analyseAll({ onProgress: (done) => progress.push(done) });
    clearInterval(timer);
    expect(c.analysedAll).toBe(true);
    expect(c.stats()).toEqual({ ...eager.stats(), millis: c.stats().millis });
    expect(progress[progress.length - 1]).toBe(c.stats().sentences);
    expect(c.check(DRAFT)).toEqual(eager.check(DRAFT));
    void ticks;
  });

  it('keeps its counts right as sources change', async () => {
    const c = await deferred();
    await c.analyseAll();
    const [first, second] = c.docs;
    c.remove(first!.path);
    c.upsert({ path: second!.path, text: second!.text + '\nThe delegations met for 90 minutes, officials said.\n' });
    const inputs = c.docs.map((d) => ({ path: d.path, text: d.text }));
    const fresh = Corpus.fromInputs(inputs);
    const { millis: _a, ...got } = c.stats();
    const { millis: _b, ...want } = fresh.stats();
    expect(got).toEqual(want);
    expect(got.claims).toBeGreaterThan(0);
  });

  it('analyseAll can be aborted and resumed', async () => {
    const c = await deferred();
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(c.analyseAll({ signal: ac.signal })).rejects.toThrow('stop');
    await c.analyseAll();
    expect(c.analysedAll).toBe(true);
  });
});
