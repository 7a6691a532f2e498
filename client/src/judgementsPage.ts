// The Judgements panel's page: one row per report of the workspace, its authority, kind and
// date, and its grade in each area, sortable by any column and filtered by authority, kind,
// year and overall grade. A grade opens the report at its judgement, a report at its top,
// and an authority with two or more reports its history. The rows carry what the page's
// script sorts and filters by, so that a thousand reports need no round trip; the script
// keeps the reader's sort and filters when the reports change. No `vscode` import, so that
// it is tested in plain Node.
import { countFindings, gradeNames, gradeStep, judgementAreaNames, judgementAreas, reportKindLabels, type Grade, type JudgementArea } from '../../server/src/report';
import type { AuthorityHistory, AuthorityHistoryResult, HistoryReport } from '../../server/src/protocol';
import { escapeHtml, gradeBadge, reportTarget, reportTop, shortGradeNames, webviewPage, yearOf, type PageOptions } from './webviewPage';

// The overall grades to filter by, best first: adequate, the third step until 2013, beside
// requires improvement.
const filteredGrades: readonly Grade[] = ['outstanding', 'good', 'requires-improvement', 'adequate', 'inadequate'];

// Column heads short enough for seven grades across; the full name is each head's title.
const areaHeads: Record<JudgementArea, string> = {
  overall: 'Overall',
  'help-and-protection': 'Help and protection',
  'children-in-care': 'In care',
  'care-leavers': 'Care leavers',
  adoption: 'Adoption',
  leadership: 'Leaders',
  lscb: 'LSCB',
};

/** The whole page, with the reports as they are known so far. */
export function judgementsPage(result: AuthorityHistoryResult | undefined, options: PageOptions): string {
  return webviewPage('Judgements', judgementsBody(result), style, script, options);
}

/** What the page shows: the part replaced when the reports change. */
export function judgementsBody(result: AuthorityHistoryResult | undefined): string {
  if (!result) return '<p class="note">Reading the reports of the workspace…</p>';
  const rows = result.histories.flatMap((history) => history.reports.map((report) => ({ history, report })));
  if (rows.length === 0) return '<p class="empty">No inspection report in this workspace yet. Open a folder of reports, or add one, to see their judgements here.</p>';
  const kinds = [...new Set(rows.map(({ report }) => reportKindLabels[report.kind]))].sort();
  // The latest year first; `After 2016` and `Undated` after the years.
  const years = [...new Set(rows.map(({ report }) => yearOf(report)))].sort((a, b) => Number(/^\d/.test(b)) - Number(/^\d/.test(a)) || b.localeCompare(a));
  const option = (value: string, label = value) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const filters = `<div class="filters" role="search">
<label>Authority <input type="search" id="filter-authority" data-filter="authority" placeholder="Filter by name"></label>
<label>Kind <select id="filter-kind" data-filter="kind">${option('', 'Any')}${kinds.map((kind) => option(kind)).join('')}</select></label>
<label>Year <select id="filter-year" data-filter="year">${option('', 'Any')}${years.map((year) => option(year)).join('')}</select></label>
<label>Overall <select id="filter-overall" data-filter="overall">${option('', 'Any')}${filteredGrades.map((grade) => option(grade, shortGradeNames[grade])).join('')}${option('none', 'Not graded')}</select></label>
<span class="muted">RI: requires improvement to be good</span>
<span class="count" id="count" aria-live="polite">${rows.length} ${rows.length === 1 ? 'report' : 'reports'}</span>
</div>`;
  const head = [
    header('authority', 'Authority'),
    header('kind', 'Report'),
    header('date', 'Date'),
    ...judgementAreas.map((area) => header(area, areaHeads[area], judgementAreaNames[area])),
    `<th scope="col">Findings</th>`,
  ].join('');
  // Latest first, as a reader of the archive looks for what is in force.
  const ordered = [...rows].sort((a, b) => b.report.date.order - a.report.date.order || a.history.name.localeCompare(b.history.name));
  return `${filters}
<table class="judgements" id="judgements"><thead><tr>${head}</tr></thead>
<tbody>${ordered.map(({ history, report }) => row(history, report)).join('')}</tbody></table>
<p class="empty" id="none" hidden>No report matches these filters.</p>`;
}

// The script marks the sorted column (aria-sort) when it arranges the rows.
function header(key: string, label: string, title?: string): string {
  return `<th scope="col"><button type="button" class="sort" data-sort="${key}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(label)}</button></th>`;
}

function row(history: AuthorityHistory, report: HistoryReport): string {
  const grade = (area: JudgementArea) => report.judgements.find((judgement) => judgement.area === area);
  const overall = grade('overall')?.grade;
  // What the script reads: a filter's value, and a column's sort key (grades by rank, best first).
  const data = {
    authority: history.name.toLowerCase(),
    kind: reportKindLabels[report.kind],
    year: yearOf(report),
    overall: overall ?? 'none',
    'sort-authority': history.name.toLowerCase(),
    'sort-kind': reportKindLabels[report.kind],
    'sort-date': String(report.date.source === 'none' ? 0 : report.date.order),
    ...Object.fromEntries(judgementAreas.map((area) => [`sort-${area}`, String(rank(grade(area)?.grade))])),
  };
  const attributes = Object.entries(data).map(([name, value]) => `data-${name}="${escapeHtml(value)}"`).join(' ');
  const authority = history.reports.length > 1
    ? `<button type="button" class="link" data-history="${escapeHtml(history.key)}" title="Show the history of ${escapeHtml(history.name)}">${escapeHtml(history.name)}</button>`
    : escapeHtml(history.name);
  const cells = judgementAreas.map((area) => {
    const judgement = grade(area);
    return judgement
      ? `<td><button type="button" class="cell" ${reportTarget(report.uri, judgement.range)} title="${escapeHtml(`${judgement.label}: ${gradeNames[judgement.grade]}`)}">${gradeBadge(judgement.grade, undefined, true)}</button></td>`
      : '<td><span class="muted" title="Not graded in this report">—</span></td>';
  });
  return `<tr ${attributes}><th scope="row">${authority}</th>
<td class="kind"><button type="button" class="link" ${reportTarget(report.uri, reportTop)} title="Open the report">${escapeHtml(reportKindLabels[report.kind])}</button></td>
<td class="date">${escapeHtml(report.date.source === 'none' ? 'Undated' : report.date.label)}</td>
${cells.join('')}<td class="counts">${escapeHtml(countFindings(report.findings))}</td></tr>`;
}

/** Outstanding 1 to inadequate 4; not graded after them all. */
function rank(grade: Grade | undefined): number {
  return grade ? gradeStep(grade) : 9;
}

// Sorting and filtering, in the page: the extension sends rows, the reader arranges them.
const script = `
let state = vscode.getState() || { sort: 'date', descending: true, filters: {} };
function arrange() {
  const table = document.getElementById('judgements');
  if (!table) return;
  for (const control of document.querySelectorAll('[data-filter]')) control.value = state.filters[control.dataset.filter] || '';
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const key = 'sort' + state.sort.replace(/(^|-)([a-z])/g, (_, dash, letter) => letter.toUpperCase());
  const numeric = state.sort !== 'authority' && state.sort !== 'kind';
  rows.sort((a, b) => {
    const x = a.dataset[key], y = b.dataset[key];
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    return (state.descending ? -order : order) || a.dataset.sortAuthority.localeCompare(b.dataset.sortAuthority);
  });
  let shown = 0;
  for (const row of rows) {
    const f = state.filters;
    const visible = (!f.authority || row.dataset.authority.includes(f.authority.toLowerCase()))
      && (!f.kind || row.dataset.kind === f.kind) && (!f.year || row.dataset.year === f.year) && (!f.overall || row.dataset.overall === f.overall);
    row.hidden = !visible;
    if (visible) shown++;
    body.appendChild(row);
  }
  for (const th of table.tHead.rows[0].cells) {
    const button = th.querySelector('[data-sort]');
    if (button && button.dataset.sort === state.sort) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
  }
  document.getElementById('count').textContent = shown + ' of ' + rows.length + ' reports';
  document.getElementById('none').hidden = shown > 0;
  vscode.setState(state);
}
document.addEventListener('click', (event) => {
  const sort = event.target instanceof Element ? event.target.closest('[data-sort]') : null;
  if (sort) {
    const column = sort.dataset.sort;
    state = { ...state, descending: state.sort === column ? !state.descending : column === 'date', sort: column };
    arrange();
  }
  const history = event.target instanceof Element ? event.target.closest('[data-history]') : null;
  if (history) vscode.postMessage({ type: 'history', key: history.dataset.history });
});
document.addEventListener('input', (event) => {
  const control = event.target instanceof Element ? event.target.closest('[data-filter]') : null;
  if (!control) return;
  state = { ...state, filters: { ...state.filters, [control.dataset.filter]: control.value } };
  arrange();
});
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'render' || typeof message.html !== 'string') return;
  content.innerHTML = message.html;
  arrange();
  vscode.postMessage({ type: 'rendered', version: message.version });
});
arrange();
vscode.postMessage({ type: 'ready' });
`;

const style = `
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 10px 0 12px; }
.filters label { display: flex; align-items: center; gap: 6px; color: var(--vscode-descriptionForeground); }
input, select { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, transparent)); border-radius: 2px; padding: 3px 6px; }
select { max-width: 16em; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border-color: var(--vscode-dropdown-border, transparent); }
input:focus, select:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.count { color: var(--vscode-descriptionForeground); margin-left: auto; }
.judgements { border-collapse: collapse; }
.judgements th, .judgements td { padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); text-align: left; vertical-align: middle; }
.judgements td { white-space: nowrap; }
.judgements tbody th, .judgements td.kind { min-width: 9em; white-space: normal; }
.judgements thead th { position: sticky; top: 0; background: var(--vscode-editor-background); }
.judgements tbody th { font-weight: normal; }
.judgements tbody tr:hover { background: var(--vscode-list-hoverBackground); }
.sort { background: none; border: none; padding: 0; color: var(--vscode-descriptionForeground); font-weight: 600; }
[aria-sort] .sort { color: var(--vscode-foreground); }
[aria-sort="ascending"] .sort::after { content: ' ▲'; font-size: 0.8em; }
[aria-sort="descending"] .sort::after { content: ' ▼'; font-size: 0.8em; }
.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); }
.link:hover { text-decoration: underline; }
.cell { background: none; border: none; padding: 0; }
.date, .counts { color: var(--vscode-descriptionForeground); }
`;
