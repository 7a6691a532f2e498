// The in-editor suite's entry point, loaded by VS Code as `extensionTestsPath`: the same
// `run()` contract for @vscode/test-electron (desktop VS Code) and for test/editor/run.mjs
// (code-server in headless chromium, where desktop VS Code cannot be downloaded).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-editor tests failed`)) : resolve()));
  });
}
