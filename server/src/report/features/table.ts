// The table that analysts scrape the archive for: one row a document, with its authority,
// kind, dates, lead inspector, a grade per judgement area, a SEND inspection's outcome and
// its findings counted by category. The columns are named and ordered here once, for the
// CLI's text, JSON and CSV alike.
import { findingCategories, judgementAreas, type FindingCategory, type Grade, type JudgementArea, type Report } from '../model';
import { flatten } from '../parse/references';
import { dateRange } from '../dates';
import { singleSpaced } from '../text';
import { reportAuthority } from '../authorities';
import { fileNameOf } from './authorityHistory';
import { areaJudgement } from './reading';

/**
 * The three outcomes of an area SEND inspection since 2023, in the report's words: its
 * arrangements `typically lead to positive experiences and outcomes`, `lead to
 * inconsistent experiences and outcomes`, or there are `widespread and/or systemic failings`.
 */
export type SendOutcome = 'positive' | 'inconsistent' | 'systemic-failings';

export const sendOutcomeNames: Record<SendOutcome, string> = {
  positive: 'Typically lead to positive experiences and outcomes',
  inconsistent: 'Lead to inconsistent experiences and outcomes',
  'systemic-failings': 'Widespread and/or systemic failings',
};

interface Facts {
  readonly file: string;
  readonly authority: string | null;
  /** A workspace's own kind by its own id. */
  readonly kind: string;
  readonly period: string | null;
  /** Dates are ISO, `YYYY-MM-DD`. */
  readonly inspectionStart: string | null;
  readonly inspectionEnd: string | null;
  /** Only where the report states it: a file name's date is often the publication's, but not always. */
  readonly publicationDate: string | null;
  readonly leadInspector: string | null;
  readonly sendOutcome: SendOutcome | null;
}

/** One document's row: its facts, a grade (or none) per judgement area, a count per finding category. */
export type TableRow = Facts & Readonly<Record<JudgementArea, Grade | null>> & Readonly<Record<FindingCategory, number>>;

export type TableColumn = keyof TableRow;

/** The columns in order: the document, its dates and people, its grades, then its findings. */
export const tableColumns: readonly TableColumn[] = [
  'file',
  'authority',
  'kind',
  'period',
  'inspectionStart',
  'inspectionEnd',
  'publicationDate',
  'leadInspector',
  ...judgementAreas,
  'sendOutcome',
  ...findingCategories,
];

/** The row of one document, `file` being its path or URI as the caller names it. */
export function tableRow(file: string, report: Report): TableRow {
  const meta = report.metadata;
  const inspection = meta.inspectionDates ? dateRange(meta.inspectionDates, meta.letterDate) : undefined;
  const grades = Object.fromEntries(judgementAreas.map((area) => [area, areaJudgement(report, area)?.grade ?? null])) as Record<JudgementArea, Grade | null>;
  const counts = Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length])) as Record<FindingCategory, number>;
  return {
    file,
    // The canonical authority, as the history and the findings view name it.
    authority: reportAuthority(report.metadata.authority, fileNameOf(file)) ?? null,
    kind: report.definition?.id ?? report.kind,
    period: report.period ?? null,
    inspectionStart: inspection?.start ?? null,
    inspectionEnd: inspection?.end ?? null,
    publicationDate: (meta.publicationDate && dateRange(meta.publicationDate)?.end) ?? null,
    leadInspector: meta.leadInspector ?? null,
    ...grades,
    sendOutcome: sendOutcome(report) ?? null,
    ...counts,
  };
}

/**
 * The rows in the table's order: by authority, then by when the inspection started, then
 * by file; undated and unnamed last. Compared by code unit, so every machine agrees.
 */
export function sortTableRows(rows: readonly TableRow[]): TableRow[] {
  return [...rows].sort((a, b) => compare(a.authority?.toLowerCase(), b.authority?.toLowerCase()) || compare(a.inspectionStart ?? a.inspectionEnd, b.inspectionStart ?? b.inspectionEnd) || compare(a.file, b.file));
}

function compare(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

const sendOutcomes: readonly [SendOutcome, RegExp][] = [
  ['positive', /typically lead to positive experiences/i],
  ['inconsistent', /lead to inconsistent experiences/i],
  ['systemic-failings', /widespread and\/or systemic failings/i],
];

/** What the `Inspection outcome` of an area SEND report says; none for other kinds. */
function sendOutcome(report: Report): SendOutcome | undefined {
  if (report.kind !== 'send-report') return undefined;
  const section = flatten(report.sections).find((candidate) => candidate.role === 'outcome');
  if (!section) return undefined;
  // The outcome wraps over lines: read the section's lines as one text.
  const text = singleSpaced(report.lines.slice(section.range.start.line, section.range.end.line + 1).join(' '));
  return sendOutcomes.find(([, pattern]) => pattern.test(text))?.[0];
}
