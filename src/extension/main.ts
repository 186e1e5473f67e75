/**
 * Sourcewise VS Code client: starts the language server (dist/server.js over node
 * IPC), shows the status bar item and registers the UI commands. The engine never
 * runs in the extension host.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../server/flags';
import { browseSources, citeCurrentSentence, FACTS_SCHEME, FactsProvider, showFacts } from './commands';
import { RestartPolicy } from './restart';
import { StatusItem, type StatusParams } from './status';
import { SourceWatcher } from './watcher';

let client: LanguageClient | undefined;

/** Restarts the server after a crash; at most one message per kind (see RestartPolicy). */
class OneMessageErrorHandler implements ErrorHandler {
  private policy = new RestartPolicy();

  constructor(private status: StatusItem) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const d = this.policy.onClose();
    if (d.message) void vscode.window.showErrorMessage(d.message);
    if (!d.restart) {
      this.status.stopped(d.message ?? 'Sourcewise: the language server stopped.');
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

function selector(languages: string[]): LanguageClientOptions['documentSelector'] {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const languages = vscode.workspace.getConfiguration('sourcewise').get<string[]>('languages') ?? ['markdown', 'plaintext'];
  const status = new StatusItem();
  context.subscriptions.push(status);

  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(languages),
    synchronize: { configurationSection: 'sourcewise' },
    initializationOptions: {
      storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath,
      clientWatchesSources: true,
      // Restricted mode: the server then reads no workspace file as a source (bundled seeds only).
      trusted: vscode.workspace.isTrusted,
    },
    markdown: { isTrusted: { enabledCommands: ['sourcewise.showFacts'] }, supportHtml: false },
    errorHandler: new OneMessageErrorHandler(status),
  };
  const c = new LanguageClient('sourcewise', 'Sourcewise', serverOptions, clientOptions);
  client = c;

  const facts = new FactsProvider();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(FACTS_SCHEME, facts),
    vscode.commands.registerCommand('sourcewise.showFacts', (name?: unknown) => showFacts(c, facts, name)),
    vscode.commands.registerCommand('sourcewise.citeSentence', () => citeCurrentSentence(c)),
    vscode.commands.registerCommand('sourcewise.browse', () => browseSources(c)),
    c.onNotification('sourcewise/status', (p: StatusParams) => status.update(p)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('sourcewise.languages')) return;
      const reload = 'Reload Window';
      const choice = await vscode.window.showInformationMessage('Sourcewise: reload the window to apply the new languages.', reload);
      if (choice === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );

  // Tell the server where the cursor is, so the sentence being typed is reported once left.
  let cursorTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const doc = e.textEditor.document;
      if (!languages.includes(doc.languageId) || !c.isRunning()) return;
      if (cursorTimer) clearTimeout(cursorTimer);
      cursorTimer = setTimeout(() => {
        const active = e.selections[0]?.active;
        if (!active) return;
        void c.sendNotification('sourcewise/cursor', {
          uri: doc.uri.toString(),
          position: c.code2ProtocolConverter.asPosition(active),
        });
      }, 150);
    }),
    { dispose: () => cursorTimer && clearTimeout(cursorTimer) },
  );

  try {
    await c.start();
  } catch (err) {
    const message = `Sourcewise: the language server could not start (${err instanceof Error ? err.message : String(err)}).`;
    status.stopped(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  context.subscriptions.push(
    new SourceWatcher(c),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void c.sendNotification('sourcewise/trust', { trusted: true })),
  );
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
