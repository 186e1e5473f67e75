import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../../../src/engine/check/context';
import { RULES, runRules, STEPS } from '../../../../src/engine/check/rules';
import { Corpus } from '../../../../src/engine/corpus';
import { draftSentences } from '../../../../src/engine/sentences';
import { LineIndex } from '../../../../src/engine/text/lines';
import precedence from '../../../../src/engine/check/rules/precedence.json';

let corpus: Corpus;
beforeAll(async () => {
  ({ corpus } = await Corpus.load([path.resolve(__dirname, '../../../../seeds')], { cacheDir: false }));
});

function ctxOf(text: string) {
  const s = draftSentences(text, 'plaintext')[0]!;
  return makeContext(corpus, text, new LineIndex(text), s);
}

describe('rules as units', () => {
  it('each rule has an id, a description and the codes it gives; precedence names each once, with a reason', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.codes.length).toBeGreaterThan(0);
    }
    expect(precedence.order.map((s) => s.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const s of precedence.order) expect(s.reason.length).toBeGreaterThan(20);
    expect(STEPS.map((s) => s.rule.id)).toEqual(precedence.order.map((s) => s.rule));
  });

  it('every finding a rule gives carries one of the codes it declares', () => {
    const drafts = [
      'The talks in Istanbul lasted three hours.',
      'Kremlin spokesperson Vladimir Medinsky led the Russian delegation.',
      'Peskov said the Russian side made "new and unacceptable demands".',
      'The European Union is preparing its 19th round of sanctions, and Obi-Wan Kenobi approved it.',
    ];
    for (const text of drafts) {
      for (const r of RULES) {
        for (const d of r.run(ctxOf(text), {}, [])) expect(r.codes, `${r.id} gave ${d.code} on: ${text}`).toContain(d.code);
      }
    }
  });

  it('a sentence with a contradicted figure gets no "unsupported" noise and no whole-sentence statement', () => {
    const ds = runRules(ctxOf('The talks in Istanbul lasted three hours, attended by 4,321 observers.'), {});
    expect(ds.map((d) => d.code)).toContain('contradiction');
    expect(ds.map((d) => d.code)).not.toContain('unsupported');
  });

  it('a sentence with nothing ruled out still gets what no source mentions', () => {
    const ds = runRules(ctxOf('The talks were watched by 4,321 observers.'), {});
    expect(ds.map((d) => d.code)).toEqual(['unsupported']);
  });
});
