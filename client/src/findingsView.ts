// The findings tree: areas for priority action first, then the other categories, each a
// click from its place in the report; for the active report, or for every report in the
// workspace, by authority and then by report, the latest first. A badge counts the areas
// for priority action.
import * as vscode from 'vscode';
import { countFindings, findingCategoryNames, reportKindLabels, type Finding, type FindingCategory } from '../../server/src/report';
import { workspaceFindingsRequest, type FindingGroup, type ReportFindings } from '../../server/src/protocol';
import type { ActiveReport } from './activeReport';

export const findingsViewId = 'inspectionReports.findings';

type Scope = 'report' | 'workspace';

type Node =
  | { readonly type: 'authority'; readonly name: string; readonly reports: readonly ReportFindings[] }
  | { readonly type: 'report'; readonly report: ReportFindings; readonly parent: Node }
  | { readonly type: 'group'; readonly report: ReportFindings; readonly group: FindingGroup; readonly parent?: Node }
  | { readonly type: 'finding'; readonly report: ReportFindings; readonly finding: Finding; readonly parent: Node };

const icons: Record<FindingCategory, vscode.ThemeIcon> = {
  'priority-action': new vscode.ThemeIcon('flame', new vscode.ThemeColor('list.errorForeground')),
  development: new vscode.ThemeIcon('arrow-circle-up', new vscode.ThemeColor('list.warningForeground')),
  recommendation: new vscode.ThemeIcon('lightbulb'),
  strength: new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.green')),
  satisfactory: new vscode.ThemeIcon('pass'),
};

export class FindingsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private scope: Scope = 'report';
  private filter = '';
  private workspace: ReportFindings[] = [];
  /** The nodes shown, kept so that reveal() finds the same objects. */
  private roots: Node[] = [];
  private children = new WeakMap<Node, Node[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly active: ActiveReport) {
    this.view = vscode.window.createTreeView(findingsViewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      active.onDidChange(() => void this.rebuild()),
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      this.view.onDidChangeVisibility(() => void this.rebuild()),
    );
    void this.setScope('report');
  }

  async setScope(scope: Scope): Promise<void> {
    this.scope = scope;
    await vscode.commands.executeCommand('setContext', 'inspectionReports.findingsScope', scope);
    await this.rebuild();
  }

  async setFilter(filter: string): Promise<void> {
    this.filter = filter.trim();
    await vscode.commands.executeCommand('setContext', 'inspectionReports.findingsFiltered', this.filter !== '');
    await this.rebuild();
  }

  get currentFilter(): string {
    return this.filter;
  }

  private async rebuild(): Promise<void> {
    if (this.scope === 'workspace' && this.view.visible) {
      // None while the server is down: it says when its findings change once it is back.
      this.workspace = await this.active.client.sendRequest(workspaceFindingsRequest, {}).catch(() => []);
    }
    const reports = this.scope === 'report' ? (this.active.findings ? [this.active.findings] : []) : this.workspace;
    const shown = reports.map((report) => this.filtered(report)).filter((report) => report.groups.length > 0);
    this.roots = this.scope === 'report' ? (shown[0] ? this.groupNodes(shown[0]) : []) : authorityNodes(shown);
    const priority = reports.reduce((sum, report) => sum + (report.groups.find((group) => group.category === 'priority-action')?.findings.length ?? 0), 0);
    this.view.badge = priority > 0 ? { value: priority, tooltip: `${priority} ${priority === 1 ? 'area' : 'areas'} for priority action` } : undefined;
    this.view.description = [this.scope === 'workspace' ? `${reports.length} reports` : undefined, this.filter ? `filter: ${this.filter}` : undefined].filter(Boolean).join(' · ');
    this.view.message =
      this.filter && reports.length > 0 && shown.length === 0
        ? `No finding matches ‘${this.filter}’.`
        : this.scope === 'report' && reports[0] && shown.length === 0
          ? `${reports[0].title}: ${describe(reports[0])}. It names no area for priority action, area for development, recommendation or strength.`
          : undefined;
    this.changed.fire(undefined);
  }

  private filtered(report: ReportFindings): ReportFindings {
    if (!this.filter) return report;
    const words = this.filter.toLowerCase().split(/\s+/);
    const matches = (finding: Finding) => words.every((word) => `${finding.text} ${finding.section}`.toLowerCase().includes(word));
    return { ...report, groups: report.groups.map((group) => ({ ...group, findings: group.findings.filter(matches) })).filter((group) => group.findings.length > 0) };
  }

  private groupNodes(report: ReportFindings, parent?: Node): Node[] {
    return report.groups.map((group) => ({ type: 'group', report, group, parent }));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    let children = this.children.get(node);
    if (!children) {
      if (node.type === 'authority') children = node.reports.map((report) => ({ type: 'report', report, parent: node }));
      else if (node.type === 'report') children = this.groupNodes(node.report, node);
      else if (node.type === 'group') children = node.group.findings.map((finding) => ({ type: 'finding', report: node.report, finding, parent: node }));
      else children = [];
      this.children.set(node, children);
    }
    return children;
  }

  getParent(node: Node): Node | undefined {
    return node.type === 'authority' ? undefined : node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'authority') {
      // Closed, with its counts: the workspace reads as a list of authorities first.
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `authority:${node.name}`;
      const findings = node.reports.flatMap((report) => report.groups.flatMap((group) => group.findings));
      item.description = `${node.reports.length} ${node.reports.length === 1 ? 'report' : 'reports'} · ${countFindings(findings)}`;
      item.iconPath = findings.some((finding) => finding.category === 'priority-action') ? icons['priority-action'] : new vscode.ThemeIcon('organization');
      return item;
    }
    if (node.type === 'report') {
      // Told apart from the authority's other reports by kind and date.
      const item = new vscode.TreeItem(node.report.kindName ?? reportKindLabels[node.report.kind], vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.report.uri;
      item.description = `${node.report.date.label} · ${countFindings(node.report.groups.flatMap((group) => group.findings))}`;
      item.tooltip = vscode.workspace.asRelativePath(vscode.Uri.parse(node.report.uri));
      item.iconPath = node.report.groups.some((group) => group.category === 'priority-action') ? icons['priority-action'] : new vscode.ThemeIcon('file-text');
      return item;
    }
    if (node.type === 'group') {
      // Priority actions and areas for development open; the longer lists start closed.
      const open = node.group.category === 'priority-action' || node.group.category === 'development';
      const item = new vscode.TreeItem(node.group.name, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.report.uri}#${node.group.category}`;
      item.description = String(node.group.findings.length);
      item.iconPath = icons[node.group.category];
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(`${finding.number !== undefined ? `${finding.number}. ` : ''}${finding.text}`);
    item.id = `${node.report.uri}#${finding.range.start.line}:${finding.range.start.character}`;
    item.description = finding.section;
    item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${findingCategoryNames[finding.category]}** · ${finding.section}${finding.recurring ? ' · recurring' : ''}\n\n`).appendText(finding.text);
    item.iconPath = icons[finding.category];
    item.contextValue = 'finding';
    item.command = { command: 'inspectionReports.goToFinding', title: 'Go to Finding', arguments: [node.report.uri, finding.range] };
    return item;
  }

  /** Selects the finding under the cursor, when the view shows the active report. */
  private follow(editor: vscode.TextEditor): void {
    if (this.scope !== 'report' || !this.view.visible || editor !== vscode.window.activeTextEditor) return;
    const line = editor.selection.active.line;
    for (const group of this.roots) {
      for (const node of this.getChildren(group)) {
        if (node.type === 'finding' && node.finding.range.start.line <= line && line <= node.finding.range.end.line) {
          void this.view.reveal(node, { select: true, focus: false });
          return;
        }
      }
    }
  }

  /** What the view says above its tree; read by the in-editor tests. */
  get message(): string | undefined {
    return this.view.message;
  }

  /** The finding node selected in the view, for commands run from its context menu. */
  get selection(): Finding | undefined {
    const [node] = this.view.selection;
    return node?.type === 'finding' ? node.finding : undefined;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** The workspace's reports under their authorities, by name; each authority's latest report first. */
function authorityNodes(reports: readonly ReportFindings[]): Node[] {
  const byAuthority = new Map<string, ReportFindings[]>();
  for (const report of reports) byAuthority.set(report.title, [...(byAuthority.get(report.title) ?? []), report]);
  return [...byAuthority]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, held]) => ({ type: 'authority', name, reports: [...held].sort((a, b) => dated(b) - dated(a) || a.uri.localeCompare(b.uri)) }));
}

// Undated reports last.
function dated(report: ReportFindings): number {
  return report.date.source === 'none' ? 0 : report.date.order;
}

/** `ILACS focused visit, 18 June 2021`. */
function describe(report: ReportFindings): string {
  const kind = report.kindName ?? reportKindLabels[report.kind];
  return report.date.source === 'none' ? kind : `${kind}, ${report.date.label}`;
}
