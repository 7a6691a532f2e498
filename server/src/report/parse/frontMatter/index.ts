// The parts of a document around its body, read by its kind: a letter's letterhead,
// addressee and sign-off; a news summary's headline; a report's title block, judgement
// table and table of contents; and the publisher's closing page of any of them. Each
// reader returns what it found; what it does not read is empty here.
import { setAside, type Aside, type Part } from '../furniture';
import { headingKey } from '../headings';
import type { Judgement, Metadata, Range, ReportKind } from '../../model';
import type { Line } from '../../text';
import { readContents, type RawContentsEntry } from './contents';
import { overallSentence, readJudgementTable, readRecordOfMainFindings } from './judgementTable';
import { readLetter } from './letter';
import { readInspectionTeam } from './inspectionTeam';
import { findLine } from './lines';
import { readSummary } from './summary';
import { readTitleBlock, readWorkspaceTitle } from './titleBlock';

export type { RawContentsEntry } from './contents';

export interface FrontMatterOptions {
  readonly kind: ReportKind;
  /** The page furniture, which no reader takes for a part of its own. */
  readonly page: Aside;
  /** The first line of the publisher's closing page, if the document has one. */
  readonly colophon?: number;
  /** For a workspace's own kind, the line that recognised it: its title. */
  readonly recognisedBy?: Range;
}

export interface FrontMatter {
  readonly metadata: Metadata;
  readonly tableJudgements: readonly Judgement[];
  readonly contents: readonly RawContentsEntry[];
  /** The body runs from `bodyStart` up to, not including, `bodyEnd`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** What is not body, in the order read: to be set aside after the page furniture. */
  readonly parts: readonly Part[];
}

export function readFrontMatter(lines: readonly Line[], options: FrontMatterOptions): FrontMatter {
  const { kind, colophon, recognisedBy } = options;
  const end = colophon ?? lines.length;
  const closing: Part[] = colophon === undefined ? [] : [{ kind: 'website-footer', from: colophon, to: lines.length - 1 }];
  // The readers pass over the page furniture and the closing page.
  const aside = setAside(lines, options.page, closing);
  const found = readKind(lines, kind, aside, end, recognisedBy);
  return { metadata: {}, tableJudgements: [], contents: [], bodyStart: 0, bodyEnd: end, ...found, parts: [...closing, ...(found.parts ?? [])] };
}

function readKind(lines: readonly Line[], kind: ReportKind, aside: Aside, end: number, recognisedBy: Range | undefined): Partial<FrontMatter> {
  if (kind === 'cra-letter' || kind === 'focused-visit') return readLetter(lines, aside.skip, end);
  if (kind === 'ilacs-summary') return readSummary(lines, end);
  if (kind === 'custom' && recognisedBy) return readWorkspaceTitle(lines, recognisedBy);
  if (kind === 'unknown' || kind === 'custom') return {};
  return readReport(lines, kind, aside, end);
}

/**
 * A report's front matter runs to its first section, or, where an unheaded introduction
 * follows the judgement table (ILACS), to the table's last grade. The table is read with
 * the contents set aside, and the record of main findings with the table set aside too.
 */
function readReport(lines: readonly Line[], kind: ReportKind, aside: Aside, end: number): Partial<FrontMatter> {
  const firstHeading = findLine(lines, 0, end, (text, i) => !aside.skip.has(i) && isOpeningHeading(text, kind));
  const contents = readContents(lines, end, aside.skip);
  const withContents = setAside(lines, aside, contents.parts);
  const table = readJudgementTable(lines, withContents.skip, 0, firstHeading ?? Math.min(end, 120));
  const frontEnd = kind === 'ilacs-report' && table.end !== undefined ? table.end + 1 : firstHeading ?? table.end ?? 0;
  const record = kind === 'lac-report' ? readRecordOfMainFindings(lines, setAside(lines, withContents, table.parts).skip, frontEnd, end) : undefined;
  const titleBlock = readTitleBlock(lines, frontEnd);
  const lead = titleBlock.leadInspector ?? readInspectionTeam(lines, end);
  return {
    metadata: { ...titleBlock, ...(lead && { leadInspector: lead }) },
    tableJudgements: [...table.judgements, ...overallSentence(lines, frontEnd), ...(record?.judgements ?? [])],
    contents: contents.entries,
    bodyStart: frontEnd,
    parts: [...contents.parts, ...table.parts, ...(record?.parts ?? []), { kind: 'title-block', from: 0, to: frontEnd - 1 }],
  };
}

function isOpeningHeading(text: string, kind: ReportKind): boolean {
  const key = headingKey(text);
  if (kind === 'send-report') return key === 'inspection outcome';
  if (kind === 'ilacs-report') return key.startsWith('what needs to improve');
  return key === 'contents' || key === 'executive summary' || key === 'the local authority' || key.startsWith('section 1: the local authority');
}
