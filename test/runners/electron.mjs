// The in-editor suite in desktop VS Code, downloaded by @vscode/test-electron: for
// machines that can reach update.code.visualstudio.com (this project's CI cannot; it
// runs the same suite in code-server with test/runners/code-server.mjs).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  await runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'dist', 'test', 'editor', 'index.js'),
    launchArgs: [path.join(repo, 'seeds'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`in-editor tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
