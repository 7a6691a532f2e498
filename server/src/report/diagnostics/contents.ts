// `contents.no-heading`: an entry of the table of contents that names no heading.
import type { Report } from '../model';
import type { ReportDiagnostic } from './types';

export function checkContents(report: Report): ReportDiagnostic[] {
  return report.contents
    .filter((entry) => !entry.heading)
    .map((entry) => ({
      code: 'contents.no-heading',
      severity: 'warning',
      message: `The contents list ‘${entry.title}’, but no heading of the report has that name.`,
      range: entry.range,
    }));
}
