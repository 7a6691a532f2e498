// The extension: starts the language server and puts what it knows about the open report
// in front of the user (findings view, status bar, commands). Everything it registers is
// disposed with it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActiveReport } from './activeReport';
import { registerCommands } from './commands';
import { FindingsView } from './findingsView';
import { startLanguageClient } from './languageClient';
import { registerLanguageDetection } from './languageDetection';
import { registerPdfReports } from './pdfReports';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exports: the findings view's tree, which the in-editor tests read. */
export interface InspectionReportsApi {
  readonly findingsView: FindingsView;
}

export async function activate(context: vscode.ExtensionContext): Promise<InspectionReportsApi> {
  context.subscriptions.push(registerLanguageDetection());
  client = await startLanguageClient(context);
  const active = new ActiveReport(client);
  const findingsView = new FindingsView(active);
  context.subscriptions.push(...registerPdfReports(client, context.workspaceState));
  context.subscriptions.push(active, findingsView, registerStatusBar(active), ...registerCommands(active, findingsView));
  return { findingsView };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
