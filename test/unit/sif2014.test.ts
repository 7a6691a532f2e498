// The single inspection framework reports of 2014 as pdftotext writes them: contents whose
// page numbers stay on an entry's line (Lincolnshire), and headings that the years spelt
// their own way: `Summary of key findings`, `What the inspection judgments mean` (Bolton),
// the board's part wrapped with its `(LSCB)` (Herefordshire). Made-up text in their layout,
// with enough pages that no heading reads as a running header.
import * as assert from 'node:assert/strict';
import { checkReport } from '../../server/src/report/diagnostics';
import { flatten } from '../../server/src/report/parse/references';
import { parseReport } from '../../server/src/report/parse/index';
import { joinLines } from './helpers';

const report = parseReport(
  joinLines(
    'Exampleshire County Council',
    'Inspection of services for children in need of help and',
    'protection, children looked after and care leavers',
    'and',
    'Review of the effectiveness of the local safeguarding children',
    'board',
    'Inspection date: 12 May 2014 – 4 June 2014',
    '',
    '\fContents',
    'Section 1: the local authority',
    '',
    '3',
    '',
    'Summary of key findings',
    'What does the local authority need to improve?4',
    'Progress since the last inspection 7',
    'Section 2: The effectiveness local safeguarding children board',
    '',
    '9',
    '',
    'What the inspection judgments mean: the LSCB',
    '',
    '12',
    '',
    '\fSection 1: the local authority',
    'Summary of key findings',
    'This local authority requires improvement and is not yet good because',
    '1. Plans for children are not always specific.',
    '',
    '\fWhat does the local authority need to improve?',
    'Areas for improvement',
    '2. Ensure that plans for children are specific.',
    '',
    '\fProgress since the last inspection',
    'Leaders have made progress since the last inspection.',
    '',
    '\fSection 2: The effectiveness of the Local Safeguarding',
    'Children Board (LSCB)',
    'The effectiveness of the LSCB requires improvement',
    'Areas for improvement',
    '3. Ensure that the board evaluates the quality of early help.',
    '',
    '\fWhat the inspection judgments mean: the LSCB',
    '\fAn LSCB that is good coordinates the activity of statutory partners.',
  ),
);

describe('SIF reports of 2014 as pdftotext writes them', () => {
  it('reads each contents entry, its page number on its line or after it', () => {
    assert.deepEqual(
      report.contents.map((entry) => [entry.title, entry.page]),
      [
        ['Section 1: the local authority', 3],
        // Stacked with no blank line between, as pdftotext leaves them: one entry of two headings.
        ['Summary of key findings What does the local authority need to improve?', 4],
        ['Progress since the last inspection', 7],
        ['Section 2: The effectiveness local safeguarding children board', 9],
        ['What the inspection judgments mean: the LSCB', 12],
      ],
    );
  });

  it('makes sections of the headings the years spelt their own way', () => {
    const names = flatten(report.sections).map((section) => section.name);
    for (const name of ['Summary of key findings', 'Section 2: The effectiveness of the Local Safeguarding Children Board (LSCB)', 'What the inspection judgments mean: the LSCB']) {
      assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    }
  });

  it('finds every contents entry’s heading, the board’s part despite the contents leaving words out', () => {
    assert.deepEqual(checkReport(report).filter((diagnostic) => diagnostic.code === 'contents.no-heading'), []);
    assert.ok(report.contents.every((entry) => entry.heading), JSON.stringify(report.contents.filter((entry) => !entry.heading).map((entry) => entry.title)));
  });
});
