// What hovering tells: on the title block, the report in brief; on a grade, the scale;
// on a `(Recommendation)` tag, the recommendations it supports; on a contents entry, the
// section it names; on a section heading, that section in brief; on a finding, what kind
// of finding it is. The most specific thing under the pointer wins.
import type { Hover } from 'vscode-languageserver-types';
import { findingCategories, findingCategoryNames, findingNames, gradeNames, kindName, scaleOf, type Judgement, type Position, type Range, type Report, type Section } from '../model';
import { flatten } from '../parse/references';
import { contains, countFindings, findingsIn, shorten } from './reading';

export function hoverAt(report: Report, position: Position): Hover | undefined {
  const at = (range: Range | undefined) => contains(range, position);
  const tag = report.recommendationTags.find((candidate) => at(candidate.range));
  if (tag) {
    const supported = report.findings.filter((finding) => finding.category === 'recommendation' && finding.number !== undefined && tag.supports.includes(finding.number));
    const lines = supported.length === 0
      ? ['This paragraph’s words match none of the report’s numbered recommendations.']
      : supported.map((finding) => `**Recommendation ${finding.number}** (line ${finding.range.start.line + 1}): ${shorten(finding.text, 300)}`);
    return markdown(['Supports', ...lines].join('\n\n'), tag.range);
  }
  const judgement = report.judgements.find((candidate) => at(candidate.range));
  if (judgement) return markdown(onTheScale(judgement), judgement.range);
  const entry = report.contents.find((candidate) => at(candidate.range));
  if (entry) {
    const text = entry.heading
      ? `Contents: **${entry.heading.name}**, line ${entry.heading.headingRange.start.line + 1}${sectionFacts(report, entry.heading)}`
      : `Contents: no heading in this report matches ‘${entry.title}’.`;
    return markdown(text, entry.range);
  }
  const section = flatten(report.sections).find((candidate) => at(candidate.headingRange));
  if (section) return markdown(sectionCard(report, section), section.headingRange);
  const finding = report.findings.find((candidate) => at(candidate.range));
  if (finding) {
    const facts = [
      `**${findingNames[finding.category]}**`,
      finding.number !== undefined ? `paragraph ${finding.number}` : '',
      `in ‘${finding.section}’`,
    ].filter(Boolean);
    const recurring = finding.recurring ? '\n\nRecurring: the report says this was found at a previous inspection too.' : '';
    return markdown(facts.join(' · ') + recurring, finding.range);
  }
  const title = report.furniture.find((piece) => (piece.kind === 'title-block' || piece.kind === 'letterhead') && at(piece.range));
  if (title) return markdown(reportCard(report), title.range);
  return undefined;
}

/** The report in brief: what the findings view and `summary` command also show. */
export function reportCard(report: Report): string {
  const meta = report.metadata;
  const dates = [
    meta.letterDate && `Letter: ${meta.letterDate}`,
    meta.inspectionDates && `Inspection: ${meta.inspectionDates}`,
    meta.publicationDate && `Published: ${meta.publicationDate}`,
    meta.leadInspector && `Lead inspector: ${meta.leadInspector}`,
  ].filter(Boolean);
  const out = [`### ${escape(meta.authority ?? meta.title ?? 'Inspection report')}`, escape(kindName(report))];
  if (dates.length > 0) out.push(dates.join(' · '));
  // One grade an area: the table's where there is one, as the report's own summary.
  const judgements = report.judgements.filter((judgement, index, all) => all.findIndex((other) => other.area === judgement.area) === index);
  const graded = flatten(report.sections).filter((section) => section.grade);
  if (judgements.length > 0 || graded.length > 0) {
    const rows = [
      ...judgements.map((judgement) => `| ${escape(judgement.label)} | ${gradeNames[judgement.grade]} |`),
      ...graded.map((section) => `| ${escape(section.name)} | ${escape(section.grade!.label)} |`),
    ];
    out.push(['| Judgement | Grade |', '|---|---|', ...rows].join('\n'));
  }
  const counts = findingCategories
    .map((category) => [category, report.findings.filter((finding) => finding.category === category).length] as const)
    .filter(([, count]) => count > 0);
  if (counts.length > 0) out.push(['| Findings | |', '|---|--:|', ...counts.map(([category, count]) => `| ${findingCategoryNames[category]} | ${count} |`)].join('\n'));
  const first = report.findings.find((finding) => finding.category === 'priority-action');
  if (first) out.push(`**First area for priority action** (line ${first.range.start.line + 1}): ${escape(shorten(first.text, 300))}`);
  return out.join('\n\n');
}

function sectionCard(report: Report, section: Section): string {
  const findings = findingsIn(report, section);
  const out = [`**${escape(section.name)}**${sectionFacts(report, section)}`];
  if (findings.length > 0) out.push(findings.slice(0, 3).map((finding) => `- ${findingNames[finding.category]}: ${escape(shorten(finding.text, 160))}`).join('\n'));
  if (findings.length > 3) out.push(`and ${findings.length - 3} more`);
  return out.join('\n\n');
}

function sectionFacts(report: Report, section: Section): string {
  const grade = section.judgement ? gradeNames[section.judgement.grade] : section.grade ? `${escape(section.grade.label)} (${section.grade.rank} of ${section.grade.of}, best first)` : '';
  const facts = [grade, countFindings(findingsIn(report, section))].filter(Boolean);
  return facts.length > 0 ? ` — ${facts.join(' · ')}` : '';
}

function onTheScale(judgement: Judgement): string {
  const steps = scaleOf(judgement.grade).map((grade) => (grade === judgement.grade ? `**${gradeNames[grade]}**` : gradeNames[grade]));
  return `${escape(judgement.label)}: **${gradeNames[judgement.grade]}**\n\nOfsted’s four-point scale: ${steps.join(' › ')}`;
}

/** Report text in Markdown: characters that would format it are escaped. */
export function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}
