// A report diagnostic as the LSP publishes it: with its code linked to the README's
// explanation, and its fixes kept in `data` for the code actions that offer them.
import * as fs from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
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

/** Each code's explanation: the README's line that holds `<a id="code">`, as a link. */
export function explanations(readme: string | undefined): (code: string) => string | undefined {
  if (!readme) return () => undefined;
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(readme, 'utf8').split('\n');
  } catch {
    return () => undefined;
  }
  const base = URI.file(readme).toString();
  return (code) => {
    const line = lines.findIndex((text) => text.includes(`<a id="${code}">`));
    return line < 0 ? undefined : `${base}#L${line + 1}`;
  };
}
