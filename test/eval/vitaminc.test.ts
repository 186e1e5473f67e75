import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVitamin, runVitamin } from './vitaminc';

const FILE = path.resolve(__dirname, '../../../shared/eval/external/vitaminc-real/cases.jsonl');

describe.skipIf(!existsSync(FILE))('VitaminC real revisions: claims against their own evidence', () => {
  it('flags refuted figures with precision ≥ 90% and recall ≥ 50%', () => {
    const r = runVitamin(loadVitamin(FILE));
    console.log(
      `vitaminc: precision ${(r.precision * 100).toFixed(1)}% (${r.truePositives} of ${r.truePositives + r.falseAlarms} contradictions are REFUTES), ` +
        `recall on figures ${(r.recallNumeric * 100).toFixed(1)}% (${r.truePositivesNumeric}/${r.refutesNumeric})`,
    );
    if (process.env.SOURCEWISE_EVAL_VERBOSE) for (const a of r.alarms) console.log(`ALARM ${a.c.id} [${a.c.label}] ${a.c.claim}\n   ev: ${a.c.evidence.join(' | ')}\n   ${a.message}`);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recallNumeric).toBeGreaterThanOrEqual(0.5);
  });
});
