/**
 * The search thread: a full check that sends its searches to a second thread finds exactly
 * what a check on one thread finds, including after sources change and when the thread dies.
 * Needs the bundled thread script (dist/search-worker.js), which `npm test` builds first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf, nearest } from '../../../src/engine/check/context';
import { termsOf } from '../../../src/engine/citations/retrieval';
import { Corpus } from '../../../src/engine/corpus';
import { draftSentences } from '../../../src/engine/sentences';
import { Batch } from '../../../src/engine/search-thread';
import { ForwardIndex } from '../../../src/engine/search-thread/forward';
import { batchLayout, batchViews, PENDING, TAKEN, WORKING } from '../../../src/engine/search-thread/protocol';
import type { SourceInput } from '../../../src/engine/types';
import { loadCases } from '../../eval/run-eval';
import { rng } from '../../helpers/random';
import { remixedArticles, SEEDS } from '../../helpers/remix';

const SCRIPT = path.resolve(__dirname, '../../../dist/search-worker.js');
const DRAFT = readFileSync(path.resolve(__dirname, '../../../examples/draft.md'), 'utf8');
const PUBLIC = path.resolve(__dirname, '../../../../shared/eval/public.jsonl');
const OWN = path.resolve(__dirname, '../../eval/cases.jsonl');
const cases = [...(existsSync(PUBLIC) ? loadCases(PUBLIC) : []), ...loadCases(OWN)];

if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run build\` first (npm test does).`);

/** The seeds, plus 300 articles remixed from their sentences with some figures changed (about 9,000 sentences). */
function sources(): SourceInput[] {
  const seeds = readdirSync(SEEDS).map((f) => ({ path: path.join(SEEDS, f), text: readFileSync(path.join(SEEDS, f), 'utf8') }));
  const out: SourceInput[] = seeds.map((s) => ({ ...s, size: s.text.length, mtimeMs: 1 }));
  remixedArticles(300, 5).forEach((body, d) => {
    const text = `Remix ${d}\n\n${body.join(' ')}\n`;
    out.push({ path: `/remix/${d}.txt`, text, size: text.length, mtimeMs: 1 });
  });
  return out;
}

/** A draft of every labelled case, the example draft, and source sentences with figures changed. */
function drafts(): string[] {
  const r = rng(9);
  const some = sources().flatMap((s) => s.text.split(/(?<=[.!?])\s+/)).filter((t) => /\d/.test(t) && t.length < 300);
  const remixed = Array.from({ length: 60 }, () => some[Math.floor(r() * some.length)]!.replace(/\b(\d+)\b/, (x) => String(Number(x) * 2)));
  return [DRAFT, cases.map((c) => c.draft).join('\n\n'), '# Remix\n\n' + remixed.join(' ') + '\n'];
}

async function until(test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const warnings: string[] = [];
let alone: Corpus;
let paired: Corpus;

beforeAll(async () => {
  const inputs = sources();
  alone = Corpus.fromInputs(inputs, { searchThread: false });
  paired = Corpus.fromInputs(inputs, { searchThread: SCRIPT, searchThreadMinSentences: 0, onWarning: (m) => warnings.push(m) });
  await until(() => paired.prepareSearchThread());
});

afterAll(async () => {
  await paired.close();
});

describe('the search thread', () => {
  it('is used by a full check, and the findings are the ones a single thread finds', () => {
    expect(alone.stats().sentences).toBeGreaterThan(5_000);
    for (const d of drafts()) {
      paired.lastBatch = undefined;
      const got = paired.check(d);
      expect(paired.lastBatch, 'the check went through the search thread').toBeDefined();
      expect(paired.lastBatch!.thread + paired.lastBatch!.caller).toBeGreaterThanOrEqual(8);
      expect(got).toEqual(alone.check(d));
    }
    expect(warnings).toEqual([]);
  });

  it('searches for the words of quotations too, each with its own limit, and finds what a single thread finds', () => {
    // Source sentences with quotations, some with a word of the quotation changed (an invented quote).
    const r = rng(11);
    const quoted = sources()
      .slice(0, 5)
      .flatMap((s) => s.text.split(/(?<=[.!?][”"]?)\s+/))
      .filter((t) => /[“"][^”"]{12,}[”"]/.test(t) && t.length < 400);
    expect(quoted.length).toBeGreaterThan(10);
    const draft = quoted.map((t) => (r() < 0.4 ? t.replace(/([“"][^”"]*?)\b([a-z]{5,})\b/, (_, a: string) => `${a}splendid`) : t)).join(' ');
    const sentences = draftSentences(draft, 'plaintext').length;
    paired.lastBatch = undefined;
    const got = paired.check(draft, {}, 'plaintext');
    // One search per sentence, and more for the quotations.
    expect(paired.lastBatch!.thread + paired.lastBatch!.caller).toBeGreaterThan(sentences);
    expect(got.some((d) => d.code === 'quote-not-in-sources')).toBe(true);
    expect(got).toEqual(alone.check(draft, {}, 'plaintext'));
  });

  it('answers the labelled cases as before', () => {
    const all = cases.map((c) => c.draft).join('\n\n');
    const got = paired.check(all, {}, 'plaintext');
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(alone.check(all, {}, 'plaintext'));
  });

  it('leaves a re-check of one sentence on the calling thread', () => {
    const s = DRAFT.indexOf('three hours');
    paired.lastBatch = undefined;
    const got = paired.check(DRAFT, { only: [{ start: s, end: s + 5 }] });
    expect(paired.lastBatch).toBeUndefined();
    expect(got).toEqual(alone.check(DRAFT, { only: [{ start: s, end: s + 5 }] }));
  });

  it('after a source changes, checks search here until the thread has the new index, then there again', async () => {
    const inputs = sources();
    const changed = { ...inputs[0]!, text: inputs[0]!.text.replace(/\b(\d+)\b/g, (x) => String(Number(x) + 7)), mtimeMs: 2 };
    // The same change on one thread (a source read again gets new sentence ids, which break ties: compare like with like).
    const fresh = Corpus.fromInputs(inputs, { searchThread: false });
    fresh.upsert(changed);
    const c = Corpus.fromInputs(inputs, { searchThread: SCRIPT, searchThreadMinSentences: 0 });
    try {
      await until(() => c.prepareSearchThread());
      c.upsert(changed);
      // The change shows in the findings.
      expect(drafts().some((d) => JSON.stringify(fresh.check(d)) !== JSON.stringify(alone.check(d)))).toBe(true);
      c.lastBatch = undefined;
      expect(c.check(DRAFT)).toEqual(fresh.check(DRAFT));
      // The thread held the old index: the first check after the change searched here (and sent the new index).
      expect(c.lastBatch).toBeUndefined();
      await until(() => c.prepareSearchThread());
      for (const d of drafts()) expect(c.check(d)).toEqual(fresh.check(d));
      expect((c.lastBatch as Corpus['lastBatch'])?.thread).toBeGreaterThan(0);
    } finally {
      await c.close();
    }
  });

  it('when the thread dies, says so once and checks on alone with the same findings', async () => {
    const said: string[] = [];
    const c = Corpus.fromInputs(sources(), { searchThread: SCRIPT, searchThreadMinSentences: 0, onWarning: (m) => said.push(m) });
    await until(() => c.prepareSearchThread());
    const worker = (c as unknown as { thread: { worker: { terminate(): Promise<number> } } }).thread.worker;
    await worker.terminate();
    await until(() => said.length > 0);
    for (const d of drafts()) expect(c.check(d)).toEqual(alone.check(d));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/search thread stopped/);
    expect(c.prepareSearchThread()).toBe(false);
  });

  it('a missing thread script is reported once and changes nothing', async () => {
    const said: string[] = [];
    const c = Corpus.fromInputs(sources(), { searchThread: path.join(__dirname, 'no-such-worker.js'), searchThreadMinSentences: 0, onWarning: (m) => said.push(m) });
    c.prepareSearchThread();
    await until(() => said.length > 0);
    expect(said[0]).toMatch(/search thread stopped/);
    for (const d of drafts()) expect(c.check(d)).toEqual(alone.check(d));
    expect(said).toHaveLength(1);
  });

  it('is not started for a corpus below the size where it pays', () => {
    const c = Corpus.fromInputs(sources().slice(0, 5), { searchThread: SCRIPT });
    expect(c.prepareSearchThread()).toBe(false);
    expect((c as unknown as { thread: { worker?: unknown } }).thread.worker).toBeUndefined();
  });
});

describe('the search thread’s nearest sentences', () => {
  it('are the checking thread’s: same sentences, order and coverage', () => {
    const words: string[] = [];
    const state = alone.store.index.exportState((t) => words.push(t) - 1);
    const forward = new ForwardIndex(state, words);
    const r = rng(3);
    const recs = alone.store.sents.filter((s) => s.alive);
    for (let q = 0; q < 300; q++) {
      const rec = recs[Math.floor(r() * recs.length)]!;
      // Some words dropped and one misspelt, so coverage is partial and close spellings count.
      const text = rec.sent.text.split(' ').filter(() => r() < 0.8).join(' ').replace(/([a-z]{6,})/, (w) => w.slice(0, 3) + w[4] + w[3] + w.slice(5));
      const terms = termsOf(text);
      const d = draftOf(alone, terms);
      const mine = nearest(alone, terms);
      const theirs = forward.nearest(terms.terms, d, 60);
      expect(theirs.map((n) => [n.id, n.cov.score, n.cov.matched])).toEqual(mine.map((c) => [c.rec.id, c.cov.score, c.cov.matched]));
    }
  });
});

describe('a batch read while the search thread works', () => {
  const make = (n: number) => {
    const buffer = new SharedArrayBuffer(batchLayout(n, 4).bytes);
    const views = batchViews(buffer, n, 4);
    let cancelled = 0;
    const batch = new Batch(views, 4, () => cancelled++, () => undefined);
    return { views, batch, cancelled: () => cancelled };
  };

  it('gives the thread’s hits, takes a query no thread has, and does queries from the end rather than wait', () => {
    const { views, batch } = make(6);
    // Query 0 answered with two hits; query 1 not started; query 2 under way.
    views.flags[0] = 3;
    views.ids.set([7, 9], 0);
    views.matched.set([3, 2], 0);
    views.scores.set([0.9, 0.5], 0);
    expect(batch.get(0, () => undefined)).toEqual([
      { id: 7, cov: { score: 0.9, matched: 3 } },
      { id: 9, cov: { score: 0.5, matched: 2 } },
    ]);
    expect(batch.get(1, () => undefined)).toBeUndefined();
    expect(views.flags[1]).toBe(TAKEN);
    views.flags[2] = WORKING;
    const done: number[] = [];
    // While query 2 is worked on, the caller does 5, 4 and 3 itself; the thread then answers 2.
    const answer = batch.get(2, (j) => {
      done.push(j);
      if (done.length === 3) views.flags[2] = 1;
    });
    expect(done).toEqual([5, 4, 3]);
    expect(answer).toEqual([]);
    expect([...views.flags.slice(3)]).toEqual([TAKEN, TAKEN, TAKEN]);
    expect(batch.get(4, () => undefined)).toBeUndefined();
    expect(batch.counts).toEqual({ thread: 2, caller: 4 });
  });

  it('waits rather than takes a query over once the caller has more of its own work left', () => {
    const { views, batch } = make(6);
    views.flags[2] = WORKING;
    const done: number[] = [];
    const asked: number[] = [];
    // First asked with queries 3, 4 and 5 not started: the caller takes 5. Then with 3 and 4
    // left it declines, and waits for the thread, which answers 2 meanwhile.
    const answer = batch.get(
      2,
      (j) => done.push(j),
      (pending) => {
        asked.push(pending);
        if (asked.length === 1) return true;
        views.flags[2] = 1;
        return false;
      },
    );
    expect(asked).toEqual([3, 2]);
    expect(done).toEqual([5]);
    expect(answer).toEqual([]);
    expect([...views.flags.slice(3)]).toEqual([PENDING, PENDING, TAKEN]);
  });

  it('cancels once, and everything after is the caller’s', () => {
    const { views, batch, cancelled } = make(3);
    views.flags[0] = 1;
    batch.cancel();
    batch.cancel();
    expect(cancelled()).toBe(1);
    expect(batch.get(0, () => undefined)).toBeUndefined();
    expect(views.flags[1]).toBe(PENDING);
  });
});
