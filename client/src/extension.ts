// The extension: starts the language server and puts what it knows about the open report
// in front of the user (findings view, status bar, commands). Everything it registers is
// disposed with it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActiveReport } from './activeReport';
import { registerAuthorityHistory, type AuthorityHistoryPanel } from './authorityHistory';
import { registerCommands } from './commands';
import { FindingsView } from './findingsView';
import { startLanguageClient } from './languageClient';
import { registerLanguageDetection } from './languageDetection';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exports: the findings view's tree and the authority history panel, which the in-editor tests read. */
export interface InspectionReportsApi {
  readonly findingsView: FindingsView;
  readonly authorityHistory: AuthorityHistoryPanel;
}

export async function activate(context: vscode.ExtensionContext): Promise<InspectionReportsApi> {
  context.subscriptions.push(registerLanguageDetection());
  client = await startLanguageClient(context);
  const active = new ActiveReport(client);
  const findingsView = new FindingsView(active);
  context.subscriptions.push(active, findingsView, registerStatusBar(active), ...registerCommands(active, findingsView));
  const history = registerAuthorityHistory(client, context.extensionUri, active.onDidChange);
  context.subscriptions.push(...history.disposables);
  return { findingsView, authorityHistory: history.panel };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
