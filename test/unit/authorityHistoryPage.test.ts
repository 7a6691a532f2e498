// The authority history panel's page, as HTML: what it shows of the seeds' Thurrock, that
// report text cannot become markup, and that the page loads nothing but its own style and
// script.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { historyBody, historyPage, markShared } from '../../client/src/authorityHistoryPage';
import { areaMarkers, gradeChart } from '../../client/src/gradeChart';
import { judgementAreas } from '../../server/src/report';
import { authorityHistories, historyReport, recurrenceThreshold } from '../../server/src/report/features/authorityHistory';
import { parseReport } from '../../server/src/report/parse/index';
import type { AuthorityHistoryResult } from '../../server/src/protocol';
import { joinLines, seedNames, seedsDir } from './helpers';

const seeds = seedNames().map((name) => {
  const file = path.join(seedsDir, name);
  return historyReport(URI.file(file).toString(), parseReport(fs.readFileSync(file, 'utf8')));
});
const result: AuthorityHistoryResult = { threshold: recurrenceThreshold, histories: authorityHistories(seeds) };

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('authority history page', () => {
  it('shows Thurrock’s timeline, judgements per area and recurring findings', () => {
    const body = historyBody(result);
    // The chart is tested on its own below.
    const text = textOf(body.replace(/<figure class="chart">[^]*?<\/figure>/, ''));
    assert.match(text, /Thurrock 3 reports, 2 December 2009 to after 2016 · no recurring finding/);
    assert.match(text, /Timeline 2009 Unannounced inspection letter Letter of 2 December 2009 No overall judgement 3 for development 000_cedd8d57784a9609\.txt/);
    assert.match(text, /2016 SIF report Published 24 May 2016 Overall: Requires improvement 16 recommendations 003_35a5abd99a445aeb\.txt/);
    assert.match(text, /After 2016 ILACS summary No date given; after 2016 No overall judgement 3 for development 002_9f986742e412e620\.txt/);
    // Areas as rows, reports as columns; a dash where a report grades nothing.
    assert.match(text, /Judgements Area 2009 Unannounced inspection letter 2016 SIF report After 2016 ILACS summary Overall effectiveness — Requires improvement —/);
    assert.match(text, /Children who need help and protection — Requires improvement Good/);
    // The badge is short; its title has the grade in full.
    assert.match(body, /<span class="grade grade-requires-improvement" title="Requires improvement to be good">Requires improvement<\/span>/);
    assert.match(text, /Local Safeguarding Children Board — Good —/);
    assert.match(text, /Recurring findings No finding of a later report matches one of an earlier report with a score of 0\.40 or more\./);
    // Every report and grade opens the report, at its top or at the grade.
    assert.equal((body.match(/<button type="button" class="report" data-uri="file:\/\/\/[^"]+" data-range="0:0:0:0"/g) ?? []).length, 3);
  });

  it('shows a recurring finding’s two wordings side by side, the shared words marked', () => {
    const letter = (date: string, text: string) =>
      parseReport(joinLines('Ofsted', '', date, '', 'Dear Ms Smith', '', 'Annual unannounced inspection of contact, referral and assessment arrangements within Thurrock Council children’s services', '', 'Areas for development', '', `- ${text}`, '', 'Yours sincerely'));
    const reports = [
      historyReport('file:///a/2009.txt', letter('2 December 2009', 'Return home interviews are not offered to children who go missing.')),
      historyReport('file:///a/2011.txt', letter('9 June 2011', 'Children who go missing are not always offered return home interviews.')),
    ];
    const body = historyBody({ threshold: recurrenceThreshold, histories: authorityHistories(reports) });
    assert.match(textOf(body), /1 recurring finding/);
    assert.match(body, /<span class="score"[^>]*>0\.91<\/span>/);
    assert.match(body, /data-uri="file:\/\/\/a\/2009\.txt" data-range="10:0:10:68">\s*<span class="finding-label">Earlier: 2009 Unannounced inspection letter · Area for development<\/span>/);
    assert.match(body, /<mark>Return<\/mark> <mark>home<\/mark> <mark>interviews<\/mark> are not <mark>offered<\/mark> to children who go <mark>missing<\/mark>\./);
  });

  it('says which reports were of the council a successor took over from', () => {
    const report = (file: string) => historyReport(`file:///archive/${file}`, parseReport(''));
    const reports = ['northamptonshire-inspection-20-june-2019.txt', 'west-northamptonshire-inspection-17-july-2024.txt'].map(report);
    const text = textOf(historyBody({ threshold: recurrenceThreshold, histories: authorityHistories(reports) }));
    assert.match(text, /West Northamptonshire 2 reports, 20 June 2019 to 17 July 2024/);
    assert.match(text, /2019 Report 20 June 2019, from the file name Northamptonshire, until 1 April 2021 No overall judgement/);
    assert.match(text, /2024 Report 17 July 2024, from the file name No overall judgement/);
    assert.equal(text.match(/until/g)?.length, 1);
  });

  it('draws each area’s grades report by report, and says the same in words', () => {
    const figure = /<figure class="chart">[^]*?<\/figure>/.exec(historyBody(result))?.[0] ?? '';
    assert.match(figure, /<svg role="img" aria-labelledby="(chart-[a-z-]+)-title \1-desc"/);
    assert.match(figure, /<desc id="[^"]+">Overall effectiveness: requires improvement to be good \(2016\)\. Children who need help and protection: requires improvement to be good \(2016\), good \(After 2016\)\./);
    // One point per grade the reports give (eleven in all: seven in 2016, four after), each
    // opening the report at its judgement.
    const points = [...figure.matchAll(/<g class="point" data-uri="([^"]+)" data-range="(\d+):\d+:\d+:\d+"><title>([^<]+)<\/title><(\w+) ([^>]+)\/><\/g>/g)];
    assert.equal(points.length, 11);
    assert.deepEqual(points.filter((point) => /After 2016/.test(point[3])).map((point) => point[3].replace(/,.*: /, ': ')), [
      'Children who need help and protection: Good',
      'Children in care: Good',
      'Care leavers: Good', // the summary's one judgement of children in care and care leavers
      'Impact of leaders: Good',
    ]);
    // Grades run down the chart, best at the top: a good point stands above a point that
    // requires improvement, whatever the area.
    const heightOf = (point: RegExpMatchArray) => Number(/c?y="([\d.]+)"|M[\d.]+ ([\d.]+)/.exec(point[5])!.slice(1).find(Boolean));
    const good = points.filter((point) => /: Good$/.test(point[3])).map(heightOf);
    const improvement = points.filter((point) => /Requires improvement/.test(point[3])).map(heightOf);
    assert.ok(Math.max(...good) < Math.min(...improvement), `${good} above ${improvement}`);
    // Every area is drawn in the chart, and told apart by its marker's shape too, not by
    // colour alone.
    assert.equal(new Set([...figure.matchAll(/<g class="series series-([a-z-]+)">/g)].map((match) => match[1])).size, 7);
    assert.equal(new Set(judgementAreas.map((area) => areaMarkers[area](0, 0))).size, judgementAreas.length);
    // Reports with no grade draw no chart.
    assert.equal(gradeChart('Nowhere', [seeds[0]]), '');
  });

  it('draws an adequate of 2013 on the step requires improvement has now, and names it as the report does', () => {
    const lac = historyReport('file:///reports/thurrock-2013.txt', parseReport(joinLines(
      'Inspection of looked after children', 'services', 'Thurrock Council', '', 'Inspection dates:', '', '15 – 19 July 2013', '',
      'Reporting inspector Jo Example HMI', '', 'About this inspection', '1.', '', 'The purpose of the inspection is to evaluate the services.', '',
      'Overall effectiveness of services for looked', 'after children and young people', 'Grade 3 (Adequate)', '11. The overall effectiveness is adequate.', '',
    )));
    const sif = seeds.find((report) => report.kind === 'sif-report')!;
    const figure = gradeChart('Thurrock', [lac, sif]);
    const overall = [...figure.matchAll(/<g class="point"[^>]*><title>Overall effectiveness, (\d{4}) [^:]+: ([^<]+)<\/title><circle cx="[\d.]+" cy="([\d.]+)"/g)].map((match) => [match[1], match[2], match[3]]);
    assert.deepEqual(overall.map(([year, grade]) => `${year} ${grade}`), ['2013 Adequate', '2016 Requires improvement to be good']);
    assert.equal(overall[0][2], overall[1][2]);
    // Whose row then names both, as a chart with no adequate does not.
    const axis = (html: string) => [...html.matchAll(/<text class="axis" x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)<\/text>/g)].map((match) => match[1]);
    assert.deepEqual(axis(figure), ['Outstanding', 'Good', 'Requires improvement', 'Adequate', 'Inadequate']);
    assert.deepEqual(axis(gradeChart('Thurrock', [sif])), ['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
    assert.match(historyBody({ threshold: recurrenceThreshold, histories: authorityHistories([lac, sif]) }), /<span class="grade grade-adequate" title="Adequate">Adequate<\/span>/);
  });

  it('escapes report text, in elements and attributes', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
    // A word in quotation marks, typographic or plain, is the word.
    assert.equal(markShared('information from ‘return home’ and \'return\' interviews', new Set(['return', 'interview'])),
      'information from ‘<mark>return</mark> home’ and <mark>&#39;return&#39;</mark> <mark>interviews</mark>');
    const marked = markShared(hostile, new Set(['img']));
    assert.equal(marked, '&lt;<mark>img</mark> src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
    const [thurrock] = result.histories;
    const renamed: AuthorityHistoryResult = {
      threshold: recurrenceThreshold,
      histories: [{ ...thurrock, name: hostile, reports: thurrock.reports.map((report) => ({ ...report, uri: `${report.uri}"><script>alert(1)</script>` })) }],
    };
    const body = historyBody(renamed);
    assert.doesNotMatch(body, /<img|<script|onerror="/);
    assert.match(body, /<h2 id="authority-thurrock">&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; &amp; &#39;quoted&#39;<\/h2>/);
  });

  it('says so when no authority has two reports', () => {
    assert.match(textOf(historyBody({ threshold: recurrenceThreshold, histories: [] })), /No authority has two or more reports in this workspace\./);
    assert.match(textOf(historyBody(undefined)), /Reading the reports of the workspace/);
  });

  it('allows only its own style and script, and loads nothing from elsewhere', () => {
    const page = historyPage(result, { nonce: 'abc123', cspSource: 'https://example.vscode-resource' });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/example\.vscode-resource 'nonce-abc123'; script-src 'nonce-abc123';">/);
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.match(page, /<script nonce="abc123">/);
    assert.match(page, /<style nonce="abc123">/);
    assert.doesNotMatch(page.replace(/content="default-src[^"]*"/, ''), /https?:\/\//);
    assert.doesNotMatch(page, /\sstyle="/);
  });
});
