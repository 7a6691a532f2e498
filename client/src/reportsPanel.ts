// A webview panel on the reports of the workspace, as the language server reads them (the
// authority history request): shown by a command, asked again when the reports change,
// and opening a report where a click in the page says, beside the panel. The authority
// history and the judgements of the workspace are two pages over the same answer.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from '../../server/src/report';
import { authorityHistoryRequest, type AuthorityHistoryParams, type AuthorityHistoryResult } from '../../server/src/protocol';
import type { PageOptions } from './webviewPage';

/** What a page says to the extension. */
export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number }
  | { readonly type: 'open'; readonly uri: string; readonly range: Range }
  | { readonly type: 'history'; readonly key: string };

export interface ReportsPage {
  readonly viewType: string;
  readonly title: string;
  /** What to ask the server. */
  readonly params: AuthorityHistoryParams;
  /** The whole page, and the part of it replaced when the reports change. */
  page(result: AuthorityHistoryResult | undefined, options: PageOptions): string;
  body(result: AuthorityHistoryResult | undefined): string;
}

export class ReportsPanel implements vscode.Disposable {
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
  /** Sent to the page once it shows the current content (a history to scroll to). */
  private pending: object | undefined;
  /** What the panel shows; read by the in-editor tests. */
  result: AuthorityHistoryResult | undefined;
  /** A click on an authority, for the judgements page: the history's key. */
  onHistory: ((key: string) => void) | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** `changed` fires when the reports may have changed (the findingsChanged notification). */
  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri, private readonly kind: ReportsPage, changed: vscode.Event<void>) {
    this.disposables.push(changed(() => this.schedule()));
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the panel, or brings it forward, and asks for the reports afresh; then, if given, tells the page `then`. */
  async show(then?: object): Promise<void> {
    this.pending = then;
    if (this.panel) {
      this.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'findings.svg');
      this.ready = false;
      panel.webview.html = this.kind.page(this.result, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
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
    let result: AuthorityHistoryResult;
    try {
      result = await this.client.sendRequest(authorityHistoryRequest, this.kind.params);
    } catch (error) {
      // A newer request is on its way (this one was cancelled), or the server is down.
      if (ask === this.asked) void vscode.window.showErrorMessage(`Inspection Reports: cannot read the reports of the workspace: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Asked again while the server answered: the newer answer wins.
    if (ask !== this.asked || !this.panel) return;
    this.result = result;
    this.render();
  }

  private render(force = false): void {
    const html = this.kind.body(this.result);
    // Switching editors asks again; the same answer leaves the page, and its scroll, alone.
    if (!this.panel || !this.ready) return;
    if (html !== this.rendered || force) {
      this.rendered = html;
      void this.panel.webview.postMessage({ type: 'render', html, version: ++this.version });
    }
    if (this.pending && this.result) {
      void this.panel.webview.postMessage(this.pending);
      this.pending = undefined;
    }
  }

  /** The page shows the latest answer of the server (it has said so). */
  get upToDate(): boolean {
    return this.panel !== undefined && this.result !== undefined && this.shownVersion === this.version && this.rendered === this.kind.body(this.result);
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
    else if (message?.type === 'history' && typeof message.key === 'string') this.onHistory?.(message.key);
  }

  /** Opens a report of those shown at the range, selected, beside the panel. */
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
