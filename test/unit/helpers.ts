// Shared by the unit tests: building fixtures, finding the seeds and the corpus, and
// walking every range that a parsed report or its diagnostics hold.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportDiagnostic } from '../../server/src/report/diagnostics';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Range, Report, Section } from '../../server/src/report/model';

/** A fixture's text: one argument a line, joined with `\n`. */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** The repository's root, two folders up from test/unit. */
export const repoRoot = path.resolve(__dirname, '..', '..');

export const seedsDir = path.join(repoRoot, 'seeds');

/** The real documents beside the repository; a fresh clone has none. */
export const corpusDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
/** 486 more, 2013 to 2026, some with their PDFs and a third party's scraper's reading of 260 reports' grades. */
export const corpusWideDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus-wide');

/** The `.txt` documents of a folder, sorted; none where it is absent. */
export function textFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(dir, name));
}

/** The seed files' names, in order. */
export function seedNames(): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** A seed's text, by the start of its name (`003` for `003_35a5abd99a445aeb.txt`). */
export function readSeed(prefix: string): string {
  const name = seedNames().find((candidate) => candidate.startsWith(prefix));
  if (!name) throw new Error(`No seed named ${prefix}…`);
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
}

export function flattenSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flattenSections(section.children)]);
}

/** Every range that a report holds, each with where it came from (for assertion messages). */
export function reportRanges(report: Report): { where: string; range: Range }[] {
  const found: { where: string; range: Range }[] = [];
  const add = (where: string, range: Range | undefined) => {
    if (range) found.push({ where, range });
  };
  report.kindEvidence.forEach((evidence, i) => add(`kindEvidence[${i}]`, evidence.range));
  for (const section of flattenSections(report.sections)) {
    add(`section ‘${section.name}’ headingRange`, section.headingRange);
    add(`section ‘${section.name}’ range`, section.range);
    add(`section ‘${section.name}’ judgement`, section.judgement?.range);
    add(`section ‘${section.name}’ grade`, section.grade?.range);
  }
  report.paragraphs.forEach((paragraph) => {
    add(`paragraph ${paragraph.number}`, paragraph.range);
    add(`paragraph ${paragraph.number} numberRange`, paragraph.numberRange);
  });
  report.items.forEach((item, i) => add(`items[${i}]`, item.range));
  report.findings.forEach((finding, i) => add(`findings[${i}]`, finding.range));
  report.judgements.forEach((judgement, i) => add(`judgements[${i}]`, judgement.range));
  add('outcome', report.outcome?.range);
  report.recommendationTags.forEach((tag, i) => add(`recommendationTags[${i}]`, tag.range));
  report.contents.forEach((entry, i) => add(`contents[${i}]`, entry.range));
  report.furniture.forEach((piece, i) => add(`furniture[${i}] (${piece.kind})`, piece.range));
  return found;
}

export function diagnosticRanges(diagnostics: readonly ReportDiagnostic[]): { where: string; range: Range }[] {
  return diagnostics.map((diagnostic, i) => ({ where: `diagnostic[${i}] ${diagnostic.code}`, range: diagnostic.range }));
}

/**
 * The ranges that do not lie within the text: a line past the last, a character past its
 * line's end, or an end before its start. LSP splits lines at `\r\n`, `\r` and `\n`.
 */
export function rangesOutside(text: string, ranges: readonly { where: string; range: Range }[]): string[] {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  const inside = (line: number, character: number) =>
    Number.isInteger(line) && Number.isInteger(character) && line >= 0 && line < lengths.length && character >= 0 && character <= lengths[line];
  const bad: string[] = [];
  for (const { where, range } of ranges) {
    const { start, end } = range;
    const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
    if (!inside(start.line, start.character) || !inside(end.line, end.character) || !ordered) {
      bad.push(`${where}: ${start.line}:${start.character}-${end.line}:${end.character}`);
    }
  }
  return bad;
}

/** A small linear congruential generator, so that "random" bytes are the same every run. */
export function seededBytes(seed: number, count: number): Buffer {
  const bytes = Buffer.alloc(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** What VS Code would reject in an outline: a selection outside its symbol, a child outside its parent, no name. */
export function symbolNestingProblems(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): string[] {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
  return symbols.flatMap((symbol) => [
    ...(inside(symbol.selectionRange, symbol.range) ? [] : [`${symbol.name}: selection outside its range`]),
    ...(parent && !inside(symbol.range, parent.range) ? [`${symbol.name}: outside ${parent.name}`] : []),
    ...(symbol.name.trim() === '' ? ['a symbol with no name'] : []),
    ...symbolNestingProblems(symbol.children ?? [], symbol),
  ]);
}
