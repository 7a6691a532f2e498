// The table of contents: its entries, then its lines set aside so that the headings it
// repeats are not read as sections. In the seeds each entry ends in a tab and a page
// number; in pdftotext output the contents take the rest of their page.
import type { Part } from '../furniture';
import { headingKey } from '../headings';
import type { Range } from '../../model';
import { linesRange, type Line } from '../../text';
import { findLine } from './lines';

export interface RawContentsEntry {
  readonly title: string;
  readonly page?: number;
  readonly range: Range;
}

export interface Contents {
  readonly entries: readonly RawContentsEntry[];
  /** The contents, heading and entries, if the report has any. */
  readonly parts: readonly Part[];
}

/**
 * A contents line's title and the page number at its end, if it has one (`Progress since
 * the last inspection 7`, `… need to improve?4`; not `Section 2`).
 */
export function pageAtEnd(text: string): { title: string; page?: number } {
  const numbered = /^(.*[^\d\s])\s*(\d{1,3})$/.exec(text);
  if (!numbered || /\b(?:section|part|annex|appendix)$/i.test(numbered[1])) return { title: text };
  return { title: numbered[1], page: Number(numbered[2]) };
}

/**
 * `skip`: the page furniture, which tabbed contents pass over (a PDF's running header with
 * its page number after a tab); pdftotext's contents take the rest of their page.
 */
export function readContents(lines: readonly Line[], end: number, skip: ReadonlySet<number>): Contents {
  const limit = Math.min(end, Math.max(200, Math.floor(lines.length / 3)));
  // The cheap test first: this looks at a third of the report's lines.
  const heading = findLine(lines, 0, limit, (text) => text.length < 20 && headingKey(text) === 'contents');
  if (heading === undefined) return { entries: [], parts: [] };
  const entries: RawContentsEntry[] = [];
  let last = heading;
  const tabbed = lines.slice(heading + 1, heading + 6).some((line) => line.raw.includes('\t'));
  let pending: Line[] = [];
  let titles: string[] = [];
  const flush = (page?: number) => {
    if (pending.length === 0) return;
    entries.push({ title: titles.join(' '), page, range: linesRange(pending[0], pending[pending.length - 1]) });
    pending = [];
    titles = [];
  };
  const add = (line: Line, title = line.text.split('\t')[0].trim()) => {
    pending.push(line);
    titles.push(title);
  };
  for (let i = heading + 1; i < end; i++) {
    const line = lines[i];
    if (tabbed) {
      if (line.text.length === 0 || skip.has(i)) continue;
      if (!line.raw.includes('\t')) break;
      const page = /\t\s*(\d+)\s*$/.exec(line.raw);
      add(line);
      flush(page ? Number(page[1]) : undefined);
      last = i;
      continue;
    }
    if (line.pageBreak && i > heading + 1) break;
    if (line.text.length === 0) continue;
    last = i;
    if (/^\d{1,3}$/.test(line.text)) {
      flush(Number(line.text));
      continue;
    }
    // A line that reads as prose ends the contents.
    if (line.text.length > 100 || /[.;]$/.test(line.text)) {
      last = i - 1;
      break;
    }
    const previous = lines[i - 1];
    if (previous && previous.text.length === 0) flush();
    // pdftotext can keep an entry's page number on its line: the entry ends there.
    const { title, page } = pageAtEnd(line.text);
    add(line, title);
    if (page !== undefined) flush(page);
  }
  flush();
  return { entries, parts: [{ kind: 'contents', from: heading, to: last }] };
}
