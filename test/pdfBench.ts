// `npm run bench`'s rows for reading a report's PDF: pdfText on the largest seed printed
// to PDF (test/printedReport.ts), next to parseReport of the text it gives, measured in
// the same run: what opening the PDF costs beyond opening its text. The first call, which
// loads PDF.js, is shown on its own.
import { parseReport } from '../server/src/report/parse/index';
import { pdfText } from '../server/src/report/pdf/pdf';
import { time } from './lspBench';
import { printReport } from './printedReport';

// Opening a report's PDF should feel like opening a file.
const pdfTargetMs = 1000;

export async function printPdfBench(seedText: string): Promise<void> {
  const pdf = await printReport(seedText);
  const started = performance.now();
  const text = await pdfText(pdf);
  const firstMs = performance.now() - started;
  const pages = text.split('\f').length;

  let sink = 0;
  const parse = await time('baseline: parseReport of the extracted text', 20, async () => {
    sink += parseReport(text).lineCount;
  });
  const extract = await time('pdfText', 20, async () => {
    sink += (await pdfText(pdf)).length;
  });
  const median = (samples: readonly number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const middle = (sorted.length - 1) / 2;
    return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
  };
  const parseMs = median(parse.samples);
  const extractMs = median(extract.samples);

  console.log('');
  console.log(`A report's PDF: seed 003 printed to PDF (${(pdf.length / 1000).toFixed(0)} KB, ${pages} pages, ${(text.length / 1000).toFixed(0)} K characters of text):`);
  const rows = [
    ['task', 'runs', 'median ms', 'x baseline'],
    [parse.name, String(parse.samples.length), parseMs.toFixed(2), '1.0x'],
    [extract.name, String(extract.samples.length), extractMs.toFixed(2), `${(extractMs / parseMs).toFixed(1)}x`],
    ['pdfText, the first call (loads PDF.js)', '1', firstMs.toFixed(2), `${(firstMs / parseMs).toFixed(1)}x`],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  console.log('');
  console.log(`target: pdfText on the largest seed's PDF under ${pdfTargetMs} ms median: ${extractMs.toFixed(0)} ms, ${extractMs < pdfTargetMs ? 'met' : 'NOT met'}`);
  if (sink === -1) console.log('');
}
