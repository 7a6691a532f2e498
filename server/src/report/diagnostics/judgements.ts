// `judgement.disagrees`: the judgement table and a section's own grade differ.
// `judgement.missing-in-section` and `judgement.missing-in-table`: an area is graded in
// one place and not in the other.
import { judgementArea } from '../grades';
import { gradeNames, type Judgement, type Report } from '../model';
import type { ReportDiagnostic } from './types';

export function checkJudgements(report: Report): ReportDiagnostic[] {
  if (report.kind !== 'sif-report' && report.kind !== 'ilacs-report' && report.kind !== 'lac-report') return [];
  const table = report.judgements.filter((judgement) => judgement.source === 'table');
  const stated = report.judgements.filter((judgement) => judgement.source !== 'table');
  if (table.length === 0) return [];
  const diagnostics: ReportDiagnostic[] = [];
  for (const judgement of stated) {
    const row = table.find((candidate) => candidate.area === judgement.area);
    // The board's judgement and the overall one are sentences that tables of most years
    // leave out: only a row that grades them otherwise is worth a word.
    if (!row && (judgement.area === 'overall' || judgement.area === 'lscb')) continue;
    if (!row) {
      diagnostics.push({
        code: 'judgement.missing-in-table',
        severity: 'warning',
        message: `‘${judgement.label}’ is graded ${describe(judgement)} here, but the judgement table has no row for it.`,
        range: judgement.range,
      });
    } else if (row.grade !== judgement.grade) {
      diagnostics.push({
        code: 'judgement.disagrees',
        severity: 'error',
        message: `‘${judgement.label}’ is graded ${describe(judgement)} here, but ${describe(row)} in the judgement table.`,
        range: judgement.range,
      });
    }
  }
  for (const section of report.sections) {
    if (section.role !== 'judgement' || section.judgement) continue;
    const row = table.find((candidate) => judgementArea(section.name) === candidate.area);
    if (row) {
      diagnostics.push({
        code: 'judgement.missing-in-section',
        severity: 'warning',
        message: `The section ‘${section.name}’ states no grade; the judgement table grades it ${describe(row)}.`,
        range: section.headingRange,
      });
    }
  }
  return diagnostics;
}

function describe(judgement: Judgement): string {
  return `‘${gradeNames[judgement.grade]}’`;
}
