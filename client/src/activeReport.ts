// The findings of the report in the active editor, asked of the language server whenever
// the editor or the report changes: what the findings view, the status bar and the
// navigation commands all read.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { documentFindingsRequest, findingsChangedNotification, type ReportFindings } from '../../server/src/protocol';
import { languageId } from './languageClient';

export class ActiveReport implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when `findings` or the workspace's findings may have changed. */
  readonly onDidChange = this.changed.event;
  findings: ReportFindings | undefined;
  private asked = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      client.onNotification(findingsChangedNotification, (params) => {
        const current = vscode.window.activeTextEditor?.document.uri.toString();
        if (current && params.uris.includes(current)) void this.refresh();
        else this.changed.fire();
      }),
      // A crashed server is restarted by the client. What the old one said goes with it (it
      // may not match the text any more); the new one is asked once it runs.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.refresh();
        else this.show(undefined);
      }),
    );
    void this.refresh();
  }

  get editor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === languageId ? editor : undefined;
  }

  async refresh(): Promise<void> {
    const editor = this.editor;
    const ask = ++this.asked;
    let findings: ReportFindings | undefined;
    try {
      findings = editor ? ((await this.client.sendRequest(documentFindingsRequest, { uri: editor.document.uri.toString() })) ?? undefined) : undefined;
    } catch {
      // The server stopped before it answered: the state change above clears and asks again.
      return;
    }
    // The editor changed again while the server answered: a newer answer is coming.
    if (ask === this.asked) this.show(findings);
  }

  private show(findings: ReportFindings | undefined): void {
    // An answer still on its way is older than this.
    this.asked++;
    this.findings = findings;
    void vscode.commands.executeCommand('setContext', 'inspectionReports.reportOpen', findings !== undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
