// `numbering.gap`, `numbering.duplicate`, `numbering.order`: a report numbers its
// paragraphs (recommendations included) in one sequence from 1.
import type { Report } from '../model';
import type { ReportDiagnostic } from './types';

export function checkNumbering(report: Report): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  const seen = new Set<number>();
  let previous: number | undefined;
  for (const paragraph of report.paragraphs) {
    const number = paragraph.number;
    if (seen.has(number)) {
      diagnostics.push({
        code: 'numbering.duplicate',
        severity: 'warning',
        message: `Paragraph ${number} is numbered twice.`,
        range: paragraph.numberRange,
      });
    } else if (previous !== undefined && number < previous) {
      diagnostics.push({
        code: 'numbering.order',
        severity: 'warning',
        message: `Paragraph ${number} comes after paragraph ${previous}.`,
        range: paragraph.numberRange,
      });
    } else if (previous !== undefined && number > previous + 1) {
      const missing = number - previous === 2 ? `${previous + 1} is` : `${previous + 1} to ${number - 1} are`;
      diagnostics.push({
        code: 'numbering.gap',
        severity: 'warning',
        message: `Paragraph ${missing} missing: ${previous} is followed by ${number}.`,
        range: paragraph.numberRange,
      });
    }
    seen.add(number);
    previous = Math.max(previous ?? number, number);
  }
  return diagnostics;
}
