// What the in-editor tests share: the extension's API, waiting by polling (never a fixed
// sleep), opening a seed of the workspace, and reading the findings view's top level.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../client/src/extension';

export const extensionId = 'inspection-reports.inspection-reports';

export const essex = '001_3fc988dedc62c826.txt';

export async function activate(): Promise<InspectionReportsApi> {
  const extension = vscode.extensions.getExtension<InspectionReportsApi>(extensionId);
  assert.ok(extension, `${extensionId} is installed`);
  return extension.activate();
}

/**
 * A suite's hooks for the panels: the extension activated and no editors open before it;
 * after it, the window as the other tests expect it: no editors, the Explorer in the side bar.
 */
export function inCleanWindow(activated: (api: InspectionReportsApi) => void): void {
  before(async () => {
    activated(await activate());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
}

/** The shared documents beside the repository (not beside a packaged extension), where they are. */
export function sharedDir(): string {
  return path.resolve(vscode.extensions.getExtension(extensionId)?.extensionPath ?? '', '..', 'shared');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A file of the workspace folder, which the runner makes a copy of seeds/. */
export function seed(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the seeds folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(seed(name));
  await vscode.window.showTextDocument(document);
  // The extension switches the plain-text file to the report language.
  return waitFor('the report language', () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'inspection-report' && editor.document.uri.toString() === seed(name).toString() ? editor : undefined;
  });
}

/** The labels of the findings view's top level, each with its count. */
export async function treeLabels(api: InspectionReportsApi): Promise<string[]> {
  const view = api.findingsView;
  return Promise.all(view.getChildren().map(async (node) => {
    const item = view.getTreeItem(node);
    return `${typeof item.label === 'string' ? item.label : item.label?.label} (${item.description})`;
  }));
}

/** The names of the document's symbols, once there are some. */
export async function symbolNames(uri: vscode.Uri): Promise<string[]> {
  return waitFor('document symbols', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return found && found.length > 0 ? found.map((symbol) => symbol.name) : undefined;
  });
}
