// pdfText, the text of a report's PDF: each seed printed to PDF (test/printedReport.ts)
// and read back must give the parser the same kind, sections and findings as the seed's
// own text; how lines, gaps, tables and pages come out; and what is not a readable PDF
// (nothing, random bytes, a file cut short, pages with no text, a password) gives one
// line saying why, never a crash or a hang.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { findingCategories, type FindingCategory, type Report } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { largestPdf } from '../../server/src/report/limits';
import { layOut, pdfText, PdfError, printedLines } from '../../server/src/report/pdf/pdf';
import { flatten } from '../../server/src/report/parse/references';
import { printReport } from '../printedReport';
import { readSeed, seedNames, seededBytes } from './helpers';

function outline(report: Report): string[] {
  return flatten(report.sections).map((section) => `${section.level} ${section.name}`);
}

/**
 * The metadata but the addressee: an address on one line of the seed wraps in print, and
 * the letter's address lines are joined with commas (`Civic Offices, New Road`).
 */
function titleBlock(report: Report): Record<string, string> {
  return Object.fromEntries(Object.entries(report.metadata).filter(([key]) => key !== 'addressee'));
}

function counts(report: Report): Record<FindingCategory, number> {
  return Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length])) as Record<FindingCategory, number>;
}

/**
 * Where the printed seed is read differently from its text, and why. Only this, found by
 * reading both: the Essex letter's third area for priority action is a paragraph after
 * the list with no bullet (a page break took it, REPORT-KINDS.md). The parser reads such
 * a paragraph as one more item only in one-paragraph-a-line text; printed and read back,
 * the text is wrapped like pdftotext's, where a paragraph after a list is a paragraph.
 */
const readDifferently: Record<string, Partial<Record<FindingCategory, { text: number; pdf: number }>>> = {
  '001': { 'priority-action': { text: 3, pdf: 2 } },
};

async function rejection(promise: Promise<unknown>): Promise<PdfError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PdfError, `not a PdfError: ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error;
  }
  assert.fail('expected pdfText to fail');
}

describe('pdfText', () => {
  describe('every seed printed to PDF and read back', () => {
    for (const name of seedNames()) {
      const prefix = name.slice(0, 3);
      it(`${name}: the same kind, title block, sections and findings per category as its text`, async () => {
        const text = readSeed(prefix);
        const pdf = await printReport(text);
        const extracted = await pdfText(pdf);
        const fromText = parseReport(text);
        const fromPdf = parseReport(extracted);
        assert.equal(fromPdf.kind, fromText.kind);
        assert.deepEqual(titleBlock(fromPdf), titleBlock(fromText));
        assert.deepEqual(outline(fromPdf), outline(fromText));
        const expected = counts(fromText);
        for (const [category, difference] of Object.entries(readDifferently[prefix] ?? {})) {
          assert.equal(expected[category as FindingCategory], difference.text, `the text's ${category} count is still ${difference.text}`);
          expected[category as FindingCategory] = difference.pdf;
        }
        assert.deepEqual(counts(fromPdf), expected);
      });
    }

    it('starts each page after the first with a form feed, and keeps the page numbers at their feet', async () => {
      const text = await pdfText(await printReport(readSeed('003')));
      const pages = text.split('\f');
      assert.ok(pages.length > 20, `${pages.length} pages`);
      pages.forEach((page, i) => {
        const lines = page.trimEnd().split('\n');
        assert.equal(lines[lines.length - 1], String(i + 1), `page ${i + 1} ends with its number`);
        if (i > 0) assert.ok(text.includes(`\n\f${page}`), `page ${i + 1} starts a line`);
      });
    });

    it('wraps lines as printed, with a blank line for each paragraph’s space and none within a list', async () => {
      const text = await pdfText(await printReport(readSeed('001')));
      const lines = text.split('\n');
      assert.ok(lines.every((line) => line.length < 110), 'no line longer than the page is wide');
      const heading = lines.indexOf('Areas for priority action');
      assert.deepEqual(lines.slice(heading - 2, heading + 3), ['This visit has identified the following areas for priority action.', '', 'Areas for priority action', '', lines[heading + 2]]);
      assert.match(lines[heading + 2], /^- The capacity of the assessment service is significantly stretched/);
      // The list's next item follows the last line of the one before, with no gap.
      const second = lines.findIndex((line) => line.startsWith('- There are high levels of unallocated work'));
      assert.notEqual(lines[second - 1], '');
    });

    it('keeps a table’s cells apart with a tab, as the seeds have them', async () => {
      const text = await pdfText(await printReport(readSeed('003')));
      assert.ok(text.split('\n').includes('2.1 Adoption performance\tRequire improvement'));
      assert.ok(text.split('\n').includes('Executive summary\t2'));
    });
  });

  describe('lines from the runs of text on a page', () => {
    const run = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): TextItem => ({
      str,
      dir: 'ltr',
      transform: [size, 0, 0, size, x, y],
      width,
      height: size,
      fontName: 'f',
      hasEOL: false,
    });

    it('reads lines top to bottom and runs left to right, whatever order they were drawn in', () => {
      const lines = printedLines([run('2', 300, 40), run('second line', 72, 688), run('First', 72, 700), run('line', 102, 700)]);
      assert.deepEqual(lines.map((line) => line.text), ['First line', 'second line', '2']);
    });

    it('keeps a raised footnote mark on its line, and puts a tab where columns leave a wide gap', () => {
      const lines = printedLines([run('Information about this area', 72, 700), run('2', 207, 704, 6), run('6', 500, 700)]);
      assert.deepEqual(lines.map((line) => line.text), ['Information about this area2\t6']);
    });

    it('starts a cell at a column’s left edge after a narrower gap than a table’s, where other lines start that column', () => {
      // Halton 2020: the area's first line ends 16 points, 1.35 em, short of the grades' column.
      const lines = printedLines([
        run('Judgement', 79, 532.3, 12, 67),
        run('Grade', 395, 532.3, 12, 36),
        run('The experiences and progress of children who need help', 79, 453.8, 12, 299.8),
        run('Requires improvement', 395, 453.8, 12, 118.8),
        run('and protection', 79, 439.3, 12, 76.5),
        run('to be good', 395, 439.3, 12, 57.1),
        run('Children need help and protection at the right time.', 79, 410, 12, 300),
      ]);
      assert.deepEqual(lines.map((line) => line.text), [
        'Judgement\tGrade',
        'The experiences and progress of children who need help\tRequires improvement',
        'and protection\tto be good',
        'Children need help and protection at the right time.',
      ]);
    });

    it('spaces words where the file has a space, however narrow the gap, but not before a footnote mark', () => {
      // Bournemouth, Christchurch and Poole 2020: `10.`, a space item, the text 0.07 em on.
      assert.deepEqual(printedLines([run('10.', 89.9, 229.3, 12, 16.8), run(' ', 106.7, 229.3, 12, 3), run('However, the children', 107.5, 229.3, 12, 110)]).map((line) => line.text), [
        '10. However, the children',
      ]);
      assert.deepEqual(printedLines([run('Information about this area', 72, 700, 14, 180), run(' ', 252, 700, 14, 3), run('2', 252.5, 706, 9, 5)]).map((line) => line.text), [
        'Information about this area2',
      ]);
    });

    it('moves a mark raised well above its word down onto the word’s line', () => {
      // Devon 2015: a 9-point `1` raised 6.5 points after a 14-point `Board`.
      const lines = printedLines([run('Board', 72, 617.5, 14, 41.6), run('1', 113.6, 624, 9, 5.7), run('Inspection date', 72, 594.6, 14)]);
      assert.deepEqual(lines.map((line) => line.text), ['Board1', 'Inspection date']);
    });

    it('keeps slanted text (an italic made from an upright font) in its place among the lines', () => {
      const slanted: TextItem = { ...run('Workforce', 72, 700), transform: [10, 0, 3.3, 10, 72, 700] };
      const lines = printedLines([slanted, run('46. Continue to review', 72, 686)]);
      assert.deepEqual(lines.map((line) => line.text), ['Workforce', '46. Continue to review']);
    });

    it('leaves out PDF.js’s empty end-of-line items and the spaces it puts in gaps', () => {
      const lines = printedLines([run('Judgement', 72, 700), run(' ', 117, 700, 10, 200), run('Grade', 317, 700), run('', 72, 686)]);
      assert.deepEqual(lines.map((line) => line.text), ['Judgement\tGrade']);
    });

    it('puts a blank line where the gap is clearly wider than the usual spacing, and a form feed before each page', () => {
      const page = (...ys: number[]) => ys.map((y, i) => ({ text: `line ${i + 1}`, y, size: 10 }));
      assert.equal(layOut([page(700, 687, 674, 650, 637), page(700, 687)]), 'line 1\nline 2\nline 3\n\nline 4\nline 5\n\fline 1\nline 2');
      assert.equal(layOut([page(700), [], page(700)]), 'line 1\n\f\n\fline 1');
    });

    // The lines that runs make on a page below a paragraph that sets the usual spacing.
    const laidOut = (...runs: TextItem[]) => {
      const paragraph = [800, 786, 772, 758, 744].map((y) => run('A line of a paragraph.', 72, y));
      return layOut([printedLines([...paragraph, ...runs])]).split('\n').slice(paragraph.length + 1);
    };

    it('puts a table’s row whose cells wrap on one line, its cells apart with a tab', () => {
      // Wirral 2024: the area wraps, the grade does not.
      assert.deepEqual(laidOut(run('The experiences and progress of', 72, 700), run('Good', 330, 700), run('children in care', 72, 686)), [
        'The experiences and progress of children in care\tGood',
      ]);
      // Devon 2015: the grade wraps, centred beside an area of one line.
      assert.deepEqual(laidOut(run('Requires', 330, 707), run('1. Children who need help and protection', 72, 700, 10, 220), run('Improvement', 330, 693)), [
        '1. Children who need help and protection\tRequires Improvement',
      ]);
    });

    it('puts a grade set a little above its area beside it, less than a line’s spacing apart (Sefton 2016)', () => {
      assert.deepEqual(laidOut(run('Requires improvement', 330, 700), run('2.1 Adoption performance', 90, 689), run('Requires improvement', 330, 650), run('3. Leadership, management and governance', 72, 639)), [
        '2.1 Adoption performance\tRequires improvement',
        '',
        '3. Leadership, management and governance\tRequires improvement',
      ]);
    });

    it('keeps a heading set larger, its grade beside it, apart from the text under it', () => {
      // Camden 2017: a 14-point heading over two lines, its grade boxed between them, then a 12-point `Summary`.
      assert.deepEqual(
        laidOut(
          run('The experiences and progress of', 72, 700, 14),
          run('Good', 374, 691.3, 14),
          run('children who need help and protection', 72, 684, 14),
          run('Summary', 72, 662.3, 12),
          run('Children in Camden have easy access to good services.', 72, 635.7, 12),
        ),
        ['The experiences and progress of children who need help and protection\tGood', 'Summary', '', 'Children in Camden have easy access to good services.'],
      );
    });

    it('writes a table whose cells run to paragraphs column by column, as pdftotext does', () => {
      const text = laidOut(
        run('Bury Council and', 72, 700),
        run('Leaders should ensure that', 250, 700),
        run('NHS ICB', 72, 686),
        run('the strategy continues to be', 250, 686),
        run('implemented to improve the', 250, 672),
        run('lived experiences of children', 250, 658),
        run('and young people with SEND.', 250, 644),
      );
      assert.deepEqual(text, ['Bury Council and', 'NHS ICB', '', 'Leaders should ensure that', 'the strategy continues to be', 'implemented to improve the', 'lived experiences of children', 'and young people with SEND.']);
    });

    it('keeps a tab after a contents entry with no page number between two that have one', () => {
      assert.deepEqual(laidOut(run('The local authority', 72, 700), run('5', 500, 700), run('Recommendations', 72, 686), run('Summary for children', 72, 672), run('5', 500, 672)), [
        'The local authority\t5',
        'Recommendations\t',
        'Summary for children\t5',
      ]);
    });

    it('runs a line that ends in a hyphen on into the next, as pdftotext does', () => {
      assert.deepEqual(laidOut(run('to create a partnership-', 72, 700), run('wide workforce strategy.', 72, 686)), ['to create a partnershipwide workforce strategy.']);
    });
  });

  describe('what is not a readable report', () => {
    it('says an empty file is empty', async () => {
      assert.equal((await rejection(pdfText(new Uint8Array()))).message, 'it is empty');
    });

    it('says random bytes are not a PDF', async () => {
      assert.match((await rejection(pdfText(seededBytes(6, 4096)))).message, /^it is not a PDF/);
    });

    it('says random bytes after a PDF header are damaged', async () => {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), seededBytes(7, 4096)]);
      assert.match((await rejection(pdfText(bytes))).message, /^it (?:is damaged|could not be read|has no)/);
    });

    it('says a PDF cut short is damaged, in good time', async () => {
      const whole = await printReport(readSeed('001'));
      for (const fraction of [0.1, 0.5, 0.9]) {
        const started = Date.now();
        const error = await rejection(pdfText(whole.slice(0, Math.floor(whole.length * fraction))));
        assert.equal(error.message, 'it is damaged or not a PDF (Invalid PDF structure)', String(fraction));
        assert.ok(Date.now() - started < 5000, `${fraction}: ${Date.now() - started} ms`);
      }
    });

    it('says a PDF whose pages hold no text has none, as a scanned report would', async () => {
      assert.match((await rejection(pdfText(await printReport('', { blank: true })))).message, /^it has no text: its pages may be scanned images/);
    });

    it('says a PDF that needs a password to open is protected', async () => {
      assert.equal((await rejection(pdfText(lockedPdf('secret')))).message, 'it is protected by a password');
    });

    it('reads a PDF locked only against editing, as other readers do', async () => {
      assert.equal(await pdfText(lockedPdf('')), 'Opened without a password');
    });

    it('refuses a file over the size limit without reading it', async () => {
      const huge = new Uint8Array(largestPdf + 1);
      huge.set(Buffer.from('%PDF-1.7\n'));
      assert.match((await rejection(pdfText(huge))).message, /^it is 32 MB, over the 32 MB limit/);
    });

    it('gives up on a PDF that takes too long, with a message that says so', async () => {
      const error = await rejection(pdfText(await printReport(readSeed('003')), { timeoutMs: 1 }));
      assert.equal(error.message, 'reading it took longer than 1 ms');
    });

    it('leaves the caller’s bytes as they were', async () => {
      const pdf = await printReport(readSeed('000'));
      const copy = Buffer.from(pdf);
      await pdfText(pdf);
      assert.ok(Buffer.from(pdf).equals(copy));
    });
  });
});

/**
 * A one-page PDF encrypted with the standard security handler (revision 2, RC4 with a
 * 40-bit key, PDF 1.4 §3.5): opening it needs `userPassword`; with an empty one any
 * reader opens it and only the owner's permissions are restricted.
 */
function lockedPdf(userPassword: string): Uint8Array {
  const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
  const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), padding]).subarray(0, 32);
  const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = -3904; // printing allowed, changing and copying not
  const owner = rc4(md5(padded('owner-secret')).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, padding);
  // Strings and streams are encrypted with a key for their object.
  const objectKey = (number: number) => md5(key, Buffer.from([number & 0xff, (number >> 8) & 0xff, (number >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 12 Tf 72 720 Td (Opened without a password) Tj ET', 'latin1'));

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}
