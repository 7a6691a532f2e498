// The report service: text in, a read-only report model out, and what is asked of it.
// Pure, and knows nothing of editors: the language server (lsp/), the CLI (cli/) and the
// client use this file and nothing else of the folder.
//
// The data flows through the folders in this order:
//   parse/        text → Report: kind, page furniture, front matter, blocks, headings,
//                 sections, findings, judgements, cross references (parse/index.ts runs
//                 them in that order)
//   model.ts      the Report and the reports' vocabulary (kinds, grades, judgement areas)
//   authorities.ts  the authorities by their canonical names, and who succeeded whom
//   diagnostics/  one rule per file: what is missing or contradicts itself
//   features/     what a reader asks: outline, hover, folding, findings, history, export
//   pdf/          a published PDF's text, laid out as pdftotext lays it out

export * from './model';
export { parseReport, emptyReport, type ParseOptions } from './parse';
export { recogniseKind } from './parse/kind';
export { flatten } from './parse/references';
export { checkReport, diagnosticCodes, serverCodes, type DiagnosticCode, type ReportDiagnostic, type ReportFix, type Severity } from './diagnostics';
export { documentSymbols } from './features/documentSymbols';
export { foldingRanges } from './features/folding';
export { hoverAt, reportCard } from './features/hover';
export { definitionsAt } from './features/definitions';
export { countFindings } from './features/reading';
export { findingGroups } from './features/findingGroups';
export { reportSymbols, matchesQuery, type ReportSymbol } from './features/workspaceSymbols';
export { exportFindings, findingsCsv, type ExportFormat } from './features/exportFindings';
export { tableRow, tableColumns, sortTableRows, sendOutcomeNames, type TableRow, type TableColumn, type SendOutcome } from './features/table';
export { authorityHistories, historyReport, recurrenceThreshold, fileNameOf, stem } from './features/authorityHistory';
export { kindsFileName, readKindsFile, withIgnoredCode, type KindsFile, type KindsProblem } from './customKinds';
export { hasPdfHeader, pdfText, PdfError } from './pdf/pdf';
export { largestDocument, largestFileRead, largestKindsFile, largestPdf, longestGlob, megabytes, mostGlobs, mostWildcards } from './limits';
export { firstLine, withoutByteOrderMark } from './text';
export { csvText, type CsvCell } from './csv';
