/**
 * Where the figure checks lose the contradictions they miss, by stage (tuning sets only):
 *   npx vite-node test/eval/misses.ts [set…] [--list] [--heldout] [--by-kind]
 * With --heldout, the held-out sets instead, counted by stage only: their cases are never
 * listed, so that no rule is written against them.
 * For each missed contradiction whose flag is a figure: the draft has no claim there (parse),
 * the evidence sentence was not among the candidates (retrieval) or was out of the story's
 * scope (scope), it holds no comparable claim (frame), or its claim aligned too weakly (the
 * reason `weakness` gives), or it agreed with the draft's figure (compare).
 */
import { alignClaims, claimsOf } from '../../src/engine/claims';
import { figureCandidates, idfOf, makeContext } from '../../src/engine/check/context';
import { inScope } from '../../src/engine/check/story';
import { weakness } from '../../src/engine/check/figures';
import { Corpus } from '../../src/engine/corpus';
import { stem } from '../../src/engine/nlp';
import { parseQuantities } from '../../src/engine/quantities';
import { draftSentences } from '../../src/engine/sentences';
import { LineIndex } from '../../src/engine/text/lines';
import { loadCases, runCase } from './run-eval';
import { EVAL_SETS } from './sets';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const heldOut = args.includes('--heldout');
  const list = args.includes('--list') && !heldOut;
  // --by-kind: misses with no comparable source claim are counted per kind of draft claim (date/frame, duration/offset…).
  const byKind = args.includes('--by-kind');
  const names = args.filter((a) => !a.startsWith('--'));
  const sets = EVAL_SETS.filter((s) => s.heldOut === heldOut && s.name !== 'public' && (names.length === 0 || names.includes(s.name)));
  const total = new Map<string, number>();
  for (const set of sets) {
    const { corpus } = await Corpus.load(set.sources(), { cacheDir: false });
    await corpus.analyseAll();
    const idf = idfOf(corpus);
    const weight = (l: string) => idf(stem(l));
    for (const c of loadCases(set.file)) {
      if (c.label !== 'contradiction' || !c.flag) continue;
      if (runCase(corpus, c).pass) continue;
      const at = c.draft.indexOf(c.flag);
      const q = parseQuantities(c.draft).find((x) => x.start < at + c.flag!.length && at < x.end);
      let stage: string;
      if (!q) stage = 'not a figure (place, name or statement)';
      else {
        const s = draftSentences(c.draft, 'plaintext').find((x) => x.start <= q.start && q.end <= x.end)!;
        const ctx = makeContext(corpus, c.draft, new LineIndex(c.draft), s);
        const d = claimsOf(s.text, parseQuantities(s.text)).find((x) => x.q.start === q.start - s.start);
        const evid = c.evidence.map((e) => e.quote);
        const holds = (text: string) => evid.some((e) => text.includes(e) || e.includes(text));
        const evRecs = corpus.store.sents.filter((r) => holds(r.sent.text));
        if (!d) stage = 'parse: no claim at the flag';
        else if (evRecs.length === 0) stage = 'evidence sentence not found in the store';
        else {
          const cands = figureCandidates(ctx);
          const got = cands.filter((x) => evRecs.some((r) => r.id === x.rec.id));
          if (got.length === 0) stage = 'retrieval: evidence not among candidates';
          else if (!got.some((x) => inScope(ctx.scope, x.rec.doc))) stage = 'scope: evidence outside the story';
          else {
            const aligned = got.flatMap((x) => x.rec.claims.map((sc) => ({ sc, a: alignClaims(d, sc, weight), rec: x.rec })));
            const al = aligned.filter((x) => x.a);
            if (al.length === 0) {
              const dims = got.flatMap((x) => x.rec.claims.map((sc) => `${sc.dim}/${sc.role}`));
              stage = `frame: no comparable claim (draft ${d.dim}/${d.role}; evidence ${dims.join(',') || 'none'})`;
            } else {
              const why = al.map((x) => weakness(d, { score: x.a!.score, claim: x.sc, a: x.a!, sentence: x.rec.sent.text })).filter(Boolean);
              const best = al.sort((a, b) => b.a!.score - a.a!.score)[0]!;
              const w = weakness(d, { score: best.a!.score, claim: best.sc, a: best.a!, sentence: best.rec.sent.text });
              const detail = `(${best.a!.score.toFixed(2)}: thing ${best.a!.thing.toFixed(2)} events ${best.a!.events.toFixed(2)} context ${best.a!.context.toFixed(2)}; draft ${d.thing ?? '-'} [${d.events}] [${d.context}] / source “${best.sc.q.text}” ${best.sc.thing ?? '-'} [${best.sc.events}] [${best.sc.context}])`;
              stage = why.length === al.length ? `weak: ${w} ${detail}` : 'compare or verdict (aligned strongly)';
            }
          }
        }
      }
      const key = byKind ? stage.replace(/; evidence.*\)/, ')').replace(/\(\d.*/, '').trim() : stage.replace(/\(.*\)/, '').trim();
      total.set(key, (total.get(key) ?? 0) + 1);
      if (list) console.log(`${set.name} ${c.id}: ${stage}\n    ${c.draft}`);
    }
  }
  for (const [k, n] of [...total].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(3)}  ${k}`);
}

void main();
