/** `npx vite-node test/eval/vitaminc-report.ts [--misses]`: VitaminC figures with the false alarms (and misses) listed. */
import path from 'node:path';
import { Corpus } from '../../src/engine/corpus';
import { loadVitamin, runVitamin } from './vitaminc';

const FILE = path.resolve(__dirname, '../../../shared/eval/external/vitaminc-real/cases.jsonl');
const cases = loadVitamin(FILE);
const r = runVitamin(cases);
for (const a of r.alarms) console.log(`ALARM [${a.c.label}] ${a.c.claim}\n   evidence: ${a.c.evidence.join(' | ').slice(0, 300)}\n   → ${a.message.slice(0, 200)}`);
if (process.argv.includes('--misses')) {
  for (const c of cases.filter((x) => x.label === 'REFUTES' && x.numeric)) {
    const corpus = Corpus.fromInputs([{ path: `/evidence/${c.id}.txt`, text: c.evidence.join('\n') + '\n' }]);
    const d = corpus.check(c.claim, {}, 'plaintext');
    if (d.some((x) => x.code === 'contradiction')) continue;
    console.log(`MISS ${c.claim}\n   evidence: ${c.evidence.join(' | ').slice(0, 300)}\n   → ${d.map((x) => `${x.code}: ${x.message.slice(0, 100)}`).join(' | ') || 'nothing'}`);
  }
}
console.log(`vitaminc: precision ${(100 * r.precision).toFixed(1)}% (${r.truePositives}/${r.truePositives + r.falseAlarms}), recall on figures ${(100 * r.recallNumeric).toFixed(1)}% (${r.truePositivesNumeric}/${r.refutesNumeric})`);
