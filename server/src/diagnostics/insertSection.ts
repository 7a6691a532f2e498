// The quick fix for a missing section: its heading (after the lead-in sentence that
// introduces it, where the kind has one) typed into the place the report's other
// sections leave for it, in the document's own line ends. Where only the heading was
// lost, its text stands at the end of that place, and the heading goes before it.
import { judgementArea } from '../grades';
import { gradeNames, type Report, type Section } from '../model';
import { range } from '../text';
import { sectionStart } from './sectionStart';
import type { ReportFix } from './types';

export interface SectionText {
  /** The heading as current reports of the kind print it. */
  readonly heading: string;
  readonly leadIn?: string;
}

/**
 * Before the text of the section that stands at the end of its place (when
 * `findLostText`), else before `next`
 * (the nearest later section that is there), else after `previous` (after its heading
 * alone when it `opens` what follows), else before the first section, else at the end.
 */
export function insertSection(report: Report, text: SectionText, next: Section | undefined, previous: Section | undefined, opens = false, findLostText = false): ReportFix {
  const heading = withGrade(report, text.heading);
  const block = [text.leadIn, heading].filter((part) => part !== undefined).join('\n\n');
  const title = `Insert the ‘${text.heading}’ heading`;
  const fix = (line: number, newText: string): ReportFix => ({ title, range: range(line, 0, line, 0), newText: newText.replace(/\n/g, report.eol) });
  const before = next ?? (previous ? undefined : report.sections[0]);
  const place = opens || !findLostText || !(before ?? previous) ? undefined : { after: previous?.headingRange.end.line ?? -1, before: before ? before.headingRange.start.line : lastLine(previous!) + 1 };
  const start = place && sectionStart(report, text.heading, text.leadIn, place.after, place.before);
  if (start) return fix(start.line, `${start.afterLeadIn ? heading : block}\n\n`);
  if (before) return fix(before.headingRange.start.line, `${block}\n\n`);
  const end = previous ? (opens ? previous.headingRange.end : previous.range.end) : range(report.lineCount, 0, report.lineCount, 0).start;
  return { title, range: { start: end, end }, newText: `\n\n${block}`.replace(/\n/g, report.eol) };
}

/** An ILACS report prints each judgement's grade after its heading: `…children in care: good`. */
function withGrade(report: Report, heading: string): string {
  const area = report.kind === 'ilacs-report' ? judgementArea(heading) : undefined;
  const graded = area && report.judgements.find((judgement) => judgement.area === area && judgement.source === 'table');
  return graded ? `${heading}: ${gradeNames[graded.grade].toLowerCase()}` : heading;
}

/** A range that ends at the start of a line ends on the line before. */
function lastLine(section: Section): number {
  const end = section.range.end;
  return end.character === 0 && end.line > section.range.start.line ? end.line - 1 : end.line;
}
