// A kind the workspace defines, in real VS Code: the definition file written into the
// open folder is picked up as it is saved, a plain-text report of that kind becomes an
// inspection report with its own outline and grades, and a mistake in the definition is
// a problem on the file. The workspace is left as it was found.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, waitFor } from './helpers';
import { screenshot } from './screenshot';

// The bundle runs from dist/test/editor; the example is in the repository.
const example = path.resolve(__dirname, '..', '..', '..', 'examples', 'school-inspection');
const reportName = 'riverside-primary-school-2024.txt';

describe('a kind of report the workspace defines', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri;
  const kindsFile = () => vscode.Uri.joinPath(folder(), '.inspection-reports.json');
  const report = () => vscode.Uri.joinPath(folder(), reportName);
  const definition = fs.readFileSync(path.join(example, '.inspection-reports.json'), 'utf8');

  before(async () => {
    await activate();
    await vscode.workspace.fs.writeFile(report(), fs.readFileSync(path.join(example, reportName)));
  });

  // One editor and no panel, for the screenshots.
  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [kindsFile(), report()]) await vscode.workspace.fs.delete(uri);
  });

  it('reads a school inspection report once its definition is saved in the folder', async () => {
    // Without the definition, the school report is plain text.
    const document = await vscode.workspace.openTextDocument(report());
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'plaintext');

    await vscode.workspace.fs.writeFile(kindsFile(), Buffer.from(definition));
    await waitFor('the report language', () => editor.document.languageId === 'inspection-report' || undefined);
    const symbols = await waitFor('the outline with its grades', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found?.some((symbol) => symbol.detail === 'Requires improvement') ? found : undefined;
    });
    assert.deepEqual(symbols.slice(0, 3).map((symbol) => [symbol.name, symbol.detail]), [
      ['Overall effectiveness', 'Requires improvement'],
      ['The quality of education', 'Requires improvement'],
      ['Behaviour and attitudes', 'Good'],
    ]);
    assert.ok(symbols.some((symbol) => symbol.name === 'What does the school need to do to improve?' && symbol.detail === '3 for development'));
    await vscode.commands.executeCommand('outline.focus');
    await screenshot('workspace-kind');
  });

  it('shows a mistake in the definition on the file itself', async () => {
    await vscode.workspace.fs.writeFile(kindsFile(), Buffer.from(definition.replace('"Requires improvement", "Inadequate"', '"Requires improvement", "Inadequate", 4')));
    const problems = await waitFor('the problem in the definition', () => {
      const found = vscode.languages.getDiagnostics(kindsFile()).filter((diagnostic) => diagnostic.source === 'inspection-reports');
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(problems.map((problem) => problem.message), ['Kind 1 judgementScale.4: should be string; this kind is left out.']);
    const editor = await vscode.window.showTextDocument(kindsFile());
    editor.selection = new vscode.Selection(problems[0].range.start, problems[0].range.start);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('workspace-kind-problem');
  });
});
