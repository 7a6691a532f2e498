// Each command's data as JSON for a script: the fields a script relies on, named and
// ordered as they have been, indented two spaces, ending in a newline.
import { tableColumns, type Section, type TableRow } from '../../report';
import type { Checked } from '../commands/check';
import type { Findings } from '../commands/findings';
import type { Outline } from '../commands/outline';
import type { Summary } from '../commands/summary';

export function outline({ file, kind, title, authority, sections }: Outline): string {
  const sectionJson = (section: Section): object => ({
    name: section.name,
    level: section.level,
    ...(section.judgement ? { judgement: section.judgement.grade } : {}),
    ...(section.grade ? { grade: section.grade.label } : {}),
    range: section.range,
    children: section.children.map(sectionJson),
  });
  return json({ file, kind, title, authority, sections: sections.map(sectionJson) });
}

export function findings({ rows }: Findings): string {
  return json(rows.map(({ file, finding }) => ({
    file,
    category: finding.category,
    text: finding.text,
    section: finding.section,
    ...(finding.number !== undefined ? { paragraph: finding.number } : {}),
    recurring: finding.recurring,
    range: finding.range,
  })));
}

/** All the files' diagnostics in one array. */
export function check(checked: readonly Checked[]): string {
  return json(checked.flatMap(({ file, diagnostics }) =>
    diagnostics.map((diagnostic) => ({ file, code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, range: diagnostic.range }))));
}

/** The rows, each with every column in the table's order: null where the report gives nothing. */
export function table(rows: readonly TableRow[]): string {
  return json(rows.map((row) => Object.fromEntries(tableColumns.map((column) => [column, row[column]]))));
}

/** The summary's data is its JSON. */
export function summary(summary: Summary): string {
  return json(summary);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
