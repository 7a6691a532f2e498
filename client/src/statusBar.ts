// The active report in one line of the status bar: its kind, overall judgement and the
// counts that matter most; a click opens the findings view.
import * as vscode from 'vscode';
import { gradeNames, reportKindLabels } from '../../server/src/report';
import type { ActiveReport } from './activeReport';
import { findingsViewId } from './findingsView';

export function registerStatusBar(active: ActiveReport): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('inspectionReports.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Inspection Report';
  item.command = `${findingsViewId}.focus`;
  const update = (): void => {
    const report = active.findings;
    if (!report) {
      item.hide();
      return;
    }
    const count = (category: string) => report.groups.find((group) => group.category === category)?.findings.length ?? 0;
    const priority = count('priority-action');
    // The counts a reader acts on: priority actions always (none is news too), and
    // areas for development and recommendations where the report has them.
    const counts = [
      `$(flame) ${priority}`,
      count('development') > 0 ? `$(arrow-circle-up) ${count('development')}` : undefined,
      count('recommendation') > 0 ? `$(lightbulb) ${count('recommendation')}` : undefined,
    ];
    item.text = [report.kindName ?? reportKindLabels[report.kind], report.overall ? gradeNames[report.overall] : undefined, ...counts].filter(Boolean).join(' · ');
    item.tooltip = `${report.title}: ${report.groups.map((group) => `${group.findings.length} ${group.name.toLowerCase()}`).join(', ')}. Click to show the findings.`;
    item.backgroundColor = priority > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const listener = active.onDidChange(update);
  update();
  return vscode.Disposable.from(item, listener);
}
