// `section.missing`: a section that every published report of the kind has. The lists
// hold only what all the seeds and corpus documents of a kind contain (an older layout
// that names a section differently is accepted under either name).
import { judgementArea } from '../grades';
import { headingKey, headingName } from '../headings';
import type { JudgementArea, KindDefinition, Report, ReportKind, Section, SectionRole } from '../model';
import { range } from '../text';
import { insertSection, type SectionText } from './insertSection';
import type { ReportDiagnostic } from './types';

interface Requirement extends SectionText {
  /** The section as a report editor would name it. */
  readonly name: string;
  readonly present: (section: Section) => boolean;
  /** Not required, but where it stands tells a fix where a missing neighbour goes. */
  readonly landmark?: true;
  /** A heading that only introduces the sections after it: the next one goes straight beneath it. */
  readonly opens?: true;
}

const landmark = (name: string, present: (section: Section) => boolean, opens?: true): Requirement => ({ name, heading: name, present, landmark: true, opens });

const role = (wanted: SectionRole) => (section: Section) => section.role === wanted;
const area = (wanted: JudgementArea) => (section: Section) => section.role === 'judgement' && judgementArea(section.name) === wanted;
const named = (key: string) => (section: Section) => headingKey(section.name) === key;

const helpAndProtection: Requirement = {
  name: 'The experiences and progress of children who need help and protection',
  heading: 'The experiences and progress of children who need help and protection',
  present: area('help-and-protection'),
};
const childrenInCare = { name: 'The experiences and progress of children in care (or looked after)', present: area('children-in-care') };
const leadership = { name: 'Leadership (the impact of leaders)', present: area('leadership') };

// Each list is in the order the sections appear, which is how a fix finds its place.
const requiredSections: Partial<Record<ReportKind, readonly Requirement[]>> = {
  'cra-letter': [
    {
      name: 'What was satisfactory (delivered satisfactorily, or meets the requirements of statutory guidance)',
      leadIn: 'From the evidence gathered, the following features of the service were identified:',
      heading: 'The service meets the requirements of statutory guidance in the following areas',
      present: role('satisfactory'),
    },
    landmark('Strengths', role('strengths')),
    { name: 'Areas for development', heading: 'Areas for development', present: role('development') },
    landmark('Areas for priority action', role('priority-action')),
  ],
  'sif-report': [
    landmark('The local authority', role('local-authority'), true),
    { name: 'Information about this local authority area', heading: 'Information about this local authority area', present: role('area-information') },
    { name: 'Recommendations (or What does the local authority need to improve?)', heading: 'Recommendations', present: role('recommendations') },
    helpAndProtection,
    { ...childrenInCare, heading: 'The experiences and progress of children looked after and achieving permanence' },
    { ...leadership, heading: 'Leadership, management and governance' },
    landmark('The Local Safeguarding Children Board', role('lscb')),
    { name: 'Information about this inspection', heading: 'Information about this inspection', present: role('about-inspection') },
  ],
  'ilacs-report': [
    { name: 'What needs to improve', heading: 'What needs to improve?', present: role('development') },
    helpAndProtection,
    { ...childrenInCare, heading: 'The experiences and progress of children in care' },
    { ...leadership, heading: 'The impact of leaders on social work practice with children and families' },
  ],
  'focused-visit': [
    {
      name: 'What needs to improve in this area of social work practice',
      heading: 'What needs to improve in this area of social work practice?',
      present: role('development'),
    },
    // 2018 letters have `Areas of strength` where later ones have `Findings`.
    { name: 'Findings (or Main findings, or Areas of strength)', heading: 'Main findings', present: (section) => section.role === 'findings' || section.role === 'strengths' },
  ],
  'send-report': [
    { name: 'Inspection outcome', heading: 'Inspection outcome', present: role('outcome') },
    { name: 'Information about the local area partnership', heading: 'Information about the local area partnership', present: named('information about the local area partnership') },
    { name: 'What is the area partnership doing that is effective?', heading: 'What is the area partnership doing that is effective?', present: role('strengths') },
    {
      name: 'What does the area partnership need to do better?',
      heading: 'What does the area partnership need to do better?',
      present: named('what does the area partnership need to do better'),
    },
    { name: 'Areas for improvement', heading: 'Areas for improvement', present: role('development') },
    { name: 'Information about this inspection', heading: 'Information about this inspection', present: role('about-inspection') },
  ],
};

/** A workspace kind's required headings, each by its own words. */
function definedRequirements(definition: KindDefinition): Requirement[] {
  return definition.requiredSections.map((heading) => ({ name: headingName(heading), heading: headingName(heading), present: named(headingKey(heading)) }));
}

function requirementsOf(report: Pick<Report, 'kind' | 'definition'>): readonly Requirement[] {
  return report.definition ? definedRequirements(report.definition) : (requiredSections[report.kind] ?? []);
}

/** What a report's kind must have, as named in `section.missing`, and how each is found. */
export function requiredSectionsOf(report: Pick<Report, 'kind' | 'definition'>): { readonly name: string; readonly present: (section: Section) => boolean }[] {
  return requirementsOf(report).filter((requirement) => !requirement.landmark);
}

export function checkRequiredSections(report: Report): ReportDiagnostic[] {
  const wanted = requirementsOf(report);
  if (wanted.length === 0) return [];
  const sections = outsideBoard(report.sections);
  const found = wanted.map((requirement) => sections.find(requirement.present));
  return wanted.flatMap((requirement, index) => {
    if (found[index] || requirement.landmark) return [];
    const next = found.slice(index + 1).find((section) => section !== undefined);
    const previous = found.slice(0, index).reverse().find((section) => section !== undefined);
    const opens = index > 0 && found[index - 1] !== undefined && wanted[index - 1].opens === true;
    return [
      {
        code: 'section.missing',
        severity: 'error' as const,
        message: `This ${report.definition ? `report (${report.definition.name})` : kindNoun[report.kind]} has no ‘${requirement.name}’ section.`,
        // At the top of the document: a missing section has no place of its own.
        range: range(0, 0, 0, 0),
        fix: insertSection(report, requirement, opens ? undefined : next, previous, opens),
      },
    ];
  });
}

/**
 * Every section but those inside the Local Safeguarding Children Board's: a SIF report
 * reviews the board in a part of its own, with its own recommendations, which do not
 * stand for the report's.
 */
function outsideBoard(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...(section.role === 'lscb' ? [] : outsideBoard(section.children))]);
}

const kindNoun: Record<ReportKind, string> = {
  'cra-letter': 'unannounced inspection letter',
  'sif-report': 'single inspection framework report',
  'ilacs-report': 'ILACS report',
  'ilacs-summary': 'summary of an ILACS report',
  'focused-visit': 'focused visit letter',
  'send-report': 'area SEND inspection report',
  'lac-report': 'looked after children inspection report',
  custom: 'report',
  unknown: 'document',
};
