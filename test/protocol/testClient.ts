// A language client for tests: the real server, joined to this client in one process by
// two PassThrough streams (compose-language-service's TestConnection), or spawned from
// the bundle over stdio. It answers the server's own requests as VS Code would, and
// every wait is for a message, never for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startServer } from '../../server/src/lsp/server';
import { findingsChangedNotification, type FindingsChangedParams } from '../../server/src/protocol';
import { repoRoot } from '../unit/helpers';

export interface TestClientOptions {
  /** Workspace folders, as paths, or as URIs of another scheme (a virtual workspace's). */
  readonly folders?: readonly string[];
  /** What workspace/configuration answers for `inspectionReports`; omit to not support it. */
  readonly settings?: unknown;
  /** What workspace/configuration answers for `files.exclude`. */
  readonly filesExclude?: Record<string, boolean>;
  readonly debounceMs?: number;
  readonly largestDocument?: number;
  /** What `initialize` carries besides, as Helix sends its `config`. */
  readonly initializationOptions?: unknown;
  /** Whether the client watches files for the server, as VS Code does; true unless false. */
  readonly watchFiles?: boolean;
}

export class TestClient {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  /** Every findingsChanged notification, in order. */
  readonly changes: FindingsChangedParams[] = [];
  /** What the server logged (window/logMessage), in order. */
  readonly logs: string[] = [];
  /** What the server showed the user (window/showMessage), in order. */
  readonly shown: string[] = [];
  /** What a spawned server wrote to stderr (passed on to this process's too). */
  stderr = '';
  /** What the server asked the client to register, in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** How many registrations the server has taken back. */
  unregistered = 0;
  settings: unknown;
  /** What the server said it can do. */
  capabilities: ServerCapabilities = {};

  private constructor(readonly connection: ProtocolConnection, private readonly child?: ChildProcess) {}

  /** The spawned server's process id, to read its memory; undefined in process. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The server of server/src in this process. */
  static async inProcess(options: TestClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection, { readme: path.join(repoRoot, 'README.md'), debounceMs: options.debounceMs, largestDocument: options.largestDocument });
    const client = new TestClient(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)));
    // No process id: the server would watch this process with a timer that never ends.
    await client.initialize(options, null);
    return client;
  }

  /** The bundled server, dist/server.js, as an editor starts it with `--stdio`; `as`: Node's options before it, another user. */
  static async spawned(options: TestClientOptions = {}, server = path.join(repoRoot, 'dist', 'server.js'), as: { execArgv?: string[]; uid?: number; gid?: number } = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(as.execArgv ?? []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], uid: as.uid, gid: as.gid });
    const client = new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
    child.stderr!.on('data', (chunk: Buffer) => {
      client.stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    // A server that dies on start fails the test at once rather than at its timeout.
    const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`))));
    // Run as another user, the server cannot signal this process to see it alive (EPERM),
    // and would take that for its client's death.
    await Promise.race([client.initialize(options, as.uid === undefined ? process.pid : null), died]);
    died.catch(() => undefined);
    return client;
  }

  private async initialize(options: TestClientOptions, processId: number | null): Promise<void> {
    this.settings = options.settings;
    const connection = this.connection;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.wake();
    });
    connection.onNotification(findingsChangedNotification, (params) => {
      this.changes.push(params);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'inspectionReports' ? this.settings : item.section === 'files.exclude' ? (options.filesExclude ?? { '**/.git': true }) : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('client/unregisterCapability', (params: { unregisterations: unknown[] }) => {
      this.unregistered += params.unregisterations.length;
      this.wake();
      return null;
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.shown.push(params.message);
      this.wake();
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: options.settings !== undefined, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: options.watchFiles !== false } },
      textDocument: { definition: { linkSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    };
    ({ capabilities: this.capabilities } = await connection.sendRequest(InitializeRequest.type, {
      processId,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: (options.folders ?? []).map((folder) => ({ uri: folder.includes('://') ? folder : URI.file(folder).toString(), name: path.basename(folder) })),
    }));
    await connection.sendNotification(InitializedNotification.type, {});
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'inspection-report', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The diagnostics published for this version of the document (waits until they are). */
  async diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const found = () => this.published.find((params) => params.uri === uri && params.version === version);
    await this.until(() => found() !== undefined);
    return found()!.diagnostics;
  }

  /** The last diagnostics published for the document, once one satisfies `wanted`. */
  async diagnosticsWhen(uri: string, wanted: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const last = () => this.published.filter((params) => params.uri === uri).at(-1);
    await this.until(() => { const params = last(); return params !== undefined && wanted(params.diagnostics); });
    return last()!.diagnostics;
  }

  /** Does `action`, then waits for the next diagnostics published for the document. */
  async republished(uri: string, action: () => Promise<void>): Promise<Diagnostic[]> {
    const count = () => this.published.filter((params) => params.uri === uri).length;
    const before = count();
    await action();
    await this.until(() => count() > before);
    return this.published.filter((params) => params.uri === uri)[before].diagnostics;
  }

  /** Changes the settings the client answers with, as a user would, and says so. */
  configure(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Does `action`, then waits for a findingsChanged notification that names the URI. */
  async findingsChanged(uri: string, action: () => Promise<void>): Promise<void> {
    const count = () => this.changes.filter((params) => params.uris.includes(uri)).length;
    const before = count();
    await action();
    await this.until(() => count() > before);
  }

  /** Settles once `condition` holds, checked after each message from the server. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (condition()) resolve();
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Ends the connection; a spawned server is shut down and its exit code returned. */
  async dispose(): Promise<number | null> {
    let code: number | null = null;
    if (this.child) {
      const child = this.child;
      const exited = new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      code = await exited;
    }
    this.connection.dispose();
    return code;
  }
}

export function seedUri(name: string): string {
  return URI.file(path.join(repoRoot, 'seeds', name)).toString();
}
