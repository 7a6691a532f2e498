// `contents.no-heading`: an entry of the table of contents that names no heading. A line
// of the body that says what the entry says, on its own, is that heading, though the
// outline may not make a section of it; so is the heading an entry qualifies after a dash
// (`Inspection findings – the Local Safeguarding Children Board`). Where pdftotext stacked
// entries with no blank line between them (`Recommendations` / `Summary for children and
// young people` / `The experiences and progress of children who need help and` /
// `protection`), the entry's lines may name one heading each, over one to three lines.
import type { Report } from '../model';
import { pageAtEnd } from '../parse/frontMatter/contents';
import { flatten } from '../parse/references';
import { headingKey } from '../parse/headings';
import type { ReportDiagnostic } from './types';

export function checkContents(report: Report): ReportDiagnostic[] {
  const unmatched = report.contents.filter((entry) => !entry.heading);
  if (unmatched.length === 0) return [];
  const after = Math.max(...report.contents.map((entry) => entry.range.end.line));
  // The list's own heading too, which some lists name as their first entry (Cheshire East 2015).
  const headings = new Set(['contents', ...report.lines.slice(after + 1).map((line) => headingKey(line.trim())), ...flatten(report.sections).map((section) => headingKey(section.name))]);
  const named = (text: string) => {
    const { title } = pageAtEnd(text);
    return headings.has(headingKey(title)) || headings.has(headingKey(title.split(/ [–-] /)[0]));
  };
  /** Whether `lines` are headings' names, one after another, each over one to three lines. */
  const stacked = (lines: readonly string[]): boolean => {
    // From the last line back: whether the lines from each one on are such names.
    const from = new Array<boolean>(lines.length + 1).fill(false);
    from[lines.length] = true;
    for (let i = lines.length - 1; i >= 0; i--) {
      from[i] = [1, 2, 3].some((count) => i + count <= lines.length && from[i + count] && named(lines.slice(i, i + count).join(' ')));
    }
    return from[0];
  };
  return unmatched
    .filter((entry) => !named(entry.title) && !stacked(report.lines.slice(entry.range.start.line, entry.range.end.line + 1).map((line) => line.trim())))
    .map((entry) => ({
      code: 'contents.no-heading',
      severity: 'warning',
      message: `The contents list ‘${entry.title}’, but no heading of the report has that name.`,
      range: entry.range,
    }));
}
