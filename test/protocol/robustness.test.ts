// What must not stop the server: requests for documents it does not have, cancelled
// requests, a 50 MB document, a binary one, a burst of edits, broken settings, files in
// the workspace it cannot read; and the bundled server spawned over stdio as an editor
// starts it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ReportFindings } from '../../server/src/protocol';
import { readSeed } from '../unit/helpers';
import { seedUri, TestClient } from './testClient';

const essex = seedUri('001_3fc988dedc62c826.txt');

async function symbols(client: TestClient, uri: string): Promise<DocumentSymbol[]> {
  return client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

describe('language server under strain', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.inProcess({ debounceMs: 200 });
    await client.open(essex, readSeed('001'));
  });

  afterEach(() => client.dispose());

  it('answers empty for a document that is not open, or no longer', async () => {
    const unknown = 'file:///nowhere/report.txt';
    assert.deepEqual(await symbols(client, unknown), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.connection.sendRequest('inspectionReports/documentFindings', { uri: unknown }), null);
    await client.close(essex);
    assert.deepEqual(await symbols(client, essex), []);
    // Closing clears the document's problems.
    assert.deepEqual(await client.diagnosticsWhen(essex, (diagnostics) => diagnostics.length === 0), []);
  });

  it('settles a cancelled request and goes on serving', async () => {
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: essex } }, source.token);
    source.cancel();
    const outcome = await request.then(
      (result) => (Array.isArray(result) ? 'answered' : 'odd'),
      (error: unknown) => (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : String(error)),
    );
    assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
    assert.equal((await symbols(client, essex)).length, 4);
  });

  it('declines a 50 MB document with a message, and keeps serving the others', async () => {
    const huge = 'file:///huge/report.txt';
    const seed = readSeed('003');
    await client.open(huge, seed.repeat(Math.ceil((50 * 1024 * 1024) / seed.length)));
    const published: Diagnostic[] = await client.diagnostics(huge, 1);
    assert.deepEqual(published.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['document.too-large', 3]]);
    assert.match(published[0].message as string, /^This document is 50 MB; Inspection Reports reads documents of up to 10 MB/);
    assert.deepEqual(await symbols(client, huge), []);
    assert.equal((await symbols(client, essex)).length, 4);
  });

  it('reads a binary file as nothing: no problems, no outline', async () => {
    const binary = 'file:///image/report.txt';
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    await client.open(binary, bytes.toString('utf8').repeat(100));
    assert.deepEqual(await client.diagnostics(binary, 1), []);
    assert.deepEqual(await symbols(client, binary), []);
    assert.equal((await symbols(client, essex)).length, 4);
  });

  it('checks a burst of edits once, when typing pauses', async () => {
    await client.diagnostics(essex, 1);
    const published = await client.republished(essex, async () => {
      for (let version = 2; version <= 11; version++) {
        await client.change(essex, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      }
    });
    assert.deepEqual(published, []);
    // The one publication after the burst is for its last version.
    assert.deepEqual(await client.diagnostics(essex, 11), published);
  });
});

describe('the bundled server over stdio', () => {
  it('starts, answers and exits cleanly', async () => {
    const client = await TestClient.spawned();
    await client.open(essex, readSeed('001'));
    assert.deepEqual(await client.diagnostics(essex, 1), []);
    assert.deepEqual((await symbols(client, essex)).map((symbol) => symbol.name), [
      'Delivered satisfactorily in accordance with national guidance',
      'Strengths',
      'Areas for development',
      'Areas for priority action',
    ]);
    assert.equal(await client.dispose(), 0);
  });
});

describe('broken settings', () => {
  it('are named once each, with what the server uses instead', async () => {
    const thurrock = seedUri('003_35a5abd99a445aeb.txt');
    const client = await TestClient.inProcess({ settings: { index: { include: '**/*.txt' }, diagnostics: { maxProblems: 'all' } } });
    try {
      // Two documents and the index each read the settings, each for its own scope.
      await client.open(essex, readSeed('001'));
      await client.open(thurrock, readSeed('003'));
      await client.connection.sendRequest('inspectionReports/workspaceFindings', {});
      assert.equal((await client.diagnostics(thurrock, 1)).length, 1, 'the default cap of 100 problems, not none');
      await client.diagnostics(essex, 1);
      const include = 'Inspection Reports: inspectionReports.index.include should be a list of globs; using the default ["**/*.txt"].';
      const maxProblems = 'Inspection Reports: inspectionReports.diagnostics.maxProblems should be a number, 0 or more; using the default 100.';
      assert.deepEqual([...client.shown].sort(), [maxProblems, include]);
      assert.ok(client.logs.includes(include) && client.logs.includes(maxProblems), client.logs.join('\n'));

      // Read again after a change: what was said is not said again; a new problem is.
      await client.republished(essex, () => client.configure({ index: { include: '**/*.txt', exclude: ['/home/**'] }, diagnostics: { maxProblems: 'all' } }));
      await client.connection.sendRequest('inspectionReports/workspaceFindings', {});
      assert.deepEqual(client.shown.slice(2), ['Inspection Reports: inspectionReports.index.exclude has "/home/**", a glob reaching outside the workspace folder; using the default ["**/node_modules/**"].']);
    } finally {
      await client.dispose();
    }
  });
});

describe('files in the workspace that cannot be read as reports', () => {
  let folder = '';
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('are skipped, and the index completes; one it may not read is logged', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-'));
    // The server may run as another user (below), who must see into the folder.
    fs.chmodSync(folder, 0o755);
    fs.writeFileSync(path.join(folder, 'essex.txt'), readSeed('001'));
    // A report, so that reading it would show in the index.
    const locked = path.join(folder, 'locked.txt');
    fs.writeFileSync(locked, readSeed('003'));
    fs.chmodSync(locked, 0o000);
    fs.mkdirSync(path.join(folder, 'x.txt'));
    fs.writeFileSync(path.join(folder, 'y.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1]));
    // Opened for reading, a FIFO with no writer waits for ever, and holds one of Node's
    // four file threads while it does: four of them would stop all reading.
    const pipes = process.platform === 'win32' ? [] : ['pipe1.txt', 'pipe2.txt', 'pipe3.txt', 'pipe4.txt', 'pipe5.txt'];
    for (const pipe of pipes) execFileSync('mkfifo', [path.join(folder, pipe)]);
    // Root reads whatever the mode says; the server then runs as nobody, who cannot.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    client = await TestClient.spawned({ folders: [folder], settings: {} }, undefined, asUser);
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(all.map((report) => path.basename(URI.parse(report.uri).fsPath)), ['essex.txt']);
    const cannot = client.logs.filter((line) => line.startsWith('Cannot index'));
    assert.equal(cannot.length, 1, client.logs.join('\n'));
    assert.match(cannot[0], new RegExp(`^Cannot index ${locked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Error: EACCES`));
    assert.ok(client.logs.some((line) => line.startsWith('Indexed 1 reports of ')), client.logs.join('\n'));

    // The crawl lists neither folders nor FIFOs; told they were created, as an editor's
    // watcher may tell, the server reads a report created after them all the same.
    const late = path.join(folder, 'late.txt');
    fs.writeFileSync(late, readSeed('000'));
    const created = [...pipes, 'x.txt', 'late.txt'].map((name) => ({ uri: URI.file(path.join(folder, name)).toString(), type: 1 }));
    await client.findingsChanged(URI.file(late).toString(), () => client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created }));
    assert.equal(client.logs.filter((line) => line.startsWith('Cannot index')).length, 1, client.logs.join('\n'));
  });
});
