// The table of a folder of reports (features/table.ts) and the CLI's `table` command that
// prints it: its columns, its rows on the seeds as their texts give them, and its CSV read
// back by a CSV parser. Its grades against a third party's scraper over the wide corpus
// are compared in scraperGrades.test.ts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dateRange } from '../../server/src/report/dates';
import { sortTableRows, tableColumns, tableRow, type TableRow } from '../../server/src/report/features/table';
import { parseReport } from '../../server/src/report/parse/index';
import { joinLines, repoRoot, seedNames, seedsDir } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const none = { overall: null, 'help-and-protection': null, 'children-in-care': null, 'care-leavers': null, adoption: null, leadership: null, lscb: null, sendOutcome: null } as const;
const noFindings = { 'priority-action': 0, development: 0, recommendation: 0, strength: 0, satisfactory: 0 } as const;
const requiresImprovement = 'requires-improvement' as const;

// Each value read by eye from the seed's text (line numbers are the seed's, one-based).
// The letters name no lead inspector (they are signed by a manager) and no publication
// date; the news summary gives no date at all.
const seedRows: readonly TableRow[] = [
  {
    file: '001_3fc988dedc62c826.txt',
    authority: 'Essex', // the subject line: `… within Essex County Council children's services`
    kind: 'cra-letter',
    period: '2009',
    inspectionStart: '2009-10-14', // `conducted on 14 and 15 October 2009`
    inspectionEnd: '2009-10-15',
    publicationDate: null,
    leadInspector: null,
    ...none,
    ...noFindings,
    'priority-action': 3,
    development: 8,
    strength: 3,
    satisfactory: 8,
  },
  {
    file: '004_161752b46caf5eec.txt',
    authority: 'Stockton-on-Tees',
    kind: 'cra-letter',
    period: '2010–12',
    inspectionStart: '2011-05-10', // `10 and 11 May 2011`
    inspectionEnd: '2011-05-11',
    publicationDate: null,
    leadInspector: null,
    ...none,
    ...noFindings,
    development: 6,
    satisfactory: 14, // `meets the requirements of statutory guidance in the following areas`
  },
  {
    file: '000_cedd8d57784a9609.txt',
    authority: 'Thurrock',
    kind: 'cra-letter',
    period: '2009',
    inspectionStart: '2009-11-03', // `conducted on 3 and 4 November 2009`
    inspectionEnd: '2009-11-04',
    publicationDate: null,
    leadInspector: null,
    ...none,
    ...noFindings,
    development: 3,
    strength: 4,
    satisfactory: 15,
  },
  {
    file: '003_35a5abd99a445aeb.txt',
    authority: 'Thurrock',
    kind: 'sif-report',
    period: '2015–18',
    inspectionStart: '2016-02-22', // `Inspection date: 22 February 2016 to 17 March 2016`
    inspectionEnd: '2016-03-17',
    publicationDate: '2016-05-24', // `Report published: 24 May 2016`
    leadInspector: 'Jansy Kelly', // line 537
    // `Children's services in Thurrock Council require improvement to be good`, and every
    // row of the table (lines 17–21) `Require improvement`.
    overall: requiresImprovement,
    'help-and-protection': requiresImprovement,
    'children-in-care': requiresImprovement,
    'care-leavers': requiresImprovement,
    adoption: requiresImprovement,
    leadership: requiresImprovement,
    lscb: 'good', // line 452: `The Local Safeguarding Children Board is good`
    sendOutcome: null,
    ...noFindings,
    recommendation: 18, // 16 for the local authority, 2 for the board
  },
  {
    // Undated, so after Thurrock's dated reports.
    file: '002_9f986742e412e620.txt',
    authority: 'Thurrock',
    kind: 'ilacs-summary',
    period: '2019 on',
    inspectionStart: null,
    inspectionEnd: null,
    publicationDate: null,
    leadInspector: null,
    ...none,
    // The summary's sentences: `… children who need help and protection are good`, `…
    // children in care and care leavers are good` (one judgement for both), `The impact
    // of leaders … is good`. Its `Services … in Thurrock are now good` names no judgement.
    'help-and-protection': 'good',
    'children-in-care': 'good',
    'care-leavers': 'good',
    leadership: 'good',
    ...noFindings,
    development: 3,
    strength: 23, // what inspectors highlighted: 8 + 9 + 6
  },
];

function seedRowsRead(): TableRow[] {
  return sortTableRows(seedNames().map((name) => tableRow(name, parseReport(fs.readFileSync(path.join(seedsDir, name), 'utf8')))));
}

describe('the table', () => {
  it('has its columns in order: the document, its dates and people, its grades, its findings', () => {
    assert.deepEqual(tableColumns, [
      'file',
      'authority',
      'kind',
      'period',
      'inspectionStart',
      'inspectionEnd',
      'publicationDate',
      'leadInspector',
      'overall',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
      'adoption',
      'leadership',
      'lscb',
      'sendOutcome',
      'priority-action',
      'development',
      'recommendation',
      'strength',
      'satisfactory',
    ]);
  });

  it('reads the seeds as their texts say, ordered by authority, then date, then file', () => {
    const rows = seedRowsRead();
    assert.deepEqual(rows.map((row) => row.file), seedRows.map((row) => row.file));
    for (const [i, row] of rows.entries()) assert.deepEqual(row, seedRows[i], row.file);
    for (const row of rows) assert.deepEqual(Object.keys(row).sort(), [...tableColumns].sort(), row.file);
  });

  it('dates a focused visit whose subject names a company, not the services (Slough, 2022)', () => {
    const letter = joinLines(
      'Piccadilly Gate',
      '',
      '22 February 2022',
      'Jo Example',
      'Slough Children First & Slough Borough Council',
      'Dear Jo',
      'Focused visit to Slough Children First',
      'This letter summarises the findings of a focused visit to Slough children’s services on',
      '18 January 2022. The inspectors were Jo Example, Her Majesty’s Inspector.',
      '',
    );
    const row = tableRow('slough-focused-visit-22-february-2022.txt', parseReport(letter));
    assert.equal(row.kind, 'focused-visit');
    // The council's company runs its services, as a trust does.
    assert.equal(row.authority, 'Slough');
    assert.equal(row.inspectionStart, '2022-01-18');
    assert.equal(row.inspectionEnd, '2022-01-18');
  });

  it('reads a focused visit whose dates come before the services they name (Doncaster 2021, Sunderland 2023)', () => {
    const letter = joinLines('Piccadilly Gate', '', '9 April 2021', 'Jo Example', 'Dear Jo', 'Focused visit to Exampleshire County Council children’s',
      'services.', 'This letter summarises the findings of a focused visit on 23 and 24 February 2021 to', 'Exampleshire County Council children’s services. The inspectors were Jo Example.', '');
    const report = parseReport(letter);
    assert.equal(report.metadata.inspectionDates, '23 and 24 February 2021');
    assert.deepEqual([tableRow('exampleshire.txt', report).inspectionStart, tableRow('exampleshire.txt', report).inspectionEnd], ['2021-02-23', '2021-02-24']);
  });

  it('names a focused visit’s authority from the introduction where the subject does not (Camden 2023)', () => {
    const letter = joinLines('Piccadilly Gate', '', '5 December 2023', 'Jo Example', 'Dear Jo', 'Focused visit to children’s services',
      'This letter summarises the findings of the focused visit to Camden children’s services', 'on 31 October and 1 November 2023. The inspectors were Jo Example.', '');
    const report = parseReport(letter);
    assert.equal(report.metadata.title, 'Focused visit to children’s services');
    assert.equal(report.metadata.authority, 'Camden');
    assert.equal(tableRow('letter.txt', report).authority, 'Camden');
  });

  it('reads a subject that pdftotext ran into the address’s postcode beside it (Wiltshire 2022)', () => {
    const letter = joinLines('Piccadilly Gate', '', '28 February 2022', 'Jo Example', 'County Hall', 'Trowbridge', 'BA14 8JN', 'Dear Ms Example', 'Focused',
      'BA14 8JN visit to Wiltshire children’s services', 'This letter summarises the findings of a focused visit to Wiltshire children’s services', 'on 24 and 25 January 2022. The inspectors were Jo Example.', '');
    const { metadata } = parseReport(letter);
    assert.equal(metadata.title, 'Focused visit to Wiltshire children’s services');
    assert.equal(metadata.authority, 'Wiltshire');
    assert.equal(metadata.inspectionDates, '24 and 25 January 2022');
  });

  it('reads a focused visit whose subject pdftotext ran into the `Dear` line (Harrow 2018’s PDF)', () => {
    const letter = joinLines('Piccadilly Gate', '', '1 November 2018', 'Jo Example', 'Station Road', 'HA1 2XY', '',
      'Dear Mr Example, Harrow Focused visit to London Borough of Harrow HA1 2XF services.\tlocal authority children’s',
      'This letter summarises the findings of a focused visit to the London Borough of', 'Harrow local authority children’s services on 9 and 10 October 2018. The inspectors',
      'were Jo Example, Her Majesty’s Inspector.', '');
    const report = parseReport(letter);
    assert.equal(report.metadata.inspectionDates, '9 and 10 October 2018');
    assert.equal(tableRow('letter.txt', report).authority, 'Harrow');
  });

  it('reads a reinspection’s title block (Somerset 2018)', () => {
    const report = parseReport(joinLines('Somerset County Council', 'Reinspection of services for children in need of help and', 'protection, children looked after and care leavers',
      'Inspection date: 7 November 2017 to 30 November 2017', 'Report published: 29 January 2018', ''));
    assert.equal(report.metadata.authority, 'Somerset County Council');
    assert.equal(report.metadata.title, 'Reinspection of services for children in need of help and protection, children looked after and care leavers');
  });

  it('dates a focused visit of 2018 whose letter leaves the year out, by the letter’s own date (Coventry)', () => {
    const letter = (date: string, visit: string) =>
      parseReport(
        joinLines('Piccadilly Gate', '', date, 'Jo Example', 'Exampleshire County Council', 'Dear Jo', 'Focused visit to Exampleshire County Council children’s services',
          'This letter summarises the findings of a focused visit to Exampleshire County Council', `children’s services on ${visit}. The inspectors were Jo Example, HMI.`, ''),
      );
    const february = letter('22 February 2018', '30 and 31 January');
    // The text as the letter gives it; the table's dates complete it.
    assert.equal(february.metadata.inspectionDates, '30 and 31 January');
    const row = tableRow('exampleshire-focused-visit-22-february-2018.txt', february);
    assert.deepEqual([row.inspectionStart, row.inspectionEnd], ['2018-01-30', '2018-01-31']);
    // A December visit written up in January was in the year before.
    const january = tableRow('exampleshire-focused-visit-10-january-2019.txt', letter('10 January 2019', '11 and 12 December'));
    assert.deepEqual([january.inspectionStart, january.inspectionEnd], ['2018-12-11', '2018-12-12']);
  });

  it('gives an area SEND report’s outcome in its own words', () => {
    const send = (outcome: string) =>
      tableRow(
        'exampleshire-send.txt',
        parseReport(joinLines('Area SEND inspection of Exampleshire Local Area Partnership', 'Inspection dates: 11 to 15 March 2024', '', 'Inspection outcome', 'The local area partnership’s special educational needs and/or', `disabilities (SEND) arrangements ${outcome}`, '')),
      );
    assert.equal(send('typically lead to positive experiences and outcomes for children').sendOutcome, 'positive');
    assert.equal(send('lead to inconsistent experiences and\noutcomes for children').sendOutcome, 'inconsistent');
    const failings = send('are weak. There are widespread and/or systemic failings leading to significant concerns');
    assert.equal(failings.sendOutcome, 'systemic-failings');
    assert.equal(failings.inspectionStart, '2024-03-11');
  });
});

describe('dates as the reports write them, as ISO dates', () => {
  const cases: readonly [string, string, string][] = [
    ['22 February 2016 to 17 March 2016', '2016-02-22', '2016-03-17'],
    ['11 to 15 March 2024', '2024-03-11', '2024-03-15'],
    ['3 and 4 November 2009', '2009-11-03', '2009-11-04'],
    ['29 November – 3 December 2021', '2021-11-29', '2021-12-03'],
    ['29 December to 9 January 2015', '2014-12-29', '2015-01-09'],
    ['1 Feb 2021 – 12 March 2021', '2021-02-01', '2021-03-12'],
    ['06/07/2015 – 17/07/2015', '2015-07-06', '2015-07-17'],
    ['30 September to 11 October 2024 and 13 to 16 January 2025', '2024-09-30', '2025-01-16'],
    ['24 May 2016', '2016-05-24', '2016-05-24'],
  ];
  for (const [text, start, end] of cases) {
    it(`reads ${text}`, () => assert.deepEqual(dateRange(text), { start, end }));
  }

  it('takes a year left out from the date of the letter that gives it, and no other', () => {
    assert.deepEqual(dateRange('30 and 31 January', '22 February 2018'), { start: '2018-01-30', end: '2018-01-31' });
    assert.deepEqual(dateRange('6 to 8 March 2017', '22 February 2018'), { start: '2017-03-06', end: '2017-03-08' });
    assert.equal(dateRange('30 and 31 January'), undefined);
  });

  it('reads no date where there is no whole one', () => {
    assert.equal(dateRange('in 2016'), undefined);
    assert.equal(dateRange('31 February 2016'), undefined);
  });
});

describe('inspection-report table', () => {
  let folder: string;

  before(() => {
    // A name that CSV must quote: a comma and a quote.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-report-table-'));
    for (const name of seedNames()) fs.copyFileSync(path.join(seedsDir, name), path.join(folder, name));
    fs.copyFileSync(path.join(seedsDir, '003_35a5abd99a445aeb.txt'), path.join(folder, 'thurrock, "SIF".txt'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes CSV that a CSV parser reads back as the JSON’s rows', () => {
    const csv = run('table', '--csv', folder);
    const json = run('table', '--json', folder);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(json.status, 0, json.stderr);
    const records = parse(csv.stdout, { columns: false }) as string[][];
    assert.deepEqual(records[0], tableColumns);
    const objects = JSON.parse(json.stdout) as Record<string, string | number | null>[];
    assert.equal(objects.length, seedNames().length + 1);
    for (const object of objects) assert.deepEqual(Object.keys(object), tableColumns, 'the JSON keeps the columns’ order');
    const asCells = objects.map((object) => tableColumns.map((column) => (object[column] === null ? '' : String(object[column]))));
    assert.deepEqual(records.slice(1), asCells);
    assert.ok(records.some((record) => record[0].endsWith('thurrock, "SIF".txt')));
  });

  it('prints the seeds’ rows as the service gives them, in its order', () => {
    const objects = JSON.parse(run('table', '--json', seedsDir).stdout) as TableRow[];
    assert.deepEqual(objects, seedRows.map((row) => ({ ...row, file: path.join(seedsDir, row.file) })));
  });

  it('prints a block a document that fits a terminal 100 columns wide', () => {
    // The fourth block is the SIF report (003), Thurrock's second by date.
    const text = run('table', seedsDir);
    assert.equal(text.status, 0, text.stderr);
    const blocks = text.stdout.trimEnd().split('\n\n');
    assert.deepEqual(blocks.map((block) => block.split('\n')[0]), seedRows.map((row) => path.join(seedsDir, row.file)));
    assert.match(blocks[3], /^ {2}Lead inspector +Jansy Kelly$/m);
    assert.match(blocks[3], /^ {2}Local Safeguarding Children Board +Good$/m);
    for (const line of text.stdout.split('\n')) assert.ok(line.length <= 100 || line.startsWith(seedsDir), line);
  });

  it('names a file it cannot read, tables the rest and exits 2', () => {
    const result = run('table', '--json', path.join(seedsDir, '003_35a5abd99a445aeb.txt'), path.join(folder, 'missing.txt'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\.txt/);
    assert.equal((JSON.parse(result.stdout) as TableRow[]).length, 1);
  });
});
