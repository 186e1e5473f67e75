/**
 * The pieces of a draft that are checked one at a time: its sentences, with any longer than
 * MAX_SENTENCE_CHARS cut at spaces into pieces of at most that length.
 *
 * A check, and a hover on a figure or a name, works on one sentence at a time and cannot stop
 * inside one; some of its work grows faster than the sentence (every figure against every
 * word). A "sentence" of a megabyte (a table dump, a run-on line, 500,000 × `[^`) blocked the
 * language server for 0.6-1.6 s at once. No prose sentence comes near the limit.
 */
import { draftSentences } from '../sentences';
import { LineIndex } from '../text/lines';
import type { Sentence } from '../types';

export const MAX_SENTENCE_CHARS = 2_000;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** `draftSentences`, with sentences over MAX_SENTENCE_CHARS cut into pieces (see above). */
export function checkUnits(text: string, languageId: 'markdown' | 'plaintext', lines?: LineIndex): Sentence[] {
  const sentences = draftSentences(text, languageId);
  if (!sentences.some((s) => s.end - s.start > MAX_SENTENCE_CHARS)) return sentences;
  const index = lines ?? new LineIndex(text);
  const out: Sentence[] = [];
  for (const s of sentences) {
    if (s.end - s.start <= MAX_SENTENCE_CHARS) {
      out.push(s);
      continue;
    }
    let a = s.start;
    while (a < s.end) {
      while (a < s.end && isSpace(text.charCodeAt(a))) a++;
      if (a >= s.end) break;
      let b = Math.min(s.end, a + MAX_SENTENCE_CHARS);
      if (b < s.end) {
        // Cut at the last space in the second half of the piece, else at the limit.
        let k = b;
        while (k > a + MAX_SENTENCE_CHARS / 2 && !isSpace(text.charCodeAt(k))) k--;
        if (isSpace(text.charCodeAt(k))) b = k;
        // Never between the halves of a surrogate pair.
        const c = text.charCodeAt(b - 1);
        if (c >= 0xd800 && c <= 0xdbff) b--;
      }
      let e = b;
      while (e > a && isSpace(text.charCodeAt(e - 1))) e--;
      const pos = index.position(a);
      out.push({ start: a, end: e, text: text.slice(a, e), line: pos.line, character: pos.character, paragraph: s.paragraph });
      a = b;
    }
  }
  return out;
}
