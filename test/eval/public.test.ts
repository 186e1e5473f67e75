import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { loadCases, runCase, table, type CaseResult } from './run-eval';

const SHARED = path.resolve(__dirname, '../../../shared/eval/public.jsonl');
const OWN = path.resolve(__dirname, 'cases.jsonl');

let corpus: Corpus;
beforeAll(async () => {
  ({ corpus } = await Corpus.load([path.resolve(__dirname, '../../seeds')]));
});

function suite(name: string, file: string) {
  describe.skipIf(!existsSync(file))(name, () => {
    let results: CaseResult[] = [];
    beforeAll(() => {
      results = loadCases(file).map((c) => runCase(corpus, c));
      const failed = results.filter((r) => !r.pass);
      if (process.env.SOURCEWISE_EVAL_VERBOSE || failed.length) {
        for (const r of failed) console.log(`FAIL ${r.c.id} [${r.c.label}] ${r.c.draft}\n     ${r.why}`);
      }
      console.log(`${name}\n` + table(results).map((t) => `  ${t.label.padEnd(22)} ${t.pass}/${t.total}`).join('\n'));
    });

    it('passes at least 90% of the cases of every label', () => {
      for (const t of table(results)) expect.soft(t.pass / t.total, `${t.label}: ${t.pass}/${t.total}`).toBeGreaterThanOrEqual(0.9);
    });

    it('never calls a supported sentence a contradiction', () => {
      const bad = results.filter((r) => r.c.label === 'supported' && r.diagnostics.some((d) => d.code === 'contradiction'));
      expect(bad.map((r) => `${r.c.id}: ${r.c.draft}`)).toEqual([]);
    });
  });
}

suite('shared/eval/public.jsonl against the bundled seeds', SHARED);
suite('test/eval/cases.jsonl (our own labelled cases)', OWN);
