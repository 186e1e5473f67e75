/**
 * The e2e scenarios again, inside VS Code desktop through the extension API (no UI automation):
 * open the draft, wait for diagnostics, hover a name, apply the preferred fix of a figure contradiction,
 * accept a citation completion. Run by test/vscode/run.mjs via @vscode/test-electron; `run()` is the
 * entry point VS Code calls in the extension host.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  citationTarget,
  figureContradiction,
  judgeCitation,
  judgeFigureFix,
  nameSpots,
  plain,
  roleFromCard,
} from '../e2e/scenario.mjs';

const EXTENSION_ID = 'sourcewise.sourcewise';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n\n');
}

interface Shared {
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  diagnostics: vscode.Diagnostic[];
}

const tests: [string, (s: Shared) => Promise<string>][] = [
  [
    'hover card on a name shows a role and an outlet',
    async ({ uri, doc }) => {
      const tried: string[] = [];
      for (const spot of nameSpots(doc.getText()).slice(0, 6)) {
        const pos = new vscode.Position(spot.line, spot.character + Math.floor(spot.name.length / 2));
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
        const card = hovers.map(hoverText).find((t) => /(^|\n)\s*Roles\s*(\n|$)/.test(plain(t)));
        if (!card) {
          tried.push(`${spot.name} (line ${spot.line + 1})`);
          continue;
        }
        const got = roleFromCard(card);
        if (got.error !== undefined) throw new Error(`${spot.name}: ${got.error}\n${card}`);
        return `${spot.name}: "${got.role}" per ${got.outlets.join(', ')}`;
      }
      throw new Error(`no fact card on any name; tried ${tried.join(', ')}`);
    },
  ],
  [
    'preferred fix replaces a contradicted figure',
    async ({ uri, doc, diagnostics }) => {
      const contradictions = diagnostics
        .filter((d) => d.source === 'sourcewise' && codeOf(d) === 'contradiction')
        .map((d) => ({ d, message: d.message }));
      const pick = figureContradiction(contradictions);
      assert.ok(pick, `no contradiction among ${diagnostics.length} diagnostics`);
      const { d } = pick;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred, `no preferred fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(preferred.edit, `the preferred fix "${preferred.title}" has no edit`);
      const before = doc.getText();
      assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'applyEdit returned false');
      const diff = judgeFigureFix(before, doc.getText(), {
        line: d.range.start.line,
        character: d.range.start.character,
        message: d.message,
        title: preferred.title,
      });
      await doc.save();
      return `"${preferred.title}": "${diff.removed}" → "${diff.inserted}" on line ${d.range.start.line + 1}`;
    },
  ],
  [
    'citation completion inserts a footnote marker and definition',
    async ({ uri, doc }) => {
      const problems = vscode.languages.getDiagnostics(uri).map((d) => d.range.start);
      const target = citationTarget(doc.getText(), problems);
      assert.ok(target, 'no prose sentence without problems to cite');
      const before = doc.getText();
      // What typing `[^` produces with auto-closing brackets on: `[^]`, caret before the `]`.
      const at = new vscode.Position(target.line, target.character);
      const typed = new vscode.WorkspaceEdit();
      typed.insert(uri, at, '[^]');
      assert.ok(await vscode.workspace.applyEdit(typed));
      const caret = at.translate(0, 2);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        caret,
        '^',
      );
      const item = list.items.find((i) => i.kind === vscode.CompletionItemKind.Reference) ?? list.items[0];
      assert.ok(item, `no completion items after "[^" on line ${target.line + 1}`);
      // Accept it the way the editor does: the main edit, then the additional ones.
      const accept = new vscode.WorkspaceEdit();
      const range = item.range === undefined ? new vscode.Range(at, caret.translate(0, 1))
        : 'inserting' in item.range ? item.range.replacing : item.range;
      const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
      accept.replace(uri, range, insert ?? (typeof item.label === 'string' ? item.label : item.label.label));
      for (const e of item.additionalTextEdits ?? []) accept.replace(uri, e.range, e.newText);
      assert.ok(await vscode.workspace.applyEdit(accept));
      const got = judgeCitation(before, doc.getText(), target);
      await doc.save();
      const label = typeof item.label === 'string' ? item.label : item.label.label;
      return `line ${target.line + 1}: "${label}" → ${got.marker}, "${got.definition.slice(0, 80)}"`;
    },
  ],
];

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'draft.md'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository?)`);
  await until('the extension to activate', 60_000, () => (ext.isActive ? true : undefined));
  const diagnostics = await until('Sourcewise diagnostics on draft.md', 60_000, () => {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcewise');
    return ds.length ? ds : undefined;
  });
  console.log(`[vscode] ${diagnostics.length} diagnostics: ${[...new Set(diagnostics.map(codeOf))].join(', ')}`);

  let failed = 0;
  for (const [name, test] of tests) {
    try {
      const detail = await test({ uri, doc, diagnostics });
      console.log(`[vscode] ok   ${name}: ${detail}`);
    } catch (err) {
      failed++;
      console.log(`[vscode] FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(`[vscode] ${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${tests.length} VS Code scenarios failed`);
}
