/** `npx tsx test/eval/report.ts [cases.jsonl]`-style report, run through vitest's node: prints every case. */
import path from 'node:path';
import { Corpus } from '../../src/engine/corpus';
import { loadCases, runCase, table } from './run-eval';

export async function report(file: string): Promise<void> {
  const { corpus } = await Corpus.load([path.resolve(__dirname, '../../seeds')]);
  const results = loadCases(file).map((c) => runCase(corpus, c));
  for (const r of results) if (!r.pass) console.log(`FAIL ${r.c.id} [${r.c.label}] ${r.c.draft}\n     ${r.why}`);
  for (const t of table(results)) console.log(`${t.label.padEnd(22)} ${t.pass}/${t.total}`);
}
