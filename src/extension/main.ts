/**
 * Sourcewise VS Code client: starts the language server (dist/server.js over node
 * IPC), shows the status bar item and its menu, and registers the UI commands. The
 * engine never runs in the extension host: every command asks the server.
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
import {
  browseSources,
  chooseSources,
  citeCurrentSentence,
  FactSheetView,
  openSample,
  openSource,
  removeAccepted,
  reviewAccepted,
  showFacts,
} from './commands';
import { OPEN_SOURCE_COMMAND } from './factsHtml';
import { RestartPolicy } from './restart';
import { StatusItem, type StatusParams } from './status';
import { statusMenu } from './statusMenu';
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
      // This client shows what commands did itself, with buttons (see the middleware below).
      clientShowsMessages: true,
      // Restricted mode: the server then reads no workspace file as a source (bundled seeds only).
      trusted: vscode.workspace.isTrusted,
    },
    markdown: { isTrusted: { enabledCommands: ['sourcewise.showFacts'] }, supportHtml: false },
    errorHandler: new OneMessageErrorHandler(status),
    middleware: {
      // The server's commands run as they are; what they did is shown here, where buttons can follow up.
      executeCommand: async (command, args, next) => {
        switch (command) {
          case 'sourcewise.reindex':
            return reindexWithFeedback(() => next(command, args));
          case 'sourcewise.checkAll':
            return checkAllWithFeedback(() => next(command, args));
          case 'sourcewise.toggleChecking': {
            const r = (await next(command, args)) as { enabled?: boolean } | undefined;
            // The status bar item says "checking off" (with a warning colour) until it is turned on again.
            if (typeof r?.enabled === 'boolean') status.setChecking(r.enabled);
            return r;
          }
          case 'sourcewise.acceptClaim': {
            const r = (await next(command, args)) as { folder?: string | null; key?: string } | undefined;
            if (r?.key) void acceptedFeedback(r.folder ?? undefined, r.key);
            return r;
          }
          default:
            return next(command, args);
        }
      },
    },
  };
  const c = new LanguageClient('sourcewise', 'Sourcewise', serverOptions, clientOptions);
  client = c;

  const reindexWithFeedback = async (run: () => Promise<unknown>): Promise<unknown> =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Sourcewise: reindexing sources…' }, async () => {
      const r = (await run()) as { sources?: number; skipped?: unknown[]; usingSeeds?: boolean; millis?: number } | null | undefined;
      if (r && typeof r.sources === 'number') {
        const skipped = r.skipped?.length ? `, ${r.skipped.length} skipped (see Output)` : '';
        const seeds = r.usingSeeds ? ' (the bundled sample articles)' : '';
        const pick = await vscode.window.showInformationMessage(
          `Sourcewise: reindexed ${r.sources} source${r.sources === 1 ? '' : 's'}${seeds}${skipped} in ${(r.millis ?? 0) < 1000 ? `${r.millis ?? 0} ms` : `${((r.millis ?? 0) / 1000).toFixed(1)} s`}.`,
          ...(r.skipped?.length ? ['Show Output'] : []),
        );
        if (pick === 'Show Output') c.outputChannel.show(true);
      }
      return r;
    });
  const checkAllWithFeedback = async (run: () => Promise<unknown>): Promise<unknown> => {
    const r = (await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Sourcewise: checking all drafts…' },
      run,
    )) as { findings?: number; message?: string } | undefined;
    if (r?.message) {
      const pick = await vscode.window.showInformationMessage(r.message, ...(r.findings ? ['Show Problems'] : []));
      if (pick === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return r;
  };
  const acceptedFeedback = async (folder: string | undefined, key: string): Promise<void> => {
    const where = folder ? ' (kept in .sourcewise/accepted.json)' : '';
    const pick = await vscode.window.showInformationMessage(`Sourcewise: claim accepted; its finding is hidden${where}.`, 'Undo', 'Review Accepted Claims');
    if (pick === 'Undo') await removeAccepted(c, [{ folder, key }]);
    else if (pick === 'Review Accepted Claims') await reviewAccepted(c);
  };

  const facts = new FactSheetView();
  context.subscriptions.push(
    facts,
    vscode.commands.registerCommand('sourcewise.showFacts', (name?: unknown) => showFacts(c, facts, name)),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, (uri?: unknown, line?: unknown, character?: unknown) => openSource(uri, line, character)),
    vscode.commands.registerCommand('sourcewise.citeSentence', () => citeCurrentSentence(c)),
    vscode.commands.registerCommand('sourcewise.browse', () => browseSources(c)),
    vscode.commands.registerCommand('sourcewise.reviewAccepted', () => reviewAccepted(c)),
    vscode.commands.registerCommand('sourcewise.chooseSources', () => chooseSources()),
    vscode.commands.registerCommand('sourcewise.openSample', () => openSample()),
    vscode.commands.registerCommand('sourcewise.showOutput', () => c.outputChannel.show(true)),
    vscode.commands.registerCommand('sourcewise.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:sourcewise.sourcewise')),
    vscode.commands.registerCommand('sourcewise.getStarted', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', 'sourcewise.sourcewise#sourcewise.gettingStarted', false),
    ),
    vscode.commands.registerCommand('sourcewise.statusMenu', () => statusMenu(status.last)),
    readOnlySeeds(context.asAbsolutePath('seeds')),
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

/**
 * The bundled seed articles open read-only: they are sample sources, and Sourcewise never writes
 * to a source. (Workspace sources stay the writer's own files to edit.)
 */
function readOnlySeeds(seedsDir: string): vscode.Disposable {
  const inSeeds = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && path.relative(seedsDir, doc.uri.fsPath).split(path.sep)[0] !== '..' && !path.isAbsolute(path.relative(seedsDir, doc.uri.fsPath));
  const lock = (editor: vscode.TextEditor | undefined) => {
    if (editor && inSeeds(editor.document)) void vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  };
  lock(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(lock);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
