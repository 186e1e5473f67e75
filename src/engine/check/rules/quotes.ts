/** Quoted words said by someone else, or that no source has (../quotes.ts). */
import { checkQuotes } from '../quotes';
import type { Rule } from './rule';

export const quotesRule: Rule = {
  id: 'quotes',
  codes: ['quote-misattributed', 'quote-not-in-sources'],
  description: 'Quoted words the sources give to another speaker, or that no source contains.',
  run: (ctx) => checkQuotes(ctx),
};
