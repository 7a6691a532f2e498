// A report diagnostic as the LSP publishes it: with its code linked to the README's
// explanation, and its fixes kept in `data` for the code actions that offer them.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ReportDiagnostic, ReportFix, Severity } from '../report';

/** The `source` of every diagnostic this server publishes. */
export const diagnosticSource = 'inspection-reports';

/** What a published diagnostic carries in `data`, for the code action to read back. */
export interface DiagnosticData {
  readonly fixes?: readonly ReportFix[];
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(diagnostic: ReportDiagnostic, explanation: (code: string) => string | undefined): Diagnostic {
  const href = explanation(diagnostic.code);
  const data: DiagnosticData = { fixes: diagnostic.fixes };
  return {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: diagnosticSource,
    message: diagnostic.message,
    ...(diagnostic.fixes ? { data } : {}),
  };
}
