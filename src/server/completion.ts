/**
 * Citation completion: typing `[^` (footnote) or `[@` (pandoc) offers the sources
 * that support the current sentence; accepting inserts the marker and, once per
 * source, the footnote definition at the end of the draft (one completion, with
 * `additionalTextEdits`).
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CitationCandidate, SentenceCitations } from '../engine/types';
import { citationEdits, type CitationTarget } from './citations';
import type { ServerContext } from './context';
import { checksLanguage, draftFormat } from './settings';
import { esc, evidenceLink } from './markdown';
import { boldMatches, matchedWords, sentenceLabel } from './matched';
import { sourceName } from '../engine/store';
import { uriToPath } from './util';

export const TRIGGER_CHARACTERS = ['^', '@'];
const LIMIT = 8;
/** Longest completion label: what fits beside the source's name and score in VS Code's suggest list. */
const LABEL_MAX = 38;

/** A candidate with the source's metadata, as a citation target. */
export function targetFor(ctx: ServerContext, c: CitationCandidate): CitationTarget {
  const doc = ctx.sources.doc(c.path);
  return {
    path: c.path,
    file: doc?.file ?? c.source,
    outlet: c.outlet ?? doc?.outlet,
    title: doc?.title,
    date: doc?.date,
    line: c.line,
    character: c.character,
    text: c.text,
  };
}

/** The sentence of `cites` that the offset is in, else the last one before it on the line. */
export function sentenceFor(doc: TextDocument, cites: SentenceCitations[], offset: number): SentenceCitations | undefined {
  let best: SentenceCitations | undefined;
  for (const s of cites) {
    const start = doc.offsetAt(s.range.start);
    const end = doc.offsetAt(s.range.end);
    if (offset >= start && offset <= end + 1) return s;
    if (end <= offset && (!best || doc.offsetAt(best.range.end) < end)) best = s;
  }
  return best;
}

/** Citation candidates for the sentence at `offset`, with `blank` spans blanked out first. */
export function candidatesAt(
  ctx: ServerContext,
  doc: TextDocument,
  offset: number,
  blank?: { start: number; end: number },
  limit = LIMIT,
): { sentence?: SentenceCitations; candidates: CitationCandidate[] } {
  const corpus = ctx.sources.corpus;
  if (!corpus) return { candidates: [] };
  let text = doc.getText();
  if (blank && blank.end > blank.start) text = text.slice(0, blank.start) + ' '.repeat(blank.end - blank.start) + text.slice(blank.end);
  const line = doc.positionAt(offset).line;
  const cites = corpus.citeSentences(text, { line, limit }, draftFormat(doc.languageId));
  const sentence = sentenceFor(doc, cites, offset);
  return { sentence, candidates: sentence?.candidates ?? [] };
}

export function provideCompletion(ctx: ServerContext, params: CompletionParams): CompletionList | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !checksLanguage(ctx.settings, doc.languageId)) return null;
  const text = doc.getText();
  const offset = doc.offsetAt(params.position);
  const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
  const before = text.slice(lineStart, offset);
  const m = /\[([\^@])([^\]\s[]*)$/.exec(before);
  if (!m) return null;
  // Not a footnote definition being written (`[^1]:` at the start of a line).
  const start = lineStart + m.index;
  const end = text[offset] === ']' ? offset + 1 : offset;
  const style = m[1] === '@' ? 'pandoc' : 'footnote';

  let found;
  try {
    found = candidatesAt(ctx, doc, offset, { start, end });
  } catch (err) {
    ctx.log(`completion failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return null;
  }
  const items: CompletionItem[] = [];
  const draftPath = uriToPath(doc.uri);
  const draftSentence = found.sentence?.text ?? '';
  found.candidates.forEach((c, i) => {
    const target = targetFor(ctx, c);
    const edits = citationEdits(text, { start, end }, target, style, draftPath);
    const name = sourceName(target);
    const matched = matchedWords(draftSentence, c.text);
    // VS Code's list is about 50 characters wide: the sentence gets most, its source and score the rest.
    const label = sentenceLabel(c.text, matched, LABEL_MAX);
    const score = `${Math.round(c.score * 100)}%`;
    items.push({
      // What the writer chooses between is the sentence that supports theirs: it is the label,
      // the source is its description and the score its detail, as VS Code's own lists show them.
      label,
      labelDetails: { description: `${name} ${score}` },
      kind: CompletionItemKind.Reference,
      detail: `${name}, line ${target.line + 1} · ${score} match`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${boldMatches(c.text, matched)}\n\n— ${esc(name)}, ${evidenceLink({ path: c.path, line: c.line })}${
          edits.reused ? `\n\n_Already cited as ${esc(edits.marker)}._` : ''
        }`,
      },
      sortText: String(i).padStart(4, '0'),
      filterText: `${m[0]}${name} ${c.text}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: edits.main.range, newText: edits.main.newText },
      additionalTextEdits: edits.additional,
      data: { score: c.score },
    });
  });
  return { isIncomplete: false, items };
}
