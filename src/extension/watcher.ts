/**
 * Watches the `sourcewise.sources` globs in every workspace folder and forwards
 * changes to the server as workspace/didChangeWatchedFiles. Recreated when the
 * setting or the folders change.
 */
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type LanguageClient } from 'vscode-languageclient/node';

const DEFAULT_SOURCES = ['sources/**/*.{md,txt,html}'];

export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private pending: FileEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private subscriptions: vscode.Disposable[] = [];

  constructor(private client: LanguageClient) {
    this.create();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourcewise.sources')) this.create();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.create()),
    );
  }

  private create(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const globs = vscode.workspace.getConfiguration('sourcewise').get<string[]>('sources') ?? DEFAULT_SOURCES;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of globs) {
        if (typeof glob !== 'string' || !glob.trim()) continue;
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        w.onDidCreate((uri) => this.queue(uri, FileChangeType.Created));
        w.onDidChange((uri) => this.queue(uri, FileChangeType.Changed));
        w.onDidDelete((uri) => this.queue(uri, FileChangeType.Deleted));
        this.watchers.push(w);
      }
    }
  }

  private queue(uri: vscode.Uri, type: FileChangeType): void {
    this.pending.push({ uri: uri.toString(), type });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 200);
  }

  private flush(): void {
    this.timer = undefined;
    const changes = this.pending;
    this.pending = [];
    if (changes.length && this.client.isRunning()) {
      void this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
