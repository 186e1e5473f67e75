/** Bundled by deadline.ts into a plain CommonJS file that worker threads load. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../../src/engine/corpus';
import { findMentions, findRoles } from '../../../src/engine/entities';
import { parseQuantities } from '../../../src/engine/quantities';
import { findQuotes, quoteOccursIn } from '../../../src/engine/quotes';
import { draftSentences, splitSentences } from '../../../src/engine/sentences';
import { citationEdits as engineCitationEdits, footnoteRefs } from '../../../src/engine/citations/footnotes';
import { citationAt, citationEdits, defHead, parseFootnotes } from '../../../src/server/citations';
import { wordAt } from '../../../src/server/commands';
import { silencedLines } from '../../../src/server/disable';
import { sentenceBounds } from '../../../src/server/util';

const EVIDENCE = { source: 'a.md', path: '/s/a.md', outlet: 'Gazette', line: 0, character: 0, text: 'The bridge cost $42 million.', stance: 'supports' as const };

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
  // What the language server scans a draft with on every check, hover, completion or code action.
  silencedLines: (s) => (silencedLines(s)(1, 'contradiction') ? 1 : 0),
  parseFootnotes: (s) => {
    const f = parseFootnotes(s);
    return f.markers.length + f.defs.length + f.pandoc.length;
  },
  citationAt: (s) => (citationAt(s, s.length >> 1) ? 1 : 0),
  defHead: (s) => defHead(s).length,
  serverCitationEdits: (s) =>
    citationEdits(s, { start: s.length >> 1, end: s.length >> 1 }, { path: '/s/a.md', file: 'a.md', line: 0, text: 'x' }, 'footnote').additional.length,
  engineCitationEdits: (s) => engineCitationEdits(s, s.length >> 1, EVIDENCE).edits.length,
  footnoteRefs: (s) => footnoteRefs(s).length,
  wordAt: (s) => wordAt(s, s.length - 1).length,
  sentenceBounds: (s) => sentenceBounds(s, s.length >> 1).end,
  checkPlaintext: (s, dir) => seeds(dir).check(s, {}, 'plaintext').length,
};
