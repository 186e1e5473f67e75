/**
 * The words names, roles and quotes read: the tokens of ../nlp (wink-nlp's), put back
 * together where a name or title is one word to a reader but several tokens to the
 * tagger. Nothing here splits text: every word is one or more nlp tokens.
 *
 * - A possessive or a contraction is part of its word ("Zelenskyy's", "won't"), as
 *   names are looked up without it and a title's owner is read from it.
 * - A hyphenated compound is one word ("Gallego-Lazo", "al-Assad", "Ottoman-era").
 * - An abbreviation's full stop is not part of it ("Dr." → "Dr"), a dotted acronym's is ("U.S.").
 * - An @handle is a word of its own, marked `handle`.
 * - Letters wink does not read (Cyrillic, Chinese) are words, of part of speech X.
 */
import { tokensOf, type Pos, type Token } from '../nlp';
import { foldForMatch } from '../text/fold';
import { recent, SENTENCE_MEMO } from '../text/memo';

export interface Word {
  /** As written (a possessive 's included). */
  text: string;
  start: number;
  end: number;
  /** Starts with a capital letter (an @handle: the letter after the @). */
  cap: boolean;
  handle: boolean;
  /** Part of speech: of the last part of a hyphenated compound, else of the word's first token. */
  pos: Pos;
  /** Lemma of the word's main token (lower case). */
  lemma: string;
  /** Folded, lower case (`foldForMatch(text)`). */
  norm: string;
  /** Ends in a possessive 's / ’s (or a plural's bare apostrophe is not included). */
  possessive: boolean;
}

/** Token texts that attach to the word before them: possessive and contraction clitics. */
const CLITIC = /^['’](?:s|t|re|ll|ve|d|m)$|^n['’]t$/i;
const POSSESSIVE = /^['’]s$/i;
const DOTTED_ACRONYM = /^(?:\p{L}\.){2,}$/u;
/** Particles of Arabic names, written joined to the name by a hyphen ("al-Assad", "bin-Salman", "Abu-Bakr"). */
export const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'as', 'ash', 'ar', 'an', 'at', 'az', 'ibn', 'bin', 'abu']);

const LETTER = /\p{L}/u;

function wordish(t: Token): boolean {
  if (t.kind === 'word' || t.kind === 'number' || t.kind === 'ordinal' || t.kind === 'decade' || t.kind === 'time' || t.kind === 'mention') return true;
  // Letters the tagger cannot read (Cyrillic, Chinese) come as 'other' tokens: words all the same.
  return t.kind === 'other' && LETTER.test(t.text);
}

function capital(text: string): boolean {
  // ASCII (nearly every word) without making strings.
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function make(s: string, parts: Token[], possessive: boolean): Word {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  let end = last.end;
  // "Dr." → "Dr": an abbreviation's stop ends the word, it is not part of its letters (a dotted acronym keeps it).
  if (parts.length === 1 && end - first.start > 2 && s[end - 1] === '.' && !DOTTED_ACRONYM.test(first.text)) end--;
  const text = s.slice(first.start, end);
  const handle = first.kind === 'mention' && text.startsWith('@');
  // A hyphenated compound takes its head's part of speech (the last part); a word with a clitic, its own.
  let main = first;
  for (let k = parts.length - 1; k > 0; k--) {
    const p = parts[k]!;
    if (p.text !== '-' && !CLITIC.test(p.text) && parts[k - 1]!.text === '-') {
      main = p;
      break;
    }
  }
  return {
    text,
    start: first.start,
    end,
    cap: capital(handle ? text.slice(1) : text),
    handle,
    pos: main.pos,
    lemma: main.lemma,
    // A word of one token, as the tagger read it, has the token's folding (folding maps unit by unit).
    norm: parts.length === 1 && end === first.end ? first.norm : foldForMatch(text),
    possessive,
  };
}

/** The words of a sentence, in order (see the module comment). */
function readWords(s: string): Word[] {
  const toks = tokensOf(s);
  const out: Word[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!wordish(t)) {
      i++;
      continue;
    }
    const parts = [t];
    let possessive = false;
    let j = i + 1;
    if (t.kind !== 'mention') {
      for (;;) {
        const a = toks[j];
        if (!a || a.sp) break;
        if (a.kind === 'word' && CLITIC.test(a.text) && !possessive) {
          parts.push(a);
          possessive = POSSESSIVE.test(a.text);
          j++;
          continue;
        }
        // "Gallego-Lazo", "22-year-old": a hyphen with no space on either side joins two words,
        // but not a lower-case prefix to a name ("ex-President", "anti-Trump", "then-New Jersey"),
        // unless the prefix is a name's own particle ("al-Assad", "bin-Salman").
        const b = toks[j + 1];
        const prefix = parts.length === 1 && !capital(t.text) && capital(b?.text ?? '') && !PARTICLES.has(t.text.toLowerCase());
        if (!possessive && a.text === '-' && b && !b.sp && wordish(b) && b.kind !== 'mention' && !prefix) {
          parts.push(a, b);
          j += 2;
          continue;
        }
        break;
      }
    }
    out.push(make(s, parts, possessive));
    i = j;
  }
  return out;
}

/**
 * Words of a sentence. Names, roles and quotes read the same sentence in a row, and checks
 * read a draft's sentences again: the last `SENTENCE_MEMO` are remembered. The array is
 * shared: callers must not change it.
 */
export const wordsOf: (sentence: string) => readonly Word[] = recent(readWords, SENTENCE_MEMO);

/** Index of the first word starting at or after `pos` (`words.length` if none). */
export function wordIndexAt(words: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
