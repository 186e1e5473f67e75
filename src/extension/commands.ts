/**
 * Client-side commands that need VS Code UI: Show Facts for Name (a webview), Cite Current
 * Sentence and Browse Sources (Quick Picks), Review Accepted Claims, Choose Sources Folder and the
 * sample draft of the walkthrough. The data comes from the server's executeCommand handlers.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type TextEdit } from 'vscode-languageclient/node';
import { factSheetHtml, OPEN_SOURCE_COMMAND, type FactSheetData } from './factsHtml';

/** The one fact-sheet view, reused for every name. */
export class FactSheetView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(sheet: FactSheetData): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'sourcewise.facts',
        `Facts: ${sheet.name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // No script runs in the page; its only links are command URIs of sourcewise.openSource.
        { enableScripts: false, enableCommandUris: [OPEN_SOURCE_COMMAND], localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = `Facts: ${sheet.name}`;
    const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    this.panel.webview.html = factSheetHtml(sheet, { cspSource: this.panel.webview.cspSource, nonce });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Opens a source at a sentence (the fact sheet's links), read-only when it is a bundled seed. */
export async function openSource(uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const l = typeof line === 'number' ? line : 0;
  const c = typeof character === 'number' ? character : 0;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const start = new vscode.Position(l, c);
  // The sentence: to the end of the line or the first sentence end after the start.
  const rest = doc.lineAt(Math.min(l, doc.lineCount - 1)).text.slice(c);
  const m = /^.*?[.!?]["'”’)]?(?=\s|$)/.exec(rest);
  const end = new vscode.Position(l, c + (m ? m[0].length : rest.length));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, end), preview: true, viewColumn: vscode.ViewColumn.One });
}

async function serverCommand<T>(client: LanguageClient, command: string, ...args: unknown[]): Promise<T | undefined> {
  if (!client.isRunning()) {
    void vscode.window.showWarningMessage('Sourcewise: the language server is not running.');
    return undefined;
  }
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T | undefined;
}

function draftEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  const languages = vscode.workspace.getConfiguration('sourcewise').get<string[]>('languages') ?? ['markdown', 'plaintext'];
  if (!editor || !languages.includes(editor.document.languageId)) return undefined;
  return editor;
}

async function applyEdits(client: LanguageClient, doc: vscode.TextDocument, edits: TextEdit[]): Promise<boolean> {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
  return vscode.workspace.applyEdit(we);
}

interface FactsResult {
  name: string;
  markdown: string | null;
  sheet?: FactSheetData;
}

interface NameItem extends vscode.QuickPickItem {
  name: string;
}

/** Lets the writer pick a name the sources know, when the cursor is on none (or on a word they do not know). */
async function pickName(client: LanguageClient, notFound?: string): Promise<string | undefined> {
  const r = await serverCommand<{ names: { name: string; kind: string; mentions: number }[] }>(client, 'sourcewise.listNames');
  if (!r?.names.length) {
    void vscode.window.showInformationMessage('Sourcewise: the sources name no one yet.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick<NameItem>(
    r.names.map((n) => ({ label: n.name, description: n.kind, detail: `${n.mentions} mention${n.mentions === 1 ? '' : 's'}`, name: n.name })),
    {
      title: 'Sourcewise: Show Facts for Name',
      placeHolder: notFound ? `“${notFound}” is not a name in the sources: pick one` : 'Pick a name the sources mention',
      matchOnDescription: true,
    },
  );
  return pick?.name;
}

export async function showFacts(client: LanguageClient, view: FactSheetView, name?: unknown): Promise<void> {
  let arg: unknown;
  if (typeof name === 'string' && name.trim()) arg = { name };
  else {
    const editor = draftEditor();
    if (!editor) {
      const picked = await pickName(client);
      if (!picked) return;
      arg = { name: picked };
    } else {
      arg = {
        uri: editor.document.uri.toString(),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      };
    }
  }
  let r = await serverCommand<FactsResult | null>(client, 'sourcewise.factsFor', arg);
  if (!r?.sheet) {
    const picked = await pickName(client, r?.name);
    if (!picked) return;
    r = await serverCommand<FactsResult | null>(client, 'sourcewise.factsFor', { name: picked });
    if (!r?.sheet) return;
  }
  view.show(r.sheet);
}

interface CiteItem extends vscode.QuickPickItem {
  edits: TextEdit[];
}

export async function citeCurrentSentence(client: LanguageClient): Promise<void> {
  const editor = draftEditor();
  if (!editor) {
    void vscode.window.showInformationMessage('Sourcewise: open a Markdown or plain-text draft to cite a sentence.');
    return;
  }
  const doc = editor.document;
  const version = doc.version;
  const r = await serverCommand<{ sentence?: string; items: { label: string; description: string; detail: string; edits: TextEdit[] }[] }>(
    client,
    'sourcewise.citeCandidates',
    { uri: doc.uri.toString(), position: client.code2ProtocolConverter.asPosition(editor.selection.active) },
  );
  if (!r || !r.items.length) {
    void vscode.window.showInformationMessage('Sourcewise: no source supports this sentence.');
    return;
  }
  const pick = await vscode.window.showQuickPick<CiteItem>(
    r.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, edits: i.edits })),
    {
      title: r.sentence ? `Cite: ${r.sentence.slice(0, 80)}` : 'Cite current sentence',
      placeHolder: 'Sources that support this sentence, best first',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!pick) return;
  if (doc.version !== version) {
    void vscode.window.showWarningMessage('Sourcewise: the draft changed; run Cite Current Sentence again.');
    return;
  }
  await applyEdits(client, doc, pick.edits);
}

interface BrowseSource {
  path: string;
  uri: string;
  file: string;
  name?: string;
  outlet: string | null;
  title: string | null;
  date: string | null;
  sentences: { line: number; character: number; text: string }[];
}

interface SentenceItem extends vscode.QuickPickItem {
  source?: BrowseSource;
  sentence?: { line: number; character: number; text: string };
}

export async function browseSources(client: LanguageClient): Promise<void> {
  const r = await serverCommand<{ sources: BrowseSource[] }>(client, 'sourcewise.browseSources');
  if (!r || !r.sources.length) {
    void vscode.window.showInformationMessage('Sourcewise: no sources are loaded.');
    return;
  }
  const editor = draftEditor();
  const items: SentenceItem[] = [];
  for (const s of r.sources) {
    items.push({ label: [s.name ?? s.outlet, s.outlet && s.title ? s.title : undefined].filter(Boolean).join(' — ') || s.file, kind: vscode.QuickPickItemKind.Separator });
    for (const sentence of s.sentences) {
      items.push({
        label: sentence.text.length > 120 ? `${sentence.text.slice(0, 119)}…` : sentence.text,
        description: s.name ?? s.outlet ?? s.file,
        detail: `line ${sentence.line + 1}${s.date ? ` · ${s.date}` : ''}`,
        source: s,
        sentence,
      });
    }
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Sourcewise: Browse Sources',
    placeHolder: 'Search source sentences',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick?.source || !pick.sentence) return;
  const OPEN = '$(go-to-file) Open source at this line';
  const CITE = '$(quote) Insert citation at cursor';
  const action = editor
    ? await vscode.window.showQuickPick([CITE, OPEN], { title: pick.label })
    : OPEN;
  if (action === OPEN) {
    await openSource(pick.source.uri, pick.sentence.line, pick.sentence.character);
  } else if (action === CITE && editor) {
    const res = await serverCommand<{ edits: TextEdit[] }>(client, 'sourcewise.citationFor', {
      uri: editor.document.uri.toString(),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      source: { path: pick.source.path, line: pick.sentence.line, character: pick.sentence.character, text: pick.sentence.text },
    });
    if (res?.edits.length) await applyEdits(client, editor.document, res.edits);
  }
}

interface AcceptedClaim {
  folder?: string;
  key: string;
  code: string;
  sentence: string;
}

interface ClaimItem extends vscode.QuickPickItem {
  claim: AcceptedClaim;
}

const CODE_NAMES: Record<string, string> = {
  contradiction: 'contradiction',
  'role-mismatch': 'title',
  'quote-misattributed': 'quote attribution',
  'quote-not-in-sources': 'quote not in the sources',
  'sources-disagree': 'sources disagree',
  unsupported: 'not in the sources',
};

/** Takes accepted claims back; their findings are shown again. */
export async function removeAccepted(client: LanguageClient, claims: { folder?: string; key: string }[]): Promise<number> {
  const r = await serverCommand<{ removed: number }>(client, 'sourcewise.removeAccepted', { claims });
  return r?.removed ?? 0;
}

/** Review Accepted Claims: every claim "Accept this claim" silenced, to take back the ones picked. */
export async function reviewAccepted(client: LanguageClient): Promise<void> {
  const r = await serverCommand<{ claims: AcceptedClaim[] }>(client, 'sourcewise.listAccepted');
  if (!r) return;
  if (!r.claims.length) {
    void vscode.window.showInformationMessage('Sourcewise: no claims are accepted. "Accept this claim" in a finding\'s quick fixes adds one.');
    return;
  }
  const folders = new Set(r.claims.map((c) => c.folder ?? ''));
  const picks = await vscode.window.showQuickPick<ClaimItem>(
    r.claims.map((c) => ({
      label: c.sentence.length > 110 ? `${c.sentence.slice(0, 109)}…` : c.sentence,
      description: CODE_NAMES[c.code] ?? c.code,
      detail: folders.size > 1 && c.folder ? path.basename(c.folder) : undefined,
      claim: c,
    })),
    {
      title: `Sourcewise: Accepted Claims (${r.claims.length})`,
      placeHolder: 'Select the claims to take back: their findings will be shown again',
      canPickMany: true,
      matchOnDescription: true,
    },
  );
  if (!picks?.length) return;
  const removed = await removeAccepted(client, picks.map((p) => ({ folder: p.claim.folder, key: p.claim.key })));
  void vscode.window.showInformationMessage(`Sourcewise: took back ${removed} accepted claim${removed === 1 ? '' : 's'}; ${removed === 1 ? 'its finding is' : 'their findings are'} shown again.`);
}

/** Point Sourcewise at your sources: a folder picked in the workspace becomes `sourcewise.sources`. */
export async function chooseSources(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Sourcewise: open the folder your drafts are in first (File > Open Folder), then choose the sources folder inside it.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: folder.uri,
    openLabel: 'Use as Sources',
    title: 'Sourcewise: the folder of articles you report from (.md, .txt, .html)',
  });
  const dir = picked?.[0];
  if (!dir) return;
  const owner = vscode.workspace.getWorkspaceFolder(dir);
  const rel = owner ? path.posix.normalize(path.relative(owner.uri.fsPath, dir.fsPath).split(path.sep).join('/')) : undefined;
  const glob = rel === undefined ? `${dir.fsPath.split(path.sep).join('/')}/**/*.{md,txt,html}` : `${rel === '.' || rel === '' ? '' : `${rel}/`}**/*.{md,txt,html}`;
  await vscode.workspace.getConfiguration('sourcewise', owner?.uri ?? folder.uri).update('sources', [glob], vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Sourcewise: sources are now ${glob}.`);
}

/** A short draft about the bundled seed articles, with one mistake to find: the walkthrough's sample. */
export const SAMPLE_DRAFT = `# Istanbul talks end without a truce

Russian and Ukrainian officials met face to face in Istanbul on Friday. Turkish Foreign Minister Hakan Fidan warned both delegations that the path ahead could lead to peace or to more bloodshed.

The meeting at the Dolmabahce Palace lasted three hours and ended without agreement on a ceasefire.

Both countries agreed to release 1,000 prisoners of war each.
`;

/** Opens the sample draft (untitled, so nothing is written anywhere); it is checked against the bundled seeds. */
export async function openSample(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_DRAFT });
  await vscode.window.showTextDocument(doc, { preview: false });
}
