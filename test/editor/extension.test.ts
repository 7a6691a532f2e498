// The extension in real VS Code, on the seeds: the language switch, the Outline, a hover,
// the findings view, the jump to an area for priority action, and the Problems an edit
// raises and its undo clears. Screenshots of the window go to the README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';
import { activate, essex, open, seed, sharedDir, treeLabels, waitFor } from './helpers';
import { screenshot } from './screenshot';

describe('Inspection Reports in VS Code', () => {
  let api: InspectionReportsApi;

  before(async () => {
    api = await activate();
  });

  it('reads a seed as an inspection report and gives its outline', async () => {
    const editor = await open(essex);
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail]), [
      ['Delivered satisfactorily in accordance with national guidance', '8 satisfactory'],
      ['Strengths', '3 strengths'],
      ['Areas for development', '8 for development'],
      ['Areas for priority action', '3 priority actions'],
    ]);

    // The SIF report's Outline, for the README: judgements, graded sections, recommendations.
    const sif = await open('003_35a5abd99a445aeb.txt');
    await waitFor('the SIF report’s symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', sif.document.uri);
      return found && found[0]?.name === 'Judgements' ? found : undefined;
    });
    sif.selection = new vscode.Selection(16, 0, 16, 0);
    sif.revealRange(new vscode.Range(0, 0, 30, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.action.gotoSymbol');
    await screenshot('outline');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('hovers on the title block with the report in brief', async () => {
    const editor = await open(essex);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(16, 5));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /### Essex County Council/);
    assert.match(text, /\| Areas for priority action \| 3 \|/);
    editor.selection = new vscode.Selection(16, 5, 16, 5);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-summary');
  });

  it('lists the findings, areas for priority action first, and jumps to each', async () => {
    const editor = await open(essex);
    await vscode.commands.executeCommand('inspectionReports.findings.focus');
    const labels = await waitFor('the findings of the Essex letter', async () => {
      const found = await treeLabels(api);
      return found.length > 0 && found[0].startsWith('Areas for priority action') ? found : undefined;
    });
    assert.deepEqual(labels, ['Areas for priority action (3)', 'Areas for development (8)', 'Strengths (3)', 'Satisfactory (8)']);

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('inspectionReports.nextPriorityAction');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 64);
    await vscode.commands.executeCommand('inspectionReports.nextPriorityAction');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 65);
    await vscode.commands.executeCommand('inspectionReports.previousPriorityAction');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 64);
    // The view follows the cursor to the finding it stands in.
    await waitFor('the finding at the cursor selected in the view', () => api.findingsView.selection?.range.start.line === 64 || undefined);
    await screenshot('findings');
  });

  it('lists a SEND report’s areas for priority action without the bodies named beside them', async function () {
    const file = path.join(sharedDir(), 'corpus-wide', 'bexley-send-23-february-2024.txt');
    if (!fs.existsSync(file)) this.skip();
    // As an untitled copy, which closes for good (the Judgements tests count the open
    // documents), under a name of its own (the next test's untitled report must not take
    // the name this one had).
    const untitled = await vscode.workspace.openTextDocument(vscode.Uri.parse('untitled:bexley-send-23-february-2024.txt'));
    const editor = await vscode.window.showTextDocument(untitled);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), fs.readFileSync(file, 'utf8')));
    const document = await vscode.languages.setTextDocumentLanguage(untitled, 'inspection-report');
    await vscode.commands.executeCommand('inspectionReports.findings.focus');
    const labels = await waitFor('the findings of Bexley’s SEND report', async () => {
      const found = await treeLabels(api);
      return found[0] === 'Areas for priority action (6)' ? found : undefined;
    });
    assert.deepEqual(labels, ['Areas for priority action (6)', 'Areas for development (4)', 'Strengths (7)']);
    // The sixth action is a paragraph beside the table's last cell, after two lists.
    editor.selection = new vscode.Selection(300, 0, 300, 0);
    await vscode.commands.executeCommand('inspectionReports.nextPriorityAction');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^Leaders across the partnership should work at pace/);
    await screenshot('findings-send');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the copy closed', () => document.isClosed || undefined);
  });

  it('says what an open report is when it names no findings, rather than asking for one', async () => {
    const letter = ['Ofsted', 'Piccadilly Gate', 'Store Street', 'Manchester', 'M1 2WD', '', '13 January 2025', 'Director of Children’s Services', 'Anytown Council', 'Dear Ms Smith',
      'Focused visit to Anytown children’s services', 'This letter summarises the findings of the focused visit to Anytown children’s services on 4 and 5 December 2024.', '',
      'Leaders have made steady progress since the last inspection.', '', 'Yours sincerely'].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'inspection-report', content: letter });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('inspectionReports.findings.focus');
    const message = await waitFor('the view’s message', () => api.findingsView.message);
    assert.equal(message, 'Anytown: Focused visit, 13 January 2025. It names no area for priority action, area for development, recommendation or strength.');
    assert.deepEqual(await treeLabels(api), []);
    await screenshot('findings-none');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows every report of the workspace when asked, under its authority, by kind and date', async () => {
    await vscode.commands.executeCommand('inspectionReports.showWorkspaceFindings');
    try {
      const authorities = await waitFor('the workspace’s authorities', async () => {
        const found = await treeLabels(api);
        return found.length === 3 ? found : undefined;
      });
      assert.deepEqual(authorities.map((label) => label.replace(/ \(.*\)$/, '')), ['Essex', 'Stockton-on-Tees', 'Thurrock']);
      assert.match(authorities[2], /\(3 reports · /);
      // Two reports of one authority are told apart by kind and date, the latest first.
      const thurrock = api.findingsView.getChildren(api.findingsView.getChildren()[2]);
      assert.deepEqual(thurrock.map((node) => {
        const item = api.findingsView.getTreeItem(node);
        return `${item.label} (${item.description})`;
      }), ['ILACS summary (after 2016 · 3 for development · 23 strengths)', 'SIF report (24 May 2016 · 18 recommendations)', 'Unannounced inspection letter (2 December 2009 · 3 for development · 4 strengths · 15 satisfactory)']);
    } finally {
      // The tests after this one read the active report's findings.
      await vscode.commands.executeCommand('inspectionReports.showReportFindings');
    }
  });

  it('shows a problem when the Essex letter loses its areas for priority action, and clears it on undo', async () => {
    const editor = await open(essex);
    const problems = () => vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'inspection-reports');
    await editor.edit((edit) => edit.delete(new vscode.Range(62, 0, 74, 0)));
    const raised = await waitFor('the contradiction', () => {
      const found = problems();
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(raised.map((diagnostic) => [typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, diagnostic.range.start.line]), [['letter.outcome-contradiction', 20]]);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the problem to clear', () => problems().length === 0 || undefined);
    // The editor hears that the document is clean in a message of its own, after the text.
    await waitFor('the document to be clean again', () => !editor.document.isDirty || undefined);
  });

  it('puts a deleted heading back before its own text with the preferred quick fix (screenshot of the menu)', async () => {
    const editor = await open('003_35a5abd99a445aeb.txt');
    const original = editor.document.getText();
    const heading = original.split('\n').indexOf('Recommendations');
    await editor.edit((edit) => edit.delete(new vscode.Range(heading, 0, heading + 1, 0)));
    const missing = await waitFor('section.missing', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'section.missing'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((action) => /‘Recommendations’|‘section\.missing’/.test(action.title));
    assert.deepEqual(ours.map((action) => [action.title, action.isPreferred ?? false]), [
      [`Insert the ‘Recommendations’ heading before its text (line ${heading + 1})`, true],
      ['Insert the ‘Recommendations’ heading as an empty section (line 163)', false],
      ['Turn off ‘section.missing’ for this file', false],
    ]);
    // The menu as a user opens it on the problem.
    editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.equal(editor.document.getText(), original);
    // Mended: the server, told of the edit, takes the problem back.
    await waitFor('section.missing to go', () =>
      !vscode.languages.getDiagnostics(editor.document.uri).some((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'section.missing') || undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('says, as information, that a published focused visit names nothing to improve (screenshot)', async function () {
    // A letter of the wide corpus beside the repository (not beside a packaged extension),
    // in the workspace for a while, as a download would be.
    const name = 'westminster-focused-visit-20-july-2022.txt';
    const published = path.join(sharedDir(), 'corpus-wide', name);
    if (!fs.existsSync(published)) this.skip();
    await vscode.workspace.fs.writeFile(seed(name), fs.readFileSync(published));
    try {
      const editor = await open(name);
      const found = await waitFor('the letter’s problems', () => {
        const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'inspection-reports');
        return problems.length > 0 ? problems : undefined;
      });
      // Published and complete: no error, only what a reader should know.
      assert.deepEqual(found.map((diagnostic) => [typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, diagnostic.severity]), [
        ['section.missing-usual', vscode.DiagnosticSeverity.Information],
      ]);
      assert.match(found[0].message, /^This focused visit names nothing to improve: .* 102 of 107 published ones of 2019–22 have\.$/);
      // It names no finding of any category: the findings view has none to list.
      await waitFor('the findings view to empty', async () => (await treeLabels(api)).length === 0 || undefined);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('usual-section');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(seed(name));
    }
  });

  it('turns a rule off for one file, as its quick fix does, and shows the report summary', async () => {
    const editor = await open('003_35a5abd99a445aeb.txt');
    const uri = editor.document.uri;
    const codes = () => vscode.languages.getDiagnostics(uri).map((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));
    await waitFor('the SIF report’s warning', () => codes().includes('judgement.missing-in-section') || undefined);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(181, 0, 181, 0));
    const turnOff = actions.find((action) => action.title === 'Turn off ‘judgement.missing-in-section’ for this file');
    assert.ok(turnOff?.command, actions.map((action) => action.title).join(', '));
    await vscode.commands.executeCommand(turnOff.command.command, ...(turnOff.command.arguments ?? []));
    assert.deepEqual(vscode.workspace.getConfiguration('inspectionReports', uri).get('diagnostics.ignore'), { '003_35a5abd99a445aeb.txt': ['judgement.missing-in-section'] });
    await waitFor('the warning to go', () => !codes().includes('judgement.missing-in-section') || undefined);
    await vscode.workspace.getConfiguration('inspectionReports', uri).update('diagnostics.ignore', undefined, vscode.ConfigurationTarget.WorkspaceFolder);

    await vscode.commands.executeCommand('inspectionReports.showSummary');
    const summary = await waitFor('the summary document', () => vscode.workspace.textDocuments.find((document) => document.languageId === 'markdown' && document.getText().startsWith('### Thurrock Council')));
    assert.match(summary.getText(), /\| Recommendations \| 18 \|/);
    // Read-only, with nothing to save, and it follows the report as it is edited.
    assert.equal(summary.uri.scheme, 'inspection-report-summary');
    assert.equal(summary.isDirty, false);
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 0, 2, 'Thurrock Council'.length), 'Thurrock Borough Council'));
    await waitFor('the summary to follow the edit', () => summary.getText().startsWith('### Thurrock Borough Council') || undefined);
    await screenshot('report-summary');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the report reverted', () => !editor.document.isDirty || undefined);
  });
});
