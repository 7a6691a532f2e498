// `table FILE|DIR...`: one row a document, in the table's order (by authority, then
// inspection date, then file), for a spreadsheet or a script over a folder of reports.
import { sortTableRows, tableRow, type TableRow } from '../../report';
import type { Loaded } from '../input';

export function table(loaded: readonly Loaded[]): readonly TableRow[] {
  return sortTableRows(loaded.map(({ file, report }) => tableRow(file, report)));
}
