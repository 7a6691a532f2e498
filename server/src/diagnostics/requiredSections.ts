// `section.missing`: a section that every published report of the kind has. The lists
// hold only what all the seeds and corpus documents of a kind contain (an older layout
// that names a section differently is accepted under either name).
import { judgementArea } from '../grades';
import { headingKey } from '../headings';
import type { JudgementArea, Report, ReportKind, Section, SectionRole } from '../model';
import { flatten } from '../references';
import { range } from '../text';
import type { ReportDiagnostic } from './types';

interface Requirement {
  /** The section as a report editor would name it. */
  readonly name: string;
  readonly present: (section: Section) => boolean;
}

const role = (wanted: SectionRole) => (section: Section) => section.role === wanted;
const area = (wanted: JudgementArea) => (section: Section) => section.role === 'judgement' && judgementArea(section.name) === wanted;
const named = (key: string) => (section: Section) => headingKey(section.name) === key;

const judgementSections: Requirement[] = [
  { name: 'The experiences and progress of children who need help and protection', present: area('help-and-protection') },
  { name: 'The experiences and progress of children in care (or looked after)', present: area('children-in-care') },
  { name: 'Leadership (the impact of leaders)', present: area('leadership') },
];

const requiredSections: Partial<Record<ReportKind, readonly Requirement[]>> = {
  'cra-letter': [
    { name: 'What was satisfactory (delivered satisfactorily, or meets the requirements of statutory guidance)', present: role('satisfactory') },
    { name: 'Areas for development', present: role('development') },
  ],
  'sif-report': [
    { name: 'Information about this local authority area', present: role('area-information') },
    { name: 'Recommendations (or What does the local authority need to improve?)', present: role('recommendations') },
    ...judgementSections,
    { name: 'Information about this inspection', present: role('about-inspection') },
  ],
  'ilacs-report': [{ name: 'What needs to improve', present: role('development') }, ...judgementSections],
  'focused-visit': [
    { name: 'What needs to improve in this area of social work practice', present: role('development') },
    { name: 'Findings (or Main findings)', present: role('findings') },
  ],
  'send-report': [
    { name: 'Inspection outcome', present: role('outcome') },
    { name: 'Information about the local area partnership', present: named('information about the local area partnership') },
    { name: 'What is the area partnership doing that is effective?', present: role('strengths') },
    { name: 'What does the area partnership need to do better?', present: named('what does the area partnership need to do better') },
    { name: 'Areas for improvement', present: role('development') },
    { name: 'Information about this inspection', present: role('about-inspection') },
  ],
};

export function checkRequiredSections(report: Report): ReportDiagnostic[] {
  const wanted = requiredSections[report.kind];
  if (!wanted) return [];
  const sections = flatten(report.sections);
  return wanted
    .filter((requirement) => !sections.some(requirement.present))
    .map((requirement) => ({
      code: 'section.missing',
      severity: 'error',
      message: `This ${kindNoun[report.kind]} has no ‘${requirement.name}’ section.`,
      // At the top of the document: a missing section has no place of its own.
      range: range(0, 0, 0, 0),
    }));
}

const kindNoun: Record<ReportKind, string> = {
  'cra-letter': 'unannounced inspection letter',
  'sif-report': 'single inspection framework report',
  'ilacs-report': 'ILACS report',
  'ilacs-summary': 'summary of an ILACS report',
  'focused-visit': 'focused visit letter',
  'send-report': 'area SEND inspection report',
  'lac-report': 'looked after children inspection report',
  unknown: 'document',
};
