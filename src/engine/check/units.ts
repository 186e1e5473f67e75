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

/** Text of a draft read per piece by `sentenceSteps` (about 5 ms of splitting). */
const PIECE_CHARS = 64 * 1024;

/**
 * Where a piece of a long draft may end: the start of the first line at or after `from` that
 * follows a blank line and is not blank, not indented, not `---` and not a footnote definition.
 * Such a line sets the whole reading state of the lines after it (see proseSpans). A blank line ends every
 * paragraph, list item continuation and footnote body for such a line, so the sentences of the
 * text after it are the same read alone as read with what comes before (as long as no fence or
 * HTML comment is open, which is why drafts with those are read whole). -1 when there is none.
 */
function pieceEnd(text: string, from: number): number {
  // Line by line from the first line start at or after `from`; a scan, so runs of blank
  // lines cost what they are long.
  let i = from;
  while (i < text.length && i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i++;
  // Not between the two characters of a CRLF (the LF would read as a blank line).
  if (text[i - 1] === '\r' && text[i] === '\n') i++;
  let afterBlank = false;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
    let k = i;
    while (k < j && (text[k] === ' ' || text[k] === '\t')) k++;
    const blank = k === j;
    // Not `---` (it would open front matter at a piece's start) nor a footnote definition (it
    // leaves the list state of the lines before it in place for the lines after it).
    if (!blank && afterBlank && k === i && !/^(?:---[ \t]*$|\[\^)/.test(text.slice(i, Math.min(j, i + 64)))) return i;
    afterBlank = blank;
    i = j < text.length && text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
  }
  return -1;
}

/**
 * `draftSentences`, in steps: a long draft is read a piece at a time (pieces end at blank lines,
 * see `pieceEnd`), with a yield after each piece, so a check in slices does not hold the event
 * loop for the whole split (a megabyte took 50-150 ms at once). The sentences are the same as
 * `draftSentences` gives (tested); a Markdown draft with a code fence or an HTML comment, whose
 * state a piece cannot know, is read whole.
 */
export function* sentenceSteps(text: string, languageId: 'markdown' | 'plaintext', lines: LineIndex): Generator<undefined, Sentence[]> {
  if (text.length <= PIECE_CHARS || (languageId === 'markdown' && /```|~~~|<!--/.test(text))) return draftSentences(text, languageId);
  const out: Sentence[] = [];
  let a = 0;
  let lastParagraph = -1;
  while (a < text.length) {
    const end = a + PIECE_CHARS >= text.length ? -1 : pieceEnd(text, a + PIECE_CHARS);
    const b = end < 0 ? text.length : end;
    const lineBase = lines.position(a).line;
    // A piece starts a new paragraph (after a blank line): its first is the one after the last.
    const base = lastParagraph + 1;
    for (const s of draftSentences(text.slice(a, b), languageId)) {
      out.push({ start: a + s.start, end: a + s.end, text: s.text, line: lineBase + s.line, character: s.character, paragraph: base + s.paragraph });
    }
    if (out.length) lastParagraph = out[out.length - 1]!.paragraph;
    a = b;
    if (a < text.length) yield;
  }
  return out;
}

/** The last draft read by `checkUnits`: a hover reads the same draft for its name and its figure. */
let lastRead: { text: string; languageId: string; units: Sentence[] } | undefined;

/** `draftSentences`, with sentences over MAX_SENTENCE_CHARS cut into pieces (see above). Callers do not change the list. */
export function checkUnits(text: string, languageId: 'markdown' | 'plaintext', lines?: LineIndex): Sentence[] {
  if (lastRead && lastRead.languageId === languageId && lastRead.text === text) return lastRead.units;
  const units = readUnits(text, languageId, lines);
  lastRead = { text, languageId, units };
  return units;
}

function readUnits(text: string, languageId: 'markdown' | 'plaintext', lines?: LineIndex): Sentence[] {
  const index = lines ?? new LineIndex(text);
  const steps = sentenceSteps(text, languageId, index);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return cutLong(text, r.value, index);
}

/** `checkUnits` in steps (see `sentenceSteps`). */
export function* checkUnitSteps(text: string, languageId: 'markdown' | 'plaintext', lines: LineIndex): Generator<undefined, Sentence[]> {
  const sentences = yield* sentenceSteps(text, languageId, lines);
  return cutLong(text, sentences, lines);
}

/** Sentences over MAX_SENTENCE_CHARS cut into pieces at spaces. */
function cutLong(text: string, sentences: Sentence[], lines?: LineIndex): Sentence[] {
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
