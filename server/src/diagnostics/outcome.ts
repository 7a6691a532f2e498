// `letter.outcome-contradiction`: the outcome statement of an unannounced inspection
// letter decides whether it must have areas for priority action.
import type { Report } from '../model';
import { flatten } from '../references';
import type { ReportDiagnostic } from './types';

export function checkOutcome(report: Report): ReportDiagnostic[] {
  if (report.kind !== 'cra-letter' || !report.outcome) return [];
  const section = flatten(report.sections).find((candidate) => candidate.role === 'priority-action');
  const says = report.outcome.priorityActions;
  if (says && !section) {
    return [
      {
        code: 'letter.outcome-contradiction',
        severity: 'error',
        message: 'The letter says the inspection identified areas for priority action, but it has no ‘Areas for priority action’ section.',
        range: report.outcome.range,
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
