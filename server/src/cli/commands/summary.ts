// `summary FILE`: what a reader looks for first, from the front matter to the findings.
import { findingCategories, flatten, type FindingCategory, type Judgement, type Range } from '../../report';
import type { Loaded } from '../input';
import { kindOf, type Kind } from './kind';

/** All that the text shows is in the JSON too, so this is the JSON's shape, field for field. */
export interface Summary extends Kind {
  readonly file: string;
  readonly period: string | null;
  readonly authority: string | null;
  readonly title: string | null;
  readonly letterDate: string | null;
  readonly inspectionDates: string | null;
  readonly publicationDate: string | null;
  readonly leadInspector: string | null;
  readonly signatory: string | null;
  readonly judgements: readonly Pick<Judgement, 'area' | 'label' | 'grade' | 'source' | 'range'>[];
  /** A workspace kind's grades, on its own scale; none for Ofsted's kinds. */
  readonly grades?: readonly { readonly section: string; readonly grade: string; readonly range: Range }[];
  readonly findings: Readonly<Record<FindingCategory, number>>;
  readonly firstPriorityAction: { readonly text: string; readonly section: string; readonly range: Range } | null;
}

export function summary({ file, report }: Loaded): Summary {
  const meta = report.metadata;
  const firstPriority = report.findings.find((finding) => finding.category === 'priority-action');
  return {
    file,
    ...kindOf(report),
    period: report.period ?? null,
    authority: meta.authority ?? null,
    title: meta.title ?? null,
    letterDate: meta.letterDate ?? null,
    inspectionDates: meta.inspectionDates ?? null,
    publicationDate: meta.publicationDate ?? null,
    leadInspector: meta.leadInspector ?? null,
    signatory: meta.signatory ?? null,
    judgements: report.judgements.map((judgement) => ({ area: judgement.area, label: judgement.label, grade: judgement.grade, source: judgement.source, range: judgement.range })),
    ...(report.definition && { grades: flatten(report.sections).flatMap((section) => (section.grade ? [{ section: section.name, grade: section.grade.label, range: section.grade.range }] : [])) }),
    findings: Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length])) as Record<FindingCategory, number>,
    firstPriorityAction: firstPriority ? { text: firstPriority.text, section: firstPriority.section, range: firstPriority.range } : null,
  };
}
