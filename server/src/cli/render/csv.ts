// Findings and the table as CSV for a spreadsheet, by the writer the editor's export uses too.
import { csvText, findingsCsv, tableColumns, type TableRow } from '../../report';
import type { Findings } from '../commands/findings';

export function findings({ rows }: Findings): string {
  return findingsCsv(rows.map(({ file, finding }) => ({ whose: [file], finding })), ['file']);
}

/** A header of the table's columns, then a row a document; an empty cell where the report gives nothing. */
export function table(rows: readonly TableRow[]): string {
  return csvText(tableColumns, rows.map((row) => tableColumns.map((column) => row[column])));
}
