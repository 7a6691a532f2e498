// A report's text printed to PDF with pdf-lib, laid out as a printed report is: A4,
// Helvetica, each paragraph (a line of the seed) wrapped to the page's width by the
// font's own widths with half a line's space before it (none between a list's items or
// a table's rows), a line's space for each blank line, bullets with a hanging indent (a
// glyph where the seed's extraction lost one), tables' cells apart, and the page number
// at the foot of each page. The tests read these PDFs back with pdfText and compare what
// the parser makes of them with the text they came from.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface PrintOptions {
  /** The font size in points: 12 gives lines of about 85 characters, as in the corpus's pdftotext text; the line spacing is 14/11 of it. */
  readonly size?: number;
  /** Pages with no text on them (a scanned report, for example). */
  readonly blank?: boolean;
}

const a4: [number, number] = [595.28, 841.89];
const margin = 72;
const pageNumberAt = 40;

/** The text (one paragraph a line, as the seeds are) printed as a PDF. */
export async function printReport(text: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  // A fixed date, so that the same text always prints to the same bytes.
  const date = new Date(Date.UTC(2024, 0, 1));
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setProducer('inspection-reports tests');
  const font = await document.embedFont(StandardFonts.Helvetica);
  const size = options.size ?? 12;
  const leading = (size * 14) / 11;
  const width = a4[0] - 2 * margin;
  const printable = new Set(font.getCharacterSet());

  let page: PDFPage | undefined;
  let y = 0;
  const newPage = () => {
    page = document.addPage(a4);
    y = a4[1] - margin;
  };
  /** Room for one more line, on a new page if need be. */
  const nextLine = (): PDFPage => {
    if (!page || y - leading < margin) newPage();
    const current = page as PDFPage;
    y -= leading;
    return current;
  };

  if (options.blank) newPage();
  let previous: 'paragraph' | 'item' | 'row' | undefined;
  for (const line of options.blank ? [] : text.split(/\r\n|\r|\n/)) {
    // Trailing tabs stay: they make a table's row of a line with one cell.
    let printed = winAnsi(line.replace(/\f/g, ''), printable).replace(/ +$/, '');
    if (printed.trim() === '') {
      // A blank line: a line's space, except at the top of a page.
      if (page && y < a4[1] - margin) y -= leading;
      continue;
    }
    // A line that starts with one space is a bullet whose glyph the seed's extraction
    // lost (REPORT-KINDS.md): the original printed a glyph there, and so does this.
    if (/^ \S/.test(printed) && !/^ - /.test(printed)) printed = `• ${printed.trimStart()}`;
    const row = printed.includes('\t') && rowFits(printed, font, size, width);
    const kind = row ? 'row' : /^\s*(?:- |• )/.test(printed) ? 'item' : 'paragraph';
    // Each line of the seeds is a paragraph, with a paragraph's space before it as a word
    // processor or a browser gives it; a list's items and a table's rows follow one
    // another without one.
    if (page && y < a4[1] - margin && !(kind !== 'paragraph' && kind === previous)) y -= leading / 2;
    previous = kind;
    if (row) {
      const page = nextLine();
      drawRow(page, y, printed, font, size, width);
      continue;
    }
    // A bullet's text lines up after its glyph; a sub-bullet's glyph is indented too.
    const hanging = /^(\s*)((?:- |• )?)/.exec(printed) as RegExpExecArray;
    const left = font.widthOfTextAtSize(hanging[1], size) * 3;
    const indent = left + font.widthOfTextAtSize(hanging[2], size);
    wrap(printed.trimStart().replace(/\t+/g, ' '), font, size, width - left, indent - left).forEach((part, i) => {
      nextLine().drawText(part, { x: margin + (i === 0 ? left : indent), y, size, font });
    });
  }
  if (!page) newPage();

  // A scanned report's pages are images: not even their numbers are text.
  const pages = options.blank ? [] : document.getPages();
  pages.forEach((each, i) => {
    const label = String(i + 1);
    each.drawText(label, { x: (a4[0] - font.widthOfTextAtSize(label, size)) / 2, y: pageNumberAt, size, font });
  });
  return document.save();
}

/** Greedy wrapping at spaces; a word wider than the line is cut where it must be. */
function wrap(text: string, font: PDFFont, size: number, width: number, indent: number): string[] {
  const lines: string[] = [];
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width - (lines.length === 0 ? 0 : indent);
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (!fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// Between a table's columns: wide enough that no reader takes it for a word space.
const cellGap = 2;

/** A table's cells on one line: all but the last in turn, the last at the right margin. */
function cellPlaces(text: string, font: PDFFont, size: number, width: number): { cell: string; x: number }[] | undefined {
  const cells = text.split('\t').map((cell) => cell.trim());
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  const places: { cell: string; x: number }[] = [];
  let x = 0;
  cells.forEach((cell, i) => {
    const cellWidth = font.widthOfTextAtSize(cell, size);
    const at = i > 0 && i === cells.length - 1 ? Math.max(x, width - cellWidth) : x;
    if (cell !== '') places.push({ cell, x: at });
    x = at + cellWidth + cellGap * size;
  });
  const last = places[places.length - 1];
  return last && last.x + font.widthOfTextAtSize(last.cell, size) <= width ? places : undefined;
}

function rowFits(text: string, font: PDFFont, size: number, width: number): boolean {
  return cellPlaces(text, font, size, width) !== undefined;
}

function drawRow(page: PDFPage, y: number, text: string, font: PDFFont, size: number, width: number): void {
  for (const { cell, x } of cellPlaces(text, font, size, width) ?? []) page.drawText(cell, { x: margin + x, y, size, font });
}

/**
 * The character as Helvetica's WinAnsi encoding can print it: the PDF's standard fonts
 * hold only those. Bullet glyphs become `•`, dashes and the minus sign the nearest dash,
 * letters with accents lose what WinAnsi lacks, anything else `?`.
 */
export function winAnsi(text: string, printable: ReadonlySet<number>): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (character === '\t' || printable.has(code)) {
      out += character;
      continue;
    }
    const mapped = substitutes[character] ?? (/[\u25a0-\u25ff\uf000-\uf0ff]/.test(character) ? '•' : undefined);
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const plain = character.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...plain].every((part) => printable.has(part.codePointAt(0) as number)) && plain !== '' ? plain : '?';
  }
  return out;
}

const substitutes: Record<string, string> = {
  '\u00a0': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2043': '-',
};
