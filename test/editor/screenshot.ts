// A screenshot of the whole VS Code window, taken by the runner that drives the browser
// (test/editor/run.mjs): the test prints `SCREENSHOT <path>` (the extension host's
// console reaches the runner), and waits for the file to appear. Under a runner that
// takes no screenshots (no INSPECTION_REPORTS_SCREENSHOTS), it does nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function screenshot(name: string): Promise<string | undefined> {
  const folder = process.env.INSPECTION_REPORTS_SCREENSHOTS;
  if (!folder) return undefined;
  const file = path.join(folder, `${name}.png`);
  fs.rmSync(file, { force: true });
  console.log(`SCREENSHOT ${file}`);
  const deadline = Date.now() + 30000;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the runner did not write ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return file;
}
