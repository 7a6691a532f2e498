// Which form of its kind a document has. Ofsted changed what a report of each kind holds
// several times, so what one must contain depends on when it was written. The boundaries
// are where the published documents change (docs/section-evidence.md counts them):
// - unannounced letters: `Strengths` in 2009, gone from 2010;
// - SIF reports: from the inspections of April 2015, `Executive summary`, `Recommendations`
//   and `Summary for children and young people` replace `Section 1: The local authority`,
//   `What does the local authority need to improve?` and `Summary of findings`;
// - ILACS reports: from January 2023, care leavers are judged apart from children in care;
// - focused visits: the letters of 2018 opened the form, from 2023 under the revised
//   framework.
import type { Metadata, ReportKind } from '../model';
import { anyMonth, monthNames } from '../text';

interface Period {
  readonly name: string;
  /** The first month it covers, as `year * 12 + month` (January is 0). */
  readonly from: number;
}

const month = (year: number, name: string): number => year * 12 + monthNames.indexOf(name);

const sif: readonly Period[] = [
  { name: '2013–15', from: 0 },
  { name: '2015–18', from: month(2015, 'april') },
];

const periods: Record<ReportKind, readonly Period[]> = {
  'cra-letter': [
    { name: '2009', from: 0 },
    { name: '2010–12', from: month(2010, 'january') },
  ],
  'lac-report': [{ name: '2012–13', from: 0 }],
  'sif-report': sif,
  // A board's review was published apart from its SIF report in the same years.
  'lscb-review': sif,
  'ilacs-report': [
    { name: '2018–22', from: 0 },
    { name: '2023 on', from: month(2023, 'january') },
  ],
  'ilacs-summary': [{ name: '2019 on', from: 0 }],
  'focused-visit': [
    { name: '2018', from: 0 },
    { name: '2019–22', from: month(2019, 'january') },
    { name: '2023 on', from: month(2023, 'january') },
  ],
  'send-report': [{ name: '2023 on', from: 0 }],
  custom: [],
  unknown: [],
};

/** Every period of a kind, oldest first. */
export function periodsOf(kind: ReportKind): readonly string[] {
  return periods[kind].map((period) => period.name);
}

/**
 * The period of a document from the month its inspection began (a framework applies to
 * the inspections made under it), else its letter's or publication's date. A kind that
 * had one form needs no date.
 */
export function frameworkPeriod(kind: ReportKind, metadata: Metadata): string | undefined {
  const candidates = periods[kind];
  if (candidates.length <= 1) return candidates[0]?.name;
  const when = [metadata.inspectionDates, metadata.letterDate, metadata.publicationDate].map((text) => (text ? firstMonth(text) : undefined)).find((found) => found !== undefined);
  if (when === undefined) return undefined;
  return candidates.filter((period) => period.from <= when).at(-1)?.name;
}

// The year may follow a later day and month: `14 January – 4 February 2015`.
const monthYear = new RegExp(`\\b(${anyMonth})\\b[^]{0,40}?\\b((?:19|20)\\d{2})\\b`, 'i');
const numericDate = /\b\d{1,2}\/(\d{1,2})\/((?:19|20)?\d{2})\b/;

/** `14 January – 4 February 2015` → January 2015; `12/09/2016 to …` → September 2016. */
function firstMonth(text: string): number | undefined {
  const named = monthYear.exec(text);
  if (named) return month(Number(named[2]), named[1].toLowerCase());
  const numeric = numericDate.exec(text);
  if (!numeric) return undefined;
  const year = Number(numeric[2]) < 100 ? 2000 + Number(numeric[2]) : Number(numeric[2]);
  return year * 12 + Number(numeric[1]) - 1;
}
