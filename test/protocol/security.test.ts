// What a workspace's files and settings cannot make the server do, trusted or not: read
// outside the workspace folder, read a virtual workspace's paths from this machine's
// disk, reach the network, or hang on a glob.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { defaultSettings, type ReportFindings } from '../../server/src/protocol';
import { readSeed, seedNames, seedsDir } from '../unit/helpers';
import { TestClient } from './testClient';

const noNetwork = path.join(__dirname, 'noNetwork.cjs');

let root = '';
let workspace = '';
/** A spawned server, ended after each test: shut down if it passed, killed if not (it may be stuck). */
let spawned: TestClient | undefined;

function names(reports: readonly ReportFindings[]): string[] {
  return reports.map((report) => `${URI.parse(report.uri).scheme}:${path.relative(root, URI.parse(report.uri).fsPath)}`);
}

function workspaceFindings(client: TestClient): Promise<ReportFindings[]> {
  return client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
}

describe('what a workspace cannot make the server do', () => {
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-'));
    workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'essex.txt'), readSeed('001'));
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside', 'thurrock.txt'), readSeed('003'));
  });

  afterEach(async function () {
    const client = spawned;
    spawned = undefined;
    if (client && this.currentTest?.state !== 'passed' && client.pid) process.kill(client.pid, 'SIGKILL');
    else await client?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('nothing outside the workspace folder is read', () => {
    it('refuses index globs that reach out, with a message, and reads the default', async () => {
      const client = await TestClient.inProcess({ folders: [workspace], settings: { index: { include: ['**/*.txt', '../outside/*.txt'] } } });
      try {
        assert.deepEqual(names(await workspaceFindings(client)), ['file:workspace/essex.txt']);
        assert.deepEqual(client.shown, ['Inspection Reports: inspectionReports.index.include has "../outside/*.txt", a glob reaching outside the workspace folder; using the default ["**/*.txt"].']);
      } finally {
        await client.dispose();
      }
    });

    it('leaves out what a glob lists outside the folder, should one get past the settings', async () => {
      const index = new WorkspaceIndex(10 * 1024 * 1024, () => undefined, () => undefined);
      const include = ['../outside/*.txt', '**/../../outside/*.txt', path.join(root, 'outside', '*.txt').split(path.sep).join('/'), '**/*.txt'];
      await index.rebuild({ folders: [workspace], settings: { ...defaultSettings.index, include }, excluded: [] });
      assert.deepEqual(names(index.all()), ['file:workspace/essex.txt']);
    });
  });

  describe('a virtual workspace', () => {
    // `vscode-vfs://github/…/workspace`: its path is also a folder on this machine.
    const virtual = () => `vscode-vfs://github${URI.file(workspace).path}`;

    it('has no folder the index reads, whatever its path is on this disk', async () => {
      assert.equal(URI.parse(virtual()).fsPath, URI.file(workspace).fsPath);
      const client = await TestClient.inProcess({ folders: [virtual()], settings: {} });
      try {
        assert.deepEqual(await workspaceFindings(client), []);
        // A folder added later is no different.
        await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: virtual(), name: 'virtual' }], removed: [] } });
        assert.deepEqual(await workspaceFindings(client), []);
      } finally {
        await client.dispose();
      }
    });

    it('gives its open documents every feature, and never reads their paths from this disk', async () => {
      // Beside a local folder of the same path, where the index does read.
      const client = await TestClient.inProcess({ folders: [workspace, virtual()], settings: {} });
      try {
        assert.deepEqual(names(await workspaceFindings(client)), ['file:workspace/essex.txt']);
        const document = `${virtual()}/essex.txt`;
        await client.open(document, readSeed('003'));
        const diagnostics: Diagnostic[] = await client.diagnostics(document, 1);
        assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['judgement.missing-in-section']);
        const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: document } });
        assert.equal(symbols[0].name, 'Judgements');
        const findings = await client.connection.sendRequest<ReportFindings>('inspectionReports/documentFindings', { uri: document });
        assert.equal(findings.title, 'Thurrock');
        // Its text is not the index's, whose reports are files of this machine.
        assert.deepEqual(names(await workspaceFindings(client)), ['file:workspace/essex.txt']);
        // Closed, or changed as a watcher says, its path is not read from this disk: the local
        // file of that path, rewritten, keeps what the index read of it. (The server reads
        // a file it is told of after it, and says so, by when it has done both.)
        await client.close(document);
        fs.writeFileSync(path.join(workspace, 'essex.txt'), readSeed('003'));
        const later = URI.file(path.join(workspace, 'later.txt')).toString();
        fs.writeFileSync(URI.parse(later).fsPath, readSeed('004'));
        await client.findingsChanged(later, () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: document, type: 2 }, { uri: later, type: 1 }] }));
        const titles = (await workspaceFindings(client)).map((report) => `${names([report])[0]} ${report.title}`);
        assert.deepEqual(titles, ['file:workspace/essex.txt Essex', 'file:workspace/later.txt Stockton-on-Tees']);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('nothing in a workspace reaches the network', () => {
    it('the guard catches a connection (so that its silence below means something)', () => {
      const probe = spawnSync(process.execPath, ['--require', noNetwork, '-e', "fetch('http://127.0.0.1:8080/').catch(() => undefined)"], { encoding: 'utf8' });
      assert.match(probe.stderr, /^NETWORK GUARD ON\nNETWORK net\.Socket\.connect /);
    });

    it('reports full of addresses, URL-like settings and folders: no connection, no lookup', async () => {
      const urls = [
        'https://attacker.example/track?id=1 and http://attacker.example/pixel.gif',
        'file://attacker.example/share/report.txt',
        '\\\\attacker.example\\share\\report.txt',
        '//attacker.example/share/report.txt',
        '<img src="https://attacker.example/pixel.gif"> [more](https://attacker.example/)',
        '(Recommendation) See https://attacker.example/recommendation',
      ];
      // After each paragraph past the opening, which still reads as the Essex letter.
      const hostile = readSeed('001').replace(/\n\n/g, (breakAt: string, offset: number) => (offset < 2000 ? breakAt : `\n\n${urls.join('\n')}\n\n`));
      const report = path.join(workspace, 'https:attacker.example.txt');
      fs.writeFileSync(report, hostile);
      const client = (spawned = await TestClient.spawned(
        {
          folders: [workspace, 'vscode-vfs://attacker.example/share', 'https://attacker.example/share'],
          settings: {
            index: { include: ['**/*.txt', 'https://attacker.example/**/*.txt'], exclude: ['http://attacker.example/**'] },
            diagnostics: { ignore: { 'https://attacker.example/*.txt': ['numbering.gap'], '\\\\attacker.example\\share\\*.txt': ['section.empty'] }, rules: { 'numbering.gap': 'https://attacker.example/' } },
          },
          filesExclude: { '//attacker.example/share/**': true, 'http://attacker.example/**': true },
        },
        undefined,
        { execArgv: ['--require', noNetwork] },
      ));
      const uri = URI.file(report).toString();
      const textDocument = { uri };
      await client.open(uri, hostile);
      await client.diagnostics(uri, 1);
      const lines = hostile.split('\n');
      for (let line = 0; line < lines.length; line += 7) {
        await client.connection.sendRequest('textDocument/hover', { textDocument, position: { line, character: 5 } });
        await client.connection.sendRequest('textDocument/definition', { textDocument, position: { line, character: 5 } });
      }
      await client.connection.sendRequest('textDocument/documentSymbol', { textDocument });
      await client.connection.sendRequest('textDocument/foldingRange', { textDocument });
      await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: [] } });
      await client.connection.sendRequest('inspectionReports/reportSummary', { uri });
      await client.connection.sendRequest('inspectionReports/documentFindings', { uri });
      await client.connection.sendRequest('workspace/symbol', { query: 'attacker' });
      assert.ok(names(await workspaceFindings(client)).includes('file:workspace/https:attacker.example.txt'));
      // Settings that name hosts outright, and changes reported at addresses elsewhere.
      await client.configure({ index: { include: ['//attacker.example/share/*.txt'], exclude: ['\\\\attacker.example\\share\\**'] } });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: ['https://attacker.example/a.txt', 'file://attacker.example/share/a.txt', 'vscode-vfs://attacker.example/a.txt'].map((changed) => ({ uri: changed, type: 1 })),
      });
      await client.close(uri);
      await workspaceFindings(client);
      spawned = undefined;
      assert.equal(await client.dispose(), 0);
      assert.match(client.stderr, /^NETWORK GUARD ON$/m);
      assert.deepEqual(client.stderr.split('\n').filter((line) => line.startsWith('NETWORK') && line !== 'NETWORK GUARD ON'), []);
    });
  });

  describe('hostile globs', () => {
    // `{a,b,{c,{d,…}}}`
    const nested = (depth: number): string => (depth === 0 ? 'x' : `{a${depth},b${depth},${nested(depth - 1)}}`);
    const globs: Record<string, string> = {
      'a very long **/**/**/…': `${'**/'.repeat(20000)}*.txt`,
      'braces nested 2,000 deep': `${nested(2000)}/*.txt`,
      '100 KB': 'a'.repeat(100 * 1024),
      'stars that backtrack on a long name': `${'*a'.repeat(12)}b`,
      'an extended glob that backtracks': '+(a*)+(a*)b',
      '** that backtrack on a deep path': '**/a/**/a/**/a/**/a/**/a/**/b',
    };
    it('in every glob setting are refused by name, and the server keeps answering', async function () {
      this.timeout(60000);
      for (const name of seedNames()) fs.copyFileSync(path.join(seedsDir, name), path.join(workspace, name));
      // What a backtracking glob is slowest on: a long name, a deep path, both of `a`s.
      fs.writeFileSync(path.join(workspace, `${'a'.repeat(200)}.txt`), readSeed('004'));
      fs.mkdirSync(path.join(workspace, ...Array<string>(40).fill('a')), { recursive: true });
      fs.writeFileSync(path.join(workspace, ...Array<string>(40).fill('a'), 'c.txt'), readSeed('002'));
      const client = (spawned = await TestClient.spawned({ folders: [workspace], settings: {}, filesExclude: Object.fromEntries(Object.values(globs).map((glob) => [glob, true])) }));
      const all = (await workspaceFindings(client)).length;
      assert.equal(all, 8);
      const thurrock = URI.file(path.join(workspace, '003_35a5abd99a445aeb.txt')).toString();
      await client.open(thurrock, readSeed('003'));
      await client.diagnostics(thurrock, 1);

      for (const [what, glob] of Object.entries(globs)) {
        const diagnostics = await client.republished(thurrock, () => client.configure({ index: { include: [glob], exclude: [glob] }, diagnostics: { ignore: { [glob]: ['judgement.missing-in-section'] } } }));
        assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['judgement.missing-in-section'], what);
        assert.equal((await workspaceFindings(client)).length, all, what);
        const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: thurrock } });
        assert.equal(symbols[0].name, 'Judgements', what);
      }
      // Each glob named once for each setting, files.exclude too, and never in full.
      assert.equal(client.shown.length, Object.keys(globs).length * 4, client.shown.join('\n'));
      assert.ok(client.shown.every((message) => message.length < 300));
    });

    it('up to the limits are matched in good time', async function () {
      this.timeout(60000);
      // A hundred globs of a thousand characters, each of nested braces and three wildcards.
      const near = Array.from({ length: 100 }, (_, n) => `**/${nested(95)}${n}/**/*.txt`);
      assert.ok(near.every((glob) => glob.length > 900 && glob.length <= 1000));
      const settings = { index: { include: ['**/*.txt', ...near.slice(1)], exclude: near }, diagnostics: { ignore: Object.fromEntries(near.map((glob) => [glob, ['numbering.gap']])) } };
      const client = (spawned = await TestClient.spawned({ folders: [workspace], settings }));
      const uri = URI.file(path.join(workspace, 'essex.txt')).toString();
      await client.open(uri, readSeed('001'));
      await client.diagnostics(uri, 1);
      assert.deepEqual(names(await workspaceFindings(client)), ['file:workspace/essex.txt']);
      assert.deepEqual(client.shown, []);
    });
  });
});
