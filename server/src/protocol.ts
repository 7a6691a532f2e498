// Everything the client and the server say to each other beyond the LSP itself: custom
// requests and notifications (prefixed `inspectionReports/`) as typed message types, so
// that each side's handler and call agree on params and result; the commands that code
// actions name; and the settings. Both sides import this file; it holds no logic.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Finding, FindingCategory, Grade, JudgementArea, KindDefinition, Range, ReportKind } from './report/model';

/** The findings of one open report, or of a report in the workspace index; null if neither. */
export const documentFindingsRequest = new RequestType<DocumentParams, ReportFindings | null, void>('inspectionReports/documentFindings');
export interface DocumentParams {
  readonly uri: string;
}

/** The findings of every report in the workspace folders, once the first indexing is done; its params, if any, are ignored. */
export const workspaceFindingsRequest = new RequestType<object | undefined, ReportFindings[], void>('inspectionReports/workspaceFindings');

/** The report in brief, as Markdown (what hovering on its title block shows); null if not open. */
export const reportSummaryRequest = new RequestType<DocumentParams, string | null, void>('inspectionReports/reportSummary');

/**
 * The text of a report's PDF, laid out as pdftotext lays it out, for the client to open
 * as a read-only report: PDF.js lives in the server's bundle only. `data` holds the
 * file's bytes in base64; the answer is the text, or why there is none in words that
 * follow "cannot read FILE: " (`it is protected by a password`).
 */
export const pdfTextRequest = new RequestType<PdfTextParams, PdfTextResult, void>('inspectionReports/pdfText');
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
export const findingsChangedNotification = new NotificationType<FindingsChangedParams>('inspectionReports/findingsChanged');
export interface FindingsChangedParams {
  readonly uris: readonly string[];
}

/**
 * Sent by the server when the kinds that the workspace defines (`.inspection-reports.json`)
 * are read and differ from before: the client recognises plain-text files of those kinds too.
 */
export const kindsChangedNotification = new NotificationType<KindsChangedParams>('inspectionReports/kindsChanged');
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
  /** When the report was made, so that an authority's reports can be told apart and put in order. */
  readonly date: ReportDate;
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
export const authorityHistoryRequest = new RequestType<AuthorityHistoryParams | undefined, AuthorityHistoryResult, void>('inspectionReports/authorityHistory');
export interface AuthorityHistoryParams {
  readonly includeSingle?: boolean;
}
export interface AuthorityHistoryResult {
  /** The least score of a recurring finding shown. */
  readonly threshold: number;
  readonly histories: readonly AuthorityHistory[];
}

/** An abolished authority whose children's services passed to another: `Northamptonshire` until `2021-04-01`. */
export interface PredecessorAuthority {
  readonly name: string;
  /** The day its successors took over, `yyyy-mm-dd`. */
  readonly until: string;
}

/** A report as the history needs it: what the workspace index keeps of each report. */
export interface HistoryReport {
  readonly uri: string;
  readonly kind: ReportKind;
  /**
   * The authority: its canonical name (`server/src/report/authorities.json`) when the name
   * the report or its file name gives is one the archive knows, else that name as given;
   * undefined when neither gives one.
   */
  readonly authority?: string;
  readonly date: ReportDate;
  /** The inspection's dates as the report words them, when it does. */
  readonly inspectionDates?: string;
  /** One grade an area, in the order of `judgementAreas` (model). */
  readonly judgements: readonly AreaJudgement[];
  /** Its areas for priority action, areas for development and recommendations, in report order. */
  readonly findings: readonly HistoryFinding[];
}

export interface ReportDate {
  /** `2 December 2009`, `2016`, `after 2016`, or `date unknown`. */
  readonly label: string;
  /** Where the date comes from. */
  readonly source: 'letter' | 'published' | 'inspection' | 'file name' | 'previous inspection' | 'none';
  /** For ordering: yyyymmdd, with 00 for a month or day not known; undated reports come last. */
  readonly order: number;
}

export interface AreaJudgement {
  readonly area: JudgementArea;
  /** The area as the report words it. */
  readonly label: string;
  readonly grade: Grade;
  readonly range: Range;
}

export type HistoryCategory = Extract<FindingCategory, 'priority-action' | 'development' | 'recommendation'>;

export interface HistoryFinding {
  readonly category: HistoryCategory;
  readonly text: string;
  readonly range: Range;
  readonly section: string;
  readonly number?: number;
}

/** Where a finding stands: which report, and the finding itself. */
export interface FindingAt {
  readonly uri: string;
  readonly finding: HistoryFinding;
}

/** A finding of a later report and the earlier report's finding that words the same issue most alike. */
export interface RecurringFinding {
  readonly earlier: FindingAt;
  readonly later: FindingAt;
  /** The Dice coefficient of their telling words, 0 to 1. */
  readonly score: number;
  /** The telling words both use (stems), so that a reader sees why they were matched. */
  readonly shared: readonly string[];
}

export interface AuthorityHistory {
  /** The authority's name folded so that its spellings agree: `thurrock`, `city of london`. */
  readonly key: string;
  /** Its canonical name; for an authority the archive does not know, the name most of its reports use. */
  readonly name: string;
  /**
   * The abolished authorities whose reports the history begins with, nearest first, and
   * the day this one took over from each; a report of one gives its name as `authority`.
   */
  readonly predecessors?: readonly PredecessorAuthority[];
  /** Oldest first. */
  readonly reports: readonly HistoryReport[];
  /** By later report, then by its findings' order. */
  readonly recurring: readonly RecurringFinding[];
}

