// What must not stop the server: requests for documents it does not have, cancelled
// requests, a 50 MB document, a binary one, a burst of edits; and the bundled server
// spawned over stdio as an editor starts it.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver/node';
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
