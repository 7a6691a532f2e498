// Findings: the items of the sections that hold them (areas for priority action, areas
// for development, recommendations, strengths, what was satisfactory), one finding per
// bullet, numbered paragraph or, where a section has no list, per paragraph; a bullet
// deeper than its list, or after a numbered finding that ends in a colon, and a paragraph
// that finishes a finding's sentence are parts of the finding above them.
import type { Block } from './blocks';
import type { Finding, FindingCategory, SectionRole } from '../model';
import type { DraftSection } from './sections';
import { linesRange, type Line } from '../text';

const categoryOfRole: Partial<Record<SectionRole, FindingCategory>> = {
  'priority-action': 'priority-action',
  development: 'development',
  recommendations: 'recommendation',
  strengths: 'strength',
  satisfactory: 'satisfactory',
};

function categoryOf(section: DraftSection): FindingCategory | undefined {
  const own = categoryOfRole[section.role];
  if (own) return own;
  // A news summary lists what inspectors highlighted under each good judgement sentence;
  // the bullets under a report's graded heading are its findings, good and bad alike.
  if (section.role === 'judgement' && section.judgement?.source === 'sentence' && section.blocks.some((block) => block.type === 'item')) {
    const grade = section.judgement.grade;
    if (grade === 'good' || grade === 'outstanding') return 'strength';
  }
  // `Immediately:` and `Within three months:` under `Areas for improvement`.
  if (section.role === 'other' && section.parent) return categoryOfRole[section.parent.role];
  return undefined;
}

// A letter's closing sentence: `Ofsted will take the findings from this focused visit into account …`.
const closingWords = 'Ofsted will take the findings';
const closingSentence = new RegExp(`^${closingWords}\\b`);

// A report's word that it has nothing to list, numbered as a paragraph in some (`18. There
// are no areas for priority or immediate action.`, Sheffield 2014; `136. No areas were
// identified for immediate improvement.`, Portsmouth 2014).
const noneFound = /did not find any areas|there (?:are|were) no (?:areas? (?:of|for) )?(?:priority|immediate)|no areas (?:were|have been) identified/i;

// Sentences that introduce or close a list rather than belong to it.
const framing = new RegExp(
  `(?::$|will be (?:specifically )?considered|identified above|${closingWords}|identified the following|we have notified the department|${noneFound.source}|an action plan|the following (?:strengths|areas|features))`,
  'i',
);

// `This was an area of development at the previous inspection.`, `identified at the
// last inspection`: the report's own flag that a finding recurs.
const recurringPattern =
  /\b(?:(?:was|were|is|are|remains?) (?:also )?(?:an? )?areas? (?:of|for) (?:development|priority action|improvement)\b[^.]{0,40}\b(?:previous|last) (?:inspection|visit)|(?:identified|raised|found|highlighted) (?:at|in|during) the (?:previous|last) (?:inspection|visit))/i;

interface Unit {
  lines: Line[];
  parts: string[];
  number?: number;
}

export function collectFindings(sections: readonly DraftSection[], lines: readonly Line[], unwrapped: boolean): Finding[] {
  const findings: Finding[] = [];
  sections.forEach((section, index) => {
    const category = categoryOf(section);
    if (!category) return;
    const units = unitsOf(section, lines, unwrapped);
    units.forEach((unit, at) => {
      const whole = unit.parts.join(' ').replace(/\s+/g, ' ').trim();
      const text = at === units.length - 1 ? withoutGluedHeading(whole, sections[index + 1]) : whole;
      if (text.length === 0) return;
      findings.push({
        category,
        text,
        range: linesRange(unit.lines[0], unit.lines[unit.lines.length - 1]),
        section: section.name,
        number: unit.number,
        recurring: recurringPattern.test(text),
      });
    });
  });
  return findings;
}

/**
 * A section's last finding without the next section's heading run into its last line:
 * pdftotext can print a heading there as well as on its own line (`… missing from home
 * and care. Areas for improvement`, then `Areas for improvement`, Calderdale 2015).
 */
function withoutGluedHeading(text: string, next: DraftSection | undefined): string {
  const heading = next && ` ${next.name}`.toLowerCase();
  return heading && text.toLowerCase().endsWith(`.${heading}`) ? text.slice(0, -heading.length) : text;
}

function unitsOf(section: DraftSection, lines: readonly Line[], unwrapped: boolean): Unit[] {
  const units: Unit[] = [];
  if (section.leadInFinding) units.push(unitOf(section.leadInFinding));
  // A glyph alone with no text after it (a stray one before a page footer) makes no list.
  const listed = section.blocks.some((block) => (block.type === 'item' || block.type === 'numbered') && block.text.length > 0);
  let afterList = false;
  // A sub-bullet is part of the finding above it, deeper than the list it is in: after a
  // lead-in (`... in respect of:`), the list starts at its first item's depth.
  let listDepth = -1;
  // Glyphs that pdftotext wrote on their own, all together, before the texts of the list.
  let glyphsApart = 0;
  // A numbered finding that ends `… as follows:` takes the bullets after it as its own parts
  // (`8. Implement the following areas for improvement …:`, Norfolk 2015).
  let numberedLeadIn: Unit | undefined;
  for (const block of section.blocks) {
    if (block.type === 'item' && block.text.length === 0) {
      glyphsApart++;
      continue;
    }
    const glyphs = glyphsApart;
    glyphsApart = 0;
    if (block.type === 'item' && !unwrapped && glyphs > 0) {
      const texts = textsOfGlyphs(block, glyphs + 1);
      if (texts) {
        units.push(...texts);
        afterList = true;
        continue;
      }
    }
    const above = units[units.length - 1];
    if (block.type === 'numbered' && noneFound.test(block.text)) continue;
    if (block.type === 'item' || block.type === 'numbered') {
      const [whole, ...ranOn] = block.type === 'item' && !unwrapped ? splitOffRecommendations(block) : [unitOf(block)];
      const head = withoutClosing(whole);
      const depth = block.type === 'item' ? block.depth : 0;
      const partOfAbove = block.type === 'item' && above !== undefined && (above === numberedLeadIn || (depth > 0 && depth > listDepth));
      if (partOfAbove) {
        joinTo(above, head);
      } else {
        units.push(head);
        if (listDepth === Infinity) listDepth = depth;
      }
      if (block.type === 'numbered') numberedLeadIn = block.text.trimEnd().endsWith(':') ? head : undefined;
      units.push(...ranOn);
      afterList = true;
      continue;
    }
    if (block.type === 'paragraph' && listed && afterList && above && goesOn(above, block)) {
      // pdftotext can leave a blank line inside a wrapped bullet, the rest of its sentence
      // standing alone after it (`… care proceedings and` / `plans for permanence for
      // children.`, Lambeth 2022; Bexley 2018, Cornwall 2019), up to a letter's closing
      // sentence (Luton 2018).
      joinTo(above, withoutClosing(unitOf(block)));
      continue;
    }
    if (block.type !== 'paragraph' || framing.test(block.text)) {
      afterList = false;
      if (block.type === 'paragraph') listDepth = Infinity;
      // A lead-in to a list can follow a recommendation of its own in the same block,
      // where pdftotext left no blank line between them (SEND reports); and the closing
      // sentence can follow the last findings (`... improve practice.` / `Ofsted will take
      // the findings ...`, Wolverhampton's focused visit of 2018).
      if (block.type === 'paragraph') {
        const kept = listed ? isRecommendation : (unit: Unit) => !framing.test(unit.parts.join(' '));
        units.push(...splitParagraphs(block, unwrapped).filter(kept));
      }
      continue;
    }
    if (!listed) {
      units.push(...splitParagraphs(block, unwrapped));
    } else if (unwrapped && afterList && lines[block.lines[0].index - 1]?.text.length === 0) {
      // A page break can take the glyph off the bullet after it: a paragraph set apart
      // from the list by a blank line, in the seeds' layout, is one more item of it.
      units.push(unitOf(block));
    } else {
      // Beside a list, a paragraph that asks for something is a finding of its own: a
      // SEND report's areas for priority action, some with bullets and some without.
      units.push(...splitParagraphs(block, unwrapped).filter(isRecommendation));
    }
  }
  return units;
}

/** The finding above takes the lines and text of a part of it. */
function joinTo(finding: Unit, part: Unit): void {
  finding.lines.push(...part.lines);
  finding.parts.push(...part.parts);
}

/**
 * The finding without the letter's closing sentence, where pdftotext ran it on after the
 * last one with no blank line between (`… needs to be revised.` / `Ofsted will take the
 * findings from this focused visit …`, Stoke-on-Trent 2018).
 */
function withoutClosing(unit: Unit): Unit {
  const at = unit.lines.findIndex((line, i) => i > 0 && closingSentence.test(line.text) && /[.!?]$/.test(unit.lines[i - 1].text));
  const tail = unit.lines.slice(at).map((line) => line.text).join(' ');
  const text = unit.parts.join(' ');
  if (at < 0 || !text.endsWith(` ${tail}`)) return unit;
  return { ...unit, lines: unit.lines.slice(0, at), parts: [text.slice(0, -tail.length - 1)] };
}

/**
 * The paragraph finishes the finding's sentence: the finding ends none (nor a list's item,
 * `…; and`), and the paragraph starts in lower case, or in capitals after a word that no
 * sentence ends on (`… rated good or better by` / `Ofsted. Corrective action …`, Slough 2014;
 * `… routinely given to` / a page break / `Fostering to Adopt arrangements …`, Torbay 2016).
 */
function goesOn(finding: Unit, paragraph: Block): boolean {
  const last = finding.parts[finding.parts.length - 1];
  if (/[.!?:;]$|;\s*(?:and|or)$/.test(last) || closingSentence.test(paragraph.text)) return false;
  return /^[a-z]/.test(paragraph.text) || (unfinished.test(last) && /^[A-Z]/.test(paragraph.text));
}

// Not `functionWords`: a sentence can end on `it`, `this` or `be`.
const unfinished = /\b(?:a|an|and|are|as|at|by|for|from|in|into|is|of|on|or|that|the|their|to|which|who|with)$/i;

/**
 * A paragraph that asks for something in any of its sentences: it can say first what is
 * wrong (`Too few families receive an antenatal visit. … Leaders need to ensure …`,
 * Barking and Dagenham SEND 2024).
 */
function isRecommendation(unit: Unit): boolean {
  const text = unit.parts.join(' ');
  return !framing.test(text) && text.split(sentenceBreak).some((sentence) => recommendationStart.test(sentence));
}

const sentenceBreak = /(?<=[.!?])\s+(?=[A-Z])/;

/**
 * An item that completes its lead-in's sentence (`... they should urgently improve:` /
 * `• children’s access to ...`), and the recommendations that pdftotext ran on after it
 * with no blank line between (`... psychology service.` / `Leaders across the partnership
 * should ...`): the item ends at the first line that opens a recommendation after a
 * sentence's end. An item that is a sentence of its own can go on to a second one.
 */
function splitOffRecommendations(block: Block): Unit[] {
  if (!/^[a-z]/.test(block.text)) return [unitOf(block)];
  const opens = (i: number) => recommendationStart.test(`${block.lines[i].text} ${block.lines[i + 1]?.text ?? ''}`);
  const at = block.lines.findIndex((_, i) => i > 0 && /[.!?]$/.test(block.lines[i - 1].text) && opens(i));
  const tail = block.lines.slice(at);
  const tailText = tail.map((line) => line.text).join(' ');
  if (at < 0 || !block.text.endsWith(` ${tailText}`)) return [unitOf(block)];
  const item: Unit = { lines: block.lines.slice(0, at), parts: [block.text.slice(0, -tailText.length - 1)] };
  return [item, ...paragraphsOf(tail).filter(isRecommendation)];
}

/**
 * The texts of `count` glyphs that stood together on lines of their own, all run into the
 * last glyph's block with no blank line between them (Suffolk's SEND report of 2024): the
 * block split where a line ends a sentence and leaves most room for the next line's first
 * word, as many times as it takes; undefined where it cannot be.
 */
function textsOfGlyphs(block: Block, count: number): Unit[] | undefined {
  const lines = block.lines.filter((line) => !bulletOnly.test(line.text));
  const ends = sentenceEnds(lines);
  if (ends.length < count - 1) return undefined;
  return cutAfter(lines, ends.sort((a, b) => b.room - a.room).slice(0, count - 1));
}

const bulletOnly = /^\S$/;

function unitOf(block: Block): Unit {
  return { lines: [...block.lines], parts: [block.text], number: block.type === 'numbered' ? block.number : undefined };
}

// A sentence that opens a new recommendation: `Leaders in health should ensure ...`, or
// `Leaders, including Plymouth City Council, Devon Integrated Care Board, and school and
// college leaders, must ...`, or `Area leaders need to ...` (Derbyshire SEND 2024), not one
// that goes on about the last (`They should ...`).
const recommendationStart = /^(?!(?:They|These|This|It|Its|Their|Such|That|There)\b)(?=[A-Z])[^.;:]{0,161}?\b(?:should|must|(?:[Ll]eaders|partners|partnership) needs? to)\b/;

/**
 * pdftotext leaves no blank line between the paragraphs of a list without bullets (the
 * areas for improvement of a SEND report). A paragraph ended where a line ends a sentence
 * and the next line's first word would have fitted after it, or the next line starts a
 * new recommendation (a paragraph's last line can be full, and extraction sometimes
 * glues two lines into one longer than the rest).
 */
function splitParagraphs(block: Block, unwrapped: boolean): Unit[] {
  if (unwrapped || block.lines.length < 2) return [unitOf(block)];
  return paragraphsOf(block.lines);
}

function paragraphsOf(lines: readonly Line[]): Unit[] {
  return cutAfter(lines, sentenceEnds(lines).filter((end) => end.room >= 0 || recommendationStart.test(lines[end.after + 1].text)));
}

/**
 * Where a line ends a sentence and the next starts one: the line's index, and the room it
 * left, at the width of the longest line, for the next line's first word.
 */
function sentenceEnds(lines: readonly Line[]): { after: number; room: number }[] {
  const width = Math.max(...lines.map((line) => line.text.length));
  const ends: { after: number; room: number }[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next && /[.!?]$/.test(line.text) && /^[A-Z]/.test(next.text)) ends.push({ after: i, room: width - line.text.length - 1 - next.text.split(' ')[0].length });
  });
  return ends;
}

/** The lines as units, a new one after each of the given ends. */
function cutAfter(lines: readonly Line[], ends: readonly { after: number }[]): Unit[] {
  const cuts = new Set(ends.map((end) => end.after));
  const units: Unit[] = [{ lines: [], parts: [] }];
  lines.forEach((line, i) => {
    const unit = units[units.length - 1];
    unit.lines.push(line);
    unit.parts.push(line.text);
    if (cuts.has(i)) units.push({ lines: [], parts: [] });
  });
  return units;
}
