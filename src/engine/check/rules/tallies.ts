/** Results given as a pair of counts, compared as pairs with the sources' (../tallies.ts). */
import { checkTallies } from '../tallies';
import type { Rule } from './rule';

export const talliesRule: Rule = {
  id: 'tallies',
  codes: ['contradiction'],
  description: 'A vote, score or split given as a pair ("232-196", "66 votes to 37") whose one side a source tally of the same result gives, and whose other side it gives otherwise.',
  run: (ctx, options, found) => checkTallies(ctx, options, found),
};
