import { ensureBuilt } from '../helpers/build';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DRAFT = 'examples/draft.md';

let tmp: string;


interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Keep the persistent index out of the user's cache.
    env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), SOURCEWISE_DEBUG: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function offsetAt(text: string, p: { line: number; character: number }): number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts[p.line]! + p.character;
}

/** Asserts a usage/input error: exit 2, nothing on stdout, one `sourcewise: …` line on stderr. */
function expectUsageError(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sourcewise: /);
  expect(lines[0]).toMatch(pattern);
}

// An invented story for --sources: a dock strike in the fictional port of Halvern.
const GAZETTE = `---
outlet: Harbor Gazette
title: Halvern dock strike ends
date: 2024-09-17
---
Dockworkers at the Port of Halvern returned to work on Tuesday.

The final negotiating session with the port authority lasted just over 90 minutes.

Union leader Marta Quill said the deal was "a fair result for every family on the waterfront".

Ferry passengers were stranded on the quayside for most of the week.
`;
const TIMES = `---
outlet: Coastline Times
---
The Port of Halvern reopened its container terminal on Wednesday morning.

Lorry drivers queued for hours on the ring road outside the harbour.

Mayor Lena Vos said the city would "rebuild trust with the harbour" after the dispute.
`;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-cli-'));
  ensureBuilt(CLI, 'pipe');
  mkdirSync(path.join(tmp, 'sources'));
  writeFileSync(path.join(tmp, 'sources', 'gazette.md'), GAZETTE);
  writeFileSync(path.join(tmp, 'sources', 'times.md'), TIMES);
  mkdirSync(path.join(tmp, 'empty'));
  writeFileSync(path.join(tmp, 'strike.md'), '# Strike\n\nThe final negotiating session with the port authority lasted three hours.\n');
  writeFileSync(path.join(tmp, 'clean.md'), '# Talks\n\nThe talks in Istanbul lasted less than two hours.\n');
  writeFileSync(path.join(tmp, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x0a]));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('sourcewise check (text)', () => {
  let r: Run;
  beforeAll(() => {
    r = run('check', DRAFT);
  });

  it('exits 1 when the draft has errors', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('prints compiler-style file:line:column severity code message lines', () => {
    const heads = r.stdout.split('\n').filter((l) => l.startsWith(`${DRAFT}:`));
    expect(heads.length).toBeGreaterThanOrEqual(5);
    for (const h of heads) {
      expect(h).toMatch(/^examples\/draft\.md:\d+:\d+ (error|warning|information|hint) (contradiction|role-mismatch|quote-misattributed|quote-not-in-sources|sources-disagree|unsupported) \S/);
    }
    // "lasted three hours" on line 8 of the draft.
    const draft = readFileSync(path.join(ROOT, DRAFT), 'utf8').split('\n');
    const col = draft[7]!.indexOf('three hours') + 1;
    expect(col).toBeGreaterThan(0);
    expect(heads).toContainEqual(expect.stringMatching(new RegExp(`^examples/draft\\.md:8:${col} error contradiction .*less than two hours.*not “three hours”`)));
  });

  it('prints evidence and the first fix under a finding, and a summary', () => {
    expect(r.stdout).toMatch(/\n {4}- BBC \(003_aa322a804f1c0caf\.txt:\d+\): /);
    expect(r.stdout).toMatch(/\n {4}fix: Use the sourced figure: less than two hours\n/);
    expect(r.stdout).toMatch(/\n7 errors, 2 warnings, 0 notes in 1 file, checked against 5 sources\n$/);
  });

  it('--exit-zero keeps the findings but exits 0', () => {
    const z = run('check', DRAFT, '--exit-zero');
    expect(z.code).toBe(0);
    expect(z.stdout).toBe(r.stdout);
  });
});

describe('sourcewise check --format json', () => {
  let r: Run;
  let json: any;
  const text = readFileSync(path.join(ROOT, DRAFT), 'utf8');
  beforeAll(() => {
    r = run('check', DRAFT, '--format', 'json');
    json = JSON.parse(r.stdout);
  });

  it('exits 1 and parses', () => {
    expect(r.code).toBe(1);
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(DRAFT);
    expect(json.files[0].diagnostics.length).toBeGreaterThanOrEqual(5);
  });

  it('matches the documented contract', () => {
    const pos = { line: expect.any(Number), character: expect.any(Number) };
    for (const d of json.files[0].diagnostics) {
      expect(d).toMatchObject({
        range: { start: pos, end: pos },
        severity: expect.stringMatching(/^(error|warning|information|hint)$/),
        code: expect.stringMatching(/^(contradiction|role-mismatch|quote-misattributed|quote-not-in-sources|sources-disagree|unsupported)$/),
        message: expect.any(String),
        evidence: expect.any(Array),
        fixes: expect.any(Array),
      });
      // Internal fields are not part of the contract.
      expect(d).not.toHaveProperty('sentence');
      expect(d).not.toHaveProperty('draftSays');
      for (const e of d.evidence) {
        expect(e).toMatchObject({ source: expect.any(String), line: expect.any(Number), text: expect.any(String) });
        expect(e.source).toMatch(/^00\d_[0-9a-f]+\.txt$/);
        expect(e.line).toBeGreaterThanOrEqual(0);
        // The evidence sentence is on that line of the source.
        const src = readFileSync(path.join(ROOT, 'seeds', e.source), 'utf8').split('\n');
        expect(src[e.line]).toContain(e.text.slice(0, 40));
      }
      for (const f of d.fixes) {
        expect(f).toMatchObject({ title: expect.any(String), edits: expect.any(Array) });
        for (const ed of f.edits) expect(ed).toMatchObject({ range: { start: pos, end: pos }, newText: expect.any(String) });
      }
    }
    const outlets = json.files[0].diagnostics.flatMap((d: any) => d.evidence.map((e: any) => e.outlet)).filter(Boolean);
    expect(outlets).toEqual(expect.arrayContaining(['BBC']));
  });

  it('uses 0-based positions that point at the flagged words', () => {
    const ds = json.files[0].diagnostics;
    const three = ds.find((d: any) => d.code === 'contradiction' && d.message.includes('three hours'));
    expect(three).toBeDefined();
    expect(three.range.start.line).toBe(7);
    expect(text.slice(offsetAt(text, three.range.start), offsetAt(text, three.range.end))).toBe('three hours');
    const fix = three.fixes[0];
    expect(fix).toMatchObject({ title: 'Use the sourced figure: less than two hours', edits: [{ range: three.range, newText: 'less than two hours' }] });
    // Every figure finding that says `not “X”` underlines exactly X.
    let checked = 0;
    for (const d of ds) {
      const m = /not “([^”]+)”\.$/.exec(d.message);
      if (!m || d.range.start.line !== d.range.end.line) continue;
      expect(text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end))).toBe(m[1]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('text and json agree on positions', () => {
    const t = run('check', DRAFT);
    const heads = t.stdout.split('\n').filter((l) => l.startsWith(`${DRAFT}:`)).map((l) => l.split(' ').slice(0, 3).join(' '));
    const fromJson = json.files[0].diagnostics.map((d: any) => `${DRAFT}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`);
    expect(heads).toEqual(fromJson);
  });
});

describe('sourcewise check: clean drafts and errors', () => {
  it('a clean draft exits 0', () => {
    const r = run('check', path.join(tmp, 'clean.md'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\n?0 errors, 0 warnings, 0 notes in 1 file, checked against 5 sources\n$/);
    const j = run('check', path.join(tmp, 'clean.md'), '--format', 'json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual({ files: [{ file: path.join(tmp, 'clean.md'), diagnostics: [] }] });
  });

  it('a missing file exits 2', () => {
    expectUsageError(run('check', path.join(tmp, 'no-such-draft.md')), /no-such-draft\.md.*no such file/);
  });

  it('a binary file exits 2', () => {
    expectUsageError(run('check', path.join(tmp, 'binary.md')), /binary/);
  });

  it('a folder instead of a draft exits 2', () => {
    expectUsageError(run('check', tmp), /folder/);
  });

  it('a bad flag exits 2', () => {
    expectUsageError(run('check', DRAFT, '--bogus'), /--bogus/);
    expectUsageError(run('check', DRAFT, '--format', 'xml'), /--format xml/);
    expectUsageError(run('cite', DRAFT, '--line', 'zero'), /--line/);
  });

  it('an unknown command exits 2', () => {
    expectUsageError(run('frobnicate', DRAFT), /unknown command frobnicate/);
  });

  it('check without files exits 2', () => {
    expectUsageError(run('check'), /check needs at least one draft file/);
  });
});

describe('sourcewise cite', () => {
  it('--line N --format json gives the documented shape with at most 5 candidates', () => {
    const r = run('cite', DRAFT, '--line', '8', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.files).toHaveLength(1);
    expect(j.files[0].file).toBe(DRAFT);
    const sents = j.files[0].sentences;
    expect(sents.length).toBeGreaterThan(0);
    for (const s of sents) {
      expect(s.range.start.line).toBeLessThanOrEqual(7);
      expect(s.range.end.line).toBeGreaterThanOrEqual(7);
      expect(typeof s.text).toBe('string');
      expect(s.candidates.length).toBeGreaterThan(0);
      expect(s.candidates.length).toBeLessThanOrEqual(5);
      for (const c of s.candidates) {
        expect(c).toMatchObject({ source: expect.any(String), line: expect.any(Number), text: expect.any(String), score: expect.any(Number) });
        expect(c.score).toBeGreaterThan(0);
        expect(c.score).toBeLessThanOrEqual(1);
      }
    }
    expect(sents[0].text).toMatch(/^Russian and Ukrainian officials met face to face in Istanbul/);
    // Two sources say it, each in its own words; either is the right first citation.
    expect(sents[0].candidates[0].text).toMatch(/first (direct|face-to-face) talks/);
  });

  it('without --line covers every sentence of the draft', () => {
    const j = JSON.parse(run('cite', DRAFT, '--format', 'json').stdout);
    expect(j.files[0].sentences.length).toBeGreaterThan(15);
  });
});

describe('sourcewise facts and index', () => {
  it('facts Umerov prints a Markdown sheet with his office', () => {
    const r = run('facts', 'Umerov');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Rustem Umerov\n/);
    expect(r.stdout).toContain('Defense Minister');
    const roles = r.stdout.split('## Roles')[1]!.split('\n## ')[0]!;
    expect(roles).toMatch(/^- defen[cs]e minister — .*BBC/im);
    expect(r.stdout).toMatch(/\n## Sources \(\d+ mentions\)\n/);
  });

  it('facts --format json gives the sheet', () => {
    const s = JSON.parse(run('facts', 'Zelensky', '--format', 'json').stdout);
    expect(s.name).toBe('Volodymyr Zelenskyy');
    expect(s.aliases).toContain('Zelensky');
  });

  it('facts of an unknown name says so on stderr and exits 1', () => {
    const r = run('facts', 'Nobody Nowhereson');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^sourcewise: no source mentions .Nobody Nowhereson.$/);
  });

  it('index --stats prints counts and a time', () => {
    const r = run('index', '--stats');
    expect(r.code).toBe(0);
    const stats = Object.fromEntries(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')),
    );
    expect(stats.sources).toBe('5');
    for (const k of ['sentences', 'entities', 'claims', 'quotes']) expect(Number(stats[k]), k).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/\ntime \d+ ms\n$/);
  });
});

describe('--sources with a folder of other articles', () => {
  it('check uses them and names their outlet and file', () => {
    const draft = path.join(tmp, 'strike.md');
    const r = run('check', draft, '--sources', path.join(tmp, 'sources'));
    expect(r.code).toBe(1);
    const col = 'The final negotiating session with the port authority lasted '.length + 1;
    expect(r.stdout).toContain(`${draft}:3:${col} error contradiction The sources say “just over 90 minutes” (Harbor Gazette), not “three hours”.`);
    expect(r.stdout).toContain('    - Harbor Gazette (gazette.md:8): The final negotiating session with the port authority lasted just over 90 minutes.');
    expect(r.stdout).toMatch(/checked against 2 sources\n$/);
  });

  it('json evidence points into the fixture', () => {
    const j = JSON.parse(run('check', path.join(tmp, 'strike.md'), '--sources', path.join(tmp, 'sources'), '--format', 'json').stdout);
    const [d] = j.files[0].diagnostics;
    expect(d.evidence[0]).toMatchObject({ source: 'gazette.md', outlet: 'Harbor Gazette', line: 7, path: path.join(tmp, 'sources', 'gazette.md') });
  });

  it('replace the seeds: the seed draft\'s quotes are no longer found', () => {
    const r = run('check', DRAFT, '--sources', path.join(tmp, 'sources'), '--format', 'json');
    const ds = JSON.parse(r.stdout).files[0].diagnostics;
    const quote = ds.find((d: any) => d.message.includes('new and unacceptable demands'));
    expect(quote?.code).toBe('quote-not-in-sources');
    for (const d of ds) for (const e of d.evidence) expect(['gazette.md', 'times.md']).toContain(e.source);
    expect(r.stdout).not.toContain('BBC');
  });

  it('cite, facts and index use them too', () => {
    const c = JSON.parse(run('cite', path.join(tmp, 'strike.md'), '--line', '3', '--format', 'json', '--sources', path.join(tmp, 'sources')).stdout);
    expect(c.files[0].sentences[0].candidates[0]).toMatchObject({ outlet: 'Harbor Gazette', source: 'gazette.md', line: 7 });
    const f = run('facts', 'Quill', '--sources', path.join(tmp, 'sources'));
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/^# Marta Quill\n/);
    expect(f.stdout).toContain('a fair result for every family on the waterfront');
    const i = run('index', '--stats', '--sources', path.join(tmp, 'sources'));
    expect(i.stdout).toMatch(/^sources 2\nsentences 7\n/);
  });

  it('a glob works', () => {
    const r = run('index', '--stats', '--sources', path.join(tmp, 'sources', 'g*.md'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sources 1\n/);
  });

  it('an empty folder exits 2 with a clear message', () => {
    expectUsageError(run('check', DRAFT, '--sources', path.join(tmp, 'empty')), /no readable sources in .*empty/);
  });

  it('a folder that does not exist exits 2', () => {
    expectUsageError(run('index', '--stats', '--sources', path.join(tmp, 'nowhere')), /sources not found: .*nowhere/);
  });
});
