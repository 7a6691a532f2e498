// Where a missing section's own text starts when only its heading was lost. Its
// paragraphs then stand at the end of the text before the place the other sections leave
// for it, and a reader puts the heading back before them, not after them. What marks
// where they start is what marks the start of a section in the reports: a statement of
// the section's own judgement, the kind's lead-in sentence, numbering that starts again,
// a list after prose or prose after a list, a page break or blank lines, and the words of
// the section's heading.
import { gradeOnly, gradesIn, judgementArea } from '../grades';
import type { Report } from '../model';
import { flatten } from '../references';
import { fold } from '../text';

/** A heading, bullet, numbered or plain paragraph of the body, by its lines. */
interface Block {
  readonly type: 'heading' | 'item' | 'numbered' | 'plain';
  readonly first: number;
  readonly last: number;
  readonly text: string;
  readonly number?: number;
}

export interface StartFound {
  /** The line that the heading goes before. */
  readonly line: number;
  /** A sentence that announces the section is already there: the heading goes after it, alone. */
  readonly afterLeadIn: boolean;
}

/** Less than a change of shape (a page break, a word of the heading) is no start. */
const enough = 3;

/**
 * The start of the section's text among the blocks after line `after` and before line
 * `before`, or undefined where nothing there reads as its start.
 */
export function sectionStart(report: Report, heading: string, leadIn: string | undefined, after: number, before: number): StartFound | undefined {
  const blocks = blocksOf(report).filter((block) => block.first > after && block.first < before);
  const area = judgementArea(heading);
  const words = contentWords(heading);
  let best: { block: Block; score: number } | undefined;
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    // The heading before it would be left with nothing under it: the heading is the candidate.
    if (previous?.type === 'heading' || (!previous && block.first === after + 1 && after >= 0)) return;
    // A sentence that announces what follows belongs to the section after the place.
    if (announces(block, leadIn) && index === blocks.length - 1) return;
    // A sub-heading starts the lost section when its first paragraph does.
    const content = block.type === 'heading' && blocks[index + 1] ? blocks[index + 1] : block;
    const score = shapeScore(block, previous) + contentScore(content, area, words, leadIn);
    // Ties go to the later block: the lost section's text is what stands last.
    if (score >= enough && score >= (best?.score ?? 0)) best = { block, score };
  });
  if (!best) return undefined;
  const afterLeadIn = announces(best.block, leadIn);
  if (!afterLeadIn) return { line: best.block.first, afterLeadIn };
  const next = blocks[blocks.indexOf(best.block) + 1];
  return next && { line: next.first, afterLeadIn };
}

/** What in its words marks a block as the section's first. */
function contentScore(block: Block, area: ReturnType<typeof judgementArea>, words: ReadonlySet<string>, leadIn: string | undefined): number {
  let score = 0;
  const sentence = firstSentence(block.text);
  // `Requires improvement` beneath the heading, or `Overall effectiveness is good`.
  if (area && (gradeOnly(block.text) || (judgementArea(sentence) === area && gradesIn(sentence).length > 0))) score += 4;
  if (leadIn && startsWithLeadIn(block, leadIn)) score += 4;
  if ([...contentWords(sentence)].some((word) => words.has(word))) score += 1;
  return score;
}

/** What in its shape, after the block before it, marks a block as a section's first. */
function shapeScore(block: Block, previous: Block | undefined): number {
  let score = 0;
  // Numbering or a numbered list that begins.
  if (numberOf(block) === 1) score += 3;
  const gap = previous !== undefined && block.first > previous.last + 1;
  // A list after prose, prose after a list, or a list that begins again after blank lines.
  if (previous && ((block.type === 'item') !== (previous.type === 'item') || (gap && block.type === 'item'))) score += 2;
  if (gap) score += 1;
  return score;
}

function blocksOf(report: Report): Block[] {
  const blocks: Block[] = [
    ...flatten(report.sections).map((section): Block => ({ type: 'heading', first: section.headingRange.start.line, last: section.headingRange.end.line, text: section.name })),
    ...report.items.map((item): Block => ({ type: 'item', first: item.range.start.line, last: item.range.end.line, text: item.text })),
    ...report.paragraphs.map((paragraph): Block => ({ type: 'numbered', first: paragraph.range.start.line, last: paragraph.range.end.line, text: paragraph.text, number: paragraph.number })),
    ...report.plainParagraphs.map((paragraph): Block => ({ type: 'plain', first: paragraph.range.start.line, last: paragraph.range.end.line, text: paragraph.text })),
  ];
  return blocks.sort((a, b) => a.first - b.first);
}

/** A numbered paragraph's number, or the number a bullet starts with (`- 1. Ensure…`); 0 for none. */
function numberOf(block: Block): number {
  if (block.number !== undefined) return block.number;
  const match = /^(\d{1,3})[.)]\s/.exec(block.text);
  return match ? Number(match[1]) : 0;
}

/** The kind's lead-in, or a sentence such as `This visit has identified the following areas for priority action.` */
function announces(block: Block, leadIn: string | undefined): boolean {
  return (leadIn !== undefined && startsWithLeadIn(block, leadIn)) || (block.type === 'plain' && /\bthe following\b|:$/.test(block.text));
}

function startsWithLeadIn(block: Block, leadIn: string): boolean {
  return fold(block.text).startsWith(fold(leadIn).replace(/:$/, ''));
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end);
}

// Words any heading or paragraph has: they tell no section from another.
const common = new Set(['the', 'and', 'of', 'in', 'for', 'to', 'a', 'an', 'is', 'are', 'who', 'with', 'this', 'that', 'what', 'children', 'young', 'people', 'area', 'local']);

function contentWords(text: string): Set<string> {
  return new Set(fold(text).split(/[^a-z]+/).filter((word) => word.length > 2 && !common.has(word)));
}
