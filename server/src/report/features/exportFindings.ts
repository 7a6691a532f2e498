// The findings of one report or of many, written out as CSV (one row a finding, for a
// spreadsheet), JSON (for scripts) or Markdown (for a briefing note).
import { csvText } from '../csv';
import type { Finding } from '../model';
import type { ReportFindings } from '../../protocol';

export type ExportFormat = 'csv' | 'json' | 'markdown';

export function exportFindings(reports: readonly ReportFindings[], format: ExportFormat): string {
  const rows = reports.flatMap((report) => report.groups.flatMap((group) => group.findings.map((finding) => ({ report, finding }))));
  switch (format) {
    case 'csv':
      return findingsCsv(rows.map(({ report, finding }) => ({ whose: [report.title, report.uri], finding })), ['report', 'uri']);
    case 'json':
      return JSON.stringify(
        reports.map((report) => ({
          report: report.title,
          uri: report.uri,
          kind: report.kind,
          findings: report.groups.flatMap((group) => group.findings.map((finding) => ({ ...finding, line: finding.range.start.line + 1 }))),
        })),
        null,
        2,
      ) + '\n';
    case 'markdown':
      return reports
        .map((report) => [
          `# ${report.title}`,
          '',
          ...report.groups.flatMap((group) => [
            `## ${group.name} (${group.findings.length})`,
            '',
            ...group.findings.map((finding) => `- ${finding.number !== undefined ? `${finding.number}. ` : ''}${finding.text}${finding.recurring ? ' *(recurring)*' : ''} — line ${finding.range.start.line + 1}`),
            '',
          ]),
        ].join('\n'))
        .join('\n');
  }
}

/**
 * The findings as CSV, one row a finding after the columns that say whose it is (the
 * report and its URI for the export, the file for the CLI): one writer, so that both
 * name and fill their columns alike.
 */
export function findingsCsv(rows: readonly { readonly whose: readonly string[]; readonly finding: Finding }[], whoseColumns: readonly string[]): string {
  return csvText(
    [...whoseColumns, 'category', 'section', 'paragraph', 'recurring', 'line', 'text'],
    // `recurring` as the word: csv-stringify would write a false as an empty cell.
    rows.map(({ whose, finding }) => [...whose, finding.category, finding.section, finding.number ?? '', String(finding.recurring), finding.range.start.line + 1, finding.text]),
  );
}
