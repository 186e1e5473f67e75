import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVitamin, runVitamin } from './vitaminc';

const FILE = path.resolve(__dirname, '../../../shared/eval/external/vitaminc-real/cases.jsonl');

describe.skipIf(!existsSync(FILE))('VitaminC real revisions: claims against their own evidence', () => {
  const floor = (JSON.parse(readFileSync(path.join(__dirname, 'floors.json'), 'utf8')) as { vitaminc: { truePositives: number; falseAlarms: number } }).vitaminc;
  it('flags refuted figures at or above its floor (./floors.json): no fewer found, no more false alarms', () => {
    const r = runVitamin(loadVitamin(FILE));
    console.log(
      `vitaminc: precision ${(r.precision * 100).toFixed(1)}% (${r.truePositives} of ${r.truePositives + r.falseAlarms} contradictions are REFUTES), ` +
        `recall on figures ${(r.recallNumeric * 100).toFixed(1)}% (${r.truePositivesNumeric}/${r.refutesNumeric})`,
    );
    if (process.env.SOURCEWISE_EVAL_VERBOSE) for (const a of r.alarms) console.log(`ALARM ${a.c.id} [${a.c.label}] ${a.c.claim}\n   ev: ${a.c.evidence.join(' | ')}\n   ${a.message}`);
    expect(r.truePositives).toBeGreaterThanOrEqual(floor.truePositives);
    expect(r.falseAlarms).toBeLessThanOrEqual(floor.falseAlarms);
  });
});
