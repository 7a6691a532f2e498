// The authority history panel in real VS Code, in the workspace of the seeds: the command
// opens it on Thurrock's three reports, it follows reports as they open, and a click on a
// finding opens the report there. Where the corpus is beside the extension, the City of
// London's two reports join the workspace for a while, for the README's picture of a
// recurring finding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';
import { historySectionId } from '../../client/src/authorityHistoryPage';
import { inCleanWindow, seed, sharedDir, waitFor } from './helpers';
import { screenshot } from './screenshot';

function historyTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Authority History');
}

describe('Authority history in VS Code', () => {
  let api: InspectionReportsApi;

  inCleanWindow((activated) => (api = activated));

  it('opens a panel on Thurrock’s reports, 2009, 2016 and 2019, from the palette', async () => {
    await vscode.commands.executeCommand('inspectionReports.showAuthorityHistory');
    const panel = api.authorityHistory;
    const result = await waitFor('Thurrock’s history', () => panel.result?.histories.some((history) => history.key === 'thurrock') && panel.result);
    const tab = await waitFor('the panel’s tab', historyTab);
    assert.equal(tab.isActive, true);
    assert.equal(panel.webviewPanel?.title, 'Authority History');
    assert.deepEqual(result.histories.map((history) => history.name), ['Thurrock']);
    const [thurrock] = result.histories;
    assert.deepEqual(thurrock.reports.map((report) => [path.basename(vscode.Uri.parse(report.uri).fsPath), report.kind, report.date.label]), [
      ['000_cedd8d57784a9609.txt', 'cra-letter', '2 December 2009'],
      ['003_35a5abd99a445aeb.txt', 'sif-report', '24 May 2016'],
      ['002_9f986742e412e620.txt', 'ilacs-summary', 'after 2016'],
    ]);
    assert.deepEqual(thurrock.reports[1].judgements.find((judgement) => judgement.area === 'overall')?.grade, 'requires-improvement');
    // The page has the answer in front of the reader, not only the extension.
    await waitFor('the page to show it', () => panel.upToDate);
  });

  it('follows reports as they open, and opens a finding where it stands', async () => {
    const panel = api.authorityHistory;
    // A second report about Essex, open in no folder: the panel follows without being asked.
    const draft = await vscode.workspace.openTextDocument({ language: 'inspection-report', content: (await vscode.workspace.openTextDocument(seed('001_3fc988dedc62c826.txt'))).getText() });
    await waitFor('Essex in the panel', () => panel.result?.histories.some((history) => history.key === 'essex'));
    await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('Essex to leave the panel', () => panel.result?.histories.every((history) => history.key !== 'essex'));

    // What a click in the page asks for: recommendation 4 of the SIF report, selected beside the panel.
    const sif = panel.result?.histories[0].reports[1];
    const finding = sif?.findings.find((candidate) => candidate.number === 4);
    assert.ok(sif && finding);
    const editor = await panel.open(sif.uri, finding.range);
    assert.equal(editor?.document.uri.toString(), sif.uri);
    assert.equal(editor?.selection.start.line, finding.range.start.line);
    assert.notEqual(editor?.viewColumn, panel.webviewPanel?.viewColumn);
    // A file the panel does not show is not opened, whatever the page asks.
    assert.equal(await panel.open(seed('001_3fc988dedc62c826.txt').toString(), finding.range), undefined);
  });

  it('shows a recurring finding side by side (screenshot)', async function () {
    const panel = api.authorityHistory;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The corpus stands beside the repository, not the packaged extension. Its two
    // reports on the City of London join the workspace for a while, as downloads would.
    const corpus = path.join(sharedDir(), 'corpus');
    const names = ['london-corporation-inspection-20-september-2016.txt', 'london-corporation-inspection-06-april-2020.txt'];
    const withCorpus = names.every((name) => fs.existsSync(path.join(corpus, name)));
    const copies = names.map((name) => seed(name));
    if (withCorpus) {
      for (const [index, name] of names.entries()) await vscode.workspace.fs.writeFile(copies[index], fs.readFileSync(path.join(corpus, name)));
    }
    try {
      await vscode.commands.executeCommand('inspectionReports.findings.focus');
      await vscode.commands.executeCommand('inspectionReports.showAuthorityHistory');
      if (withCorpus) {
        const result = await waitFor('the City of London’s history', () => panel.result?.histories.some((history) => history.key === 'city of london') && panel.result);
        const london = result.histories.find((history) => history.key === 'city of london');
        assert.equal(london?.recurring.length, 1);
        assert.deepEqual(london?.recurring[0].shared, ['record', 'decision']);
      }
      await waitFor('the page to show it', () => panel.upToDate);
      // The recurring finding, below the timeline, the chart and the table.
      if (withCorpus) await panel.show({ type: 'reveal', id: `${historySectionId('city of london')}-recurring` });
      await screenshot('authority-history');
    } finally {
      if (withCorpus) {
        for (const copy of copies) await vscode.workspace.fs.delete(copy);
        await waitFor('the City of London to leave the panel', () => panel.result?.histories.every((history) => history.key !== 'city of london'));
      }
    }
    if (!withCorpus) this.skip();
  });
});
