/**
 * Offsets and edits are always sound: property-based tests (fast-check) of
 * parseQuantities, splitSentences/draftSentences and the engine's quick fixes,
 * and a full "apply every preferred fix to examples/draft.md" run that must change
 * nothing but the flagged words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import { parseQuantities } from '../../src/engine/quantities';
import { draftSentences, splitSentences } from '../../src/engine/sentences';
import type { Diagnostic, Position, Range, TextEdit } from '../../src/engine/types';

const REPO = path.resolve(__dirname, '../..');
const EXAMPLE = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8');
let edits = 0;
let fixesApplied = 0;

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await Corpus.load([path.join(REPO, 'seeds')], { cacheDir: false })).corpus;
});
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`[robustness] quick-fix edits checked: ${edits}; fixes applied and re-checked: ${fixesApplied}`);
});

/** Line starts for \r\n, \r and \n line ends (as the engine and LSP count lines). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') out.push(i + 1);
  }
  return out;
}
function lineEnd(text: string, starts: number[], line: number): number {
  let e = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (line + 1 < starts.length) {
    e--;
    if (text[e] === '\n' && text[e - 1] === '\r') e--;
  }
  return e;
}
/** Offset of a position, asserting it is a real position of the text. */
function offsetOf(text: string, p: Position, starts = lineStarts(text)): number {
  expect(p.line).toBeGreaterThanOrEqual(0);
  expect(p.line).toBeLessThan(starts.length);
  expect(p.character).toBeGreaterThanOrEqual(0);
  const o = starts[p.line]! + p.character;
  expect(o).toBeLessThanOrEqual(lineEnd(text, starts, p.line));
  return o;
}

interface Span {
  s: number;
  e: number;
  t: string;
}
/** Validates and orders a fix's edits: inside the text, on whole characters, not overlapping. */
function spansOf(text: string, es: TextEdit[]): Span[] {
  const starts = lineStarts(text);
  const spans = es.map((e) => ({ s: offsetOf(text, e.range.start, starts), e: offsetOf(text, e.range.end, starts), t: e.newText }));
  for (const sp of spans) {
    edits++;
    expect(sp.s).toBeLessThanOrEqual(sp.e);
    for (const o of [sp.s, sp.e]) {
      // never between the halves of a surrogate pair or of a CRLF
      expect(/[\uD800-\uDBFF]/.test(text[o - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[o] ?? '')).toBe(false);
      expect(text[o - 1] === '\r' && text[o] === '\n').toBe(false);
    }
  }
  spans.sort((a, b) => a.s - b.s || a.e - b.e);
  for (let i = 1; i < spans.length; i++) expect(spans[i]!.s).toBeGreaterThanOrEqual(spans[i - 1]!.e);
  return spans;
}
function apply(text: string, spans: Span[]): string {
  let out = text;
  for (const sp of [...spans].reverse()) out = out.slice(0, sp.s) + sp.t + out.slice(sp.e);
  return out;
}
const rangeText = (text: string, r: Range) => text.slice(offsetOf(text, r.start), offsetOf(text, r.end));

describe('parseQuantities, splitSentences and draftSentences on arbitrary text', () => {
  const figureish = fc
    .array(
      fc.oneof(
        fc.constantFrom('1,000', '3', 'three', 'hours', 'minutes', '$', '€', '%', 'per cent', 'million', 'bn', 'May', '16', '2025', '14th',
          'less than', 'about', 'nearly', 'just over', 'between', 'and', '-', '–', '—', '.', ',', ' ', '  ', '\n', '\r\n', '\t', '"', '“', '”',
          "'", '(', ')', '[^1]', '**', '#', '> ', '- ', '😀', 'e\u0301', 'שלום', 'a.m.', 'p.m.', 'U.S.', 'Mr.', '2:30', '1.5', '½', '60-day',
          'first', 'second', 'Friday', 'yesterday', 'ago', 'year-old'),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(' '));
  const anyText = fc.oneof(figureish, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

  it('parseQuantities: never throws; offsets inside the text; text === slice(start, end)', () => {
    let n = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        for (const q of parseQuantities(text)) {
          n++;
          expect(0 <= q.start && q.start < q.end && q.end <= text.length).toBe(true);
          expect(q.start <= q.valueStart && q.valueStart <= q.valueEnd && q.valueEnd <= q.end).toBe(true);
          expect(text.slice(q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 1500, seed: 7 },
    );
    // eslint-disable-next-line no-console
    console.log(`[robustness] parseQuantities: ${n} quantities checked`);
  });

  it('splitSentences / draftSentences: never throw; ordered sentences whose text, line and character match their offsets', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('split', 'markdown', 'plaintext'), fc.option(fc.tuple(fc.nat(), fc.nat())), (text, how, span) => {
        const spans = span ? [{ start: Math.min(span[0], span[1]) % (text.length + 1), end: Math.max(span[0], span[1]) % (text.length + 1) }].filter((s) => s.start <= s.end) : undefined;
        const sents = how === 'split' ? splitSentences(text, spans) : draftSentences(text, how as 'markdown' | 'plaintext');
        const starts = lineStarts(text);
        let prevEnd = 0;
        for (const s of sents) {
          expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = s.end;
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(starts[s.line]! + s.character).toBe(s.start);
          if (how === 'split' && spans?.length) expect(s.start >= spans[0]!.start && s.end <= spans[0]!.end).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
  });
});

describe('quick fixes', () => {
  /** Sentences of the example draft, to compose random drafts from. */
  const SENTENCES = draftSentences(EXAMPLE, 'markdown').map((s) => s.text);
  const mutate = (s: string, n: number) => s.replace(/\d+/g, () => String(n));
  const draftArb = fc
    .array(
      fc.tuple(
        fc.constantFrom(...SENTENCES),
        fc.option(fc.integer({ min: 2, max: 5000 })),
        fc.constantFrom(' ', '\n\n', '\r\n\r\n', ' 😀 ', '\t', ' e\u0301 ', '\n\n> ', '\n\n- ', ' שלום. '),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.map(([s, n, sep]) => (n === null ? s : mutate(s, n)) + sep).join(''));

  it('every fix of every finding on random drafts: edits inside the text, not overlapping, only the named ranges change, and the claim is gone after', () => {
    fc.assert(
      fc.property(draftArb, fc.constantFrom('markdown', 'plaintext'), (text, lang) => {
        const diags = corpus.check(text, {}, lang as 'markdown' | 'plaintext');
        for (const d of diags) {
          const flagged = rangeText(text, d.range);
          if (d.draftSays && d.code !== 'quote-misattributed') expect(flagged).toContain(d.draftSays.slice(0, 1));
          for (const fix of d.fixes) {
            const spans = spansOf(text, fix.edits);
            const after = apply(text, spans);
            // Outside the edits the text is byte-for-byte the same.
            let a = 0;
            let b = 0;
            for (const sp of spans) {
              expect(after.slice(b, b + (sp.s - a))).toBe(text.slice(a, sp.s));
              b += sp.s - a + sp.t.length;
              a = sp.e;
            }
            expect(after.slice(b)).toBe(text.slice(a));
            if (!fix.preferred || d.severity !== 'error') continue;
            // The preferred fix of an error replaces the flagged words, and clears that claim.
            const main = spans.find((sp) => sp.s <= offsetOf(text, d.range.start) && sp.e >= offsetOf(text, d.range.end));
            expect(main, `${d.code}: ${fix.title}`).toBeDefined();
            fixesApplied++;
            const again = corpus.check(after, {}, lang as 'markdown' | 'plaintext');
            const s = main!.s;
            const e = main!.s + main!.t.length;
            const still = again.filter((x) => x.code === d.code && x.severity === 'error' && offsetOf(after, x.range.start) < e && offsetOf(after, x.range.end) > s);
            expect(still.map((x) => x.message), `after "${fix.title}" in ${JSON.stringify(text)}`).toEqual([]);
          }
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  /** Each char of the current text: its offset in the original, or -1 when inserted by a fix. */
  function fixAll(original: string): { text: string; flaggedOriginal: [number, number][]; remaining: Diagnostic[]; steps: string[] } {
    let text = original;
    let origin = Array.from({ length: original.length }, (_, i) => i);
    const flaggedOriginal: [number, number][] = [];
    const steps: string[] = [];
    for (let step = 0; step < 50; step++) {
      const errors = corpus.check(text).filter((d) => d.severity === 'error');
      const d = errors.find((x) => x.fixes.some((f) => f.preferred));
      if (!d) return { text, flaggedOriginal, remaining: errors, steps };
      const fix = d.fixes.find((f) => f.preferred)!;
      steps.push(`${d.code}: ${fix.title}`);
      // The flagged range, in original offsets (characters that came from the original).
      const ds = offsetOf(text, d.range.start);
      const de = offsetOf(text, d.range.end);
      const from = origin.slice(ds, de).filter((o) => o >= 0);
      const before = origin.slice(0, ds).filter((o) => o >= 0).pop() ?? -1;
      const after = origin.slice(de).find((o) => o >= 0) ?? original.length;
      flaggedOriginal.push([from.length ? from[0]! : before + 1, from.length ? from[from.length - 1]! + 1 : after]);
      const spans = spansOf(text, fix.edits);
      for (const sp of spans) expect(sp.s >= ds && sp.e <= de, `${fix.title} edits outside its diagnostic`).toBe(true);
      for (const sp of [...spans].reverse()) origin.splice(sp.s, sp.e - sp.s, ...Array<number>(sp.t.length).fill(-1));
      text = apply(text, spans);
      fixesApplied++;
      expect(origin.length).toBe(text.length);
      // Fix-then-recheck: no error left on the replaced words.
      const again = corpus.check(text).filter((x) => x.severity === 'error');
      const s = spans[0]!.s;
      const e = spans[spans.length - 1]!.s + spans[spans.length - 1]!.t.length;
      expect(again.filter((x) => offsetOf(text, x.range.start) < e && offsetOf(text, x.range.end) > s).map((x) => x.message)).toEqual([]);
    }
    origin = [];
    throw new Error(`fixes did not converge: ${steps.join(' / ')}`);
  }

  it('applying the preferred fix of the first error, again and again, changes only the flagged words of examples/draft.md', () => {
    const { text, flaggedOriginal, steps, remaining } = fixAll(EXAMPLE);
    // eslint-disable-next-line no-console
    console.log(`[robustness] examples/draft.md: ${steps.length} preferred fixes applied: ${steps.join(' / ')}`);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    // Diff: the final text is the original with only flagged ranges replaced.
    const inFlagged = (o: number) => flaggedOriginal.some(([a, b]) => o >= a && o < b);
    let i = 0;
    let j = 0;
    // Walk both texts: unchanged stretches must match exactly; differences only inside flagged ranges.
    const ranges = [...flaggedOriginal].sort((a, b) => a[0] - b[0]);
    let rebuilt = '';
    let prev = 0;
    for (const [a, b] of ranges) {
      rebuilt += EXAMPLE.slice(prev, a);
      rebuilt += '\u0000';
      prev = Math.max(prev, b);
    }
    rebuilt += EXAMPLE.slice(prev);
    const pieces = rebuilt.split('\u0000');
    for (const piece of pieces) {
      const at = text.indexOf(piece, j);
      expect(at, `unflagged text changed near ${JSON.stringify(piece.slice(0, 60))}`).toBeGreaterThanOrEqual(0);
      j = at + piece.length;
      i++;
    }
    expect(i).toBe(pieces.length);
    expect(inFlagged(-1)).toBe(false);
    // Errors left are only those with no quick fix at all (see the it.fails below).
    for (const d of remaining) expect(d.fixes, `${d.code}: ${d.message}`).toEqual([]);
  });

  // FAILS TODAY (src/engine/check/quotes.ts, the lead's): a quote the sources give to a
  // descriptor speaker ("A Ukrainian official said …") gets no fix when the draft names
  // someone else ("Peskov complained of …"), though the README promises a fix for every code.
  // Fix: in checkQuotes' misattribution branch, when `src.speakerKind === 'descriptor'` and
  // `src.speakerText` is set, push { title: `Attribute the quote to ${src.speakerText}`,
  // edits: [{ range, newText: <speakerText, first letter lower-cased unless the draft's
  // speaker starts the sentence> }], preferred: true }.
  it('after all preferred fixes, examples/draft.md has no error left', () => {
    const { remaining } = fixAll(EXAMPLE);
    expect(remaining.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});

/**
 * What reads wrongly in a sentence an edit made: a word twice, "to A Ukrainian official", "says said",
 * a lower-case start, quotation marks that do not pair up, doubled spaces or punctuation. Footnote
 * markers are left out first.
 */
function readingProblems(sentence: string): string[] {
  const s = sentence.replace(/\[\^[^\]\s]+\]/g, '');
  const out: string[] = [];
  const doubled = /\b([\p{L}’']+)\s+\1\b/iu.exec(s);
  if (doubled && !/^(that|had)$/i.test(doubled[1]!)) out.push(`"${doubled[0]}": a word twice`);
  const article = /\b(to|of|by|from|with|and|than|that|for|on|at|in)\s+(A|An|The)\s/.exec(s);
  if (article) out.push(`"${article[0].trim()}": a capital article inside the sentence`);
  if (/\bsays\s+said\b/i.test(s)) out.push('"says said"');
  const title = /(?<=\p{Ll}[,;]?\s)(Chief|Deputy|Senior|Former|Foreign|Defen[cs]e|Prime|Vice)\s+\p{Ll}+/u.exec(s);
  if (title) out.push(`"${title[0]}": a title half capitalised inside the sentence`);
  const first = /[\p{L}\p{N}]/u.exec(s)?.[0];
  if (first && first !== first.toUpperCase()) out.push(`starts with "${first}"`);
  if ((s.match(/"/g) ?? []).length % 2) out.push('an odd number of straight quotation marks');
  if ((s.match(/\u201C/g) ?? []).length !== (s.match(/\u201D/g) ?? []).length) out.push('curly quotation marks that do not pair up');
  if (/ {2}/.test(s)) out.push('two spaces');
  if (/\s[,.;:!?](?!\d)|[,;:]{2}|\.\.(?!\.)/.test(s)) out.push('misplaced punctuation');
  return out;
}

describe('every fix leaves a sentence that reads correctly', () => {
  /** The draft sentence that holds an offset of the text. */
  const sentenceAt = (text: string, offset: number, lang: 'markdown' | 'plaintext' = 'markdown') => {
    const sents = draftSentences(text, lang);
    return sents.find((s) => offset >= s.start && offset <= s.end) ?? sents.find((s) => s.start >= offset);
  };
  /** Findings (error or warning) inside a span, as "code: draft's words". */
  const findingsIn = (text: string, diags: Diagnostic[], span: { start: number; end: number }) =>
    diags
      .filter((x) => x.severity === 'error' || x.severity === 'warning')
      .filter((x) => offsetOf(text, x.range.start) < span.end && offsetOf(text, x.range.end) > span.start)
      .map((x) => `${x.code}: ${x.draftSays ?? rangeText(text, x.range)}`);

  it('every fix of every finding of examples/draft.md: the sentence it makes reads correctly and re-checks clean', () => {
    const diags = corpus.check(EXAMPLE);
    let checked = 0;
    for (const d of diags) {
      // The finding's own words: titles and messages read correctly too.
      expect(readingProblems(d.message.replace(/“[^”]*”/g, '“…”')), d.message).toEqual([]);
      for (const fix of d.fixes) {
        expect(readingProblems(fix.title.replace(/“[^”]*”/g, '“…”')), fix.title).toEqual([]);
        const spans = spansOf(EXAMPLE, fix.edits);
        const after = apply(EXAMPLE, spans);
        const start = offsetOf(EXAMPLE, d.range.start);
        const before = sentenceAt(EXAMPLE, start)!;
        const made = sentenceAt(after, start)!;
        expect(readingProblems(made.text), `${d.code}: "${fix.title}" made: ${made.text}`).toEqual([]);
        // Re-checked: the finding is gone, and nothing that was not there before has come up in its sentence.
        const was = new Set(findingsIn(EXAMPLE, diags, before).filter((x) => x !== `${d.code}: ${d.draftSays ?? rangeText(EXAMPLE, d.range)}`));
        const now = findingsIn(after, corpus.check(after), made).filter((x) => !was.has(x));
        expect(now, `${d.code}: "${fix.title}" made: ${made.text}`).toEqual([]);
        checked++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(`[robustness] examples/draft.md: ${checked} fixes applied, each sentence read and re-checked`);
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('the example draft\'s quote and figure fixes give these sentences', () => {
    const made = new Map<string, string>();
    for (const d of corpus.check(EXAMPLE)) {
      const fix = d.fixes.find((f) => f.preferred);
      if (!fix) continue;
      const after = apply(EXAMPLE, spansOf(EXAMPLE, fix.edits));
      made.set(d.draftSays ?? '', sentenceAt(after, offsetOf(EXAMPLE, d.range.start))!.text);
    }
    expect(made.get('three hours')).toBe('The meeting at the Dolmabahce Palace lasted less than two hours and ended without agreement on a ceasefire.');
    expect(made.get('500')).toBe('Moscow and Kyiv agreed to release 1,000 prisoners of war each, which would make it the largest swap of the war so far.');
    // The speaker a misattributed quote is given to starts the sentence here: a capital, and no "to A …" in the title.
    expect(made.get('Peskov')).toBe('A Ukrainian official complained of "new and unacceptable demands" from Kyiv.');
    // An exact quote put back into the draft's own sentence keeps its lower-case start.
    expect(made.get('nothing will move until Putin and I sit down together.')).toBe(
      'Trump himself played down the meeting from Air Force One, saying that "nothing’s going to happen until Putin and I get together."',
    );
  });

  it('on random drafts, no fix adds a reading problem to its sentence', () => {
    let n = 0;
    const SENTENCES = draftSentences(EXAMPLE, 'markdown').map((s) => s.text);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '\n\n'), (parts, sep) => {
        const text = parts.join(sep);
        for (const d of corpus.check(text)) {
          const start = offsetOf(text, d.range.start);
          const before = sentenceAt(text, start);
          if (!before) continue;
          for (const fix of d.fixes) {
            const after = apply(text, spansOf(text, fix.edits));
            const made = sentenceAt(after, start);
            if (!made) continue;
            const had = new Set(readingProblems(before.text).map((p) => p.replace(/".*": /, '')));
            const added = readingProblems(made.text).filter((p) => !had.has(p.replace(/".*": /, '')));
            expect(added, `"${fix.title}": ${before.text} → ${made.text}`).toEqual([]);
            n++;
          }
        }
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(n).toBeGreaterThan(20);
  });
});
