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

export { diagnosticCodes, serverCodes, type DiagnosticCode, type ReportDiagnostic, type ReportFix, type Severity } from './types';

const rules = [checkRequiredSections, checkOutcome, checkJudgements, checkNumbering, checkContents, checkEmptySections];

/** Every diagnostic of the report, in document order. */
export function checkReport(report: Report): ReportDiagnostic[] {
  if (report.binary) return [];
  return rules.flatMap((rule) => rule(report)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
