// An authority's history over the seeds (Thurrock in 2009, 2016 and 2019) and, when it is
// beside the repository, the corpus (City of London, North East Lincolnshire and Sandwell
// twice each): which reports go together, in which order, with which judgements, and
// which findings are matched as recurring; and how a history follows an abolished
// authority's reports to its successors. The pairs asserted here were read, and the
// matches judged, by a person.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  authorityHistories,
  findingSimilarity,
  historyReport,
  recurrenceThreshold,
  reportDate,
  stem,
} from '../../server/src/report/features/authorityHistory';
import type { AuthorityHistory, HistoryReport } from '../../server/src/protocol';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, joinLines, seedNames, seedsDir } from './helpers';

function read(folder: string, names: readonly string[]): HistoryReport[] {
  return names.map((name) => {
    const file = path.join(folder, name);
    return historyReport(URI.file(file).toString(), parseReport(fs.readFileSync(file, 'utf8')));
  });
}

const seeds = read(seedsDir, seedNames());

function fileName(uri: string): string {
  return path.basename(URI.parse(uri).fsPath);
}

function timeline(history: AuthorityHistory): string[] {
  return history.reports.map((report) => `${fileName(report.uri)} ${report.kind} ${report.date.label} (${report.date.source})`);
}

function grades(report: HistoryReport): string[] {
  return report.judgements.map((judgement) => `${judgement.area} ${judgement.grade}`);
}

describe('authority history: dates', () => {
  const dated = (metadata: object, file = 'report.txt') => reportDate({ ...parseReport(''), metadata }, file);

  it('takes a letter’s date, a report’s publication, or the last day of its inspection', () => {
    assert.deepEqual(dated({ letterDate: '2 December 2009', inspectionDates: '3 and 4 November 2009' }), { label: '2 December 2009', source: 'letter', order: 20091202 });
    assert.deepEqual(dated({ inspectionDates: '22 February 2016 to 17 March 2016', publicationDate: '24 May 2016' }), { label: '24 May 2016', source: 'published', order: 20160524 });
    for (const [dates, label] of [
      ['6 March to 30 March 2017', '30 March 2017'],
      ['15-19 July 2013', '19 July 2013'],
      ['24 – 28 June 2013', '28 June 2013'],
      ['31 January and 1 February 2023', '1 February 2023'],
      ['2 June 2014 – 25 June 2014', '25 June 2014'],
    ]) {
      assert.equal(dated({ inspectionDates: dates }).label, label, dates);
    }
  });

  it('reads a date as the table does, numeric ones too (Stoke-on-Trent 2015: `Report published: 10/08/2015`)', () => {
    assert.deepEqual(dated({ publicationDate: '10/08/2015', inspectionDates: '1/06/2015 – 25/06/2015' }, 'stoke-on-trent-inspection-12-august-2015.txt'), { label: '10 August 2015', source: 'published', order: 20150810 });
    assert.equal(dated({ inspectionDates: '1 Feb 2021 – 12 March 2021' }).label, '12 March 2021');
    // No such day: the month stands.
    assert.equal(dated({ inspectionDates: '31 February 2016' }).label, 'February 2016');
  });

  it('falls back on the file name, then on the previous inspection a summary names', () => {
    assert.deepEqual(dated({}, 'sandwell-inspection-02-december-2025.txt'), { label: '2 December 2025', source: 'file name', order: 20251202 });
    assert.deepEqual(dated({}, 'thurrock_2019_summary.txt'), { label: '2019', source: 'file name', order: 20190000 });
    // The digits of a hash are not a year.
    assert.equal(dated({}, '002_9f986742e412e620.txt').source, 'none');
    assert.deepEqual(dated({ previousInspection: '2016' }, '002_9f986742e412e620.txt'), { label: 'after 2016', source: 'previous inspection', order: 20161300 });
    assert.ok(dated({}, 'x.txt').order > dated({ letterDate: '1 January 2030' }).order, 'an undated report comes last');
  });
});

describe('authority history: odd input', () => {
  it('takes any document and any name without throwing', () => {
    const odd = ['', '\u0000\u0001\u0002 binary', 'Shopping list\n\nMilk\n', 'Thurrock improves\n\nSince the last inspection of Thurrock in 2016, it improved.'];
    const reports = odd.flatMap((text, index) => [
      historyReport(`file:///a/${index}%E0%A4%A.txt`, parseReport(text)),
      historyReport(`untitled:Untitled-${index}`, parseReport(text)),
    ]);
    assert.equal(reports.length, 8);
    assert.ok(Array.isArray(authorityHistories(reports, { includeSingle: true })));
  });
});

describe('authority history: the seeds', () => {
  const histories = authorityHistories(seeds);

  it('shows Thurrock alone: Essex and Stockton have one report each', () => {
    assert.deepEqual(histories.map((history) => [history.key, history.name]), [['thurrock', 'Thurrock']]);
    const all = authorityHistories(seeds, { includeSingle: true });
    assert.deepEqual(all.map((history) => [history.name, history.reports.length]), [
      ['Essex', 1],
      ['Stockton-on-Tees', 1],
      ['Thurrock', 3],
    ]);
  });

  it('orders Thurrock’s reports 2009 letter, 2016 SIF report, 2019 summary', () => {
    assert.deepEqual(timeline(histories[0]), [
      '000_cedd8d57784a9609.txt cra-letter 2 December 2009 (letter)',
      '003_35a5abd99a445aeb.txt sif-report 24 May 2016 (published)',
      // The news summary gives no date; it names 2016 as the last inspection.
      '002_9f986742e412e620.txt ilacs-summary after 2016 (previous inspection)',
    ]);
  });

  it('gives each report its judgements per area, one grade an area', () => {
    const [letter, sif, summary] = histories[0].reports;
    assert.deepEqual(grades(letter), []);
    assert.deepEqual(grades(sif), [
      'overall requires-improvement',
      'help-and-protection requires-improvement',
      'children-in-care requires-improvement',
      'care-leavers requires-improvement',
      'adoption requires-improvement',
      'leadership requires-improvement',
      'lscb good',
    ]);
    // `Children in care and care leavers: good`: one judgement of both, under ILACS until 2023.
    assert.deepEqual(grades(summary), ['help-and-protection good', 'children-in-care good', 'care-leavers good', 'leadership good']);
  });

  it('keeps the findings that call for action, and not the board’s own recommendations', () => {
    const [letter, sif, summary] = histories[0].reports;
    assert.deepEqual(letter.findings.map((finding) => finding.category), ['development', 'development', 'development']);
    // Recommendations 1 to 16 are the authority's; 114 and 115 are the LSCB's.
    assert.deepEqual(sif.findings.map((finding) => finding.number), Array.from({ length: 16 }, (_, i) => i + 1));
    assert.deepEqual(summary.findings.map((finding) => finding.category), ['development', 'development', 'development']);
  });

  it('matches none of Thurrock’s findings at the threshold; the nearest is children missing from home, below it', () => {
    assert.deepEqual(histories[0].recurring, []);
    // Read and judged: the same issue again, but the 2019 finding also speaks of
    // exploitation and of systems, so the words they share are too few a part of it.
    const [nearest, ...others] = authorityHistories(seeds, { threshold: 0.25 })[0].recurring;
    assert.deepEqual(others, []);
    assert.equal(fileName(nearest.earlier.uri), '003_35a5abd99a445aeb.txt');
    assert.equal(nearest.earlier.finding.number, 4);
    assert.match(nearest.earlier.finding.text, /^Improve the offer of return home interviews to children and young people who have been missing from home or care/);
    assert.equal(fileName(nearest.later.uri), '002_9f986742e412e620.txt');
    assert.match(nearest.later.finding.text, /children missing from home and care/);
    assert.deepEqual(nearest.shared, ['miss', 'home']);
    assert.equal(nearest.score.toFixed(3), '0.267');
    assert.ok(nearest.score < recurrenceThreshold);
  });

  it('finds the recurring finding in a later report of the same authority, and only there', () => {
    const letter = (date: string, authority: string, ...development: string[]) =>
      parseReport(joinLines(
        'Ofsted', '', date, '', 'Dear Ms Smith', '',
        `Annual unannounced inspection of contact, referral and assessment arrangements within ${authority} children’s services`, '',
        'The inspection identified no areas for priority action but some areas for development.', '',
        'Areas for development', '',
        ...development.map((text) => `- ${text}`), '', 'Yours sincerely', '', 'Inspector',
      ));
    const reports = [
      historyReport('file:///a/2009.txt', letter('2 December 2009', 'Thurrock Council', 'Return home interviews for children who go missing from home are not offered consistently.')),
      historyReport('file:///a/2011.txt', letter('9 June 2011', 'Thurrock', 'Children who go missing from home are not always offered return home interviews.', 'Supervision is not recorded.')),
      historyReport('file:///a/essex.txt', letter('12 November 2009', 'Essex County Council', 'Return home interviews for children who go missing from home are not offered consistently.')),
    ];
    const [history] = authorityHistories(reports);
    assert.equal(history.name, 'Thurrock');
    assert.deepEqual(history.recurring.map((match) => [match.earlier.uri, match.later.uri, match.later.finding.text.slice(0, 23), match.score.toFixed(2)]), [
      ['file:///a/2009.txt', 'file:///a/2011.txt', 'Children who go missing', '0.91'],
    ]);
  });
});

describe('authority history: a summary known only to come after its previous inspection', () => {
  // Thurrock's 2019 summary (a seed) gives no date, only that the last inspection was in
  // 2016; Thurrock's 2019 ILACS report is of the same inspection, and words its findings
  // alike. The summary may come before or after any report dated after 2016: none of
  // those is matched with it as the later of the two.
  const finding = (text: string) => ({ category: 'development' as const, text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, section: 'What needs to improve' });
  const text = 'Planned transitions and closer collaboration with adult services need to happen earlier for disabled young people.';
  const summary: HistoryReport = { uri: 'file:///a/summary.txt', kind: 'ilacs-summary', authority: 'Thurrock', date: { label: 'after 2016', source: 'previous inspection', order: 20161300 }, judgements: [], findings: [finding(text)] };
  const report: HistoryReport = { uri: 'file:///a/report.txt', kind: 'ilacs-report', authority: 'Thurrock', date: { label: '22 November 2019', source: 'inspection', order: 20191122 }, judgements: [], findings: [finding(text)] };
  const earlier: HistoryReport = { uri: 'file:///a/sif.txt', kind: 'sif-report', authority: 'Thurrock', date: { label: '24 May 2016', source: 'published', order: 20160524 }, judgements: [], findings: [finding(text)] };

  it('is not the earlier report of a report dated after that year', () => {
    const [history] = authorityHistories([summary, report]);
    assert.deepEqual(history.reports.map((each) => each.kind), ['ilacs-summary', 'ilacs-report']);
    assert.deepEqual(history.recurring, []);
  });

  it('is still the later report of one dated before it', () => {
    const [history] = authorityHistories([earlier, summary]);
    assert.deepEqual(history.recurring.map((match) => [fileName(match.earlier.uri), fileName(match.later.uri)]), [['sif.txt', 'summary.txt']]);
  });
});

describe('authority history: successions', () => {
  // Empty reports named as Ofsted names its downloads: the authority and the date come from the file name.
  const report = (file: string) => historyReport(`file:///archive/${file}`, parseReport(''));
  const reports = [
    'northamptonshire-inspection-20-june-2019.txt',
    'west-northamptonshire-focused-visit-05-may-2022.txt',
    'north-northamptonshire-inspection-10-march-2023.txt',
    'bournemouth-inspection-03-july-2017.txt',
    'poole-inspection-12-march-2018.txt',
    'bournemouth-christchurch-poole-inspection-21-march-2022.txt',
    'cumbria-inspection-14-june-2022.txt',
  ].map(report);
  const told = (history: AuthorityHistory) => [history.name, history.reports.map((entry) => `${entry.authority} ${entry.date.label}`), history.predecessors];

  it('begins each successor’s history with the abolished authority’s reports, and says whose they were', () => {
    assert.deepEqual(authorityHistories(reports).map(told), [
      ['Bournemouth, Christchurch and Poole', ['Bournemouth 3 July 2017', 'Poole 12 March 2018', 'Bournemouth, Christchurch and Poole 21 March 2022'], [{ name: 'Bournemouth', until: '2019-04-01' }, { name: 'Poole', until: '2019-04-01' }]],
      ['North Northamptonshire', ['Northamptonshire 20 June 2019', 'North Northamptonshire 10 March 2023'], [{ name: 'Northamptonshire', until: '2021-04-01' }]],
      ['West Northamptonshire', ['Northamptonshire 20 June 2019', 'West Northamptonshire 5 May 2022'], [{ name: 'Northamptonshire', until: '2021-04-01' }]],
    ]);
  });

  it('keeps an abolished authority’s reports as its own history when none of its successors’ is there', () => {
    // Cumbria's successors, Cumberland and Westmorland and Furness, have no report here.
    const cumbria = authorityHistories(reports, { includeSingle: true }).find((history) => history.name === 'Cumbria');
    assert.deepEqual(cumbria && told(cumbria), ['Cumbria', ['Cumbria 14 June 2022'], undefined]);
    assert.equal(authorityHistories(reports, { includeSingle: true }).some((history) => history.name === 'Northamptonshire'), false);
  });
});

describe('authority history: words', () => {
  it('meets a word’s forms, and not short words', () => {
    assert.deepEqual(['records', 'recorded', 'recording', 'record'].map(stem), ['record', 'record', 'record', 'record']);
    assert.deepEqual(['plans', 'planning', 'planned'].map(stem), ['plan', 'plan', 'plan']);
    assert.deepEqual(['staff', 'process', 'embed', 'used'].map(stem), ['staff', 'process', 'embed', 'used']);
    // `processes` is `process`, which every shortfall names, so no longer a telling word of its own.
    assert.deepEqual(['processes', 'approaches', 'addresses', 'services', 'practices'].map(stem), ['process', 'approach', 'address', 'service', 'practice']);
  });

  it('reads a word in quotation marks as the word', () => {
    // Read in corpus-wide: Southampton's 2014 recommendation and its 2018 focused visit.
    const { score, shared } = findingSimilarity(
      'Ensure that information from ‘return home’ interviews is routinely shared and used to improve the quality of safe care planning for children.',
      'the take up and quality of return home interviews.',
    );
    assert.deepEqual(shared, ['return', 'home', 'interview']);
    assert.ok(score >= recurrenceThreshold, score.toFixed(3));
  });

  it('does not match findings on neighbouring subjects', () => {
    // Read in the corpus: two councils' findings that share words, not an issue.
    const unrelated: [string, string][] = [
      ['The timeliness of checks of private foster carers.', 'Improve the quality and choice of accommodation for care leavers, and enable more young people to remain with their foster carers beyond the age of 18.'],
      ['Manageable caseloads for social workers.', 'In some cases seen by inspectors, it was not clear that children had always been seen alone when social workers visit.'],
      ['Further improve the quality and consistency of written plans for children, including early help plans, child in need plans, personal education plan (PEP)s and pathway plans.', 'The management overview of families stepped down to early help to ensure that families receive help within a timescale that is right for them.'],
      ['Ensure that looked after children receive initial health assessments promptly.', 'The quality of initial assessments is inconsistent, although inspectors saw some examples of good practice.'],
      ['Ensure that pathway assessments and plans are developed to engage care leavers effectively, and that care leavers benefit from regular reviews.', 'The timeliness of initial health assessments when all children come into care needs addressing.'],
    ];
    for (const [left, right] of unrelated) {
      const { score, shared } = findingSimilarity(left, right);
      assert.ok(score < recurrenceThreshold, `${score.toFixed(3)} [${shared.join(', ')}]: ${left} / ${right}`);
    }
  });

  it('matches the same issue in another framework’s words', () => {
    // `looked after` (until 2018) is `in care` (after); the framework's outcome tag is not the finding.
    const { score, shared } = findingSimilarity(
      'Ensure that all children looked after who go missing are offered a return home interview.',
      'Return home interviews for children in care who go missing. (outcome 3, national framework)',
    );
    assert.deepEqual([...shared].sort(), ['home', 'interview', 'miss', 'return']);
    assert.ok(score >= recurrenceThreshold, score.toFixed(3));
  });
});

describe('authority history: the corpus', function () {
  before(function () {
    if (!fs.existsSync(corpusDir)) this.skip();
  });

  const corpus = () => read(corpusDir, fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort());

  it('brings together the authorities that appear more than once, and no others', () => {
    const reports = [...corpus(), ...seeds];
    const histories = authorityHistories(reports);
    assert.deepEqual(histories.map((history) => [history.name, timeline(history).map((line) => line.split(' ')[0])]), [
      ['City of London', ['london-corporation-inspection-20-september-2016.txt', 'london-corporation-inspection-06-april-2020.txt']],
      ['North East Lincolnshire', ['north-east-lincolnshire-focused-visit-18-june-2021.txt', 'north-east-lincolnshire-inspection-03-september-2025.txt']],
      ['Sandwell', ['sandwell-inspection-02-august-2013.txt', 'sandwell-inspection-02-december-2025.txt']],
      ['Thurrock', ['000_cedd8d57784a9609.txt', '003_35a5abd99a445aeb.txt', '002_9f986742e412e620.txt']],
    ]);
    // Every other report stands alone: 45 documents, 40 authorities.
    assert.equal(authorityHistories(reports, { includeSingle: true }).length, reports.length - 5);
  });

  it('dates every corpus report and names its authority', () => {
    for (const report of corpus()) {
      assert.ok(report.authority, fileName(report.uri));
      assert.notEqual(report.date.source, 'none', fileName(report.uri));
    }
  });

  it('gives the judgements of each report of Sandwell, 2013 and 2025', () => {
    const sandwell = authorityHistories(corpus()).find((history) => history.key === 'sandwell');
    assert.deepEqual(sandwell?.reports.map(grades), [
      // Outcomes for looked after children: `Grade 3 (Adequate)`, the scale of 2013.
      ['overall inadequate', 'children-in-care adequate', 'leadership inadequate'],
      ['overall good', 'help-and-protection good', 'children-in-care good', 'care-leavers requires-improvement', 'leadership good'],
    ]);
  });

  it('matches the City of London’s recording of decisions, 2016 to 2020, and nothing else in the corpus', () => {
    const histories = authorityHistories(corpus());
    const recurring = histories.flatMap((history) => history.recurring.map((match) => ({ history: history.name, match })));
    assert.deepEqual(recurring.map(({ history }) => history), ['City of London']);
    const { match } = recurring[0];
    // Read and judged: both ask that decisions be recorded, 2016 for permanence, 2020 at every stage.
    assert.equal(match.earlier.finding.category, 'recommendation');
    assert.equal(match.earlier.finding.number, 3);
    assert.match(match.earlier.finding.text, /^Ensure that permanency planning records include a record of decisions/);
    assert.equal(match.later.finding.category, 'development');
    assert.equal(match.later.finding.text, 'The recording of management decision-making at all stages of a child’s journey.');
    assert.deepEqual(match.shared, ['record', 'decision']);
    assert.equal(match.score.toFixed(3), '0.444');
  });
});
