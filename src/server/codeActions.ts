/**
 * Code actions: the engine's fixes for each Sourcewise diagnostic, "Accept this
 * claim" (a server command that records the claim in .sourcewise/accepted.json),
 * and "Cite <outlet>: '…'" for a sentence the sources support.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { citationEdits, defSource, parseFootnotes } from './citations';
import { candidatesAt, targetFor } from './completion';
import type { ServerContext } from './context';
import { rangesTouch, SOURCE, type Checker, type CheckedDiagnostic } from './diagnostics';
import { truncate, uriToPath } from './util';
import { sourceName } from '../engine/store';

const CITE_LIMIT = 2;

/**
 * Citing a sentence the sources support is not a fix of a problem: it is offered as a source action
 * (VS Code lists it under "Source Action…", and shows no lightbulb for it), not as a quick fix.
 */
export const CITE_ACTION_KIND = `${CodeActionKind.Source}.sourcewise.cite`;

/** Whether a code action of `kind` is among those the client asked for (`only`). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

function sameRange(a: LspDiagnostic['range'], b: LspDiagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The checked diagnostic an editor sent back: by the finding's own id in `data`, else by code and exact range. */
function match(checker: Checker, uri: string, d: LspDiagnostic): CheckedDiagnostic | undefined {
  const data = d.data as { key?: unknown; id?: unknown } | undefined;
  // Editors that count columns in bytes (Neovim 0.7) send back ranges that differ from ours, and
  // a finding shown while its sentence is typed has moved: its id still names it.
  if (typeof data?.id === 'string') {
    const byId = checker.current(uri).find((r) => r.id === data.id);
    if (byId) return byId;
  }
  const hits = checker.resultsAt(uri, d.range).filter((r) => r.lsp.code === d.code && sameRange(r.lsp.range, d.range));
  return hits.find((h) => h.key === data?.key) ?? hits[0];
}

export function provideCodeActions(ctx: ServerContext, checker: Checker, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = ctx.documents.get(uri);
  if (!doc || !checker.isDraft(doc)) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    // An editor may send one diagnostic twice, or two of one sentence with the same accept key:
    // each finding's fixes once, and "Accept this claim" once per claim.
    const seen = new Set<CheckedDiagnostic>();
    const accepting = new Set<string>();
    const found: { d: LspDiagnostic; hit: CheckedDiagnostic }[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const hit = match(checker, uri, d);
      if (!hit || seen.has(hit)) continue;
      seen.add(hit);
      found.push({ d, hit });
    }
    // Some editors send every diagnostic of the line (Neovim): when some are where the cursor is, those are meant.
    const here = found.filter((f) => rangesTouch(f.hit.lsp.range, params.range));
    for (const { d, hit } of here.length ? here : found) {
      for (const fix of hit.engine.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred ?? false,
          edit: { changes: { [uri]: fix.edits } },
        });
      }
      if (hit.key && !accepting.has(hit.key)) {
        accepting.add(hit.key);
        const words = truncate(hit.engine.draftSays ?? '', 40);
        actions.push({
          // Named by the words it accepts: two findings of one line must not read as the same action twice.
          title: `Accept this claim${words ? `: “${words}”` : ''} (Sourcewise)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: 'Accept this claim', command: 'sourcewise.acceptClaim', arguments: [{ uri, key: hit.key }] },
        });
      }
    }
  }
  if (!wanted(only, CITE_ACTION_KIND)) return actions;

  try {
    const text = doc.getText();
    const offset = doc.offsetAt(params.range.start);
    const { sentence, candidates } = candidatesAt(ctx, doc, offset, undefined, CITE_LIMIT + 2);
    if (sentence) {
      const end = doc.offsetAt(sentence.range.end);
      const { markers, defs } = parseFootnotes(text);
      const cited = new Set(
        markers
          .filter((m) => m.start >= doc.offsetAt(sentence.range.start) && m.start <= end + 1)
          .map((m) => {
            const def = defs.find((x) => x.label === m.label);
            return def ? defSource(def, ctx.sources.corpus?.docs ?? [])?.doc.file : undefined;
          })
          .filter((f): f is string => !!f),
      );
      let n = 0;
      for (const c of candidates) {
        if (n >= CITE_LIMIT) break;
        const target = targetFor(ctx, c);
        if (cited.has(target.file)) continue;
        const edits = citationEdits(text, { start: end, end }, target, ctx.settings.citationStyle, uriToPath(uri));
        actions.push({
          title: `Cite ${sourceName(target)}: '${truncate(c.text, 60)}'`,
          kind: CITE_ACTION_KIND,
          edit: { changes: { [uri]: [edits.main, ...edits.additional] } },
        });
        n++;
      }
    }
  } catch (err) {
    ctx.log(`cite actions failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
  return actions;
}
