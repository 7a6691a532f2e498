// The Judgements panel in real VS Code: every report of the workspace in one table, a grade
// opening its report there, an authority opening its history. Where the shared corpora are
// beside the extension, they join the workspace for a while (531 documents with the
// seeds), for the README's pictures of the table and of one authority's history, in the
// light theme and the dark.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';
import { inCleanWindow, seed, sharedDir, waitFor } from './helpers';
import { screenshot } from './screenshot';

describe('Judgements in VS Code', () => {
  let api: InspectionReportsApi;
  const reportCount = () => api.judgements.result?.histories.reduce((sum, history) => sum + history.reports.length, 0) ?? 0;

  inCleanWindow((activated) => (api = activated));

  it('lists every report of the workspace, opens one at a grade, and an authority’s history', async () => {
    await vscode.commands.executeCommand('inspectionReports.showJudgements');
    await waitFor('the five seeds in the table', () => reportCount() === 5 || undefined).catch((error: Error) => {
      throw new Error(`${error.message}: ${api.judgements.result?.histories.flatMap((history) => history.reports.map((report) => report.uri)).join(', ') ?? 'no answer'}; open: ${vscode.workspace.textDocuments.map((document) => document.uri.toString()).join(', ')}`);
    });
    assert.equal(api.judgements.webviewPanel?.title, 'Judgements');
    await waitFor('the page to show them', () => api.judgements.upToDate);

    // A grade's cell opens the report there, beside the panel.
    const sif = api.judgements.result!.histories.flatMap((history) => history.reports).find((report) => report.kind === 'sif-report')!;
    const overall = sif.judgements.find((judgement) => judgement.area === 'overall')!;
    const editor = await api.judgements.open(sif.uri, overall.range);
    assert.equal(editor?.document.uri.toString(), sif.uri);
    assert.equal(editor?.selection.start.line, overall.range.start.line);

    // The authority's name opens its history.
    api.judgements.onHistory?.('thurrock');
    await waitFor('Thurrock’s history', () => (api.authorityHistory.webviewPanel?.visible && api.authorityHistory.result?.histories.some((history) => history.key === 'thurrock')) || undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fills the table from the shared corpora, and draws an authority’s history (screenshots, light and dark)', async function () {
    this.timeout(180000);
    const shared = sharedDir();
    const folders = ['corpus', 'corpus-wide'].map((name) => path.join(shared, name));
    if (!folders.every((folder) => fs.existsSync(folder))) this.skip();
    const archive = seed('archive');
    for (const folder of folders) {
      for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(archive, name), fs.readFileSync(path.join(folder, name)));
      }
    }
    const theme = vscode.workspace.getConfiguration('workbench');
    try {
      const expected = 5 + folders.reduce((sum, folder) => sum + fs.readdirSync(folder).filter((file) => file.endsWith('.txt')).length, 0);
      // The pictures show the panel alone, without the Problems the other tests opened.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('inspectionReports.showJudgements');
      await waitFor(`the ${expected} documents in the table`, () => reportCount() === expected || undefined, 120000).catch((error: Error) => {
        const shown = new Set(api.judgements.result?.histories.flatMap((history) => history.reports.map((report) => path.basename(vscode.Uri.parse(report.uri).path))));
        const missing = folders.flatMap((folder) => fs.readdirSync(folder)).filter((name) => name.endsWith('.txt') && !shown.has(name));
        throw new Error(`${error.message}: ${reportCount()} shown; not shown: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`);
      });
      await waitFor('the page to show them', () => api.judgements.upToDate);
      await screenshot('judgements');
      await theme.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      await waitFor('the dark theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark || undefined);
      await screenshot('judgements-dark');

      // North East Lincolnshire: four reports of three kinds, 2017 to 2025.
      api.judgements.onHistory?.('north east lincolnshire');
      const history = await waitFor('North East Lincolnshire’s history', () => api.authorityHistory.result?.histories.find((entry) => entry.key === 'north east lincolnshire'), 60000);
      await waitFor('the history panel to show it', () => (api.authorityHistory.webviewPanel?.visible && api.authorityHistory.upToDate) || undefined, 60000);
      assert.equal(history?.reports.length, 4);
      await screenshot('authority-history-chart-dark');
      await theme.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the light theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light || undefined);
      await screenshot('authority-history-chart');
    } finally {
      await theme.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(archive, { recursive: true });
    }
  });
});
