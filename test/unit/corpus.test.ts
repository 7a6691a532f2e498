// The real documents in ../shared/corpus (pdftotext output, every framework since 2013):
// each is recognised, has an outline and findings, and, being published and complete,
// gets no error. A fresh clone has no ../shared: the tests are then pending.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport, type ReportDiagnostic } from '../../server/src/diagnostics';
import type { Report } from '../../server/src/model';
import { parseReport } from '../../server/src/parser';
import { corpusDir } from './helpers';

function analyse(text: string): { report: Report; diagnostics: ReportDiagnostic[] } {
  const report = parseReport(text);
  return { report, diagnostics: checkReport(report) };
}

function corpusFiles(): string[] {
  if (!fs.existsSync(corpusDir)) return [];
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

describe('corpus', function () {
  before(function () {
    if (!fs.existsSync(corpusDir)) this.skip();
  });

  const files = corpusFiles();

  it('has documents to read', () => {
    assert.ok(files.length > 0, `no .txt files in ${path.basename(corpusDir)}`);
  });

  for (const name of files) {
    it(`reads ${name}`, () => {
      const text = fs.readFileSync(path.join(corpusDir, name), 'utf8');
      const { report, diagnostics } = analyse(text);
      assert.notEqual(report.kind, 'unknown', `${name}: kind not recognised`);
      assert.ok(report.sections.length > 0, `${name}: no sections`);
      assert.ok(report.findings.length > 0, `${name}: no findings`);
      // The findings view and Go to Symbol in Workspace name each report by its authority.
      assert.ok(report.metadata.authority, `${name}: no authority`);
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      assert.deepEqual(
        errors.map((diagnostic) => `${name}:${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`),
        [],
        `${name}: error diagnostics`,
      );
    });
  }
});
