/**
 * The labelled sets, reported separately — public (shared/eval), own, the tuning halves of
 * the blind sets and their held-out halves — with floors (./floors.json) that fail the run
 * when a set loses cases or gains false contradictions. Held-out failures are never printed
 * here: those sets give figures only (see ./sets.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_SETS, scoreSet, type SetScore } from './sets';

interface Floor {
  passed: number;
  /** Most supported cases that may be called contradictions. */
  falseContradictions: number;
}

const FLOORS = JSON.parse(readFileSync(path.join(__dirname, 'floors.json'), 'utf8')) as { sets: Record<string, Floor> };

describe('labelled draft sentences', () => {
  for (const set of EVAL_SETS) {
    const floor = FLOORS.sets[set.name];
    it(`${set.name}${set.heldOut ? ' (held out)' : ''}: at or above its floor`, async () => {
      const s: SetScore | undefined = await scoreSet(set);
      if (!s) {
        console.log(`${set.name}: skipped (its files or sources are not here)`);
        return;
      }
      console.log(`${set.name.padEnd(18)} ${s.summary}`);
      if (!set.heldOut && (process.env.SOURCEWISE_EVAL_VERBOSE || s.passed < (floor?.passed ?? 0))) {
        for (const r of s.results) if (!r.pass) console.log(`  FAIL ${r.c.id} [${r.c.label}] ${r.c.draft}\n       ${r.why}`);
      }
      expect(floor, `no floor for ${set.name} in floors.json`).toBeDefined();
      expect(s.passed, `${set.name}: cases passed`).toBeGreaterThanOrEqual(floor!.passed);
      expect(s.falseContradictions, `${set.name}: supported cases called contradictions`).toBeLessThanOrEqual(floor!.falseContradictions);
    }, 120_000);
  }

  it('never calls a supported public or own case a contradiction', async () => {
    for (const name of ['public', 'own']) {
      const s = await scoreSet(EVAL_SETS.find((x) => x.name === name)!);
      if (!s) continue;
      const bad = s.results.filter((r) => r.c.label === 'supported' && r.diagnostics.some((d) => d.code === 'contradiction'));
      expect(bad.map((r) => `${r.c.id}: ${r.c.draft}`)).toEqual([]);
    }
  }, 120_000);
});
