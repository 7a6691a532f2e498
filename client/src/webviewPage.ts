// What the extension's pages (the authority history, the judgements of the workspace)
// share: the page itself under a policy that allows only its own style and script, text
// escaped for HTML, the grade badge, the theme's colours, and the script that posts a
// click on anything with a report's place to the extension, which opens it there. No
// `vscode` import, so that the pages are tested in plain Node.
import { gradeNames, type Grade, type Range } from '../../server/src/report';
import type { HistoryReport } from '../../server/src/protocol';

export interface PageOptions {
  readonly nonce: string;
  readonly cspSource: string;
}

/** A whole page: `style` and `script` are the page's own, added to the shared ones. */
export function webviewPage(title: string, body: string, style: string, script: string, { nonce, cspSource }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${sharedStyle}${style}</style>
</head>
<body>
<main id="content">${body}</main>
<script nonce="${nonce}">${sharedScript}${script}</script>
</body>
</html>`;
}

/** Text for HTML, in an element or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string);
}

/** What a click opens: the report, at the range. */
export function reportTarget(uri: string, range: Range): string {
  return `data-uri="${escapeHtml(uri)}" data-range="${[range.start.line, range.start.character, range.end.line, range.end.character].join(':')}"`;
}

export const reportTop: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// Short enough for a badge or an axis; the full wording is the badge's title.
export const shortGradeNames: Record<Grade, string> = { outstanding: 'Outstanding', good: 'Good', 'requires-improvement': 'Requires improvement', adequate: 'Adequate', inadequate: 'Inadequate' };

/** A grade as a badge; `compact`, as analysts write it in a table: `RI` for requires improvement. */
export function gradeBadge(grade: Grade, prefix?: string, compact = false): string {
  const label = compact && grade === 'requires-improvement' ? 'RI' : shortGradeNames[grade];
  return `<span class="grade grade-${grade}" title="${escapeHtml(gradeNames[grade])}">${prefix ? `${prefix}: ` : ''}${escapeHtml(label)}</span>`;
}

/** A report's year as a heading gives it: `2016`, `After 2016` (a summary dated only by its previous inspection), `Undated`. */
export function yearOf(report: HistoryReport): string {
  const { order, source, label } = report.date;
  if (source === 'none') return 'Undated';
  if (source === 'previous inspection') return label.replace(/^after /, 'After ');
  return String(Math.floor(order / 10000));
}

// Clicks and keys (buttons take Enter and Space themselves) go to the extension, which
// opens the report; the extension sends the page's content again when the reports change.
const sharedScript = `
const vscode = acquireVsCodeApi();
const content = document.getElementById('content');
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-uri]') : null;
  if (!target) return;
  const [startLine, startCharacter, endLine, endCharacter] = target.getAttribute('data-range').split(':').map(Number);
  vscode.postMessage({ type: 'open', uri: target.getAttribute('data-uri'), range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } });
});
`;

// The theme's own colours and fonts, so that a page reads as part of VS Code in any theme.
const sharedStyle = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 4px 20px 24px; line-height: 1.45; }
.note { color: var(--vscode-descriptionForeground); margin: 8px 0 4px; }
.empty, .muted { color: var(--vscode-descriptionForeground); }
button { font: inherit; color: inherit; text-align: left; cursor: pointer; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.grade { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--grade); background: color-mix(in srgb, var(--grade) 16%, transparent); font-size: 0.92em; }
.grade::before { content: ''; width: 7px; height: 7px; border-radius: 50%; background: var(--grade); }
.grade-outstanding { --grade: var(--vscode-charts-green); }
.grade-good { --grade: var(--vscode-charts-blue); }
/* charts.orange is the minimap's find-match colour, half transparent in the default dark themes: made opaque.
   Adequate was the third step until 2013, as requires improvement is now. */
.grade-requires-improvement, .grade-adequate { --grade: rgb(from var(--vscode-charts-orange) r g b / 1); }
.grade-inadequate { --grade: var(--vscode-charts-red); }
.ungraded { --grade: var(--vscode-descriptionForeground); }
`;
