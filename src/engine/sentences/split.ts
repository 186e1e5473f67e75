/**
 * Sentence splitting with exact UTF-16 offsets into the original text.
 *
 * Linear time: every character is looked at a bounded number of times (look-behind
 * and look-ahead around a candidate boundary are capped), no backtracking regexes.
 */
import type { Sentence, Span } from '../types';
import { LineIndex } from '../text/lines';
import { tokensOf } from '../nlp';

export interface SplitOptions {
  /**
   * true (default, for sources): a line break always ends a sentence, and each
   * line starts a new paragraph. false (Markdown drafts): a single line break is
   * a space; a blank line ends the sentence and the paragraph.
   */
  hardLineBreaks?: boolean;
  /**
   * false (default): every span is a block of its own; sentences never cross
   * span boundaries. true: a gap between two spans that contains no line break
   * (inline code, a link URL) is skipped over and the sentence continues across it.
   */
  joinInlineGaps?: boolean;
}

/** Abbreviations that are always followed by more of the same sentence (titles, "e.g."). */
const ALWAYS_CONTINUE = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr cdr adm gov sen rep reps rev hon pres supt insp ' +
    'st mt ft messrs mme mlle vs v cf eg ie approx fig figs vol vols ch pp nos art sec dept est ed eds ' +
    'amb atty brig cpl pvt gens'
  ).split(' '),
);
/** Abbreviations that may also end a sentence: split only before a typical sentence opener. */
const AMBIGUOUS = new Set(
  (
    'etc inc ltd co corp jr sr bros plc llc al ave blvd rd jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'mon tue tues wed thu thur thurs fri sat sun univ assn intl natl govt'
  ).split(' '),
);
/** Words that typically open a sentence (used after ambiguous abbreviations and initials). */
const OPENERS = new Set(
  (
    'the he she it they we i you but and in on at this that these those there a an its his her their our ' +
    'if when while as after before however meanwhile then so yet what why how who where some many most ' +
    'no not one two three four five six seven eight nine ten officials police both all each another ' +
    'according despite although though since during under with without for from by to us mr mrs ms dr'
  ).split(' '),
);
const SPEECH_VERBS = new Set(
  (
    'said says say stated states added adds told tells asked asks wrote writes noted notes explained ' +
    'explains declared declares insisted insists warned warns replied replies continued continues ' +
    'argued argues claimed claims confirmed confirms announced announces posted posts tweeted tweets ' +
    'acknowledged acknowledges recalled recalls'
  ).split(' '),
);

const MAX_LOOK = 64;

/**
 * An item marker of a list written on one line: an optional bullet, then a number or a letter
 * with ".", ".)" or ")" ("1.", "2.)", "b)", "• 9."), then a space.
 */
const LIST_MARKER = /(?<=^|\s)(?:[•⁃▪◦‣∙·*]\s?)?(\d{1,2}|[a-z])(\.\)|\.|\))(?=\s+\S)/g;

/** A blank line (two line breaks with nothing but spaces between). */
const BLANK_LINE = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/g;

/** A first list marker at a line start: "1.", "a)", "• 9.". */
const LIST_OPENER = /[ \t]*(?:[•⁃▪◦‣∙·*]\s?\d{1,2}|1|a)(?:\.\)|\.|\))\s/y;

/** Numero signs: "N°. 1026" and "No. 5" are followed by their number. */
const NUMERO = new Set(['no', 'nos', 'n°', 'nº', '№']);

/** Whether a sentence start could be here: any piece with a verb is a sentence ("At 5 a.m." is not). */
function hasVerb(text: string): boolean {
  if (text.length > 200) return true;
  for (const t of tokensOf(text)) if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  return false;
}

/** A closing quote or bracket after a terminator: " ' ” ’ » › ) ] } * _ */
function isCloser(code: number): boolean {
  return (
    code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x203a ||
    code === 41 || code === 93 || code === 125 || code === 42 || code === 95
  );
}

/** 。！？ */
function isCjkTerminator(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

/** . ! ? … ؟ ۔ and the CJK ones */
function isTerminator(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x61f || code === 0x6d4 || isCjkTerminator(code)
  );
}

/** Any character `isBreak` or `isTerminator` accepts. */
const NEXT_STOP_RE = /[\n\r\u2028\u2029.!?\u2026\u061f\u06d4\u3002\uff01\uff1f]/g;

/** An ASCII letter or digit (which are \p{L} / \p{N}). */
function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWs(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 ||
    code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000
  );
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

const LOWER_RE = /^\p{Ll}/u;
const UPPER_RE = /^\p{Lu}/u;
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const DIGIT_RE = /^\p{Nd}/u;
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}'’-]/u;

interface Piece {
  start: number;
  end: number;
  unit: number;
}

/** Normalised spans: clipped, sorted, merged where they overlap. */
function normalizeSpans(text: string, spans: Span[] | undefined): Span[] {
  if (!spans) return [{ start: 0, end: text.length }];
  // Already normal (the usual case: a parsed source's body)? Then they are the answer as they are.
  // (Sorted, apart, not empty, inside the text: clipping, sorting and merging would keep them.)
  let normal = true;
  for (let k = 0, prevEnd = 0; k < spans.length && normal; k++) {
    const s = spans[k]!;
    normal = (k === 0 ? s.start > 0 || Object.is(s.start, 0) : s.start > prevEnd) && s.end > s.start && s.end <= text.length;
    prevEnd = s.end;
  }
  if (normal) return spans;
  const clipped = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of clipped) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

class Splitter {
  readonly found: Piece[] = [];
  private unit = 0;
  /** Where an item of a one-line list begins (a new sentence), ascending. */
  private listStarts: number[] = [];
  /** The dots of those items' markers ("2." in "… item 2. The …"): not sentence ends. */
  private readonly listDots = new Set<number>();

  constructor(
    private readonly view: string,
    private readonly base: number,
    private readonly hard: boolean,
    unit: number,
  ) {
    this.unit = unit;
  }

  private emit(a: number, b: number): void {
    // items of a one-line list are sentences of their own
    for (const at of this.listStarts) {
      if (at > a && at < b) {
        this.emitPiece(a, at);
        a = at;
      }
    }
    this.emitPiece(a, b);
  }

  /**
   * Items of a list written on one line ("1. The first item 2. The second item", "a) … b) …",
   * "• 9. … • 10. …"): a marker starts a run when it opens the text or a line, and each next
   * marker of the same style, numbered one on and not after a comma, semicolon or colon (an
   * enumeration inside a sentence), starts an item.
   */
  private findLists(): void {
    const v = this.view;
    let expect: { style: string; value: number } | undefined;
    // A blank line ends a list: a marker after one starts afresh (so a text read in pieces cut
    // at blank lines finds the lists the whole text has).
    BLANK_LINE.lastIndex = 0;
    let blank = BLANK_LINE.exec(v);
    LIST_MARKER.lastIndex = 0;
    for (let m = LIST_MARKER.exec(v); m; m = LIST_MARKER.exec(v)) {
      if (blank && blank.index < m.index) {
        expect = undefined;
        BLANK_LINE.lastIndex = m.index;
        blank = BLANK_LINE.exec(v);
      }
      const numeric = /\d/.test(m[1]!);
      const value = numeric ? Number(m[1]) : m[1]!.charCodeAt(0) - 96;
      const style = (numeric ? 'n' : 'a') + m[2] + (/^[^\da-z]/.test(m[0]) ? m[0][0] : '');
      let p = m.index;
      while (p > 0 && isWs(v.charCodeAt(p - 1)) && !isBreak(v.charCodeAt(p - 1))) p--;
      const opens = p === 0 || isBreak(v.charCodeAt(p - 1));
      const dot = m.index + m[0].length - m[2]!.length;
      if (expect && style === expect.style && value === expect.value && !/[,;:]/.test(v[p - 1] ?? '')) {
        this.listStarts.push(m.index);
        if (m[2]!.startsWith('.')) this.listDots.add(dot);
        expect = { style, value: value + 1 };
      } else if (opens && (value === 1 || /^[^\da-z]/.test(m[0]))) {
        if (m[2]!.startsWith('.')) this.listDots.add(dot);
        expect = { style, value: value + 1 };
      }
    }
  }

  /** Whether a list marker opens the text or one of its lines: only then can a one-line list follow. */
  private listOpens(): boolean {
    const v = this.view;
    for (let at = 0; at >= 0 && at < v.length; at = v.indexOf('\n', at) + 1 || -1) {
      LIST_OPENER.lastIndex = at;
      if (LIST_OPENER.test(v)) return true;
      if (at > 0 && v.length - at < 2) break;
    }
    return false;
  }

  private emitPiece(a: number, b: number): void {
    const v = this.view;
    while (a < b && isWs(v.charCodeAt(a))) a++;
    while (b > a && isWs(v.charCodeAt(b - 1))) b--;
    if (a >= b) return;
    // Only keep pieces with at least one letter or digit (drops "---", "*", "—").
    let ok = b - a > 256;
    if (!ok) {
      for (let k = a; k < b && !ok; k++) ok = isAsciiAlnum(v.charCodeAt(k));
      if (!ok) ok = LETTER_OR_DIGIT_RE.test(v.slice(a, b));
    }
    if (ok) this.found.push({ start: this.base + a, end: this.base + b, unit: this.unit });
  }

  run(): void {
    const v = this.view;
    const n = v.length;
    let s = 0;
    let i = 0;
    const next = NEXT_STOP_RE;
    if (this.listOpens()) this.findLists();
    while (i < n) {
      // Skip to the next line break or terminator: nothing else starts any work.
      next.lastIndex = i;
      if (!next.test(v)) break;
      i = next.lastIndex - 1;
      const code = v.charCodeAt(i);
      if (isBreak(code)) {
        if (this.hard) {
          this.emit(s, i);
          s = i + 1;
          i++;
          continue;
        }
        // Soft: a blank line (break, optional spaces, break) ends the sentence;
        // so does a line that starts with an attribution dash ("— Name (@handle) date").
        let k = i + 1;
        if (code === 13 && v.charCodeAt(k) === 10) k++;
        let m = k;
        while (m < n && isWs(v.charCodeAt(m)) && !isBreak(v.charCodeAt(m))) m++;
        if (m < n && isBreak(v.charCodeAt(m))) {
          this.emit(s, i);
          s = m;
          i = m;
          continue;
        }
        const dash = v[m] === '—' || v[m] === '―' ? 1 : v.startsWith('--', m) ? 2 : 0;
        if (dash > 0 && m + dash < n && isWs(v.charCodeAt(m + dash))) {
          this.emit(s, i);
          s = m;
          i = m;
          continue;
        }
        i = k;
        continue;
      }
      if (!isTerminator(code)) {
        i++;
        continue;
      }
      // The dot of a list item's marker.
      if (this.listDots.has(i)) {
        i++;
        continue;
      }
      // An ellipsis of spaced dots (". . ."), the form of omissions in quotations: no sentence end,
      // unless a fourth dot ends the sentence (". . . ." before a capital). A sentence's own full
      // stop may come first, glued to its last word ("compounds. . . . The"): the sentence ends
      // there and the ellipsis opens the next one.
      if (code === 46 && v.charCodeAt(i + 1) === 32 && v.charCodeAt(i + 2) === 46) {
        let e = i + 1;
        let dotsSpaced = 1;
        while (e + 1 < n && v.charCodeAt(e) === 32 && v.charCodeAt(e + 1) === 46 && dotsSpaced < 5) {
          dotsSpaced++;
          e += 2;
        }
        // three or four dots; a longer run of dots is no ellipsis
        if (dotsSpaced >= 3 && dotsSpaced <= 4) {
          let after = e;
          while (after < n && isCloser(v.charCodeAt(after))) after++;
          const nx = this.nextWord(after);
          const capital = !!nx && UPPER_RE.test(nx.first) && !(nx.word === 'I' && dotsSpaced < 4);
          const glued = i > 0 && !isWs(v.charCodeAt(i - 1));
          if (glued && dotsSpaced >= 4 && capital) {
            this.emit(s, i + 1);
            s = i + 1;
          } else if (!glued && dotsSpaced >= 4 && (capital || !nx)) {
            this.emit(s, after);
            s = after;
          }
          i = after;
          continue;
        }
      }
      // Terminator cluster ("?!", "...", "…").
      let j = i;
      let dots = 0;
      let hasStrong = false;
      let hasEllipsis = false;
      for (let t = v.charCodeAt(j); j < n && isTerminator(t); t = v.charCodeAt(++j)) {
        if (t === 46) dots++;
        else if (t === 0x2026) hasEllipsis = true;
        else hasStrong = true;
      }
      if (dots >= 2) hasEllipsis = true;
      const clusterEnd = j;
      let sawQuote = false;
      for (let t = v.charCodeAt(j); j < n && isCloser(t); t = v.charCodeAt(++j)) {
        if (t !== 41 && t !== 93 && t !== 125 && t !== 42 && t !== 95) sawQuote = true;
      }
      const cjk = isCjkTerminator(v.charCodeAt(clusterEnd - 1));
      // "[...]": an omission in a quotation; a sentence ends there only when a capital follows
      // ("… the beginning [...] All they did …"), not before a quote or citation ("[...]\" (Smith 55).")
      if (v.charCodeAt(i - 1) === 91 && v.charCodeAt(clusterEnd) === 93) {
        const nx = this.nextWord(clusterEnd + 1);
        if (nx && UPPER_RE.test(nx.first)) {
          this.emit(s, clusterEnd + 1);
          s = clusterEnd + 1;
        }
        i = clusterEnd + 1;
        continue;
      }
      if (j < n && !isWs(v.charCodeAt(j)) && !cjk) {
        // "3.5", "U.S", "x.com/a.b", "road.@handle": not a boundary; "world.Today" is one
        if (code === 46 && clusterEnd - i === 1 && j === clusterEnd && this.missingSpace(i, j, s)) {
          this.emit(s, j);
          s = j;
        }
        i = j;
        continue;
      }
      if (this.shouldSplit(i, clusterEnd, j, { hasStrong, hasEllipsis, sawQuote, single: clusterEnd - i === 1 && code === 46 }, s)) {
        this.emit(s, j);
        s = j;
      }
      i = j;
    }
    this.emit(s, n);
  }

  /**
   * A full stop with no space after it ("Hello world.Today is Tuesday.Mr. Smith … 1,000.That"):
   * a sentence end when a capitalised word follows a word of two letters or more (or digits)
   * that is no abbreviation, and the text around is no address ("U.S.Army", "x.com/A").
   */
  private missingSpace(i: number, j: number, sentenceStart: number): boolean {
    const v = this.view;
    if (!(UPPER_RE.test(v[j] ?? '') && LOWER_RE.test(v[j + 1] ?? ''))) return false;
    const { token } = this.prevToken(i, sentenceStart);
    if (!/(?:\p{L}{2}|\d)$/u.test(token) || /[./@:\\]/.test(token)) return false;
    const t = token.toLowerCase();
    if (ALWAYS_CONTINUE.has(t) || AMBIGUOUS.has(t)) return false;
    // the word after: letters up to a space or the end, not another dotted part ("Example.Com/x")
    let e = j;
    while (e < v.length && e - j < MAX_LOOK && /[\p{L}\p{M}'’-]/u.test(v[e]!)) e++;
    return e >= v.length || v[e] === ' ' || v[e] === '.' || v[e] === ',' || isWs(v.charCodeAt(e));
  }

  /** The word after position j: skipping spaces (and, in soft mode, single line breaks). */
  private nextWord(j: number): { start: number; word: string; first: string } | undefined {
    const v = this.view;
    let k = j;
    const limit = Math.min(v.length, j + MAX_LOOK);
    while (k < limit && isWs(v.charCodeAt(k))) {
      if (this.hard && isBreak(v.charCodeAt(k))) return undefined;
      k++;
    }
    if (k >= v.length || k >= limit) return undefined;
    const cp = v.codePointAt(k)!;
    const first = String.fromCodePoint(cp);
    let e = k;
    const wl = Math.min(v.length, k + MAX_LOOK);
    while (e < wl && WORD_CHAR_RE.test(v[e]!)) e++;
    return { start: k, word: v.slice(k, e), first };
  }

  /** The token ending just before the terminator at i (letters, digits and dots). */
  private prevToken(i: number, sentenceStart: number): { token: string; start: number } {
    const v = this.view;
    let k = i;
    const limit = Math.max(sentenceStart, i - MAX_LOOK);
    while (k > limit && !isWs(v.charCodeAt(k - 1))) k--;
    let token = v.slice(k, i);
    // strip opening quotes/brackets
    let off = 0;
    while (off < token.length && /["'“‘(\[«]/.test(token[off]!)) off++;
    token = token.slice(off);
    return { token, start: k + off };
  }

  private shouldSplit(
    i: number,
    clusterEnd: number,
    j: number,
    f: { hasStrong: boolean; hasEllipsis: boolean; sawQuote: boolean; single: boolean },
    sentenceStart: number,
  ): boolean {
    const next = this.nextWord(j);
    if (!next) return true; // end of the unit or of the line
    const { first, word } = next;
    const lower = LOWER_RE.test(first);
    const digit = DIGIT_RE.test(first);

    if (lower) return false; // "e.g. this", "good results... and", "“Why?” he asked"
    if (f.hasEllipsis && !f.hasStrong) return !digit; // "results... 1. Largest" continues
    if (f.sawQuote) {
      // `.”` then an attribution: “…peace.” Zelenskyy said / “…” President Macron added
      return !this.isAttribution(next.start);
    }
    if (!f.single) return true; // "?", "!", "?!" followed by a capital/digit/quote
    const v = this.view;
    const { token, start: tokStart } = this.prevToken(i, sentenceStart);
    const t = token.toLowerCase();
    if (!token) return true;
    // List numbers inside a sentence: "…, 2. Ceasefire options", or "1." opening a sentence.
    if (/^\d{1,2}$/.test(token)) {
      let p = tokStart;
      while (p > sentenceStart && isWs(v.charCodeAt(p - 1))) p--;
      if (p <= sentenceStart) return false;
      const before = v[p - 1]!;
      if (before === ',' || before === ';' || before === ':' || before === '…' || before === '(' || (before === '.' && v[p - 2] === '.')) {
        return false;
      }
      return true;
    }
    if (NUMERO.has(t) || t === 'p' || t === 'pp' || t === 'art' || t === 'sec' || t === 'vol' || t === 'ch' || t === 'fig') {
      if (digit) return false;
    }
    if (ALWAYS_CONTINUE.has(t)) return false;
    const isOpener = OPENERS.has(word.toLowerCase()) && !this.isInitialAt(next.start);
    // Single capital initial: "J. K. Rowling", "George W. Bush". "I" after a lower-case word is the
    // pronoun ending its sentence ("a good team, you and I. Did you …").
    if (/^\p{Lu}$/u.test(token)) {
      if (token === 'I' && this.lowerWordBefore(tokStart, sentenceStart)) return true;
      return isOpener;
    }
    // Dotted abbreviations: "U.S", "U.K", "a.m", "e.g", "Ph.D". An opener after one starts a
    // sentence only if the words before it make one ("At 5 a.m. Mr. Smith went …" does not split).
    if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token)) {
      if (t === 'e.g' || t === 'i.e') return false;
      return isOpener && hasVerb(v.slice(sentenceStart, i));
    }
    if (AMBIGUOUS.has(t)) return isOpener; // "Jan. 5" and "Corp. executives" continue
    return true;
  }

  /** Whether the word before position k (in the same sentence) is written in lower case. */
  private lowerWordBefore(k: number, sentenceStart: number): boolean {
    const v = this.view;
    let e = k;
    while (e > sentenceStart && isWs(v.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > sentenceStart && !isWs(v.charCodeAt(b - 1)) && e - b < MAX_LOOK) b--;
    return b < e && LOWER_RE.test(v.slice(b, e));
  }

  /** A capital letter followed by a dot ("A. Smith"): an initial, not a word. */
  private isInitialAt(k: number): boolean {
    const v = this.view;
    return UPPER_RE.test(v[k] ?? '') && v[k + 1] === '.';
  }

  /** Up to 3 capitalised words (or a pronoun) followed by a speech verb. */
  private isAttribution(k: number): boolean {
    const v = this.view;
    const words: string[] = [];
    let p = k;
    const limit = Math.min(v.length, k + 80);
    while (p < limit && words.length < 5) {
      let e = p;
      while (e < limit && !isWs(v.charCodeAt(e))) e++;
      words.push(v.slice(p, e).replace(/[,.;:!?]+$/, ''));
      p = e;
      while (p < limit && isWs(v.charCodeAt(p)) && !isBreak(v.charCodeAt(p))) p++;
      if (p < limit && isBreak(v.charCodeAt(p))) break;
    }
    for (let w = 1; w < words.length && w <= 4; w++) {
      if (SPEECH_VERBS.has(words[w]!.toLowerCase())) {
        return words.slice(0, w).every((x) => UPPER_RE.test(x));
      }
    }
    return false;
  }
}

/**
 * Splits `text` into sentences, only inside `spans` (default: the whole text).
 * Offsets are UTF-16 offsets into `text`; `sentence.text === text.slice(start, end)`.
 * Never throws.
 */
export function splitSentences(text: string, spans?: Span[], options: SplitOptions = {}): Sentence[] {
  try {
    return split(text, spans, options);
  } catch {
    return [];
  }
}

function split(text: string, spans: Span[] | undefined, options: SplitOptions): Sentence[] {
  const hard = options.hardLineBreaks ?? true;
  const join = options.joinInlineGaps ?? false;
  const norm = normalizeSpans(text, spans);
  const pieces: Piece[] = [];
  let unit = 0;
  let i = 0;
  while (i < norm.length) {
    // A unit: spans joined across gaps without line breaks (when joinInlineGaps).
    let j = i;
    while (join && j + 1 < norm.length && !hasBreak(text, norm[j]!.end, norm[j + 1]!.start)) j++;
    const start = norm[i]!.start;
    const end = norm[j]!.end;
    let view: string;
    if (i === j) view = text.slice(start, end);
    else {
      const parts: string[] = [];
      for (let k = i; k <= j; k++) {
        const sp = norm[k]!;
        parts.push(text.slice(sp.start, sp.end));
        const nx = norm[k + 1];
        if (k < j && nx) parts.push(' '.repeat(nx.start - sp.end));
      }
      view = parts.join('');
    }
    const sp = new Splitter(view, start, hard, unit);
    sp.run();
    for (const p of sp.found) pieces.push(p);
    unit++;
    i = j + 1;
  }

  const lines = new LineIndex(text);
  const out: Sentence[] = [];
  let paragraph = 0;
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev) {
      // A new paragraph: a new block (span group), or a line break (hard) / blank line (soft).
      if (
        prev.unit !== p.unit ||
        (hard ? hasBreak(text, prev.end, p.start) : /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(text.slice(prev.end, p.start)))
      ) {
        paragraph++;
      }
    }
    const pos = lines.position(p.start);
    out.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), line: pos.line, character: pos.character, paragraph });
    prev = p;
  }
  return out;
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isBreak(text.charCodeAt(k))) return true;
  return false;
}
