// `npm run corpus`: one row per document — what the parser made of it and what the checks
// say — over the real documents in ../shared/corpus, ../shared/corpus-wide and the seeds,
// then the evidence behind the section requirements: per kind, period and part, how many
// documents have each section. For eyeballing recognition and speed across every
// framework, not a test: it asserts nothing.
// With `--write`, the evidence is written where the checks read it
// (server/src/report/diagnostics/section-evidence.json) and shown (docs/section-evidence.md), and
// the words of each section where the insert-heading fix reads them (section-words.json).
// With `--mutations`, the recall of each rule on damaged copies of the same documents
// (test/mutations.ts) and the false alarms on them as published, against the targets, and
// how often the fix of a missing section mends a document that lost only the heading, also
// with the words counted from the other documents only (seeds and corpus against corpus-wide).
//
//   node dist/corpus.js [--mutations | --write] [DIR...]   DIRs default to both corpora beside the repository
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checkReport } from '../server/src/report/diagnostics';
import { countSections, countSectionWords } from '../server/src/report/diagnostics/requiredSections';
import type { Severity } from '../server/src/report/diagnostics/types';
import { findingCategories, type FindingCategory, type Report } from '../server/src/report/model';
import { parseReport } from '../server/src/report/parse/index';
import { flatten } from '../server/src/report/parse/references';
import { withoutByteOrderMark } from '../server/src/report/text';
import { measureHeadingFixes, measureHeadingFixesApart, measureRecall, recallTarget } from './mutations';
import { evidenceMarkdown } from './sectionEvidence';

// The bundle runs from dist/, so the repository is one level up from __dirname.
const repo = path.resolve(__dirname, '..');
const defaultCorpora = ['corpus', 'corpus-wide'].map((name) => path.resolve(repo, '..', 'shared', name));
const seedsDir = path.join(repo, 'seeds');
const evidenceJson = path.join(repo, 'server', 'src', 'report', 'diagnostics', 'section-evidence.json');
const evidenceDoc = path.join(repo, 'docs', 'section-evidence.md');
const wordsJson = path.join(repo, 'server', 'src', 'report', 'diagnostics', 'section-words.json');

const categoryColumns: Record<FindingCategory, string> = {
  'priority-action': 'pa',
  development: 'dev',
  recommendation: 'rec',
  strength: 'str',
  satisfactory: 'sat',
};
const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const severityColumns: Record<Severity, string> = { error: 'err', warning: 'warn', information: 'info', hint: 'hint' };

interface Row {
  readonly name: string;
  readonly kind: string;
  readonly sections: number;
  readonly findings: Record<FindingCategory, number>;
  readonly diagnostics: Record<Severity, number>;
  readonly parseMs: number;
}

function main(): void {
  const { positionals, values } = parseArgs({ options: { mutations: { type: 'boolean' }, write: { type: 'boolean' } }, allowPositionals: true });
  const corpusDirs = positionals.length > 0 ? positionals.map((dir) => path.resolve(dir)) : defaultCorpora;
  const groups: { label: string; files: string[] }[] = [];
  for (const dir of corpusDirs) {
    if (fs.existsSync(dir)) groups.push({ label: path.basename(dir), files: listFiles(dir, (name) => name.endsWith('.txt')) });
    else console.log(`No corpus at ${path.relative(process.cwd(), dir) || '.'}: left out.`);
  }
  groups.push({ label: 'seeds', files: listFiles(seedsDir, () => true) });
  if (values.mutations) {
    printRecall(groups.flatMap((group) => group.files.map((file) => ({ name: `${group.label}/${path.basename(file)}`, text: fs.readFileSync(file, 'utf8') }))));
    return;
  }

  const rows: Row[] = [];
  const header = ['file', 'kind', 'sect', ...findingCategories.map((c) => categoryColumns[c]), ...severities.map((s) => severityColumns[s]), 'parse ms'];
  const table: string[][] = [header];
  for (const group of groups) {
    for (const file of group.files) {
      const row = measure(file, `${group.label}/${path.basename(file)}`);
      rows.push(row);
      table.push(cells(row));
    }
  }
  table.push(cells(totals(rows)));
  printTable(table);

  const reports = groups.flatMap((group) => group.files.map((file) => parseReport(readText(file))));
  const evidence = countSections(reports);
  process.stdout.write('\n' + evidenceMarkdown(evidence));
  if (values.write) {
    fs.writeFileSync(evidenceJson, JSON.stringify(evidence, null, 2) + '\n');
    fs.mkdirSync(path.dirname(evidenceDoc), { recursive: true });
    fs.writeFileSync(evidenceDoc, evidenceMarkdown(evidence));
    fs.writeFileSync(wordsJson, JSON.stringify(countSectionWords(reports), null, 1) + '\n');
    console.log(`\nWrote ${[evidenceJson, evidenceDoc, wordsJson].map((file) => path.relative(process.cwd(), file)).join(', ')}.`);
  }
}

function readText(file: string): string {
  return withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
}

/** Parses and checks one file; a file that fails shows as such rather than ending the run. */
function measure(file: string, name: string): Row {
  const findings = zero(findingCategories);
  const diagnostics = zero(severities);
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { name, kind: `unreadable: ${(error as Error).message.split('\n')[0]}`, sections: 0, findings, diagnostics, parseMs: 0 };
  }
  const start = performance.now();
  let report: Report;
  try {
    report = parseReport(text);
  } catch (error) {
    return { name, kind: `PARSER THREW: ${(error as Error).message.split('\n')[0]}`, sections: 0, findings, diagnostics, parseMs: performance.now() - start };
  }
  const parseMs = performance.now() - start;
  for (const finding of report.findings) findings[finding.category]++;
  let kind: string = report.binary ? 'binary' : report.kind;
  try {
    for (const diagnostic of checkReport(report)) diagnostics[diagnostic.severity]++;
  } catch (error) {
    kind += ` (CHECK THREW: ${(error as Error).message.split('\n')[0]})`;
  }
  return { name, kind, sections: flatten(report.sections).length, findings, diagnostics, parseMs };
}

function totals(rows: readonly Row[]): Row {
  const findings = zero(findingCategories);
  const diagnostics = zero(severities);
  for (const row of rows) {
    for (const category of findingCategories) findings[category] += row.findings[category];
    for (const severity of severities) diagnostics[severity] += row.diagnostics[severity];
  }
  const known = rows.filter((row) => row.kind !== 'unknown').length;
  return {
    name: `total (${rows.length} files)`,
    kind: `${known} recognised`,
    sections: rows.reduce((sum, row) => sum + row.sections, 0),
    findings,
    diagnostics,
    parseMs: rows.reduce((sum, row) => sum + row.parseMs, 0),
  };
}

function printRecall(documents: { name: string; text: string }[]): void {
  const started = performance.now();
  const { rules, falseAlarms } = measureRecall(documents);
  const table = [['rule', '', 'damaged', 'noticed', 'recall', 'target', '']];
  for (const rule of rules) {
    const recall = rule.tried === 0 ? 1 : rule.caught / rule.tried;
    table.push([rule.rule, '', String(rule.tried), String(rule.caught), `${(100 * recall).toFixed(1)}%`, `≥ ${100 * recallTarget}%`, recall >= recallTarget ? 'met' : 'MISSED']);
  }
  printTable(table, false);
  // The same by kind and period: a rule can hold overall and fail a framework nobody reads.
  const groups = [...new Set(rules.flatMap((rule) => [...rule.byGroup.keys()]))].sort();
  const byGroup = [['kind and period', '', ...rules.map((rule) => rule.rule)]];
  for (const group of groups) {
    byGroup.push([group, '', ...rules.map((rule) => {
      const tally = rule.byGroup.get(group);
      return tally ? `${tally.caught}/${tally.tried}` : '';
    })]);
  }
  console.log('');
  printTable(byGroup, false);
  console.log(`\nFalse alarms (errors on ${documents.length} documents as published): ${falseAlarms.length} (target 0: ${falseAlarms.length === 0 ? 'met' : 'MISSED'})`);
  for (const { document, diagnostic } of falseAlarms) console.log(`  ${document}:${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`);
  const missed = rules.flatMap((rule) => rule.missed.map((change) => `  ${rule.rule}: ${change}`));
  console.log(`\nDamage not noticed (${missed.length}):${missed.length === 0 ? ' none' : ''}`);
  for (const line of missed) console.log(line);
  const fixes = measureHeadingFixes(documents);
  const { whole } = fixes;
  console.log(`\nHeadings put back by the section.missing fix with nothing new to say: ${fixes.caught} of ${fixes.tried}`);
  for (const failure of fixes.failed) console.log(`  ${failure}`);
  console.log(`\nSections deleted whole: the first fix puts the heading where the section stood in ${whole.caught} of ${whole.tried}, the other fix offered in ${whole.offered} more`);
  for (const misplaced of whole.misplaced) console.log(`  ${misplaced}`);
  // Seeds and corpus against corpus-wide: the words of each half counted from the other.
  const apart = measureHeadingFixesApart(documents, (document) => !document.name.startsWith('corpus-wide/'));
  console.log('\nThe same, with the words of each section counted from the other documents only:');
  for (const [label, result] of [['seeds and corpus, words from corpus-wide', apart[0]], ['corpus-wide, words from seeds and corpus', apart[1]]] as const) {
    console.log(`  ${label}: ${result.caught} of ${result.tried} mended; deleted whole, ${result.whole.caught} + ${result.whole.offered} of ${result.whole.tried} in place`);
  }
  console.log(`\n${Math.round(performance.now() - started)} ms`);
}

function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function cells(row: Row): string[] {
  return [
    row.name,
    row.kind,
    String(row.sections),
    ...findingCategories.map((category) => String(row.findings[category])),
    ...severities.map((severity) => String(row.diagnostics[severity])),
    row.parseMs.toFixed(2),
  ];
}

/** Left-aligns the two text columns, right-aligns the numbers; a rule before the totals, if any. */
function printTable(table: readonly string[][], totals = true): void {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const format = (row: readonly string[]): string =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  const lines = table.map(format);
  const rule = '-'.repeat(Math.max(...lines.map((line) => line.length)));
  lines.splice(1, 0, rule);
  if (totals) lines.splice(lines.length - 1, 0, rule);
  process.stdout.write(lines.join('\n') + '\n');
}

main();
