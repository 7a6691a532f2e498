// The commands that code actions carry, run by the server for any client
// (workspace/executeCommand): "Turn off … for this file" writes the folder's
// `.inspection-reports.json`, since a language server cannot write another editor's settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { readSeed } from '../unit/helpers';
import { TestClient } from './testClient';

describe('commands run by the server', () => {
  let folder: string;
  let client: TestClient;
  let uri: string;
  // The Essex letter without its areas for priority action: a contradiction with its outcome.
  const damaged = readSeed('001').split('\n').filter((_, line) => line < 62 || line >= 74).join('\n');
  const kindsFile = () => path.join(folder, '.inspection-reports.json');
  const run = (args: unknown[]) => client.connection.sendRequest('workspace/executeCommand', { command: 'inspectionReports.ignoreRuleInFile', arguments: args });

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-'));
    fs.mkdirSync(path.join(folder, 'letters'));
    fs.writeFileSync(path.join(folder, 'letters', 'essex.txt'), damaged);
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    uri = URI.file(path.join(folder, 'letters', 'essex.txt')).toString();
    await client.open(uri, damaged);
  });

  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('offers every command that its code actions carry', async () => {
    const problems = await client.diagnostics(uri, 1);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: problems[0].range, context: { diagnostics: problems } });
    const carried = actions.flatMap((action) => action.command?.command ?? []);
    assert.ok(carried.length > 0);
    for (const command of carried) assert.ok(client.capabilities.executeCommandProvider?.commands.includes(command), command);
  });

  it('turns a rule off for the file in the folder’s .inspection-reports.json, and the problem goes', async () => {
    assert.deepEqual((await client.diagnostics(uri, 1)).map((diagnostic) => diagnostic.code), ['letter.outcome-contradiction']);
    const after = await client.republished(uri, async () => void (await run([{ uri, code: 'letter.outcome-contradiction' }])));
    assert.deepEqual(after, []);
    assert.deepEqual(JSON.parse(fs.readFileSync(kindsFile(), 'utf8')), { ignore: { 'letters/essex.txt': ['letter.outcome-contradiction'] } });
  });

  it('keeps what the file held, its comments among it', async () => {
    await client.dispose();
    const kinds = '{\n  // Our school reports\n  "kinds": [{ "id": "school", "name": "School", "recognise": ["School inspection report"] }],\n  "ignore": { "other.txt": ["numbering.gap"] }\n}\n';
    fs.writeFileSync(kindsFile(), kinds);
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    await client.open(uri, damaged);
    await client.diagnostics(uri, 1);
    await client.republished(uri, async () => void (await run([{ uri, code: 'letter.outcome-contradiction' }])));
    const written = fs.readFileSync(kindsFile(), 'utf8');
    assert.ok(written.startsWith('{\n  // Our school reports\n'), written);
    assert.deepEqual(JSON.parse(written.replace('  // Our school reports\n', '')).ignore, { 'other.txt': ['numbering.gap'], 'letters/essex.txt': ['letter.outcome-contradiction'] });
  });

  it('says why when it cannot, and leaves a file that is not JSON as it is', async () => {
    fs.writeFileSync(kindsFile(), '{ "kinds": [');
    await run([{ uri, code: 'letter.outcome-contradiction' }]);
    await client.until(() => client.shown.length > 0);
    assert.match(client.shown[0], /cannot turn off ‘letter\.outcome-contradiction’ for letters\/essex\.txt: \.inspection-reports\.json is not JSON/);
    assert.equal(fs.readFileSync(kindsFile(), 'utf8'), '{ "kinds": [');

    // A report outside every workspace folder has no such file.
    const elsewhere = 'file:///elsewhere/essex.txt';
    await client.open(elsewhere, damaged);
    await client.diagnostics(elsewhere, 1);
    await run([{ uri: elsewhere, code: 'letter.outcome-contradiction' }]);
    await client.until(() => client.shown.length > 1);
    assert.match(client.shown[1], /is in no workspace folder/);
  });

  it('refuses arguments it does not know', async () => {
    for (const args of [[], [{ uri }], [{ uri, code: 'no.such-rule' }], ['essex.txt']]) {
      await assert.rejects(run(args), /with \{ uri, code \} only/);
    }
    assert.equal(fs.existsSync(kindsFile()), false);
  });
});
