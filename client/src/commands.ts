// The commands of the palette, the findings view and the quick fixes: moving between
// areas for priority action, going to a finding, copying and exporting findings, and
// turning a rule off for one file (in VS Code's settings).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportFindings, type ExportFormat, type Finding, type Range } from '../../server/src/report';
import { workspaceFindingsRequest, type IgnoreRuleInFileArguments, type ReportFindings } from '../../server/src/protocol';
import type { ActiveReport } from './activeReport';
import type { FindingsView } from './findingsView';
import { pdfOf } from './pdfReports';

export function registerCommands(active: ActiveReport, view: FindingsView): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    command('inspectionReports.nextPriorityAction', () => stepPriorityAction(active, 1)),
    command('inspectionReports.previousPriorityAction', () => stepPriorityAction(active, -1)),
    command('inspectionReports.goToFinding', (uri?: string, range?: Range) => (uri && range ? reveal(vscode.Uri.parse(uri), range) : pickFinding(active))),
    command('inspectionReports.copyFinding', (node?: { finding?: Finding }) => copyFinding(node?.finding ?? view.selection ?? findingAtCursor(active))),
    command('inspectionReports.exportFindings', () => exportCommand(active)),
    command('inspectionReports.showWorkspaceFindings', () => view.setScope('workspace')),
    command('inspectionReports.showReportFindings', () => view.setScope('report')),
    command('inspectionReports.filterFindings', async () => {
      const filter = await vscode.window.showInputBox({ title: 'Filter findings', prompt: 'Words the finding or its section must contain', value: view.currentFilter });
      if (filter !== undefined) await view.setFilter(filter);
    }),
    command('inspectionReports.clearFindingsFilter', () => view.setFilter('')),
  ];
}

function allFindings(report: ReportFindings | undefined): Finding[] {
  return (report?.groups ?? []).flatMap((group) => group.findings).sort((a, b) => a.range.start.line - b.range.start.line);
}

async function reveal(uri: vscode.Uri, range: Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  const target = new vscode.Range(range.start.line, range.start.character, range.start.line, range.start.character);
  editor.selection = new vscode.Selection(target.start, target.start);
  editor.revealRange(new vscode.Range(range.start.line, 0, range.end.line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Moves the cursor to the next (or previous) area for priority action, round the end. */
async function stepPriorityAction(active: ActiveReport, direction: 1 | -1): Promise<void> {
  const editor = active.editor;
  const actions = allFindings(active.findings).filter((finding) => finding.category === 'priority-action');
  if (!editor || actions.length === 0) {
    void vscode.window.showInformationMessage(editor ? 'This report has no areas for priority action.' : 'Open an inspection report first.');
    return;
  }
  const line = editor.selection.active.line;
  const ahead = direction === 1 ? actions.find((finding) => finding.range.start.line > line) : [...actions].reverse().find((finding) => finding.range.start.line < line);
  const target = ahead ?? (direction === 1 ? actions[0] : actions[actions.length - 1]);
  await reveal(editor.document.uri, target.range);
  vscode.window.setStatusBarMessage(`Area for priority action ${actions.indexOf(target) + 1} of ${actions.length}`, 3000);
}

async function pickFinding(active: ActiveReport): Promise<void> {
  const editor = active.editor;
  const findings = allFindings(active.findings);
  if (!editor || findings.length === 0) return;
  const picked = await vscode.window.showQuickPick(
    findings.map((finding) => ({ label: finding.text, description: finding.section, detail: `${finding.category} · line ${finding.range.start.line + 1}`, finding })),
    { title: 'Go to Finding', matchOnDescription: true },
  );
  if (picked) await reveal(editor.document.uri, picked.finding.range);
}

function findingAtCursor(active: ActiveReport): Finding | undefined {
  const line = active.editor?.selection.active.line;
  return line === undefined ? undefined : allFindings(active.findings).find((finding) => finding.range.start.line <= line && line <= finding.range.end.line);
}

async function copyFinding(finding: Finding | undefined): Promise<void> {
  if (!finding) return;
  await vscode.env.clipboard.writeText(finding.text);
  vscode.window.setStatusBarMessage('Finding copied', 2000);
}

const formats: { label: string; format: ExportFormat; extension: string }[] = [
  { label: 'CSV', format: 'csv', extension: 'csv' },
  { label: 'JSON', format: 'json', extension: 'json' },
  { label: 'Markdown', format: 'markdown', extension: 'md' },
];

async function exportCommand(active: ActiveReport): Promise<void> {
  const scope = await vscode.window.showQuickPick(
    [
      ...(active.findings ? [{ label: `This report (${active.findings.title})`, workspace: false }] : []),
      { label: 'Every report in the workspace', workspace: true },
    ],
    { title: 'Export findings of' },
  );
  if (!scope) return;
  const format = await vscode.window.showQuickPick(formats, { title: 'Export findings as' });
  if (!format) return;
  const reports = scope.workspace ? await active.client.sendRequest(workspaceFindingsRequest, {}) : [active.findings as ReportFindings];
  const base = scope.workspace ? 'findings' : `${path.parse(vscode.Uri.parse(reports[0].uri).path).name}-findings`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format.extension}`) : undefined,
    filters: { [format.label]: [format.extension] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(exportFindings(reports, format.format), 'utf8'));
  void vscode.window.showInformationMessage(`Exported the findings of ${reports.length} ${reports.length === 1 ? 'report' : 'reports'} to ${vscode.workspace.asRelativePath(target)}.`);
}

/**
 * Adds the code to `inspectionReports.diagnostics.ignore` for this file, in its folder's
 * settings. The language client registers the command (the server offers it); its
 * middleware calls this.
 */
export async function ignoreRuleInFile({ uri, code }: IgnoreRuleInFileArguments): Promise<void> {
  // A PDF's text is named by its PDF in the settings, as the server names it.
  const resource = pdfOf(vscode.Uri.parse(uri)) ?? vscode.Uri.parse(uri);
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  const key = folder ? path.posix.relative(folder.uri.path, resource.path) : resource.fsPath;
  const configuration = vscode.workspace.getConfiguration('inspectionReports', resource);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<Record<string, string[]>>('diagnostics.ignore');
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  const codes = [...new Set([...(current[key] ?? []), code])];
  await configuration.update('diagnostics.ignore', { ...current, [key]: codes }, target);
}
