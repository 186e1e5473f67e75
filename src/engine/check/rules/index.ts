/**
 * The checks of a draft sentence, one per file, each behind the `Rule` interface; the
 * order they run in and when one stands aside is data (./precedence.json).
 */
import type { CheckOptions } from '../../api';
import type { Diagnostic } from '../../types';
import type { SentenceContext } from '../context';
import { breakdownsRule } from './breakdowns';
import { figuresRule } from './figures';
import { offsetsRule } from './offsets';
import { placesRule } from './places';
import precedence from './precedence.json';
import { quotesRule } from './quotes';
import { rolesRule } from './roles';
import type { Rule } from './rule';
import { statementsRule } from './statements';
import { talliesRule } from './tallies';
import { unsupportedRule } from './unsupported';

export type { Rule } from './rule';
export { rangeOfQuantity } from './figures';

export const RULES: readonly Rule[] = [figuresRule, talliesRule, breakdownsRule, offsetsRule, rolesRule, quotesRule, statementsRule, placesRule, unsupportedRule];

const byId = new Map(RULES.map((r) => [r.id, r]));

export interface Step {
  rule: Rule;
  /** Stands aside when an earlier rule found anything but `unsupported`. */
  unlessFound: boolean;
}

/** The rules in the order ./precedence.json gives (an unknown rule name there is an error at load). */
export const STEPS: readonly Step[] = precedence.order.map((s) => {
  const rule = byId.get(s.rule);
  if (!rule) throw new Error(`check/rules/precedence.json names an unknown rule: ${s.rule}`);
  return { rule, unlessFound: 'unlessFound' in s && s.unlessFound === true };
});

/** Every rule's findings for one draft sentence, in precedence order. */
export function runRules(ctx: SentenceContext, options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of STEPS) {
    if (step.unlessFound && out.some((d) => d.code !== 'unsupported')) continue;
    for (const d of step.rule.run(ctx, options, out)) out.push(d);
  }
  return out;
}
