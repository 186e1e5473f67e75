/** The menu the status bar item opens: the things a writer does with Sourcewise as a whole. */
import * as vscode from 'vscode';
import type { StatusParams } from './statusText';

interface MenuItem extends vscode.QuickPickItem {
  command?: string;
}

export async function statusMenu(last: StatusParams | undefined): Promise<void> {
  const on = last?.checking !== false;
  const items: MenuItem[] = [
    on
      ? { label: '$(circle-slash) Turn Checking Off', description: 'hide every finding until you turn it on again', command: 'sourcewise.toggleChecking' }
      : { label: '$(check) Turn Checking On', description: 'check the open drafts again', command: 'sourcewise.toggleChecking' },
    { label: '$(refresh) Reindex Sources', description: 'read the source articles again', command: 'sourcewise.reindex' },
    { label: '$(checklist) Check All Drafts in Workspace', command: 'sourcewise.checkAll' },
    { label: '$(pass) Review Accepted Claims…', description: 'take back a claim you accepted', command: 'sourcewise.reviewAccepted' },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(folder-opened) Choose Sources Folder…', command: 'sourcewise.chooseSources' },
    { label: '$(output) Show Output', description: 'what the language server logged', command: 'sourcewise.showOutput' },
    { label: '$(settings-gear) Open Settings', command: 'sourcewise.openSettings' },
    { label: '$(book) Get Started', description: 'the walkthrough', command: 'sourcewise.getStarted' },
  ];
  const state = !last
    ? 'starting'
    : [
        `${last.sources} ${last.usingSeeds ? 'sample ' : ''}source${last.sources === 1 ? '' : 's'}`,
        last.analysing !== undefined ? `analysing ${last.analysing}%` : `${last.facts} facts`,
        `checking ${on ? 'on' : 'off'}`,
      ].join(' · ');
  const pick = await vscode.window.showQuickPick(items, { title: `Sourcewise — ${state}`, placeHolder: 'What do you want to do?' });
  if (pick?.command) await vscode.commands.executeCommand(pick.command);
}
