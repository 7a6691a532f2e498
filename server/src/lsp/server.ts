// The language server: LSP requests in, the report service's answers out. Each handler
// finds the document, takes its model from the cache (one parse per version) and calls
// one pure feature; everything a feature computes lives in ../features.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type FileEvent,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { authorityHistories, checkReport, definitionsAt, diagnosticCodes, documentSymbols, findingGroups, foldingRanges, historyReport, hoverAt, kindsFileName, largestDocument, matchesQuery, megabytes, recurrenceThreshold, reportCard, type Report } from '../report';
import { codeActions } from './codeActions';
import { toDiagnostic } from './diagnostics';
import { applyRuleSettings, withFolderIgnores } from './ruleSettings';
import {
  authorityHistoryRequest,
  documentFindingsRequest,
  findingsChangedNotification,
  ignoreRuleInFileCommand,
  kindsChangedNotification,
  pdfTextRequest,
  reportSummaryRequest,
  workspaceFindingsRequest,
  type AuthorityHistoryParams,
  type AuthorityHistoryResult,
  type DocumentFindingsParams,
  type FindingsChangedParams,
  type HistoryReport,
  type IgnoreRuleInFileArguments,
  type PdfTextParams,
  type ReportFindings,
} from '../protocol';
import { FolderWatcher } from './folderWatcher';
import { answerPdfText } from './pdfRequest';
import { ReportCache } from './reportCache';
import { SettingsSource } from './settings';
import { localPath, WorkspaceIndex } from './workspaceIndex';
import { WorkspaceKinds } from './workspaceKinds';

export interface ServerOptions {
  /** The README whose `<a id="code">` anchors explain each diagnostic code. */
  readonly readme?: string;
  /** How long typing must pause before a document is checked again. */
  readonly debounceMs?: number;
  /** Documents longer than this many characters are declined. */
  readonly largestDocument?: number;
}

// Long enough to let a burst of typing through unchecked, short enough that problems on
// a 1 MB report appear within 100 ms of the last keystroke.
const defaultDebounceMs = 25;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const largest = options.largestDocument ?? largestDocument;
  const reports = new ReportCache(largest);
  const explanation = explanations(options.readme);
  const index = new WorkspaceIndex(largest, (uris) => notifyFindingsChanged(uris), (message) => connection.console.log(message));
  const kinds = new WorkspaceKinds((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
  let settings = new SettingsSource(connection, false);
  let folders: string[] = [];
  let watchFiles = false;
  let folderChanges = false;
  // Settles once the index has read the workspace as the latest settings define it;
  // requests over the whole workspace wait for it, from before the first crawl starts.
  let indexStarted: () => void = () => undefined;
  let indexed = new Promise<void>((resolve) => (indexStarted = resolve));

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    settings = new SettingsSource(connection, capabilities.workspace?.configuration === true, section(params.initializationOptions));
    watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChanges = capabilities.workspace?.workspaceFolders === true;
    const given: readonly WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    folders = localFolders(given);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Inspection report' },
        hoverProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        // Every command that a code action carries, so that any client can run it.
        executeCommandProvider: { commands: [ignoreRuleInFileCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Inspection Reports' },
      // A custom result (LSP allows them): the client has no other way to know the process,
      // and its restart test kills it.
      processId: process.pid,
    };
  });

  connection.onInitialized(async () => {
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(localFolders(removed));
        folders = [...folders.filter((folder) => !gone.has(folder)), ...localFolders(added)];
        reindex();
      });
    }
    // Indexing starts first: the workspace requests wait for it, whatever the watchers do.
    reindex();
    await watch();
  });

  // ------------------------------------------------------------------ diagnostics

  const pending = new Map<string, NodeJS.Timeout>();

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(pending.get(document.uri));
    pending.set(document.uri, setTimeout(() => {
      pending.delete(document.uri);
      void validate(document.uri);
    }, delay));
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const ruleSettings = (await settings.forScope(uri)).diagnostics;
    // Edited or closed while the settings were on their way: a newer run will follow.
    if (documents.get(uri)?.version !== version) return;
    let diagnostics: Diagnostic[];
    const report = safely(() => reports.get(document), undefined);
    if (!report) {
      diagnostics = reports.tooLarge(document) ? [tooLarge(document)] : [];
    } else {
      const { folder, file } = inFolder(uri);
      const rules = folder === undefined ? ruleSettings : withFolderIgnores(ruleSettings, kinds.ignoreIn(folder));
      diagnostics = safely(() => applyRuleSettings(checkReport(report), rules, file).map((diagnostic) => toDiagnostic(diagnostic, explanation)), []);
      index.update(uri, report);
    }
    await connection.sendDiagnostics({ uri, version, diagnostics });
    notifyFindingsChanged([uri]);
  }

  function tooLarge(document: TextDocument): Diagnostic {
    const message = `This document is ${megabytes(document.getText().length)}; Inspection Reports reads documents of up to ${megabytes(largest)}, so it shows no outline or findings for it.`;
    return toDiagnostic({ code: 'document.too-large', severity: 'information', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, explanation);
  }

  // Checked at once when opened, then once typing pauses.
  const checked = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    schedule(document, checked.has(document.uri) ? (options.debounceMs ?? defaultDebounceMs) : 0);
    checked.add(document.uri);
  });
  documents.onDidClose(({ document }) => {
    checked.delete(document.uri);
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    reports.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // What is on disk again stands for the report, unsaved edits or not.
    void index.refresh(document.uri);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.forget(section(change.settings));
    for (const document of documents.all()) schedule(document, 0);
    reindex();
    void watch();
  });

  // The client watches the files the index reads, and says when they change; where it
  // cannot, the server watches the folders that hold them (after each indexing).
  const ownWatcher = new FolderWatcher(filesChanged, (message) => connection.console.log(message));
  connection.onShutdown(() => ownWatcher.dispose());
  let watching: Promise<{ dispose(): void } | undefined> = Promise.resolve(undefined);
  function watch(): Promise<unknown> {
    if (!watchFiles) return Promise.resolve();
    const previous = watching;
    watching = (async () => {
      (await previous)?.dispose();
      const { include } = (await settings.forScope(undefined)).index;
      const globs = [...include, `**/${kindsFileName}`];
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
    })().catch((error: unknown) => {
      connection.console.error(`Inspection Reports: cannot watch files: ${String(error)}`);
      return undefined;
    });
    return watching;
  }

  // ------------------------------------------------------------------ features

  connection.onDocumentSymbol(({ textDocument }, token) => withReport(textDocument.uri, token, [], documentSymbols));
  connection.onFoldingRanges(({ textDocument }, token) => withReport(textDocument.uri, token, [], foldingRanges));
  connection.onHover(({ textDocument, position }, token) => withReport(textDocument.uri, token, null, (report) => hoverAt(report, position) ?? null));
  connection.onDefinition(({ textDocument, position }, token) =>
    withReport(textDocument.uri, token, [], (report) => definitionsAt(report, position, textDocument.uri)));
  connection.onCodeAction(({ textDocument, context }, token) => withReport(textDocument.uri, token, [], () => codeActions(textDocument.uri, context.diagnostics)));

  connection.onWorkspaceSymbol(async ({ query }, token) => {
    await indexed;
    if (token.isCancellationRequested) return cancelled();
    return index
      .symbols()
      .filter(({ symbol }) => matchesQuery(symbol, query))
      .slice(0, 1000)
      .map(({ uri, symbol }) => ({ name: symbol.name, kind: symbol.kind, containerName: symbol.container, location: { uri, range: symbol.range } }));
  });

  connection.onRequest(documentFindingsRequest, ({ uri }: DocumentFindingsParams, token: CancellationToken): ReportFindings | null | ResponseError<void> => {
    if (!documents.get(uri)) return index.get(uri) ?? null;
    return withReport(uri, token, null, (report) => findingGroups(report, uri, path.basename(URI.parse(uri).path)));
  });

  connection.onRequest(reportSummaryRequest, ({ uri }: DocumentFindingsParams, token: CancellationToken) => withReport(uri, token, null, reportCard));

  // A report's PDF, read for the client, which opens its text as a report.
  connection.onRequest(pdfTextRequest, (params: PdfTextParams) => answerPdfText(params, (message) => connection.console.error(message)));

  connection.onRequest(workspaceFindingsRequest, async (...args: unknown[]) => {
    const token = lastToken(args);
    await indexed;
    return token.isCancellationRequested ? cancelled() : index.all();
  });

  // ------------------------------------------------------------------ authority history

  connection.onRequest(authorityHistoryRequest, async (...args: unknown[]): Promise<AuthorityHistoryResult | ResponseError<void>> => {
    const token = lastToken(args);
    const params = (args.length > 1 ? args[0] : undefined) as AuthorityHistoryParams | null | undefined;
    await indexed;
    if (token.isCancellationRequested) return cancelled();
    const histories = safely(() => authorityHistories(historyReports(), { includeSingle: params?.includeSingle === true }), []);
    return { threshold: recurrenceThreshold, histories };
  });

  /** The index's reports, with each open document as its editor holds it, in the workspace folders or not. */
  function historyReports(): HistoryReport[] {
    const byUri = new Map(index.histories().map((report) => [report.uri, report]));
    for (const document of documents.all()) {
      const report = safely(() => reports.get(document), undefined);
      if (report && report.kind !== 'unknown') byUri.set(document.uri, historyReport(document.uri, report));
    }
    return [...byUri.values()];
  }

  connection.onDidChangeWatchedFiles(({ changes }) => filesChanged(changes));

  function filesChanged(changes: readonly FileEvent[]): void {
    // A kinds file changed: every report is read again, open or not.
    if (changes.some((change) => WorkspaceKinds.isKindsFile(change.uri, folders))) reindex();
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) index.remove(change.uri);
      // An open document's own text wins over the file on disk.
      else if (!documents.get(change.uri)) void index.refresh(change.uri);
    }
  }

  // ------------------------------------------------------------------ commands

  // VS Code's client runs "Turn off … for this file" itself, writing its settings; other
  // clients' settings are theirs alone, so the server writes the folder's own file.
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const { uri, code } = (args?.[0] ?? {}) as Partial<IgnoreRuleInFileArguments>;
    if (command !== ignoreRuleInFileCommand || typeof uri !== 'string' || !(diagnosticCodes as readonly unknown[]).includes(code)) {
      return new ResponseError(ErrorCodes.InvalidParams, `Inspection Reports runs ${ignoreRuleInFileCommand} with { uri, code } only.`);
    }
    const { folder, file } = inFolder(uri);
    const problem = folder === undefined
      ? 'the file is in no workspace folder, so there is no .inspection-reports.json to add it to; turn the rule off in the settings you give the server (inspectionReports.diagnostics.ignore)'
      : await kinds.ignoreRuleInFile(folder, file, code as string);
    if (problem) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Inspection Reports cannot turn off ‘${code}’ for ${file}: ${problem}.` });
      return null;
    }
    await readKinds();
    return null;
  });

  // ------------------------------------------------------------------ helpers

  /**
   * The answer for one document: `empty` when it is not open or too large to read, a
   * cancellation error when the client has stopped waiting, and `empty` again if the
   * feature fails (logged), so that one odd document never stops the server.
   */
  function withReport<T>(uri: string, token: CancellationToken, empty: T, feature: (report: Report) => T): T | ResponseError<void> {
    const document = documents.get(uri);
    if (!document) return empty;
    if (token.isCancellationRequested) return cancelled();
    const report = safely(() => reports.get(document), undefined);
    if (!report) return empty;
    if (token.isCancellationRequested) return cancelled();
    return safely(() => feature(report), empty);
  }

  function safely<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch (error) {
      connection.console.error(`Inspection Reports: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  let changedUris = new Set<string>();
  let changedTimer: NodeJS.Timeout | undefined;
  function notifyFindingsChanged(uris: readonly string[]): void {
    // Gathered for a moment: an indexing run or a burst of saves is one notification.
    for (const uri of uris) changedUris.add(uri);
    changedTimer ??= setTimeout(() => {
      const params: FindingsChangedParams = { uris: [...changedUris] };
      changedUris = new Set();
      changedTimer = undefined;
      void connection.sendNotification(findingsChangedNotification, params);
    }, 100);
  }

  function reindex(): void {
    const started = indexStarted;
    indexed = (async () => {
      await readKinds();
      const scope = (await settings.forScope(undefined)).index;
      await index.rebuild({ folders, settings: scope, excluded: await settings.excludedFiles() });
      // The crawl read every file from disk: an open document's text stands for its report.
      for (const document of documents.all()) {
        const report = safely(() => reports.get(document), undefined);
        if (report) index.update(document.uri, report);
      }
      if (!watchFiles) ownWatcher.watch(scope.enable ? [...folders, ...index.folders()] : []);
    })()
      .catch((error: unknown) => connection.console.error(`Inspection Reports: indexing failed: ${String(error)}`))
      .finally(started);
    indexStarted = () => undefined;
  }

  /**
   * Reads the folders' `.inspection-reports.json`; when the kinds changed, every open
   * document is read again and the client hears of them (it recognises plain-text files);
   * when they or the codes turned off changed, every open document is checked again.
   */
  async function readKinds(): Promise<void> {
    const changed = await kinds.read(folders);
    if (changed.kinds) {
      reports.forgetAll(kinds.kinds);
      index.kinds = kinds.kinds;
      void connection.sendNotification(kindsChangedNotification, { kinds: kinds.kinds });
    }
    if (changed.kinds || changed.ignore) for (const document of documents.all()) schedule(document, 0);
  }

  /** The document's workspace folder and its path there, `/`-separated; or its whole path outside them. */
  function inFolder(uri: string): { folder?: string; file: string } {
    const file = URI.parse(uri).fsPath;
    const folder = folders.find((candidate) => !path.relative(candidate, file).startsWith('..'));
    return { folder, file: (folder ? path.relative(folder, file) : file).split(path.sep).join('/') };
  }

  documents.listen(connection);
  connection.listen();
}

/**
 * The folders the index may read: those on this machine. A virtual workspace's folders
 * (`vscode-vfs://…`) are the client's to read; their documents come through the editor.
 */
function localFolders(given: readonly WorkspaceFolder[]): string[] {
  return given.flatMap((folder) => localPath(folder.uri) ?? []);
}

/** The `inspectionReports` section of settings a client sent along, if it did. */
function section(sent: unknown): unknown {
  return typeof sent === 'object' && sent !== null ? (sent as { inspectionReports?: unknown }).inspectionReports : undefined;
}

/** A request sent with params, with `{}` or with none at all has its token last either way. */
function lastToken(args: readonly unknown[]): CancellationToken {
  return args[args.length - 1] as CancellationToken;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Each code's explanation: the README's line that holds `<a id="code">`, as a link. */
function explanations(readme: string | undefined): (code: string) => string | undefined {
  if (!readme) return () => undefined;
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(readme, 'utf8').split('\n');
  } catch {
    return () => undefined;
  }
  const base = URI.file(readme).toString();
  return (code) => {
    const line = lines.findIndex((text) => text.includes(`<a id="${code}">`));
    return line < 0 ? undefined : `${base}#L${line + 1}`;
  };
}
