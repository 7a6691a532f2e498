// The judgements a report states around its body: the judgement table, the overall
// judgement as a sentence above it, and the record of main findings that ends a looked
// after children report.
import type { Part } from '../furniture';
import { gradeOnly, gradesIn, judgementArea, unfinishedGrade, type GradeMatch } from '../../grades';
import type { Judgement } from '../../model';
import { linesRange, range, type Line } from '../../text';

// `Children's services in Thurrock Council require improvement to be good`, `Children’s
// services require improvement to be good` (Luton 2016), `The overall judgement is that
// children's services are inadequate`.
const overallPattern = /^(?:children[’']s services (?:in .+? )?(?:are|is|require|requires)|the overall judgement is\b)/i;

export function overallSentence(lines: readonly Line[], frontEnd: number): Judgement[] {
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

export interface JudgementTable {
  readonly judgements: readonly Judgement[];
  /** The line of its last grade. */
  readonly end?: number;
  /** The table, with its header lines, if it has any rows. */
  readonly parts: readonly Part[];
}

/**
 * The judgement table between `from` and `to`, in either layout: tab-separated rows (`1.
 * Children who need help and protection<TAB><TAB>Require improvement`), or one cell a line
 * with the area wrapped over lines and the grade after a blank line. `skip`: the lines
 * set aside already.
 */
export function readJudgementTable(lines: readonly Line[], skip: ReadonlySet<number>, from: number, to: number): JudgementTable {
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
    if (line.text.length === 0 || skip.has(i)) continue;
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
    const cell = gradeCell(lines, i);
    const label = cell && !prose ? labels.shift() : undefined;
    if (cell && label) {
      const labelText = label.map((part) => part.text).join(' ').replace(numberedRow, '');
      // A cell wraps over three lines at most: more is the title block above the table,
      // which names the Local Safeguarding Children Board without grading it. The overall
      // sentence above the table, wrapped before its grade, is read as a sentence.
      const area = label.length <= 3 && !overallPattern.test(`${labelText} ${line.text}`) ? judgementArea(labelText) : undefined;
      const gradeEnd = lines[cell.last];
      if (area) {
        judgements.push({
          area,
          label: labelText.replace(/\.$/, ''),
          grade: cell.grade.grade,
          gradeText: cell.text,
          source: 'table',
          range: range(label[0].index, label[0].start, gradeEnd.index, gradeEnd.end),
        });
        first ??= label[0].index;
        last = gradeEnd.index;
      }
      i = cell.last;
      continue;
    }
    // A long or finished sentence, a line with a sentence's end in it, or one that states a
    // grade, is prose, not a cell; but for a label that ends in a full stop above its grade
    // (`The impact of leaders on social work practice with` / `children and families.`,
    // Cheshire East 2020).
    let below = i + 1;
    while (below < to && lines[below].text.length === 0) below++;
    const labelAbove = line.text.endsWith('.') && !prose && gradeCell(lines, below) !== undefined;
    if (prose || line.text.length > 90 || (/[.;]$|[a-z][.;] [A-Z]/.test(line.text) && !labelAbove) || gradesIn(line.text).length > 0) {
      labels = [];
      prose = true;
      continue;
    }
    const previous = lines[i - 1];
    if (numberedRow.test(line.text)) labels = [...labels.filter((waiting) => numberedRow.test(waiting[0].text)), [line]];
    else if ((previous && previous.text.length === 0) || labels.length === 0) labels = [[line]];
    else labels[labels.length - 1].push(line);
  }
  if (first === undefined || last === undefined) return { judgements, end: last, parts: [] };
  // Include the `Judgement` / `Grade` header lines just above the first row.
  let start = first;
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    if (/^(?:judgement|grade|key judgement|judgement grade)$/i.test(lines[i].text)) start = i;
  }
  return { judgements, end: last, parts: [{ kind: 'judgement-table', from: start, to: last }] };
}

/**
 * The grade that starts at `index`, wrapped over up to three lines (`Requires` /
 * `improvement`, `Requires improvement` / `to be good`, `Requires` / `improvement to be` /
 * `good`, Darlington 2018): the most lines that read as a grade alone.
 */
function gradeCell(lines: readonly Line[], index: number): { grade: GradeMatch; text: string; last: number } | undefined {
  let found: { grade: GradeMatch; text: string; last: number } | undefined;
  let text = '';
  let parts = 0;
  for (let last = index; parts < 3 && last < lines.length; last++) {
    if (lines[last].text.length === 0) {
      // A PDF can set a wrapped grade's lines so far apart that a blank line is read
      // between them (`Requires` / `` / `improvement`, Cambridgeshire 2014): stepped over
      // only where the grade is not yet finished.
      if (parts > 0 && unfinishedGrade(text)) continue;
      break;
    }
    text = parts === 0 ? lines[last].text : `${text} ${lines[last].text}`;
    parts++;
    const grade = gradeOnly(text);
    if (grade) found = { grade, text, last };
  }
  return found;
}

/**
 * The looked after children reports end with their grades as a table, under `Record of
 * main findings` after the front matter (`frontEnd`); all of it down to `end` is set aside.
 */
export function readRecordOfMainFindings(lines: readonly Line[], skip: ReadonlySet<number>, frontEnd: number, end: number): JudgementTable {
  for (let i = end - 1; i > frontEnd; i--) {
    if (!/^record of main findings$/i.test(lines[i].text)) continue;
    const table = readJudgementTable(lines, skip, i + 1, end);
    return { judgements: table.judgements, parts: [...table.parts, { kind: 'judgement-table', from: i + 1, to: end - 1 }] };
  }
  return { judgements: [], parts: [] };
}
