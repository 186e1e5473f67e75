/**
 * Drafts that are huge or hostile: no engine function hangs on adversarial text
 * (each input runs in a worker that is terminated after 20 s), a 1 MB draft is
 * checked to completion, a 10 MB draft is skipped by the server with one message,
 * and diagnostic ranges stay on the flagged words whatever precedes them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/engine/corpus';
import type { Range } from '../../src/engine/types';
import { runWithDeadline } from './harness/deadline';
import { REPO, serverOnSeeds } from './harness/lsp';

const DEADLINE = 20_000;
const N = 50_000;

/** Adversarial inputs: long runs of what the regexes and scanners look for. */
const ADVERSARIAL: [string, string][] = [
  ['50,000 × "a " + "!"', 'a '.repeat(N) + '!'],
  ['50,000 straight double quotes', '"'.repeat(N)],
  ['25,000 “ then 25,000 ”', '“'.repeat(N / 2) + '”'.repeat(N / 2)],
  ['50,000 single quotes', "'".repeat(N)],
  ['12,500 × "a" ', '"a" '.repeat(N / 4)],
  ['50,000 dots', '.'.repeat(N)],
  ['50,000 × ". "', '. '.repeat(N)],
  ['1,1,1,… (50,000 commas)', '1,'.repeat(N) + '1'],
  ['50,000 digits', '1'.repeat(N)],
  ['50,000 × "1."', '1.'.repeat(N)],
  ['nested parentheses 25,000 deep', '('.repeat(N / 2) + ')'.repeat(N / 2)],
  ['nested brackets 25,000 deep', '['.repeat(N / 2) + ']'.repeat(N / 2)],
  ['100,000 spaces', ' '.repeat(2 * N)],
  ['50,000 tabs', '\t'.repeat(N)],
  ['50,000 newlines', '\n'.repeat(N)],
  ['50,000 × "a\\r\\n"', 'a\r\n'.repeat(N)],
  ['50,000 × "A "', 'A '.repeat(N)],
  ['50,000 × "Abc "', 'Abc '.repeat(N)],
  ['25,000 × "Abc Def, "', 'Abc Def, '.repeat(N / 2)],
  ['50,000 × "Mr. "', 'Mr. '.repeat(N)],
  ['50,000 × "U.S. "', 'U.S. '.repeat(N)],
  ['50,000 × "Minister "', 'Minister '.repeat(N)],
  ['2,500 × "Foreign Minister Hakan Fidan, "', 'Foreign Minister Hakan Fidan, '.repeat(N / 20)],
  ['5,000 × "\\"x,\\" he said. "', '"x," he said. '.repeat(N / 10)],
  ['5,000 × "\\"x\\" he said "', '"x" he said '.repeat(N / 10)],
  ['"a" + 50,000 commas + "b"', `"a" ${','.repeat(N)} "b"`],
  ['10,000 × "three hours "', 'three hours '.repeat(N / 5)],
  ['25,000 × "2025 "', '2025 '.repeat(N / 2)],
  ['50,000 emoji', '😀'.repeat(N)],
  ['50,000 combining marks', `e${'\u0301'.repeat(N)}`],
  ['50,000 × "-" / "*" / "_" / "`" / "#" / "<" / "|"', ['-', '*', '_', '`', '#', '<', '|'].map((c) => c.repeat(N)).join(' ')],
  ['<!-- unclosed comment + 50,000 × "a "', `<!-- ${'a '.repeat(N)}`],
  ['50,000 × "[^1]"', '[^1]'.repeat(N)],
  ['50,000 × "**"', '**a'.repeat(N)],
];

/** Known slow in corpus.check (modules owned by others); see the it.fails tests below. */
const CHECK_SLOW: [string, string, string][] = [
  // claims/index.ts claimsOf + keyFor: per figure, a scan of every token of the sentence
  // (context words, `tokens.some(first)`, class hits) → quadratic in figures per sentence;
  // check/index.ts checkSentence compared each unsupported finding with every one before it.
  ['50,000 × "$1 "', '$1 '.repeat(N), 'claims/index.ts claimsOf/keyFor: O(figures × tokens); check/index.ts checkSentence: O(findings²)'],
  ['100,000 × "1,"', '1,'.repeat(2 * N) + '1', 'claims/index.ts keyFor: O(figures × tokens)'],
  // citations/retrieval.ts fuzzyTerms → fuse.js search with a 100k-character "word" as the pattern.
  ['100,000 × "a-"', 'a-'.repeat(2 * N), 'citations/retrieval.ts fuzzyTerms: fuse.js on a 200k-char token'],
  ['100,000 digits', '1'.repeat(2 * N), 'citations/retrieval.ts fuzzyTerms: fuse.js on a 100k-char token'],
];

/** Inputs of ADVERSARIAL that corpus.check handles slowly for the CHECK_SLOW reasons. */
const CHECK_SLOW_HERE = new Set(['1,1,1,… (50,000 commas)', '50,000 digits']);

const FUNCTIONS = [
  'splitSentences',
  'draftSentencesMarkdown',
  'draftSentencesPlaintext',
  'parseQuantities',
  'findMentions',
  'findRoles',
  'findQuotes',
  'quoteOccursIn',
  'quoteOccursInMiss',
];

function report(fn: string, timings: { name: string; ms: number }[]): void {
  const slow = timings.filter((t) => t.ms > 500).map((t) => `${t.name}: ${Math.round(t.ms)} ms`);
  // eslint-disable-next-line no-console
  console.log(`[robustness] ${fn}: ${timings.length} adversarial inputs returned${slow.length ? `; over 0.5 s: ${slow.join(', ')}` : ''}`);
}

describe('no catastrophic backtracking or quadratic scans', () => {
  for (const fn of FUNCTIONS) {
    it(`${fn} returns on every adversarial input`, async () => {
      // Sentences are what most functions see; feed each input whole anyway (a run-on "sentence").
      const timings = await runWithDeadline(fn, ADVERSARIAL, DEADLINE);
      expect(timings.map((t) => t.name)).toEqual(ADVERSARIAL.map(([n]) => n));
      report(fn, timings);
    }, 10 * 60_000);
  }

  it('corpus.check returns on every adversarial draft (markdown, and plain text for a sample)', async () => {
    // Plain text differs from Markdown only in sentence splitting: a sample is enough there.
    // The commas and digits runs share their root causes with CHECK_SLOW (at 50,000 they take
    // 7-11 s alone, so they would only flake here); the it.fails test below covers them at 100,000.
    const inputs = ADVERSARIAL.filter(([n]) => !CHECK_SLOW_HERE.has(n));
    const sample = inputs.filter((_, i) => i % 4 === 0);
    const md = await runWithDeadline('check', inputs, DEADLINE);
    report('check', md);
    const txt = await runWithDeadline('checkPlaintext', sample, DEADLINE);
    report('check (plaintext)', txt);
    expect(md.length + txt.length).toBe(inputs.length + sample.length);
  }, 10 * 60_000);

  // These used to miss the deadline (claims read every token per figure; fuzzy lookup ran on
  // 200k-character "words"); all four run at once and each must return in time.
  it('corpus.check returns within 20 s on long runs of figures and hyphen/digit "words"', async () => {
    const results = await Promise.allSettled(CHECK_SLOW.map(([name, input]) => runWithDeadline('check', [[name, input]], DEADLINE)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${String(r.reason)} [${CHECK_SLOW[i]![2]}]`] : []));
    // eslint-disable-next-line no-console
    console.log(`[robustness] known slow corpus.check inputs still over 20 s: ${failed.length}/${CHECK_SLOW.length}\n  ${failed.join('\n  ')}`);
    expect(failed).toEqual([]);
  }, 60_000);
});

describe('huge drafts', () => {
  it('the engine checks a 1 MB draft to completion', async () => {
    const { corpus } = await Corpus.load([path.join(REPO, 'seeds')], { cacheDir: false });
    const example = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8');
    const body = example.replace(/^---[\s\S]*?---\n/, '');
    let draft = '';
    while (draft.length < 1024 * 1024) draft += body;
    const t0 = performance.now();
    const diags = corpus.check(draft);
    const ms = performance.now() - t0;
    // eslint-disable-next-line no-console
    console.log(`[robustness] 1 MB draft (${draft.length} chars): ${diags.length} diagnostics in ${Math.round(ms)} ms`);
    const once = corpus.check(body).filter((d) => d.severity === 'error').length;
    expect(once).toBeGreaterThan(0);
    // Completion is the assertion; the count shows it really checked every copy.
    expect(diags.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(once * Math.floor(draft.length / body.length));
  }, 10 * 60_000);

  describe('over the language server', () => {
    const server = serverOnSeeds('sourcewise-robust-draft-');

    it('skips a 10 MB draft with one information diagnostic, and stays responsive', async () => {
      const uri = pathToFileURL(path.join(server.ws, 'huge.md')).href;
      const line = 'The talks lasted three hours. Moscow and Kyiv agreed to release 500 prisoners of war each.\n';
      const text = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
      server.client.open(uri, text);
      const pub = await server.client.publishFor(uri);
      expect(pub.diagnostics).toHaveLength(1);
      expect(pub.diagnostics[0]!.code).toBe('too-large');
      expect(pub.diagnostics[0]!.severity).toBe(3);
      expect(pub.diagnostics[0]!.message).toMatch(/maxFileSize/);
      // Hovering, asking for fixes or completions on it answers promptly (nothing scans 10 MB per request).
      const position = { line: 5000, character: 20 };
      const t0 = Date.now();
      await server.client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await server.client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      await server.client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5000, character: 0 } });
      const ms = Date.now() - t0;
      // eslint-disable-next-line no-console
      console.log(`[robustness] hover + code actions + completion on a 10 MB draft: ${ms} ms`);
      // A small draft opened afterwards is still checked normally.
      const small = pathToFileURL(path.join(server.ws, 'small.md')).href;
      server.client.open(small, 'The talks lasted three hours.\n');
      const p2 = await server.client.publishFor(small, (p) => p.diagnostics.some((d) => d.code === 'contradiction'));
      expect(p2.diagnostics.some((d) => d.code === 'too-large')).toBe(false);
      // Only one publish for the huge draft: one message, not a stream.
      expect(server.client.publishes.filter((p) => p.uri === uri)).toHaveLength(1);
    }, 120_000);
  });
});

describe('offsets survive CRLF, tabs, emoji, combining marks and right-to-left text', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = (await Corpus.load([path.join(REPO, 'seeds')], { cacheDir: false })).corpus;
  });

  /** UTF-16 offset of an LSP position in text with any of \r\n, \r, \n line ends. */
  function offsetAt(text: string, p: { line: number; character: number }): number {
    let line = 0;
    let i = 0;
    while (line < p.line && i < text.length) {
      const c = text[i++];
      if (c === '\r' && text[i] === '\n') i++;
      if (c === '\n' || c === '\r') line++;
    }
    return i + p.character;
  }
  const at = (text: string, r: Range) => text.slice(offsetAt(text, r.start), offsetAt(text, r.end));

  const PREFIXES: [string, string][] = [
    ['CRLF lines', 'Intro line.\r\n\r\nSecond paragraph.\r\n\r\n'],
    ['CR-only lines', 'Intro line.\r\rSecond paragraph.\r\r'],
    ['tabs inside a line', 'Tabbed\tline\twith\ttabs. '],
    ['emoji (surrogate pairs)', 'Hope 😀😀🇺🇦 and 👨‍👩‍👧 family. '],
    ['emoji on their own line, CRLF', '😀😀😀\r\n\r\n'],
    ['combining marks', 'Cafe\u0301 e\u0301te\u0301 Zu\u0308rich. '],
    ['right-to-left text', 'שלום עולם. مرحبا بالعالم. '],
    ['RTL marks and isolates', '\u200F\u2067عربي\u2069\u200E note. '],
    ['zero-width joiners and spaces', 'A\u200Bb\u200Dc\uFEFF d. '],
    ['astral CJK', '𠜎𠜱𠝹 text. '],
    ['everything', '\uFEFF# Title 😀\r\n\r\nשלום\te\u0301 𠜎.\r\n\r\nمرحبا 👨‍👩‍👧. '],
  ];

  for (const [name, prefix] of PREFIXES) {
    it(`a contradiction after ${name} covers exactly "three hours"`, () => {
      for (const lang of ['markdown', 'plaintext'] as const) {
        for (const draft of [`${prefix}The talks lasted three hours.`, `${prefix}The talks lasted three hours.\r\n`, `${prefix}${prefix}The talks lasted three hours. ${prefix}`]) {
          const diags = corpus.check(draft, {}, lang);
          const c = diags.find((d) => d.code === 'contradiction');
          expect(c, `${lang}: ${JSON.stringify(draft)} → ${JSON.stringify(diags.map((d) => d.code))}`).toBeDefined();
          expect(at(draft, c!.range)).toBe('three hours');
          for (const fix of c!.fixes) {
            for (const e of fix.edits) {
              const s = offsetAt(draft, e.range.start);
              const en = offsetAt(draft, e.range.end);
              expect(s).toBeLessThanOrEqual(en);
              expect(en).toBeLessThanOrEqual(draft.length);
              // An edit never splits a surrogate pair.
              expect(/[\uDC00-\uDFFF]/.test(draft[s] ?? '') && /[\uD800-\uDBFF]/.test(draft[s - 1] ?? '')).toBe(false);
            }
          }
        }
      }
    });
  }
});
