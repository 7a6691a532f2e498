// The judgements of a report in the layouts pdftotext leaves them in: the table's rows out
// of order or broken by a page number, judgement headings worded as sentences, the board's
// sentence run into the paragraph after it, grade boxes, and a judgement's name over a
// group of recommendations. Each fixture copies the layout of a published report.
import * as assert from 'node:assert/strict';
import { gradeStep, type Report } from '../../server/src/report/model';
import { hoverAt } from '../../server/src/report/features/hover';
import { parseReport } from '../../server/src/report/parse/index';
import { flattenSections, joinLines } from './helpers';

function judgements(report: Report): string[] {
  return report.judgements.map((judgement) => `${judgement.area} ${judgement.grade} ${judgement.source} ${judgement.range.start.line}`);
}

function sif(...body: string[]): Report {
  return parseReport(
    joinLines(
      'Exampleshire Council',
      'Inspection of services for children in need of help and',
      'protection, children looked after and care leavers',
      'and',
      'Review of the effectiveness of the Local Safeguarding Children',
      'Board1',
      'Inspection date: 6 March 2017–30 March 2017',
      'Report published: 13 June 2017',
      ...body,
    ),
  );
}

function ilacs(...body: string[]): Report {
  return parseReport(
    joinLines(
      'Inspection of Exampleshire local authority',
      'children’s services',
      'Inspection dates: 14 to 25 May 2018',
      'Lead inspector: A Person',
      'Her Majesty’s Inspector',
      ...body,
    ),
  );
}

describe('judgements in pdftotext layouts', () => {
  it('reads a wrapped overall sentence whose verb is on its second line, and no board row from the title', () => {
    const report = sif('Children’s services in the Royal Borough of Kingston upon', 'Thames are good', '1. Children who need help and protection', '', 'Good', '', 'Contents');
    assert.equal(report.kind, 'sif-report');
    assert.deepEqual(judgements(report), ['help-and-protection good table 10', 'overall good sentence 8']);
  });

  it('gives each grade of a table to the first numbered row waiting, past a page number', () => {
    const report = sif(
      'Children’s services in Exampleshire require improvement to be good',
      '1. Children who need help and protection',
      '',
      'Requires improvement',
      '',
      'Ofsted produces this report under its power to combine reports.',
      '',
      '1',
      '',
      '2.2 Experiences and progress of care leavers',
      '3. Leadership, management and governance',
      '',
      '2',
      '',
      'Good',
      'Outstanding',
      '',
      'Contents',
    );
    assert.deepEqual(judgements(report), [
      'help-and-protection requires-improvement table 9',
      'care-leavers good table 17',
      'leadership outstanding table 18',
      'overall requires-improvement sentence 8',
    ]);
  });

  it('reads no table row from the end of a sentence in the introduction after the table', () => {
    const report = ilacs(
      'Judgement',
      '',
      'Grade',
      '',
      'The experiences and progress of care',
      'leavers',
      '',
      'Inadequate',
      '',
      'Since the last inspection in 2019, improvements have been made in',
      'some areas of practice. However, the quality of practice is too variable, and',
      'progress of children and young people is too variable, and for care leavers they are',
      'inadequate.',
      '',
      'What needs to improve',
      '- The quality of plans.',
    );
    assert.deepEqual(judgements(report), ['care-leavers inadequate table 9']);
  });

  it('finds ILACS judgement sections headed as sentences, with or without their The', () => {
    const report = ilacs(
      'What needs to improve',
      '- The quality of plans.',
      '',
      'The experiences and progress of children in care and care leavers is',
      'good.',
      '14. Most children who become looked after make progress.',
      'Impact of leaders on social work practice with children and families: good',
      '29. There is strong political and corporate support for children’s services.',
    );
    assert.equal(report.kind, 'ilacs-report');
    assert.deepEqual(judgements(report), ['children-in-care good heading 8', 'leadership good heading 11']);
    assert.deepEqual(
      flattenSections(report.sections).filter((section) => section.role === 'judgement').map((section) => section.name),
      ['The experiences and progress of children in care and care leavers', 'Impact of leaders on social work practice with children and families'],
    );
  });

  it('takes no sentence that goes on after a comma for a heading', () => {
    const report = ilacs(
      'What needs to improve',
      '- The quality of plans.',
      '',
      'The experiences and progress of children who need help and protection,',
      'already good at the last inspection, are now outstanding.',
    );
    assert.deepEqual(judgements(report), []);
  });

  it('reads the board’s judgement from the line under its heading, run into the paragraph after it', () => {
    const report = sif(
      'Children’s services in Exampleshire are good',
      'Executive summary',
      'Services are good.',
      '',
      'The Local Safeguarding Children Board (LSCB)',
      'The Local Safeguarding Children Board is outstanding',
      'Executive summary',
      'The board is a highly influential strategic partnership. It is good at what it does.',
      '',
      'Section 2: The effectiveness of the local safeguarding',
      'children board',
      'The effectiveness of the Swindon Safeguarding Children Board (SSCB) is',
      'good.',
    );
    assert.deepEqual(judgements(report).slice(1), ['lscb outstanding sentence 13', 'lscb good sentence 19']);
  });

  it('reads a grade box under a judgement heading', () => {
    const report = sif(
      'Children’s services in Exampleshire are inadequate',
      'Executive summary',
      'Services are inadequate.',
      '',
      'The experiences and progress of children who need help and protection',
      'Key Judgement',
      'The experiences and progress of',
      'children who need help and protection',
      '',
      'Judgement Grade',
      'Inadequate',
      '',
      '12. Too many children wait too long for help.',
    );
    assert.deepEqual(judgements(report).slice(1), ['help-and-protection inadequate heading 17']);
  });

  it('reads a judgement’s name over a group of recommendations as a sub-heading there', () => {
    const report = sif(
      'Children’s services in Exampleshire are good',
      'Executive summary',
      'Services are good.',
      '',
      'Recommendations',
      'Leadership, management and governance',
      '15. Ensure that there are enough experienced social workers.',
      '',
      'The experiences and progress of children who need help and protection',
      '',
      'Summary',
      'Children who need help and protection receive a good service.',
    );
    const sections = flattenSections(report.sections);
    assert.deepEqual(
      sections.map((section) => `${section.role} ${section.name}`),
      [
        // Straight under the overall judgement sentence, which ends in its grade.
        'executive-summary Executive summary',
        'recommendations Recommendations',
        'other Leadership, management and governance',
        'judgement The experiences and progress of children who need help and protection',
        'summary Summary',
      ],
    );
  });

  it('reads a grade wrapped over three lines and a label that ends in a full stop (Darlington 2018, Cheshire East 2020)', () => {
    const report = ilacs(
      'Judgement',
      '',
      'Grade',
      '',
      'The impact of leaders on social work practice with',
      'children and families.',
      '',
      'Requires',
      'improvement to be',
      'good',
      '',
      'Overall effectiveness',
      '',
      'Requires improvement',
      'to be good',
      '',
      'Since the last inspection, leaders have improved practice.',
    );
    assert.deepEqual(judgements(report), ['leadership requires-improvement table 9', 'overall requires-improvement table 16']);
    assert.equal(report.judgements[0].label, 'The impact of leaders on social work practice with children and families');
  });

  it('reads a grade whose two lines a PDF set a blank line apart, beside a one-line area (Cambridgeshire 2014)', () => {
    const report = sif(
      'The overall judgement is that children’s services are good',
      '',
      '1. Children who need help and protection',
      '',
      'Requires',
      '',
      'improvement',
      '',
      '2. Children looked after and achieving permanence\tGood',
      '',
      'Contents',
    );
    assert.deepEqual(judgements(report), [
      'help-and-protection requires-improvement table 10',
      'children-in-care good table 16',
      'overall good sentence 8',
    ]);
  });

  it('reads the overall sentence that leaves out the authority’s name (Luton 2016)', () => {
    const report = sif('Children’s services require improvement to be good', '1. Children who need help and protection', '', 'Requires improvement', '', 'Contents');
    assert.deepEqual(judgements(report), ['help-and-protection requires-improvement table 9', 'overall requires-improvement sentence 8']);
  });

  it('reads no heading from the text of a bullet whose glyph stood apart: the previous inspection’s grades (Rotherham 2018)', () => {
    const report = sif(
      'Children’s services in Exampleshire are good',
      'Information about this local authority area',
      'Previous Ofsted inspections',
      '\uf02d The last inspection report was published in November 2014. The judgements were:',
      '\u2212 Overall effectiveness: inadequate',
      '\uf02d',
      '',
      'Experiences and progress of care leavers: inadequate',
      '',
      'The experiences and progress of children who need help and protection',
      'Summary',
      'Children are safe.',
    );
    assert.deepEqual(
      flattenSections(report.sections).map((section) => `${section.role} ${section.name}`),
      ['area-information Information about this local authority area', 'other Previous Ofsted inspections', 'judgement The experiences and progress of children who need help and protection', 'summary Summary'],
    );
    assert.deepEqual(report.items.map((item) => item.text).slice(-1), ['Experiences and progress of care leavers: inadequate']);
  });

  it('reads the headings that leave words out: `Summary for children`, `The experiences of children in care` (Ealing 2016, Manchester 2025)', () => {
    const report = ilacs('The experiences of children in care: outstanding', '18.', '', 'Children remain with their families when possible.');
    assert.deepEqual(judgements(report), ['children-in-care outstanding heading 5']);
    const summary = sif('Children’s services in Exampleshire are good', 'Summary for children', 'Services for children in Exampleshire are good.');
    assert.deepEqual(flattenSections(summary.sections).map((section) => section.role), ['children-summary']);
  });

  it('reads `Grade 3 (Adequate)`, the third step until 2013, as adequate, under a heading and in the record of main findings (Kent 2013)', () => {
    const report = parseReport(joinLines(
      'Inspection of looked after children', 'services', 'Exampleshire County Council', '', 'Inspection dates:', '', '15 – 19 July 2013', '',
      'Reporting inspector Jo Example HMI', '', 'About this inspection', '1.', '', 'The purpose of the inspection is to evaluate the contribution made by relevant services.', '',
      'Overall effectiveness of services for looked', 'after children and young people', 'Grade 3 (Adequate)',
      '11. The overall effectiveness of services for looked after children and young', 'people in Exampleshire is adequate.', '',
      'Leadership and management', 'Grade 4 (Inadequate)', '12. Leadership and management are inadequate.', '',
      'Record of main findings', 'Services for looked after children', 'Overall effectiveness', '', 'Adequate', '', 'Leadership and management', '', 'Inadequate', '',
    ));
    assert.equal(report.kind, 'lac-report');
    assert.deepEqual(report.judgements.map((judgement) => `${judgement.area} ${judgement.grade}`), ['overall adequate', 'leadership inadequate', 'overall adequate', 'leadership inadequate']);
    // Shown on the scale it was given on, in its own words.
    assert.match(JSON.stringify(hoverAt(report, { line: 17, character: 3 })), /Outstanding › Good › \*\*Adequate\*\* › Inadequate/);
    assert.equal(gradeStep('adequate'), gradeStep('requires-improvement'));
  });

  it('reads a SIF report’s graded judgements within children looked after without their `The graded judgement for` (Gateshead 2016)', () => {
    const report = sif(
      'Children’s services in Exampleshire are good',
      'The experiences and progress of children looked after and achieving permanence',
      'Summary',
      'Children looked after receive a good service.',
      '',
      'Adoption performance is good',
      '61. Children are identified at an early stage.',
      '',
      'The experience and progress of care leavers requires improvement',
      '76. Arrangements for keeping in touch with care leavers are effective.',
    );
    assert.deepEqual(
      flattenSections(report.sections).map((section) => `${section.role} ${section.name}`),
      ['judgement The experiences and progress of children looked after and achieving permanence', 'summary Summary', 'graded-subjudgement Adoption performance', 'graded-subjudgement The experience and progress of care leavers'],
    );
    assert.deepEqual(judgements(report).slice(-2), ['adoption good heading 13', 'care-leavers requires-improvement heading 16']);
  });
});
