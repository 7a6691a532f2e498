// Exact expectations for the five seeds: kind, sections in order, findings per category,
// judgements, and the cross references of the SIF report. The counts are those of
// REPORT-KINDS.md, checked by reading each seed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findingCategories, type FindingCategory, type Report } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { flatten } from '../../server/src/report/parse/references';

function seed(name: string): Report {
  return parseReport(readFileSync(path.join(__dirname, '..', '..', 'seeds', name), 'utf8'));
}

function outline(report: Report): string[] {
  return flatten(report.sections).map((section) => `${section.level} ${section.name}`);
}

function counts(report: Report): Partial<Record<FindingCategory, number>> {
  const result: Partial<Record<FindingCategory, number>> = {};
  for (const category of findingCategories) {
    const count = report.findings.filter((finding) => finding.category === category).length;
    if (count > 0) result[category] = count;
  }
  return result;
}

function judgements(report: Report): string[] {
  return report.judgements.map((judgement) => `${judgement.area} ${judgement.grade} ${judgement.source}`);
}

describe('seed 000: Thurrock, unannounced inspection letter, 2009', () => {
  const report = seed('000_cedd8d57784a9609.txt');

  it('is a contact, referral and assessment letter', () => {
    assert.equal(report.kind, 'cra-letter');
    assert.match(report.kindEvidence[0].text, /^Annual unannounced inspection of contact, referral and assessment/);
  });

  it('has the letter’s sections in order', () => {
    assert.deepEqual(outline(report), ['1 Delivered satisfactorily in accordance with national guidance', '1 Strengths', '1 Areas for development']);
  });

  it('finds 15 satisfactory items, 4 strengths, 3 areas for development and no priority action', () => {
    assert.deepEqual(counts(report), { development: 3, strength: 4, satisfactory: 15 });
  });

  it('reads the bullets whose glyph extraction lost (lines 25, 36 and 47)', () => {
    const lines = report.findings.filter((finding) => finding.category === 'satisfactory').map((finding) => finding.range.start.line + 1);
    for (const line of [25, 36, 47]) assert.ok(lines.includes(line), `no satisfactory item at line ${line}`);
  });

  it('says there are no priority actions, as the letter does', () => {
    assert.equal(report.outcome?.priorityActions, false);
  });

  it('reads the metadata of the letter', () => {
    assert.deepEqual(report.metadata, {
      letterDate: '2 December 2009',
      addressee: 'Ms Jo Olsson Director of Children Education and Families Thurrock Council Civic Offices New Road, Grays Essex RM17 6SL',
      title: "Annual unannounced inspection of contact, referral and assessment arrangements within Thurrock Council children's services",
      authority: 'Thurrock Council',
      inspectionDates: '3 and 4 November 2009',
      signatory: 'Heather Brown',
    });
  });
});

describe('seed 001: Essex, unannounced inspection letter, 2009', () => {
  const report = seed('001_3fc988dedc62c826.txt');

  it('has the letter’s sections in order, areas for priority action last', () => {
    assert.equal(report.kind, 'cra-letter');
    assert.deepEqual(outline(report), [
      '1 Delivered satisfactorily in accordance with national guidance',
      '1 Strengths',
      '1 Areas for development',
      '1 Areas for priority action',
    ]);
  });

  it('finds 8 satisfactory items, 3 strengths, 8 areas for development and 3 priority actions', () => {
    assert.deepEqual(counts(report), { 'priority-action': 3, development: 8, strength: 3, satisfactory: 8 });
  });

  it('joins the fragment after the page break (line 70) to the second priority action', () => {
    const second = report.findings.filter((finding) => finding.category === 'priority-action')[1];
    assert.equal(second.range.start.line + 1, 66);
    assert.equal(second.range.end.line + 1, 70);
    assert.match(second.text, /action is undertaken by a duty worker, but this does not provide a consistent service/);
  });

  it('reads the paragraph after the list (line 72) as the third priority action, and not the closing sentence', () => {
    const [, , third] = report.findings.filter((finding) => finding.category === 'priority-action');
    assert.equal(third.range.start.line + 1, 72);
    assert.ok(!report.findings.some((finding) => /will be specifically considered/.test(finding.text)));
  });

  it('says there are priority actions, as the letter does', () => {
    assert.equal(report.outcome?.priorityActions, true);
    assert.equal(report.outcome?.range.start.line, 20);
  });
});

describe('seed 002: Thurrock, news summary of an ILACS inspection, 2019', () => {
  const report = seed('002_9f986742e412e620.txt');

  it('is recognised as a summary, not as the report', () => {
    assert.equal(report.kind, 'ilacs-summary');
    assert.equal(report.metadata.title, 'Thurrock improves from requires improvement to good');
  });

  it('has a section per judgement and one for what should improve', () => {
    assert.deepEqual(outline(report), [
      '1 The experiences and progress of children who need help and protection',
      '1 The experiences and progress of children in care and care leavers',
      '1 The impact of leaders on social work practice with children and families',
      '1 In order to improve practice',
    ]);
  });

  it('reads the three judgements from their sentences', () => {
    assert.deepEqual(judgements(report), ['help-and-protection good sentence', 'children-in-care good sentence', 'leadership good sentence']);
  });

  it('finds what inspectors highlighted (8 + 9 + 6) and the 3 things to improve', () => {
    assert.deepEqual(counts(report), { development: 3, strength: 23 });
    assert.match(report.findings.filter((finding) => finding.category === 'development')[0].text, /^In order to improve practice, Thurrock should ensure/);
  });

  it('leaves the website footer out of every section', () => {
    const last = report.sections[report.sections.length - 1];
    assert.equal(last.range.end.line + 1, 39);
    assert.ok(report.furniture.some((piece) => piece.kind === 'website-footer' && piece.range.start.line + 1 === 40));
  });
});

describe('seed 003: Thurrock, single inspection framework report, 2016', () => {
  const report = seed('003_35a5abd99a445aeb.txt');

  it('is a SIF report with its metadata', () => {
    assert.equal(report.kind, 'sif-report');
    assert.deepEqual(report.metadata, {
      inspectionDates: '22 February 2016 to 17 March 2016',
      publicationDate: '24 May 2016',
      // From its `Inspection team` at the end: `Lead inspector: Jansy Kelly`.
      leadInspector: 'Jansy Kelly',
      title: 'Inspection of services for children in need of help and protection, children looked after and care leavers',
      authority: 'Thurrock Council',
    });
  });

  it('has the report’s sections in order, the contents and title block left out', () => {
    assert.deepEqual(outline(report), [
      '1 Executive summary',
      '1 The local authority',
      '2 Information about this local authority area',
      '3 Previous Ofsted inspections',
      '3 Local leadership',
      '3 Children living in this area',
      '3 Child protection in this area',
      '3 Children looked after in this area',
      '1 Recommendations',
      '1 Summary for children and young people',
      '1 The experiences and progress of children who need help and protection',
      '2 Summary',
      '2 Inspection findings',
      '1 The experiences and progress of children looked after and achieving permanence',
      '2 Summary',
      '2 Inspection findings',
      '2 The graded judgement for adoption performance',
      '2 The graded judgement about the experience and progress of care leavers',
      '1 Leadership, management and governance',
      '2 Summary',
      '2 Inspection findings',
      '1 The Local Safeguarding Children Board (LSCB)',
      '2 Executive summary',
      '2 Recommendations',
      '2 Inspection findings – the Local Safeguarding Children Board',
      '1 Information about this inspection',
      '2 The inspection team',
    ]);
  });

  it('reads the judgement table, the overall sentence, the grade lines and the board’s judgement', () => {
    assert.deepEqual(judgements(report), [
      'help-and-protection requires-improvement table',
      'children-in-care requires-improvement table',
      'adoption requires-improvement table',
      'care-leavers requires-improvement table',
      'leadership requires-improvement table',
      'overall requires-improvement sentence',
      'children-in-care requires-improvement heading',
      'adoption requires-improvement heading',
      'care-leavers requires-improvement heading',
      'leadership requires-improvement heading',
      'lscb good sentence',
    ]);
    // The help and protection section has no grade line in this text.
    assert.equal(report.sections[4].judgement, undefined);
  });

  it('finds the 16 + 2 recommendations, numbered', () => {
    const recommendations = report.findings.filter((finding) => finding.category === 'recommendation');
    assert.deepEqual(
      recommendations.map((finding) => finding.number),
      [...Array.from({ length: 16 }, (_, i) => i + 1), 114, 115],
    );
    assert.deepEqual(counts(report), { recommendation: 18 });
    assert.equal(recommendations[16].section, 'Recommendations');
  });

  it('numbers 138 paragraphs from 1 to 138, inline `113.` included', () => {
    assert.deepEqual(
      report.paragraphs.map((paragraph) => paragraph.number),
      Array.from({ length: 138 }, (_, i) => i + 1),
    );
  });

  it('joins every page-break continuation to the paragraph before it', () => {
    const continued = report.paragraphs.filter((paragraph) => paragraph.range.end.line > paragraph.range.start.line).map((paragraph) => paragraph.number);
    assert.deepEqual(continued, [20, 24, 32, 37, 41, 49, 53, 57, 62, 66, 75, 79, 87, 92, 98, 106, 109, 118, 122, 137]);
    const twenty = report.paragraphs[19];
    assert.equal(twenty.range.end.line + 1, 209);
    assert.match(twenty.text, /without services in place to reduce risk and meet their needs\.$/);
  });

  it('finds the 29 (Recommendation) tags, each on its paragraph, with the recommendation they support', () => {
    assert.equal(report.recommendationTags.length, 29);
    // Paragraph 49 ends after a page break with `... strong on analysis (Recommendation).`
    const tag = report.recommendationTags.find((candidate) => candidate.paragraph === 49);
    assert.ok(tag);
    assert.equal(tag.range.start.line + 1, 285);
    // Recommendation 3: `Ensure that assessments and plans for children are of a consistently high quality.`
    const assessments = report.recommendationTags.find((candidate) => candidate.paragraph === 61);
    assert.ok(assessments?.supports.includes(3));
    // Paragraph 113 supports recommendation 16 (supervision), 134 the board's 114 (audits).
    assert.deepEqual(report.recommendationTags.find((candidate) => candidate.paragraph === 113)?.supports, [16]);
    assert.deepEqual(report.recommendationTags.find((candidate) => candidate.paragraph === 134)?.supports, [114]);
  });

  it('matches every contents entry to its heading, the garbled one included', () => {
    assert.equal(report.contents.length, 12);
    for (const entry of report.contents) assert.ok(entry.heading, `no heading for ${entry.title}`);
    const garbled = report.contents.find((entry) => entry.title.includes('achie permanence'));
    assert.equal(garbled?.heading?.name, 'The experiences and progress of children looked after and achieving permanence');
  });

  it('keeps the footnotes, the contents and the title block out of the sections', () => {
    const kinds = new Set(report.furniture.map((piece) => piece.kind));
    for (const kind of ['title-block', 'judgement-table', 'contents', 'footnote'] as const) assert.ok(kinds.has(kind), kind);
  });
});

describe('seed 004: Stockton-on-Tees, unannounced inspection letter, 2011 wording', () => {
  const report = seed('004_161752b46caf5eec.txt');

  it('has the 2011 letter’s sections', () => {
    assert.equal(report.kind, 'cra-letter');
    assert.deepEqual(outline(report), ['1 The service meets the requirements of statutory guidance in the following areas', '1 Areas for development']);
  });

  it('finds 14 items that meet requirements and 6 areas for development', () => {
    assert.deepEqual(counts(report), { development: 6, satisfactory: 14 });
  });

  it('flags the items that were areas of development at the previous inspection', () => {
    const recurring = report.findings.filter((finding) => finding.recurring).map((finding) => `${finding.category} ${finding.range.start.line + 1}`);
    assert.deepEqual(recurring, ['satisfactory 48', 'satisfactory 55', 'satisfactory 56', 'satisfactory 57', 'development 65', 'development 66', 'development 67']);
  });

  it('joins page-break continuations, the recurring flag after the break included', () => {
    const last = report.findings.filter((finding) => finding.category === 'development')[5];
    assert.equal(last.range.end.line + 1, 71);
    assert.match(last.text, /Reasons for delays are not always recorded clearly\. This was an area of development at the previous inspection\.$/);
    const outOfHours = report.findings.find((finding) => finding.text.startsWith('Out of hours'));
    assert.equal(outOfHours?.text, 'Out of hours arrangements are well established, with appropriate links to daytime services.');
  });

  it('says there are no priority actions, as the letter does', () => {
    assert.equal(report.outcome?.priorityActions, false);
  });
});
