/**
 * Sourcewise language server: `node dist/server.js --stdio` (or node IPC from the
 * VS Code client). Wires documents, settings, sources and the feature modules.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeError,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AcceptedStore } from './accepted';
import { CITE_ACTION_KIND, provideCodeActions } from './codeActions';
import { COMMANDS, executeCommand, type CommandHost } from './commands';
import { provideCompletion, TRIGGER_CHARACTERS } from './completion';
import type { ServerContext } from './context';
import { provideDefinition } from './definition';
import { Checker, editSpan } from './diagnostics';
import { provideHover } from './hover';
import { DEFAULT_SETTINGS, parseSettings, settingsWarning, type Settings } from './settings';
import { Sources, type FileChangeKind } from './sources';
import type { Corpus } from '../engine/corpus';
import { uriToPath } from './util';

export const STATUS_NOTIFICATION = 'sourcewise/status';
export const CURSOR_NOTIFICATION = 'sourcewise/cursor';
/** Client → server when the writer grants workspace trust: `{ trusted: true }`. */
export const TRUST_NOTIFICATION = 'sourcewise/trust';

export interface StatusParams {
  sources: number;
  facts: number;
  indexing: boolean;
  /**
   * Percentage of source sentences analysed, from the moment the index is ready until the background
   * analysis is done (`facts` counts only analysed sentences, so it is not shown before).
   */
  analysing?: number;
  /** False after Toggle Checking turned checking off. */
  checking: boolean;
  /** The bundled seed articles are (among) the sources. */
  usingSeeds: boolean;
  message?: string;
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let storagePath: string | undefined;
let supportsConfiguration = false;
let supportsDynamicConfig = false;
let supportsDynamicWatchers = false;
let clientWatchesSources = false;
let initSettings: unknown;
const shownWarnings = new Set<string>();

const ctx: ServerContext = {
  connection,
  documents,
  settings: { ...DEFAULT_SETTINGS, sources: [...DEFAULT_SETTINGS.sources], languages: [...DEFAULT_SETTINGS.languages] },
  sources: new Sources(),
  accepted: new AcceptedStore(
    () => ctx.folders,
    (m) => connection.console.warn(m),
  ),
  folders: [],
  checkingEnabled: true,
  indexing: false,
  clientShowsMessages: false,
  log: (message) => connection.console.log(message),
  tell: (type, message) =>
    void connection.sendNotification(ShowMessageNotification.type, {
      type: type === 'error' ? MessageType.Error : type === 'warning' ? MessageType.Warning : MessageType.Info,
      message,
    }),
};
const checker = new Checker(ctx);
ctx.sources.onSearchThreadReady = (n) => ctx.log(`Full checks send their searches to the search thread (a copy of the index of ${n.toLocaleString('en-US')} sentences).`);
/** Last known text per open document, to find where an edit happened. */
const lastText = new Map<string, string>();
let statusMessage: string | undefined;
/** Whether the writer was told (window/showMessage) that the bundled seeds stand in for missing sources. */
let toldSeeds = false;

function warnOnce(message: string): void {
  if (shownWarnings.has(message)) return;
  shownWarnings.add(message);
  connection.console.warn(message);
  ctx.tell('warning', `Sourcewise: ${message}`);
}

function sendStatus(message?: string): void {
  if (message !== undefined) statusMessage = message;
  const corpus = ctx.sources.corpus;
  let facts = 0;
  if (corpus) {
    const s = corpus.stats();
    facts = s.claims + s.quotes + s.roles;
  }
  const params: StatusParams = {
    sources: corpus?.docs.length ?? 0,
    facts,
    indexing: ctx.indexing,
    // Until the analysis is done (a warm start's stored analysis being read counts), say so rather than "0 facts".
    analysing: analysing?.percent ?? (corpus && !ctx.indexing && !corpus.analysedAll ? 0 : undefined),
    checking: ctx.checkingEnabled,
    usingSeeds: ctx.sources.usingSeeds,
    message: statusMessage,
  };
  void connection.sendNotification(STATUS_NOTIFICATION, params);
}

function sourcesKey(s: Settings): string {
  return JSON.stringify([s.sources, s.bundledSeeds, s.aliases]);
}

async function readSettings(): Promise<Settings> {
  let raw: unknown = initSettings;
  if (supportsConfiguration) {
    try {
      raw = await connection.workspace.getConfiguration({ section: 'sourcewise' });
    } catch (err) {
      ctx.log(`workspace/configuration failed: ${String(err)}`);
    }
  }
  const { settings, warnings } = parseSettings(raw, storagePath);
  // One message for all the bad settings of this read, not one per setting.
  if (warnings.length) warnOnce(settingsWarning(warnings));
  return settings;
}

let reindexing: Promise<void> = Promise.resolve();
/** The background analysis of the current corpus, while it runs. */
let analysing: { corpus: Corpus; controller: AbortController; percent: number } | undefined;
/** Stops the decoding of a warm start's stored analysis when a newer corpus comes. */
let restore: AbortController | undefined;

/**
 * Analyses the sources' sentences in the background (slices of ~15 ms between
 * requests), then writes the persistent index and re-checks open drafts, whose
 * findings may have become more complete. A newer corpus aborts it.
 */
async function analyseInBackground(corpus: Corpus): Promise<void> {
  analysing?.controller.abort(new Error('superseded'));
  analysing = undefined;
  // What a warm start left in the persistent index is read and decoded now, in slices, rather
  // than by the first request that needs it. A newer corpus stops this too.
  const restoring = new AbortController();
  restore?.abort(new Error('superseded'));
  restore = restoring;
  try {
    await corpus.restoreAnalysis(restoring.signal);
    // Sources a warm start took as unchanged (same size and time) are read again and compared
    // with what was indexed (a file rewritten with its time kept gave stale findings).
    const changed = await corpus.verifySources({ signal: restoring.signal });
    if (changed) {
      ctx.log(`Reindexed ${changed} source${changed === 1 ? '' : 's'} whose text changed with its size and time kept.`);
      sendStatus();
      checker.recheckAll();
    }
  } catch (err) {
    if (restoring.signal.aborted) return;
    connection.console.error(`Reading the stored analysis failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  } finally {
    if (restore === restoring) restore = undefined;
  }
  if (!corpus.analysedAll) {
    const run = { corpus, controller: new AbortController(), percent: 0 };
    analysing = run;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Sourcewise', 0, 'Analysing sources…', false);
    let last = -1;
    const t0 = Date.now();
    try {
      await corpus.analyseAll({
        signal: run.controller.signal,
        onProgress: (done, total) => {
          const pct = total ? Math.floor((done / total) * 100) : 100;
          if (pct === last) return;
          last = run.percent = pct;
          progress.report(pct, `${done}/${total} sentences`);
          sendStatus();
        },
      });
      ctx.log(`Analysed the sources' sentences in ${Date.now() - t0} ms.`);
    } catch (err) {
      if (!run.controller.signal.aborted) connection.console.error(`Analysis failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return;
    } finally {
      progress.done();
      if (analysing === run) analysing = undefined;
    }
    sendStatus();
    checker.recheckAll();
  }
  // A quiet moment: the search thread gets its copy of the index now rather than at the next full check.
  corpus.prepareSearchThread();
  await corpus.persist();
}

async function reindex(reason: string): Promise<void> {
  const run = async () => {
    ctx.indexing = true;
    sendStatus('Indexing sources…');
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Sourcewise', 0, 'Indexing sources…', false);
    try {
      const r = await ctx.sources.load(ctx.settings, ctx.folders, (done, total) => {
        progress.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} sources`);
      });
      const parts: string[] = [];
      if (!ctx.sources.trusted) {
        parts.push('Restricted mode: the workspace is not trusted, so only the bundled seed articles are used.');
      } else if (r.usingSeeds) {
        const fallback = `No sources found (${ctx.settings.sources.join(', ')}); using the bundled seed articles.`;
        parts.push(ctx.settings.bundledSeeds === 'always' ? 'Including the bundled seed articles.' : fallback);
        // Editors other than VS Code show no status bar: tell the writer once, in the editor's own way.
        if (ctx.settings.bundledSeeds !== 'always' && !toldSeeds && !ctx.clientShowsMessages) {
          toldSeeds = true;
          ctx.tell('info', `Sourcewise: ${fallback} Put your articles in a sources/ folder next to your drafts, or set sourcewise.sources.`);
        }
      }
      // A source pattern that is invalid or lists too much is named in a warning; the others were indexed.
      const badPatterns = r.skipped.filter((s) => s.pattern);
      for (const s of badPatterns) warnOnce(`The source pattern "${s.path}" ${s.reason}. The other sources are indexed.`);
      const files = r.skipped.filter((s) => !s.pattern);
      if (badPatterns.length) parts.push(`${badPatterns.length} source pattern${badPatterns.length === 1 ? ' was' : 's were'} not fully used.`);
      if (files.length) {
        parts.push(`Skipped ${files.length} file${files.length === 1 ? '' : 's'}.`);
        for (const s of files) connection.console.warn(`Skipped source ${s.path}: ${s.reason}`);
      }
      ctx.log(`Indexed ${r.corpus.docs.length} sources in ${r.millis} ms (${reason}).`);
      ctx.indexing = false;
      // The message of this load, or none: 'Indexing sources…' must not outlive the indexing
      // (sendStatus(undefined) kept the previous message, and the status said so for good).
      statusMessage = parts.join(' ') || undefined;
      sendStatus();
      checker.recheckAll();
      void analyseInBackground(r.corpus);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/superseded/.test(msg)) return;
      ctx.indexing = false;
      connection.console.error(`Indexing failed: ${err instanceof Error ? err.stack ?? msg : msg}`);
      sendStatus(`Indexing failed: ${msg}`);
    } finally {
      progress.done();
      ctx.indexing = false;
    }
  };
  reindexing = reindexing.then(run, run);
  return reindexing;
}

async function registerWatchers(): Promise<void> {
  if (!supportsDynamicWatchers || clientWatchesSources) return;
  const watchers = ctx.settings.sources.map((globPattern) => ({ globPattern }));
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

/**
 * Where the server is in the protocol's lifecycle. Before `initialize` a request gets the
 * ServerNotInitialized error and a notification is dropped; after `shutdown` a request gets
 * InvalidRequest (LSP: "Server lifecycle"). Both used to get ordinary answers.
 */
let lifecycle: 'starting' | 'running' | 'shut down' = 'starting';

function lifecycleError(): ResponseError<void> | undefined {
  if (lifecycle === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized yet.');
  if (lifecycle === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
  return undefined;
}

/** A request handler that answers only while the server is running (see `lifecycle`). */
function whileRunning<P, R>(handler: (params: P) => R): (params: P) => R | ResponseError<void> {
  return (params: P) => lifecycleError() ?? handler(params);
}

connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
  if (lifecycle !== 'starting') return new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.', { retry: false });
  lifecycle = 'running';
  // Documents are tracked from now on: one opened before `initialize` was a notification to drop.
  documents.listen(connection);
  const caps = params.capabilities;
  supportsConfiguration = !!caps.workspace?.configuration;
  supportsDynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  supportsDynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
  if (typeof init.storagePath === 'string') storagePath = init.storagePath;
  // Restricted mode: an untrusted workspace's files are never read as sources (bundled seeds only).
  // Trusted only when the client says `true`, or says nothing (editors without workspace trust);
  // any other value ("false", 0, null) is not a yes.
  ctx.sources.trusted = init.trusted === undefined || init.trusted === true;
  if (init.trusted !== undefined && typeof init.trusted !== 'boolean') {
    connection.console.warn(`initializationOptions.trusted should be true or false, not ${JSON.stringify(init.trusted)}; the workspace is treated as untrusted.`);
  }
  clientWatchesSources = init.clientWatchesSources === true;
  ctx.clientShowsMessages = init.clientShowsMessages === true;
  initSettings = init.settings;

  const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
  if (!folders.length) {
    const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
    if (root) folders.push(path.resolve(root));
  }
  ctx.folders = folders;

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CITE_ACTION_KIND] },
      definitionProvider: true,
      executeCommandProvider: { commands: [...COMMANDS] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'sourcewise', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (supportsDynamicConfig) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourcewise' });
  }
  if (ctx.folders.length && connection.workspace) {
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        ctx.folders = [
          ...ctx.folders.filter((f) => !removed.has(f)),
          ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p),
        ];
        void reindex('workspace folders changed');
      });
    } catch {
      // The client does not support workspace folder notifications.
    }
  }
  ctx.settings = await readSettings();
  await registerWatchers().catch((err) => ctx.log(`could not register file watchers: ${String(err)}`));
  await reindex('startup');
});

connection.onDidChangeConfiguration(async (change) => {
  if (!supportsConfiguration) {
    const s = (change.settings as Record<string, unknown> | undefined)?.sourcewise;
    if (s !== undefined) initSettings = s;
  }
  const before = ctx.settings;
  ctx.settings = await readSettings();
  if (sourcesKey(before) !== sourcesKey(ctx.settings)) {
    if (JSON.stringify(before.sources) !== JSON.stringify(ctx.settings.sources)) {
      await registerWatchers().catch((err) => ctx.log(`could not register file watchers: ${String(err)}`));
    }
    await reindex('settings changed');
  } else {
    if (before.checkOn !== ctx.settings.checkOn && ctx.settings.checkOn === 'command') return;
    checker.recheckAll();
  }
});

connection.onDidChangeWatchedFiles(async (params) => {
  const changes: { path: string; kind: FileChangeKind }[] = [];
  for (const c of params.changes) {
    const p = uriToPath(c.uri);
    if (!p) continue;
    const kind: FileChangeKind =
      c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    changes.push({ path: p, kind });
  }
  if (!changes.length) return;
  await reindexing;
  const r = await ctx.sources.applyChanges(changes);
  if (r === 'reload') await reindex('sources changed');
  else if (r) {
    sendStatus();
    checker.recheckAll();
    schedulePersist();
  }
});

let persistTimer: NodeJS.Timeout | undefined;
/** Writes the persistent index once source changes have settled (not on every save of a source). */
function schedulePersist(): void {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    const corpus = ctx.sources.corpus;
    if (corpus && !analysing) {
      corpus.prepareSearchThread();
      void corpus.persist();
    }
  }, 10_000);
  persistTimer.unref();
}

connection.onShutdown(async () => {
  const refused = lifecycleError();
  if (refused) throw refused;
  lifecycle = 'shut down';
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = undefined;
  if (!analysing) await ctx.sources.corpus?.persist();
});

connection.onNotification(TRUST_NOTIFICATION, (p: { trusted?: unknown }) => {
  if (p?.trusted !== true || ctx.sources.trusted) return;
  ctx.sources.trusted = true;
  void reindex('workspace trusted');
});

connection.onNotification(CURSOR_NOTIFICATION, (p: { uri?: unknown; position?: { line?: unknown; character?: unknown } }) => {
  if (typeof p?.uri !== 'string' || typeof p.position?.line !== 'number' || typeof p.position.character !== 'number') return;
  const doc = documents.get(p.uri);
  if (doc) checker.onCursor(p.uri, doc.offsetAt({ line: p.position.line, character: p.position.character }));
});

documents.onDidOpen((e) => {
  // Before `initialize` a notification is dropped (the document manager keeps the text).
  if (lifecycle !== 'running') return;
  lastText.set(e.document.uri, e.document.getText());
  checker.onOpen(e.document);
});

documents.onDidChangeContent((e) => {
  if (lifecycle !== 'running') return;
  const prev = lastText.get(e.document.uri);
  const text = e.document.getText();
  lastText.set(e.document.uri, text);
  if (prev === undefined || prev === text) return;
  // Where the edit happened (edits are usually one place): what the texts' common start and end leave.
  checker.onChange(e.document, editSpan(prev, text));
});

documents.onDidSave((e) => lifecycle === 'running' && checker.onSave(e.document));

documents.onDidClose((e) => {
  lastText.delete(e.document.uri);
  checker.onClose(e.document.uri);
});

connection.onHover(whileRunning((params) => provideHover(ctx, checker, params)));
connection.onCompletion(whileRunning((params) => provideCompletion(ctx, params)));
connection.onCodeAction(whileRunning((params) => provideCodeActions(ctx, checker, params)));
connection.onDefinition(whileRunning((params) => provideDefinition(ctx, params)));

const host: CommandHost = { ctx, checker, reindex, sendStatus };
connection.onExecuteCommand(whileRunning((params) => executeCommand(host, params.command, params.arguments ?? [])));
// Any other request: the lifecycle's error when there is one, else "no such method".
connection.onRequest((method) => lifecycleError() ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`));

connection.listen();
