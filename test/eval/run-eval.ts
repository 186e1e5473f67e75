/**
 * Runs labelled draft sentences through the engine. Semantics (shared/eval/README.md):
 * - a flagged case passes when a diagnostic with its label as code overlaps its `flag` text;
 * - a supported case passes when it gets no error or warning and one of its evidence
 *   files is among the top three citation candidates;
 * - an unsupported case passes when it gets an `unsupported` finding and no error or warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../../src/engine/corpus';
import type { Diagnostic } from '../../src/engine/types';

export interface EvalCase {
  id: string;
  draft: string;
  label: string;
  flag: string | null;
  category?: string;
  evidence: { file: string; quote: string }[];
}

export interface CaseResult {
  c: EvalCase;
  pass: boolean;
  why: string;
  diagnostics: Diagnostic[];
}

export function loadCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

function overlaps(d: Diagnostic, start: number, end: number): boolean {
  // Cases are single-line drafts: compare characters on line 0.
  if (d.range.start.line !== 0 || d.range.end.line !== 0) return false;
  return d.range.start.character < end && start < d.range.end.character;
}

export function runCase(corpus: Corpus, c: EvalCase): CaseResult {
  const diagnostics = corpus.check(c.draft, {}, 'plaintext');
  const serious = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const summary = () => diagnostics.map((d) => `${d.code}@${d.range.start.character}-${d.range.end.character}: ${d.message}`).join(' | ') || 'no findings';
  if (c.label === 'supported') {
    if (serious.length > 0) return { c, pass: false, why: `flagged: ${summary()}`, diagnostics };
    const cands = corpus.citeText(c.draft, 3);
    const files = new Set(c.evidence.map((e) => e.file));
    const ok = cands.some((x) => files.has(path.basename(x.source)));
    return { c, pass: ok, why: ok ? 'ok' : `top-3 citations: ${cands.map((x) => x.source).join(', ')}`, diagnostics };
  }
  if (c.label === 'unsupported') {
    const ok = serious.length === 0 && diagnostics.some((d) => d.code === 'unsupported');
    return { c, pass: ok, why: ok ? 'ok' : summary(), diagnostics };
  }
  const start = c.draft.indexOf(c.flag!);
  const end = start + c.flag!.length;
  const ok = diagnostics.some((d) => d.code === c.label && overlaps(d, start, end));
  return { c, pass: ok, why: ok ? 'ok' : summary(), diagnostics };
}

export function table(results: CaseResult[]): { label: string; pass: number; total: number }[] {
  const labels = [...new Set(results.map((r) => r.c.label))].sort();
  return labels.map((label) => {
    const rs = results.filter((r) => r.c.label === label);
    return { label, pass: rs.filter((r) => r.pass).length, total: rs.length };
  });
}
