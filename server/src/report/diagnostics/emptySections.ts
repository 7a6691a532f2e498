// `section.empty`: a heading with nothing under it where the report must say something.
// A heading that only groups the headings after it (`Inspection judgements about the
// local authority`) is not empty. Every section that the report's kind requires must
// say something too, whatever its role.
import type { Report, SectionRole } from '../model';
import { flatten } from '../parse/references';
import { improvements, judgedOutstanding, outstandingPart, requiredSectionsOf, sectionsByPart } from './requiredSections';
import type { ReportDiagnostic } from './types';

export function checkEmptySections(report: Report): ReportDiagnostic[] {
  const required = requiredSectionsOf(report);
  const board = new Set(sectionsByPart(report).lscb ?? []);
  return flatten(report.sections)
    .filter((section) => section.children.length === 0 && section.range.end.line === section.headingRange.end.line)
    .filter((section) => holdsContent.has(section.role) || required.some((requirement) => requirement.present(section)))
    .map((section): ReportDiagnostic => {
      const part = board.has(section) ? 'lscb' : 'report';
      const empty = `The section ‘${section.name}’ is empty.`;
      // A board or authority judged outstanding may be given nothing to improve, under a
      // heading left empty (the board's `Recommendations` in Camden's report of 2017).
      return improvements(section) && judgedOutstanding(report, part)
        ? { code: 'section.empty', severity: 'information', message: `${empty} ${outstandingPart(part)} is judged outstanding, and may have been given nothing to improve.`, range: section.headingRange }
        : { code: 'section.empty', severity: 'warning', message: empty, range: section.headingRange };
    });
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
