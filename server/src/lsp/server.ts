// The language server: LSP messages in, the report service's answers out. Each handler
// is one line: the workspace (./workspace) finds the document and its model (one parse
// per version), and one pure feature of the service answers.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type HandlerResult,
  type InitializeResult,
  type RequestType,
} from 'vscode-languageserver';
import { definitionsAt, documentSymbols, foldingRanges, hoverAt, kindsFileName, reportCard } from '../report';
import {
  authorityHistoryRequest,
  documentFindingsRequest,
  findingsChangedNotification,
  ignoreRuleInFileCommand,
  kindsChangedNotification,
  pdfTextRequest,
  reportSummaryRequest,
  workspaceFindingsRequest,
  type IgnoreRuleInFileArguments,
} from '../protocol';
import { Checks } from './checks';
import { codeActions } from './codeActions';
import { explanations } from './diagnostics';
import { answerPdfText } from './pdfRequest';
import { Workspace } from './workspace';

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
  const findingsChanged = findingsChangedBatch(connection);
  const workspace: Workspace = new Workspace(connection, {
    findingsChanged,
    recheckAll: () => checks.all(),
    kindsChanged: () => void connection.sendNotification(kindsChangedNotification, { kinds: workspace.kinds.kinds }),
  }, options.largestDocument);
  const checks = new Checks(connection, workspace, options.debounceMs ?? defaultDebounceMs, explanations(options.readme), (uri) => findingsChanged([uri]));
  const { documents } = workspace;
  let folderChanges = false;
  let watchesFiles = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChanges = capabilities.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    workspace.initialize({ pullsSettings: capabilities.workspace?.configuration === true, watchesFiles }, folders, section(params.initializationOptions));
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
    if (folderChanges) connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => workspace.foldersChanged(added, removed));
    // Indexing starts first: the workspace requests wait for it, whatever the watchers do.
    workspace.reindex();
    await watch();
  });

  documents.onDidChangeContent(({ document }) => checks.changed(document));
  documents.onDidClose(({ document }) => {
    checks.closed(document.uri);
    workspace.closed(document.uri);
  });
  connection.onDidChangeConfiguration((change) => {
    workspace.settingsChanged(section(change.settings));
    void watch();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => workspace.filesChanged(changes));
  connection.onShutdown(() => workspace.dispose());

  // The client watches the files the index reads and the kinds files, where it can. A
  // change of settings that leaves the globs alone leaves the watchers alone; new ones are
  // in place before the old go, so that no file created meanwhile goes unseen.
  let watching: Promise<{ globs: string; registration: { dispose(): void } } | undefined> = Promise.resolve(undefined);
  function watch(): Promise<unknown> {
    if (!watchesFiles) return Promise.resolve();
    const previous = watching;
    watching = (async () => {
      const { include } = (await workspace.settings.forScope(undefined)).index;
      const globs = [...include, `**/${kindsFileName}`];
      const key = JSON.stringify(globs);
      const before = await previous;
      if (before?.globs === key) return before;
      const registration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
      before?.registration.dispose();
      return { globs: key, registration };
    })().catch((error: unknown) => {
      connection.console.error(`Inspection Reports: cannot watch files: ${String(error)}`);
      return undefined;
    });
    return watching;
  }

  // ------------------------------------------------------------------ features

  connection.onDocumentSymbol(({ textDocument }, token) => workspace.withReport(textDocument.uri, token, [], documentSymbols));
  connection.onFoldingRanges(({ textDocument }, token) => workspace.withReport(textDocument.uri, token, [], foldingRanges));
  connection.onHover(({ textDocument, position }, token) => workspace.withReport(textDocument.uri, token, null, (report) => hoverAt(report, position) ?? null));
  connection.onDefinition(({ textDocument, position }, token) => workspace.withReport(textDocument.uri, token, [], (report) => definitionsAt(report, position, textDocument.uri)));
  connection.onCodeAction(({ textDocument, context }, token) => workspace.withReport(textDocument.uri, token, [], () => codeActions(textDocument.uri, context.diagnostics)));
  connection.onWorkspaceSymbol(({ query }, token) => workspace.symbols(query, token));

  connection.onRequest(documentFindingsRequest, ({ uri }, token) => workspace.documentFindings(uri, token));
  connection.onRequest(reportSummaryRequest, ({ uri }, token) => workspace.withReport(uri, token, null, reportCard));
  // A report's PDF, read for the client, which opens its text as a report.
  connection.onRequest(pdfTextRequest, (params) => answerPdfText(params, (message) => connection.console.error(message)));
  onRequestWithOrWithoutParams(connection, workspaceFindingsRequest, (_params, token) => workspace.workspaceFindings(token));
  onRequestWithOrWithoutParams(connection, authorityHistoryRequest, (params, token) => workspace.authorityHistory(params, token));

  // VS Code's client runs "Turn off … for this file" itself, writing its settings; other
  // clients' settings are theirs alone, so the server writes the folder's own file.
  connection.onExecuteCommand(({ command, arguments: args }) =>
    workspace.ignoreRuleInFile(command === ignoreRuleInFileCommand ? ((args?.[0] ?? {}) as Partial<IgnoreRuleInFileArguments>) : {}));

  documents.listen(connection);
  connection.listen();
}

/**
 * A request whose params a client may send or leave out (`{}`, `{ includeSingle }`, or
 * none): jsonrpc refuses a request without params for a type that declares them, so it
 * is registered by its method, and the arguments are told apart here, once.
 */
function onRequestWithOrWithoutParams<P, R>(
  connection: Connection,
  type: RequestType<P | undefined, R, void>,
  handler: (params: P | undefined, token: CancellationToken) => HandlerResult<R, void>,
): void {
  connection.onRequest(type.method, (...args: unknown[]) => handler((args.length > 1 ? args[0] : undefined) as P | undefined, args[args.length - 1] as CancellationToken));
}

/** Gathered for a moment: an indexing run or a burst of saves is one notification. */
function findingsChangedBatch(connection: Connection): (uris: readonly string[]) => void {
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  return (uris) => {
    for (const uri of uris) changed.add(uri);
    timer ??= setTimeout(() => {
      const params = { uris: [...changed] };
      changed = new Set();
      timer = undefined;
      void connection.sendNotification(findingsChangedNotification, params);
    }, 100);
  };
}

/** The `inspectionReports` section of settings a client sent along, if it did. */
function section(sent: unknown): unknown {
  return typeof sent === 'object' && sent !== null ? (sent as { inspectionReports?: unknown }).inspectionReports : undefined;
}
