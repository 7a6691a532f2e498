// `check FILE|DIR...`: the diagnostics of each report, as the editor shows them.
import { checkReport, firstLine, type ReportDiagnostic } from '../../report';
import type { Loaded } from '../input';

export interface Checked {
  readonly file: string;
  readonly diagnostics: readonly ReportDiagnostic[];
}

export function check({ file, report }: Loaded): Checked {
  try {
    return { file, diagnostics: checkReport(report) };
  } catch (error) {
    // A rule's bug should name the file that showed it, and leave the other files be.
    throw new Error(`checking ${file} failed: ${firstLine(error)}`);
  }
}
