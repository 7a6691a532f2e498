// The outline: the report's sections as a tree, each with its grade and finding counts
// as detail, and under each section the numbered paragraphs and findings it holds, so
// that VS Code's Outline, breadcrumbs, sticky scroll and Go to Symbol all follow the
// report's own structure. The judgement table, where the report has one, comes first.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { findingNames, gradeNames, type Finding, type FindingCategory, type Range, type Report, type Section } from '../model';
import { contains, countFindings, findingsIn, shorten } from './reading';

// One icon per category, so that areas for priority action stand out in the Outline.
const findingSymbolKinds: Record<FindingCategory, SymbolKind> = {
  'priority-action': SymbolKind.Event,
  development: SymbolKind.Field,
  recommendation: SymbolKind.Method,
  strength: SymbolKind.Constant,
  satisfactory: SymbolKind.Boolean,
};

export function documentSymbols(report: Report): DocumentSymbol[] {
  // Numbered paragraphs that are also findings appear once, as the finding.
  const findingLines = new Set(report.findings.map((finding) => finding.range.start.line));
  const entries: DocumentSymbol[] = [
    ...report.findings.map(findingSymbol),
    ...report.paragraphs
      .filter((paragraph) => !findingLines.has(paragraph.range.start.line))
      .map((paragraph) => symbol(`${paragraph.number}. ${shorten(paragraph.text, 70)}`, '', SymbolKind.Number, paragraph.range, paragraph.numberRange)),
  ].sort((a, b) => a.range.start.line - b.range.start.line);
  return [...judgementTable(report), ...placeEntries(report.sections.map((section) => sectionSymbol(report, section)), entries)];
}

function sectionSymbol(report: Report, section: Section): DocumentSymbol {
  const detail = [section.judgement ? gradeNames[section.judgement.grade] : (section.grade?.label ?? ''), countFindings(findingsIn(report, section))].filter(Boolean).join(' · ');
  return {
    ...symbol(section.name, detail, SymbolKind.Module, section.range, section.headingRange),
    children: section.children.map((child) => sectionSymbol(report, child)),
  };
}

function findingSymbol(finding: Finding): DocumentSymbol {
  const name = `${finding.number !== undefined ? `${finding.number}. ` : ''}${shorten(finding.text, 70)}`;
  const detail = findingNames[finding.category] + (finding.recurring ? ' · recurring' : '');
  return symbol(name, detail, findingSymbolKinds[finding.category], finding.range, finding.range);
}

function judgementTable(report: Report): DocumentSymbol[] {
  const table = report.furniture.find((piece) => piece.kind === 'judgement-table');
  const rows = report.judgements.filter((judgement) => judgement.source === 'table' && contains(table?.range, judgement.range.start));
  if (!table || rows.length === 0) return [];
  const overall = rows.find((judgement) => judgement.area === 'overall');
  return [
    {
      ...symbol('Judgements', overall ? gradeNames[overall.grade] : '', SymbolKind.Enum, table.range, table.range),
      children: rows.map((judgement) => symbol(judgement.label, gradeNames[judgement.grade], SymbolKind.EnumMember, judgement.range, judgement.range)),
    },
  ];
}

/**
 * Puts each paragraph or finding under the deepest section that holds its first line,
 * in line order among the section's subsections; what lies outside every section stays
 * at the top. Ranges are clipped to their section, as VS Code requires.
 */
function placeEntries(symbols: DocumentSymbol[], entries: readonly DocumentSymbol[]): DocumentSymbol[] {
  const outside: DocumentSymbol[] = [];
  for (const entry of entries) {
    let parent: DocumentSymbol | undefined;
    for (let level = symbols; ; ) {
      const holder = level.find((candidate) => contains(candidate.range, entry.range.start));
      if (!holder) break;
      parent = holder;
      level = holder.children ?? [];
    }
    if (!parent) outside.push(entry);
    else (parent.children ??= []).push(clip(entry, parent.range));
  }
  return sortByLine([...symbols, ...outside]);
}

function sortByLine(symbols: DocumentSymbol[]): DocumentSymbol[] {
  for (const symbol of symbols) if (symbol.children) sortByLine(symbol.children);
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

function clip(entry: DocumentSymbol, within: Range): DocumentSymbol {
  const end = before(within.end, entry.range.end) ? within.end : entry.range.end;
  const selectionEnd = before(end, entry.selectionRange.end) ? end : entry.selectionRange.end;
  return { ...entry, range: { start: entry.range.start, end }, selectionRange: { start: entry.selectionRange.start, end: selectionEnd } };
}

function before(a: Range['end'], b: Range['end']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function symbol(name: string, detail: string, kind: SymbolKind, range: Range, selectionRange: Range): DocumentSymbol {
  // VS Code rejects a symbol with an empty name.
  return { name: name || '(untitled)', detail, kind, range, selectionRange, children: [] };
}
