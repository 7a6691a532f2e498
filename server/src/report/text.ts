// The text as lines, and the small helpers for comparing report wording. LSP counts
// `\r\n`, `\r` and `\n` as line ends and characters in UTF-16 code units, as JavaScript
// strings do, so a `Line`'s indexes are LSP positions as they stand.
import type { Position, Range } from './model';

export interface Line {
  readonly index: number;
  /** The line without its line end. */
  readonly raw: string;
  /** Where the text starts and ends once white space (and form feeds) are left out. */
  readonly start: number;
  readonly end: number;
  /** The line without surrounding white space or form feeds. */
  readonly text: string;
  /** pdftotext starts each new page with a form feed. */
  readonly pageBreak: boolean;
}

// Found by the regular expression engine rather than character by character in script:
// a keystroke splits the whole document again.
const lineEnd = /\r\n|\r|\n/g;

export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  lineEnd.lastIndex = 0;
  for (let end = lineEnd.exec(source); end !== null; end = lineEnd.exec(source)) {
    lines.push(makeLine(lines.length, source.slice(from, end.index)));
    from = lineEnd.lastIndex;
  }
  lines.push(makeLine(lines.length, source.slice(from)));
  return lines;
}

// White space here includes the form feed, the byte order mark and NUL, so that none of
// them makes a line look like content.
function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 0xfeff || code === 0xa0 || code === 0 || code === 11;
}

function makeLine(index: number, raw: string): Line {
  let start = 0;
  let end = raw.length;
  while (start < end && isBlankCode(raw.charCodeAt(start))) start++;
  while (end > start && isBlankCode(raw.charCodeAt(end - 1))) end--;
  return {
    index,
    raw,
    start,
    end,
    text: start === 0 && end === raw.length ? raw : raw.slice(start, end),
    pageBreak: raw.includes('\f'),
  };
}

function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: position(startLine, startCharacter), end: position(endLine, endCharacter) };
}

/** The range of a line's text, or of lines `first` to `last`. */
export function linesRange(first: Line, last: Line = first): Range {
  return range(first.index, first.start, last.index, last.end);
}

/**
 * Wording folded for comparison: lower case, straight quotes, one kind of dash, no
 * footnote superscripts, single spaces, no closing punctuation. `Children’s services¹:`
 * and `Children's services` compare equal.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Every candidate heading of every report passes here, and most are already folded
  // once in lower case: plain ASCII, single spaces, no closing punctuation.
  if (lower.charCodeAt(0) !== 32 && !closingPunctuation.includes(lower[lower.length - 1]) && !unfolded.test(lower)) return lower;
  const folded = unusual.test(lower) ? lower.replace(foldedCharacters, (character) => foldedAs[character] ?? '') : lower;
  return singleSpaced(folded).replace(trailingPunctuation, '');
}

/** Runs of white space as single spaces; most text needs nothing done, and is left as it is. */
export function singleSpaced(text: string): string {
  return irregularSpace.test(text) ? text.replace(/\s+/g, ' ') : text;
}

// Anything but printable ASCII and single spaces, or a backtick.
const unfolded = /[^\x20-\x5f\x61-\x7e]| {2}/;
const closingPunctuation = ' .:;,?!';
// Two white space characters in a row, or one that is not a space.
const irregularSpace = /\s\s|[^\S ]/;
// Beyond ASCII, or a backtick.
const unusual = /[^\x00-\x5f\x61-\x7f]/;
// Every dash, the minus sign and the box-drawing line that some PDFs print for a dash
// (`Inspection findings ─ the Local Safeguarding Children Board`).
const dashes = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500';
// Superscripts (footnote marks) go; curly quotes, the modifier apostrophe and the
// backtick straighten; the dashes become a hyphen.
const foldedCharacters = new RegExp(`[\u00b9\u00b2\u00b3\u2070-\u2079\u2018\u2019\u02bc\`\u201c\u201d${dashes}]`, 'g');
const foldedAs: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  ...Object.fromEntries([...dashes].map((dash) => [dash, '-'])),
};

// Anchored at both ends and with one character class, so that it stays linear on a
// very long line.
const trailingPunctuation = /^ +|[ .:;,?!]+$/g;

/** The words of a text, folded, for matching by content. */
export function words(text: string): string[] {
  // Folding's spaces and closing punctuation do not change the words: only its lower
  // case, quotes and dropped footnote marks are needed, on whole paragraphs.
  const lower = text.toLowerCase();
  const plain = unusual.test(lower) ? lower.replace(foldedCharacters, (character) => foldedAs[character] ?? '') : lower;
  return plain.match(/[a-z0-9']+/g) ?? [];
}

/**
 * How much two texts share, as the Dice coefficient of their sets of words: 1 when they
 * use the same words, 0 when they share none.
 */
export function overlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return dice(shared, left.size, right.size);
}

/** The Dice coefficient of two sets of these sizes that share `shared` members. */
export function dice(shared: number, leftSize: number, rightSize: number): number {
  return leftSize + rightSize === 0 ? 0 : (2 * shared) / (leftSize + rightSize);
}

/** True when the text is mostly not text: NUL bytes or other control characters. */
export function looksBinary(source: string): boolean {
  // The first few thousand characters tell a binary file from a text.
  const length = Math.min(source.length, 8192);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) control++;
    else if (code === 0xfffd) control++;
  }
  return length > 0 && control / length > 0.1;
}

/** An error's message, first line only: what a one-line message can say of it. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** A file's text without the byte order mark some editors put before it. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The commonest English function words, which say nothing about what a text is about:
 * matching by content leaves them out, each matcher adding the words its own texts share.
 */
export const functionWords: readonly string[] = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'which', 'with',
];

/** The months as reports write them, January first: dates are read by these names. */
export const monthNames: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The months as a pattern's alternatives, `january|february|…`, for a pattern to group as it needs. */
export const anyMonth = monthNames.join('|');

/** `march`, `MARCH` → `March`: a month or a file name's word as a heading writes it. */
export function capitalise(word: string): string {
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}
