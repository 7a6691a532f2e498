// The command "Show Authority History": a webview panel with the history of each
// authority that has two or more reports in the workspace, asked of the language server
// and asked again when the reports change. A click on a report or a finding in the page
// opens the report there, beside the panel.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from '../../server/src/report';
import { authorityHistoryRequest, type AuthorityHistoryParams, type AuthorityHistoryResult } from '../../server/src/protocol';
import { historyBody, historyPage } from './authorityHistoryPage';

export const showAuthorityHistoryCommand = 'inspectionReports.showAuthorityHistory';
const viewType = 'inspectionReports.authorityHistory';
const title = 'Authority History';

/** What the page says to the extension. */
type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number }
  | { readonly type: 'open'; readonly uri: string; readonly range: Range };

export class AuthorityHistoryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The page's script has loaded and listens for new content. */
  private ready = false;
  /** The reports changed while the panel was hidden. */
  private stale = false;
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The content last sent to the page, and its version. */
  private rendered = '';
  private version = 0;
  private shownVersion = -1;
  /** What the panel shows; read by the in-editor tests. */
  result: AuthorityHistoryResult | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** `changed` fires when the reports may have changed (the findingsChanged notification). */
  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri, changed: vscode.Event<void>) {
    this.disposables.push(changed(() => this.schedule()));
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the panel, or brings it forward, and asks for the histories afresh. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'findings.svg');
      this.ready = false;
      panel.webview.html = historyPage(this.result, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
      panel.webview.onDidReceiveMessage((message: PageMessage) => void this.receive(message), undefined, this.disposables);
      panel.onDidChangeViewState(() => {
        // A hidden panel's page is let go; it says when it is back.
        if (!panel.visible) this.ready = false;
        else if (this.stale) this.schedule();
      }, undefined, this.disposables);
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      }, undefined, this.disposables);
      this.panel = panel;
    }
    await this.refresh();
  }

  /** Reports change in bursts (an indexing run, typing): one request after them. */
  private schedule(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  private async refresh(): Promise<void> {
    const ask = ++this.asked;
    this.stale = false;
    const params: AuthorityHistoryParams = {};
    let result: AuthorityHistoryResult;
    try {
      result = await this.client.sendRequest(authorityHistoryRequest, params);
    } catch (error) {
      // A newer request is on its way (this one was cancelled), or the server is down.
      if (ask === this.asked) void vscode.window.showErrorMessage(`Inspection Reports: cannot read the authorities’ histories: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Asked again while the server answered: the newer answer wins.
    if (ask !== this.asked || !this.panel) return;
    this.result = result;
    this.render();
  }

  private render(force = false): void {
    const html = historyBody(this.result);
    // Switching editors asks again; the same answer leaves the page, and its scroll, alone.
    if (!this.panel || !this.ready || (html === this.rendered && !force)) return;
    this.rendered = html;
    void this.panel.webview.postMessage({ type: 'render', html, version: ++this.version });
  }

  /** The page shows the latest answer of the server (it has said so). */
  get upToDate(): boolean {
    return this.panel !== undefined && this.result !== undefined && this.shownVersion === this.version && this.rendered === historyBody(this.result);
  }

  private async receive(message: PageMessage): Promise<void> {
    if (message?.type === 'ready') {
      // A page loaded afresh (a hidden panel's page is let go): it needs the content.
      this.ready = true;
      this.render(true);
      return;
    }
    if (message?.type === 'rendered' && typeof message.version === 'number') this.shownVersion = message.version;
    else if (message?.type === 'open') await this.open(message.uri, message.range);
  }

  /** Opens a report of the histories shown at the range, selected, beside the panel. */
  async open(uri: string, range: Range): Promise<vscode.TextEditor | undefined> {
    // Only what the panel shows: the page is not trusted to name any file.
    const known = this.result?.histories.some((history) => history.reports.some((report) => report.uri === uri));
    if (!known || !isRange(range)) return undefined;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function isRange(range: unknown): range is Range {
  const position = (value: unknown) => {
    const { line, character } = (value ?? {}) as { line?: unknown; character?: unknown };
    return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
  };
  const { start, end } = (range ?? {}) as { start?: unknown; end?: unknown };
  return position(start) && position(end);
}

/** The command and the panel it opens. */
export function registerAuthorityHistory(client: LanguageClient, extensionUri: vscode.Uri, changed: vscode.Event<void>): { panel: AuthorityHistoryPanel; disposables: vscode.Disposable[] } {
  const panel = new AuthorityHistoryPanel(client, extensionUri, changed);
  return { panel, disposables: [panel, vscode.commands.registerCommand(showAuthorityHistoryCommand, () => panel.show())] };
}
