// Findings as CSV for a spreadsheet, by the writer the editor's export uses too.
import { findingsCsv } from '../../report';
import type { Findings } from '../commands/findings';

export function findings({ rows }: Findings): string {
  return findingsCsv(rows.map(({ file, finding }) => ({ whose: [file], finding })), ['file']);
}
