/**
 * Prose regions of a Markdown draft, as spans of the original text.
 *
 * Excluded: YAML front matter, fenced and indented code blocks, HTML comments,
 * footnote definitions (`[^1]: …` and their indented continuation), link reference
 * definitions (`[id]: url`), thematic breaks and setext underlines, inline code,
 * the `(url "title")` part of links, images, autolinks (`<https://…>`), footnote
 * references (`[^1]`), and block markers (`#`, `-`, `*`, `+`, `1.`, `>`, `[ ]`).
 * Kept: heading text, list item text, block quote text, link text.
 *
 * Lines of one paragraph are joined into one span (the line break inside it stays
 * covered), so a sentence wrapped over several lines is one sentence. A new block
 * (heading, list item, quote line with a marker) starts a new span after a line break.
 */
import type { Sentence, Span } from '../types';
import { splitSentences } from './split';

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_RE = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*/;
const LIST_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?/;
const QUOTE_RE = /^ {0,3}>[ \t]?/;
const FOOTNOTE_DEF_RE = /^ {0,3}\[\^[^\]\s]+\]:/;
const LINK_DEF_RE = /^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S/;
const THEMATIC_RE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const CLOSING_HASHES_RE = /[ \t]+#+[ \t]*$/;

interface Line {
  start: number;
  /** end of content (before the line break) */
  end: number;
  /** start of the next line */
  next: number;
}

function splitLines(text: string, from: number): Line[] {
  const out: Line[] = [];
  let i = from;
  const n = text.length;
  while (i <= n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    let next = j;
    if (j < n) next = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    out.push({ start: i, end: j, next });
    if (j >= n) break;
    i = next;
  }
  return out;
}

/** Offset after YAML front matter (0 when there is none or it is not closed). */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*(?:\r\n|\n|\r)/.exec(text);
  if (!open) return 0;
  const re = /^(?:---|\.\.\.)[ \t]*$/gm;
  re.lastIndex = open[0].length;
  const close = re.exec(text);
  if (!close) return 0;
  let end = close.index + close[0].length;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return end;
}

/** Spans of [start, end) with inline code, link targets, images, autolinks and comments removed. */
function inlineProse(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let i = start;
  const push = (a: number, b: number): void => {
    if (b > a) out.push({ start: a, end: b });
  };
  // The next `]` at or after a point, found once and reused while it is still ahead: searched
  // for again at each `[^` or `[`, a run of 75,000 `[^` with no `]` read the rest of the text
  // once per `[` (300 ms for 150 KB, seconds for a megabyte).
  let closeAt = -2;
  const nextClose = (from: number): number => {
    if (closeAt !== -1 && closeAt < from) closeAt = text.indexOf(']', from);
    return closeAt;
  };
  while (i < end) {
    const c = text[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (i + run < end && text[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      let k = text.indexOf(ticks, i + run);
      while (k >= 0 && k < end && text[k + run] === '`') {
        let m = k;
        while (m < end && text[m] === '`') m++;
        k = text.indexOf(ticks, m);
      }
      if (k >= 0 && k + run <= end) {
        push(s, i);
        i = k + run;
        s = i;
        continue;
      }
      i += run;
      continue;
    }
    if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const k = text.indexOf('-->', i + 4);
        push(s, i);
        i = k < 0 || k + 3 > end ? end : k + 3;
        s = i;
        continue;
      }
      const auto = /^<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/.exec(text.slice(i, Math.min(end, i + 2048)));
      if (auto) {
        push(s, i);
        i += auto[0].length;
        s = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === '!' && text[i + 1] === '[') {
      const k = nextClose(i + 1);
      // findLinkEnd looks 1,000 characters ahead for the `]`: none there, no link.
      const close = k >= 0 && k < end && k - (i + 1) < 1000 ? findLinkEnd(text, i + 1, end) : undefined;
      if (close) {
        push(s, i);
        i = close.end;
        s = i;
        continue;
      }
    }
    if (c === '[') {
      const k = nextClose(i);
      // No `]` before the end of this stretch: neither a footnote marker nor a link.
      if (k < 0 || k >= end) {
        i++;
        continue;
      }
      if (text[i + 1] === '^') {
        if (k > 0 && k < end) {
          push(s, i);
          i = k + 1;
          s = i;
          continue;
        }
      }
      const close = k - i < 1000 ? findLinkEnd(text, i, end) : undefined;
      if (close) {
        // keep the link text, drop "[" and "](url)" / "][ref]"
        push(s, i);
        push(i + 1, close.textEnd);
        i = close.end;
        s = i;
        continue;
      }
    }
    i++;
  }
  push(s, end);
}

/** For "[text](url)" or "[text][ref]" at `open`: where the text ends and the link ends. */
function findLinkEnd(text: string, open: number, end: number): { textEnd: number; end: number } | undefined {
  let depth = 0;
  let k = open;
  const limit = Math.min(end, open + 1000);
  for (; k < limit; k++) {
    const c = text[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (k >= limit || text[k] !== ']') return undefined;
  const textEnd = k;
  const after = text[k + 1];
  if (after === '(') {
    let d = 0;
    let m = k + 1;
    const lim = Math.min(end, m + 2048);
    for (; m < lim; m++) {
      const c = text[m];
      if (c === '\\') {
        m++;
        continue;
      }
      if (c === '(') d++;
      else if (c === ')') {
        d--;
        if (d === 0) return { textEnd, end: m + 1 };
      }
    }
    return undefined;
  }
  if (after === '[') {
    const m = text.indexOf(']', k + 2);
    if (m > 0 && m < end) return { textEnd, end: m + 1 };
  }
  return undefined;
}

function isBlank(text: string, l: Line): boolean {
  for (let k = l.start; k < l.end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function proseSpans(markdown: string): Span[] {
  const text = markdown;
  const lines = splitLines(text, frontMatterEnd(text));
  const out: Span[] = [];
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  let prevBlank = true;
  /** previous line was prose that a plain next line continues */
  let continuable = false;
  let inFootnote = false;
  let lastListLine = false;

  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    const line = text.slice(l.start, l.end);
    if (fence) {
      const m = FENCE_RE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && line.slice(m[0].length).trim() === '') fence = undefined;
      continuable = false;
      prevBlank = false;
      continue;
    }
    if (inComment) {
      const k = line.indexOf('-->');
      if (k < 0) continue;
      inComment = false;
      // prose after the comment on the same line
      const rest = l.start + k + 3;
      if (text.slice(rest, l.end).trim()) inlineProse(text, rest, l.end, out);
      continuable = false;
      prevBlank = false;
      continue;
    }
    if (isBlank(text, l)) {
      prevBlank = true;
      continuable = false;
      inFootnote = false;
      continue;
    }
    const fm = FENCE_RE.exec(line);
    if (fm) {
      fence = { char: fm[1]![0]!, len: fm[1]!.length };
      continuable = false;
      prevBlank = false;
      continue;
    }
    // Indented code: after a blank line, not inside a list.
    if (prevBlank && !lastListLine && /^(?: {4}|\t)/.test(line)) {
      continuable = false;
      continue; // prevBlank stays true-ish: consecutive indented lines stay code
    }
    if (inFootnote && /^(?: {2,}|\t)/.test(line)) continue;
    inFootnote = false;
    if (FOOTNOTE_DEF_RE.test(line)) {
      inFootnote = true;
      continuable = false;
      prevBlank = false;
      continue;
    }
    if (LINK_DEF_RE.test(line) || THEMATIC_RE.test(line)) {
      continuable = false;
      prevBlank = false;
      lastListLine = false;
      continue;
    }
    const trimmedStart = line.trimStart();
    if (trimmedStart.startsWith('<!--')) {
      const close = line.indexOf('-->', line.indexOf('<!--') + 4);
      if (close < 0) {
        inComment = true;
        continuable = false;
        continue;
      }
    }

    // Strip block markers: quotes, then heading or list marker.
    let p = l.start;
    let marker = false;
    for (let q = QUOTE_RE.exec(text.slice(p, l.end)); q; q = QUOTE_RE.exec(text.slice(p, l.end))) {
      p += q[0].length;
      marker = true;
    }
    let heading = false;
    let contentEnd = l.end;
    const rest = text.slice(p, l.end);
    const h = HEADING_RE.exec(rest);
    let isList = false;
    if (h) {
      p += h[0].length;
      heading = true;
      marker = true;
      const ch = CLOSING_HASHES_RE.exec(text.slice(p, l.end));
      if (ch) contentEnd = p + ch.index;
    } else {
      const lm = LIST_RE.exec(rest);
      if (lm) {
        p += lm[0].length;
        marker = true;
        isList = true;
      }
    }
    while (p < contentEnd && (text[p] === ' ' || text[p] === '\t')) p++;
    while (contentEnd > p && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
    // Hard-break markers at line end ("  " or "\") are just trailing spaces/backslash.
    if (contentEnd > p && text[contentEnd - 1] === '\\') contentEnd--;

    const pieces: Span[] = [];
    inlineProse(text, p, contentEnd, pieces);
    // Setext heading underline handled by THEMATIC_RE above; the text line is a heading.
    const nextLine = lines[li + 1];
    const setext = nextLine !== undefined && /^ {0,3}(?:=+|-+)[ \t]*$/.test(text.slice(nextLine.start, nextLine.end)) && !marker;

    if (pieces.length) {
      const first = pieces[0]!;
      const last = out[out.length - 1];
      if (continuable && !marker && last) {
        // paragraph continuation: cover the line break between the two lines
        last.end = first.end;
        for (let k = 1; k < pieces.length; k++) out.push(pieces[k]!);
      } else {
        for (const piece of pieces) out.push(piece);
      }
    }
    continuable = pieces.length > 0 && !heading && !setext;
    prevBlank = false;
    if (isList) lastListLine = true;
    else if (!/^[ \t]/.test(line)) lastListLine = false;
  }
  return out.filter((s) => s.end > s.start);
}

/**
 * Sentences of a draft: Markdown prose (see `proseSpans`) with soft line breaks,
 * or plain text where, likewise, paragraphs are separated by blank lines.
 */
export function draftSentences(text: string, languageId: 'markdown' | 'plaintext'): Sentence[] {
  if (languageId === 'markdown') {
    return splitSentences(text, proseSpans(text), { hardLineBreaks: false, joinInlineGaps: true });
  }
  return splitSentences(text, undefined, { hardLineBreaks: false });
}
