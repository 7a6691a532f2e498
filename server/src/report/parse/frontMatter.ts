// The parts of a report around its sections: a letter's letterhead, addressee and
// sign-off; a report's title block, judgement table and table of contents; and the facts
// they hold (metadata, the table's grades, the contents entries).
import { gradeOnly, gradesIn, judgementArea } from '../grades';
import { headingKey } from './headings';
import type { Furniture, FurnitureKind, Judgement, Metadata, Range, ReportKind } from '../model';
import { anyMonth, linesRange, range, type Line } from '../text';

export interface RawContentsEntry {
  readonly title: string;
  readonly page?: number;
  readonly range: Range;
}

export interface FrontMatter {
  readonly metadata: Metadata;
  readonly tableJudgements: readonly Judgement[];
  readonly contents: readonly RawContentsEntry[];
  /** The body runs from `bodyStart` up to, not including, `bodyEnd`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

const month = `(?:${anyMonth})`;
const dateLine = new RegExp(`^\\d{1,2} ${month} \\d{4}$`, 'i');

interface Context {
  readonly lines: readonly Line[];
  readonly skip: Set<number>;
  readonly furniture: Furniture[];
}

function mark(context: Context, from: number, to: number, kind: FurnitureKind): void {
  let first: Line | undefined;
  let last: Line | undefined;
  for (let i = from; i <= to && i < context.lines.length; i++) {
    const line = context.lines[i];
    if (line.text.length === 0 || context.skip.has(i)) continue;
    context.skip.add(i);
    first ??= line;
    last = line;
  }
  if (first && last) context.furniture.push({ kind, range: linesRange(first, last) });
}

function nextContent(lines: readonly Line[], from: number, skip?: ReadonlySet<number>): number {
  let i = from;
  while (i < lines.length && (lines[i].text.length === 0 || skip?.has(i))) i++;
  return i;
}

/** The text of the content lines from `from`, joined, up to `count` of them. */
function joinedFrom(lines: readonly Line[], from: number, count: number): string {
  const parts: string[] = [];
  for (let i = from; i < lines.length && parts.length < count; i++) {
    if (lines[i].text.length > 0) parts.push(lines[i].text);
  }
  return parts.join(' ');
}

export function readFrontMatter(
  lines: readonly Line[],
  kind: ReportKind,
  skip: Set<number>,
  furniture: Furniture[],
  colophon: number | undefined,
  /** For a workspace's own kind, the line that recognised it: its title. */
  recognisedBy?: Range,
): FrontMatter {
  const context: Context = { lines, skip, furniture };
  const end = colophon ?? lines.length;
  if (colophon !== undefined) mark(context, colophon, lines.length - 1, 'website-footer');
  if (kind === 'cra-letter' || kind === 'focused-visit') return readLetter(context, end);
  if (kind === 'ilacs-summary') return readSummary(context, end);
  if (kind === 'custom' && recognisedBy) {
    // What a workspace kind says of itself is only how to recognise it: the lines down to
    // that phrase are its title, and the sections follow.
    const bodyStart = recognisedBy.end.line + 1;
    mark(context, 0, bodyStart - 1, 'title-block');
    const title = lines.slice(0, bodyStart).map((line) => line.text).filter(Boolean).join(' ');
    return { metadata: { ...readReportMetadata(lines, bodyStart), authority: undefined, title: title.slice(0, 300) }, tableJudgements: [], contents: [], bodyStart, bodyEnd: end };
  }
  if (kind === 'unknown' || kind === 'custom') return { metadata: {}, tableJudgements: [], contents: [], bodyStart: 0, bodyEnd: end };
  return readReport(context, kind, end);
}

// `… within Essex County Council children's services`, `Focused visit to Sandwell
// Children’s Trust`: a trust runs the services of the authority it is named after.
const letterAuthority = /(?:within|focused visit to) (.+?)(?:(?: local authority)? children[’']s services| (?:children[’']s|children and families) trust\b)/i;

/**
 * The subject's last line: wrapped at a page's width (a PDF's text), it goes on over the
 * next line or two until it names the authority's services, and no further; a subject
 * that never does is its first line, as in one-paragraph-a-line text.
 */
function subjectEnd(lines: readonly Line[], subject: number): number {
  let title = lines[subject].text;
  if (letterAuthority.test(title)) return subject;
  for (let next = subject + 1; next <= subject + 2 && next < lines.length && lines[next].text.length > 0; next++) {
    title += ` ${lines[next].text}`;
    if (letterAuthority.test(title)) return next;
  }
  return subject;
}

function readLetter(context: Context, end: number): FrontMatter {
  const { lines } = context;
  const limit = Math.min(lines.length, 60);
  const date = findLine(lines, 0, limit, (text) => dateLine.test(text));
  const dear = findLine(lines, date ?? 0, limit, (text) => /^dear\b/i.test(text));
  const metadata: Record<string, string> = {};
  let bodyStart = 0;
  if (date !== undefined) metadata.letterDate = lines[date].text;
  if (dear !== undefined) {
    if (date !== undefined) {
      const addressee = lines.slice(date + 1, dear).map((line) => line.text).filter((text) => text.length > 0);
      if (addressee.length > 0) metadata.addressee = addressee.join(', ');
    }
    const subject = nextContent(lines, dear + 1);
    mark(context, 0, dear, 'letterhead');
    if (subject < lines.length) {
      const last = subjectEnd(lines, subject);
      metadata.title = lines.slice(subject, last + 1).map((line) => line.text).join(' ');
      mark(context, subject, last, 'title-block');
      bodyStart = last + 1;
    }
  }
  const authority = letterAuthority.exec(metadata.title ?? '');
  if (authority) metadata.authority = authority[1];
  const introduction = joinedFrom(lines, bodyStart, 6);
  const dates = /(?:conducted on|focused visit to .+? (?:on|between)) (.+? \d{4})\b/i.exec(introduction);
  if (dates) metadata.inspectionDates = dates[1];

  let bodyEnd = end;
  const signOff = findLine(lines, bodyStart, end, (text) => /^yours (?:sincerely|faithfully)/i.test(text));
  if (signOff !== undefined) {
    bodyEnd = signOff;
    // Past a page number: a page may end after `Yours sincerely`.
    const name = nextContent(lines, signOff + 1, context.skip);
    if (name < end) metadata.signatory = lines[name].text.replace(/,?\s+(?:Her|His) Majesty[’']s Inspector\.?$/i, '');
    mark(context, signOff, end - 1, 'sign-off');
  }
  return { metadata, tableJudgements: [], contents: [], bodyStart, bodyEnd };
}

const previousInspection = /\b(?:since (?:the|its) (?:last|previous) inspection(?: of [^,.]{1,60}?)?|(?:was )?last inspected) in (\d{4})\b/i;

// A news summary: its headline is the title; the website's own text follows the last
// sentence of the article.
function readSummary(context: Context, end: number): FrontMatter {
  const { lines } = context;
  const headline = nextContent(lines, 0);
  const metadata: Record<string, string> = {};
  if (headline < lines.length) {
    metadata.title = lines[headline].text;
    mark(context, headline, headline, 'title-block');
    const authority = /^(.+?) (?:improves|is|remains|has|declines|requires)\b/i.exec(lines[headline].text);
    if (authority) metadata.authority = authority[1];
  }
  let bodyEnd = end;
  let lastSentence = -1;
  for (let i = headline + 1; i < end; i++) {
    if (/[.!?:"”’]$/.test(lines[i].text)) lastSentence = i;
  }
  if (lastSentence >= 0 && lastSentence + 1 < end) {
    bodyEnd = lastSentence + 1;
    mark(context, bodyEnd, end - 1, 'website-footer');
  }
  // A summary gives no date; the year of the inspection before it at least places it
  // after that one in an authority's history.
  const previous = findLine(lines, headline + 1, Math.min(bodyEnd, headline + 10), (text) => previousInspection.test(text));
  if (previous !== undefined) metadata.previousInspection = (previousInspection.exec(lines[previous].text) as RegExpExecArray)[1];
  return { metadata, tableJudgements: [], contents: [], bodyStart: headline + 1, bodyEnd };
}

function readReport(context: Context, kind: ReportKind, end: number): FrontMatter {
  const { lines } = context;
  const firstHeading = findLine(lines, 0, end, (text, i) => !context.skip.has(i) && isOpeningHeading(text, kind));
  const contents = readContents(context, end);
  const table = readJudgementTable(context, 0, firstHeading ?? Math.min(end, 120));
  // A report's front matter runs to its first section, or, where an unheaded
  // introduction follows the judgement table (ILACS), to the table's last grade.
  const frontEnd = kind === 'ilacs-report' && table.end !== undefined ? table.end + 1 : firstHeading ?? table.end ?? 0;
  const metadata = readReportMetadata(lines, frontEnd);
  const judgements = [...table.judgements, ...overallSentence(lines, frontEnd)];
  // The looked after children reports end with their grades as a table.
  let record: number | undefined;
  for (let i = end - 1; kind === 'lac-report' && i > frontEnd && record === undefined; i--) {
    if (/^record of main findings$/i.test(lines[i].text)) record = i;
  }
  if (record !== undefined) {
    judgements.push(...readJudgementTable(context, record + 1, end).judgements);
    mark(context, record + 1, end - 1, 'judgement-table');
  }
  mark(context, 0, frontEnd - 1, 'title-block');
  return { metadata, tableJudgements: judgements, contents, bodyStart: frontEnd, bodyEnd: end };
}

function isOpeningHeading(text: string, kind: ReportKind): boolean {
  const key = headingKey(text);
  if (kind === 'send-report') return key === 'inspection outcome';
  if (kind === 'ilacs-report') return key.startsWith('what needs to improve');
  return key === 'contents' || key === 'executive summary' || key === 'the local authority' || key.startsWith('section 1: the local authority');
}

function readReportMetadata(lines: readonly Line[], frontEnd: number): Metadata {
  const metadata: Record<string, string> = {};
  const head = lines.slice(0, Math.max(frontEnd, Math.min(lines.length, 12))).filter((line) => line.text.length > 0);
  const labelled = (pattern: RegExp): string | undefined => {
    for (let i = 0; i < head.length; i++) {
      const match = pattern.exec(head[i].text);
      if (!match) continue;
      // The value can stand on a later line (`Inspection dates:` then the dates).
      const value = match[1].trim() || head[i + 1]?.text || '';
      return value.trim() || undefined;
    }
    return undefined;
  };
  const dates = labelled(/^inspection dates?:?\s*(.*)$/i);
  if (dates) metadata.inspectionDates = dates;
  const published = labelled(/^report published:?\s*(.*)$/i);
  if (published) metadata.publicationDate = published;
  const lead = labelled(/^(?:lead|reporting) inspector:?\s*(.*)$/i);
  if (lead) metadata.leadInspector = lead.replace(/,?\s*(?:(?:Her|His) Majesty[’']s Inspector|HMI)\.?$/i, '').trim();

  // The title: the lines from `Inspection of` or `Area SEND inspection of` to the first
  // blank or labelled line.
  const titleStart = head.findIndex((line) => /^(?:re-)?inspection of|^area send inspection of|^review of/i.test(line.text));
  if (titleStart >= 0) {
    const parts: string[] = [];
    for (let i = titleStart; i < head.length && parts.length < 3; i++) {
      const line = head[i];
      if (parts.length > 0 && (line.index !== head[i - 1].index + 1 || /:|^and$/i.test(line.text))) break;
      // The council under `Inspection of looked after children services` is not title.
      if (parts.length > 0 && /^inspection of looked after children/i.test(parts[0]) && /\b(?:council|borough|city|county)\b/i.test(line.text)) break;
      parts.push(line.text);
    }
    const title = parts.join(' ').replace(/[\u00b9\u00b2\u00b3]|\d$/g, '');
    metadata.title = title;
    // `Inspection of Kent County Council children’s services`, `… of the Royal Borough of
    // Kensington and Chelsea local authority children’s services`, `… of Bradford Children
    // and Families Trust`.
    const authority =
      /^inspection of (?:the )?(?!local authority\b)(.+?)(?: local authority)? children[’']s (?:social care )?services/i.exec(title) ??
      /^inspection of (.+?) (?:children[’']s|children and families) trust$/i.exec(title) ??
      /^area send inspection of (.+?) local area partnership/i.exec(title);
    if (authority) metadata.authority = authority[1];
    else if (titleStart > 0) metadata.authority = head.slice(0, titleStart).map((line) => line.text).join(' ');
    else if (head[titleStart + parts.length]) {
      // `Inspection of looked after children services` names the council on the next line.
      const next = head[titleStart + parts.length].text;
      if (/council|borough|city|county/i.test(next)) metadata.authority = next;
    }
  }
  return metadata;
}

// `Children's services in Thurrock Council require improvement to be good`, `The overall
// judgement is that children's services are inadequate`.
const overallPattern = /^(?:children[’']s services in .+? (?:are|is|require|requires)|the overall judgement is\b)/i;

function overallSentence(lines: readonly Line[], frontEnd: number): Judgement[] {
  for (let i = 0; i < frontEnd && i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length > 300 || !/^(?:children|the overall)\b/i.test(line.text)) continue;
    // The sentence wraps, its verb sometimes on the second line (`... Kingston upon` /
    // `Thames are good`).
    const next = lines[i + 1]?.text.length ? lines[i + 1] : line;
    const text = next === line ? line.text : `${line.text} ${next.text}`;
    if (!overallPattern.test(text)) continue;
    const grade = gradesIn(text)[0];
    if (!grade) continue;
    return [{ area: 'overall', label: line.text, grade: grade.grade, gradeText: grade.text, source: 'sentence', range: linesRange(line, next) }];
  }
  return [];
}

// A row's number in a single inspection framework table: `1.`, `2.1`.
const numberedRow = /^\d(?:\.\d)?\.?\s+/;

interface TableResult {
  readonly judgements: Judgement[];
  readonly end?: number;
}

/**
 * The judgement table, in either layout: tab-separated rows (`1. Children who need help
 * and protection<TAB><TAB>Require improvement`), or one cell a line with the area wrapped
 * over lines and the grade after a blank line.
 */
function readJudgementTable(context: Context, from: number, to: number): TableResult {
  const { lines } = context;
  const judgements: Judgement[] = [];
  let first: number | undefined;
  let last: number | undefined;
  // The cells read and not yet graded. pdftotext can put two numbered rows' labels before
  // both their grades (`2.2 Experiences and progress of care leavers` / `3. Leadership,
  // management and governance` / `Requires improvement` / `Requires improvement`): each
  // grade goes to the first label waiting.
  let labels: Line[][] = [];
  // Within a paragraph of prose, down to a blank line or a numbered row, a short line and
  // a grade after it are a sentence's end (`... for care leavers they are` / `inadequate.`).
  let prose = false;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.text.length === 0) prose = false;
    if (line.text.length === 0 || context.skip.has(i)) continue;
    if (numberedRow.test(line.text)) prose = false;
    const tabbed = /^(?:\d(?:\.\d)?\.?\s+)?([^\t]+?)\t+\s*([^\t]+?)\s*$/.exec(line.text);
    if (tabbed) {
      const area = judgementArea(tabbed[1]);
      const grade = gradeOnly(tabbed[2]);
      if (area && grade) {
        judgements.push({ area, label: tabbed[1].trim(), grade: grade.grade, gradeText: grade.text, source: 'table', range: linesRange(line) });
        first ??= i;
        last = i;
        continue;
      }
    }
    // A page number between a row's label and its grade.
    if (/^\d{1,3}$/.test(line.text)) continue;
    // A grade can wrap: `Requires` / `improvement`, `Requires improvement` / `to be good`.
    const next = lines[i + 1];
    const twoLines = next && next.text.length > 0 ? gradeOnly(`${line.text} ${next.text}`) : undefined;
    const grade = twoLines ?? gradeOnly(line.text);
    const label = grade && !prose ? labels.shift() : undefined;
    if (grade && label) {
      const labelText = label.map((part) => part.text).join(' ').replace(numberedRow, '');
      // A cell wraps over three lines at most: more is the title block above the table,
      // which names the Local Safeguarding Children Board without grading it. The overall
      // sentence above the table, wrapped before its grade, is read as a sentence.
      const area = label.length <= 3 && !overallPattern.test(`${labelText} ${line.text}`) ? judgementArea(labelText) : undefined;
      const gradeEnd = twoLines ? next : line;
      if (area) {
        judgements.push({
          area,
          label: labelText,
          grade: grade.grade,
          gradeText: twoLines ? `${line.text} ${next.text}` : line.text,
          source: 'table',
          range: range(label[0].index, label[0].start, gradeEnd.index, gradeEnd.end),
        });
        first ??= label[0].index;
        last = gradeEnd.index;
      }
      if (gradeEnd !== line) i++;
      continue;
    }
    // A long or finished sentence, a line with a sentence's end in it, or one that states a
    // grade, is prose, not a cell.
    if (prose || line.text.length > 90 || /[.;]$|[a-z][.;] [A-Z]/.test(line.text) || gradesIn(line.text).length > 0) {
      labels = [];
      prose = true;
      continue;
    }
    const previous = lines[i - 1];
    if (numberedRow.test(line.text)) labels = [...labels.filter((waiting) => numberedRow.test(waiting[0].text)), [line]];
    else if ((previous && previous.text.length === 0) || labels.length === 0) labels = [[line]];
    else labels[labels.length - 1].push(line);
  }
  if (first !== undefined && last !== undefined) {
    // Include the `Judgement` / `Grade` header lines just above the first row.
    let start = first;
    for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
      if (/^(?:judgement|grade|key judgement|judgement grade)$/i.test(lines[i].text)) start = i;
    }
    mark(context, start, last, 'judgement-table');
  }
  return { judgements, end: last };
}

/**
 * The table of contents: its entries, then its lines set aside so that the headings it
 * repeats are not read as sections. In the seeds each entry ends in a tab and a page
 * number; in pdftotext output the contents take the rest of their page.
 */
function readContents(context: Context, end: number): RawContentsEntry[] {
  const { lines } = context;
  const limit = Math.min(end, Math.max(200, Math.floor(lines.length / 3)));
  // The cheap test first: this looks at a third of the report's lines.
  const heading = findLine(lines, 0, limit, (text) => text.length < 20 && headingKey(text) === 'contents');
  if (heading === undefined) return [];
  const entries: RawContentsEntry[] = [];
  let last = heading;
  const tabbed = lines.slice(heading + 1, heading + 6).some((line) => line.raw.includes('\t'));
  let pending: Line[] = [];
  const flush = (page?: number) => {
    if (pending.length === 0) return;
    const title = pending.map((line) => line.text.split('\t')[0].trim()).join(' ');
    entries.push({ title, page, range: linesRange(pending[0], pending[pending.length - 1]) });
    pending = [];
  };
  for (let i = heading + 1; i < end; i++) {
    const line = lines[i];
    if (tabbed) {
      if (line.text.length === 0) continue;
      if (!line.raw.includes('\t')) break;
      const page = /\t\s*(\d+)\s*$/.exec(line.raw);
      pending.push(line);
      flush(page ? Number(page[1]) : undefined);
      last = i;
      continue;
    }
    if (line.pageBreak && i > heading + 1) break;
    if (line.text.length === 0) continue;
    last = i;
    if (/^\d{1,3}$/.test(line.text)) {
      flush(Number(line.text));
      continue;
    }
    // A line that reads as prose ends the contents.
    if (line.text.length > 100 || /[.;]$/.test(line.text)) {
      last = i - 1;
      break;
    }
    const previous = lines[i - 1];
    if (previous && previous.text.length === 0) flush();
    pending.push(line);
  }
  flush();
  mark(context, heading, last, 'contents');
  return entries;
}

function findLine(
  lines: readonly Line[],
  from: number,
  to: number,
  test: (text: string, index: number) => boolean,
): number | undefined {
  for (let i = from; i < to && i < lines.length; i++) {
    const text = lines[i].text;
    if (text.length > 0 && text.length <= 400 && test(text, i)) return i;
  }
  return undefined;
}
