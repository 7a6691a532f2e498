// The authority history's chart: the grade of each area, report by report, as an SVG that
// the page draws itself. Reports stand at even steps, oldest on the left, since what a
// reader compares is one inspection with the next, not the years between them; grades run
// from Outstanding at the top to Inadequate at the bottom. Each area has its own colour,
// dash and marker, so that no line is told from another by colour alone, and the picture
// is described in words for a screen reader (the table under it holds the same grades).
// Colours are the theme's, set by class: the page's policy allows no inline style.
import { gradeNames, gradeScale, gradeStep, judgementAreaNames, judgementAreas, reportKindLabels, type Grade, type JudgementArea } from '../../server/src/report';
import type { HistoryReport } from '../../server/src/protocol';
import { escapeHtml, reportTarget, shortGradeNames, yearOf } from './webviewPage';

const step = 140;
const left = 170;
const top = 14;
const rowHeight = 34;
const axisHeight = 40;
// Areas that share a grade in a report would hide one another: each stands a little to the
// side of its report's place, in the order of `judgementAreas`.
const spread = 12;

export const areaMarkers: Record<JudgementArea, (x: number, y: number) => string> = {
  overall: (x, y) => `<circle cx="${x}" cy="${y}" r="5.5"/>`,
  'help-and-protection': (x, y) => `<rect x="${x - 4.5}" y="${y - 4.5}" width="9" height="9"/>`,
  'children-in-care': (x, y) => `<path d="M${x} ${y - 6}L${x + 6} ${y + 4.5}H${x - 6}Z"/>`,
  'care-leavers': (x, y) => `<path d="M${x} ${y - 6}L${x + 6} ${y}L${x} ${y + 6}L${x - 6} ${y}Z"/>`,
  adoption: (x, y) => `<path d="M${x} ${y + 6}L${x + 6} ${y - 4.5}H${x - 6}Z"/>`,
  leadership: (x, y) => `<path d="M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x + 5} ${y - 5}L${x - 5} ${y + 5}"/>`,
  lscb: (x, y) => `<path d="M${x - 6} ${y}H${x + 6}M${x} ${y - 6}V${y + 6}"/>`,
};

/** The chart of an authority's grades, or nothing when none of its reports grades an area. */
export function gradeChart(authority: string, reports: readonly HistoryReport[]): string {
  const areas = judgementAreas.filter((area) => reports.some((report) => gradeOf(report, area)));
  if (areas.length === 0) return '';
  const width = left + step * reports.length;
  const height = top + rowHeight * gradeScale.length + axisHeight;
  const x = (index: number) => left + step / 2 + step * index;
  const xOf = (index: number, area: JudgementArea) => x(index) + spread * (areas.indexOf(area) - (areas.length - 1) / 2);
  // An adequate of 2012–13 stands on the row of the step it was, requires improvement's.
  const y = (grade: Grade) => top + rowHeight * (gradeStep(grade) - 0.5);
  const id = `chart-${authority.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  // The row where an adequate stands then names it too.
  const adequateShown = areas.some((area) => reports.some((report) => gradeOf(report, area)?.grade === 'adequate'));
  const grid = gradeScale.map((grade, row) => {
    const middle = top + rowHeight * (row + 0.5);
    const names = adequateShown && gradeStep(grade) === gradeStep('adequate') ? [shortGradeNames[grade], shortGradeNames.adequate] : [shortGradeNames[grade]];
    const labels = names.map((name, line) => `<text class="axis" x="${left - 10}" y="${middle + 4 + 13 * (line - (names.length - 1) / 2)}" text-anchor="end">${escapeHtml(name)}</text>`);
    return `<line class="grid" x1="${left}" x2="${width}" y1="${middle}" y2="${middle}"/>${labels.join('')}`;
  });
  const ticks = reports.map((report, index) =>
    `<text class="axis" x="${x(index)}" y="${height - axisHeight + 18}" text-anchor="middle">${escapeHtml(yearOf(report))}</text><text class="axis kind" x="${x(index)}" y="${height - axisHeight + 32}" text-anchor="middle">${escapeHtml(shortKind(report))}</text>`);
  const series = areas.map((area) => {
    const points = reports.flatMap((report, index) => {
      const judgement = gradeOf(report, area);
      return judgement ? [{ report, judgement, x: xOf(index, area), y: y(judgement.grade) }] : [];
    });
    const line = points.length > 1 ? `<path class="line" d="${points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('')}"/>` : '';
    const marks = points.map(({ report, judgement, x: px, y: py }) =>
      `<g class="point" ${reportTarget(report.uri, judgement.range)}><title>${escapeHtml(`${judgementAreaNames[area]}, ${yearOf(report)} ${reportKindLabels[report.kind]}: ${gradeNames[judgement.grade]}`)}</title>${areaMarkers[area](px, py)}</g>`);
    return `<g class="series series-${area}">${line}${marks.join('')}</g>`;
  });
  const legend = areas.map((area) => `<li class="series-${area}"><svg width="34" height="14" aria-hidden="true"><path class="line" d="M2 7H32"/>${areaMarkers[area](17, 7)}</svg>${escapeHtml(judgementAreaNames[area])}</li>`);

  return `<figure class="chart">
<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="${id}-title">${escapeHtml(`${authority}: grades by area, report by report`)}</title>
<desc id="${id}-desc">${escapeHtml(describe(reports, areas))}</desc>
${grid.join('')}${ticks.join('')}${series.join('')}
</svg>
<ul class="legend">${legend.join('')}</ul>
</figure>`;
}

/** The chart in words: each area's grades in report order. */
function describe(reports: readonly HistoryReport[], areas: readonly JudgementArea[]): string {
  return areas
    .map((area) => {
      const grades = reports.flatMap((report) => {
        const judgement = gradeOf(report, area);
        return judgement ? [`${gradeNames[judgement.grade].toLowerCase()} (${yearOf(report)})`] : [];
      });
      return `${judgementAreaNames[area]}: ${grades.join(', ')}.`;
    })
    .join(' ');
}

function gradeOf(report: HistoryReport, area: JudgementArea) {
  return report.judgements.find((judgement) => judgement.area === area);
}

// Under the year, the kind in a word or two: the full label is in each point's title.
function shortKind(report: HistoryReport): string {
  const label = reportKindLabels[report.kind];
  return label.length <= 18 ? label : `${label.slice(0, 17).trimEnd()}…`;
}
