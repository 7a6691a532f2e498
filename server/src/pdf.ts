// A report's text from its PDF, laid out as pdftotext lays it out, so that the parser
// reads it as it reads the corpus: one line per printed line, a blank line where the
// print leaves a paragraph's gap, a form feed at the start of each new page. PDF.js
// (pdfjs-dist, pure JavaScript) reads the file in this process, with no worker thread,
// no system tools and no fonts beyond what the file holds.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** Why a PDF gives no text, in words that follow "cannot read FILE: ". */
export class PdfError extends Error {
  override name = 'PdfError';
}

// A report is text with a logo or two: a PDF this large is not one, and PDF.js holds
// all of it in memory.
export const largestPdf = 32 * 1024 * 1024;

// The language server declines documents over 10 MB of text (ServerOptions.largestDocument).
const mostCharacters = 10 * 1024 * 1024;

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
    if (characters > mostCharacters) throw new PdfError(`its text is over ${megabytes(mostCharacters)}, more than any report`);
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
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  if (name === 'PasswordException') return new PdfError('it is protected by a password');
  if (name === 'InvalidPDFException') return new PdfError(`it is damaged or not a PDF (${message.replace(/\.$/, '')})`);
  return new PdfError(`it could not be read as a PDF (${message.replace(/\.$/, '')})`);
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
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
}

/** One line as printed: its text, its baseline and its largest font. */
interface PrintedLine {
  readonly text: string;
  readonly y: number;
  readonly size: number;
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
    // wide as the gap: the runs' places say the same, and say a tab from a space.
    if (item.str.trim() === '') continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    // Text turned on its side has no place in a line: it stands on its own.
    if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a < 0) {
      turned.push({ text: item.str.trim(), y, size });
      continue;
    }
    runs.push({ text: item.str, x, y, width: item.width, size });
  }
  runs.sort((left, right) => right.y - left.y || left.x - right.x);

  const lines: PrintedLine[] = [];
  let current: Run[] = [];
  const finish = () => {
    if (current.length === 0) return;
    current.sort((left, right) => left.x - right.x);
    const text = joinRuns(current).trimEnd();
    // The line's baseline is its largest font's: a footnote mark is raised above it.
    const largest = current.reduce((big, run) => (run.size > big.size ? run : big));
    if (text.trim() !== '') lines.push({ text, y: largest.y, size: largest.size });
    current = [];
  };
  for (const run of runs) {
    const first = current[0];
    // Within 40% of a line's height: the same line, superscripts and subscripts included.
    if (first && Math.abs(first.y - run.y) > 0.4 * Math.max(first.size, run.size)) finish();
    current.push(run);
  }
  finish();
  return [...lines, ...turned.filter((line) => line.text !== '')];
}

/**
 * The runs of one line as text: nothing between runs that touch, a space where a word
 * space was left, and a tab where a table's columns leave a wide gap (the seeds' tables
 * read `Executive summary<TAB>2`).
 */
function joinRuns(runs: readonly Run[]): string {
  let text = runs[0].text;
  for (let i = 1; i < runs.length; i++) {
    const before = runs[i - 1];
    const run = runs[i];
    const em = Math.max(before.size, run.size);
    const gap = run.x - (before.x + before.width);
    const spaced = /\s$/.test(text) || /^\s/.test(run.text);
    if (gap > 1.5 * em) text = `${text.trimEnd()}\t${run.text.trimStart()}`;
    else if (gap > 0.15 * em && !spaced) text += ` ${run.text}`;
    else text += run.text;
  }
  return text;
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
    if (lines.length === 0) {
      if (feed) out.push(feed);
      return;
    }
    lines.forEach((line, i) => {
      const before = lines[i - 1];
      if (before && spacing !== undefined && gapRatio(before, line) > spacing * 1.3) out.push('');
      out.push(i === 0 ? feed + line.text : line.text);
    });
  });
  return out.join('\n');
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
