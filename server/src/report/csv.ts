// CSV as RFC 4180 quotes it (a cell holding a comma, a quote or a line break is quoted,
// its quotes doubled), one header row first: the one writer behind the findings' export
// and the table, so that every CSV the project writes is read back alike.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/** The rows under their header; a null is an empty cell. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => [...row]), { header: true, columns: [...header] });
}
