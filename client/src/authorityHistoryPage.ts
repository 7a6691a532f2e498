// The authority history panel's page: per authority, its reports on a timeline, their
// judgements per area as a chart and a table, and the findings that recur, the earlier and the later
// wording side by side with the shared words marked. Plain HTML made here, with every
// piece of report text escaped; the page's only script posts clicks back to the
// extension. No `vscode` import, so that it is tested in plain Node.
import { fileNameOf, findingNames, gradeNames, judgementAreaNames, judgementAreas, reportKindLabels, stem } from '../../server/src/report';
import type { AreaJudgement, AuthorityHistory, AuthorityHistoryResult, HistoryFinding, HistoryReport, RecurringFinding } from '../../server/src/protocol';
import { gradeChart } from './gradeChart';
import { escapeHtml, gradeBadge, reportTarget, reportTop, webviewPage, yearOf, type PageOptions } from './webviewPage';

/** The whole page, with the histories as they are known so far. */
export function historyPage(result: AuthorityHistoryResult | undefined, options: PageOptions): string {
  return webviewPage('Authority History', historyBody(result), style, script, options);
}

/** What the page shows: the part replaced when the histories change. */
export function historyBody(result: AuthorityHistoryResult | undefined): string {
  if (!result) return '<p class="note">Reading the reports of the workspace…</p>';
  const threshold = result.threshold.toFixed(2);
  const intro = `<p class="note">Reports about the same authority, oldest first. A later finding <em>recurs</em> when its telling words and an earlier finding’s score ${threshold} or more (Dice coefficient; the shared words are <mark>marked</mark>): judge each match yourself. Select a report, a grade or a finding to open it there.</p>`;
  if (result.histories.length === 0) {
    return `${intro}<p class="empty">No authority has two or more reports in this workspace. Reports are put together by the authority they name; add another report about the same authority to see its history.</p>`;
  }
  return intro + result.histories.map((history) => authoritySection(history, threshold)).join('');
}

/** The element of an authority's history, for the judgements page's link to it. */
export function historySectionId(key: string): string {
  return `authority-${key.replace(/[^a-z0-9]+/g, '-')}`;
}

function authoritySection(history: AuthorityHistory, threshold: string): string {
  const id = historySectionId(history.key);
  const first = history.reports[0].date.label;
  const last = history.reports[history.reports.length - 1].date.label;
  const count = history.recurring.length;
  const facts = `${history.reports.length} reports, ${escapeHtml(first)} to ${escapeHtml(last)} · ${count === 0 ? 'no recurring finding' : `${count} recurring ${count === 1 ? 'finding' : 'findings'}`}`;
  return `<section class="authority" aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(history.name)}</h2>
<p class="facts">${facts}</p>
<h3>Timeline</h3>
<ol class="timeline">${history.reports.map((report) => timelineEntry(report, history)).join('')}</ol>
<h3>Judgements</h3>
${gradeChart(history.name, history.reports)}
${judgementTable(history.reports)}
<h3 id="${id}-recurring">Recurring findings</h3>
${count === 0
    ? `<p class="empty">No finding of a later report matches one of an earlier report with a score of ${threshold} or more.</p>`
    : `<ul class="recurring">${history.recurring.map((match) => recurringEntry(history, match)).join('')}</ul>`}
</section>`;
}

function timelineEntry(report: HistoryReport, history: AuthorityHistory): string {
  // A report of the council this one took over from (Northamptonshire's, in North
  // Northamptonshire's history) says so, and until when that council was.
  const predecessor = history.predecessors?.find((candidate) => candidate.name === report.authority);
  const overall = report.judgements.find((judgement) => judgement.area === 'overall');
  const counts = findingCounts(report.findings);
  const file = fileNameOf(report.uri);
  return `<li class="${overall ? `grade-${overall.grade}` : 'ungraded'}"><span class="dot" aria-hidden="true"></span>
<button type="button" class="report" ${reportTarget(report.uri, reportTop)} title="Open ${escapeHtml(file)}">
<span class="head"><span class="year">${escapeHtml(yearOf(report))}</span> <span class="kind">${escapeHtml(reportKindLabels[report.kind])}</span></span>
<span class="date">${escapeHtml(dateLine(report.date))}</span>
${predecessor ? `<span class="predecessor">${escapeHtml(`${predecessor.name}, until ${dayOf(predecessor.until)}`)}</span>\n` : ''}<span class="row">${overall ? gradeBadge(overall.grade, 'Overall') : '<span class="muted">No overall judgement</span>'}</span>
<span class="counts">${escapeHtml(counts || 'No area for development or recommendation')}</span>
<span class="file">${escapeHtml(file)}</span>
</button></li>`;
}

function judgementTable(reports: readonly HistoryReport[]): string {
  const areas = judgementAreas.filter((area) => reports.some((report) => report.judgements.some((judgement) => judgement.area === area)));
  if (areas.length === 0) return '<p class="empty">None of these reports grades an area.</p>';
  const head = reports.map((report) => `<th scope="col">${escapeHtml(yearOf(report))}<span class="sub">${escapeHtml(reportKindLabels[report.kind])}</span></th>`).join('');
  const rows = areas.map((area) => {
    const cells = reports.map((report) => {
      const judgement = report.judgements.find((candidate) => candidate.area === area);
      return judgement ? `<td>${judgementCell(report, judgement)}</td>` : '<td><span class="muted" title="Not graded in this report">—</span></td>';
    });
    return `<tr><th scope="row">${escapeHtml(judgementAreaNames[area])}</th>${cells.join('')}</tr>`;
  });
  return `<div class="table-scroll"><table class="judgements"><thead><tr><th scope="col">Area</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function judgementCell(report: HistoryReport, judgement: AreaJudgement): string {
  return `<button type="button" class="cell" ${reportTarget(report.uri, judgement.range)} title="${escapeHtml(`${judgement.label}: ${gradeNames[judgement.grade]}`)}">${gradeBadge(judgement.grade)}</button>`;
}

function recurringEntry(history: AuthorityHistory, match: RecurringFinding): string {
  const report = (uri: string) => history.reports.find((candidate) => candidate.uri === uri);
  const shared = new Set(match.shared);
  const side = (which: 'earlier' | 'later') => {
    const { uri, finding } = match[which];
    const from = report(uri);
    const label = `${from ? `${yearOf(from)} ${reportKindLabels[from.kind]}` : fileNameOf(uri)} · ${findingNames[finding.category]}${finding.number !== undefined ? ` ${finding.number}` : ''}`;
    return `<button type="button" class="finding ${which}" ${reportTarget(uri, finding.range)}>
<span class="finding-label">${which === 'earlier' ? 'Earlier' : 'Later'}: ${escapeHtml(label)}</span>
<span class="finding-text">${markShared(finding.text, shared)}</span>
</button>`;
  };
  return `<li class="match">
<div class="match-head"><span class="score" title="Dice coefficient of the two findings’ telling words">${match.score.toFixed(2)}</span>
<span class="shared">shared words: ${match.shared.map((word) => `<mark>${escapeHtml(word)}</mark>`).join(', ')}</span></div>
<div class="pair">${side('earlier')}<span class="arrow" aria-hidden="true">→</span>${side('later')}</div>
</li>`;
}

/** The text escaped, with the words whose stems the two findings share marked. */
export function markShared(text: string, shared: ReadonlySet<string>): string {
  return text
    .split(/([A-Za-z0-9'’]+)/)
    .map((part, index) => {
      // Odd parts are words: the pattern's one group.
      if (index % 2 === 0) return escapeHtml(part);
      // As the server reads it: quotation marks round a word are not part of it.
      const word = stem(part.toLowerCase().replace(/’/g, "'").replace(/^'+|'s?$/g, ''));
      return shared.has(word) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}

function findingCounts(findings: readonly HistoryFinding[]): string {
  const count = (category: HistoryFinding['category']) => findings.filter((finding) => finding.category === category).length;
  const parts: string[] = [];
  const priority = count('priority-action');
  const development = count('development');
  const recommendations = count('recommendation');
  if (priority > 0) parts.push(`${priority} for priority action`);
  if (development > 0) parts.push(`${development} for development`);
  if (recommendations > 0) parts.push(`${recommendations} ${recommendations === 1 ? 'recommendation' : 'recommendations'}`);
  return parts.join(' · ');
}

function dateLine({ label, source }: HistoryReport['date']): string {
  switch (source) {
    case 'letter':
      return `Letter of ${label}`;
    case 'published':
      return `Published ${label}`;
    case 'inspection':
      return `Inspection ended ${label}`;
    case 'file name':
      return `${label}, from the file name`;
    case 'previous inspection':
      return `No date given; ${label}`;
    case 'none':
      return 'No date given';
  }
}

/** A day as the reports write it: `2021-04-01` → `1 April 2021`. */
function dayOf(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// The extension sends the page's content again when the reports change.
const script = `
window.addEventListener('message', (event) => {
  const message = event.data;
  // An authority asked for from the judgements page: its history at the top.
  if (message && message.type === 'reveal') document.getElementById(message.id)?.scrollIntoView({ block: 'start' });
  if (!message || message.type !== 'render' || typeof message.html !== 'string') return;
  content.innerHTML = message.html;
  vscode.postMessage({ type: 'rendered', version: message.version });
});
vscode.postMessage({ type: 'ready' });
`;

// The history's own layout; the theme's colours and the grades' are the shared page's.
const style = `
:root { --gap: 12px; }
main { max-width: 1200px; }
.authority { border-top: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); margin-top: 18px; padding-top: 6px; }
h2 { font-size: 1.45em; font-weight: 600; margin: 10px 0 0; }
.facts { color: var(--vscode-descriptionForeground); margin: 2px 0 10px; }
h3 { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--vscode-descriptionForeground); margin: 16px 0 6px; }
mark { background: var(--vscode-editor-findMatchHighlightBackground); color: inherit; border-radius: 2px; padding: 0 1px; }
.timeline { list-style: none; display: flex; gap: var(--gap); padding: 0; margin: 0; overflow-x: auto; }
.timeline li { position: relative; flex: 1 1 0; min-width: 190px; max-width: 300px; padding-top: 18px; display: flex; }
.timeline li::before { content: ''; position: absolute; top: 5px; left: 0; right: calc(-1 * var(--gap)); border-top: 2px solid var(--vscode-panel-border, var(--vscode-widget-border, currentColor)); }
.timeline li:last-child::before { right: 50%; }
.timeline li:first-child::before { left: 12px; }
.timeline .dot { position: absolute; top: 0; left: 12px; width: 12px; height: 12px; border-radius: 50%; background: var(--grade); border: 2px solid var(--vscode-editor-background); }
.report { display: flex; flex-direction: column; gap: 3px; width: 100%; padding: 8px 12px; border-radius: 4px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); background: var(--vscode-editorWidget-background); }
.report:hover, .finding:hover { background: var(--vscode-list-hoverBackground); }
.report .head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.report .year { font-size: 1.4em; font-weight: 600; }
.report .kind { font-weight: 600; }
.report .row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.report .date, .report .predecessor, .report .counts, .report .file { color: var(--vscode-descriptionForeground); }
.report .file { font-family: var(--vscode-editor-font-family); font-size: 0.85em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.table-scroll { overflow-x: auto; }
.judgements { border-collapse: collapse; min-width: 60%; }
.judgements th, .judgements td { padding: 3px 14px 3px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); text-align: left; vertical-align: middle; }
.judgements thead th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.judgements thead .sub { display: block; font-weight: normal; font-size: 0.9em; }
.judgements tbody th { font-weight: normal; padding-right: 24px; }
.cell { background: none; border: none; padding: 0; }
.chart { margin: 0 0 10px; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart .axis { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.chart .grid { stroke: var(--vscode-panel-border, var(--vscode-widget-border, currentColor)); stroke-width: 1; }
.chart .line { fill: none; stroke: var(--series); stroke-width: 2; stroke-dasharray: var(--dash); }
.chart circle, .chart rect, .chart path:not(.line) { fill: var(--series); stroke: var(--series); stroke-width: 1.5; }
.chart .point { cursor: pointer; }
.chart .point:hover > :not(title) { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 4px 0 0; color: var(--vscode-descriptionForeground); }
.legend li { display: flex; align-items: center; gap: 6px; }
.series-overall { --series: var(--vscode-foreground); --dash: none; }
.series-help-and-protection { --series: var(--vscode-charts-blue); --dash: 7 3; }
.series-children-in-care { --series: var(--vscode-charts-purple); --dash: 2 3; }
.series-care-leavers { --series: var(--vscode-charts-green); --dash: 9 3 2 3; }
.series-adoption { --series: var(--vscode-charts-yellow); --dash: 4 4; }
.series-leadership { --series: rgb(from var(--vscode-charts-orange) r g b / 1); --dash: 1 3; }
.series-lscb { --series: var(--vscode-charts-red); --dash: 12 4; }
.recurring { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 14px; }
.match-head { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; color: var(--vscode-descriptionForeground); }
.score { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); border-radius: 10px; padding: 1px 8px; font-variant-numeric: tabular-nums; }
.pair { display: grid; grid-template-columns: 1fr auto 1fr; gap: 10px; align-items: stretch; }
.arrow { align-self: center; color: var(--vscode-descriptionForeground); font-size: 1.2em; }
.finding { display: flex; flex-direction: column; gap: 4px; padding: 8px 12px; border: none; border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); border-radius: 2px; background: var(--vscode-textBlockQuote-background, var(--vscode-editorWidget-background)); }
.finding-label { font-size: 0.9em; color: var(--vscode-descriptionForeground); }
@media (max-width: 640px) { .pair { grid-template-columns: 1fr; } .arrow { display: none; } }
`;
