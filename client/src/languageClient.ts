// Starts the language server (dist/server.js, beside this bundle) over IPC for every
// document of the report language, and passes the `inspectionReports` settings along.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';

export const languageId = 'inspection-report';

export async function startLanguageClient(context: vscode.ExtensionContext, middleware: Middleware): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: languageId }],
    synchronize: { configurationSection: 'inspectionReports' },
    middleware,
  };
  // The id makes `inspectionReports.trace.server` the trace setting.
  const client = new LanguageClient('inspectionReports', 'Inspection Reports', serverOptions, clientOptions);
  await client.start();
  return client;
}
