// Every check of a report, in one list. Each rule is pure, and none assumes a kind on a
// document of another kind: the kind-specific ones return nothing elsewhere.
import type { Report } from '../model';
import { checkContents } from './contents';
import { checkEmptySections } from './emptySections';
import { checkJudgements } from './judgements';
import { checkNumbering } from './numbering';
import { checkOutcome } from './outcome';
import { checkRequiredSections } from './requiredSections';
import type { ReportDiagnostic } from './types';

export type { ReportDiagnostic, Severity } from './types';

/** Every diagnostic code, as the README documents them. */
export const diagnosticCodes = [
  'section.missing',
  'section.missing-usual',
  'section.empty',
  'letter.outcome-contradiction',
  'judgement.disagrees',
  'judgement.missing-in-section',
  'judgement.missing-in-table',
  'numbering.gap',
  'numbering.duplicate',
  'numbering.order',
  'contents.no-heading',
] as const;

const rules = [checkRequiredSections, checkOutcome, checkJudgements, checkNumbering, checkContents, checkEmptySections];

/** Every diagnostic of the report, in document order. */
export function checkReport(report: Report): ReportDiagnostic[] {
  if (report.binary) return [];
  return rules.flatMap((rule) => rule(report)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
