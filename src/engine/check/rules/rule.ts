/** The interface every check of a draft sentence implements (one check per file in this folder). */
import type { CheckOptions } from '../../api';
import type { Diagnostic, DiagnosticCode } from '../../types';
import type { SentenceContext } from '../context';

export interface Rule {
  /** Stable name, used in ./precedence.json. */
  id: string;
  /** The diagnostic codes the rule can give. */
  codes: readonly DiagnosticCode[];
  /** One line for people: what the rule finds. */
  description: string;
  /** Findings for one draft sentence. `earlier`: what the rules before it found. */
  run(ctx: SentenceContext, options: CheckOptions, earlier: readonly Diagnostic[]): Diagnostic[];
}
