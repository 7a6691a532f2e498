// A report's PDF in real VS Code: a PDF printed from the Essex letter is put in the
// workspace, opened (as binary, as VS Code opens any PDF), then opened as a report with
// the command; its text is a read-only document of the report language whose findings
// the view lists and goes to. A screenshot of it goes to the README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';
import { printReport } from '../printedReport';
import { extensionId, seed, waitFor } from './helpers';
import { screenshot } from './screenshot';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** One editor group, no editors and no panel, for a screenshot that shows only this. */
async function cleanWindow(): Promise<void> {
  // An untitled document with text would ask to be saved; emptied, it closes without asking.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isUntitled && candidate.getText() !== '')) {
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, document.lineCount, 0)));
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
}

describe('a report’s PDF in VS Code', () => {
  let api: InspectionReportsApi;
  const pdf = seed('essex-2009.pdf');

  before(async () => {
    const extension = vscode.extensions.getExtension<InspectionReportsApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    api = await extension.activate();
    // The repository's seed, not the workspace's copy, which the other tests edit: the
    // bundle is in dist/test/editor.
    const essex = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', '001_3fc988dedc62c826.txt'), 'utf8');
    await vscode.workspace.fs.writeFile(pdf, await printReport(essex));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(pdf);
  });

  it('opens the PDF’s text as a read-only report, whose findings the view lists and goes to', async () => {
    await cleanWindow();
    // VS Code opens the PDF as binary; the extension offers the command from there.
    await vscode.commands.executeCommand('vscode.open', pdf);
    const pdfTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => (tab.input as { uri?: vscode.Uri } | undefined)?.uri?.toString() === pdf.toString());
    await waitFor('the PDF’s tab', () => pdfTab()?.isActive || undefined);

    await vscode.commands.executeCommand('inspectionReports.openPdf', pdf);
    const editor = await waitFor('the PDF’s text as a report', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'inspection-report-pdf' && active.document.languageId === 'inspection-report' ? active : undefined;
    });
    // In the PDF's place: its binary tab is gone.
    await waitFor('the binary tab to close', () => pdfTab() === undefined || undefined);
    assert.equal(vscode.window.tabGroups.all.length, 1);
    const document = editor.document;
    assert.equal(document.uri.path, pdf.path);
    assert.equal(vscode.Uri.parse(document.uri.query).toString(), pdf.toString());
    assert.match(document.getText(), /^Freshford House Redcliffe Way/);
    assert.equal(document.getText().split('\f').length, 4, 'four pages, a form feed before each after the first');
    // Read-only: typing changes nothing.
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.match(document.getText(), /^Freshford House Redcliffe Way/);
    assert.equal(document.isDirty, false);

    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Delivered satisfactorily in accordance with national guidance', 'Strengths', 'Areas for development', 'Areas for priority action']);

    await vscode.commands.executeCommand('inspectionReports.findings.focus');
    const view = api.findingsView;
    const groups = await waitFor('the findings of the PDF', () => {
      const found = view.getChildren().map((node) => `${labelOf(view.getTreeItem(node))} (${view.getTreeItem(node).description})`);
      return found[0]?.startsWith('Areas for priority action') ? found : undefined;
    });
    // Two areas for priority action, not the text's three: see readDifferently in test/unit/pdf.test.ts.
    assert.deepEqual(groups, ['Areas for priority action (2)', 'Areas for development (8)', 'Strengths (3)', 'Satisfactory (8)']);

    // A finding's click goes to it in the PDF's text.
    const [priority] = view.getChildren();
    const second = view.getChildren(priority)[1];
    const command = view.getTreeItem(second).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const target = (command.arguments?.[1] as { start: { line: number } }).start.line;
    await waitFor('the cursor on the second area for priority action', () => {
      const active = vscode.window.activeTextEditor;
      return (active?.document.uri.toString() === document.uri.toString() && active.selection.active.line === target) || undefined;
    });
    assert.match(document.lineAt(target).text, /^- There are high levels of unallocated work/);
    await waitFor('the view to select it', () => view.selection?.range.start.line === target || undefined);
    await screenshot('pdf-report');

    // A rule turned off for the PDF's text is turned off for the PDF, by its name.
    await vscode.commands.executeCommand('inspectionReports.ignoreRuleInFile', { uri: document.uri.toString(), code: 'numbering.gap' });
    const settings = vscode.workspace.getConfiguration('inspectionReports', pdf);
    assert.deepEqual(settings.get('diagnostics.ignore'), { 'essex-2009.pdf': ['numbering.gap'] });
    await settings.update('diagnostics.ignore', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('says why a PDF cannot be read, and opens nothing', async () => {
    const broken = seed('broken.pdf');
    await vscode.workspace.fs.writeFile(broken, Buffer.from('%PDF-1.7\nthis is not the rest of a PDF\n'));
    try {
      const before = vscode.workspace.textDocuments.length;
      await vscode.commands.executeCommand('inspectionReports.openPdf', broken);
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.scheme === 'inspection-report-pdf' && document.uri.path === broken.path));
      assert.ok(vscode.workspace.textDocuments.length <= before);
    } finally {
      await vscode.workspace.fs.delete(broken);
    }
  });
});
