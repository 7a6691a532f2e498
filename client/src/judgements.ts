// The command "Show Judgements": a panel with every report of the workspace in one table
// (judgementsPage.ts draws it); an authority's name there opens its history.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { historySectionId } from './authorityHistoryPage';
import { judgementsBody, judgementsPage } from './judgementsPage';
import { ReportsPanel } from './reportsPanel';

export const showJudgementsCommand = 'inspectionReports.showJudgements';

/** The command and the panel it opens; `history` is the authority history's panel. */
export function registerJudgements(client: LanguageClient, extensionUri: vscode.Uri, changed: vscode.Event<void>, history: ReportsPanel): { panel: ReportsPanel; disposables: vscode.Disposable[] } {
  const panel = new ReportsPanel(client, extensionUri, { viewType: 'inspectionReports.judgements', title: 'Judgements', params: { includeSingle: true }, page: judgementsPage, body: judgementsBody }, changed);
  panel.onHistory = (key) => void history.show({ type: 'reveal', id: historySectionId(key) });
  return { panel, disposables: [panel, vscode.commands.registerCommand(showJudgementsCommand, () => panel.show())] };
}
