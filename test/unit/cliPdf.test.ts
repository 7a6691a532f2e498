// The command-line tool (the bundle, dist/cli.js) given a report's PDF: it reads the
// text out first and then answers as for the text; a PDF it cannot read is one line on
// stderr and exit status 2, as for any file it cannot read.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printReport } from '../printedReport';
import { readSeed, repoRoot, seedsDir } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('inspection-report with a PDF', () => {
  let folder: string;
  let essexPdf: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-report-pdf-'));
    essexPdf = path.join(folder, 'essex-2009.pdf');
    fs.writeFileSync(essexPdf, await printReport(readSeed('001')));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('summarises a report’s PDF as it summarises its text', () => {
    const fromPdf = run('summary', '--json', essexPdf);
    assert.equal(fromPdf.status, 0, fromPdf.stderr);
    assert.equal(fromPdf.stderr, '');
    const pdf = JSON.parse(fromPdf.stdout);
    const text = JSON.parse(run('summary', '--json', path.join(seedsDir, '001_3fc988dedc62c826.txt')).stdout);
    assert.equal(pdf.kind, text.kind);
    assert.equal(text.period, '2009');
    assert.equal(pdf.period, text.period);
    assert.equal(pdf.letterDate, text.letterDate);
    assert.equal(pdf.authority, 'Essex County Council');
    assert.equal(pdf.signatory, text.signatory);
    // One area for priority action fewer: see readDifferently in pdf.test.ts.
    assert.deepEqual(pdf.findings, { ...text.findings, 'priority-action': text.findings['priority-action'] - 1 });
  });

  it('knows a PDF by its first bytes, whatever its name', () => {
    const unnamed = path.join(folder, 'download');
    fs.copyFileSync(essexPdf, unnamed);
    const result = run('outline', unnamed);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Areas for priority action/);
  });

  it('says in one line why a PDF cannot be read, and exits with 2', () => {
    const broken = path.join(folder, 'broken.pdf');
    fs.writeFileSync(broken, 'not a PDF at all');
    const result = run('findings', broken);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `inspection-report: cannot read ${broken}: it is not a PDF (no %PDF- header)\n`);
  });

  it('goes on past an unreadable PDF when checking, and still says so in its status', () => {
    const empty = path.join(folder, 'empty.pdf');
    fs.writeFileSync(empty, '');
    const result = run('check', empty, essexPdf);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `inspection-report: cannot read ${empty}: it is empty\n`);
  });
});
