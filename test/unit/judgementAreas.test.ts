// Every inspection report in the seeds and the real documents beside the repository has a
// judgement for each area its framework grades: overall effectiveness, help and
// protection, children in care (or looked after) and leadership, and, in a single
// inspection framework report that reviews the board, the LSCB. A fresh clone has no
// ../shared: the seeds alone are then read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JudgementArea, Report } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, corpusWideDir, flattenSections, seedsDir } from './helpers';

// Areas a report does not grade, in its own words.
const notGraded: readonly { file: string; area: JudgementArea; why: string }[] = [
  { file: 'isles-of-scilly-inspection-27-june-2016.txt', area: 'children-in-care', why: "'2. Children looked after and achieving / permanence' / 'Not Judged'" },
];

function documents(): { name: string; text: string }[] {
  return [seedsDir, corpusDir, corpusWideDir]
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') })),
    );
}

function requiredAreas(report: Report, text: string): JudgementArea[] {
  const areas: JudgementArea[] = ['help-and-protection', 'children-in-care', 'leadership'];
  // ILACS reports since the 2026 reform have no overall effectiveness row in their table.
  if (report.kind === 'sif-report' || /^overall effectiveness\b/im.test(text)) areas.unshift('overall');
  if (report.kind === 'sif-report' && flattenSections(report.sections).some((section) => section.role === 'lscb')) areas.push('lscb');
  return areas;
}

describe('judgement areas of every inspection report', () => {
  it('grades every area each report grades', () => {
    const gaps: string[] = [];
    let graded = 0;
    for (const { name, text } of documents()) {
      const report = parseReport(text);
      if (report.kind !== 'sif-report' && report.kind !== 'ilacs-report') continue;
      graded++;
      const missing = requiredAreas(report, text).filter(
        (area) => !report.judgements.some((judgement) => judgement.area === area) && !notGraded.some((entry) => entry.file === name && entry.area === area),
      );
      if (missing.length > 0) gaps.push(`${name}: ${missing.join(', ')}`);
    }
    assert.ok(graded > 0);
    assert.deepEqual(gaps, []);
  });
});
