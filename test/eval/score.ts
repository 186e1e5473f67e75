/**
 * Scores the labelled sets from the command line:
 *   npx vite-node test/eval/score.ts [set…] [--verbose] [--failures] [--json out.json]
 * Sets: public, own, seeds-tuning, seeds-heldout, wikinews-tuning, wikinews-heldout, vitaminc
 * (default: all). Look at the failures of tuning sets only: held-out sets are for figures.
 */
import { writeFileSync } from 'node:fs';
import { EVAL_SETS, scoreSet, type SetScore } from './sets';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const failures = args.includes('--failures');
  const jsonAt = args.indexOf('--json');
  const names = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  const chosen = names.length ? EVAL_SETS.filter((s) => names.includes(s.name)) : EVAL_SETS;
  const scores: SetScore[] = [];
  for (const set of chosen) {
    const s = await scoreSet(set);
    if (!s) {
      console.log(`${set.name}: not available (missing files)`);
      continue;
    }
    scores.push(s);
    if (failures || verbose) {
      if (set.heldOut && !verbose) console.log(`(${set.name} is held out: failures not shown; --verbose shows them)`);
      else for (const r of s.results) if (!r.pass || verbose) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.c.id} [${r.c.label}] ${r.c.draft}\n     ${r.why}`);
    }
    console.log(`${set.name.padEnd(18)} ${s.summary}`);
  }
  if (jsonAt >= 0) writeFileSync(args[jsonAt + 1]!, JSON.stringify(scores.map(({ results: _r, ...rest }) => rest), null, 1));
}

void main();
