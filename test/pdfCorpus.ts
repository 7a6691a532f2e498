// The real PDFs of ../shared/corpus-wide/pdf read by the extension's own reader (pdfText)
// against pdftotext's text of the same file beside them: what the parser makes of each.
// Used by test/unit/pdfCorpus.test.ts, and run on its own to see every difference:
//   npx tsx test/pdfCorpus.ts [NAME-FILTER]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../server/src/report/diagnostics';
import { findingCategories, type Report } from '../server/src/report/model';
import { parseReport } from '../server/src/report/parse/index';
import { pdfText } from '../server/src/report/pdf/pdf';
import { flatten } from '../server/src/report/parse/references';
import { corpusWideDir } from './unit/helpers';

/** The names (without extension) of the PDFs that have their text beside them. */
export function corpusPdfNames(): string[] {
  const pdfDir = path.join(corpusWideDir, 'pdf');
  if (!fs.existsSync(pdfDir)) return [];
  return fs
    .readdirSync(pdfDir)
    .filter((name) => name.endsWith('.pdf') && fs.existsSync(path.join(corpusWideDir, name.replace(/\.pdf$/, '.txt'))))
    .map((name) => name.replace(/\.pdf$/, ''))
    .sort();
}

/** What must agree between the two readings, each as plain values for deepEqual. */
export interface Reading {
  kind: string;
  sections: string[];
  judgements: string[];
  findings: Record<string, number>;
  errors: string[];
}

export function reading(report: Report): Reading {
  return {
    kind: report.kind,
    sections: flatten(report.sections).map((section) => section.name),
    judgements: report.judgements.map((judgement) => `${judgement.area}: ${judgement.grade}`),
    findings: Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length])),
    errors: checkReport(report)
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`),
  };
}

/** A report's text read by pdftotext and by pdfText, and the parser's reading of each. */
export async function readBoth(name: string): Promise<{ text: Reading; pdf: Reading; pdfText: string; words: string[] }> {
  const text = fs.readFileSync(path.join(corpusWideDir, `${name}.txt`), 'utf8');
  const extracted = await pdfText(fs.readFileSync(path.join(corpusWideDir, 'pdf', `${name}.pdf`)));
  return { text: reading(parseReport(text)), pdf: reading(parseReport(extracted)), pdfText: extracted, words: wordDifference(text, extracted) };
}

/**
 * The words, split at white space, that one text has more often than the other, each as
 * `pdftotext: 10.` or `pdfText: 10.Social`: where the two readings space a line differently.
 */
export function wordDifference(text: string, extracted: string): string[] {
  const counts = new Map<string, number>();
  for (const word of text.split(/\s+/).filter(Boolean)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const word of extracted.split(/\s+/).filter(Boolean)) counts.set(word, (counts.get(word) ?? 0) - 1);
  return [...counts].filter(([, count]) => count !== 0).map(([word, count]) => `${count > 0 ? 'pdftotext' : 'pdfText'}: ${word}`);
}

/** The criteria on which the two readings differ, each with both sides. */
export function differences(text: Reading, pdf: Reading): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (text.kind !== pdf.kind) out.push(`kind: text ${text.kind}, pdf ${pdf.kind}`);
  if (!same(text.sections, pdf.sections)) out.push(`sections: ${listDifference(text.sections, pdf.sections)}`);
  if (!same(text.judgements, pdf.judgements)) out.push(`judgements:\n    text ${JSON.stringify(text.judgements)}\n    pdf  ${JSON.stringify(pdf.judgements)}`);
  for (const category of Object.keys(text.findings)) {
    if (text.findings[category] !== pdf.findings[category]) out.push(`findings ${category}: text ${text.findings[category]}, pdf ${pdf.findings[category]}`);
  }
  if (pdf.errors.length > 0) out.push(`errors on the pdf reading:\n    ${pdf.errors.join('\n    ')}`);
  return out;
}

/** Where two lists part: the first index at which they differ, and a few entries of each from there. */
function listDifference(text: readonly string[], pdf: readonly string[]): string {
  let i = 0;
  while (i < text.length && text[i] === pdf[i]) i++;
  return `from #${i}\n    text ${JSON.stringify(text.slice(i, i + 4))}\n    pdf  ${JSON.stringify(pdf.slice(i, i + 4))}`;
}

async function main(filter = ''): Promise<void> {
  const tally = { kind: 0, sections: 0, judgements: 0, findings: 0, errors: 0, words: 0, all: 0 };
  const names = corpusPdfNames().filter((name) => name.includes(filter));
  const dump = process.env.DUMP_PDF_TEXT; // a folder to write each pdfText reading to, for diffing
  for (const name of names) {
    const { text, pdf, pdfText: extracted, words } = await readBoth(name);
    if (dump) fs.writeFileSync(path.join(dump, `${name}.txt`), extracted);
    const found = [...differences(text, pdf), ...(words.length > 0 ? [`words: ${words.slice(0, 12).join(', ')}`] : [])];
    if (text.kind === pdf.kind) tally.kind++;
    if (JSON.stringify(text.sections) === JSON.stringify(pdf.sections)) tally.sections++;
    if (JSON.stringify(text.judgements) === JSON.stringify(pdf.judgements)) tally.judgements++;
    if (JSON.stringify(text.findings) === JSON.stringify(pdf.findings)) tally.findings++;
    if (pdf.errors.length === 0) tally.errors++;
    if (words.length === 0) tally.words++;
    if (found.length === 0) tally.all++;
    else console.log(`${name}\n  ${found.join('\n  ')}`);
  }
  console.log(`of ${names.length}: ${Object.entries(tally).map(([key, value]) => `${key} ${value}`).join(', ')}`);
}

if (require.main === module) void main(process.argv[2]);
