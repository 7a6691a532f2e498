// A report's text from its PDF, laid out as pdftotext lays it out, so that the parser
// reads it as it reads the corpus: one line per printed line, a blank line where the
// print leaves a paragraph's gap, a form feed at the start of each new page. PDF.js
// (pdfjs-dist, pure JavaScript) reads the file in this process, with no worker thread,
// no system tools and no fonts beyond what the file holds.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { largestDocument, largestPdf, megabytes } from '../limits';
import { firstLine } from '../text';

/** Why a PDF gives no text, in words that follow "cannot read FILE: ". */
export class PdfError extends Error {
  override name = 'PdfError';
}

export interface PdfTextOptions {
  /** Give up after this long: a damaged file must never keep the server or the CLI waiting. */
  readonly timeoutMs?: number;
}

const defaultTimeoutMs = 30_000;

/** The text of a PDF, pages separated by form feeds; throws PdfError with a one-line reason. */
export async function pdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  if (bytes.length === 0) throw new PdfError('it is empty');
  if (bytes.length > largestPdf) throw new PdfError(`it is ${megabytes(bytes.length)}, over the ${megabytes(largestPdf)} limit for a PDF`);
  // PDF readers accept the header anywhere in the first kilobyte; so does PDF.js.
  if (!hasPdfHeader(bytes)) throw new PdfError('it is not a PDF (no %PDF- header)');

  const pdfjs = await loadPdfJs();
  // A copy: PDF.js hands its input to its worker side, which detaches the caller's buffer,
  // and it refuses a Node Buffer.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // Text only: no fonts turned into code, loaded into a page or looked for on the system.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // PDF.js warns with console.log, which is the CLI's standard output.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  // PDF.js works in steps between which the timer can run; destroying the task ends it.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError(`reading it took longer than ${duration(timeoutMs)}`)), timeoutMs);
  });
  const reading = readPages(task);
  reading.catch(() => undefined); // once timed out, its own end is of no interest
  try {
    const { text, pages } = await Promise.race([reading, timeout]);
    if (text.trim() === '') throw new PdfError(pages === 0 ? 'it has no pages' : 'it has no text: its pages may be scanned images, which need OCR first');
    return text;
  } catch (error) {
    throw asPdfError(error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

type LoadingTask = ReturnType<PdfJs['getDocument']>;

async function readPages(task: LoadingTask): Promise<{ text: string; pages: number }> {
  const document = await task.promise;
  const pages: PrintedLine[][] = [];
  let characters = 0;
  for (let number = 1; number <= document.numPages; number++) {
    // PDF.js without a worker works on promises alone, which would hold the event loop
    // until the last page: a pause between pages lets the timeout and, in the language
    // server, other requests through.
    await new Promise((resolve) => setImmediate(resolve));
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const lines = printedLines(content.items.filter(isTextItem));
    for (const line of lines) characters += line.text.length + 1;
    if (characters > largestDocument) throw new PdfError(`its text is over ${megabytes(largestDocument)}, more than any report`);
    pages.push(lines);
  }
  return { text: layOut(pages), pages: document.numPages };
}

/** True when `%PDF-` opens the file or appears within its first kilobyte. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

const importPdfJs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJs = Awaited<ReturnType<typeof importPdfJs>>;
let pdfJs: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded on the first PDF only: it is larger than all the rest, so the bundles
 * load it from dist/pdfjs.js beside them (esbuild.mjs), and the tests from its package.
 * The legacy build runs on Node 20. Its worker module registers itself on load as
 * `globalThis.pdfjsWorker`, which PDF.js then uses in this thread instead of loading
 * `pdf.worker.mjs` from a file.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJs ??= (async () => {
    // On load PDF.js looks for a canvas package to draw pages with, which reading text
    // does not need, and says so with console.log when it is missing (as in the packaged
    // extension): that line must not land in the CLI's JSON output.
    const log = console.log;
    console.log = () => undefined;
    try {
      const library = await importPdfJs();
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return library;
    } finally {
      console.log = log;
    }
  })();
  return pdfJs;
}

function asPdfError(error: unknown): PdfError {
  if (error instanceof PdfError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = firstLine(error);
  if (name === 'PasswordException') return new PdfError('it is protected by a password');
  if (name === 'InvalidPDFException') return new PdfError(`it is damaged or not a PDF (${message.replace(/\.$/, '')})`);
  return new PdfError(`it could not be read as a PDF (${message.replace(/\.$/, '')})`);
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item && 'transform' in item;
}

// ------------------------------------------------------------------ lines of print

/** Text drawn in one go at one place: a word, a line, or a table's cell. */
interface Run {
  readonly text: string;
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly width: number;
  /** The font's height on the page. */
  readonly size: number;
  /** A space character follows it in the file. */
  readonly spaceAfter?: boolean;
}

/** One line as printed: its text, its baseline and its largest font. */
interface PrintedLine {
  readonly text: string;
  readonly y: number;
  readonly size: number;
  /** The line's parts between wide gaps (a table's cells), left to right; the whole line when absent. */
  readonly cells?: readonly Cell[];
}

/** Text on a line between wide gaps, and where it starts and ends. */
interface Cell {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

/**
 * The page's runs gathered into lines, top to bottom, each line's runs left to right:
 * by position rather than by the order of drawing, because a footer or a table cell may
 * be drawn before the text above it.
 */
export function printedLines(items: readonly TextItem[]): PrintedLine[] {
  const runs: Run[] = [];
  const turned: PrintedLine[] = [];
  for (const item of items) {
    // PDF.js marks line ends with empty items, and fills wide gaps with a space item as
    // wide as the gap: the runs' places say the same, and say a tab from a space. A space
    // that starts where the run before it ends is noted: the run's words end there.
    if (item.str.trim() === '') {
      const last = runs[runs.length - 1];
      const [, , , , x, y] = item.transform as number[];
      if (item.str.length > 0 && last && Math.abs(last.y - y) < 0.1 * last.size && Math.abs(last.x + last.width - x) < 0.1 * last.size) {
        runs[runs.length - 1] = { ...last, spaceAfter: true };
      }
      continue;
    }
    const [a, b, c, d, x, y] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    // Text turned on its side has no place in a line: it stands on its own. Text slanted
    // (c alone: an italic made from an upright font, as some reports' sub-headings are)
    // is upright on its line.
    if (Math.abs(b) > 1e-3 * Math.abs(a) || a < 0) {
      turned.push({ text: item.str.trim(), y, size });
      continue;
    }
    runs.push({ text: item.str, x, y, width: item.width, size });
  }
  lowerRaisedMarks(runs);
  runs.sort((left, right) => right.y - left.y || left.x - right.x);

  const grouped: Run[][] = [];
  for (const run of runs) {
    const current = grouped[grouped.length - 1];
    // Within 40% of a line's height: the same line, superscripts and subscripts included.
    if (current && Math.abs(current[0].y - run.y) <= 0.4 * Math.max(current[0].size, run.size)) current.push(run);
    else grouped.push([run]);
  }
  for (const current of grouped) current.sort((left, right) => left.x - right.x);
  const columns = columnStarts(grouped);
  const lines: PrintedLine[] = [];
  for (const current of grouped) {
    const cells = lineCells(current, columns);
    const text = cells.map((cell) => cell.text).join('\t');
    // The line's baseline is its largest font's: a footnote mark is raised above it.
    const largest = current.reduce((big, run) => (run.size > big.size ? run : big));
    if (text.trim() !== '') lines.push({ text, y: largest.y, size: largest.size, cells });
  }
  return [...lines, ...turned.filter((line) => line.text !== '')];
}

/** Where the page's lines start a cell after a gap no word space leaves: its columns' left edges. */
function columnStarts(lines: readonly (readonly Run[])[]): number[] {
  const starts: number[] = [];
  for (const runs of lines) {
    for (let i = 1; i < runs.length; i++) {
      if (gapBetween(runs[i - 1], runs[i]) > cellGap * Math.max(runs[i].size, runs[i - 1].size)) starts.push(runs[i].x);
    }
  }
  return starts;
}

/**
 * A footnote mark set small and raised well above the baseline of the word it follows
 * (`Board¹` in a 14-point title: a 9-point `1` raised 6.5 points) would make a line of its
 * own above that word's; pdftotext keeps it on the word's line (`Board1`), and so must
 * this, or the heading is lost. A mark is moved down onto the baseline of a larger run
 * that ends where it starts, below it by no more than 60% of that run's height.
 */
function lowerRaisedMarks(runs: Run[]): void {
  for (let i = 0; i < runs.length; i++) {
    const mark = runs[i];
    if (mark.text.trim().length > 4) continue;
    const word = runs.find(
      (run) =>
        run.size > mark.size * 1.15 &&
        mark.y > run.y &&
        mark.y - run.y < 0.6 * run.size &&
        Math.abs(mark.x - (run.x + run.width)) < 0.3 * run.size,
    );
    if (word) runs[i] = { ...mark, y: word.y };
  }
}

/** A gap wider than this many ems is between a table's cells, not words. */
const cellGap = 1.5;

/** The space between the end of one run and the start of the next on its line. */
function gapBetween(before: Run, run: Run): number {
  return run.x - (before.x + before.width);
}

/**
 * The runs of one line as cells: nothing between runs that touch, a space where a word
 * space was left, and a new cell where a table's columns leave a wide gap (the seeds'
 * tables read `Executive summary<TAB>2`).
 */
function lineCells(runs: readonly Run[], columns: readonly number[]): Cell[] {
  const cells: Cell[] = [];
  let text = runs[0].text;
  let x = runs[0].x;
  for (let i = 1; i <= runs.length; i++) {
    const before = runs[i - 1];
    const run = runs[i];
    const em = Math.max(before.size, run?.size ?? 0);
    const gap = run ? gapBetween(before, run) : Infinity;
    // A narrower gap is a new cell too where the run starts at a column's left edge that
    // other lines of the page leave a wide gap before (Halton 2020: `… children who need help`
    // ends 1.35 em short of the grades' column).
    const atColumn = run !== undefined && gap > 0.5 * em && columns.some((start) => Math.abs(start - run.x) < 0.1 * em);
    if (gap > cellGap * em || atColumn) {
      cells.push({ text: cells.length === 0 ? text.trimEnd() : text.trim(), x, right: before.x + before.width });
      if (!run) break;
      text = run.text;
      x = run.x;
      continue;
    }
    // A gap of a tenth of an em is a space: a paragraph's number `10.` ends that close to
    // its text set at the indent (Bracknell Forest 2026), and pdftotext writes `10. Social`.
    // So is a space in the file, however narrow the gap (Bournemouth, Christchurch and
    // Poole 2020: `10.`, ` `, `However`), but before a footnote mark set smaller (`area2`).
    const written = before.spaceAfter === true && run.size > 0.85 * before.size;
    const spaced = (gap > 0.08 * em || written) && !/\s$/.test(text) && !/^\s/.test(run.text);
    text += spaced ? ` ${run.text}` : run.text;
  }
  return cells;
}

/**
 * The pages' lines as one text. A blank line goes where the gap between two lines is
 * clearly wider than the document's usual line spacing (a paragraph's or a heading's
 * space); each page after the first starts with a form feed, as pdftotext writes them,
 * which the parser takes for a page break (running headers, footers and page numbers).
 */
export function layOut(pages: readonly (readonly PrintedLine[])[]): string {
  const spacing = usualSpacing(pages);
  const out: string[] = [];
  pages.forEach((lines, page) => {
    const feed = page > 0 ? '\f' : '';
    const written = writtenLines(lines, spacing);
    if (written.length === 0) {
      if (feed) out.push(feed);
      return;
    }
    written.forEach((line, i) => {
      // pdftotext takes a line that ends in a hyphen to go on in the next (`partnership-` /
      // `wide workforce`), and writes them as one with the hyphen left out; the parser's
      // measure of a paragraph's width counts on it.
      if (i > 0 && !line.gap && /[\p{L}\p{N}]-$/u.test(out[out.length - 1])) {
        out[out.length - 1] = out[out.length - 1].slice(0, -1) + line.text;
        return;
      }
      if (i > 0 && line.gap) out.push('');
      out.push(i === 0 ? feed + line.text : line.text);
    });
  });
  return out.join('\n');
}

/** A line of the text, and whether a paragraph's gap comes before it. */
interface Written {
  readonly text: string;
  readonly gap: boolean;
}

/**
 * A page's lines as written: each as printed, but not where a table's cells wrap, whose
 * lines cut across its columns (`The experiences and progress of<TAB>Good` / `children in
 * care`) so that no reader can put a cell together again. A row of a few lines is written
 * as one line (`The experiences and progress of children in care<TAB>Good`), as the seeds'
 * rows are; a table whose cells run to paragraphs and lists, column by column, as
 * pdftotext writes it.
 */
function writtenLines(lines: readonly PrintedLine[], spacing: number | undefined): Written[] {
  const wide = (above: PrintedLine, below: PrintedLine) => spacing !== undefined && gapRatio(above, below) > spacing * 1.3;
  const out: Written[] = [];
  const rowsShort = rowsWithoutLastCell(lines);
  const plain = (i: number) => ({ text: rowsShort.has(i) ? `${lines[i].text}\t` : lines[i].text, gap: i > 0 && wide(lines[i - 1], lines[i]) });
  let i = 0;
  for (const table of tables(lines, spacing)) {
    for (; i < table.start; i++) out.push(plain(i));
    const gapBefore = i > 0 && wide(lines[i - 1], lines[i]);
    const parts = table.columns.map((column) =>
      table.cells.flatMap((cells, row) => {
        const mine = cells.filter((cell) => cell.x >= column.x && cell.right <= column.right);
        return mine.length > 0 ? [{ line: lines[table.start + row], text: mine.map((cell) => cell.text).join('\t') }] : [];
      }),
    );
    const joined = (part: (typeof parts)[number]) => part.every((cell, n) => n === 0 || !wide(part[n - 1].line, cell.line));
    if (parts.every((part) => part.length <= 4 && joined(part))) {
      // One row whose cells wrap: its cells' lines joined, as the seeds' rows read.
      out.push({ text: parts.map((part) => part.map((cell) => cell.text).join(' ')).join('\t'), gap: gapBefore });
    } else {
      // Column by column, as pdftotext reads a table; a column's cells are apart where
      // the other columns' lines come between them.
      parts.forEach((part, k) =>
        part.forEach((cell, n) => out.push({ text: cell.text, gap: n > 0 ? wide(part[n - 1].line, cell.line) : k === 0 ? gapBefore : true })),
      );
    }
    i = table.end;
  }
  for (; i < lines.length; i++) out.push(plain(i));
  return out;
}

/**
 * The lines of a table of contents whose entries have no page number of their own
 * (`The local authority<TAB>5` / `Information about this local authority area` /
 * `Recommendations` / `Summary for children and young people<TAB>5`): up to three lines of
 * one cell between two rows whose last cells line up, each ending short of that column.
 * Each is written with a tab after it, a row with its last cell empty, as the seeds have
 * them, so that the contents do not end at the first of them.
 */
function rowsWithoutLastCell(lines: readonly PrintedLine[]): Set<number> {
  const cells = lines.map(columnCells);
  const rows = cells.flatMap((row, i) => (row.length > 1 ? [i] : []));
  const found = new Set<number>();
  for (let r = 1; r < rows.length; r++) {
    const [above, below] = [rows[r - 1], rows[r]];
    if (below - above < 2 || below - above > 4) continue;
    const [first, last] = [cells[above][cells[above].length - 1], cells[below][cells[below].length - 1]];
    if (Math.abs(first.right - last.right) > lines[above].size) continue;
    const between = cells.slice(above + 1, below);
    if (between.every((row) => row.length === 1 && row[0].right < Math.min(first.x, last.x))) {
      for (let i = above + 1; i < below; i++) found.add(i);
    }
  }
  return found;
}

interface Table {
  readonly start: number;
  readonly end: number;
  /** Each line's cells, a paragraph's number or a bullet kept with the text after it. */
  readonly cells: readonly (readonly Cell[])[];
  /** From left to right, the space each column's cells take. */
  readonly columns: readonly Cell[];
}

/**
 * The page's tables whose cells wrap: lines with no paragraph's gap between them whose
 * cells stand in two or more columns, found from a line of several cells, or from two
 * lines closer than a line's spacing side by side (a grade centred beside its area:
 * `Requires` / `1. Children who need help and protection` / `Improvement`). Only a
 * table whose cells wrap is taken apart: one with a line that leaves the first column
 * empty, or whose words go on in lower case under a cell (`achieving` / `permanence`).
 * Any other is left as it is, one row a line with tabs (the seeds' layout, which the
 * parser reads as it reads pdftotext's one cell a line).
 */
function tables(lines: readonly PrintedLine[], spacing: number | undefined): Table[] {
  if (spacing === undefined) return [];
  const cells = lines.map(columnCells);
  // A table's rows are set in one size: a heading set larger, its grade boxed beside it,
  // is a row of its own and not one with the text under it (Camden 2017: `The experiences
  // and progress of` / `Good` / `children who need help and protection`, then `Summary`).
  const joined = (above: number, below: number) =>
    gapRatio(lines[above], lines[below]) <= spacing * 1.3 && Math.abs(lines[above].size - lines[below].size) <= 0.1 * Math.max(lines[above].size, lines[below].size);
  // Closer than nine tenths of the usual spacing: a grade set 0.85 of a line above its
  // area (Sefton 2016), which is no line of text of its own.
  const close = (above: number, below: number) => gapRatio(lines[above], lines[below]) < spacing * 0.9;
  const found: Table[] = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    const sideBySide = i + 1 < lines.length && close(i, i + 1) && columnsOf([...cells[i], ...cells[i + 1]]).length > 1;
    if (cells[i].length < 2 && !sideBySide) continue;
    let start = i;
    let end = cells[i].length < 2 ? i + 2 : i + 1;
    let columns = columnsOf(cells.slice(start, end).flat());
    for (let grown = true; grown; ) {
      grown = false;
      if (start > floor && joined(start - 1, start) && fits(cells[start - 1], columns)) {
        start--;
        grown = true;
      }
      if (end < lines.length && joined(end - 1, end) && fits(cells[end], columns)) {
        end++;
        grown = true;
      }
      if (grown) columns = columnsOf(cells.slice(start, end).flat());
    }
    const rows = cells.slice(start, end);
    const column = (cell: Cell) => columns.findIndex((each) => cell.x >= each.x && cell.right <= each.right);
    const wraps = rows.some(
      (row, r) =>
        !row.some((cell) => column(cell) === 0) ||
        (r > 0 && row.some((cell) => /^\p{Ll}/u.test(cell.text) && rows[r - 1].some((above) => column(above) === column(cell)))),
    );
    if (columns.length > 1 && wraps) found.push({ start, end, cells: rows, columns });
    floor = end;
    i = end - 1;
  }
  return found;
}

/**
 * A line's cells for finding columns: a paragraph's number or a bullet set apart from
 * its text by a wide gap (`99.<TAB>There are detailed action plans`) belongs with it.
 */
function columnCells(line: PrintedLine): Cell[] {
  const cells = [...(line.cells ?? [{ text: line.text, x: 0, right: Infinity }])];
  if (cells.length > 1 && /^(?:\d{1,3}\.?|[^\p{L}\p{N}\s]{1,2})$/u.test(cells[0].text)) {
    cells.splice(0, 2, { text: `${cells[0].text}\t${cells[1].text}`, x: cells[0].x, right: cells[1].right });
  }
  return cells;
}

/** The spaces that cells take across the page, overlapping ones merged: the columns. */
function columnsOf(cells: readonly Cell[]): Cell[] {
  const columns: { text: string; x: number; right: number }[] = [];
  for (const cell of [...cells].sort((left, right) => left.x - right.x)) {
    const last = columns[columns.length - 1];
    if (last && cell.x <= last.right) last.right = Math.max(last.right, cell.right);
    else columns.push({ text: '', x: cell.x, right: cell.right });
  }
  return columns;
}

/** True when no cell reaches across the gap between two columns. */
function fits(cells: readonly Cell[], columns: readonly Cell[]): boolean {
  return cells.every((cell) => columns.every((column, k) => k === 0 || !(cell.x < columns[k - 1].right && cell.right > column.x)));
}

/** The gap between two lines' baselines, in heights of the larger font. */
function gapRatio(above: PrintedLine, below: PrintedLine): number {
  return (above.y - below.y) / Math.max(above.size, below.size, 1e-6);
}

/** The most common gap between consecutive lines, in font heights (to the nearest 0.05). */
function usualSpacing(pages: readonly (readonly PrintedLine[])[]): number | undefined {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const ratio = Math.round(gapRatio(lines[i - 1], lines[i]) * 20) / 20;
      if (ratio > 0) counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
    }
  }
  let usual: number | undefined;
  let most = 0;
  for (const [ratio, count] of counts) {
    if (count > most || (count === most && usual !== undefined && ratio < usual)) {
      usual = ratio;
      most = count;
    }
  }
  return usual;
}
