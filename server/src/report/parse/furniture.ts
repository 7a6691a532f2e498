// What the page put on the text and the report did not say: running headers and footers,
// page numbers, footnotes and the publisher's closing page. pdftotext starts each page
// with a form feed; a running footer is the same line (digits aside) near many of them.
// Furniture of every kind, the front matter's too, is set aside from the body here.
import type { Furniture, FurnitureKind } from '../model';
import { linesRange, singleSpaced, type Line } from '../text';

/** A stretch of the text that is not the report's body: its lines `from` to `to`, both included. */
export interface Part {
  readonly kind: FurnitureKind;
  readonly from: number;
  readonly to: number;
}

/** The content lines set aside from the body, and the furniture they make. */
export interface Aside {
  readonly skip: ReadonlySet<number>;
  readonly furniture: readonly Furniture[];
}

/**
 * `aside` with `parts` set aside after it, in order. A part takes the content lines of
 * its stretch that nothing before it took, and is one piece of furniture from the first of
 * them to the last: a title block runs around the judgement table set aside before it.
 */
export function setAside(lines: readonly Line[], aside: Aside, parts: readonly Part[]): Aside {
  const skip = new Set(aside.skip);
  const furniture = [...aside.furniture];
  for (const { kind, from, to } of parts) {
    let first: Line | undefined;
    let last: Line | undefined;
    for (let i = from; i <= to && i < lines.length; i++) {
      if (lines[i].text.length === 0 || skip.has(i)) continue;
      skip.add(i);
      first ??= lines[i];
      last = lines[i];
    }
    if (first && last) furniture.push({ kind, range: linesRange(first, last) });
  }
  return { skip, furniture };
}

/** How many content lines before and after a page break may be running furniture. */
const window = 4;

export function findPageFurniture(lines: readonly Line[]): Aside {
  const parts: Part[] = [];
  const mark = (line: Line, kind: FurnitureKind) => {
    parts.push({ kind, from: line.index, to: line.index });
  };

  const breaks = lines.filter((line) => line.pageBreak).map((line) => line.index);
  const nearBreak = (index: number, visit: (line: Line) => void) => {
    // Back from the break over the footer of the page before, and on over the header of
    // the page after (the form feed stands on the new page's first line).
    let seen = 0;
    for (let i = index - 1; i >= 0 && seen < window; i--) {
      if (lines[i].pageBreak) break;
      if (lines[i].text.length === 0) continue;
      visit(lines[i]);
      seen++;
    }
    seen = 0;
    for (let i = index; i < lines.length && seen < 2; i++) {
      if (i > index && lines[i].pageBreak) break;
      if (lines[i].text.length === 0) continue;
      visit(lines[i]);
      seen++;
    }
  };

  // Running headers and footers: the same words near at least two page breaks, and near
  // a third of them in a long document.
  const counts = new Map<string, number>();
  // Each line near a break is looked at twice: its key is made once.
  const keys = new Map<number, string | undefined>();
  const keyOf = (line: Line) => {
    if (!keys.has(line.index)) keys.set(line.index, isRunningCandidate(line.text) ? runningKey(line.text) : undefined);
    return keys.get(line.index);
  };
  for (const index of breaks) {
    const seenHere = new Set<string>();
    nearBreak(index, (line) => {
      const key = keyOf(line);
      if (key === undefined || seenHere.has(key)) return;
      seenHere.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }
  const needed = Math.max(2, Math.ceil(breaks.length / 3));
  for (const index of breaks) {
    nearBreak(index, (line) => {
      if (/^\d{1,3}$/.test(line.text)) mark(line, 'page-number');
      else {
        const key = keyOf(line);
        if (key !== undefined && (counts.get(key) ?? 0) >= needed) mark(line, 'running-header');
      }
    });
  }
  // The last page number stands before the final form feed, or at the very end.
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
    if (/^\d{1,3}$/.test(lines[i].text)) mark(lines[i], 'page-number');
    if (lines[i].text.length > 0 && !/^\d{1,3}$/.test(lines[i].text)) break;
  }

  // Footnotes that the seeds keep as lines of their own: `¹ Ofsted produces ...`.
  for (const line of lines) {
    if (/^[\u00b9\u00b2\u00b3\u2070-\u2079]\s/.test(line.text)) mark(line, 'footnote');
  }
  return setAside(lines, { skip: new Set(), furniture: [] }, parts);
}

// A running header has words: `12.` at the top of many pages is a paragraph number. Or
// it is the year that a footer's dates wrapped onto a line of its own (`Area SEND
// inspection report: Telford and Wrekin Local Area Partnership, 20 to 24 March` / `2023`).
function isRunningCandidate(text: string): boolean {
  return text.length <= 160 && (/(?:[^A-Za-z]*[A-Za-z]){3}/.test(text) || /^(?:19|20)\d\d$/.test(text));
}

/** A line's text with its digits masked, so that `Page 2` and `Page 3` compare equal. */
function runningKey(text: string): string {
  return singleSpaced(text.toLowerCase().replace(/\d+/g, '#'));
}

// The publisher's closing page of a report: complaints, copyright, the Ofsted address.
const colophonStart =
  /^(?:the office for standards in education, children[’']s services and skills|any complaints about the inspection|if you are not happy with the inspection|ofsted has a duty to)/i;

/** The first line of the publisher's closing page in the last third of the text. */
export function findColophon(lines: readonly Line[]): number | undefined {
  for (let i = Math.floor((lines.length * 2) / 3); i < lines.length; i++) {
    if (lines[i].text.length < 400 && colophonStart.test(lines[i].text)) return i;
  }
  return undefined;
}
