// The kinds a workspace defines, through the language server: read from the folder's
// .inspection-reports.json before anything is indexed, applied to open documents and
// indexed files alike, its problems shown on the file itself, and read again when the
// file changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ReportFindings } from '../../server/src/protocol';
import { repoRoot } from '../unit/helpers';
import { TestClient } from './testClient';

const example = path.join(repoRoot, 'examples', 'school-inspection');
const reportName = 'riverside-primary-school-2024.txt';

describe('workspace kinds through the language server', () => {
  let folder = '';
  let client: TestClient;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-kinds-'));
    fs.copyFileSync(path.join(example, '.inspection-reports.json'), path.join(folder, '.inspection-reports.json'));
    fs.copyFileSync(path.join(example, reportName), path.join(folder, reportName));
  });

  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const kindsUri = () => URI.file(path.join(folder, '.inspection-reports.json')).toString();
  const reportUri = () => URI.file(path.join(folder, reportName)).toString();

  it('reads a school inspection report as its folder defines it, open or indexed', async () => {
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    const indexed = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(indexed.map((report) => [report.kind, report.kindName, report.groups.map((group) => `${group.category} ${group.findings.length}`)]), [
      ['custom', 'School inspection report', ['development 3']],
    ]);
    await client.open(reportUri(), fs.readFileSync(path.join(folder, reportName), 'utf8'));
    assert.deepEqual(await client.diagnostics(reportUri(), 1), []);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri() } });
    assert.equal(symbols.find((symbol) => symbol.name === 'Overall effectiveness')?.detail, 'Requires improvement');
  });

  it('shows a definition’s mistakes on the file, and reads it again when it changes', async () => {
    const file = path.join(folder, '.inspection-reports.json');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace('"id": "school-report"', '"id": "sif-report"'));
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
    const problems = await client.diagnosticsWhen(kindsUri(), (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.range.start.line, problem.message]), [
      ['kinds.invalid', good.split('\n').findIndex((line) => line.includes('"id"')), 'Kind 1: "sif-report" is a built-in kind\'s id; choose another. This kind is left out.'],
    ]);
    // Without the kind, the report is nothing the extension knows.
    assert.deepEqual(await client.connection.sendRequest('inspectionReports/workspaceFindings', {}), []);

    fs.writeFileSync(file, good);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: kindsUri(), type: 2 }] });
    assert.deepEqual(await client.diagnosticsWhen(kindsUri(), (diagnostics) => diagnostics.length === 0), []);
    const indexed = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(indexed.map((report) => report.kindName), ['School inspection report']);
  });
});
