// Small questions every feature asks of the model: what holds a position, which findings
// a section holds, and how to say a count or a long text briefly.
import { findingCategories, type Finding, type FindingCategory, type Judgement, type JudgementArea, type Position, type Range, type Report, type Section } from '../model';
import { singleSpaced } from '../text';

export function contains(range: Range | undefined, position: Position): boolean {
  if (!range) return false;
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  return !(position.line === end.line && position.character > end.character);
}

/**
 * The judgement a report gives an area: the first it states (its judgement table's, where
 * it has one, as the report's own summary). Until 2023 an ILACS report judges `children in
 * care and care leavers` together: that one judgement is the care leavers' too.
 */
export function areaJudgement(report: Report, area: JudgementArea): Judgement | undefined {
  const own = report.judgements.find((judgement) => judgement.area === area);
  if (own || area !== 'care-leavers') return own;
  return report.judgements.find((judgement) => judgement.area === 'children-in-care' && /care leavers/i.test(judgement.label));
}

/** The findings whose first line lies in the section or its subsections. */
export function findingsIn(report: Report, section: Section): Finding[] {
  return report.findings.filter((finding) => contains(section.range, finding.range.start));
}

const countNouns: Record<FindingCategory, [string, string]> = {
  'priority-action': ['priority action', 'priority actions'],
  development: ['for development', 'for development'],
  recommendation: ['recommendation', 'recommendations'],
  strength: ['strength', 'strengths'],
  satisfactory: ['satisfactory', 'satisfactory'],
};

/** `3 priority actions · 8 for development`: the categories present, in their order. */
export function countFindings(findings: readonly Pick<Finding, 'category'>[]): string {
  return findingCategories
    .map((category) => {
      const count = findings.filter((finding) => finding.category === category).length;
      return count === 0 ? '' : `${count} ${countNouns[category][count === 1 ? 0 : 1]}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** The text cut at a word boundary near `length`, with an ellipsis when cut. */
export function shorten(text: string, length: number): string {
  // Only the start matters: a paragraph can run to thousands of characters.
  const flat = singleSpaced(text.slice(0, length * 2)).trim();
  if (flat.length <= length && text.length <= length * 2) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
