// Each command's data as text for a person: one string, ending in a newline. Lines that
// point into a report start with its 1-based line number, so a reader can jump there.
import {
  findingCategories,
  findingCategoryNames,
  gradeNames,
  judgementAreaNames,
  judgementAreas,
  reportKindLabels,
  sendOutcomeNames,
  tableColumns,
  type Finding,
  type Grade,
  type ReportKind,
  type Section,
  type SendOutcome,
  type TableColumn,
  type TableRow,
} from '../../report';
import type { Checked } from '../commands/check';
import type { Findings } from '../commands/findings';
import type { Outline } from '../commands/outline';
import type { Summary } from '../commands/summary';

export function outline({ file, kindName, lineCount, sections }: Outline): string {
  const out: string[] = [`${file}: ${kindName}`];
  const width = String(lineCount).length;
  // Children are indented two spaces per level of nesting.
  const walk = (sections: readonly Section[], depth: number): void => {
    for (const section of sections) {
      const grade = section.judgement ? ` — ${gradeNames[section.judgement.grade]}` : section.grade ? ` — ${section.grade.label}` : '';
      out.push(`${String(section.headingRange.start.line + 1).padStart(width)}  ${'  '.repeat(depth)}${section.name}${grade}`);
      walk(section.children, depth + 1);
    }
  };
  walk(sections, 0);
  if (sections.length === 0) out.push('(no sections found)');
  return lines(out);
}

export function findings({ files, rows }: Findings): string {
  const out: string[] = [];
  for (const { file, lineCount } of files) {
    out.push(`${file}:`);
    const mine = rows.filter((row) => row.file === file).map((row) => row.finding);
    if (mine.length === 0) out.push('  (no findings)');
    const width = String(lineCount).length;
    for (const wanted of findingCategories) {
      const inCategory = mine.filter((finding) => finding.category === wanted);
      if (inCategory.length === 0) continue;
      out.push(`  ${findingCategoryNames[wanted]} (${inCategory.length})`);
      for (const finding of inCategory) out.push(`    ${String(finding.range.start.line + 1).padStart(width)}  ${findingLabel(finding)}${finding.text}`);
    }
  }
  return lines(out);
}

/** One file's diagnostics, one a line as file:line:col as compilers write them; nothing for none. */
export function check({ file, diagnostics }: Checked): string {
  return diagnostics.map((diagnostic) => {
    const { line, character } = diagnostic.range.start;
    return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code}: ${oneLine(diagnostic.message)}\n`;
  }).join('');
}

export function summary(summary: Summary): string {
  const none = '—';
  const out = [
    `File:              ${summary.file}`,
    `Kind:              ${summary.kindName} (${summary.kind})`,
    `Period:            ${summary.period ?? none}`,
    `Authority:         ${summary.authority ?? none}`,
    `Title:             ${summary.title ?? none}`,
    `Letter date:       ${summary.letterDate ?? none}`,
    `Inspection dates:  ${summary.inspectionDates ?? none}`,
    `Publication date:  ${summary.publicationDate ?? none}`,
    `Lead inspector:    ${summary.leadInspector ?? none}`,
    `Signatory:         ${summary.signatory ?? none}`,
    `Judgements:${summary.judgements.length === 0 ? `        ${none}` : ''}`,
    // The same area can be graded in the table and again at its heading; all are listed,
    // with where each came from, so a disagreement is visible.
    ...summary.judgements.map((judgement) => `  ${judgement.area}: ${gradeNames[judgement.grade]} (${judgement.source}, line ${judgement.range.start.line + 1}: ${judgement.label})`),
    ...(summary.grades ? [`Grades:${summary.grades.length === 0 ? `            ${none}` : ''}`, ...summary.grades.map((grade) => `  ${grade.section}: ${grade.grade} (line ${grade.range.start.line + 1})`)] : []),
    'Findings:',
    ...findingCategories.map((category) => `  ${(findingCategoryNames[category] + ':').padEnd(28)}${summary.findings[category]}`),
  ];
  const first = summary.firstPriorityAction;
  if (first) out.push(`First area for priority action (line ${first.range.start.line + 1}):`, `  ${first.text}`);
  return lines(out);
}

const columnTitles: Record<TableColumn, string> = {
  file: 'File',
  authority: 'Authority',
  kind: 'Kind',
  period: 'Period',
  inspectionStart: 'Inspection started',
  inspectionEnd: 'Inspection ended',
  publicationDate: 'Published',
  leadInspector: 'Lead inspector',
  ...judgementAreaNames,
  sendOutcome: 'SEND outcome',
  ...findingCategoryNames,
};

const titleWidth = Math.max(...Object.values(columnTitles).map((title) => title.length)) + 2;

/**
 * The table as a block a document, its columns one a line: some twenty columns, and
 * names and grades that run to forty characters, would not fit across a terminal. What a
 * report does not give (no grade, no findings of a category) is left out.
 */
export function table(rows: readonly TableRow[]): string {
  const blocks = rows.map((row) => {
    const out = [row.file];
    for (const column of tableColumns) {
      if (column === 'file') continue;
      const value = row[column];
      if (value === null || value === 0) continue;
      out.push(`  ${columnTitles[column].padEnd(titleWidth)}${cellText(column, value)}`);
    }
    return out.join('\n');
  });
  return blocks.length === 0 ? '(no documents)\n' : `${blocks.join('\n\n')}\n`;
}

function cellText(column: TableColumn, value: string | number): string {
  if (column === 'kind') return reportKindLabels[value as ReportKind] ?? String(value);
  if (column === 'sendOutcome') return sendOutcomeNames[value as SendOutcome];
  if ((judgementAreas as readonly string[]).includes(column)) return gradeNames[value as Grade];
  return String(value);
}

function lines(out: readonly string[]): string {
  return out.join('\n') + '\n';
}

function findingLabel(finding: Finding): string {
  const parts = [finding.number !== undefined ? `¶${finding.number}` : '', finding.recurring ? '(recurring)' : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')} ` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
