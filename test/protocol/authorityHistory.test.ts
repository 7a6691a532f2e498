// The authority history request over JSON-RPC, on a workspace folder holding copies of
// the seeds: asked at once, it waits for the index; open documents stand as their
// editors hold them, inside the folder or out of it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { AuthorityHistoryResult } from '../../server/src/protocol';
import { readSeed, seedNames, seedsDir } from '../unit/helpers';
import { TestClient } from './testClient';

describe('authority history request', () => {
  let folder = '';
  let client: TestClient;
  const uri = (name: string) => URI.file(path.join(folder, name)).toString();
  const method = 'inspectionReports/authorityHistory';
  const history = (params?: object) => (params ? client.connection.sendRequest<AuthorityHistoryResult>(method, params) : client.connection.sendRequest<AuthorityHistoryResult>(method));
  const names = (result: AuthorityHistoryResult) => result.histories.map((entry) => `${entry.name}: ${entry.reports.map((report) => `${path.basename(URI.parse(report.uri).fsPath)} ${report.date.label}`).join(', ')}`);

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-history-'));
    for (const name of seedNames()) fs.copyFileSync(path.join(seedsDir, name), path.join(folder, name));
    client = await TestClient.inProcess({ folders: [folder], settings: {} });
  });

  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('answers, once the folder is indexed, with Thurrock’s reports in order', async () => {
    // Asked straight after initialisation, before the crawl can have finished.
    const result = await history({});
    assert.equal(result.threshold, 0.4);
    assert.deepEqual(names(result), ['Thurrock: 000_cedd8d57784a9609.txt 2 December 2009, 003_35a5abd99a445aeb.txt 24 May 2016, 002_9f986742e412e620.txt after 2016']);
    const [thurrock] = result.histories;
    assert.deepEqual(thurrock.reports.map((report) => [report.kind, report.judgements.find((judgement) => judgement.area === 'leadership')?.grade ?? null]), [
      ['cra-letter', null],
      ['sif-report', 'requires-improvement'],
      ['ilacs-summary', 'good'],
    ]);
    assert.deepEqual(thurrock.recurring, []);
  });

  it('lists authorities with one report when asked, and answers without params', async () => {
    assert.deepEqual((await history({ includeSingle: true })).histories.map((entry) => entry.name), ['Essex', 'Stockton-on-Tees', 'Thurrock']);
    assert.deepEqual((await history()).histories.map((entry) => entry.name), ['Thurrock']);
  });

  it('takes open documents as their editors hold them, and matches a finding that recurs', async () => {
    await history({});
    // Thurrock's letter of 2009, edited to name an area for development that the SIF
    // report's recommendation 4 names again in 2016.
    const letter = uri('000_cedd8d57784a9609.txt');
    const text = readSeed('000').replace(
      'Areas for development\n',
      'Areas for development\n- Return home interviews are not offered to every child who has been missing from home or care.\n',
    );
    assert.notEqual(text, readSeed('000'));
    await client.open(letter, text);
    // And a report open outside the folder: Essex's letter, as a second Essex report.
    const elsewhere = URI.file(path.join(os.tmpdir(), 'essex-2011-draft.txt')).toString();
    await client.open(elsewhere, readSeed('001').replace('12 November 2009', '1 March 2011'));

    const result = await history({});
    assert.deepEqual(result.histories.map((entry) => [entry.name, entry.reports.length]), [['Essex', 2], ['Thurrock', 3]]);
    const [essex, thurrock] = result.histories;
    assert.deepEqual(essex.reports.map((report) => report.date.label), ['12 November 2009', '1 March 2011']);
    // The same letter twice: every finding of the later recurs, word for word.
    assert.equal(essex.recurring.length, essex.reports[1].findings.length);
    assert.ok(essex.recurring.every((match) => match.score === 1 && match.earlier.finding.text === match.later.finding.text));

    assert.equal(thurrock.recurring.length, 1);
    const [match] = thurrock.recurring;
    assert.equal(match.earlier.uri, letter);
    assert.equal(match.earlier.finding.text, 'Return home interviews are not offered to every child who has been missing from home or care.');
    assert.equal(match.later.uri, uri('003_35a5abd99a445aeb.txt'));
    assert.equal(match.later.finding.number, 4);
    assert.deepEqual([...match.shared].sort(), ['home', 'interview', 'miss', 'offer', 'return']);
    assert.ok(match.score >= result.threshold);
    // Where each finding stands, for the view to open the report there.
    assert.equal(match.earlier.finding.range.start.line, text.split('\n').indexOf('- Return home interviews are not offered to every child who has been missing from home or care.'));

    // Closed, the letter is the file on disk again.
    await client.findingsChanged(letter, () => client.close(letter));
    assert.deepEqual((await history({})).histories.find((entry) => entry.key === 'thurrock')?.recurring, []);
  });
});
