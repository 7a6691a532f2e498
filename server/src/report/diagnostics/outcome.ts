// `letter.outcome-contradiction`: the outcome statement of an unannounced inspection
// letter decides whether it must have areas for priority action.
import type { Report } from '../model';
import { flatten } from '../parse/references';
import { insertSection } from './insertSection';
import type { ReportDiagnostic } from './types';

export function checkOutcome(report: Report): ReportDiagnostic[] {
  if (report.kind !== 'cra-letter' || !report.outcome) return [];
  const sections = flatten(report.sections);
  const section = sections.find((candidate) => candidate.role === 'priority-action');
  const says = report.outcome.priorityActions;
  if (says && !section) {
    return [
      {
        code: 'letter.outcome-contradiction',
        severity: 'error',
        message: 'The letter says the inspection identified areas for priority action, but it has no ‘Areas for priority action’ section.',
        range: report.outcome.range,
        // Letters list their areas for priority action after the areas for development.
        fixes: insertSection(report, { heading: 'Areas for priority action' }, undefined, sections.find((candidate) => candidate.role === 'development') ?? report.sections.at(-1)),
      },
    ];
  }
  if (!says && section) {
    return [
      {
        code: 'letter.outcome-contradiction',
        severity: 'error',
        message: 'The letter has an ‘Areas for priority action’ section, but its outcome statement says there are none.',
        range: section.headingRange,
      },
    ];
  }
  return [];
}
