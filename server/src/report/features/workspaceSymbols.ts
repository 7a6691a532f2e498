// Symbols for Go to Symbol in Workspace: each report under its authority's name, and its
// sections and areas for priority action, so that `Essex priority` finds them.
import { SymbolKind } from 'vscode-languageserver-types';
import type { Range, Report } from '../model';
import { flatten } from '../parse/references';
import { shorten } from './reading';

export interface ReportSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  /** The report's name, shown beside each symbol. */
  readonly container: string;
}

export function reportSymbols(report: Report, fileName: string): ReportSymbol[] {
  const container = report.metadata.authority ?? report.metadata.title ?? fileName;
  const title = report.furniture.find((piece) => piece.kind === 'title-block' || piece.kind === 'letterhead');
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    { name: container, kind: SymbolKind.File, range: title?.range ?? top, container: fileName },
    ...flatten(report.sections).map((section) => ({ name: section.name, kind: SymbolKind.Module, range: section.headingRange, container })),
    ...report.findings
      .filter((finding) => finding.category === 'priority-action')
      .map((finding) => ({ name: `Priority action: ${shorten(finding.text, 80)}`, kind: SymbolKind.Event, range: finding.range, container })),
  ];
}

/**
 * Each word of the query appears in the symbol's name or its report's name, ignoring
 * case: `essex priority` finds Essex's areas for priority action. VS Code ranks the
 * results with its own fuzzy scorer; an empty query matches everything.
 */
export function matchesQuery(symbol: ReportSymbol, query: string): boolean {
  const haystack = `${symbol.container} ${symbol.name}`.toLowerCase();
  return query.toLowerCase().split(/\s+/).every((word) => haystack.includes(word));
}
