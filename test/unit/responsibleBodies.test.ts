// A SEND report's areas for priority action sit in a table whose first column names the
// responsible bodies; pdftotext writes that column's cells between the actions. Made-up
// text in the corpus's layout (Bexley, Bury and Plymouth, 2023-24): the cells are set
// aside and each action is one finding, with or without bullets.
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/report/parse/index';

const report = [
  'Local Area Partnership report',
  '',
  'Area SEND inspection of Anytown Local Area Partnership',
  'Inspection dates: 4 to 8 December 2023',
  '',
  'What does the area partnership need to do better?',
  'Some children wait too long for therapies.',
  '',
  'Areas for priority action',
  'Responsible body',
  'Anytown Council and South',
  'East Anyshire ICB',
  '',
  'Areas for priority action',
  'Leaders across the partnership should act with urgency',
  'to improve how well children are prepared for',
  'adulthood. They should focus on ensuring that:',
  '▪ annual reviews from Year 9 include a clear focus',
  'on adult life',
  '▪ plans are amended in a timely way.',
  'Leaders, including Anytown Council, the Anyshire Integrated Care Board, and school',
  'and college leaders, must reduce the waits for speech and language therapy.',
  '',
  'Anytown Council, school and',
  'college leaders.',
  '',
  'Leaders across the partnership should work at pace to',
  'commission enough occupational therapy.',
  'Anytown Council and South',
  'East Anyshire ICB',
  '',
  'Local area partnership details',
  'Local Authority',
  'Anytown Council',
].join('\n');

describe('the responsible-body column of a SEND report', () => {
  const parsed = parseReport(report);

  it('is a SEND report, its column set aside: the heading and each cell', () => {
    assert.equal(parsed.kind, 'send-report');
    const cells = parsed.furniture.filter((piece) => piece.kind === 'responsible-body').map((piece) => [piece.range.start.line, piece.range.end.line]);
    assert.deepEqual(cells, [[9, 9], [10, 11], [23, 24], [28, 29]]);
  });

  it('leaves each action one finding, none of them a body’s name', () => {
    const actions = parsed.findings.filter((finding) => finding.category === 'priority-action').map((finding) => finding.text);
    assert.deepEqual(actions, [
      'annual reviews from Year 9 include a clear focus on adult life',
      'plans are amended in a timely way.',
      'Leaders, including Anytown Council, the Anyshire Integrated Care Board, and school and college leaders, must reduce the waits for speech and language therapy.',
      'Leaders across the partnership should work at pace to commission enough occupational therapy.',
    ]);
  });

  it('keeps the details table after it, which names the council too', () => {
    assert.ok(!parsed.furniture.some((piece) => piece.kind === 'responsible-body' && piece.range.start.line > 30));
  });

  it('is no concern of another kind of report', () => {
    const letter = parseReport(report.replace('Local Area Partnership report', '').replace('Area SEND inspection of', 'A visit to'));
    assert.notEqual(letter.kind, 'send-report');
    assert.ok(!letter.furniture.some((piece) => piece.kind === 'responsible-body'));
  });
});

// A PDF's reading (Halton 2024): the page's footer runs straight into the next page's
// first cell, with no blank line between them, in the middle of an action.
describe('a responsible-body cell just after a page break, as a PDF is read', () => {
  const footer = (page: number) => ['Inspection report: Anytown Local Area Partnership', `4 to 8 December 2023\t${page}`];
  const pdf = [
    'Local Area Partnership report',
    '',
    'Area SEND inspection of Anytown Local Area Partnership',
    'Inspection dates: 4 to 8 December 2023',
    '',
    ...footer(1),
    '\fAreas for priority action',
    'Responsible body',
    'Anytown Council and South',
    'East Anyshire ICB',
    '',
    'Areas for priority action',
    'Leaders across the partnership should improve the joint',
    'commissioning of services to ensure',
    ...footer(2),
    '\fAnytown Council and South',
    'East Anyshire ICB',
    '',
    'that children receive the support they need.',
    'Leaders should reduce the waits for speech and language therapy.',
    '',
    'Local area partnership details',
    ...footer(3),
  ].join('\n');
  const parsed = parseReport(pdf);

  it('sets the cell aside, and the action reads on across the page', () => {
    assert.ok(parsed.furniture.some((piece) => piece.kind === 'responsible-body' && piece.range.start.line === 17), 'the cell after the footer');
    assert.deepEqual(parsed.findings.filter((finding) => finding.category === 'priority-action').map((finding) => finding.text), [
      'Leaders across the partnership should improve the joint commissioning of services to ensure that children receive the support they need.',
      'Leaders should reduce the waits for speech and language therapy.',
    ]);
  });
});

