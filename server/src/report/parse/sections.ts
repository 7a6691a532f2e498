// Blocks into the section tree. A heading opens a section; where it nests comes from its
// rule (`Summary` goes under a judgement section, `Previous Ofsted inspections` under
// `Information about this local authority area`). Some sections open with a sentence
// instead of a heading: the satisfactory list of a 2009 letter (`... delivered
// satisfactorily in accordance with national guidance, in particular:`) and the judgement
// paragraphs of a news summary.
import type { Block } from './blocks';
import { gradeOnly, gradesIn, judgementArea, type GradeMatch } from '../grades';
import { headingKey, isContainer, type HeadingMatch } from './headings';
import type { Judgement, Range, ReportKind, Section, SectionRole } from '../model';
import { linesRange, range, type Line } from '../text';

/** A section while it is built: its blocks, and the heading block's place in the list. */
export interface DraftSection {
  name: string;
  role: SectionRole;
  level: number;
  headingRange: Range;
  judgement?: Judgement;
  children: DraftSection[];
  /** The blocks directly under the heading, children's blocks left out. */
  blocks: Block[];
  /** A lead-in sentence that is itself the section's first finding. */
  leadInFinding?: Block;
  readonly parent?: DraftSection;
  range?: Range;
}

interface LeadIn {
  readonly name: string;
  readonly role: SectionRole;
  readonly headingRange: Range;
  readonly judgement?: Judgement;
  readonly isFinding: boolean;
}

const satisfactoryLeadIn = /(delivered satisfactorily in accordance with national guidance)[^:]*:$/i;
const summaryJudgement =
  /^(the experiences and progress of .+?|the impact of leaders on .+?) (?:is|are) (outstanding|good|inadequate|requires? improvement(?: to be good)?)\b/i;
const summaryImprove = /^in order to improve(?: practice)?/i;

function leadInOf(block: Block, kind: ReportKind): LeadIn | undefined {
  if (block.type !== 'paragraph' || block.text.length > 600) return undefined;
  const first = block.lines[0];
  if (kind === 'cra-letter') {
    const match = satisfactoryLeadIn.exec(block.text);
    if (match) {
      const name = match[1][0].toUpperCase() + match[1].slice(1);
      return { name, role: 'satisfactory', headingRange: blockRange(block), isFinding: false };
    }
  }
  if (kind === 'ilacs-summary') {
    const judged = summaryJudgement.exec(block.text);
    if (judged) {
      const area = judgementArea(judged[1]);
      const grade = gradesIn(judged[2])[0];
      const headingRange = blockRange(block);
      const judgement: Judgement | undefined =
        area && grade ? { area, label: judged[1], grade: grade.grade, gradeText: judged[2], source: 'sentence', range: headingRange } : undefined;
      return { name: judged[1], role: 'judgement', headingRange, judgement, isFinding: false };
    }
    const improve = summaryImprove.exec(block.text);
    if (improve) {
      const start = first.start;
      return {
        name: improve[0],
        role: 'development',
        headingRange: range(first.index, start, first.index, start + improve[0].length),
        isFinding: true,
      };
    }
  }
  return undefined;
}

/**
 * A heading that repeats the open section's is the same section: a table's header row
 * repeated under it by extraction (the heading then covers both), or a
 * judgement heading repeated, with its grade, in a small `Key Judgement` / `Judgement
 * Grade` table under it.
 */
function repeatedHeading(current: DraftSection | undefined, name: string, heading: Block, role: SectionRole | undefined): DraftSection | undefined {
  if (!current || current.children.length > 0) return undefined;
  const key = headingKey(name);
  const same = headingKey(current.name) === key;
  // Or the same heading shortened straight under it, as a table's header row
  // (`Inspection findings – the Local Safeguarding Children Board` / `Inspection findings`).
  const shortened = current.blocks.length === 0 && role !== undefined && current.role === role && headingKey(current.name).startsWith(key);
  if (!same && !shortened) return undefined;
  const last = heading.lines[heading.lines.length - 1];
  // Nothing but blank lines between them (a PDF's table sets its header row apart).
  if (current.blocks.length === 0) {
    current.headingRange = range(current.headingRange.start.line, current.headingRange.start.character, last.index, last.end);
    return current;
  }
  if (current.role !== 'judgement' || !current.blocks.every((block) => block.type === 'paragraph' && block.text.length < 40)) return undefined;
  current.blocks = [];
  return current;
}

/**
 * The list of priority actions or areas for improvement open at the end of the stack. SIF
 * reports of 2015 group the list under judgement headings (`Leadership, management and
 * governance`, then `1.`): such a heading, ungraded and with the list going on right
 * under it, heads a group of the list, whose findings keep the list's category.
 */
function openList(stack: readonly DraftSection[]): DraftSection | undefined {
  const top = stack[stack.length - 1];
  const list = top?.role === 'other' && top.parent ? top.parent : top;
  return list?.role === 'priority-action' || list?.role === 'development' ? list : undefined;
}

/**
 * A grade box under a judgement heading, in two paragraphs: `Key judgement` and the
 * heading again, then `Judgement grade` (or `Inspection grade`) and the grade.
 */
function gradeBox(blocks: readonly Block[], from: number): { grade: GradeMatch; block: Block } | undefined {
  const [key, box] = [blocks[from], blocks[from + 1]];
  if (key?.type !== 'paragraph' || key.lines.length > 5 || !/^key judgement\b/i.test(key.text)) return undefined;
  if (box?.type !== 'paragraph' || box.lines.length > 3) return undefined;
  const labelled = /^(?:judgement|inspection) grade\s+(.+)$/i.exec(box.text);
  const grade = labelled && gradeOnly(labelled[1]);
  return grade ? { grade, block: box } : undefined;
}

const findingsRoles = new Set<SectionRole>(['local-authority', 'recommendations', 'development', 'priority-action', 'summary', 'strengths']);

function withinFindings(stack: readonly DraftSection[]): boolean {
  return stack.some((open) => findingsRoles.has(open.role)) && !stack.some((open) => open.role === 'judgement' || open.role === 'lscb');
}

export function blockRange(block: Block): Range {
  return linesRange(block.lines[0], block.lines[block.lines.length - 1]);
}

export interface SectionTree {
  readonly sections: DraftSection[];
  /** Every section in document order. */
  readonly all: DraftSection[];
}

export function buildSections(
  blocks: readonly Block[],
  headings: ReadonlyMap<number, HeadingMatch>,
  kind: ReportKind,
  lines: readonly Line[],
): SectionTree {
  const top: DraftSection[] = [];
  const all: DraftSection[] = [];
  let stack: DraftSection[] = [];

  const open = (name: string, role: SectionRole, headingRange: Range, parents: readonly SectionRole[] | undefined, generic: boolean) => {
    // A letter has one overview: Lancashire's 2021 letter heads its findings `Headline
    // findings` again, after what needs to improve.
    if (role === 'overview' && all.some((section) => section.role === 'overview')) role = 'findings';
    let depth = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      const candidate = stack[i];
      if (generic ? isContainer(candidate.role) : parents?.includes(candidate.role)) {
        depth = i;
        break;
      }
    }
    const parent = depth >= 0 ? stack[depth] : undefined;
    const section: DraftSection = { name, role, level: parent ? parent.level + 1 : 1, headingRange, children: [], blocks: [], parent };
    stack = depth >= 0 ? stack.slice(0, depth + 1) : [];
    (parent ? parent.children : top).push(section);
    stack.push(section);
    all.push(section);
    return section;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'heading') {
      const match = headings.get(block.lines[0].index);
      const next = blocks[i + 1];
      const nextGrade = !match?.grade && match?.rule?.graded && next?.type === 'paragraph' && next.lines.length <= 2 ? gradeOnly(next.text) : undefined;
      const repeated = repeatedHeading(stack[stack.length - 1], match?.name ?? block.text, block, match?.rule?.role);
      // A judgement's name straight over a numbered or bulleted item is a sub-heading, not
      // the judgement's own section (which has a grade or a `Summary` under it): in an open
      // list of priority actions or areas for improvement (SIF reports of 2015), a group of
      // that list whose findings keep its category; elsewhere among a SIF report's
      // recommendations or findings, a plain sub-heading.
      const overItem = !repeated && match?.rule?.role === 'judgement' && !match.grade && !nextGrade && (next?.type === 'numbered' || next?.type === 'item');
      const list = overItem ? openList(stack) : undefined;
      const subHeading = overItem && (list !== undefined || (kind === 'sif-report' && withinFindings(stack)));
      const role = subHeading ? 'other' : (match?.rule?.role ?? 'other');
      const section = repeated ?? open(match?.name ?? block.text, role, blockRange(block), list ? [list.role] : match?.rule?.parents, !list && (!match?.rule || subHeading));
      let grade = subHeading ? undefined : match?.grade;
      let graded = blockRange(block);
      // A grade on the line after a judgement heading (`Requires improvement`, `Grade 4
      // (Inadequate)`) belongs to the heading.
      const box = match?.rule?.graded && !match.grade && !nextGrade && !subHeading ? gradeBox(blocks, i + 1) : undefined;
      if (box) {
        grade = box.grade;
        graded = blockRange(box.block);
        i += 2;
      }
      if (nextGrade) {
        grade = nextGrade;
        graded = range(block.lines[0].index, block.lines[0].start, next.lines[next.lines.length - 1].index, next.lines[next.lines.length - 1].end);
        // A repeat in a grade box leaves the section's heading where it was.
        if (!repeated) section.headingRange = graded;
        i++;
      }
      if (grade) {
        const area = judgementArea(section.name);
        if (area) section.judgement = { area, label: section.name, grade: grade.grade, gradeText: grade.text, source: 'heading', range: repeated || box ? graded : section.headingRange };
      }
      continue;
    }
    const leadIn = leadInOf(block, kind);
    if (leadIn) {
      const section = open(leadIn.name, leadIn.role, leadIn.headingRange, undefined, false);
      section.judgement = leadIn.judgement;
      if (leadIn.isFinding) section.leadInFinding = block;
      continue;
    }
    stack[stack.length - 1]?.blocks.push(block);
  }

  // Each section runs from its heading to the end of its last block or child.
  for (const section of all) {
    const end = lastLine(section, lines);
    section.range = range(section.headingRange.start.line, section.headingRange.start.character, end.index, end.end);
  }
  return { sections: top, all };
}

function lastLine(section: DraftSection, lines: readonly Line[]): Line {
  let last = lines[section.headingRange.end.line];
  const consider = (line: Line) => {
    if (line.index > last.index) last = line;
  };
  const block = section.blocks[section.blocks.length - 1];
  if (block) consider(block.lines[block.lines.length - 1]);
  if (section.leadInFinding) consider(section.leadInFinding.lines[section.leadInFinding.lines.length - 1]);
  const child = section.children[section.children.length - 1];
  if (child) consider(lastLine(child, lines));
  return last;
}

/** A finished section, with the judgement the parser settled on for it, if any. */
export function freezeSection(draft: DraftSection, judgements: ReadonlyMap<DraftSection, Judgement>): Section {
  return {
    name: draft.name,
    role: draft.role,
    level: draft.level,
    headingRange: draft.headingRange,
    range: draft.range ?? draft.headingRange,
    judgement: judgements.get(draft),
    children: draft.children.map((child) => freezeSection(child, judgements)),
  };
}
