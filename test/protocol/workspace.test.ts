// The workspace index behind Go to Symbol in Workspace and the findings view's workspace
// scope: what it reads, what it leaves out, and how it follows changes on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { parseReport } from '../../server/src/report';
import { defaultSettings, type AuthorityHistoryResult, type ReportFindings } from '../../server/src/protocol';
import { corpusDir, readSeed } from '../unit/helpers';
import { TestClient } from './testClient';

function titles(reports: readonly ReportFindings[]): string[] {
  return reports.map((report) => `${path.relative(folder, URI.parse(report.uri).fsPath)} ${report.title}`);
}

let folder = '';

describe('workspace index', () => {
  let client: TestClient;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-'));
    fs.mkdirSync(path.join(folder, 'letters'));
    fs.mkdirSync(path.join(folder, 'node_modules', 'some-package'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'archive'));
    fs.writeFileSync(path.join(folder, 'letters', 'essex.txt'), readSeed('001'));
    fs.writeFileSync(path.join(folder, 'thurrock.txt'), readSeed('003'));
    fs.writeFileSync(path.join(folder, 'node_modules', 'some-package', 'copy.txt'), readSeed('000'));
    fs.writeFileSync(path.join(folder, 'archive', 'old.txt'), readSeed('004'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Shopping list\n\nMilk\nBread\n');
    fs.writeFileSync(path.join(folder, 'essex.md'), readSeed('001'));
  });

  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads the reports among the text files, leaving out node_modules and other text', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(titles(all), ['letters/essex.txt Essex', 'archive/old.txt Stockton-on-Tees', 'thurrock.txt Thurrock']);
  });

  it('leaves out what files.exclude hides', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {}, filesExclude: { '**/archive': true, '**/letters': false } });
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(titles(all), ['letters/essex.txt Essex', 'thurrock.txt Thurrock']);
  });

  it('honours its own include and exclude globs, and can be switched off', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: { index: { exclude: ['archive/**'] } } });
    const some = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(titles(some), ['letters/essex.txt Essex', 'node_modules/some-package/copy.txt Thurrock', 'thurrock.txt Thurrock']);
    await client.configure({ index: { include: ['letters/*.txt'] } });
    const letters = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(titles(letters), ['letters/essex.txt Essex']);
    // The client is asked to watch what the index now reads, and the workspace's kinds.
    const watched = () => client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles').map((registration) => registration.registerOptions);
    await client.until(() => JSON.stringify(watched().at(-1)) === JSON.stringify({ watchers: [{ globPattern: 'letters/*.txt' }, { globPattern: '**/.inspection-reports.json' }] }));
    // The watchers it replaced are taken back; a change that leaves the globs alone leaves them alone.
    await client.until(() => client.unregistered === watched().length - 1);
    const registered = watched().length;
    await client.configure({ index: { include: ['letters/*.txt'], exclude: ['letters/old/**'] } });
    assert.deepEqual(titles(await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {})), ['letters/essex.txt Essex']);
    assert.equal(watched().length, registered);
    assert.equal(client.unregistered, registered - 1);
    await client.configure({ index: { enable: false } });
    assert.deepEqual(await client.connection.sendRequest('inspectionReports/workspaceFindings', {}), []);
    assert.deepEqual(await client.connection.sendRequest('workspace/symbol', { query: 'essex' }), []);
  });

  it('follows files created, changed and deleted on disk, and open editors', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    await client.connection.sendRequest('inspectionReports/workspaceFindings', {});
    const created = path.join(folder, 'letters', 'thurrock-2009.txt');
    fs.writeFileSync(created, readSeed('000'));
    const uri = URI.file(created).toString();
    await client.findingsChanged(uri, () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] }));
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'thurrock strengths' });
    assert.deepEqual(symbols.map((symbol) => [path.basename(URI.parse(symbol.location.uri).fsPath), symbol.name]), [['thurrock-2009.txt', 'Strengths']]);

    // An open editor's unsaved text stands for the file, until it closes.
    const essex = URI.file(path.join(folder, 'letters', 'essex.txt')).toString();
    await client.open(essex, readSeed('001').replace('Areas for priority action\n', 'Areas for development\n'));
    await client.diagnostics(essex, 1);
    const edited = await client.connection.sendRequest<ReportFindings | null>('inspectionReports/documentFindings', { uri: essex });
    assert.deepEqual(edited?.groups.map((group) => group.category), ['development', 'strength', 'satisfactory']);
    await client.findingsChanged(essex, () => client.close(essex));
    const fromDisk = await client.connection.sendRequest<ReportFindings | null>('inspectionReports/documentFindings', { uri: essex });
    assert.deepEqual(fromDisk?.groups.map((group) => group.category), ['priority-action', 'development', 'strength', 'satisfactory']);

    // A settings change reads the workspace again; an open editor's text still stands.
    await client.open(essex, readSeed('001').replace('Areas for priority action\n', 'Areas for development\n'), 2);
    await client.diagnostics(essex, 2);
    await client.configure({ index: { exclude: ['**/node_modules/**', '**/archive/**'] } });
    const reread = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(reread.find((report) => report.uri === essex)?.groups.map((group) => group.category), ['development', 'strength', 'satisfactory']);
    await client.close(essex);

    fs.rmSync(created);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.deepEqual(await client.connection.sendRequest('workspace/symbol', { query: 'thurrock strengths' }), []);
  });

  it('reads the other reports of a folder new to it, which the watcher may have missed, when it hears of one', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    await client.connection.sendRequest('inspectionReports/workspaceFindings', {});
    // A folder copied in: the watcher told of its last file only.
    const copied = path.join(folder, 'copied');
    fs.mkdirSync(copied);
    fs.writeFileSync(path.join(copied, 'essex.txt'), readSeed('001'));
    fs.writeFileSync(path.join(copied, 'notes.txt'), 'Shopping list\n');
    fs.writeFileSync(path.join(copied, 'thurrock.txt'), readSeed('003'));
    const last = URI.file(path.join(copied, 'thurrock.txt')).toString();
    await client.findingsChanged(URI.file(path.join(copied, 'essex.txt')).toString(), () =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: last, type: 1 }] }));
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(titles(all).filter((title) => title.startsWith('copied')), ['copied/essex.txt Essex', 'copied/thurrock.txt Thurrock']);
  });

  it('forgets a file deleted while its document is still open, and its problems, until it is there again', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    const file = path.join(folder, 'thurrock.txt');
    const uri = URI.file(file).toString();
    // VS Code keeps a document a while after its editor closes: the server still has it open.
    await client.open(uri, readSeed('003'));
    assert.notDeepEqual(await client.diagnostics(uri, 1), []);
    fs.rmSync(file);
    await client.findingsChanged(uri, () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] }));
    // Its problems go with it, from the Problems panel too.
    await client.diagnosticsWhen(uri, (diagnostics) => diagnostics.length === 0);
    // Checking the document again (a setting changed) does not bring it back.
    assert.deepEqual(await client.republished(uri, () => client.configure({ diagnostics: { maxProblems: 50 } })), []);
    const files = async () => (await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {})).map((report) => path.relative(folder, URI.parse(report.uri).fsPath));
    assert.deepEqual(await files(), ['letters/essex.txt', 'archive/old.txt']);
    const histories = await client.connection.sendRequest<AuthorityHistoryResult>('inspectionReports/authorityHistory', { includeSingle: true });
    assert.deepEqual(histories.histories.flatMap((history) => history.reports.map((report) => path.relative(folder, URI.parse(report.uri).fsPath))).sort(), ['archive/old.txt', 'letters/essex.txt']);
    // Written again, it is a report of the workspace again.
    fs.writeFileSync(file, readSeed('003'));
    await client.findingsChanged(uri, () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] }));
    assert.deepEqual(await files(), ['letters/essex.txt', 'archive/old.txt', 'thurrock.txt']);
    await client.diagnosticsWhen(uri, (diagnostics) => diagnostics.length > 0);
  });

  it('follows files on disk itself where the client cannot watch them', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {}, watchFiles: false });
    await client.connection.sendRequest('inspectionReports/workspaceFindings', {});
    assert.deepEqual(client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles'), []);
    const report = (uri: string) => client.connection.sendRequest<ReportFindings | null>('inspectionReports/documentFindings', { uri });

    // A new report beside another, and one at the top of the folder: the client says nothing.
    const created = path.join(folder, 'letters', 'thurrock-2009.txt');
    const createdUri = URI.file(created).toString();
    await client.findingsChanged(createdUri, async () => fs.writeFileSync(created, readSeed('000')));
    assert.equal((await report(createdUri))?.title, 'Thurrock');
    const top = path.join(folder, 'essex-again.txt');
    await client.findingsChanged(URI.file(top).toString(), async () => fs.writeFileSync(top, readSeed('001')));

    // Changed on disk: the areas for priority action renamed.
    const essex = URI.file(path.join(folder, 'letters', 'essex.txt')).toString();
    await client.findingsChanged(essex, async () => fs.writeFileSync(path.join(folder, 'letters', 'essex.txt'), readSeed('001').replace('Areas for priority action\n', 'Areas for development\n')));
    assert.deepEqual((await report(essex))?.groups.map((group) => group.category), ['development', 'strength', 'satisfactory']);

    await client.findingsChanged(createdUri, async () => fs.rmSync(created));
    assert.equal(await report(createdUri), null);
  });

  it('editing one report does not re-index the others', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    const before = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    // The crawl ends with one notification naming every report: wait for it, so that it
    // is not taken for one of the edit's.
    await client.until(() => client.changes.some((params) => params.uris.length === before.length));
    const crawls = () => client.logs.filter((message) => message.startsWith('Indexed ')).length;
    assert.equal(crawls(), 1);
    const seen = client.changes.length;

    // Open Essex's letter and rename its areas for priority action, as a user would type.
    const essex = URI.file(path.join(folder, 'letters', 'essex.txt')).toString();
    const text = readSeed('001');
    const line = text.split('\n').indexOf('Areas for priority action');
    await client.findingsChanged(essex, () => client.open(essex, text));
    await client.findingsChanged(essex, () =>
      client.change(essex, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 'Areas for priority action'.length } }, text: 'Areas for development' }]));
    // Requests over the workspace wait for any crawl under way, so one the edit started would be logged by now.
    const after = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    // Essex's letter has lost its areas for priority action; the others are as they were.
    const categories = (reports: readonly ReportFindings[]) => reports.map((report) => ({ report: titles([report])[0], groups: report.groups.map((group) => group.category) }));
    const expected = categories(before).map((entry) =>
      entry.report.startsWith('letters/essex.txt') ? { ...entry, groups: entry.groups.filter((category) => category !== 'priority-action') } : entry);
    assert.notDeepEqual(expected, categories(before));
    assert.deepEqual(categories(after), expected);
    // Closing is one more notification naming Essex; notifications go out in order, so
    // any the others were due (a crawl starts with one naming all it drops) come by then.
    await client.findingsChanged(essex, () => client.close(essex));
    assert.deepEqual(client.changes.slice(seen).map((params) => params.uris), [[essex], [essex], [essex]]);
    assert.equal(crawls(), 1);
  });
});

describe('workspace index, when news of a file overlaps a read of it', () => {
  // Reads from disk take a while; what the index learns meanwhile is newer than what they bring.
  let index: WorkspaceIndex;
  let file = '';
  let uri = '';

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-'));
    index = new WorkspaceIndex(10 * 1024 * 1024, () => undefined, () => undefined);
    await index.rebuild({ folders: [folder], settings: defaultSettings.index, excluded: [] });
    file = path.join(folder, 'essex.txt');
    uri = URI.file(file).toString();
    fs.writeFileSync(file, readSeed('001'));
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('does not bring back a file deleted while it was being read', async () => {
    const reading = index.refresh(uri);
    index.remove(uri);
    await reading;
    assert.equal(index.get(uri), undefined);
  });

  it('keeps an open document’s model over the file read before it', async () => {
    const reading = index.refresh(uri);
    index.update(uri, parseReport(readSeed('001').replace('Areas for priority action\n', 'Areas for development\n')));
    await reading;
    assert.deepEqual(index.get(uri)?.groups.map((group) => group.category), ['development', 'strength', 'satisfactory']);
  });
});

describe('workspace index of the corpus', function () {
  before(function () {
    if (!fs.existsSync(corpusDir)) this.skip();
  });

  it('reads every corpus report', async () => {
    const client = await TestClient.inProcess({ folders: [corpusDir], settings: {} });
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    const files = fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt'));
    assert.equal(all.length, files.length);
    assert.ok(all.every((report) => report.kind !== 'unknown' && report.groups.length > 0));
    await client.dispose();
  });
});
