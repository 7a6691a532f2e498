// Opening a report's PDF, as the client does it: the PDF's bytes to the server
// (`inspectionReports/pdfText`), its text back, and that text opened under a URI of the
// client's own scheme, where every feature answers as for a file and the workspace index
// leaves it alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { pdfText } from '../../server/src/report/pdf/pdf';
import type { PdfTextResult, ReportFindings } from '../../server/src/protocol';
import { printReport } from '../printedReport';
import { readSeed } from '../unit/helpers';
import { TestClient } from './testClient';

describe('a report’s PDF through the language server', () => {
  let client: TestClient;
  let folder: string;
  let pdf: Uint8Array;
  let pdfUri: string;
  // As the client makes it: its scheme, the PDF's path, and the PDF's own URI as the query.
  let reportUri: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-pdf-'));
    pdf = await printReport(readSeed('001'));
    const file = path.join(folder, 'essex-2009.pdf');
    fs.writeFileSync(file, pdf);
    pdfUri = URI.file(file).toString();
    reportUri = URI.from({ scheme: 'inspection-report-pdf', path: URI.file(file).path, query: pdfUri }).toString();
    // Every file indexed, the PDF included: it must still not stand for the open report.
    client = await TestClient.inProcess({ folders: [folder], settings: { index: { include: ['**/*'] } } });
  });

  after(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const ask = (params: unknown) => client.connection.sendRequest<PdfTextResult>('inspectionReports/pdfText', params);

  it('answers with the PDF’s text, as pdfText reads it', async () => {
    const answer = await ask({ data: Buffer.from(pdf).toString('base64') });
    assert.equal(answer.error, undefined);
    assert.equal(answer.text, await pdfText(pdf));
  });

  it('answers with the reason when there is no text to give, and goes on answering', async () => {
    assert.deepEqual(await ask({ data: Buffer.from('hello').toString('base64') }), { error: 'it is not a PDF (no %PDF- header)' });
    assert.deepEqual(await ask({ data: '' }), { error: 'it is empty' });
    assert.deepEqual(await ask({}), { error: 'no PDF was sent' });
    assert.deepEqual(await ask({ data: Buffer.from(pdf.slice(0, 2000)).toString('base64') }), { error: 'it is damaged or not a PDF (Invalid PDF structure)' });
    const again = await ask({ data: Buffer.from(pdf).toString('base64') });
    assert.ok(again.text?.startsWith('Freshford House'));
  });

  it('gives the text opened under the client’s scheme an outline, problems, hovers and findings', async () => {
    const { text } = await ask({ data: Buffer.from(pdf).toString('base64') });
    await client.open(reportUri, text as string);
    assert.deepEqual(await client.diagnostics(reportUri, 1), []);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Delivered satisfactorily in accordance with national guidance', 'Strengths', 'Areas for development', 'Areas for priority action']);
    const heading = symbols[3].selectionRange.start;
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: reportUri }, position: heading });
    assert.match((hover?.contents as MarkupContent).value, /Areas for priority action/);
    const findings = await client.connection.sendRequest<ReportFindings | null>('inspectionReports/documentFindings', { uri: reportUri });
    assert.equal(findings?.uri, reportUri);
    assert.deepEqual(findings?.groups.map((group) => [group.category, group.findings.length]), [['priority-action', 2], ['development', 8], ['strength', 3], ['satisfactory', 8]]);
  });

  it('keeps the open report out of the workspace index, open or closed', async () => {
    const listed = async () => (await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {})).map((report) => report.uri);
    assert.deepEqual(await listed(), []);
    await client.close(reportUri);
    // Closing has the index read the file again, if it is one of its own: this is not.
    assert.equal(await client.connection.sendRequest('inspectionReports/documentFindings', { uri: reportUri }), null);
    assert.deepEqual(await listed(), []);
  });
});
