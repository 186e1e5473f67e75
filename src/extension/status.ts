/** The "Sourcewise: 5 sources · 140 facts" status bar item (click = reindex). */
import * as vscode from 'vscode';

export interface StatusParams {
  sources: number;
  facts: number;
  indexing: boolean;
  /** Percentage of source sentences analysed, while the background analysis runs. */
  analysing?: number;
  message?: string;
}

export class StatusItem implements vscode.Disposable {
  private item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('sourcewise.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Sourcewise';
    this.item.command = 'sourcewise.reindex';
    this.item.text = '$(sync~spin) Sourcewise: starting…';
    this.item.tooltip = 'Sourcewise is starting';
    this.item.show();
  }

  update(p: StatusParams): void {
    const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
    this.item.text = p.indexing
      ? '$(sync~spin) Sourcewise: indexing…'
      : p.analysing !== undefined
        ? `$(sync~spin) Sourcewise: ${n(p.sources, 'source')} · analysing ${p.analysing}%`
        : `$(book) Sourcewise: ${n(p.sources, 'source')} · ${n(p.facts, 'fact')}`;
    const tip = new vscode.MarkdownString();
    tip.appendText(p.message ? `${p.message}\n\n` : '');
    if (p.analysing !== undefined) {
      tip.appendText('Citations are ready; names, figures and quotes of the sources are being analysed, and findings may still change.\n\n');
    }
    tip.appendText('Click to reindex sources.');
    this.item.tooltip = tip;
    this.item.backgroundColor = undefined;
  }

  stopped(message: string): void {
    this.item.text = '$(error) Sourcewise: stopped';
    this.item.tooltip = message;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }
}
