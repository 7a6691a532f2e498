// The extension: starts the language server and puts what it knows about the open report
// in front of the user (findings view, status bar, commands). Everything it registers is
// disposed with it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ignoreRuleInFileCommand, type IgnoreRuleInFileArguments } from '../../server/src/protocol';
import { ActiveReport } from './activeReport';
import { registerAuthorityHistory } from './authorityHistory';
import { ignoreRuleInFile, registerCommands } from './commands';
import { FindingsView } from './findingsView';
import { registerJudgements } from './judgements';
import { startLanguageClient } from './languageClient';
import { registerLanguageDetection } from './languageDetection';
import { registerPdfReports } from './pdfReports';
import type { ReportsPanel } from './reportsPanel';
import { registerReportSummary } from './reportSummary';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exports, for the in-editor tests: the findings view's tree, the panels, and the server's process. */
export interface InspectionReportsApi {
  readonly findingsView: FindingsView;
  readonly authorityHistory: ReportsPanel;
  readonly judgements: ReportsPanel;
  /** The running language server's process id, as it said when it started. */
  serverProcessId(): number | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<InspectionReportsApi> {
  const detection = registerLanguageDetection();
  context.subscriptions.push(detection);
  client = await startLanguageClient(context, {
    // The server runs the commands of its code actions for any editor; this one is run
    // here instead, where it can write VS Code's settings as a user expects.
    executeCommand: (command, args, next) => (command === ignoreRuleInFileCommand ? ignoreRuleInFile(args[0] as IgnoreRuleInFileArguments) : next(command, args)),
  });
  context.subscriptions.push(detection.listen(client));
  const active = new ActiveReport(client);
  const findingsView = new FindingsView(active);
  context.subscriptions.push(...registerPdfReports(client, context.workspaceState));
  context.subscriptions.push(active, findingsView, registerStatusBar(active), ...registerCommands(active, findingsView), ...registerReportSummary(client, active));
  const history = registerAuthorityHistory(client, context.extensionUri, active.onDidChange);
  const judgements = registerJudgements(client, context.extensionUri, active.onDidChange, history.panel);
  context.subscriptions.push(...history.disposables, ...judgements.disposables);
  const started = client;
  return {
    findingsView,
    authorityHistory: history.panel,
    judgements: judgements.panel,
    serverProcessId: () => (started.isRunning() ? (started.initializeResult?.processId as number | undefined) : undefined),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
