/**
 * Client-side commands that need VS Code UI: Show Facts for Name (a read-only
 * Markdown preview), Cite Current Sentence and Browse Sources (Quick Picks).
 * The data comes from the server's executeCommand handlers.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type TextEdit } from 'vscode-languageclient/node';

export const FACTS_SCHEME = 'sourcewise-facts';

/** Read-only documents holding fact sheets. */
export class FactsProvider implements vscode.TextDocumentContentProvider {
  private contents = new Map<string, string>();
  private emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.contents.set(uri.toString(), markdown);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
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

export async function showFacts(client: LanguageClient, facts: FactsProvider, name?: unknown): Promise<void> {
  let arg: unknown;
  if (typeof name === 'string' && name.trim()) arg = { name };
  else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const typed = await vscode.window.showInputBox({ prompt: 'Name to look up in the sources' });
      if (!typed) return;
      arg = { name: typed };
    } else {
      arg = {
        uri: editor.document.uri.toString(),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      };
    }
  }
  const r = await serverCommand<{ name: string; markdown: string | null } | null>(client, 'sourcewise.factsFor', arg);
  if (!r) {
    void vscode.window.showInformationMessage('Sourcewise: no name under the cursor.');
    return;
  }
  if (!r.markdown) {
    void vscode.window.showInformationMessage(`Sourcewise: the sources say nothing about "${r.name}".`);
    return;
  }
  const slug = r.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'facts';
  const uri = vscode.Uri.from({ scheme: FACTS_SCHEME, path: `/Facts - ${slug}.md` });
  facts.set(uri, r.markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  }
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
    { title: r.sentence ? `Cite: ${r.sentence.slice(0, 80)}` : 'Cite current sentence', matchOnDescription: true, matchOnDetail: true },
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
    items.push({ label: [s.outlet, s.title].filter(Boolean).join(' — ') || s.file, kind: vscode.QuickPickItemKind.Separator });
    for (const sentence of s.sentences) {
      items.push({
        label: sentence.text.length > 120 ? `${sentence.text.slice(0, 119)}…` : sentence.text,
        description: s.outlet ?? s.file,
        detail: `${s.file}:${sentence.line + 1}${s.date ? ` · ${s.date}` : ''}`,
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
    const uri = vscode.Uri.parse(pick.source.uri);
    const start = new vscode.Position(pick.sentence.line, pick.sentence.character);
    const doc = await vscode.workspace.openTextDocument(uri);
    const end = doc.positionAt(doc.offsetAt(start) + pick.sentence.text.length);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, end), preview: true });
  } else if (action === CITE && editor) {
    const res = await serverCommand<{ edits: TextEdit[] }>(client, 'sourcewise.citationFor', {
      uri: editor.document.uri.toString(),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      source: { path: pick.source.path, line: pick.sentence.line, character: pick.sentence.character, text: pick.sentence.text },
    });
    if (res?.edits.length) await applyEdits(client, editor.document, res.edits);
  }
}
