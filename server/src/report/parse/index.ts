// One pass from text to the report model: kind, page furniture, front matter, blocks,
// sections, findings, judgements and cross references. Pure, and safe on any input: a
// text that is not a report gets a model of kind `unknown` with whatever outline its
// headings give. Kinds that a workspace defines for itself are read with their own
// headings, after every built-in kind has said no.
import { buildBlocks, startsListItem, type Block, type ItemBlock, type NumberedBlock } from './blocks';
import { customHeadings } from './customHeadings';
import { collectFindings } from './findings';
import { readFrontMatter } from './frontMatter';
import { findColophon, findPageFurniture, setAside } from './furniture';
import { gradesIn } from '../grades';
import { headingName, knownHeadingAt, looksLikeHeading, type HeadingMatch } from './headings';
import { detectKind } from './kind';
import { frameworkPeriod } from './period';
import { findResponsibleBodies } from './responsibleBodies';
import type { Judgement, KindDefinition, ListItem, NumberedParagraph, OutcomeStatement, Report, ReportKind, ScaleGrade, Section } from '../model';
import { findRecommendationTags, matchContents } from './references';
import { blockRange, buildSections, freezeSection, type DraftSection } from './sections';
import { linesRange, looksBinary, splitLines, type Line } from '../text';

export interface ParseOptions {
  /** The workspace's own kinds, tried after the built-in ones. */
  readonly kinds?: readonly KindDefinition[];
}

export function parseReport(source: string, options: ParseOptions = {}): Report {
  if (looksBinary(source)) return emptyReport(0, true);
  const lines = splitLines(source);
  const { kind, evidence, definition } = detectKind(lines, options.kinds);
  const custom = definition && customHeadings(definition);
  const grades = new Map<number, ScaleGrade>();
  const page = findPageFurniture(lines);
  const colophon = kind === 'unknown' ? undefined : findColophon(lines);
  const front = readFrontMatter(lines, { kind, page, colophon, recognisedBy: definition && evidence[0]?.range });
  const aside = setAside(lines, page, [...front.parts, ...findResponsibleBodies(lines, kind, page.skip)]);
  const unwrapped = isUnwrapped(lines);

  // The blocks are those of the body, less what is set aside within it.
  const skip = new Set(aside.skip);
  for (let i = 0; i < front.bodyStart; i++) skip.add(i);
  for (let i = front.bodyEnd; i < lines.length; i++) skip.add(i);
  const headings = new Map<number, HeadingMatch>();
  let lastHeadingLine = -1;
  const headingAt = (all: readonly Line[], index: number): number => {
    // Where a heading can start is cheaper to tell than whether one does.
    const starts = lastHeadingLine === index - 1 || startsSomething(all, index);
    const found: { match?: HeadingMatch; grade?: ScaleGrade } | undefined =
      !starts && !afterShortLine(all, index, kind) ? undefined : custom ? custom.at(all, index) : { match: knownHeadingAt(all, index, kind) };
    const known = found?.match;
    if (known) {
      headings.set(index, known);
      if (found?.grade) grades.set(index, found.grade);
      lastHeadingLine = index + known.lineCount - 1;
      return known.lineCount;
    }
    if ((unwrapped || kind === 'unknown' || custom) && looksLikeHeading(all, index)) {
      headings.set(index, { name: headingName(all[index].text), lineCount: 1 });
      return 1;
    }
    return 0;
  };
  const blocks = buildBlocks(lines, { skip, headingAt, unwrapped });
  const tree = buildSections(blocks, headings, kind, lines);
  const judged = sectionJudgements(tree.all);
  const judgements = [...front.tableJudgements, ...judged.values()];
  const findings = collectFindings(tree.all, lines, unwrapped);
  const sections = withGrades(tree.sections.map((section) => freezeSection(section, judged)), grades);
  const recommendations = findings.filter((finding) => finding.category === 'recommendation');

  return {
    kind,
    period: frameworkPeriod(kind, front.metadata),
    definition,
    kindEvidence: evidence,
    metadata: front.metadata,
    sections,
    paragraphs: blocks.filter((block) => block.type === 'numbered').map(toParagraph),
    items: blocks.filter((block) => block.type === 'item').map(toItem),
    plainParagraphs: blocks.filter((block) => block.type === 'paragraph').map((block) => ({ range: blockRange(block), text: block.text })),
    lines: lines.map((line) => line.raw),
    findings,
    judgements,
    outcome: kind === 'cra-letter' ? outcomeStatement(blocks) : undefined,
    recommendationTags: findRecommendationTags(blocks, recommendations),
    contents: matchContents(front.contents, sections),
    furniture: [...aside.furniture].sort((a, b) => a.range.start.line - b.range.start.line),
    lineCount: lines.length,
    eol: lineEnd(source),
    binary: false,
  };
}

/** A workspace kind's grades, on the sections whose headings carry them. */
function withGrades(sections: readonly Section[], grades: ReadonlyMap<number, ScaleGrade>): Section[] {
  if (grades.size === 0) return [...sections];
  return sections.map((section) => {
    const grade = grades.get(section.headingRange.start.line);
    return { ...section, ...(grade && { grade }), children: withGrades(section.children, grades) };
  });
}

export function emptyReport(lineCount: number, binary: boolean): Report {
  return {
    kind: 'unknown',
    kindEvidence: [],
    metadata: {},
    sections: [],
    paragraphs: [],
    items: [],
    plainParagraphs: [],
    lines: [],
    findings: [],
    judgements: [],
    recommendationTags: [],
    contents: [],
    furniture: [],
    lineCount,
    eol: '\n',
    binary,
  };
}

function lineEnd(source: string): Report['eol'] {
  const match = /\r\n|\r|\n/.exec(source);
  return match ? (match[0] as Report['eol']) : '\n';
}

/**
 * The seeds keep a paragraph on one line, hundreds of characters long; pdftotext wraps
 * at the page's width and starts each page with a form feed.
 */
function isUnwrapped(lines: readonly Line[]): boolean {
  let content = 0;
  let long = 0;
  for (const line of lines) {
    if (line.pageBreak) return false;
    if (line.text.length === 0) continue;
    content++;
    if (line.text.length > 120) long++;
  }
  return content > 0 && long / content >= 0.1;
}

// A judgement sentence that ends in its grade with no full stop (`The Local Safeguarding
// Children Board is outstanding` / `Executive summary`, with no blank line between).
const gradeEnds = /\b(?:is|are|requires?|be) (?:good|outstanding|inadequate|improvement to be good|improvement)$/i;

/** Whether a text ends in a judgement's grade; asked of most lines, so cheaply first. */
function endsInGrade(text: string): boolean {
  const last = text.charCodeAt(text.length - 1) | 0x20;
  // `good`, `outstanding`, `inadequate`, `improvement`.
  return (last === 0x64 || last === 0x65 || last === 0x67 || last === 0x74) && gradeEnds.test(text.slice(-40));
}

/**
 * A heading starts after a blank line, a page break or a finished sentence: the same
 * words inside a wrapped paragraph are not a heading.
 */
function startsSomething(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  // A line that ends a sentence is no heading, but for a judgement worded as one (`The
  // impact of leaders on social work practice with children and families is good.`).
  if (line.text.endsWith('.') && !endsInGrade(line.text.slice(0, -1))) return false;
  const before = lines[index - 1];
  if (!before || line.pageBreak || before.text.length === 0 || '.?!:)'.includes(before.text[before.text.length - 1]) || endsInGrade(before.text)) return true;
  // A bullet without a full stop, or a judgement sentence without one, can stand right
  // above a heading (`Findings` in Doncaster's 2019 letter, `Areas for improvement` under
  // an LSCB's grade): a capitalised line with a list starting under it.
  const after = lines[index + 1];
  return /^[A-Z]/.test(line.text) && after !== undefined && startsListItem(after.text);
}

/**
 * A capitalised line under a short sentence that lost its full stop: its paragraph ended
 * there all the same, so a known heading may start (`There are no areas for priority or
 * immediate action` / `Areas for improvement`, Warrington 2015). Not under a short label
 * (a grade box's `Key Judgement`) nor under a heading (the stacked entries of a contents
 * page read from a PDF), and only a known heading: a heading no rule names needs a
 * clearer start.
 */
function afterShortLine(lines: readonly Line[], index: number, kind: ReportKind): boolean {
  const before = lines[index - 1];
  return (
    before !== undefined &&
    before.text.length < 60 &&
    before.text.split(' ').length >= 5 &&
    /^[A-Z]/.test(lines[index].text) &&
    knownHeadingAt(lines, index - 1, kind) === undefined
  );
}

// `The Local Safeguarding Children Board is good`, `The LSCB requires improvement`, `The
// effectiveness of the Swindon Safeguarding Children Board (SSCB) is good.`: the judgement
// of the board is a sentence under its heading, not a grade line. pdftotext runs it into
// the `Executive summary` line and the paragraph after, so it is looked for line by line.
const boardSentence = /^the (?:effectiveness of the )?(?:[^.]{0,40}?\b)?(?:local safeguarding children board|safeguarding children board|lscb)\b[^.]{0,60}?\b(?:is|are|requires?)\b/i;

function boardJudgement(section: DraftSection): Judgement | undefined {
  for (const block of section.blocks) {
    if (block.type !== 'paragraph') continue;
    const lines = block.lines.slice(0, 3);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].text.length > 300 || !boardSentence.test(lines[i].text)) continue;
      // The grade can wrap onto the next line: `... (SSCB) is` / `good.`
      const next = gradesIn(lines[i].text).length === 0 ? lines[i + 1] : undefined;
      const grade = gradesIn(next ? `${lines[i].text} ${next.text}` : lines[i].text)[0];
      if (grade) return { area: 'lscb', label: section.name, grade: grade.grade, gradeText: grade.text, source: 'sentence', range: linesRange(lines[i], next ?? lines[i]) };
    }
  }
  return undefined;
}

/**
 * Each judged section's judgement, in document order: a board's, where its heading has no
 * grade, is the sentence under it.
 */
function sectionJudgements(all: readonly DraftSection[]): Map<DraftSection, Judgement> {
  const judgements = new Map<DraftSection, Judgement>();
  for (const section of all) {
    const judgement = section.judgement ?? (section.role === 'lscb' ? boardJudgement(section) : undefined);
    if (judgement) judgements.set(section, judgement);
  }
  return judgements;
}

const outcomePattern = /^the inspection identified\b/i;

function outcomeStatement(blocks: readonly Block[]): OutcomeStatement | undefined {
  const block = blocks.find((candidate) => candidate.type === 'paragraph' && outcomePattern.test(candidate.text));
  if (!block) return undefined;
  const says = /\bareas? (?:for|of) priority action\b/i.test(block.text) && !/\bno areas? (?:for|of) priority action\b/i.test(block.text);
  return { text: block.text, range: blockRange(block), priorityActions: says };
}

function toParagraph(block: NumberedBlock): NumberedParagraph {
  const first = block.lines[0];
  const marker = /^(?:-\s+)?\d{1,3}\./.exec(first.text);
  const numberStart = first.start + (marker ? marker[0].indexOf(String(block.number)) : 0);
  return {
    number: block.number,
    range: blockRange(block),
    numberRange: { start: { line: first.index, character: numberStart }, end: { line: first.index, character: numberStart + String(block.number).length } },
    text: block.text,
  };
}

function toItem(block: ItemBlock): ListItem {
  return { glyph: block.glyph, depth: block.depth, range: blockRange(block), text: block.text, continued: block.continued };
}

