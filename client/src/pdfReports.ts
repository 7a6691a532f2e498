// Reports as Ofsted publishes them, as PDFs: "Open as Inspection Report" asks the language
// server for the PDF's text (PDF.js lives in the server's bundle, not here) and opens it
// as a read-only document of the report language, with every feature of a text file.
// VS Code shows a PDF as binary, so when one becomes the active tab, this offers to.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { pdfReportScheme, pdfTextRequest, type PdfTextParams } from '../../server/src/protocol';
import { languageId } from './languageClient';

export const openPdfCommand = 'inspectionReports.openPdf';

export function pdfReportUri(pdf: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: pdfReportScheme, path: pdf.path, query: pdf.toString() });
}

/** The PDF whose text a document of the scheme holds. */
export function pdfOf(report: vscode.Uri): vscode.Uri | undefined {
  return report.scheme === pdfReportScheme && report.query ? vscode.Uri.parse(report.query, true) : undefined;
}

function isPdf(uri: vscode.Uri): boolean {
  return uri.scheme !== pdfReportScheme && /\.pdf$/i.test(uri.path);
}

function fileName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

/** The text of each PDF opened, read once for the command and the provider alike. */
class PdfReports implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, Promise<string>>();

  constructor(private readonly client: LanguageClient) {}

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.text(uri);
  }

  /** The PDF's text, or an error whose message says why there is none. */
  text(report: vscode.Uri): Promise<string> {
    const key = report.toString();
    let text = this.texts.get(key);
    if (!text) {
      text = this.read(report);
      this.texts.set(key, text);
      // A failure is not kept: the next try reads the file again.
      text.catch(() => this.texts.delete(key));
    }
    return text;
  }

  private async read(report: vscode.Uri): Promise<string> {
    const pdf = pdfOf(report);
    if (!pdf) throw new Error(`${report.toString()} names no PDF`);
    // Any file system VS Code can read, not only this machine's.
    const bytes = await vscode.workspace.fs.readFile(pdf);
    const params: PdfTextParams = { data: Buffer.from(bytes).toString('base64') };
    const result = await this.client.sendRequest(pdfTextRequest, params);
    if (result.text === undefined) throw new Error(`Cannot read ${fileName(pdf)}: ${result.error ?? 'no answer from the language server'}.`);
    return result.text;
  }

  /** Reads the PDF again the next time, and has open editors of it ask. */
  refresh(pdf: vscode.Uri): void {
    for (const document of vscode.workspace.textDocuments) {
      if (pdfOf(document.uri)?.toString() !== pdf.toString()) continue;
      this.texts.delete(document.uri.toString());
      this.changed.fire(document.uri);
    }
  }

  forget(report: vscode.Uri): void {
    this.texts.delete(report.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerPdfReports(client: LanguageClient, memento: vscode.Memento): vscode.Disposable[] {
  const reports = new PdfReports(client);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.pdf', true, false, true);
  return [
    reports,
    vscode.workspace.registerTextDocumentContentProvider(pdfReportScheme, reports),
    vscode.commands.registerCommand(openPdfCommand, (uri?: vscode.Uri, selected?: vscode.Uri[]) => openPdfs(reports, uri, selected)),
    // However it opens (the command, a finding's "go to" after it closed, a restored
    // editor), a PDF's text is a report.
    vscode.workspace.onDidOpenTextDocument((document) => void asReport(document)),
    vscode.workspace.onDidCloseTextDocument((document) => reports.forget(document.uri)),
    watcher,
    watcher.onDidChange((uri) => reports.refresh(uri)),
    ...offerToOpen(memento),
  ];
}

async function asReport(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.uri.scheme !== pdfReportScheme || document.languageId === languageId) return document;
  return vscode.languages.setTextDocumentLanguage(document, languageId);
}

/** From the explorer (one or several selected), an editor's title, the offer, or the palette (a file picker). */
async function openPdfs(reports: PdfReports, uri: vscode.Uri | undefined, selected: vscode.Uri[] | undefined): Promise<void> {
  let pdfs = (selected && selected.length > 0 ? selected : uri ? [uri] : []).filter(isPdf);
  if (pdfs.length === 0 && uri === undefined) {
    const active = activePdf();
    pdfs = active
      ? [active]
      : ((await vscode.window.showOpenDialog({ title: 'Open as Inspection Report', filters: { PDF: ['pdf', 'PDF'] }, canSelectMany: true, openLabel: 'Open as Inspection Report' })) ?? []);
  }
  for (const pdf of pdfs) await openPdf(reports, pdf);
}

async function openPdf(reports: PdfReports, pdf: vscode.Uri): Promise<void> {
  const report = pdfReportUri(pdf);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${fileName(pdf)}` }, () => reports.text(report));
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  // VS Code shows a PDF as a placeholder saying it is binary; the report takes its tab.
  const placeholder = binaryTab(pdf, vscode.window.tabGroups.activeTabGroup);
  const document = await asReport(await vscode.workspace.openTextDocument(report));
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: placeholder?.group.viewColumn });
  const stale = placeholder && binaryTab(pdf, placeholder.group);
  if (stale) await vscode.window.tabGroups.close(stale, true);
}

/** The group's tab of the PDF as VS Code shows it without a PDF viewer: as a text file it cannot show. */
function binaryTab(pdf: vscode.Uri, group: vscode.TabGroup): vscode.Tab | undefined {
  return group.tabs.find((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === pdf.toString());
}

function activePdf(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return uri && isPdf(uri) ? uri : undefined;
}

const offeredKey = 'inspectionReports.pdfsOffered';
// Enough to remember a folder of reports; the oldest are forgotten first.
const mostRemembered = 500;

/** When a PDF becomes the active tab, offer once per file to open it as a report. */
function offerToOpen(memento: vscode.Memento): vscode.Disposable[] {
  // Tabs change in bursts: this session's offers are known at once, before the memento saves.
  const offeredNow = new Set<string>();
  const offer = async (): Promise<void> => {
    const pdf = activePdf();
    if (!pdf || offeredNow.has(pdf.toString()) || !vscode.workspace.getConfiguration('inspectionReports', pdf).get<boolean>('pdf.offerToOpen', true)) return;
    offeredNow.add(pdf.toString());
    const offered = memento.get<string[]>(offeredKey, []);
    if (offered.includes(pdf.toString())) return;
    await memento.update(offeredKey, [...offered, pdf.toString()].slice(-mostRemembered));
    const open = 'Open as Inspection Report';
    const never = 'Don’t Offer for PDFs';
    const answer = await vscode.window.showInformationMessage(`${fileName(pdf)} is a PDF. Open its text as an inspection report, with its outline and findings?`, open, never);
    if (answer === open) await vscode.commands.executeCommand(openPdfCommand, pdf);
    if (answer === never) await vscode.workspace.getConfiguration('inspectionReports').update('pdf.offerToOpen', false, vscode.ConfigurationTarget.Global);
  };
  void offer();
  return [vscode.window.tabGroups.onDidChangeTabs(() => void offer()), vscode.window.tabGroups.onDidChangeTabGroups(() => void offer())];
}
