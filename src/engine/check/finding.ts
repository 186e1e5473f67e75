import { DEFAULT_SEVERITY, type Diagnostic, type DiagnosticCode, type Evidence, type Fix, type Range } from '../types';
import type { SentenceContext } from './context';

/**
 * Whether a rule before this one already found something other than `unsupported` at offset
 * `at` of the draft sentence: a figure one check has judged is left to it.
 */
export function judgedAt(ctx: SentenceContext, found: readonly Diagnostic[], at: number): boolean {
  const offset = ctx.sentence.start + at;
  return found.some((f) => f.code !== 'unsupported' && ctx.lines.offset(f.range.start) <= offset && ctx.lines.offset(f.range.end) > offset);
}

/** A diagnostic for the sentence being checked (severity is applied later from options). */
export function finding(
  ctx: SentenceContext,
  code: DiagnosticCode,
  range: Range,
  message: string,
  evidence: Evidence[],
  fixes: Fix[],
  draftSays?: string,
): Diagnostic {
  return { range, severity: DEFAULT_SEVERITY[code], code, message, evidence, fixes, draftSays, sentence: ctx.sentence.text };
}
