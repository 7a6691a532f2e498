// Lines into blocks: a heading, a bullet item, a numbered paragraph or a plain paragraph,
// each with the lines it covers. This is where both extraction styles meet: the seeds put
// one paragraph on a line, pdftotext hard-wraps them; both break pages in the middle of a
// sentence, and the fragment after the break is joined to the block it belongs to.
import type { Line } from '../text';

interface Covered {
  /** The content lines it covers, first to last, page furniture left out. */
  readonly lines: readonly Line[];
  /** The text, lines joined by single spaces, marker left out. */
  readonly text: string;
}

// A fragment after a page break goes on the text above it, never on a heading.
interface Continuable extends Covered {
  /** Part of it came after a page break. */
  readonly continued: boolean;
}

export interface HeadingBlock extends Covered {
  readonly type: 'heading';
}

export interface ItemBlock extends Continuable {
  readonly type: 'item';
  /** Bullet glyph (empty for a bullet whose glyph extraction lost). */
  readonly glyph: string;
  /** 0 for a bullet, 1 for a sub-bullet. */
  readonly depth: number;
}

export interface NumberedBlock extends Continuable {
  readonly type: 'numbered';
  readonly number: number;
}

export interface ParagraphBlock extends Continuable {
  readonly type: 'paragraph';
}

export type Block = HeadingBlock | ItemBlock | NumberedBlock | ParagraphBlock;

export interface BlockOptions {
  /** Lines that are page furniture (running headers and footers, page numbers, footnotes). */
  readonly skip: ReadonlySet<number>;
  /** How many lines, from the given one, form a heading: 0 when none does. */
  readonly headingAt: (lines: readonly Line[], index: number) => number;
  /** One paragraph a line (the seeds) rather than hard-wrapped (pdftotext). */
  readonly unwrapped: boolean;
}

// Bullet glyphs seen in the seeds and the corpus: hyphen, bullet, black medium square,
// private-use glyphs of the Symbol and Wingdings fonts, and dashes for sub-bullets (`⎯`,
// Manchester's focused visit of 2020).
const bulletGlyph = /^([-\u2022\u25aa\u25fc\u25a0\u25cf\uf06e\uf0a7\uf02d\uf0b7\uf0d8\uf0fc\u2015\u2212\u23af\u27a2]|o(?=\s))(?:\s+|$)/;
const subBulletGlyphs = new Set(['\u2015', '\u2212', '\u23af', 'o', '\uf02d']);
const paragraphNumber = /^(?:-\s+)?(\d{1,3})\.(?=\s|$)\s*/;
const sentenceEnd = /[.!?:;)\]"'\u201d\u2019]$/;
// Words that a number follows in a sentence (`Key Stage 2`, `Year 11`, `beyond 18`).
const numberedPhrase = /\b(?:stage|year|years|phase|level|tier|step|aged?|beyond|over|under|until)$/i;

/** What a bullet or a paragraph number says of the block it opens. */
type Marked = Pick<ItemBlock, 'type' | 'glyph' | 'depth'> | Pick<NumberedBlock, 'type' | 'number'>;

interface Marker {
  readonly marked: Marked;
  /** Where the text after the marker starts within the line's text. */
  readonly skip: number;
}

function markerOf(line: Line, unwrapped: boolean): Marker | undefined {
  const text = line.text;
  const numbered = paragraphNumber.exec(text);
  if (numbered) return { marked: { type: 'numbered', number: Number(numbered[1]) }, skip: numbered[0].length };
  const bullet = bulletGlyph.exec(text);
  if (bullet) {
    const glyph = bullet[1];
    // In the seeds, sub-bullets are indented: ` - in primary schools ...`.
    const depth = subBulletGlyphs.has(glyph) || /^[ \t]/.test(line.raw) ? 1 : 0;
    return { marked: { type: 'item', glyph, depth }, skip: bullet[0].length };
  }
  // A bullet whose glyph extraction lost keeps the single space that followed it.
  if (unwrapped && line.start === 1 && line.raw.charCodeAt(0) === 32) return { marked: { type: 'item', glyph: '', depth: 0 }, skip: 0 };
  return undefined;
}

/** A line that opens a bullet item or a numbered paragraph. */
export function startsListItem(text: string): boolean {
  return paragraphNumber.test(text) || bulletGlyph.test(text);
}

function startsLowerCase(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 97 && code <= 122;
}

interface Draft {
  /** Its type, with the fields of that type: an item's glyph and depth, a paragraph's number. */
  readonly kind: Marked | { readonly type: 'heading' } | { readonly type: 'paragraph' };
  readonly lines: Line[];
  readonly parts: string[];
  continued: boolean;
  /** Its glyph or number stood alone on its line, its text after a blank line. */
  apart?: boolean;
}

export function buildBlocks(lines: readonly Line[], options: BlockOptions): Block[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  // Blank lines and page breaks seen since the last content line.
  let blanks = 0;
  let pageBreak = false;
  let lastNumber = Number.NaN;

  const close = () => {
    if (current) drafts.push(current);
    if (current?.kind.type === 'numbered') lastNumber = current.kind.number;
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.pageBreak) pageBreak = true;
    if (line.text.length === 0 || options.skip.has(i)) {
      if (line.text.length === 0) blanks++;
      continue;
    }
    const afterBreak = pageBreak || blanks >= 2;
    const gap = blanks > 0 || pageBreak;
    blanks = 0;
    pageBreak = false;

    // The text of a bullet or number that stood alone on its line, on the same page, is no
    // heading, whatever it says (Rotherham 2018: a glyph, then `Experiences and progress of
    // care leavers: inadequate` among the previous inspection's grades). A glyph left alone
    // at the foot of a page is followed by the next page's heading.
    const awaited = !afterBreak && (current?.kind.type === 'numbered' || current?.kind.type === 'item') && current.parts.length === 0;
    const headingLines = awaited ? 0 : options.headingAt(lines, i);
    if (headingLines > 0) {
      close();
      const last = Math.min(lines.length - 1, i + headingLines - 1);
      const covered = lines.slice(i, last + 1);
      drafts.push({ kind: { type: 'heading' }, lines: covered, parts: covered.map((l) => l.text), continued: false });
      i = last;
      continue;
    }

    let marker = markerOf(line, options.unwrapped);
    // `... in 2014–` / `15. Inspectors found`: a wrapped line that starts with a number is
    // no new paragraph while the full line above it leaves its sentence unfinished, unless
    // it is the next number of the paragraph it would go on (a recommendation that ends
    // without its full stop, `... drive improvements in service quality` / `45. Ensure`).
    const above = lines[i - 1];
    // The next number of the paragraph it would go on, or of the last numbered paragraph
    // before a subheading (`Planning and support for children who are looked after` / `15. Improve`).
    const nextNumber = marker?.marked.type === 'numbered' && marker.marked.number === (current?.kind.type === 'numbered' ? current.kind.number : lastNumber) + 1;
    if (marker?.marked.type === 'numbered' && !nextNumber && !gap && !options.unwrapped && current && above.text.length >= 50 && !endsSentence(above.text)) {
      marker = undefined;
    }
    const previous = current ?? drafts[drafts.length - 1];
    // `... by the end of Key Stage` / a page break / `2. However, ...`: the number ends the
    // sentence over the break, as the next paragraph's number would not.
    const endsPhrase = marker?.marked.type === 'numbered' && !nextNumber && afterBreak && previous !== undefined && numberedPhrase.test(previous.parts[previous.parts.length - 1] ?? '');
    if (endsPhrase) marker = undefined;
    // A fragment after a page break that starts in lower case ends the sentence before it,
    // as does any after a comma (`… strategic planning for, and evaluation of,` / `SEND
    // services that improve …`, Oxfordshire SEND 2023).
    const afterComma = previous !== undefined && (previous.parts[previous.parts.length - 1] ?? '').endsWith(',');
    if (!marker && afterBreak && previous && previous.kind.type !== 'heading' && (startsLowerCase(line.text) || endsPhrase || afterComma)) {
      previous.lines.push(line);
      previous.parts.push(line.text);
      previous.continued = true;
      // The block was closed already: take it back to receive what follows.
      if (previous !== current) current = drafts.pop();
      continue;
    }
    // Hard-wrapped text: a line with no marker and no gap before it goes on the block above,
    // but for a subheading between numbered paragraphs with no blank line around it.
    if (!marker && !gap && current && !options.unwrapped && current.kind.type !== 'heading' && !isSubheading(current, lines, i)) {
      current.parts.push(line.text);
      current.lines.push(line);
      continue;
    }
    // pdftotext puts a paragraph number, or a bullet glyph, alone on its line and its
    // text after a blank line.
    if (!marker && (current?.kind.type === 'numbered' || current?.kind.type === 'item') && current.parts.length === 0) {
      current.lines.push(line);
      current.parts.push(line.text);
      current.apart = true;
      continue;
    }
    // In such a list, where pdftotext wrote the glyphs apart from their texts, it can
    // leave one text without its glyph: a text in lower case after a blank line, under an
    // item whose glyph stood apart, is the next item (Hillingdon's SEND report of 2024).
    if (!marker && gap && !afterBreak && current?.kind.type === 'item' && current.apart && startsLowerCase(line.text)) {
      marker = { marked: { type: 'item', glyph: '', depth: current.kind.depth }, skip: 0 };
    }
    close();
    const rest = marker ? line.text.slice(marker.skip) : line.text;
    current = {
      kind: marker?.marked ?? { type: 'paragraph' },
      lines: [line],
      parts: rest.length > 0 ? [rest] : [],
      continued: false,
    };
  }
  close();

  return drafts.map(({ kind, lines, parts, continued }): Block => {
    const text = parts.join(' ');
    // Field by field: spreading `kind` here took longer than all the rest of buildBlocks.
    switch (kind.type) {
      case 'heading':
        return { type: 'heading', lines, text };
      case 'item':
        return { type: 'item', lines, text, glyph: kind.glyph, depth: kind.depth, continued };
      case 'numbered':
        return { type: 'numbered', lines, text, number: kind.number, continued };
      case 'paragraph':
        return { type: 'paragraph', lines, text, continued };
    }
  });
}

/**
 * A short capitalised line that ends no sentence, between the end of a numbered paragraph
 * and the next number: a subheading, as it is after a blank line (`… effectiveness.` /
 * `Business Operation` / `139. Review …`, West Berkshire 2015), not more of the paragraph.
 */
function isSubheading(current: Draft, lines: readonly Line[], i: number): boolean {
  if (current.kind.type !== 'numbered' || !endsSentence(lines[i - 1].text)) return false;
  const text = lines[i].text;
  const next = lines[i + 1] && markerOf(lines[i + 1], false)?.marked;
  return text.length < 60 && /^[A-Z][^.,;:]*$/.test(text) && next?.type === 'numbered' && next.number === current.kind.number + 1;
}

/** True when a text stops at the end of a sentence. */
function endsSentence(text: string): boolean {
  return sentenceEnd.test(text);
}
