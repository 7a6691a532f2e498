// The quick fix for a missing section: its heading (after the lead-in sentence that
// introduces it, where the kind has one) typed into the place the report's other
// sections leave for it, in the document's own line ends. Where only the heading was
// lost, its text stands at the end of that place, and the heading goes before it.
import { judgementArea } from '../grades';
import { earlierGradeScale, gradeNames, gradeStep, type Report, type Section } from '../model';
import { range } from '../text';
import { sectionStart } from './sectionStart';
import type { ReportFix } from './types';

export interface SectionText {
  /** The heading as current reports of the kind print it. */
  readonly heading: string;
  readonly leadIn?: string;
}

/**
 * Where a section's text that lost its heading may stand: at the end of any stretch of its
 * part between two sections that are there, since its own heading is what said where.
 */
export interface Stretch {
  /** The lines it lies between. */
  readonly after: number;
  readonly before: number;
  /** How much more a text reads as the missing section's own than as the section's it stands in. */
  readonly leaning: (text: string) => number;
  /** Only text that plainly reads as the section's (out of the kind's order) is taken for it. */
  readonly plainly: boolean;
}

/**
 * The section's heading typed in before its own text, where its text stands at the end of
 * one of the `stretches` (its heading alone was lost); and, as the only fix where it does
 * not, or as the other where it does, where the sections around leave room for it: before
 * `next` (the nearest later section that is there), else after `previous` (after its
 * heading alone when it `opens` what follows), else before the first section, else at the end.
 */
export function insertSection(report: Report, text: SectionText, next: Section | undefined, previous: Section | undefined, opens = false, stretches: readonly Stretch[] = []): ReportFix[] {
  const heading = withGrade(report, text.heading);
  const block = [text.leadIn, heading].filter((part) => part !== undefined).join('\n\n');
  const title = `Insert the ‘${text.heading}’ heading`;
  const eol = (newText: string) => newText.replace(/\n/g, report.eol);
  const before = next ?? (previous ? undefined : report.sections[0]);
  const end = previous ? (opens ? previous.headingRange.end : previous.range.end) : range(report.lineCount, 0, report.lineCount, 0).start;
  const between: ReportFix = before
    ? { title, range: range(before.headingRange.start.line, 0, before.headingRange.start.line, 0), newText: eol(`${block}\n\n`) }
    : { title, range: { start: end, end }, newText: eol(`\n\n${block}`) };
  const found = opens ? [] : stretches.flatMap((stretch) => sectionStart(report, text, stretch) ?? []);
  const start = found.reduce<(typeof found)[number] | undefined>((best, candidate) => (best && best.score >= candidate.score ? best : candidate), undefined);
  if (!start || start.line === between.range.start.line) return [between];
  // Into the blank lines before the text, where there are two or more, so that they stand
  // around the heading as they did; else with a blank line of its own.
  const blanks = report.lines[start.line - 1]?.trim() === '' && report.lines[start.line - 2]?.trim() === '';
  const at = blanks ? start.line - 1 : start.line;
  return [
    { title: `${title} before its text (line ${at + 1})`, range: range(at, 0, at, 0), newText: eol(`${start.afterLeadIn ? heading : block}\n${blanks ? '' : '\n'}`) },
    { ...between, title: `${title} as an empty section (line ${between.range.start.line + 1})` },
  ];
}

/**
 * The heading with the grade the judgement table gives its area, as the kind prints it: an
 * ILACS report after the heading (`…children in care: good`), a SIF report on a line of
 * its own beneath it, a looked after children report of 2012–13 beneath it by number and
 * in that scale's words (`Grade 4 (Inadequate)`).
 */
function withGrade(report: Report, heading: string): string {
  const graded = report.judgements.find((judgement) => judgement.source === 'table' && judgement.area === judgementArea(heading));
  if (!graded) return heading;
  switch (report.kind) {
    case 'ilacs-report':
      return `${heading}: ${gradeNames[graded.grade].toLowerCase()}`;
    case 'sif-report':
      return `${heading}\n\n${gradeNames[graded.grade]}`;
    case 'lac-report':
      return `${heading}\nGrade ${gradeStep(graded.grade)} (${gradeNames[earlierGradeScale[gradeStep(graded.grade) - 1]]})`;
    default:
      return heading;
  }
}
