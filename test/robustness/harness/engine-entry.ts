/** Bundled by deadline.ts into a plain CommonJS file that worker threads load. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../../src/engine/corpus';
import { findMentions, findRoles } from '../../../src/engine/entities';
import { parseQuantities } from '../../../src/engine/quantities';
import { findQuotes, quoteOccursIn } from '../../../src/engine/quotes';
import { draftSentences, splitSentences } from '../../../src/engine/sentences';

let corpus: Corpus | undefined;
function seeds(dir: string): Corpus {
  corpus ??= Corpus.fromInputs(
    fs.readdirSync(dir).sort().map((f) => ({ path: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') })),
  );
  return corpus;
}

export const FUNCTIONS: Record<string, (s: string, seedsDir: string) => number> = {
  splitSentences: (s) => splitSentences(s).length,
  draftSentencesMarkdown: (s) => draftSentences(s, 'markdown').length,
  draftSentencesPlaintext: (s) => draftSentences(s, 'plaintext').length,
  parseQuantities: (s) => parseQuantities(s).length,
  findMentions: (s) => findMentions(s).length,
  findRoles: (s) => findRoles(s).length,
  findQuotes: (s) => findQuotes(s).length,
  quoteOccursIn: (s) => (quoteOccursIn(s.slice(0, 5000), s) ? 1 : 0),
  quoteOccursInMiss: (s) => (quoteOccursIn(`${s.slice(0, 5000)} zzq`, s) ? 1 : 0),
  check: (s, dir) => seeds(dir).check(s).length,
  checkPlaintext: (s, dir) => seeds(dir).check(s, {}, 'plaintext').length,
};
