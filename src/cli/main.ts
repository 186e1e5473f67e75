/** `sourcewise`: check drafts against a folder of sources from the command line. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Corpus } from '../engine/corpus';
import type { Diagnostic } from '../engine/types';
import { renderFactSheet } from './render';
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

function readDraft(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (st.isDirectory()) throw new UsageError(`${file} is a folder; give a draft file`);
  if (st.size > 10 * 1024 * 1024) throw new UsageError(`${file} is larger than 10 MB; not checked`);
  const buf = readFileSync(file);
  if (buf.subarray(0, 8192).includes(0)) throw new UsageError(`${file} looks like a binary file; not checked`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`${file} is not valid UTF-8 text`);
  }
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
  for (const s of skipped) process.stderr.write(`sourcewise: skipped ${s.path}: ${s.reason}\n`);
  if (corpus.docs.length === 0) throw new UsageError(`no readable sources in ${patterns.join(', ')}`);
  return corpus;
}

function textLine(file: string, d: Diagnostic): string {
  const head = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
  const ev = d.evidence
    .slice(0, 4)
    .map((e) => `    ${e.stance === 'supports' ? '+' : e.stance === 'contradicts' ? '-' : '·'} ${e.outlet ?? e.source} (${e.source}:${e.line + 1}): ${e.text.length > 140 ? e.text.slice(0, 137) + '…' : e.text}`);
  const fix = d.fixes[0] ? [`    fix: ${d.fixes[0].title}`] : [];
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
        process.stdout.write(JSON.stringify({ files: files.map((f) => ({ file: f.file, diagnostics: f.diagnostics.map(({ sentence: _s, draftSays: _d, ...d }) => d) })) }, null, 2) + '\n');
      } else {
        for (const f of files) for (const d of f.diagnostics) process.stdout.write(textLine(f.file, d) + '\n');
        const all = files.flatMap((f) => f.diagnostics);
        const count = (s: string) => all.filter((d) => d.severity === s).length;
        process.stdout.write(
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
      if (format === 'json') process.stdout.write(JSON.stringify({ files }, null, 2) + '\n');
      else
        for (const f of files)
          for (const s of f.sentences) {
            process.stdout.write(`${f.file}:${s.range.start.line + 1}:${s.range.start.character + 1} ${s.text}\n`);
            for (const c of s.candidates) process.stdout.write(`    ${c.score.toFixed(2)} ${c.outlet ?? c.source} (${c.source}:${c.line + 1}): ${c.text}\n`);
          }
      return 0;
    }
    case 'facts': {
      const name = rest.join(' ').trim();
      if (!name) throw new UsageError('facts needs a name');
      const corpus = await loadCorpus(values.sources);
      const sheet = corpus.facts(name);
      if (!sheet) {
        process.stderr.write(`sourcewise: no source mentions “${name}”\n`);
        return 1;
      }
      process.stdout.write(format === 'json' ? JSON.stringify(sheet, null, 2) + '\n' : renderFactSheet(sheet) + '\n');
      return 0;
    }
    case 'index': {
      const t0 = performance.now();
      const corpus = await loadCorpus(values.sources);
      const s = corpus.stats();
      const ms = Math.round(performance.now() - t0);
      if (format === 'json') process.stdout.write(JSON.stringify({ ...s, millis: ms }, null, 2) + '\n');
      else
        process.stdout.write(
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`sourcewise: ${msg}\n`);
    if (!(err instanceof UsageError) && !(err instanceof TypeError && /parseArgs|option/i.test(msg)) && process.env.SOURCEWISE_DEBUG) {
      process.stderr.write(String((err as Error).stack) + '\n');
    }
    process.exit(2);
  },
);

/** "1 error", "2 errors". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
