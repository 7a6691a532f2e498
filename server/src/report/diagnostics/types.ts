// What a check says about a report: the LSP's shape, without the LSP's types.
import type { Range } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The codes of the checks of a report, as the README documents them; settings can re-grade or turn off each. */
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

/** The codes the language server gives besides: a document it will not read, a mistake in a workspace's kinds file. */
export const serverCodes = ['document.too-large', 'kinds.invalid'] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number] | (typeof serverCodes)[number];

export interface ReportDiagnostic {
  /** Stable and dotted, e.g. `section.missing`; the README explains each. */
  readonly code: DiagnosticCode;
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
