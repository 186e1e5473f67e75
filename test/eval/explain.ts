/**
 * Explains the figure checks of one labelled case (tuning sets only):
 *   npx vite-node test/eval/explain.ts <set> <id>…
 *   npx vite-node test/eval/explain.ts --draft <set> "<sentence>"…   (any sentence against the set's sources)
 * Prints each draft claim's frame and the source claims it aligns with, with scores.
 */
import path from 'node:path';
import { alignClaims, claimsOf, type Claim } from '../../src/engine/claims';
import { idfOf, makeContext } from '../../src/engine/check/context';
import { judgeFigures } from '../../src/engine/check/figures';
import { Corpus } from '../../src/engine/corpus';
import { stem } from '../../src/engine/nlp';
import { draftSentences } from '../../src/engine/sentences';
import { LineIndex } from '../../src/engine/text/lines';
import { loadCases, type EvalCase } from './run-eval';
import { loadVitamin } from './vitaminc';
import { EVAL_SETS } from './sets';

const frame = (c: Claim) =>
  `${c.dim}/${c.role} “${c.q.text}” [${c.q.low}..${c.q.high}] thing=${c.thing ?? '-'}${c.mods.length ? ` mods=${c.mods}` : ''} events=[${c.events}] ctx=[${c.context}]${c.side ? ` side=${c.side}` : ''} ${c.scope}${c.hedged ? ' hedged' : ''}${c.vague ? ' vague' : ''}${c.negated ? ' negated' : ''}`;

async function main(): Promise<void> {
  const [setName, ...ids] = process.argv.slice(2);
  if (setName === 'vitaminc') {
    const all = loadVitamin(path.resolve(__dirname, '../../../shared/eval/external/vitaminc-real/cases.jsonl'));
    for (const v of all.filter((x) => ids.some((id) => x.claim.includes(id) || x.id === id))) {
      const corpus = Corpus.fromInputs([{ path: `/evidence/${v.id}.txt`, text: v.evidence.join('\n') + '\n' }]);
      explainCase(corpus, { id: v.id, draft: v.claim, label: v.label, flag: null, evidence: v.evidence.map((e) => ({ file: v.id, quote: e })) });
    }
    return;
  }
  // Any sentence against a set's sources: explain.ts --draft <set> "<sentence>" (probe findings, new phrasings).
  if (setName === '--draft') {
    const set = EVAL_SETS.find((s) => s.name === ids[0]);
    if (!set) throw new Error(`no set ${ids[0]}`);
    const { corpus } = await Corpus.load(set.sources(), { cacheDir: false });
    await corpus.analyseAll();
    for (const draft of ids.slice(1)) explainCase(corpus, { id: 'draft', draft, label: 'unknown', flag: null, evidence: [] });
    return;
  }
  // Any sentence against any source files: explain.ts --files "<glob>" "<sentence>" (unit-test corpora, new stories).
  if (setName === '--files') {
    const { corpus } = await Corpus.load([path.resolve(ids[0]!)], { cacheDir: false });
    await corpus.analyseAll();
    for (const draft of ids.slice(1)) explainCase(corpus, { id: 'draft', draft, label: 'unknown', flag: null, evidence: [] });
    return;
  }
  const set = EVAL_SETS.find((s) => s.name === setName);
  if (!set) throw new Error(`no set ${setName}`);
  if (set.heldOut && !process.env.SOURCEWISE_SHOW_HELDOUT) throw new Error('held-out cases are for figures only');
  const { corpus } = await Corpus.load(set.sources(), { cacheDir: false });
  await corpus.analyseAll();
  for (const c of loadCases(set.file).filter((x) => ids.includes(x.id))) explainCase(corpus, c);
}

function explainCase(corpus: Corpus, c: EvalCase): void {
  const idf = idfOf(corpus);
  const weight = (l: string) => idf(stem(l));
  {
    console.log(`\n${c.id} [${c.label}] ${c.draft}\n  flag: ${c.flag}`);
    for (const e of c.evidence) console.log(`  evidence ${e.file}: ${e.quote}`);
    const lines = new LineIndex(c.draft);
    for (const s of draftSentences(c.draft, 'plaintext')) {
      const ctx = makeContext(corpus, c.draft, lines, s);
      console.log(`  scope: ${ctx.scope === 'all' ? 'all' : ctx.scope ? [...ctx.scope].map((d) => corpus.store.docs[d]?.file).join(',') : 'none'}`);
      for (const j of judgeFigures(ctx)) {
        console.log(`  CLAIM ${frame(j.claim)} → ${j.verdict}`);
        for (const m of j.matches.slice(0, 3)) console.log(`    vote ${m.sim.toFixed(2)} ${m.compatible ? 'agrees' : 'differs'} ${corpus.store.docs[m.rec.doc]?.file}: ${frame(m.claim)}`);
        const rows: [number, string][] = [];
        for (const cand of ctx.candidates) {
          for (const sc of cand.rec.claims) {
            const a = alignClaims(j.claim, sc, weight);
            if (!a) continue;
            rows.push([a.score, `    ${a.score.toFixed(2)} (t${a.thing.toFixed(2)} e${a.events.toFixed(2)} c${a.context.toFixed(2)} cov${cand.cov.score.toFixed(2)}) ${corpus.store.docs[cand.rec.doc]?.file}: ${frame(sc)}\n        “${cand.rec.sent.text.slice(0, 160)}”`]);
          }
        }
        rows.sort((a, b) => b[0] - a[0]);
        for (const [, r] of rows.slice(0, Number(process.env.EXPLAIN_ROWS ?? 6))) console.log(r);
      }
    }
    const diags = corpus.check(c.draft, {}, 'plaintext');
    for (const d of diags) console.log(`  → ${d.code}@${d.range.start.character}-${d.range.end.character}: ${d.message}`);
  }
}

void main();
