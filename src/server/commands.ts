/**
 * workspace/executeCommand handlers. Commands that need UI on the client
 * (fact sheet, browse, cite) return data; the rest act and report via messages.
 */
import * as path from 'node:path';
import fg from 'fast-glob';
import type { Position, TextEdit } from 'vscode-languageserver/node';
import { readTextFile } from '../engine/sources/read';
import type { SourceDoc } from '../engine/types';
import { citationEdits } from './citations';
import { candidatesAt, targetFor } from './completion';
import type { ServerContext } from './context';
import type { Checker } from './diagnostics';
import { factSheetData, factSheetDocument } from './markdown';
import { sourceName } from '../engine/store';
import { checksLanguage } from './settings';
import { toUri, truncate, uriToPath } from './util';

export const COMMANDS = [
  'sourcewise.reindex',
  'sourcewise.acceptClaim',
  'sourcewise.toggleChecking',
  'sourcewise.checkAll',
  'sourcewise.factsFor',
  'sourcewise.browseSources',
  'sourcewise.citeCandidates',
  'sourcewise.citationFor',
  'sourcewise.listNames',
  'sourcewise.listAccepted',
  'sourcewise.removeAccepted',
] as const;

/** Cite Current Sentence leaves out candidates scoring under this share of the best one. */
export const CITE_KEEP_SHARE = 0.6;
/** At most this many names are offered when Show Facts finds no name under the cursor. */
const MAX_NAMES = 400;

export interface CommandHost {
  ctx: ServerContext;
  checker: Checker;
  reindex(reason: string): Promise<void>;
  sendStatus(message?: string): void;
}

const MAX_BROWSE_SENTENCES = 400;
const MAX_CHECK_ALL_FILES = 2000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positionArg(v: unknown): Position | undefined {
  if (isRecord(v) && typeof v.line === 'number' && typeof v.character === 'number') return { line: v.line, character: v.character };
  return undefined;
}

/** Simple sentence split of a source's body for browsing. */
export function sourceSentences(doc: SourceDoc): { line: number; character: number; text: string }[] {
  const out: { line: number; character: number; text: string }[] = [];
  const text = doc.text;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const pos = (o: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - lineStarts[lo]! };
  };
  const spans = doc.body.length ? doc.body : [{ start: 0, end: text.length }];
  for (const span of spans) {
    const chunk = text.slice(span.start, span.end);
    const re = /[^\r\n]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) {
      const lineText = m[0];
      const parts = lineText.split(/(?<=[.!?]["'\u201D\u2019)]?)\s+(?=["'\u201C\u2018(]?[A-Z0-9])/);
      let from = 0;
      for (const part of parts) {
        const idx = lineText.indexOf(part, from);
        from = idx + part.length;
        const t = part.trim();
        if (t.length < 20) continue;
        const p = pos(span.start + m.index + idx + (part.length - part.trimStart().length));
        out.push({ line: p.line, character: p.character, text: t });
        if (out.length >= MAX_BROWSE_SENTENCES) return out;
      }
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/**
 * The word around an offset, scanned outward a character at a time (at most 100 each way).
 * `/[\p{L}\p{N}'’-]*$/` over the text before the offset started a match at every letter
 * of a long run that did not reach the offset: quadratic.
 */
export function wordAt(text: string, offset: number): string {
  let a = offset;
  while (a > 0 && offset - a < 100 && WORD_CHAR.test(text[a - 1]!)) a--;
  let b = offset;
  while (b < text.length && b - offset < 100 && WORD_CHAR.test(text[b]!)) b++;
  return text.slice(a, b).trim();
}

export async function executeCommand(host: CommandHost, command: string, args: unknown[]): Promise<unknown> {
  const { ctx, checker } = host;
  const arg = args[0];
  switch (command) {
    case 'sourcewise.reindex': {
      const t0 = Date.now();
      await host.reindex('Reindex Sources');
      const corpus = ctx.sources.corpus;
      return corpus
        ? { sources: corpus.docs.length, skipped: ctx.sources.skipped, usingSeeds: ctx.sources.usingSeeds, millis: Date.now() - t0 }
        : null;
    }
    case 'sourcewise.acceptClaim': {
      if (!isRecord(arg) || typeof arg.uri !== 'string' || typeof arg.key !== 'string') {
        throw new Error('sourcewise.acceptClaim expects { uri, key }');
      }
      let file: string | undefined;
      try {
        file = await ctx.accepted.add(uriToPath(arg.uri), arg.key);
      } catch (err) {
        // Not written (a link where .sourcewise or accepted.json should be, say): the claim is
        // accepted for this session, and the writer is told why it was not saved.
        const reason = err instanceof Error ? err.message : String(err);
        void ctx.connection.window.showWarningMessage(`Sourcewise accepted the claim for this session but did not save it: ${reason}.`);
        await checker.checkOpen(arg.uri);
        return { file: null, folder: ctx.accepted.folderFor(uriToPath(arg.uri)) ?? null, key: arg.key, error: reason };
      }
      await checker.checkOpen(arg.uri);
      return { file: file ?? null, folder: ctx.accepted.folderFor(uriToPath(arg.uri)) ?? null, key: arg.key };
    }
    case 'sourcewise.toggleChecking': {
      ctx.checkingEnabled = !ctx.checkingEnabled;
      if (ctx.checkingEnabled) {
        for (const doc of ctx.documents.all()) void checker.checkOpen(doc.uri);
      } else checker.clearAll();
      host.sendStatus();
      if (!ctx.clientShowsMessages) {
        ctx.tell('info', ctx.checkingEnabled ? 'Sourcewise checking is on.' : 'Sourcewise checking is off.');
      }
      return { enabled: ctx.checkingEnabled };
    }
    case 'sourcewise.checkAll':
      return checkAll(host);
    case 'sourcewise.factsFor': {
      const corpus = ctx.sources.corpus;
      if (!corpus) return null;
      let name: string | undefined;
      if (typeof arg === 'string') name = arg;
      else if (isRecord(arg)) {
        if (typeof arg.name === 'string') name = arg.name;
        const position = positionArg(arg.position);
        const doc = typeof arg.uri === 'string' ? ctx.documents.get(arg.uri) : undefined;
        if (!name && doc && position) {
          const text = doc.getText();
          const offset = doc.offsetAt(position);
          name = corpus.nameAt(text, offset)?.name;
          if (!name) {
            // Fall back to the word under the cursor.
            name = wordAt(text, offset) || undefined;
          }
        }
      }
      if (!name) return null;
      const sheet = corpus.facts(name);
      return sheet ? { name: sheet.name, markdown: factSheetDocument(sheet), sheet: factSheetData(sheet) } : { name, markdown: null };
    }
    case 'sourcewise.listNames': {
      const corpus = ctx.sources.corpus;
      if (!corpus) return { names: [] };
      // Sentences that mention each entity (once the analysis is done; before, every count is 0 and names go alphabetically).
      const counts = new Map<number, number>();
      if (corpus.analysedAll) {
        for (const rec of corpus.store.sents) {
          if (!rec?.alive) continue;
          const seen = new Set<number>();
          for (const m of rec.mentions) {
            const id = corpus.registry.get(m.entity)?.id ?? m.entity;
            if (seen.has(id)) continue;
            seen.add(id);
            counts.set(id, (counts.get(id) ?? 0) + 1);
          }
        }
      }
      const names = corpus.registry
        .all()
        .filter((e) => e.kind === 'person' || e.kind === 'organization' || e.kind === 'place')
        .map((e) => ({ name: e.name, kind: e.kind, mentions: counts.get(e.id) ?? 0 }))
        .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
        .slice(0, MAX_NAMES);
      return { names };
    }
    case 'sourcewise.listAccepted':
      return { claims: ctx.accepted.list() };
    case 'sourcewise.removeAccepted': {
      const list = isRecord(arg) && Array.isArray(arg.claims) ? arg.claims : [];
      const claims = list
        .filter(isRecord)
        .filter((c) => typeof c.key === 'string')
        .map((c) => ({ key: c.key as string, folder: typeof c.folder === 'string' ? c.folder : undefined }));
      const removed = await ctx.accepted.remove(claims);
      if (removed) checker.recheckAll();
      return { removed };
    }
    case 'sourcewise.browseSources': {
      const corpus = ctx.sources.corpus;
      if (!corpus) return { sources: [] };
      return {
        sources: corpus.docs.map((d) => ({
          path: d.path,
          uri: toUri(d.path),
          file: d.file,
          outlet: d.outlet ?? null,
          name: sourceName(d),
          title: d.title ?? null,
          date: d.date ?? null,
          sentences: sourceSentences(d),
        })),
      };
    }
    case 'sourcewise.citeCandidates': {
      if (!isRecord(arg) || typeof arg.uri !== 'string') throw new Error('sourcewise.citeCandidates expects { uri, position }');
      const doc = ctx.documents.get(arg.uri);
      const position = positionArg(arg.position);
      if (!doc || !position) return { items: [] };
      const text = doc.getText();
      const { sentence, candidates } = candidatesAt(ctx, doc, doc.offsetAt(position), undefined, 10);
      if (!sentence) return { items: [] };
      const end = doc.offsetAt(sentence.range.end);
      // A candidate far below the best is noise to choose from, not a citation.
      const best = candidates[0]?.score ?? 0;
      const close = candidates.filter((c) => c.score >= best * CITE_KEEP_SHARE);
      return {
        sentence: sentence.text,
        items: close.map((c) => {
          const target = targetFor(ctx, c);
          const e = citationEdits(text, { start: end, end }, target, ctx.settings.citationStyle, uriToPath(doc.uri));
          return {
            label: sourceName(target),
            description: `line ${target.line + 1} · ${Math.round(c.score * 100)}%`,
            detail: truncate(c.text, 200),
            edits: [e.main, ...e.additional] satisfies TextEdit[],
          };
        }),
      };
    }
    case 'sourcewise.citationFor': {
      if (!isRecord(arg) || typeof arg.uri !== 'string' || !isRecord(arg.source)) {
        throw new Error('sourcewise.citationFor expects { uri, position, source: { path, line, text } }');
      }
      const doc = ctx.documents.get(arg.uri);
      const position = positionArg(arg.position);
      const s = arg.source;
      if (!doc || !position || typeof s.path !== 'string' || typeof s.line !== 'number' || typeof s.text !== 'string') return { edits: [] };
      const src = ctx.sources.doc(s.path);
      const text = doc.getText();
      const offset = doc.offsetAt(position);
      const e = citationEdits(
        text,
        { start: offset, end: offset },
        {
          path: s.path,
          file: src?.file ?? path.basename(s.path),
          outlet: src?.outlet,
          title: src?.title,
          date: src?.date,
          line: s.line,
          character: typeof s.character === 'number' ? s.character : 0,
          text: s.text,
        },
        ctx.settings.citationStyle,
        uriToPath(doc.uri),
      );
      return { edits: [e.main, ...e.additional] };
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

async function checkAll(host: CommandHost): Promise<{ files: number; findings: number; skipped: number; message: string }> {
  const { ctx, checker } = host;
  let files = 0;
  let findings = 0;
  let skipped = 0;
  const open = new Set(ctx.documents.all().map((d) => d.uri));
  for (const doc of ctx.documents.all()) {
    if (!checker.isDraft(doc)) continue;
    await checker.checkOpen(doc.uri);
    files++;
    findings += checker.results(doc.uri).length;
  }
  const exts: string[] = [];
  if (ctx.settings.languages.includes('markdown')) exts.push('md', 'markdown');
  if (checksLanguage(ctx.settings, 'plaintext')) exts.push('txt');
  if (exts.length) {
    for (const folder of ctx.folders) {
      const found = await fg(`**/*.{${exts.join(',')}}`, {
        cwd: folder,
        absolute: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
        ignore: ['**/node_modules/**', '**/.git/**', '**/.sourcewise/**', '**/dist/**', '**/out/**'],
      });
      for (const file of found.slice(0, MAX_CHECK_ALL_FILES)) {
        const abs = path.normalize(file);
        const uri = toUri(abs);
        if (open.has(uri) || ctx.sources.matches(abs)) continue;
        // The checks sources get: a regular file only (a FIFO or device put there cannot hang
        // the server), a size limit, text. Larger than maxFileSize (up to 4×) is read, and the
        // checker reports it as too large to check.
        const read = readTextFile(abs, ctx.settings.maxFileSize * 4);
        if (!read.ok) {
          skipped++;
          continue;
        }
        const text = read.text;
        files++;
        findings += await checker.publishClosed(uri, text, /\.txt$/i.test(abs) ? 'plaintext' : 'markdown');
      }
    }
  }
  const message = `Sourcewise checked ${files} draft${files === 1 ? '' : 's'}: ${findings} finding${findings === 1 ? '' : 's'}${
    skipped ? ` (${skipped} skipped)` : ''
  }.`;
  host.sendStatus(message);
  if (!ctx.clientShowsMessages) ctx.tell('info', message);
  return { files, findings, skipped, message };
}
