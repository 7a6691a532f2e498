// What a check says about a report: the LSP's shape, without the LSP's types.
import type { Range } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ReportDiagnostic {
  /** Stable and dotted, e.g. `section.missing`; the README explains each. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** What mends it, the likeliest first. */
  readonly fixes?: readonly ReportFix[];
}

/** Text that mends what a diagnostic reports, offered as a quick fix. */
export interface ReportFix {
  readonly title: string;
  readonly range: Range;
  readonly newText: string;
}
