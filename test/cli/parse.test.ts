import { ensureBuilt } from '../helpers/build';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

let tmp: string;


function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), SOURCEWISE_DEBUG: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectUsageError(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sourcewise: /);
  expect(lines[0]).toMatch(pattern);
}

const DRAFT = '# Talks\n\nThe delegations met on Friday for less than two hours.\n\nThey will meet again in two weeks, Mr. Umerov said.\n';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-parse-'));
  ensureBuilt(CLI, 'pipe');
  writeFileSync(path.join(tmp, 'talks.md'), DRAFT);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('sourcewise parse', () => {
  it('--format json gives every sentence with its offsets, tokens, names and quantities', () => {
    const file = path.join(tmp, 'talks.md');
    const r = run(['parse', file, '--format', 'json', '--date', '2025-05-20']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file, date: '2025-05-20' });
    expect(json.sentences.map((s: { text: string }) => s.text)).toEqual([
      'Talks',
      'The delegations met on Friday for less than two hours.',
      'They will meet again in two weeks, Mr. Umerov said.',
    ]);
    const [, first, second] = json.sentences;
    expect(first).toMatchObject({ line: 2, character: 0, start: DRAFT.indexOf('The delegations') });
    for (const s of json.sentences) {
      expect(DRAFT.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(DRAFT.slice(t.start, t.end)).toBe(t.text);
      for (const q of s.quantities) expect(DRAFT.slice(q.start, q.end)).toBe(q.text);
      for (const n of s.names) expect(DRAFT.slice(n.start, n.end)).toBe(n.text);
    }
    expect(first.tokens.find((t: { text: string }) => t.text === 'delegations')).toMatchObject({ lemma: 'delegation', pos: 'NOUN' });
    expect(first.tokens.find((t: { text: string }) => t.text === 'met')).toMatchObject({ lemma: 'meet', pos: 'VERB' });
    // what happened points back, what is planned forward, from --date
    expect(first.quantities[0]).toMatchObject({ kind: 'date', text: 'Friday', date: { weekday: 5 }, resolved: { year: 2025, month: 5, day: 16 } });
    expect(first.quantities[1]).toMatchObject({ kind: 'duration', text: 'less than two hours', value: 7200, high: 7200, qualifier: 'less', unit: 'second' });
    expect(second.quantities[0]).toMatchObject({ kind: 'date', text: 'in two weeks', resolved: { year: 2025, month: 6, day: 3 } });
    expect(second.names).toContainEqual(expect.objectContaining({ text: 'Umerov' }));
  });

  it('reads standard input with -, in the text form by default', () => {
    const r = run(['parse', '-'], 'It cost 10 € and lasted 7:56:30 pm.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<stdin>:1:1 \[0-35\] It cost 10 € and lasted 7:56:30 pm\.\n/);
    expect(r.stdout).toContain('  tokens: It/it/PRON cost/cost/VERB');
    expect(r.stdout).toMatch(/\n {2}money "10 €" \[8-12\] value 10 low 10 high 10 unit EUR\n/);
    expect(r.stdout).toMatch(/\n {2}time "7:56:30 pm" \[24-34\] value 71790 /);
  });

  it('shows each side of a tally ("passed 232-196") as a count of its own', () => {
    const r = run(['parse', '-'], 'The bill passed 232-196.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n  count "232" [16-19] value 232 low 232 high 232 tally side 1\n  count "196" [20-23] value 196 low 196 high 196 tally side 2');
  });

  it('without --date leaves relative dates unresolved', () => {
    const r = run(['parse', '-', '--format', 'json'], 'They met on Friday.');
    const q = JSON.parse(r.stdout).sentences[0].quantities[0];
    expect(q).toMatchObject({ kind: 'date', date: { weekday: 5 } });
    expect(q.resolved).toBeUndefined();
    expect(q.value).toBeNull();
  });

  it('usage and input errors exit 2 with one line', () => {
    expectUsageError(run(['parse']), /parse needs one file, or - for standard input/);
    expectUsageError(run(['parse', 'a.md', 'b.md']), /parse needs one file/);
    expectUsageError(run(['parse', path.join(tmp, 'missing.md')]), /cannot read .*missing\.md/);
    expectUsageError(run(['parse', '-', '--date', '20-05-2025']), /--date must be YYYY-MM-DD/);
    expectUsageError(run(['parse', '-', '--date', '2025-02-30']), /--date 2025-02-30 is not a calendar date/);
    expectUsageError(run(['parse', '-', '--format', 'xml']), /unknown --format xml/);
    writeFileSync(path.join(tmp, 'bin.md'), Buffer.from([0x23, 0x00, 0x01]));
    expectUsageError(run(['parse', path.join(tmp, 'bin.md')]), /binary/);
  });
});
