// Folding: each section from its heading to its last line of text, each run of three or
// more list items, and the front matter and closing pages (letterhead, title block,
// judgement table, contents, sign-off, publisher's page).
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Range, Report } from '../model';
import { flatten } from '../parse/references';

const foldedFurniture = new Set(['letterhead', 'title-block', 'judgement-table', 'contents', 'sign-off', 'website-footer']);

export function foldingRanges(report: Report): FoldingRange[] {
  const ranges: FoldingRange[] = [
    ...flatten(report.sections).map((section) => fold(section.range)),
    ...listRuns(report).map((run) => fold(run)),
    ...report.furniture.filter((piece) => foldedFurniture.has(piece.kind)).map((piece) => fold(piece.range, FoldingRangeKind.Region)),
  ].filter((range) => range.endLine > range.startLine);
  // VS Code keeps one range a start line; keep the widest.
  const byStart = new Map<number, FoldingRange>();
  for (const range of ranges) {
    const kept = byStart.get(range.startLine);
    if (!kept || range.endLine > kept.endLine) byStart.set(range.startLine, range);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

function fold(range: Range, kind?: FoldingRangeKind): FoldingRange {
  // A range that ends at the start of a line ends, for folding, on the line before.
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return kind ? { startLine: range.start.line, endLine, kind } : { startLine: range.start.line, endLine };
}

/**
 * Runs of three or more list items that no heading or numbered paragraph interrupts
 * (blank lines and page furniture between items do not).
 */
function listRuns(report: Report): Range[] {
  const breaks = [...report.paragraphs.map((paragraph) => paragraph.range.start.line), ...flatten(report.sections).map((section) => section.headingRange.start.line)].sort((a, b) => a - b);
  const runs: Range[] = [];
  const items = report.items;
  let start = 0;
  let next = 0; // the first break after the previous item
  for (let i = 1; i <= items.length; i++) {
    const previousEnd = items[i - 1].range.end.line;
    while (next < breaks.length && breaks[next] <= previousEnd) next++;
    if (i < items.length && !(next < breaks.length && breaks[next] < items[i].range.start.line)) continue;
    if (i - start >= 3) runs.push({ start: items[start].range.start, end: items[i - 1].range.end });
    start = i;
  }
  return runs;
}
