// Recall on damaged reports: each published document is damaged the way an editor might
// damage it, one change at a time, and the rule that should notice is asked whether it
// did. Used by `npm run corpus -- --mutations` (which prints it) and by the recall test
// (which holds it to its targets).
//
// - section.missing: every section the document's kind, period and part require is
//   deleted in turn, its heading alone and then heading to last line; a `section.missing`
//   that names it must follow.
// - section.missing-usual: the same for every section nine in ten of them have.
// - section.empty: every required section keeps its heading and loses its text.
// - judgement.disagrees: every row of a judgement table whose area a section also grades
//   is given another grade.
// - numbering.gap / .duplicate / .order: numbered paragraphs, up to a dozen spread over
//   the document, are renumbered one past the next number, as the one before, or
//   swapped with the next.
//
// A false alarm is an error on a document as published.
import { checkReport, type ReportDiagnostic } from '../server/src/report/diagnostics';
import { countSectionWords, expectationFor, expectedSectionsOf, sectionsByPart, type ExpectedSection } from '../server/src/report/diagnostics/requiredSections';
import { withSectionWords } from '../server/src/report/diagnostics/sectionWords';
import type { ReportFix } from '../server/src/report/diagnostics/types';
import { gradeNames, type Position, type Range, type Report, type Section } from '../server/src/report/model';
import { parseReport } from '../server/src/report/parse/index';

export interface Document {
  readonly name: string;
  readonly text: string;
}

export interface Tally {
  tried: number;
  caught: number;
}

export interface RuleRecall extends Tally {
  readonly rule: string;
  /** By the damaged document's kind and period: `focused-visit 2019–22`. */
  readonly byGroup: Map<string, Tally>;
  /** What was done and not noticed: `document: change`. */
  readonly missed: string[];
}

export interface Recall {
  readonly rules: RuleRecall[];
  readonly falseAlarms: { readonly document: string; readonly diagnostic: ReportDiagnostic }[];
  readonly documents: number;
}

interface Mutation {
  readonly rule: string;
  readonly change: string;
  readonly text: string;
  /** Whether the damaged document's diagnostics show it, given the original's. */
  readonly noticed: (damaged: readonly ReportDiagnostic[], original: readonly ReportDiagnostic[]) => boolean;
}

/** Below this share noticed, a user cannot rely on a rule; and no error on a published report. */
export const recallTarget = 0.98;

export const mutatedRules = ['section.missing', 'section.missing-usual', 'section.empty', 'judgement.disagrees', 'numbering.gap', 'numbering.duplicate', 'numbering.order'];

export function measureRecall(documents: readonly Document[]): Recall {
  const rules = mutatedRules.map((rule): RuleRecall => ({ rule, tried: 0, caught: 0, byGroup: new Map(), missed: [] }));
  const falseAlarms: Recall['falseAlarms'] = [];
  for (const document of documents) {
    const report = parseReport(document.text);
    const original = checkReport(report);
    for (const diagnostic of original.filter((candidate) => candidate.severity === 'error')) falseAlarms.push({ document: document.name, diagnostic });
    const group = `${report.kind} ${report.period ?? 'undated'}`;
    for (const mutation of mutations(report, document.text)) {
      const recall = rules.find((candidate) => candidate.rule === mutation.rule)!;
      const tally = recall.byGroup.get(group) ?? { tried: 0, caught: 0 };
      recall.byGroup.set(group, tally);
      recall.tried++;
      tally.tried++;
      if (mutation.noticed(checkReport(parseReport(mutation.text)), original)) {
        recall.caught++;
        tally.caught++;
      } else recall.missed.push(`${document.name}: ${mutation.change}`);
    }
  }
  return { rules, falseAlarms, documents: documents.length };
}

/** How often the `section.missing` quick fix mends a document that lost a heading and kept its text. */
export interface HeadingFixes extends Tally {
  /** `document:line: ‘section’: what the mended document says that the published one does not`. */
  readonly failed: string[];
  /**
   * Sections deleted whole, heading and text: how often the preferred fix puts the heading
   * where the section stood (`caught`), and how often only the other fix offered does.
   */
  readonly whole: Tally & { offered: number; readonly misplaced: string[] };
}

/**
 * Every required section's heading alone is deleted in turn; where that draws
 * `section.missing` with a fix, the fix is applied, and the mended document must draw no
 * diagnostic (by code and message) that the published one does not. Then each is deleted
 * whole, and the fix must put the heading where it stood, among the blank lines and page
 * furniture there, not into the text of the sections around.
 */
export function measureHeadingFixes(documents: readonly Document[]): HeadingFixes {
  const result: HeadingFixes = { tried: 0, caught: 0, failed: [], whole: { tried: 0, caught: 0, offered: 0, misplaced: [] } };
  for (const document of documents) {
    const report = parseReport(document.text);
    const original = checkReport(report);
    const lines = document.text.split('\n');
    for (const expected of expectedSectionsFound(report)) {
      if (expected.rule !== 'section.missing') continue;
      const damaged = withoutHeading(lines, expected.section);
      const fix = checkReport(parseReport(damaged)).find(names(expected))?.fixes?.[0];
      if (!fix) continue;
      result.tried++;
      const added = beyond(checkReport(parseReport(applyFix(damaged, fix))), original);
      if (added.length === 0) result.caught++;
      else result.failed.push(`${document.name}:${expected.section.range.start.line + 1}: ‘${expected.section.name}’: ${added.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`).join(' | ')}`);

      const first = expected.section.range.start.line;
      const left = [...lines.slice(0, first), ...lines.slice(lastLine(expected.section.range) + 1)];
      const shortened = parseReport(left.join('\n'));
      const wholeFixes = checkReport(shortened).find(names(expected))?.fixes ?? [];
      if (wholeFixes.length === 0) continue;
      result.whole.tried++;
      // Where it stood: the blank lines and page furniture (a page's footer and number)
      // around the place, or the end of the line before them.
      const furniture = new Set(shortened.furniture.flatMap(({ range }) => Array.from({ length: range.end.line - range.start.line + 1 }, (_, i) => range.start.line + i)));
      const between = (line: number) => left[line].trim() === '' || furniture.has(line);
      let top = first;
      while (top > 0 && between(top - 1)) top--;
      let bottom = first;
      while (bottom < left.length && between(bottom)) bottom++;
      const inPlace = ({ range: { start: at } }: ReportFix) => (at.line >= top && at.line <= bottom) || (at.line === top - 1 && at.character === left[top - 1].length);
      if (inPlace(wholeFixes[0])) result.whole.caught++;
      else if (wholeFixes.some(inPlace)) result.whole.offered++;
      else result.whole.misplaced.push(`${document.name}: ‘${expected.section.name}’ stood at line ${first + 1}; the fixes put it at ${wholeFixes.map((fix) => `line ${fix.range.start.line + 1}`).join(' or ')}`);
    }
  }
  return result;
}

/**
 * The same on each of two halves of the documents, with the words of each section
 * (section-words.json) counted from the other half only: how the fix does on reports
 * whose words it has not seen.
 */
export function measureHeadingFixesApart(documents: readonly Document[], inFirst: (document: Document) => boolean): [HeadingFixes, HeadingFixes] {
  const halves = [documents.filter(inFirst), documents.filter((document) => !inFirst(document))];
  const wordsOf = (half: readonly Document[]) => countSectionWords(half.map((document) => parseReport(document.text)));
  return [withSectionWords(wordsOf(halves[1]), () => measureHeadingFixes(halves[0])), withSectionWords(wordsOf(halves[0]), () => measureHeadingFixes(halves[1]))];
}

/** The text with the fix's range replaced by its text. */
export function applyFix(text: string, fix: ReportFix): string {
  const lines = text.split(/(?<=\r\n|\r|\n)/);
  const offset = (position: Position) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length, 0) + position.character;
  return text.slice(0, offset(fix.range.start)) + fix.newText + text.slice(offset(fix.range.end));
}

/** The diagnostics of `after` left when each of `before` (same code and message) takes away one. */
function beyond(after: readonly ReportDiagnostic[], before: readonly ReportDiagnostic[]): ReportDiagnostic[] {
  const key = (diagnostic: ReportDiagnostic) => `${diagnostic.code} ${diagnostic.message}`;
  const left = new Map<string, number>();
  for (const diagnostic of before) left.set(key(diagnostic), (left.get(key(diagnostic)) ?? 0) + 1);
  return after.filter((diagnostic) => {
    const count = left.get(key(diagnostic)) ?? 0;
    left.set(key(diagnostic), count - 1);
    return count <= 0;
  });
}

function* mutations(report: Report, text: string): Generator<Mutation> {
  const lines = text.split('\n');
  yield* sectionMutations(report, lines);
  yield* judgementMutations(report, lines);
  yield* numberingMutations(report, lines);
}

/** A section the report's kind, period and part expect, found once in the report. */
interface Expected {
  readonly requirement: ExpectedSection;
  readonly section: Section;
  readonly rule: 'section.missing' | 'section.missing-usual';
}

function* expectedSectionsFound(report: Report): Generator<Expected> {
  const parts = sectionsByPart(report);
  for (const requirement of expectedSectionsOf(report.kind)) {
    const level = expectationFor(report, requirement);
    // A section the report has twice (a summary's heading and the full one) is still there
    // when one of them goes.
    const [section, ...more] = parts[requirement.part]?.filter(requirement.present) ?? [];
    if (!section || more.length > 0 || level === 'optional') continue;
    yield { requirement, section, rule: level === 'required' ? 'section.missing' : 'section.missing-usual' };
  }
}

/** The document without the section's heading line(s), its text left where it stood. */
function withoutHeading(lines: readonly string[], section: Section): Mutation['text'] {
  return [...lines.slice(0, section.range.start.line), ...lines.slice(section.headingRange.end.line + 1)].join('\n');
}

/** Whether the diagnostics hold the rule's complaint that the expected section is not there. */
const names = ({ rule, requirement }: Expected) => (diagnostic: ReportDiagnostic) => diagnostic.code === rule && diagnostic.message.includes(`‘${requirement.name}’`);

function* sectionMutations(report: Report, lines: readonly string[]): Generator<Mutation> {
  for (const expected of expectedSectionsFound(report)) {
    const { section, rule } = expected;
    const first = section.range.start.line;
    const last = lastLine(section.range);
    const headingEnd = section.headingRange.end.line;
    const noticed = (diagnostics: readonly ReportDiagnostic[]) => diagnostics.some(names(expected));
    yield {
      rule,
      change: `deleted the heading ‘${section.name}’ (lines ${first + 1}–${headingEnd + 1})`,
      text: withoutHeading(lines, section),
      noticed,
    };
    yield {
      rule,
      change: `deleted ‘${section.name}’ (lines ${first + 1}–${last + 1})`,
      text: [...lines.slice(0, first), ...lines.slice(last + 1)].join('\n'),
      noticed,
    };
    // Only a required section with text of its own beneath the heading must not be empty.
    if (rule !== 'section.missing' || section.children.length > 0 || last <= headingEnd) continue;
    yield {
      rule: 'section.empty',
      change: `emptied ‘${section.name}’ (lines ${headingEnd + 2}–${last + 1})`,
      text: [...lines.slice(0, headingEnd + 1), ...lines.slice(last + 1)].join('\n'),
      noticed: (damaged) => damaged.some((diagnostic) => diagnostic.code === 'section.empty' && diagnostic.range.start.line === section.headingRange.start.line),
    };
  }
}

function* judgementMutations(report: Report, lines: readonly string[]): Generator<Mutation> {
  const stated = new Set(report.judgements.filter((judgement) => judgement.source !== 'table').map((judgement) => judgement.area));
  for (const row of report.judgements.filter((judgement) => judgement.source === 'table' && stated.has(judgement.area))) {
    // The row holds the area's words and then the grade's: the grade is the last match.
    const line = lastLine(row.range) - [...lines.slice(row.range.start.line, lastLine(row.range) + 1)].reverse().findIndex((text) => text.includes(row.gradeText));
    const at = lines[line]?.lastIndexOf(row.gradeText) ?? -1;
    if (line > lastLine(row.range) || at < 0) continue;
    const other = row.grade === 'good' ? gradeNames.inadequate : gradeNames.good;
    const grade: Range = { start: { line, character: at }, end: { line, character: at + row.gradeText.length } };
    yield {
      rule: 'judgement.disagrees',
      change: `table row ‘${row.label}’ (line ${line + 1}) regraded ${other}`,
      text: replace(lines, grade, other),
      noticed: (damaged, original) => count(damaged, 'judgement.disagrees') > count(original, 'judgement.disagrees'),
    };
  }
}

function* numberingMutations(report: Report, lines: readonly string[]): Generator<Mutation> {
  const paragraphs = report.paragraphs;
  const step = Math.max(1, Math.floor(paragraphs.length / 12));
  for (let i = 1; i + 1 < paragraphs.length; i += step) {
    const [previous, paragraph, next] = [paragraphs[i - 1], paragraphs[i], paragraphs[i + 1]];
    // Only where the document itself numbers these three in sequence.
    if (paragraph.number !== previous.number + 1 || next.number !== paragraph.number + 1) continue;
    const at = `paragraph ${paragraph.number} (line ${paragraph.numberRange.start.line + 1})`;
    const fires = (code: string) => (damaged: readonly ReportDiagnostic[], original: readonly ReportDiagnostic[]) => count(damaged, code) > count(original, code);
    yield { rule: 'numbering.gap', change: `${at} numbered ${next.number + 1}`, text: replace(lines, paragraph.numberRange, String(next.number + 1)), noticed: fires('numbering.gap') };
    yield { rule: 'numbering.duplicate', change: `${at} numbered ${previous.number}`, text: replace(lines, paragraph.numberRange, String(previous.number)), noticed: fires('numbering.duplicate') };
    yield {
      rule: 'numbering.order',
      change: `${at} swapped with ${next.number}`,
      text: replace(replace(lines, next.numberRange, String(paragraph.number)).split('\n'), paragraph.numberRange, String(next.number)),
      noticed: fires('numbering.order'),
    };
  }
}

/** The text with `range` replaced; the range's own characters, whatever they were. */
function replace(lines: readonly string[], range: Range, text: string): string {
  const before = lines[range.start.line].slice(0, range.start.character);
  const after = lines[range.end.line].slice(range.end.character);
  return [...lines.slice(0, range.start.line), before + text + after, ...lines.slice(range.end.line + 1)].join('\n');
}

/** A range that ends at the start of a line ends on the line before. */
function lastLine(range: Range): number {
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
}

function count(diagnostics: readonly ReportDiagnostic[], code: string): number {
  return diagnostics.filter((diagnostic) => diagnostic.code === code).length;
}
