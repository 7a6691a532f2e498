// A language server killed mid-session (SIGKILL: no goodbye) is restarted by the client,
// and everything that came from it comes back: the findings view, the outline, and
// problems that follow edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';
import { activate, essex, open, symbolNames, treeLabels, waitFor } from './helpers';

describe('the language server killed mid-session', () => {
  let api: InspectionReportsApi;

  before(async () => {
    api = await activate();
  });

  it('is restarted, and the findings view, outline and problems recover', async () => {
    const editor = await open(essex);
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('inspectionReports.showReportFindings');
    await vscode.commands.executeCommand('inspectionReports.findings.focus');
    const findings = ['Areas for priority action (3)', 'Areas for development (8)', 'Strengths (3)', 'Satisfactory (8)'];
    const shown = async () => JSON.stringify(await treeLabels(api)) === JSON.stringify(findings) || undefined;
    await waitFor('the findings of the Essex letter', shown);

    // The view lets go of what the dead server said (watched as it happens: it may be brief),
    // so what it shows after the restart is the new server's answer.
    let emptied = false;
    const watching = api.findingsView.onDidChangeTreeData(() => (emptied ||= api.findingsView.getChildren().length === 0));
    const killed = api.serverProcessId();
    assert.ok(killed, 'the server says its process id');
    process.kill(killed, 'SIGKILL');
    await waitFor('a new server', () => {
      const pid = api.serverProcessId();
      return pid !== undefined && pid !== killed ? pid : undefined;
    });
    await waitFor('the findings view to show the Essex letter again', shown);
    watching.dispose();
    assert.ok(emptied, 'the findings view emptied when the server died');
    assert.deepEqual(await symbolNames(uri), ['Delivered satisfactorily in accordance with national guidance', 'Strengths', 'Areas for development', 'Areas for priority action']);

    // The new server follows edits: the contradiction when the letter loses its areas for
    // priority action, in Problems and in the view, gone again on undo.
    const problems = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'inspection-reports');
    await editor.edit((edit) => edit.delete(new vscode.Range(62, 0, 74, 0)));
    await waitFor('the contradiction', () => problems().some((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'letter.outcome-contradiction') || undefined);
    await waitFor('the view without areas for priority action', async () => (await treeLabels(api))[0]?.startsWith('Areas for development') || undefined);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the problem to clear', () => problems().length === 0 || undefined);
    await waitFor('the findings view to show the Essex letter again', shown);
    // The editor hears that the document is clean in a message of its own, after the text.
    await waitFor('the document to be clean again', () => !editor.document.isDirty || undefined);
  });
});
