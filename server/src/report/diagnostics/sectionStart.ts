// Where a missing section's own text starts when only its heading was lost. Its
// paragraphs then stand at the end of the text of the section before, and a reader puts
// the heading back before them, not after them. The heading goes where the text after it
// reads most like the missing section and the text before it most like the section it
// follows (by the words each kind of section uses, section-words.json), helped by what
// marks the start of a section in the reports: a statement of the section's own
// judgement, the kind's lead-in sentence, a sub-heading the section before already had,
// numbering that starts again, a list after prose or prose after a list, blank lines.
import { gradeOnly, gradesIn, judgementArea } from '../grades';
import { headingKey } from '../parse/headings';
import type { Report } from '../model';
import { flatten } from '../parse/references';
import { fold } from '../text';
import type { SectionText, Stretch } from './insertSection';

/** A heading, bullet, numbered or plain paragraph of the body, by its lines. */
export interface Block {
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
  /** How strongly the text after it reads as the section's own. */
  readonly score: number;
}

// What a sign of a start is worth against the words: a statement of the section's own
// judgement outweighs a paragraph's words; blank lines alone do not.
const judgementStated = 30;
const leadInStated = 30;
const subHeadingAgain = 20;
const numberingAgain = 10;
const shapeChanges = 4;
const blankLines = 1;
// A sentence that begins a line inside a paragraph or bullet may begin the section where
// extraction left no blank line before it; anywhere else inside one, the section cannot.
const sentenceBegins = 0;
// Less than this leaves the heading where the sections around it leave room for it; out
// of the kind's order, less than the second.
const enough = 8;
const plainly = 100;

/** The start of the section's text in the stretch, or undefined where nothing there reads as its start. */
export function sectionStart(report: Report, section: SectionText, { after, before, leaning, plainly: onlyPlainly }: Stretch): StartFound | undefined {
  const least = onlyPlainly ? plainly : enough;
  const blocks = bodyBlocks(report).filter((block) => block.first > after && block.first < before);
  const blockAt = new Map(blocks.map((block, index) => [block.first, index]));
  const headingLines = new Set(blocks.filter((block) => block.type === 'heading').flatMap((block) => range(block.first, block.last)));
  const area = judgementArea(section.heading);
  const frontEnd = Math.max(-1, ...report.judgements.filter((judgement) => judgement.source === 'table').map((judgement) => judgement.range.end.line));
  // The heading goes before line l: lines l… become the section's, and their words lean
  // to it by the sum of each line's leaning from l on.
  let leaningAfter = 0;
  let best: { line: number; score: number } | undefined;
  for (let line = Math.min(before, report.lines.length) - 1; line > after; line--) {
    const text = report.lines[line];
    const index = blockAt.get(line);
    // A sub-heading's words say nothing of which section it is in; its first line may start one.
    if (text.trim() === '' || (headingLines.has(line) && index === undefined)) continue;
    if (!headingLines.has(line)) leaningAfter += leaning(text);
    let sign: number;
    if (index !== undefined) {
      const block = blocks[index];
      const previous = blocks[index - 1];
      // The heading before it would be left with nothing under it.
      if (previous?.type === 'heading' || (!previous && after >= 0)) continue;
      // A sentence that announces what follows belongs to the section after the place.
      if (announces(block, section.leadIn) && index === blocks.length - 1) continue;
      sign = signs(blocks, index, area, section.leadIn);
      // A sub-heading starts the section only when what it heads plainly does; a heading
      // that introduces several sections (`Inspection judgements about the local authority`) does not.
      if (block.type === 'heading' && sign < subHeadingAgain) continue;
    } else if (line > frontEnd && line < (blocks[0]?.first ?? before) && (report.lines[line - 1] ?? '').trim() === '') {
      // A paragraph before the body, after the judgement table: the first section's text,
      // without its heading, reads as front matter.
      sign = blankLines;
    } else {
      if (!/[.!?)]\s*$/.test(report.lines[line - 1]) || !/^\s*[A-Z]/.test(text)) continue;
      sign = sentenceBegins;
    }
    const score = leaningAfter + sign;
    if (score >= least && score > (best?.score ?? -Infinity)) best = { line, score };
  }
  if (!best) return undefined;
  const index = blockAt.get(best.line);
  const afterLeadIn = index !== undefined && announces(blocks[index], section.leadIn);
  if (!afterLeadIn) return { line: best.line, afterLeadIn, score: best.score };
  const next = blocks[index + 1];
  return next && { line: next.first, afterLeadIn, score: best.score };
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** What, besides its words, marks block `index` as the first of the section. */
function signs(blocks: readonly Block[], index: number, area: ReturnType<typeof judgementArea>, leadIn: string | undefined): number {
  const block = blocks[index];
  const previous = blocks[index - 1];
  // A sub-heading starts the section when its first paragraph does.
  const content = block.type === 'heading' && blocks[index + 1] ? blocks[index + 1] : block;
  const sentence = firstSentence(content.text);
  let score = 0;
  // `Requires improvement` beneath the heading, or `Overall effectiveness is good`.
  if (area && (gradeOnly(content.text) || (judgementArea(sentence) === area && gradesIn(sentence).length > 0))) score += judgementStated;
  if (leadIn && startsWithLeadIn(content, leadIn)) score += leadInStated;
  // `Summary` again: a section has each of its sub-headings once.
  if (block.type === 'heading' && blocks.slice(0, index).some((earlier) => earlier.type === 'heading' && headingKey(earlier.text) === headingKey(block.text))) score += subHeadingAgain;
  if (numberOf(block) === 1) score += numberingAgain;
  if (previous && ((block.type === 'item') !== (previous.type === 'item') || (block.type === 'item' && block.first > previous.last + 1))) score += shapeChanges;
  if (previous && block.first > previous.last + 1) score += blankLines;
  return score;
}

/** The body's headings, bullets, numbered and plain paragraphs, in document order. */
export function bodyBlocks(report: Report): Block[] {
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
