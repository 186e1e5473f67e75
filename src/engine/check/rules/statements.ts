/** Statements without figures that a source rules out: negation, generalisation, firsts, places (../statements.ts). */
import { checkStatements } from '../statements';
import type { Rule } from './rule';

export const statementsRule: Rule = {
  id: 'statements',
  codes: ['contradiction'],
  description: 'A statement a closely matching source says the opposite of, generalises, or places elsewhere.',
  run: (ctx) => checkStatements(ctx),
};
