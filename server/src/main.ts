// The language server's entry point: a connection over whatever transport the client
// chose (IPC from VS Code, or --stdio), and the README beside the bundle for the links
// from each diagnostic code to its explanation.
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all), { readme: path.join(__dirname, '..', 'README.md') });
