/** `sourcewise`: check drafts against a folder of sources from the command line. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Corpus } from '../engine/corpus';
import { readTextFile } from '../engine/sources/read';
import type { Diagnostic } from '../engine/types';
import { field, jsonSafe, renderFactSheet, terminalSafe } from './render';
import { evidenceName } from '../engine/store';
import { isCalendarDate, parseText, readStdin, renderParse } from './parse';

const USAGE = `usage:
  sourcewise check <files…> [--sources <dir|glob>…] [--format text|json] [--exit-zero]
  sourcewise cite <files…> [--line N] [--sources …] [--format text|json]
  sourcewise facts <name> [--sources …] [--format markdown|json]
  sourcewise index [--sources …] --stats
  sourcewise parse <file|-> [--date YYYY-MM-DD] [--format json|text]`;

class UsageError extends Error {}

function bundledSeeds(): string {
  const candidates = [path.join(__dirname, '..', 'seeds'), path.join(__dirname, '..', '..', 'seeds')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

/** Drafts larger than this are not read (as sources larger than their limit are not). */
const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a draft with the checks sources get (src/engine/sources/read.ts): a FIFO, a device
 * such as /dev/zero or a socket is refused before anything is read, at most 10 MB are read,
 * and the bytes must be text. Every refusal is a usage error naming the file and why.
 */
function readDraft(file: string): string {
  const r = readTextFile(file, MAX_DRAFT_BYTES);
  if (r.ok) return r.text;
  const reason = r.reason;
  if (reason === 'file not found') throw new UsageError(`cannot read ${file}: no such file`);
  if (reason === 'is a directory') throw new UsageError(`${file} is a folder; give a draft file`);
  if (reason === 'not a regular file') throw new UsageError(`${file} is not a regular file (a pipe, device or socket); not checked`);
  if (reason.startsWith('larger than')) throw new UsageError(`${file} is larger than 10 MB; not checked`);
  if (reason === 'binary file') throw new UsageError(`${file} looks like a binary file; not checked`);
  if (reason === 'not valid UTF-8 text') throw new UsageError(`${file} is not valid UTF-8 text`);
  throw new UsageError(`cannot read ${file}: ${reason}`);
}

function languageOf(file: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

async function loadCorpus(sources: string[] | undefined) {
  const patterns = sources && sources.length > 0 ? sources : [bundledSeeds()];
  for (const p of patterns) {
    if (!/[*?{[]/.test(p) && !existsSync(p)) throw new UsageError(`sources not found: ${p}`);
  }
  // No search thread: the command line checks right after loading, before a thread could have its copy of the index.
  const { corpus, skipped } = await Corpus.load(patterns, { cwd: process.cwd(), searchThread: false });
  for (const s of skipped) {
    if (s.pattern) process.stderr.write(`sourcewise: the source pattern ${field(s.path)} ${field(s.reason)}\n`);
    else process.stderr.write(`sourcewise: skipped ${field(s.path)}: ${field(s.reason)}\n`);
  }
  if (corpus.docs.length === 0) throw new UsageError(`no readable sources in ${patterns.join(', ')}`);
  // Sources whose size and time were unchanged are compared with what was indexed, so a file
  // rewritten with its time kept (touch -r) is not checked against its old text.
  await corpus.verifySources();
  loaded = corpus;
  return corpus;
}

/** The corpus of this run, so that `finish` can write its persistent index again if damage was found in it after loading. */
let loaded: Corpus | undefined;

/** Writes command output: whatever control characters are left (none should be) are shown escaped, never sent to the terminal. */
function out(text: string): void {
  process.stdout.write(terminalSafe(text));
}

function textLine(file: string, d: Diagnostic): string {
  // Every field may hold a source's words: on one line each, controls shown escaped (see field).
  const head = `${field(file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${field(d.message)}`;
  const ev = d.evidence
    .slice(0, 4)
    .map((e) => `    ${e.stance === 'supports' ? '+' : e.stance === 'contradicts' ? '-' : '·'} ${field(evidenceName(e))} (${field(e.source)}:${e.line + 1}): ${field(e.text.length > 140 ? e.text.slice(0, 137) + '…' : e.text)}`);
  const fix = d.fixes[0] ? [`    fix: ${field(d.fixes[0].title)}`] : [];
  return [head, ...ev, ...fix].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      sources: { type: 'string', multiple: true },
      format: { type: 'string' },
      line: { type: 'string' },
      stats: { type: 'boolean' },
      date: { type: 'string' },
      'exit-zero': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const format = values.format ?? (command === 'facts' ? 'markdown' : 'text');
  switch (command) {
    case 'check': {
      if (rest.length === 0) throw new UsageError('check needs at least one draft file');
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format ${format} (text|json)`);
      const drafts = rest.map((f) => ({ file: f, text: readDraft(f) }));
      const corpus = await loadCorpus(values.sources);
      const files = drafts.map((d) => ({ file: d.file, diagnostics: corpus.check(d.text, {}, languageOf(d.file)) }));
      const errors = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
      if (format === 'json') {
        out(jsonSafe(JSON.stringify({ files: files.map((f) => ({ file: f.file, diagnostics: f.diagnostics.map(({ sentence: _s, draftSays: _d, ...d }) => d) })) }, null, 2)) + '\n');
      } else {
        for (const f of files) for (const d of f.diagnostics) out(textLine(f.file, d) + '\n');
        const all = files.flatMap((f) => f.diagnostics);
        const count = (s: string) => all.filter((d) => d.severity === s).length;
        out(
          `\n${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information'), 'note')} in ${plural(files.length, 'file')}, checked against ${plural(corpus.docs.length, 'source')}\n`,
        );
      }
      return errors > 0 && !values['exit-zero'] ? 1 : 0;
    }
    case 'cite': {
      if (rest.length === 0) throw new UsageError('cite needs at least one draft file');
      const line = values.line !== undefined ? Number(values.line) - 1 : undefined;
      if (line !== undefined && (!Number.isInteger(line) || line < 0)) throw new UsageError(`--line must be a positive whole number`);
      const drafts = rest.map((f) => ({ file: f, text: readDraft(f) }));
      const corpus = await loadCorpus(values.sources);
      const files = drafts.map((d) => ({ file: d.file, sentences: corpus.citeSentences(d.text, { line }, languageOf(d.file)) }));
      if (format === 'json') out(jsonSafe(JSON.stringify({ files }, null, 2)) + '\n');
      else
        for (const f of files)
          for (const s of f.sentences) {
            out(`${field(f.file)}:${s.range.start.line + 1}:${s.range.start.character + 1} ${field(s.text)}\n`);
            for (const c of s.candidates) out(`    ${c.score.toFixed(2)} ${field(c.name ?? c.outlet ?? c.source)} (${field(c.source)}:${c.line + 1}): ${field(c.text)}\n`);
          }
      return 0;
    }
    case 'facts': {
      const name = rest.join(' ').trim();
      if (!name) throw new UsageError('facts needs a name');
      const corpus = await loadCorpus(values.sources);
      const sheet = corpus.facts(name);
      if (!sheet) {
        process.stderr.write(`sourcewise: no source mentions “${field(name)}”\n`);
        return 1;
      }
      out(format === 'json' ? jsonSafe(JSON.stringify(sheet, null, 2)) + '\n' : renderFactSheet(sheet) + '\n');
      return 0;
    }
    case 'index': {
      const t0 = performance.now();
      const corpus = await loadCorpus(values.sources);
      const s = corpus.stats();
      const ms = Math.round(performance.now() - t0);
      if (format === 'json') out(jsonSafe(JSON.stringify({ ...s, millis: ms }, null, 2)) + '\n');
      else
        out(
          `sources ${s.sources}\nsentences ${s.sentences}\nentities ${s.entities}\nclaims ${s.claims}\nquotes ${s.quotes}\nroles ${s.roles}\nskipped ${s.skipped.length}\ntime ${ms} ms\n`,
        );
      return 0;
    }
    case 'parse': {
      if (rest.length !== 1) throw new UsageError('parse needs one file, or - for standard input');
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format ${format} (json|text)`);
      const date = values.date;
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, not ${date}`);
      if (date !== undefined && !isCalendarDate(date)) throw new UsageError(`--date ${date} is not a calendar date`);
      const file = rest[0]!;
      const text = file === '-' ? readStdin() : readDraft(file);
      const sentences = parseText(text, file === '-' ? 'plaintext' : languageOf(file), date);
      if (format === 'json') process.stdout.write(JSON.stringify({ file, date: date ?? null, sentences }, null, 2) + '\n');
      else if (sentences.length) process.stdout.write(renderParse(file === '-' ? '<stdin>' : file, sentences) + '\n');
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/**
 * Resolves once everything written to `stream` so far has been handed to the operating system.
 * Writes to a pipe are asynchronous in Node: `process.exit` right after a large write drops
 * whatever is still queued (a piped `cite --format json` lost all but the first 64 KB).
 */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    // Writes complete in order: the callback of an empty write comes after every write before it.
    stream.write('', () => resolve());
  });
}

/** A reader that went away (`sourcewise … | head`) ends the command quietly rather than with an EPIPE trace. */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** Sets the exit code, lets stdout and stderr drain, then exits (the corpus may hold handles that would keep the process alive). */
async function finish(code: number): Promise<never> {
  process.exitCode = code;
  // A part of the persistent index found damaged during the command is written again, sound,
  // so the next run does not meet it (a no-op when nothing changed).
  await loaded?.persist().catch(() => undefined);
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`sourcewise: ${field(msg)}\n`);
    if (!(err instanceof UsageError) && !(err instanceof TypeError && /parseArgs|option/i.test(msg)) && process.env.SOURCEWISE_DEBUG) {
      process.stderr.write(terminalSafe(String((err as Error).stack)) + '\n');
    }
    return finish(2);
  },
);

/** "1 error", "2 errors". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
