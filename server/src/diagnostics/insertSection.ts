// The quick fix for a missing section: its heading (after the lead-in sentence that
// introduces it, where the kind has one) typed into the place the report's other
// sections leave for it, in the document's own line ends.
import type { Report, Section } from '../model';
import { range } from '../text';
import type { ReportFix } from './types';

export interface SectionText {
  /** The heading as current reports of the kind print it. */
  readonly heading: string;
  readonly leadIn?: string;
}

/**
 * Before `next` (the nearest later section that is there), else after `previous` (after
 * its heading alone when it `opens` what follows), else before the first section, else
 * at the end.
 */
export function insertSection(report: Report, text: SectionText, next: Section | undefined, previous: Section | undefined, opens = false): ReportFix {
  const block = [text.leadIn, text.heading].filter((part) => part !== undefined).join('\n\n');
  const title = `Insert the ‘${text.heading}’ heading`;
  const before = next ?? (previous ? undefined : report.sections[0]);
  const fix = (at: ReturnType<typeof range>, newText: string): ReportFix => ({ title, range: at, newText: newText.replace(/\n/g, report.eol) });
  if (before) {
    const line = before.headingRange.start.line;
    return fix(range(line, 0, line, 0), `${block}\n\n`);
  }
  const end = previous ? (opens ? previous.headingRange.end : previous.range.end) : range(report.lineCount, 0, report.lineCount, 0).start;
  return fix({ start: end, end }, `\n\n${block}`);
}
