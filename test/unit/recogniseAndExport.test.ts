// The pure pieces the VS Code client calls: recognising a report from its opening (to
// switch a plain-text file's language), and writing findings out for export.
import * as assert from 'node:assert/strict';
import { findingGroups } from '../../server/src/report/features/findingGroups';
import { exportFindings } from '../../server/src/report/features/exportFindings';
import { recogniseKind } from '../../server/src/report/parse/kind';
import { parseReport } from '../../server/src/report/parse/index';
import { readSeed, seedNames, seededBytes } from './helpers';

describe('recognising a report from its opening', () => {
  it('recognises every seed', () => {
    assert.deepEqual(seedNames().map((name) => recogniseKind(readSeed(name.slice(0, 3)))), ['cra-letter', 'cra-letter', 'ilacs-summary', 'sif-report', 'cra-letter']);
  });

  it('leaves other text and binary alone', () => {
    assert.equal(recogniseKind('Shopping list\n\nMilk\nBread\n'), 'unknown');
    assert.equal(recogniseKind(''), 'unknown');
    assert.equal(recogniseKind(seededBytes(7, 4096).toString('utf8')), 'unknown');
  });
});

describe('exporting findings', () => {
  const essex = findingGroups(parseReport(readSeed('001')), 'file:///reports/essex.txt', 'essex.txt');

  it('writes CSV with a header and one row a finding, priority actions first', () => {
    const rows = exportFindings([essex], 'csv').trimEnd().split('\n');
    assert.equal(rows[0], 'report,uri,category,section,paragraph,recurring,line,text');
    assert.equal(rows.length, 1 + 22);
    assert.match(rows[1], /^Essex,file:\/\/\/reports\/essex\.txt,priority-action,Areas for priority action,,false,65,"The capacity of the assessment service/);
  });

  it('writes JSON that reads back to the same findings', () => {
    const [report] = JSON.parse(exportFindings([essex], 'json'));
    assert.equal(report.report, 'Essex');
    assert.equal(report.findings.length, 22);
    assert.deepEqual(report.findings[0].range, essex.groups[0].findings[0].range);
    assert.equal(report.findings[0].line, 65);
  });

  it('writes Markdown with a heading per category', () => {
    const markdown = exportFindings([essex], 'markdown');
    assert.match(markdown, /^# Essex\n\n## Areas for priority action \(3\)\n\n- The capacity of the assessment service/);
    assert.deepEqual(markdown.match(/^## .*$/gm), ['## Areas for priority action (3)', '## Areas for development (8)', '## Strengths (3)', '## Satisfactory (8)']);
  });
});
