// `section.missing` and `section.missing-usual`: what a report of its kind, period and part
// must or nearly always does contain. Nothing here says which sections are required: the
// published documents do. `npm run corpus -- --write` counts, for each kind,
// period and part, how many documents have each expected section (section-evidence.json,
// shown in docs/section-evidence.md), and a test keeps those counts true of the corpora.
// A section that every document of its group has is required; one that nine in ten or
// more have is usual; any other is optional and never mentioned.
import { judgementArea } from '../grades';
import { headingKey, matchHeading } from '../parse/headings';
import type { JudgementArea, Report, ReportKind, Section, SectionRole } from '../model';
import { periodsOf } from '../parse/period';
import { flatten } from '../parse/references';
import { range } from '../text';
import evidence from './section-evidence.json';
import { insertSection, type SectionText, type Stretch } from './insertSection';
import { bodyBlocks } from './sectionStart';
import { addText, emptyCounts, readsAs, weigh, type SectionWords, type WordCounts } from './sectionWords';
import type { ReportDiagnostic } from './types';

/**
 * Where in a report a section belongs: a SIF report reviews the Local Safeguarding Children
 * Board in a part of its own, whose recommendations do not stand for the local
 * authority's; every other kind is one part.
 */
export type Part = 'report' | 'local-authority' | 'lscb';

export interface ExpectedSection extends SectionText {
  /** Its key in the evidence. */
  readonly id: string;
  /** The section as a report editor would name it. */
  readonly name: string;
  readonly part: Part;
  readonly present: (section: Section) => boolean;
  /** What a reader should know when a usual section is not there. */
  readonly absence?: string;
  /** A heading that only introduces the sections after it: the next one goes straight beneath it. */
  readonly opens?: true;
  /** What the part must improve, which a part judged outstanding may be given none of. */
  readonly toImprove?: true;
}

export type Expectation = 'required' | 'usual' | 'optional';

/** How many documents of a group have a section, of how many. */
export interface Count {
  readonly having: number;
  readonly documents: number;
}

/** Counts by kind, period, part and section id, as `npm run corpus -- --write` writes them. */
export type SectionEvidence = Record<string, Record<string, Record<string, Record<string, Count>>>>;

const usualShare = 0.9;

export function expectation(count: Count | undefined): Expectation {
  if (!count || count.documents === 0) return 'optional';
  if (count.having === count.documents) return 'required';
  return count.having >= usualShare * count.documents ? 'usual' : 'optional';
}

const role = (wanted: SectionRole) => (section: Section) => section.role === wanted;
/**
 * A list of what to improve: `Recommendations`, `What does the local authority need to
 * improve?`, or the lists under it, which a SIF report can have with no heading above
 * them (Sheffield 2014).
 */
export const improvements = (section: Section) => section.role === 'recommendations' || section.role === 'priority-action' || section.role === 'development';
const area = (wanted: JudgementArea) => (section: Section) => section.role === 'judgement' && judgementArea(section.name) === wanted;
const graded = (wanted: JudgementArea) => (section: Section) => section.role === 'graded-subjudgement' && judgementArea(section.name) === wanted;
const named = (key: string) => (section: Section) => headingKey(section.name) === key;

/** An expected section before it is put in its part. */
type Expected = Omit<ExpectedSection, 'part'>;

const helpAndProtection: Expected = {
  id: 'help-and-protection',
  name: 'The experiences and progress of children who need help and protection',
  heading: 'The experiences and progress of children who need help and protection',
  present: area('help-and-protection'),
};
const childrenInCare = { id: 'children-in-care', name: 'The experiences and progress of children in care (or looked after)', present: area('children-in-care') };
const leadership = { id: 'leadership', name: 'Leadership (the impact of leaders)', present: area('leadership') };
const aboutInspection: Expected = { id: 'about-inspection', name: 'Information about this inspection', heading: 'Information about this inspection', present: role('about-inspection') };
const priorityAction = (absence: string): Expected => ({ id: 'priority-action', name: 'Areas for priority action', heading: 'Areas for priority action', present: role('priority-action'), absence });

// Each list holds every section that the kind's documents may be held to, in the order
// they stand, which is how a fix finds its place.
const expectedSections: Partial<Record<ReportKind, readonly Expected[]>> = {
  'cra-letter': [
    {
      id: 'satisfactory',
      name: 'What was satisfactory (delivered satisfactorily, or meets the requirements of statutory guidance)',
      leadIn: 'From the evidence gathered, the following features of the service were identified:',
      heading: 'The service meets the requirements of statutory guidance in the following areas',
      present: role('satisfactory'),
    },
    { id: 'strengths', name: 'Strengths', heading: 'Strengths', present: role('strengths') },
    { id: 'development', name: 'Areas for development', heading: 'Areas for development', present: role('development') },
    // Whether a letter has them is its outcome statement's to say (letter.outcome-contradiction).
    { id: 'priority-action', name: 'Areas for priority action', heading: 'Areas for priority action', present: role('priority-action') },
  ],
  'sif-report': [
    { id: 'executive-summary', name: 'Executive summary', heading: 'Executive summary', present: role('executive-summary') },
    { id: 'local-authority', name: 'The local authority', heading: 'The local authority', present: role('local-authority'), opens: true },
    { id: 'area-information', name: 'Information about this local authority area', heading: 'Information about this local authority area', present: role('area-information') },
    { id: 'recommendations', name: 'Recommendations (or What does the local authority need to improve?)', heading: 'Recommendations', present: improvements, toImprove: true },
    { id: 'children-summary', name: 'Summary for children and young people', heading: 'Summary for children and young people', present: role('children-summary') },
    helpAndProtection,
    { ...childrenInCare, heading: 'The experiences and progress of children looked after and achieving permanence' },
    { id: 'adoption', name: 'The graded judgement for adoption performance', heading: 'The graded judgement for adoption performance', present: graded('adoption') },
    {
      id: 'care-leavers',
      name: 'The graded judgement about the experience and progress of care leavers',
      heading: 'The graded judgement about the experience and progress of care leavers',
      present: graded('care-leavers'),
    },
    { ...leadership, heading: 'Leadership, management and governance' },
    { id: 'lscb', name: 'The Local Safeguarding Children Board', heading: 'The Local Safeguarding Children Board (LSCB)', present: role('lscb') },
    aboutInspection,
  ],
  'ilacs-report': [
    { id: 'development', name: 'What needs to improve', heading: 'What needs to improve?', present: role('development'), toImprove: true },
    helpAndProtection,
    { ...childrenInCare, heading: 'The experiences and progress of children in care' },
    { id: 'care-leavers', name: 'The experiences and progress of care leavers', heading: 'The experiences and progress of care leavers', present: area('care-leavers') },
    { ...leadership, heading: 'The impact of leaders on social work practice with children and families' },
  ],
  'focused-visit': [
    { id: 'overview', name: 'Overview (or Headline findings)', heading: 'Headline findings', present: role('overview') },
    {
      id: 'development',
      name: 'What needs to improve in this area of social work practice',
      heading: 'What needs to improve in this area of social work practice?',
      present: role('development'),
      absence: 'This focused visit names nothing to improve',
    },
    // Some letters of 2018 have `Areas of strength` where later ones have `Findings`.
    {
      id: 'findings',
      name: 'Findings (or Main findings, or Areas of strength)',
      heading: 'Main findings',
      present: (section) => section.role === 'findings' || section.role === 'strengths',
    },
    priorityAction('This focused visit names no area for priority action'),
  ],
  'send-report': [
    { id: 'outcome', name: 'Inspection outcome', heading: 'Inspection outcome', present: role('outcome') },
    {
      id: 'partnership',
      name: 'Information about the local area partnership',
      heading: 'Information about the local area partnership',
      present: named('information about the local area partnership'),
    },
    {
      id: 'experience',
      name: 'What is it like to be a child or young person with SEND in this area?',
      heading: 'What is it like to be a child or young person with SEND in this area?',
      present: (section) => headingKey(section.name).startsWith('what is it like to be a child or young person'),
    },
    { id: 'effective', name: 'What is the area partnership doing that is effective?', heading: 'What is the area partnership doing that is effective?', present: role('strengths') },
    {
      id: 'do-better',
      name: 'What does the area partnership need to do better?',
      heading: 'What does the area partnership need to do better?',
      present: named('what does the area partnership need to do better'),
    },
    priorityAction('This report names no area for priority action'),
    { id: 'development', name: 'Areas for improvement', heading: 'Areas for improvement', present: role('development') },
    { id: 'details', name: 'Local area partnership details', heading: 'Local area partnership details', present: named('local area partnership details') },
    aboutInspection,
  ],
  'lac-report': [
    { id: 'about-inspection', name: 'About this inspection', heading: 'About this inspection', present: role('about-inspection') },
    { id: 'overall', name: 'Overall effectiveness', heading: 'Overall effectiveness of services for looked after children and young people', present: area('overall') },
    { id: 'development', name: 'Areas for improvement', heading: 'Areas for improvement', present: role('development'), toImprove: true },
    { id: 'leadership', name: 'Leadership and management', heading: 'Leadership and management', present: area('leadership') },
  ],
};

// The board's part of a SIF report, and a board's review published on its own.
const boardSections: readonly Expected[] = [
  { id: 'executive-summary', name: 'Executive summary', heading: 'Executive summary', present: role('executive-summary') },
  { id: 'recommendations', name: 'Recommendations (or What does the LSCB need to improve?)', heading: 'Recommendations', present: improvements, toImprove: true },
  { id: 'strengths', name: 'Key strengths and weaknesses of the LSCB', heading: 'Key strengths and weaknesses of the LSCB', present: role('strengths') },
  {
    id: 'inspection-findings',
    name: 'Inspection findings – the Local Safeguarding Children Board',
    heading: 'Inspection findings – the Local Safeguarding Children Board',
    present: role('inspection-findings'),
  },
];

/** The kind whose evidence a document is held to: a board's own review, to a SIF report's board part. */
function evidenceKind(kind: ReportKind): ReportKind {
  return kind === 'lscb-review' ? 'sif-report' : kind;
}

/** Every section the kind's documents may be held to, each in its part. */
export function expectedSectionsOf(kind: ReportKind): readonly ExpectedSection[] {
  if (kind === 'lscb-review') return boardSections.map((section) => ({ ...section, part: 'lscb' }));
  const own = (expectedSections[kind] ?? []).map((section): ExpectedSection => ({ ...section, part: kind === 'sif-report' ? 'local-authority' : 'report' }));
  return kind === 'sif-report' ? [...own, ...boardSections.map((section): ExpectedSection => ({ ...section, part: 'lscb' }))] : own;
}

/**
 * The sections of each part of the report. A SIF report's board part is what stands under
 * its board's heading; a report that does not review the board has none.
 */
export function sectionsByPart(report: Pick<Report, 'kind' | 'sections'>): Partial<Record<Part, readonly Section[]>> {
  if (report.kind === 'lscb-review') return { lscb: flatten(report.sections) };
  if (report.kind !== 'sif-report') return { report: flatten(report.sections) };
  const boards = flatten(report.sections).filter((section) => section.role === 'lscb');
  return { 'local-authority': outsideBoard(report.sections), ...(boards.length > 0 && { lscb: boards.flatMap((board) => flatten(board.children)) }) };
}

/** How many published documents of the report's kind, period and part have the section. */
export function countFor(report: Pick<Report, 'kind' | 'period'>, section: ExpectedSection, counts: SectionEvidence = evidence as SectionEvidence): Count | undefined {
  const byPeriod = counts[evidenceKind(report.kind)] ?? {};
  // A document without a date is held only to what its kind has in every period.
  const periods = report.period !== undefined ? [report.period] : periodsOf(report.kind);
  let total: Count = { having: 0, documents: 0 };
  for (const period of periods) {
    const count = byPeriod[period]?.[section.part]?.[section.id];
    if (!count) return undefined;
    total = { having: total.having + count.having, documents: total.documents + count.documents };
  }
  return total;
}

/**
 * The evidence: for each kind, period and part, how many of these documents have each
 * section the kind may be held to, in the order of kinds, periods and sections.
 */
export function countSections(reports: readonly Report[]): SectionEvidence {
  const counts: Record<string, Record<string, Record<string, Record<string, { having: number; documents: number }>>>> = {};
  for (const report of reports) {
    // A workspace's own kinds state their requirements; an undated report has no period.
    if (report.definition || report.period === undefined) continue;
    const parts = sectionsByPart(report);
    for (const section of expectedSectionsOf(report.kind)) {
      const sections = parts[section.part];
      if (!sections) continue;
      const byPart = (((counts[evidenceKind(report.kind)] ??= {})[report.period] ??= {})[section.part] ??= {});
      const count = (byPart[section.id] ??= { having: 0, documents: 0 });
      count.documents++;
      if (sections.some(section.present)) count.having++;
    }
  }
  const ordered: SectionEvidence = {};
  for (const kind of Object.keys(counts).sort() as ReportKind[]) {
    ordered[kind] = {};
    for (const period of periodsOf(kind).filter((name) => counts[kind][name])) {
      ordered[kind][period] = {};
      for (const section of expectedSectionsOf(kind)) {
        const count = counts[kind][period][section.part]?.[section.id];
        if (count) (ordered[kind][period][section.part] ??= {})[section.id] = count;
      }
    }
  }
  return ordered;
}

/** The words of each expected section against all the text of its kind's documents (see sectionWords.ts). */
export function countSectionWords(reports: readonly Report[]): SectionWords {
  const kinds = new Map<string, { all: WordCounts; sections: Map<string, WordCounts> }>();
  for (const report of reports) {
    if (report.definition) continue;
    const kind = evidenceKind(report.kind);
    if (!kinds.has(kind)) kinds.set(kind, { all: emptyCounts(), sections: new Map() });
    const counts = kinds.get(kind)!;
    const blocks = bodyBlocks(report);
    addText(counts.all, blocks.map((block) => block.text).join('\n'));
    const parts = sectionsByPart(report);
    for (const expected of expectedSectionsOf(report.kind)) {
      const section = parts[expected.part]?.find(expected.present);
      if (!section) continue;
      const key = `${expected.part}/${expected.id}`;
      if (!counts.sections.has(key)) counts.sections.set(key, emptyCounts());
      const text = blocks.filter((block) => block.first > section.headingRange.end.line && block.first <= section.range.end.line).map((block) => block.text);
      addText(counts.sections.get(key)!, text.join('\n'));
    }
  }
  const words: SectionWords = {};
  for (const kind of [...kinds.keys()].sort()) {
    const { all, sections } = kinds.get(kind)!;
    words[kind] = Object.fromEntries([...sections.keys()].sort().map((key) => [key, weigh(sections.get(key)!, all)]));
  }
  return words;
}

/** The sections a report must have, as named in `section.missing`: what mutations delete and emptiness checks. */
export function requiredSectionsOf(report: Report): readonly ExpectedSection[] {
  if (report.definition) return definedRequirements(report);
  return expectedSectionsOf(report.kind).filter((section) => expectationFor(report, section) === 'required');
}

/**
 * What the report is held to for the section: what the evidence says, but a list of what
 * to improve is only usual where the authority or board is judged outstanding. Nearly all
 * such reports still have one; Thurrock's of 2024 has none.
 */
export function expectationFor(report: Pick<Report, 'kind' | 'period' | 'judgements'>, section: ExpectedSection): Expectation {
  const level = expectation(countFor(report, section));
  return level === 'required' && excused(report, section) ? 'usual' : level;
}

function excused(report: Pick<Report, 'judgements'>, section: ExpectedSection): boolean {
  return section.toImprove === true && judgedOutstanding(report, section.part);
}

/** A workspace kind's required headings, each by its own words. */
function definedRequirements(report: Report): ExpectedSection[] {
  return (report.definition?.requiredSections ?? []).map((heading) => ({ id: heading, name: heading, heading, part: 'report', present: named(headingKey(heading)) }));
}

export function checkRequiredSections(report: Report): ReportDiagnostic[] {
  const parts = sectionsByPart(report);
  const expected = report.definition ? definedRequirements(report) : expectedSectionsOf(report.kind);
  const found = expected.map((section) => parts[section.part]?.find(section.present));
  const noun = report.definition ? `report (${report.definition.name})` : kindNoun[report.kind];
  return expected.flatMap((section, index): ReportDiagnostic[] => {
    // A part the report does not have (a SIF report that reviews no board) asks for nothing.
    if (found[index] || parts[section.part] === undefined) return [];
    const count = report.definition ? undefined : countFor(report, section);
    const level = report.definition ? 'required' : expectationFor(report, section);
    if (level === 'optional') return [];
    // Its place is among the sections of its own part.
    const samePart = (candidate: Section | undefined, at: number) => candidate !== undefined && expected[at].part === section.part;
    const next = found.find((candidate, at) => at > index && samePart(candidate, at));
    const previous = found.slice(0, index).reverse().find((candidate, back) => samePart(candidate, index - 1 - back));
    const opens = index > 0 && samePart(found[index - 1], index - 1) && expected[index - 1].opens === true;
    const where = section.part === 'lscb' && report.kind === 'sif-report' ? ' in its review of the LSCB' : '';
    const missing = `no ‘${section.name}’ section${where}`;
    const message =
      level === 'required'
        ? `This ${noun} has ${missing}.`
        : `${section.absence ? `${section.absence}: it has` : `This ${noun} has`} ${missing}, which ${count!.having} of ${count!.documents} published ones of ${report.period ?? 'every period'} have.${
            excused(report, section) ? ` ${outstandingPart(section.part)} is judged outstanding, and may have been left nothing to improve.` : ''
          }`;
    return [
      {
        code: level === 'required' ? 'section.missing' : 'section.missing-usual',
        severity: level === 'required' ? 'error' : 'information',
        message,
        // At the top of the document: a missing section has no place of its own.
        range: range(0, 0, 0, 0),
        // A section whose heading alone was lost leaves its text before the place.
        fixes: insertSection(report, { ...section, heading: contentsWording(report, section) ?? section.heading }, opens ? undefined : next, previous, opens, stretches(report, section, expected, found)),
      },
    ];
  });
}

/** Who a part's judgement is of, as a sentence starts. */
export function outstandingPart(part: Part): string {
  return part === 'lscb' ? 'The board' : 'The authority';
}

/** Whether the part's own judgement, the board's or else the overall one, is outstanding. */
export function judgedOutstanding(report: Pick<Report, 'judgements'>, part: Part): boolean {
  const area = part === 'lscb' ? 'lscb' : 'overall';
  return report.judgements.some((judgement) => judgement.area === area && judgement.grade === 'outstanding');
}

/** The heading as the report's own contents list words it, where an entry that names no heading reads as the section. */
function contentsWording(report: Report, section: ExpectedSection): string | undefined {
  const entry = report.contents.find((candidate) => {
    const match = candidate.heading ? undefined : matchHeading(candidate.title, report.kind);
    return match?.rule && section.present({ name: match.name, role: match.rule.role, level: 1, headingRange: candidate.range, range: candidate.range, children: [] });
  });
  return entry?.title;
}

/**
 * Where the missing section's text may stand: each stretch of its part between two of its
 * sections that are there, with how much more a text reads as the missing section than as
 * the section it stands in. Where the report keeps the kind's order, the text is looked for
 * elsewhere than between the sections before and after it in that order only if it plainly
 * stands there (a 2014 SIF report has its information about the inspection early; some
 * 2015 ones, their executive summary after the local authority's information).
 */
function stretches(report: Report, missing: ExpectedSection, expected: readonly ExpectedSection[], found: readonly (Section | undefined)[]): Stretch[] {
  const kind = evidenceKind(report.kind);
  const reads = (section: ExpectedSection | undefined, text: string) => (section ? readsAs(kind, `${section.part}/${section.id}`, text) : 0);
  const present = expected
    .flatMap((section, at) => (section.part === missing.part && found[at] ? [{ section, at, found: found[at] }] : []))
    .sort((a, b) => a.found.headingRange.start.line - b.found.headingRange.start.line);
  // A SIF report's board part lies within its board's section; every other part is the whole report.
  const board = missing.part === 'lscb' && report.kind === 'sif-report' ? flatten(report.sections).find((section) => section.role === 'lscb') : undefined;
  const bounds = [board ? board.headingRange.end.line : -1, ...present.map(({ found }) => found.headingRange.start.line), board ? board.range.end.line + 1 : report.lines.length];
  const inOrder = present.every((each, at) => at === 0 || present[at - 1].at < each.at);
  const own = present.filter((each) => each.at < expected.indexOf(missing)).length;
  return bounds.slice(0, -1).map((first, at): Stretch => {
    const within = present[at - 1];
    return {
      after: within ? within.found.headingRange.end.line : first,
      before: bounds[at + 1],
      leaning: (text) => reads(missing, text) - reads(within?.section, text),
      // Elsewhere than its place in the kind's order only where its text plainly stands there.
      plainly: inOrder && at !== own,
    };
  });
}

/** Every section but those inside the Local Safeguarding Children Board's. */
function outsideBoard(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => (section.role === 'lscb' ? [section] : [section, ...outsideBoard(section.children)]));
}

const kindNoun: Record<ReportKind, string> = {
  'cra-letter': 'unannounced inspection letter',
  'sif-report': 'single inspection framework report',
  'ilacs-report': 'ILACS report',
  'ilacs-summary': 'summary of an ILACS report',
  'focused-visit': 'focused visit letter',
  'send-report': 'area SEND inspection report',
  'lac-report': 'looked after children inspection report',
  'lscb-review': 'review of a Local Safeguarding Children Board',
  custom: 'report',
  unknown: 'document',
};
