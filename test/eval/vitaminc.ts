/**
 * Figure checking on text unlike the seeds: each VitaminC claim is checked
 * against its own evidence sentence(s) as a one-file corpus. REFUTES should get
 * a `contradiction`; SUPPORTS and NOT_ENOUGH_INFO should not.
 */
import { readFileSync } from 'node:fs';
import { Corpus } from '../../src/engine/corpus';

export interface VitCase {
  id: string;
  claim: string;
  evidence: string[];
  label: 'SUPPORTS' | 'REFUTES' | 'NOT_ENOUGH_INFO';
  numeric: boolean;
}

export interface VitResult {
  /** REFUTES cases flagged `contradiction`. */
  truePositives: number;
  /** SUPPORTS / NOT_ENOUGH_INFO cases flagged `contradiction`. */
  falseAlarms: number;
  refutes: number;
  refutesNumeric: number;
  truePositivesNumeric: number;
  precision: number;
  recallNumeric: number;
  alarms: { c: VitCase; message: string }[];
}

export function loadVitamin(file: string): VitCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as VitCase);
}

export function runVitamin(cases: VitCase[]): VitResult {
  let tp = 0;
  let fp = 0;
  let tpNum = 0;
  const alarms: VitResult['alarms'] = [];
  for (const c of cases) {
    const corpus = Corpus.fromInputs([{ path: `/evidence/${c.id}.txt`, text: c.evidence.join('\n') + '\n' }]);
    const diags = corpus.check(c.claim, {}, 'plaintext');
    const hit = diags.find((d) => d.code === 'contradiction');
    if (!hit) continue;
    if (c.label === 'REFUTES') {
      tp++;
      if (c.numeric) tpNum++;
    } else {
      fp++;
      alarms.push({ c, message: hit.message });
    }
  }
  const refutes = cases.filter((c) => c.label === 'REFUTES').length;
  const refutesNumeric = cases.filter((c) => c.label === 'REFUTES' && c.numeric).length;
  return {
    truePositives: tp,
    falseAlarms: fp,
    refutes,
    refutesNumeric,
    truePositivesNumeric: tpNum,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recallNumeric: refutesNumeric ? tpNum / refutesNumeric : 0,
    alarms,
  };
}
