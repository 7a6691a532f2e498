// The command "Show Authority History": a panel with the history of each authority that
// has two or more reports in the workspace (authorityHistoryPage.ts draws it).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { historyBody, historyPage } from './authorityHistoryPage';
import { ReportsPanel } from './reportsPanel';

export const showAuthorityHistoryCommand = 'inspectionReports.showAuthorityHistory';

/** The command and the panel it opens. */
export function registerAuthorityHistory(client: LanguageClient, extensionUri: vscode.Uri, changed: vscode.Event<void>): { panel: ReportsPanel; disposables: vscode.Disposable[] } {
  const panel = new ReportsPanel(client, extensionUri, { viewType: 'inspectionReports.authorityHistory', title: 'Authority History', params: {}, page: historyPage, body: historyBody }, changed);
  return { panel, disposables: [panel, vscode.commands.registerCommand(showAuthorityHistoryCommand, () => panel.show())] };
}
