import { DEFAULT_SEVERITY, type Diagnostic, type DiagnosticCode, type Evidence, type Fix, type Range } from '../types';
import type { SentenceContext } from './context';

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
