// The language server's entry point, and the `inspection-report-language-server` command
// for editors other than VS Code: a connection over whatever transport the client chose
// (IPC from VS Code, or --stdio), and the README beside the bundle for the links from each
// diagnostic code to its explanation.
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { startServer } from './lsp/server';

const usage = `Usage: inspection-report-language-server --stdio

The Inspection Reports language server, for any editor that speaks the Language Server
Protocol: outline, diagnostics, quick fixes and hovers for Ofsted inspection reports in
plain text. The README's "Other editors" says how to set up Neovim, Helix and Emacs.
Transports: --stdio, --node-ipc, --socket=PORT, --pipe=NAME.
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage);
} else if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) {
  // vscode-languageserver would throw a stack trace; a person who typed the command wants this.
  process.stderr.write(usage);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), { readme: path.join(__dirname, '..', 'README.md') });
}
