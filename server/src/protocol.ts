// Everything the client and the server say to each other beyond the LSP itself: custom
// requests and notifications (prefixed `inspectionReports/`), the commands that code
// actions name, and the settings. Both sides import this file; it holds no code.
import type { Finding, FindingCategory, Grade, KindDefinition, ReportKind } from './model';

/** The findings of one open report, or of a report in the workspace index; null if neither. */
export const documentFindingsRequest = 'inspectionReports/documentFindings';
export interface DocumentFindingsParams {
  readonly uri: string;
}

/** The findings of every report in the workspace folders, once the first indexing is done. */
export const workspaceFindingsRequest = 'inspectionReports/workspaceFindings';

/** The report in brief, as Markdown (what hovering on its title block shows); null if not open. */
export const reportSummaryRequest = 'inspectionReports/reportSummary';

/**
 * The text of a report's PDF, laid out as pdftotext lays it out, for the client to open
 * as a read-only report: PDF.js lives in the server's bundle only. `data` holds the
 * file's bytes in base64; the answer is the text, or why there is none in words that
 * follow "cannot read FILE: " (`it is protected by a password`).
 */
export const pdfTextRequest = 'inspectionReports/pdfText';
export interface PdfTextParams {
  readonly data: string;
}
/** One of the two: the text, or why there is none. */
export interface PdfTextResult {
  readonly text?: string;
  readonly error?: string;
}

/**
 * The scheme of a PDF's text as the client opens it: read-only, so the server offers no
 * fix that edits it. The path is the PDF's (so tabs and breadcrumbs name it), the query
 * its URI.
 */
export const pdfReportScheme = 'inspection-report-pdf';

/** Sent when the findings of some reports may have changed, so views can ask again. */
export const findingsChangedNotification = 'inspectionReports/findingsChanged';
export interface FindingsChangedParams {
  readonly uris: readonly string[];
}

/**
 * Sent by the server when the kinds that the workspace defines (`.inspection-reports.json`)
 * are read and differ from before: the client recognises plain-text files of those kinds too.
 */
export const kindsChangedNotification = 'inspectionReports/kindsChanged';
export interface KindsChangedParams {
  readonly kinds: readonly KindDefinition[];
}

export interface FindingGroup {
  readonly category: FindingCategory;
  /** `Areas for priority action`, as the reports head them. */
  readonly name: string;
  readonly findings: readonly Finding[];
}

export interface ReportFindings {
  readonly uri: string;
  /** The authority's name, else the report's title, else the file's name. */
  readonly title: string;
  readonly kind: ReportKind;
  /** A workspace kind's own name. */
  readonly kindName?: string;
  readonly overall?: Grade;
  /** Non-empty groups only, areas for priority action first. */
  readonly groups: readonly FindingGroup[];
}

/**
 * The quick fix "Turn off … for this file" runs this command with `{ uri, code }`
 * (workspace/executeCommand). The server adds the code for the file to its workspace
 * folder's `.inspection-reports.json`; VS Code's client runs it itself instead, adding the
 * code to the setting `inspectionReports.diagnostics.ignore`.
 */
export const ignoreRuleInFileCommand = 'inspectionReports.ignoreRuleInFile';
export interface IgnoreRuleInFileArguments {
  readonly uri: string;
  readonly code: string;
}

export type RuleSetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `inspectionReports` settings section, as package.json declares it. */
export interface Settings {
  readonly diagnostics: {
    readonly enable: boolean;
    /** A severity, or `off`, by diagnostic code. */
    readonly rules: Readonly<Record<string, RuleSetting>>;
    /** Codes turned off by file: glob (relative to the workspace folder) or path → codes. */
    readonly ignore: Readonly<Record<string, readonly string[]>>;
    readonly maxProblems: number;
  };
  readonly index: {
    readonly enable: boolean;
    readonly include: readonly string[];
    readonly exclude: readonly string[];
  };
}

export const defaultSettings: Settings = {
  diagnostics: { enable: true, rules: {}, ignore: {}, maxProblems: 100 },
  index: { enable: true, include: ['**/*.txt'], exclude: ['**/node_modules/**'] },
};

// ------------------------------------------------------------------ authority history

/**
 * The reports of the workspace index and the open documents grouped by authority, each
 * authority's oldest first, with their judgements per area and the findings that recur;
 * answered once the first indexing is done. Only authorities with two or more reports,
 * unless `includeSingle`.
 */
export const authorityHistoryRequest = 'inspectionReports/authorityHistory';
export interface AuthorityHistoryParams {
  readonly includeSingle?: boolean;
}
export interface AuthorityHistoryResult {
  /** The least score of a recurring finding shown. */
  readonly threshold: number;
  readonly histories: readonly AuthorityHistory[];
}
export type { AuthorityHistory, HistoryReport, RecurringFinding } from './features/authorityHistory';
type AuthorityHistory = import('./features/authorityHistory').AuthorityHistory;
