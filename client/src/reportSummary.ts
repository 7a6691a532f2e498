// "Show Report Summary": the report in brief (authority, dates, judgements, findings
// counted) as Markdown, previewed beside the report. The summary is a read-only document
// of its own, read from the language server, so that it follows the report as it is
// edited and leaves nothing behind to be saved: an untitled document would ask on close.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportSummaryRequest } from '../../server/src/protocol';
import type { ActiveReport } from './activeReport';

const reportSummaryScheme = 'inspection-report-summary';

/** The summary of the report at `report`: named after it, holding its URI. */
function summaryUri(report: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: reportSummaryScheme, path: `/${path.posix.parse(report.path).name} (summary).md`, query: report.toString() });
}

class ReportSummaries implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The last summary of each report: what stays shown once the report is closed. */
  private readonly last = new Map<string, string>();

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    // While the server restarts, the last summary stands; nothing is sent to a server that
    // is gone (the client gives up restarting one whose pipe keeps failing).
    const summary = this.client.isRunning() ? await this.client.sendRequest(reportSummaryRequest, { uri: uri.query }).catch(() => null) : null;
    if (summary) this.last.set(uri.query, summary);
    return this.last.get(uri.query) ?? 'This document is not open as an inspection report.';
  }

  /** Each summary open is read again: its report may have changed. */
  refresh(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === reportSummaryScheme && !document.isClosed) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerReportSummary(client: LanguageClient, active: ActiveReport): vscode.Disposable[] {
  const summaries = new ReportSummaries(client);
  return [
    summaries,
    vscode.workspace.registerTextDocumentContentProvider(reportSummaryScheme, summaries),
    active.onDidChange(() => summaries.refresh()),
    vscode.commands.registerCommand('inspectionReports.showSummary', async () => {
      const editor = active.editor;
      if (editor) await vscode.commands.executeCommand('markdown.showPreviewToSide', summaryUri(editor.document.uri));
    }),
  ];
}
