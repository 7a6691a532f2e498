// The table that analysts scrape the archive for: one row a document, with its authority,
// kind, dates, lead inspector, a grade per judgement area, a SEND inspection's outcome and
// its findings counted by category. The columns are named and ordered here once, for the
// CLI's text, JSON and CSV alike.
import { findingCategories, judgementAreas, type FindingCategory, type Grade, type JudgementArea, type Report } from '../model';
import { flatten } from '../parse/references';
import { anyMonth, monthNames, singleSpaced } from '../text';
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

// ------------------------------------------------------------------ dates

const numericDate = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
// A day, a month (whole or its first three letters: `1 Feb 2021`) or a year, in the order written.
const datePart = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?|(${anyMonth}|${monthNames.map((name) => name.slice(0, 3)).join('|')})|(\\d{4}))\\b`, 'gi');

interface DatePart {
  day: number;
  month?: number;
  year?: number;
}

/**
 * The first and last days of `22 February 2016 to 17 March 2016`, `11 to 15 March 2024`,
 * `3 and 4 November 2009`, `29 November – 3 December 2021`, `06/07/2015 – 17/07/2015`,
 * as ISO dates. A day takes the month and year written after it, so `11 to 15 March 2024`
 * starts on 11 March 2024.
 */
export function dateRange(text: string, writtenOn?: string): { start: string; end: string } | undefined {
  const numeric = [...text.matchAll(numericDate)].map((match): DatePart => ({ day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) }));
  const days = numeric.length > 0 ? numeric : namedDates(text);
  // Dates written without their year are of the year of the letter that gives them, or of
  // the year before for a later month than the letter's (a visit comes before its letter).
  const letter = writtenOn === undefined ? undefined : namedDates(writtenOn).at(-1);
  if (letter?.month !== undefined && letter.year !== undefined) {
    for (const day of days) if (day.year === undefined && day.month !== undefined) day.year = day.month > letter.month ? letter.year - 1 : letter.year;
  }
  const dated = days.filter((part): part is Required<DatePart> => part.month !== undefined && part.year !== undefined);
  if (dated.length === 0) return undefined;
  const start = dated[0];
  const last = dated[dated.length - 1];
  return isDay(start) && isDay(last) ? { start: iso(start), end: iso(last) } : undefined;
}

function iso({ day, month, year }: Required<DatePart>): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function namedDates(text: string): DatePart[] {
  const days: DatePart[] = [];
  for (const match of text.matchAll(datePart)) {
    if (match[1] !== undefined) days.push({ day: Number(match[1]) });
    else if (match[2] !== undefined) {
      const month = monthNames.findIndex((name) => name.startsWith(match[2].toLowerCase())) + 1;
      for (const day of days) if (day.month === undefined) day.month = month;
    } else {
      const year = Number(match[3]);
      const month = days.at(-1)?.month;
      // `29 December to 2 January 2015`: a day of a later month than the year's last is of the year before.
      for (const day of days) if (day.year === undefined) day.year = day.month !== undefined && month !== undefined && day.month > month ? year - 1 : year;
    }
  }
  return days;
}

function isDay({ day, month, year }: Required<DatePart>): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
