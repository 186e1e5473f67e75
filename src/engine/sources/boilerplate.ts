/**
 * Boilerplate removal for saved news pages, by general rules over "segments"
 * (trimmed non-blank lines of a text file, or block-level text runs of an HTML page).
 *
 * A segment is dropped (left out of the body spans) when:
 *  1. it is page furniture by itself: app-store / download lines, comment forms,
 *     copyright lines, "Source: X" attribution lines, relative timestamps
 *     ("12 hours ago"), short calls to action ("Share your feedback", "Contact us",
 *     "About The Author", "Sign up", "Subscribe", "Follow us", ...);
 *  2. it is a related-links cue ("You may also like", "Read more:", "More from …",
 *     "Related", "Recommended", "Most read", "See also", ...), or one of the
 *     link-title lines that follow such a cue (short lines, < 120 chars, that do not
 *     end a sentence; a headline ending in "?" counts as a link title here);
 *  3. it belongs to the run at the end of the page made of dropped lines and short
 *     title-like lines (no terminal punctuation), when that run has at least 3 lines
 *     and is not a data table (at most half its title-like lines are numeric: two or
 *     more numbers, or mostly digits) and is not the whole document but its title;
 *  4. it has cross-link shape in mid-article: `Label: Headline` where the label is at
 *     most 5 words, the headline starts with a capital or digit, the whole line is
 *     < 120 chars, the headline has 3+ words and is not a row of figures, the label is
 *     not a note label ("Note:", "Correction:", "Update:"), and the line does not end
 *     with terminal punctuation or a quote (not applied to the first segment, which is
 *     the page title);
 *  5. it repeats the previous segment exactly (pages that print the headline twice).
 *
 * Kept on purpose: headlines, datelines, bylines, and lone cross-headings in mid-article
 * ("What does Putin want?"): the sentence splitter makes them their own sentences.
 */
import type { Span } from '../types';

export type Segment = Span;

/** Trimmed, non-blank lines of text[from, to) as segments. */
export function lineSegments(text: string, from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let i = from;
  // Next \n and \r at or after i (-1: none), found with indexOf and kept until passed.
  let lf = -2;
  let cr = -2;
  while (i < to) {
    if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    let j = lf < 0 ? to : lf;
    if (cr >= 0 && cr < j) j = cr;
    if (j > to) j = to;
    const seg = trimSpan(text, i, j);
    if (seg) out.push(seg);
    // step over the line break (\r\n, \n or \r)
    if (j < to && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
    i = j + 1;
  }
  return out;
}

export function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : undefined;
}

// Rules marked "needs" can only match a line containing those words (see LineHints).
/** needs "store" or "play" */
const APP_STORE_RE =
  /\b(?:available|get it|download(?: it)?)\s+(?:on|from|in)\s+(?:the\s+)?(?:app\s*store|google\s+play|play\s+store|apple\s+store)\b/i;
const APP_DOWNLOAD_RE = /^download\s+(?:our|the)\s+(?:free\s+|new\s+)?apps?\b/i;
const COMMENT_LEAVE_RE = /^leave\s+a\s+(?:reply|comment)\b/i;
/** needs "your email address will not be published" (LineHints.phrases) */
const COMMENT_EMAIL_RE = /\byour email address will not be published\b/i;
/** needs "required fields are marked" (LineHints.phrases) */
const COMMENT_REQUIRED_RE = /\brequired fields are marked\b/i;
const COMMENT_POST_RE = /^(?:post|submit)\s+(?:a\s+)?comment\b/i;
const COMMENT_COUNT_RE = /^(?:\d+\s+)?comments?$/i;
const COPYRIGHT_START_RE = /^(?:\(c\)|©|copyright\b)\s*[\p{L}\p{N}©]/iu;
/** needs "all rights reserved" (LineHints.phrases) */
const ALL_RIGHTS_RE = /\ball rights reserved\b/i;
/** needs "©" */
const COPYRIGHT_YEAR_RE = /^.{0,60}©\s*(?:19|20)\d\d\b/;
const CTA_RE =
  /^(?:share your feedback|contact us|about (?:the )?author|sign up|sign in|log in|subscribe|follow us|share this(?: article| story| page)?|share on|newsletter|advertisement|skip to (?:main )?content|listen to this article|click here|print this(?: article| page)?|back to top|cookie (?:policy|settings)|privacy policy|terms (?:of use|and conditions))\b/i;
/** needs "share your feedback" (LineHints.phrases) */
const FEEDBACK_RE = /\bshare your feedback\b/i;
const RELATIVE_TIME_RE =
  /^(?:updated|published|posted)?\s*(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\.?$/i;
const JUST_NOW_RE = /^(?:just now|moments ago)$/i;
export const SOURCE_LINE_RE = /^source\s*:\s*(\S.{0,60})$/i;

const CUE_RE =
  /^(?:you (?:may|might) (?:also )?like|read more|read also|also read|more from\b.{0,60}|more on this(?: story)?|more stories|related(?: articles| stories| news| content| coverage| links| topics)?|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|see also|trending(?: now| stories)?|top stories|editor'?s picks|popular(?: now| stories)?|latest (?:news|stories)|what to read next|don'?t miss)\s*[:.…]?$/i;

/** True when a line ends with sentence-final punctuation (ignoring closing quotes/brackets). */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && /["'”’»)\]*\s]/.test(s[i]!)) i--;
  if (i < 0) return false;
  return /[.!?…:;,]/.test(s[i]!);
}

function endsWithQuestion(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && /["'”’»)\]*\s]/.test(s[i]!)) i--;
  return i >= 0 && (s[i] === '?' || s[i] === '!');
}

/**
 * Whether the words that the unanchored line rules need occur anywhere in a document.
 * A line is a piece of its document, so a rule whose words are absent from the
 * document matches none of its lines and need not be tried on each one. (The hint
 * patterns ignore case the same way as the rules: /i without /u.)
 */
export interface LineHints {
  /** "store" or "play" (app-store lines) */
  store: boolean;
  /** "your email address will not be published", "required fields are marked", "share your feedback" or "all rights reserved" */
  phrases: boolean;
  /** "©" */
  copyright: boolean;
}

/** Hints that rule nothing out. */
export const ALL_LINE_HINTS: LineHints = { store: true, phrases: true, copyright: true };

const STORE_HINT_RE = /store|play/i;
const PHRASES_HINT_RE = /your email address will not be published|required fields are marked|share your feedback|all rights reserved/i;

export function lineHints(text: string): LineHints {
  return { store: STORE_HINT_RE.test(text), phrases: PHRASES_HINT_RE.test(text), copyright: text.includes('©') };
}

/** Page furniture by itself (rule 1). `hints`: from `lineHints` of a text that contains `s`. */
export function isJunkLine(s: string, hints: LineHints = ALL_LINE_HINTS): boolean {
  if (s.length < 200) {
    if (hints.store && APP_STORE_RE.test(s)) return true;
    if (APP_DOWNLOAD_RE.test(s)) return true;
    if (COMMENT_LEAVE_RE.test(s)) return true;
    if (hints.phrases && (COMMENT_EMAIL_RE.test(s) || COMMENT_REQUIRED_RE.test(s))) return true;
    if (COMMENT_POST_RE.test(s) || COMMENT_COUNT_RE.test(s)) return true;
    if (RELATIVE_TIME_RE.test(s) || JUST_NOW_RE.test(s)) return true;
    if (SOURCE_LINE_RE.test(s)) return true;
    if (hints.phrases && FEEDBACK_RE.test(s)) return true;
  }
  if (s.length < 300) {
    if (COPYRIGHT_START_RE.test(s)) return true;
    if (hints.phrases && ALL_RIGHTS_RE.test(s)) return true;
    if (hints.copyright && COPYRIGHT_YEAR_RE.test(s)) return true;
  }
  if (s.length < 60 && CTA_RE.test(s) && !/[.!?]$/.test(s)) return true;
  return false;
}

export function isCueLine(s: string): boolean {
  return s.length <= 80 && CUE_RE.test(s);
}

/** A short line that does not end a sentence (a headline, label or link title). */
export function isTitleLike(s: string, max = 120): boolean {
  return s.length < max && !endsSentence(s);
}

const LABEL_HEADLINE_RE = /^[\p{Lu}\p{N}][^:.!?]{0,40}:\s+["'“‘]?[\p{Lu}\p{N}]/u;

/** `Label: Headline` cross-link shape (see rule 4). */
export function isCrossLink(s: string): boolean {
  if (s.length >= 120 || !LABEL_HEADLINE_RE.test(s)) return false;
  const colon = s.indexOf(':');
  const label = s.slice(0, colon);
  if (label.trim().split(/\s+/).length > 5 || NOTE_LABEL_RE.test(label)) return false;
  // the headline part has at least 3 words and is not a row of figures
  const head = s.slice(colon + 1).trim();
  if (head.split(/\s+/).length < 3 || isNumericRow(head)) return false;
  if (endsSentence(s) || endsWithQuestion(s)) return false;
  return !/["”’]$/.test(s);
}

function digitShare(s: string): number {
  let digits = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!isSpace(c)) other++;
  }
  return digits / Math.max(1, digits + other);
}

/** A data-table row: two or more numbers, mostly digits, or ending in a number. */
function isNumericRow(s: string): boolean {
  return digitShare(s) > 0.4 || (s.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0) >= 2 || /\d[%)]?$/.test(s);
}

const NOTE_LABEL_RE = /^(?:note|notes|editor'?s note|correction|clarification|update|updated|warning|disclaimer)\b/i;

/**
 * Segments kept as article content, in order. `text` is the whole document;
 * segments must be sorted and non-overlapping.
 */
export function filterBoilerplate(
  text: string,
  segments: Segment[],
  hints: LineHints = lineHints(text),
  /** The text of each segment, when the caller has it already. */
  lines: string[] = segments.map((s) => text.slice(s.start, s.end)),
): Segment[] {
  const n = segments.length;
  const drop = new Array<boolean>(n).fill(false);
  const junk = lines.map((s) => isJunkLine(s, hints));

  for (let i = 0; i < n; i++) {
    const s = lines[i]!;
    if (junk[i]) drop[i] = true;
    else if (i > 0 && s === lines[i - 1]) drop[i] = true;
    else if (i > 0 && isCrossLink(s)) drop[i] = true;
  }

  // Rule 2: cue lines and the link titles after them.
  for (let i = 0; i < n; i++) {
    if (!isCueLine(lines[i]!)) continue;
    drop[i] = true;
    let j = i + 1;
    while (j < n) {
      const s = lines[j]!;
      if (junk[j] || isCueLine(s) || (s.length < 120 && (!endsSentence(s) || endsWithQuestion(s)))) {
        drop[j] = true;
        j++;
      } else break;
    }
    i = j - 1;
  }

  // Rule 3: the run of furniture and title-like lines at the end of the page.
  let k = n;
  let numeric = 0;
  let titled = 0;
  while (k > 1) {
    const s = lines[k - 1]!;
    if (drop[k - 1] || junk[k - 1]) {
      k--;
      continue;
    }
    if (isTitleLike(s)) {
      if (isNumericRow(s)) numeric++;
      titled++;
      k--;
      continue;
    }
    break;
  }
  const runLength = n - k;
  if (k > 1 && runLength >= 3 && titled > 0 && numeric * 2 <= titled) {
    for (let i = k; i < n; i++) drop[i] = true;
  }

  const out: Segment[] = [];
  for (let i = 0; i < n; i++) if (!drop[i]) out.push(segments[i]!);
  return out;
}
