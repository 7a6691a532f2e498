// What the language server knows: the open documents and their models, the workspace
// folders, the index of the reports in them, the folders' own kinds and the settings.
// Handlers ask it in one line each; it answers with the report service's functions.
import * as path from 'node:path';
import {
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type FileEvent,
  type SymbolInformation,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { authorityHistories, diagnosticCodes, findingGroups, historyReport, largestDocument, matchesQuery, recurrenceThreshold, type Report } from '../report';
import { ignoreRuleInFileCommand, type AuthorityHistoryParams, type AuthorityHistoryResult, type HistoryReport, type IgnoreRuleInFileArguments, type ReportFindings } from '../protocol';
import { FolderWatcher } from './folderWatcher';
import { ReportCache } from './reportCache';
import { SettingsSource } from './settings';
import { localPath, WorkspaceIndex } from './workspaceIndex';
import { WorkspaceKinds } from './workspaceKinds';

/** What the client can do for the server, from `initialize`. */
export interface ClientAbilities {
  /** It answers workspace/configuration. */
  readonly pullsSettings: boolean;
  /** It watches files for the server (dynamic registration of didChangeWatchedFiles). */
  readonly watchesFiles: boolean;
}

export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  readonly reports: ReportCache;
  readonly index: WorkspaceIndex;
  readonly kinds: WorkspaceKinds;
  settings: SettingsSource;
  // When the user last edited an open document or the editor asked something of one.
  private lastUse = 0;
  private folders: string[] = [];
  private watchesFiles = false;
  private readonly ownWatcher: FolderWatcher;
  // Settles once the index has read the workspace as the latest settings define it;
  // requests over the whole workspace wait for it, from before the first crawl starts.
  private indexStarted: () => void = () => undefined;
  private indexed = new Promise<void>((resolve) => (this.indexStarted = resolve));

  /**
   * `findingsChanged`: told of reports whose findings may have changed; `recheckAll`: told
   * when every open document must be checked again (kinds or codes turned off changed);
   * `kindsChanged`: told of the folders' kinds when they differ from before.
   */
  constructor(
    private readonly connection: Connection,
    private readonly events: {
      readonly findingsChanged: (uris: readonly string[]) => void;
      readonly recheckAll: () => void;
      readonly kindsChanged: () => void;
    },
    largest = largestDocument,
  ) {
    const log = (message: string): void => connection.console.log(message);
    this.reports = new ReportCache(largest);
    this.index = new WorkspaceIndex(largest, events.findingsChanged, log);
    this.kinds = new WorkspaceKinds((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
    this.settings = new SettingsSource(connection, false);
    this.ownWatcher = new FolderWatcher((changes) => this.filesChanged(changes), log);
    this.documents.onDidChangeContent(() => (this.lastUse = performance.now()));
  }

  /** Whether the user is typing or the editor asking, this last tenth of a second: warming up waits. */
  busy(): boolean {
    return performance.now() - this.lastUse < 100;
  }

  initialize(client: ClientAbilities, folders: readonly WorkspaceFolder[], settings: unknown): void {
    this.settings = new SettingsSource(this.connection, client.pullsSettings, settings);
    this.watchesFiles = client.watchesFiles;
    this.folders = localFolders(folders);
  }

  // ------------------------------------------------------------------ one document

  /**
   * The answer for one open document: `empty` when it is not open or too large to read, a
   * cancellation error when the client has stopped waiting, and `empty` again if the
   * feature fails (logged), so that one odd document never stops the server.
   */
  withReport<T>(uri: string, token: CancellationToken, empty: T, feature: (report: Report) => T): T | ResponseError<void> {
    const document = this.documents.get(uri);
    if (!document) return empty;
    this.lastUse = performance.now();
    if (token.isCancellationRequested) return cancelled();
    const report = this.report(document);
    if (!report) return empty;
    if (token.isCancellationRequested) return cancelled();
    return this.safely(() => feature(report), empty);
  }

  /** The document's model; undefined if it is too large to read or its reading failed (logged). */
  report(document: TextDocument): Report | undefined {
    return this.safely(() => this.reports.get(document), undefined);
  }

  /** An open report's findings as its editor holds it, else the index's. */
  documentFindings(uri: string, token: CancellationToken): ReportFindings | null | ResponseError<void> {
    if (!this.documents.get(uri)) return this.index.get(uri) ?? null;
    return this.withReport(uri, token, null, (report) => findingGroups(report, uri, path.basename(URI.parse(uri).path)));
  }

  closed(uri: string): void {
    this.reports.delete(uri);
    // What is on disk again stands for the report, unsaved edits or not.
    void this.index.refresh(uri);
  }

  /** The document's workspace folder and its path there, `/`-separated; or its whole path outside them. */
  inFolder(uri: string): { folder?: string; file: string } {
    const file = URI.parse(uri).fsPath;
    const folder = this.folders.find((candidate) => !path.relative(candidate, file).startsWith('..'));
    return { folder, file: (folder ? path.relative(folder, file) : file).split(path.sep).join('/') };
  }

  // ------------------------------------------------------------------ the whole workspace

  async workspaceFindings(token: CancellationToken): Promise<ReportFindings[] | ResponseError<void>> {
    await this.indexed;
    return token.isCancellationRequested ? cancelled() : this.index.all();
  }

  /** The index's symbols that match a query, the first thousand. */
  async symbols(query: string, token: CancellationToken): Promise<SymbolInformation[] | ResponseError<void>> {
    await this.indexed;
    if (token.isCancellationRequested) return cancelled();
    return this.index
      .symbols()
      .filter(({ symbol }) => matchesQuery(symbol, query))
      .slice(0, 1000)
      .map(({ uri, symbol }) => ({ name: symbol.name, kind: symbol.kind, containerName: symbol.container, location: { uri, range: symbol.range } }));
  }

  async authorityHistory(params: AuthorityHistoryParams | undefined, token: CancellationToken): Promise<AuthorityHistoryResult | ResponseError<void>> {
    await this.indexed;
    if (token.isCancellationRequested) return cancelled();
    const histories = this.safely(() => authorityHistories(this.historyReports(), { includeSingle: params?.includeSingle === true }), []);
    return { threshold: recurrenceThreshold, histories };
  }

  /**
   * The index's reports, with each open document as its editor holds it, in the workspace
   * folders or not; but not a document whose file was deleted, which VS Code may keep a
   * while after its editor closed.
   */
  private historyReports(): HistoryReport[] {
    const byUri = new Map(this.index.histories().map((report) => [report.uri, report]));
    for (const document of this.documents.all()) {
      if (this.index.deletedOnDisk(document.uri)) continue;
      const report = this.report(document);
      if (report && report.kind !== 'unknown') byUri.set(document.uri, historyReport(document.uri, report));
    }
    return [...byUri.values()];
  }

  foldersChanged(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(localFolders(removed));
    this.folders = [...this.folders.filter((folder) => !gone.has(folder)), ...localFolders(added)];
    this.reindex();
  }

  settingsChanged(settings: unknown): void {
    this.settings.forget(settings);
    this.events.recheckAll();
    this.reindex();
  }

  filesChanged(changes: readonly FileEvent[]): void {
    // A kinds file changed: every report is read again, open or not.
    if (changes.some((change) => WorkspaceKinds.isKindsFile(change.uri, this.folders))) this.reindex();
    let openGoneOrBack = false;
    for (const change of changes) {
      const document = this.documents.get(change.uri);
      const wasDeleted = this.index.deletedOnDisk(change.uri);
      if (change.type === FileChangeType.Deleted) this.index.remove(change.uri);
      // An open document's own text wins over the file on disk.
      else if (document) this.index.restore(change.uri, this.report(document));
      else void this.index.refresh(change.uri);
      if (document && wasDeleted !== this.index.deletedOnDisk(change.uri)) openGoneOrBack = true;
    }
    // A deleted file's problems go with it, although VS Code keeps its document a while.
    if (openGoneOrBack) this.events.recheckAll();
  }

  /** Reads the workspace again: the folders' kinds, then every report the settings include. */
  reindex(): void {
    const started = this.indexStarted;
    this.indexed = (async () => {
      await this.readKinds();
      const scope = (await this.settings.forScope(undefined)).index;
      await this.index.rebuild({ folders: this.folders, settings: scope, excluded: await this.settings.excludedFiles() });
      // The crawl read every file from disk: an open document's text stands for its report.
      for (const document of this.documents.all()) {
        const report = this.report(document);
        if (report) this.index.update(document.uri, report);
      }
      // The client watches the files the index reads, and says when they change; where it
      // cannot, the server watches the folders that hold them.
      if (!this.watchesFiles) this.ownWatcher.watch(scope.enable ? [...this.folders, ...this.index.folders()] : []);
    })()
      .catch((error: unknown) => this.connection.console.error(`Inspection Reports: indexing failed: ${String(error)}`))
      .finally(started);
    this.indexStarted = () => undefined;
  }

  /**
   * Reads the folders' `.inspection-reports.json`; when the kinds changed, every open
   * document is read again and the client hears of them (it recognises plain-text files);
   * when they or the codes turned off changed, every open document is checked again.
   */
  private async readKinds(): Promise<void> {
    const changed = await this.kinds.read(this.folders);
    if (changed.kinds) {
      this.reports.forgetAll(this.kinds.kinds);
      this.index.kinds = this.kinds.kinds;
      this.events.kindsChanged();
    }
    if (changed.kinds || changed.ignore) this.events.recheckAll();
  }

  // ------------------------------------------------------------------ commands

  /**
   * "Turn off … for this file" for clients other than VS Code's, whose settings are theirs
   * alone: the code goes into the folder's own `.inspection-reports.json`.
   */
  async ignoreRuleInFile(args: Partial<IgnoreRuleInFileArguments>): Promise<null | ResponseError<void>> {
    const { uri, code } = args;
    if (typeof uri !== 'string' || !(diagnosticCodes as readonly unknown[]).includes(code)) {
      return new ResponseError(ErrorCodes.InvalidParams, `Inspection Reports runs ${ignoreRuleInFileCommand} with { uri, code } only.`);
    }
    const { folder, file } = this.inFolder(uri);
    const problem = folder === undefined
      ? 'the file is in no workspace folder, so there is no .inspection-reports.json to add it to; turn the rule off in the settings you give the server (inspectionReports.diagnostics.ignore)'
      : await this.kinds.ignoreRuleInFile(folder, file, code as string);
    if (problem) {
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Inspection Reports cannot turn off ‘${code}’ for ${file}: ${problem}.` });
      return null;
    }
    await this.readKinds();
    return null;
  }

  dispose(): void {
    this.ownWatcher.dispose();
  }

  safely<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch (error) {
      this.connection.console.error(`Inspection Reports: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }
}

/**
 * The folders the index may read: those on this machine. A virtual workspace's folders
 * (`vscode-vfs://…`) are the client's to read; their documents come through the editor.
 */
function localFolders(given: readonly WorkspaceFolder[]): string[] {
  return given.flatMap((folder) => localPath(folder.uri) ?? []);
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
