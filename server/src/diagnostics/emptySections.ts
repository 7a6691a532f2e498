// `section.empty`: a heading with nothing under it where the report must say something.
// A heading that only groups the headings after it (`Inspection judgements about the
// local authority`) is not empty.
import type { Report, SectionRole } from '../model';
import { flatten } from '../references';
import type { ReportDiagnostic } from './types';

export function checkEmptySections(report: Report): ReportDiagnostic[] {
  return flatten(report.sections)
    .filter((section) => holdsContent.has(section.role) && section.children.length === 0 && section.range.end.line === section.headingRange.end.line)
    .map((section) => ({
      code: 'section.empty',
      severity: 'warning',
      message: `The section ‘${section.name}’ is empty.`,
      range: section.headingRange,
    }));
}

const holdsContent = new Set<SectionRole>([
  'executive-summary',
  'recommendations',
  'judgement',
  'summary',
  'inspection-findings',
  'satisfactory',
  'strengths',
  'development',
  'priority-action',
  'findings',
  'overview',
  'outcome',
]);
