// The lead inspector where a report names its team at its end rather than in its title
// block (parse/frontMatter/inspectionTeam.ts), in the layouts pdftotext leaves.
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/report/parse/index';
import { joinLines } from './helpers';

const sifTitle = [
  'Exampleshire Council',
  'Inspection of services for children in need of help and protection, children looked after and care leavers',
  'Inspection date: 6 March 2017–30 March 2017',
  'Report published: 13 June 2017',
  '',
  'Executive summary',
  '',
  'The lead inspector was on site and met with local authority staff.',
  '',
  'Inspection team',
  '',
];

const sendTitle = [
  'Area SEND inspection of Exampleshire Local Area Partnership',
  'Inspection dates: 11 to 15 March 2024',
  '',
  'Inspection outcome',
  'The local area partnership’s SEND arrangements typically lead to positive experiences and outcomes.',
  '',
];

function lead(...lines: string[]): string | undefined {
  return parseReport(joinLines(...lines)).metadata.leadInspector;
}

describe('the lead inspector in the inspection team', () => {
  it('reads a SIF report’s `Lead inspector:` line, not a sentence that starts with the words', () => {
    assert.equal(lead(...sifTitle, 'Lead inspector: Jane Example HMI', 'Deputy lead inspector: John Example'), 'Jane Example');
  });

  it('reads the name a table cell puts under the label', () => {
    assert.equal(lead(...sifTitle, 'Lead inspector:', '', 'Anne Example', '', 'Deputy lead inspector:', '', 'John Example'), 'Anne Example');
  });

  it('reads a SEND report’s Ofsted lead inspector, not the CQC’s', () => {
    assert.equal(lead(...sendTitle, 'Care Quality Commission', 'Lesley Example, CQC Lead Inspector', 'Ofsted', 'Sam Example, Ofsted HMI, Lead inspector'), 'Sam Example');
  });

  it('reads a signature wrapped inside its title (Blackpool and Halton, 2024)', () => {
    assert.equal(lead(...sendTitle, 'Ofsted', 'Sam Example, Ofsted HMI lead', 'inspector', '', 'Care Quality Commission', 'Lesley Example, CQC lead inspector'), 'Sam Example');
  });

  it('reads the Ofsted column of a PDF’s reading, the CQC’s a tab beside it (Halton and Blackpool, 2024)', () => {
    assert.equal(lead(...sendTitle, 'Ofsted\tCare Quality Commission', 'Sam Example, Ofsted HMI Lead\tLesley Example, CQC Lead Inspector', 'Inspector'), 'Sam Example');
    assert.equal(lead(...sendTitle, 'Ofsted Sam Example, Ofsted HMI lead inspector\tCare Quality Commission Lesley Example, CQC lead inspector'), 'Sam Example');
  });

  it('reads `Lead inspector on site:` (Hammersmith and Fulham, 2016)', () => {
    assert.equal(lead(...sifTitle, 'The inspection team', 'Lead inspector on site: Jane Example', 'Report author: John Example'), 'Jane Example');
  });

  it('names both leads where two share the lead, without their titles', () => {
    const report = [
      'Inspection of Exampleshire local authority children’s services',
      'Inspection dates: 3 to 14 October 2022',
      'Lead inspectors: Rebecca Example, His Majesty’s Inspector, and Matthew Example,',
      'His Majesty’s Inspector',
    ];
    assert.equal(lead(...report), 'Rebecca Example and Matthew Example');
  });

  it('names an inspector without a courtesy title, as their other reports do', () => {
    assert.equal(lead(...sendTitle, 'Mr Sam Example, Ofsted Lead inspector', 'Ms Lesley Example, CQC Lead inspector'), 'Sam Example');
  });

  it('names none where the report names none', () => {
    assert.equal(lead(...sifTitle, 'Team inspectors: Jo Example'), undefined);
  });
});
