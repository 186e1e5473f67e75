/**
 * The tokens of a sentence as the figure parser reads them (from ../nlp: this module
 * splits nothing), with the tokens that are not prose masked: URLs, handles, hashtags,
 * paths, ids glued to letters, phone numbers.
 */
import { tokensOf, type Token } from '../nlp';

/** A whole glued run (no space inside) that is a URL, a domain, a path or an e-mail. */
const URLISH = /:\/\/|^www\.|\.(?:com|org|net|gov|edu|io|co|uk|ru|ua|tr|de|fr|info|html?|php|aspx?|pdf|jpe?g|png|xlsx?|docx?)(?:[/?#]|$)|^@|@[^\s@]*\.|[a-z]\/|\/[a-z]/i;
/** A date written with a month name and slashes or dashes ("2019/aug/01", "23/Sep/2020"): not a path. */
const MONTH_DATE_RUN = /^(?:\d{1,4}[-/.])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}(?:[-/.]\d{1,4}){1,2}$/i;
/** Numeric forms a slash or dots may join that are figures, not paths ("1/2", "02/22/2016", "13.5.2015"). */
const NUMERIC_RUN = /^[+-]?[\d.,/:-]+$/;

/** Glued to digits, these words (as written) do not make the run an id ("3day", "5pm", "10km", "2.5m"); "3D" and "3b" do. */
export type GlueTest = (word: string) => boolean;

export class View {
  readonly t: readonly Token[];
  readonly n: number;
  /** 1: not prose (URL, id, phone number …): no figure starts or continues there. */
  readonly masked: Uint8Array;

  constructor(
    readonly input: string,
    glueOk: GlueTest,
  ) {
    this.t = tokensOf(input);
    this.n = this.t.length;
    this.masked = new Uint8Array(this.n);
    this.mask(glueOk);
  }

  tok(k: number): Token | undefined {
    return k >= 0 && k < this.n ? this.t[k] : undefined;
  }

  /** Folded lower-case word at k ('' when k is not an unmasked word). A final dot of an abbreviation ("sept.") is dropped. */
  w(k: number): string {
    const t = this.tok(k);
    if (!t || this.masked[k] || t.kind !== 'word') return '';
    const s = t.norm;
    // "sept." → "sept"; a single letter with its dot ("A.", "H.") is an initial and stays as it is
    return s.length > 2 && s.endsWith('.') && s.indexOf('.') === s.length - 1 ? s.slice(0, -1) : s;
  }

  /** Punctuation, symbol or currency sign at k ('' otherwise), folded ("—" → "-"). */
  p(k: number): string {
    const t = this.tok(k);
    if (!t || (t.kind !== 'punct' && t.kind !== 'symbol' && t.kind !== 'currency' && t.kind !== 'other')) return '';
    return t.norm;
  }

  /** An unmasked number token (wink's kind 'number': "1,000", "3.5", "2025-05-16", "10-20", "17:41"). */
  num(k: number): Token | undefined {
    const t = this.tok(k);
    return t && !this.masked[k] && t.kind === 'number' ? t : undefined;
  }

  /** Token k directly follows token k-1, no space between. */
  glued(k: number): boolean {
    const t = this.tok(k);
    return !!t && k > 0 && !t.sp;
  }

  isDash(k: number): boolean {
    const s = this.p(k);
    return s === '-' && this.tok(k)!.text !== '\u2014' && this.tok(k)!.text !== '\u2015';
  }

  /** A glued hyphen at k joining k-1 and k+1 ("30-day", "twenty-five"). */
  hyphen(k: number): boolean {
    return this.isDash(k) && this.glued(k) && this.glued(k + 1);
  }

  /** Token k starts a sentence or a clause after strong punctuation or a line break. */
  sentenceStart(k: number): boolean {
    if (k <= 0) return true;
    const prev = this.t[k - 1]!;
    if ((prev.kind === 'punct' || prev.kind === 'symbol') && /^[.!?:;"(\[\-'*#>]$/.test(prev.norm)) return true;
    for (let i = prev.end; i < this.t[k]!.start; i++) if (this.input.charCodeAt(i) === 10) return true;
    return false;
  }

  /** Index after the glued run that starts at k (tokens with no space between them). */
  runEnd(k: number): number {
    let j = k + 1;
    while (j < this.n && !this.t[j]!.sp) j++;
    return j;
  }

  private mask(glueOk: GlueTest): void {
    const t = this.t;
    let i = 0;
    while (i < this.n) {
      const j = this.runEnd(i);
      let bad = false;
      for (let k = i; k < j && !bad; k++) {
        const kind = t[k]!.kind;
        if (kind === 'url' || kind === 'email' || kind === 'mention' || kind === 'hashtag') bad = true;
      }
      if (!bad && j - i > 1) {
        // the run's text without closing punctuation
        let e = t[j - 1]!.end;
        const s = t[i]!.start;
        while (e > s && '.,;:!?)"\']'.includes(this.input[e - 1]!)) e--;
        const text = this.input.slice(s, e);
        bad = !NUMERIC_RUN.test(text) && !MONTH_DATE_RUN.test(text) && URLISH.test(text);
        if (!bad) bad = this.badGlue(i, j, glueOk);
      }
      if (bad) for (let k = i; k < j; k++) this.masked[k] = 1;
      i = j;
    }
    this.maskPhones();
  }

  /** Digits glued to a word before them ("MH17") or to an unknown word after them ("12abc"). */
  private badGlue(i: number, j: number, glueOk: GlueTest): boolean {
    const t = this.t;
    for (let k = i; k < j; k++) {
      const x = t[k]!;
      if (x.kind !== 'number') continue;
      const prev = k > i ? t[k - 1] : undefined;
      if (prev && prev.kind === 'word' && !glueOk(prev.text)) return true;
      const next = k + 1 < j ? t[k + 1] : undefined;
      if (next && next.kind === 'word' && !glueOk(next.text)) return true;
    }
    return false;
  }

  /**
   * Phone numbers: a number after "+" ("+44 20 7946 0958"), a dash-joined run of three
   * or more digit groups that is no date ("555-123-4567"), and three or more spaced
   * digit groups that are not thousands ("020 7946 0958").
   */
  private maskPhones(): void {
    const t = this.t;
    let i = 0;
    while (i < this.n) {
      const x = t[i]!;
      if (x.kind !== 'number') {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < this.n && t[j]!.kind === 'number' && t[j]!.sp) j++;
      const plus = x.text.startsWith('+') || (i > 0 && t[i - 1]!.text === '+' && !x.sp);
      const groups = x.text.split('-');
      const dashed = groups.length >= 3 && groups.every((g) => /^\d+$/.test(g)) && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(x.text) && !/^\d{1,2}-\d{1,2}-\d{2,4}$/.test(x.text);
      let spaced = false;
      if (j - i >= 3) {
        // "1 234 567" is a number written with spaces: a first group of 1-3 digits, then groups of 3.
        spaced = !(/^\d{1,3}$/.test(x.text) && t.slice(i + 1, j).every((g) => /^\d{3}$/.test(g.text)));
      }
      if (plus || spaced) for (let k = i; k < j; k++) this.masked[k] = 1;
      else if (dashed) this.masked[i] = 1;
      i = j;
    }
  }
}
