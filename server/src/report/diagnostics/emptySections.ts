// `section.empty`: a heading with nothing under it where the report must say something.
// A heading that only groups the headings after it (`Inspection judgements about the
// local authority`) is not empty. Every section that the report's kind requires must
// say something too, whatever its role.
import type { Report, SectionRole } from '../model';
import { flatten } from '../parse/references';
import { requiredSectionsOf } from './requiredSections';
import type { ReportDiagnostic } from './types';

export function checkEmptySections(report: Report): ReportDiagnostic[] {
  const required = requiredSectionsOf(report);
  return flatten(report.sections)
    .filter((section) => section.children.length === 0 && section.range.end.line === section.headingRange.end.line)
    .filter((section) => holdsContent.has(section.role) || required.some((requirement) => requirement.present(section)))
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
