/** The "Sourcewise: 5 sources · 140 facts" status bar item; a click opens the Sourcewise menu. */
import * as vscode from 'vscode';
import { statusView, type StatusParams } from './statusText';

export type { StatusParams };

export class StatusItem implements vscode.Disposable {
  private item: vscode.StatusBarItem;
  /** The last status the server sent (for the menu's title and its on/off entry). */
  last: StatusParams | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('sourcewise.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Sourcewise';
    this.item.command = 'sourcewise.statusMenu';
    this.item.text = '$(sync~spin) Sourcewise: starting…';
    this.item.tooltip = 'Sourcewise is starting. Click for the Sourcewise menu.';
    this.item.accessibilityInformation = { label: 'Sourcewise: starting. Opens the Sourcewise menu.', role: 'button' };
    this.item.show();
  }

  update(p: StatusParams): void {
    this.last = p;
    const v = statusView(p);
    this.item.text = v.text;
    this.item.tooltip = v.tooltip;
    this.item.accessibilityInformation = { label: v.ariaLabel, role: 'button' };
    this.item.backgroundColor = v.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** Checking was turned on or off here; the server's status follows. */
  setChecking(checking: boolean): void {
    if (this.last) this.update({ ...this.last, checking });
  }

  stopped(message: string): void {
    this.item.text = '$(error) Sourcewise: stopped';
    this.item.tooltip = message;
    this.item.accessibilityInformation = { label: `Sourcewise: stopped. ${message}`, role: 'button' };
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }
}
