// The read-only model of one inspection report: what the parser produces once per text
// and what every feature (outline, diagnostics, hover, findings) reads. Plain data, no
// editor types: positions are zero-based lines and UTF-16 characters, as in LSP.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type ReportKind =
  | 'cra-letter'
  | 'sif-report'
  | 'ilacs-report'
  | 'ilacs-summary'
  | 'focused-visit'
  | 'send-report'
  | 'lac-report'
  | 'lscb-review'
  | 'custom'
  | 'unknown';

export const reportKindNames: Record<ReportKind, string> = {
  'cra-letter': 'Unannounced inspection letter (contact, referral and assessment)',
  'sif-report': 'Single inspection framework report',
  'ilacs-report': 'Inspection of local authority children’s services (ILACS) report',
  'ilacs-summary': 'Summary of an ILACS inspection (not the report itself)',
  'focused-visit': 'Focused visit letter',
  'send-report': 'Area SEND inspection report',
  'lac-report': 'Inspection of looked after children services (2012–2013)',
  'lscb-review': 'Review of the effectiveness of a Local Safeguarding Children Board',
  custom: 'A kind of report defined in the workspace',
  unknown: 'Unknown kind of document',
};

/** The kind in a few words, where space is short: the status bar, the history's timeline. */
export const reportKindLabels: Record<ReportKind, string> = {
  'cra-letter': 'Unannounced inspection letter',
  'sif-report': 'SIF report',
  'ilacs-report': 'ILACS report',
  'ilacs-summary': 'ILACS summary',
  'focused-visit': 'Focused visit',
  'send-report': 'Area SEND report',
  'lac-report': 'Looked after children report',
  'lscb-review': 'LSCB review',
  custom: 'Report',
  unknown: 'Report',
};

/** The kind's name as a reader knows it: a workspace's own kind by its own name. */
export function kindName(report: Pick<Report, 'kind' | 'definition'>): string {
  return report.definition?.name ?? reportKindNames[report.kind];
}

/**
 * A kind of report that a workspace defines for itself in `.inspection-reports.json`.
 * Everything in it is plain wording, compared as headings are (case, quotes, dashes and
 * closing punctuation aside): nothing is a regular expression.
 */
export interface KindDefinition {
  /** Lower case, digits and hyphens; what `kind` columns and settings call it. */
  readonly id: string;
  readonly name: string;
  /** Phrases, any one of which on the first lines marks a document as this kind. */
  readonly recognise: readonly string[];
  /** Headings every report of the kind has, in the order they come. */
  readonly requiredSections: readonly string[];
  /** Headings whose bullets, numbered paragraphs or paragraphs are findings of a category. */
  readonly findingHeadings: Partial<Record<FindingCategory, readonly string[]>>;
  /** Further headings, for the outline. */
  readonly headings: readonly string[];
  /** The grades a heading may carry (`Overall effectiveness: Good`), best first. */
  readonly judgementScale: readonly string[];
}

/** A grade on a workspace kind's own scale. */
export interface ScaleGrade {
  readonly label: string;
  /** 1 for the best grade. */
  readonly rank: number;
  /** How many grades the scale has. */
  readonly of: number;
  readonly range: Range;
}

/** A piece of text that made the parser decide something, and where it stands. */
export interface Evidence {
  readonly text: string;
  readonly range: Range;
}

export type Grade = 'outstanding' | 'good' | 'requires-improvement' | 'adequate' | 'inadequate';

/** Ofsted's four-point scale, best first: grade 1 to grade 4. */
export const gradeScale: readonly Grade[] = ['outstanding', 'good', 'requires-improvement', 'inadequate'];

/** The scale until 2013, whose third step was adequate: `Grade 3 (Adequate)`. */
export const earlierGradeScale: readonly Grade[] = ['outstanding', 'good', 'adequate', 'inadequate'];

/** The scale a grade is a step of: a report graded adequate was graded on the earlier one. */
export function scaleOf(grade: Grade): readonly Grade[] {
  return grade === 'adequate' ? earlierGradeScale : gradeScale;
}

/** A grade's step, 1 (outstanding) to 4 (inadequate): adequate was the third, as requires improvement is. */
export function gradeStep(grade: Grade): number {
  return scaleOf(grade).indexOf(grade) + 1;
}

export const gradeNames: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  adequate: 'Adequate',
  inadequate: 'Inadequate',
};

/** The areas that Ofsted grades, under whichever wording a framework used for them. */
export type JudgementArea =
  | 'overall'
  | 'help-and-protection'
  | 'children-in-care'
  | 'care-leavers'
  | 'adoption'
  | 'leadership'
  | 'lscb';

/** The graded areas in the order a reader expects them, the overall judgement first. */
export const judgementAreas: readonly JudgementArea[] = ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'adoption', 'leadership', 'lscb'];

/** Each area in a few words, the same under every framework's wording. */
export const judgementAreaNames: Record<JudgementArea, string> = {
  overall: 'Overall effectiveness',
  'help-and-protection': 'Children who need help and protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  adoption: 'Adoption performance',
  leadership: 'Impact of leaders',
  lscb: 'Local Safeguarding Children Board',
};

export type JudgementSource = 'table' | 'heading' | 'sentence';

export interface Judgement {
  readonly area: JudgementArea;
  /** The area as the report words it. */
  readonly label: string;
  readonly grade: Grade;
  readonly source: JudgementSource;
  /** The grade's own words, e.g. `Require improvement`. */
  readonly gradeText: string;
  readonly range: Range;
}

export type SectionRole =
  | 'executive-summary'
  | 'contents'
  | 'local-authority'
  | 'area-information'
  | 'recommendations'
  | 'children-summary'
  | 'judgement'
  | 'graded-subjudgement'
  | 'summary'
  | 'inspection-findings'
  | 'lscb'
  | 'about-inspection'
  | 'inspection-team'
  | 'satisfactory'
  | 'strengths'
  | 'development'
  | 'priority-action'
  | 'overview'
  | 'findings'
  | 'outcome'
  | 'other';

export interface Section {
  readonly name: string;
  readonly role: SectionRole;
  readonly level: number;
  /** The heading line(s), which may wrap over two lines. */
  readonly headingRange: Range;
  /** From the heading to the last line before the next heading of the same or a higher level. */
  readonly range: Range;
  readonly judgement?: Judgement;
  /** A workspace kind's grade for the section, on its own scale. */
  readonly grade?: ScaleGrade;
  readonly children: readonly Section[];
}

export interface NumberedParagraph {
  readonly number: number;
  readonly range: Range;
  /** Where the number itself stands. */
  readonly numberRange: Range;
  readonly text: string;
}

/** A paragraph of the body that is neither a heading, a bullet nor numbered. */
export interface PlainParagraph {
  readonly range: Range;
  readonly text: string;
}

export interface ListItem {
  readonly glyph: string;
  readonly depth: number;
  readonly range: Range;
  readonly text: string;
  /** Joined across a page break from a fragment that continued this item. */
  readonly continued: boolean;
}

export type FindingCategory = 'priority-action' | 'development' | 'recommendation' | 'strength' | 'satisfactory';

export const findingCategories: readonly FindingCategory[] = [
  'priority-action',
  'development',
  'recommendation',
  'strength',
  'satisfactory',
];

export const findingCategoryNames: Record<FindingCategory, string> = {
  'priority-action': 'Areas for priority action',
  development: 'Areas for development',
  recommendation: 'Recommendations',
  strength: 'Strengths',
  satisfactory: 'Satisfactory',
};

/** One finding of a category, as a label: `Area for priority action`. */
export const findingNames: Record<FindingCategory, string> = {
  'priority-action': 'Area for priority action',
  development: 'Area for development',
  recommendation: 'Recommendation',
  strength: 'Strength',
  satisfactory: 'Satisfactory',
};

export interface Finding {
  readonly category: FindingCategory;
  /** On one line: the report's line breaks and runs of white space are single spaces. */
  readonly text: string;
  readonly range: Range;
  /** The name of the section that holds it. */
  readonly section: string;
  /** The paragraph or recommendation number, when the report numbers it. */
  readonly number?: number;
  /** The report says this was found at a previous inspection too. */
  readonly recurring: boolean;
}

/** A paragraph ending in `(Recommendation)` and the recommendations it supports. */
export interface RecommendationTag {
  readonly range: Range;
  readonly paragraph?: number;
  /** Numbers of the recommendations whose content it matches best; may be empty. */
  readonly supports: readonly number[];
}

export interface ContentsEntry {
  readonly title: string;
  readonly page?: number;
  readonly range: Range;
  /** The heading it names, if any. */
  readonly heading?: Section;
}

export type FurnitureKind =
  | 'letterhead'
  | 'title-block'
  | 'judgement-table'
  | 'contents'
  | 'running-header'
  | 'page-number'
  | 'footnote'
  | 'sign-off'
  | 'website-footer'
  /** The column of a SEND report's table that names who must act on each area. */
  | 'responsible-body';

export interface Furniture {
  readonly kind: FurnitureKind;
  readonly range: Range;
}

export interface Metadata {
  readonly authority?: string;
  readonly title?: string;
  readonly letterDate?: string;
  readonly inspectionDates?: string;
  readonly publicationDate?: string;
  readonly addressee?: string;
  readonly signatory?: string;
  readonly leadInspector?: string;
  /**
   * The year of the previous inspection, where a document without a date of its own
   * names it (a news summary: `Since the last inspection of Thurrock in 2016`).
   */
  readonly previousInspection?: string;
}

/** What the outcome statement of a letter or SEND report says about priority actions. */
export interface OutcomeStatement {
  readonly text: string;
  readonly range: Range;
  readonly priorityActions: boolean;
}

export interface Report {
  readonly kind: ReportKind;
  /**
   * The years of its kind's form that the document was written in (`2015–18`, `2023 on`),
   * from its own dates (see `period.ts`); none where it gives no date.
   */
  readonly period?: string;
  /** For a `custom` report, the workspace's definition that recognised it. */
  readonly definition?: KindDefinition;
  readonly kindEvidence: readonly Evidence[];
  readonly metadata: Metadata;
  readonly sections: readonly Section[];
  readonly paragraphs: readonly NumberedParagraph[];
  readonly items: readonly ListItem[];
  readonly plainParagraphs: readonly PlainParagraph[];
  /** The document's lines, without their line ends: what a fix reads to find its place. */
  readonly lines: readonly string[];
  readonly findings: readonly Finding[];
  readonly judgements: readonly Judgement[];
  readonly outcome?: OutcomeStatement;
  readonly recommendationTags: readonly RecommendationTag[];
  readonly contents: readonly ContentsEntry[];
  readonly furniture: readonly Furniture[];
  readonly lineCount: number;
  /** The document's own line end, for text inserted into it. */
  readonly eol: '\n' | '\r\n' | '\r';
  /** Set when the text is not a text document at all (NUL bytes, control characters). */
  readonly binary: boolean;
}
