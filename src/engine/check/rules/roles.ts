/** Titles and roles the sources give someone else, or that contradict a person's sourced title (../roles.ts). */
import { checkRoles } from '../roles';
import type { Rule } from './rule';

export const rolesRule: Rule = {
  id: 'roles',
  codes: ['role-mismatch', 'sources-disagree', 'unsupported'],
  description: 'A title the sources give to someone else, or that contradicts the sourced title of the person it is given to.',
  run: (ctx) => checkRoles(ctx),
};
