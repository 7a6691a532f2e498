// Where pdftotext leaves no blank line, or one too many: a recommendation that ends without
// its full stop or comes straight under a subheading, a sentence that a number ends over
// a page break, the board's `Executive summary` straight under its judgement sentence, a
// table's header row that repeats the heading above it after a blank line, a list whose
// glyphs stand apart from their texts, and a running footer wrapped onto a second line.
// Each fixture copies the layout of a published report (Southampton, Blackpool and
// Buckinghamshire 2014, York 2017, Telford and Wrekin SEND 2023, Bury and Hillingdon SEND
// 2024).
import * as assert from 'node:assert/strict';
import { checkReport } from '../../server/src/report/diagnostics';
import { parseReport } from '../../server/src/report/parse/index';
import { flattenSections, joinLines } from './helpers';

/** A SIF report, as pdftotext writes its title block, with this body. */
function sif(...body: string[]) {
  return parseReport(
    joinLines(
      'Exampleshire Council',
      'Inspection of services for children in need of help and',
      'protection, children looked after and care leavers',
      'Inspection date: 6 March 2017–30 March 2017',
      '',
      ...body,
    ),
  );
}

describe('line breaks as pdftotext leaves them', () => {
  it('starts the next recommendation after one that ends without its full stop', () => {
    const report = sif(
      'Recommendations',
      '44. Further develop performance management arrangements to provide analysis of',
      'the quality of work being undertaken and drive improvements in service quality',
      '45. Ensure there is sufficient capacity and skills within the Independent Reviewing',
      'Service to provide consistent quality assurance and robust challenge of the',
      'work it reviews.',
    );
    assert.deepEqual(report.paragraphs.map((paragraph) => paragraph.number), [44, 45]);
  });

  it('starts the next recommendation straight under a subheading with no blank line (Blackpool 2014)', () => {
    const report = sif(
      'What does the local authority need to improve?',
      'Areas for improvement',
      '14. Collate and analyse information about children living in households where there',
      'is parental mental ill-health, or substance or alcohol misuse.',
      '',
      'Planning and support for children who are looked after',
      '15. Improve the quality of assessments, including those prior to children returning',
      'home, so that these consistently lead to clear, robust plans for children.',
    );
    assert.deepEqual(report.paragraphs.map((paragraph) => paragraph.number), [14, 15]);
    assert.deepEqual(report.findings.map((finding) => finding.number), [14, 15]);
  });

  it('goes on a sentence over a page break where a number ends it (`Key Stage` / `2. However`, Buckinghamshire 2014)', () => {
    const report = sif(
      'Inspection findings',
      '98. Looked after children do well at primary school, almost as well as other children by the end of Key Stage',
      '',
      '18',
      '',
      '\f2. However, the gap between their attainment and that of all children has widened by the age of 16.',
      '99. In 2013, only 4% of looked after pupils achieved five good GCSEs.',
    );
    assert.deepEqual(report.paragraphs.map((paragraph) => paragraph.number), [98, 99]);
    assert.match(report.paragraphs[0].text, /Key Stage 2\. However, the gap/);
  });

  it('goes on a sentence over a page break where an age ends it (`beyond` / `18. There are`, Telford and Wrekin 2016)', () => {
    const report = sif(
      'Inspection findings',
      '89. The local authority is not supporting enough children looked after to remain with their carers beyond',
      '',
      '31',
      '',
      '\f18. There are currently just six young people in staying-put arrangements.',
      '90. The IRO service is not fully effective.',
    );
    assert.deepEqual(report.paragraphs.map((paragraph) => paragraph.number), [89, 90]);
    assert.match(report.paragraphs[0].text, /carers beyond 18\. There are currently/);
  });

  it('goes on a sentence over a page break after a comma, whatever its next word (`evaluation of,` / `SEND services`, Oxfordshire SEND 2023)', () => {
    const report = sif(
      'Inspection findings',
      'Leaders should use these views to inform their strategic planning for, and evaluation of,',
      '',
      '31',
      '',
      '\fSEND services that improve the outcomes of children.',
      '',
      'Leaders should develop communication systems.',
    );
    assert.deepEqual(report.plainParagraphs.slice(1).map((paragraph) => paragraph.text), [
      'Leaders should use these views to inform their strategic planning for, and evaluation of, SEND services that improve the outcomes of children.',
      'Leaders should develop communication systems.',
    ]);
  });

  it('starts a known heading under a short line that ends no sentence (Warrington 2015: the board has no priority actions, then its areas for improvement)', () => {
    const report = sif(
      'What does the LSCB need to improve?',
      'Priority and immediate action',
      'There are no areas for priority or immediate action',
      'Areas for improvement',
      '',
      '163. Identify clear outcomes for all planned activities and prioritise them in the',
      'Board’s business plan.',
    );
    assert.deepEqual(report.findings.map((finding) => `${finding.category} ${finding.number}`), ['development 163']);
  });

  it('leaves out of an area for priority action the next heading run into its last line as well as printed on its own (Calderdale 2015)', () => {
    const report = sif(
      'What does the local authority need to improve?',
      'Priority and immediate action',
      '3.',
      '',
      'Ensure that findings inform planning to increase the uptake of return interviews when children are',
      'missing from home and care. Areas for improvement',
      '',
      'Areas for improvement',
      '',
      '4.',
      '',
      'Ensure that effective performance management and quality assurance further drive improvement.',
    );
    assert.deepEqual(report.findings.map((finding) => [finding.category, finding.text.split(' ').slice(-4).join(' ')]), [
      ['priority-action', 'from home and care.'],
      ['development', 'assurance further drive improvement.'],
    ]);
  });

  it('ends a numbered paragraph at a subheading with no blank line around it (West Berkshire 2015: `Business Operation` between 138 and 139)', () => {
    const report = sif(
      'Areas for improvement',
      '',
      '138. Embed the use of appropriate data within the new Annual Report and ensure',
      'the report provides a robust analysis of current service',
      'effectiveness.',
      'Business Operation',
      '139. Review the financial contributions made by member agencies to support the',
      'effective running of the LSCB.',
      'Board members',
      'attend well.',
    );
    // `Board members` ends no sentence either, but no number follows it: it wraps 139.
    assert.deepEqual(report.paragraphs.map((paragraph) => [paragraph.number, paragraph.text.split(' ').slice(-4).join(' ')]), [
      [138, 'of current service effectiveness.'],
      [139, 'Board members attend well.'],
    ]);
  });

  it('finds no area for priority action where a numbered paragraph says there is none (Bexley, Sheffield, Swindon and Portsmouth 2014)', () => {
    const report = sif(
      'What does the local authority need to improve?',
      'Priority and immediate action',
      '26.',
      '',
      'The inspection did not find any areas for priority and immediate action.',
      '',
      'Areas for improvement',
      '27.',
      '',
      'Ensure that the thresholds for access to children’s social care services are understood.',
    );
    assert.deepEqual(report.findings.map((finding) => `${finding.category} ${finding.number}`), ['development 27']);
    const portsmouth = sif('What does the LSCB need to improve?', 'Priority and immediate action', '136. No areas were identified for immediate improvement.');
    assert.deepEqual(portsmouth.findings, []);
  });

  it('but not under a heading: the stacked entries of a contents page read from a PDF (Thurrock 2016)', () => {
    const report = sif(
      'Contents',
      'Executive summary\t2',
      '',
      'The local authority\t6',
      'Information about this local authority area',
      'Summary for children and young people',
      'Leadership, management and governance',
      '',
      '6',
      '11',
    );
    assert.deepEqual(flattenSections(report.sections).map((section) => section.name), []);
  });

  it('but not a year wrapped onto the next line, whose number does not follow', () => {
    const report = sif(
      'Recommendations',
      '12. Ensure that the improvements in the timeliness of assessments made during 2014–',
      '15. are sustained, so that children receive help when they need it most.',
    );
    assert.deepEqual(report.paragraphs.map((paragraph) => paragraph.number), [12]);
  });

  it('reads the board’s Executive summary straight under its judgement sentence', () => {
    const report = sif(
      'The local authority',
      'Information about this local authority area',
      'Approximately 46,697 children and young people under the age of 18 years live here.',
      '',
      'The Local Safeguarding Children Board (LSCB)',
      'The Local Safeguarding Children Board is outstanding',
      'Executive summary',
      'The City of York Local Safeguarding Children Board (CYSCB) is outstanding. The',
      'independent chair is resolute in his leadership of the board.',
    );
    const board = report.sections.find((section) => section.role === 'lscb');
    assert.deepEqual(board?.children.map((section) => section.name), ['Executive summary']);
    assert.deepEqual(report.judgements.map((judgement) => [judgement.area, judgement.grade]), [['lscb', 'outstanding']]);
  });

  it('takes a heading repeated after a blank line, as a table’s header row, for the same section', () => {
    const report = parseReport(
      joinLines(
        'Area SEND inspection of Exampleshire Local Area Partnership',
        'Inspection dates: 12 to 16 February 2024',
        '',
        'Areas for improvement',
        '',
        'Areas for improvement',
        'Leaders across the partnership should improve communication to professionals,',
        'parents and carers and children and young people.',
      ),
    );
    assert.deepEqual(flattenSections(report.sections).map((section) => [section.name, section.headingRange.start.line, section.headingRange.end.line]), [['Areas for improvement', 3, 5]]);
  });

  it('takes the same heading shortened straight under it for the same section, and the board’s `Summary` under its `Executive summary` (City of London 2016, Doncaster 2015)', () => {
    const report = sif(
      'Executive summary',
      'Children in Exampleshire are safe.',
      '',
      'The Local Safeguarding Children Board (LSCB)',
      'Executive summary',
      'Summary',
      'The board has made progress from the low base found at the last inspection.',
      '',
      'Inspection findings – the Local Safeguarding Children Board',
      'Inspection findings',
      '85. The LSCB is a highly accomplished safeguarding board.',
    );
    const names = (sections: typeof report.sections): unknown[] => sections.map((section) => [section.name, section.headingRange.start.line, section.headingRange.end.line, names(section.children)]);
    assert.deepEqual(names(report.sections).slice(-1), [
      ['The Local Safeguarding Children Board (LSCB)', 8, 8, [
        ['Executive summary', 9, 9, [['Summary', 10, 10, []]]],
        ['Inspection findings – the Local Safeguarding Children Board', 13, 14, []],
      ]],
    ]);
    assert.deepEqual(checkReport(report).filter((diagnostic) => diagnostic.code === 'section.empty'), []);
  });

  it('takes a paragraph beside a list that says what leaders need to do for a finding, as one that says what they should do, in any of its sentences (Hillingdon, Derbyshire, Barking and Dagenham SEND 2024)', () => {
    const report = parseReport(
      joinLines(
        'Area SEND inspection of Exampleshire Local Area Partnership',
        'Inspection dates: 29 April 2024 to 3 May 2024',
        '',
        'Areas for improvement',
        'Leaders should strengthen their quality assurance of EHC plans. This includes:',
        '▪ improving the quality and timeliness of annual reviews.',
        '',
        'Leaders need to refine their strategies for training the workforce across education,',
        'health and social care. This should include how well schools identify needs.',
        '',
        'Area leaders need to accelerate plans to improve communication with parents.',
        '',
        'Too few families receive an antenatal visit. Leaders need to ensure that families',
        'receive antenatal support in line with the Healthy Child programme.',
        '',
        'The partnership has started to address this need.',
      ),
    );
    assert.deepEqual(report.findings.map((finding) => finding.text.split(' ').slice(0, 4).join(' ')), [
      'improving the quality and',
      'Leaders need to refine',
      'Area leaders need to',
      'Too few families receive',
    ]);
  });

  it('keeps a list’s item whose glyph pdftotext wrote elsewhere, where the glyphs stand apart', () => {
    const report = parseReport(
      joinLines(
        'Area SEND inspection of Exampleshire Local Area Partnership',
        'Inspection dates: 29 April 2024 to 3 May 2024',
        '',
        'Areas for improvement',
        'Leaders should strengthen their quality assurance of EHC plans. This includes:',
        '▪',
        '',
        'improving the quality and timeliness of annual reviews',
        '',
        '▪',
        '',
        'improving the specificity of outcomes, ensuring that they help the child or',
        'young person in readiness for transfer through to their next phase of education',
        '',
        'significantly increasing the timeliness with which final amended EHC plans are',
        'issued.',
      ),
    );
    assert.deepEqual(
      report.items.map((item) => item.text.split(' ').slice(0, 3).join(' ')),
      ['improving the quality', 'improving the specificity', 'significantly increasing the'],
    );
  });

  it('but not a wrapped line’s end that a blank line set apart from its bullet', () => {
    const report = parseReport(
      joinLines(
        'Inspection of Exampleshire local authority children’s services',
        'Inspection dates: 16 to 27 September 2019',
        '',
        'What needs to improve',
        '◼ The quality of plans for children across the service, particularly timescales for',
        '',
        'actions.',
      ),
    );
    // Its glyph stood on its line: `actions.` is no item of its own.
    assert.deepEqual(report.items.map((item) => item.text), ['The quality of plans for children across the service, particularly timescales for']);
  });

  it('sets aside a running footer whose dates wrapped, year and all, onto a line of their own', () => {
    // Each page ends in the footer and its number; pdftotext starts the next with a form feed.
    const footer = (n: number) => ['', 'Area SEND inspection report: Exampleshire Local Area Partnership, 20 to 24 March', '2023', '', String(n), ''];
    const report = parseReport(
      joinLines(
        'Local Area Partnership report',
        'Area SEND inspection of Exampleshire Local Area Partnership',
        'Inspection dates: 20 to 24 March 2023',
        '',
        'What is the area partnership doing that is effective?',
        'Support from social care has been strengthened to ensure that it is',
        ...footer(1),
        '\fequally strong at every stage.',
        '',
        'Areas for improvement',
        'Leaders should improve the information that families are given.',
        ...footer(2),
        '\fLocal area partnership details',
        'Local Authority',
        ...footer(3),
        '\f',
      ),
    );
    assert.deepEqual(report.findings.map((finding) => finding.text), [
      'Support from social care has been strengthened to ensure that it is equally strong at every stage.',
      'Leaders should improve the information that families are given.',
    ]);
  });

  it('keeps the findings that run into a letter’s closing sentence with no blank line between (Wolverhampton 2018)', () => {
    const report = parseReport(
      joinLines(
        'Focused visit to Exampleshire children’s services',
        '',
        'What needs to improve in this area of social work practice',
        'Assessments do not describe the changes in children’s lives.',
        '',
        '\fSupervision is not used effectively to improve practice. It',
        'does not ensure that children’s cases progress.',
        'The audit programme is not applied consistently enough.',
        'Ofsted will take the findings from this focused visit into account when planning your',
        'next inspection or visit.',
        'Yours sincerely',
      ),
    );
    assert.deepEqual(report.findings.filter((finding) => finding.category === 'development').map((finding) => finding.text), [
      'Assessments do not describe the changes in children’s lives.',
      'Supervision is not used effectively to improve practice. It does not ensure that children’s cases progress.',
      'The audit programme is not applied consistently enough.',
    ]);
  });

  it('takes the bullets after a numbered recommendation that ends in a colon as its parts (Norfolk 2015)', () => {
    const report = sif(
      'Recommendations',
      '7.',
      '',
      'Develop robust arrangements to track the Public Law Outline process.',
      '',
      '8.',
      '',
      'Implement the following areas for improvement from the previous looked after',
      'children inspection:',
      '\uf06e improve capacity within the Independent Reviewing Service (paragraph 58)',
      '\uf06e improve the quality of personal education plans (paragraph 55).',
      '',
      '9. Ensure that permanence plans are identified by children’s second reviews.',
      '\uf06e a bullet after a recommendation that ends in a full stop is one of its own.',
    );
    const recommendations = report.findings.filter((finding) => finding.category === 'recommendation');
    assert.deepEqual(recommendations.map((finding) => [finding.number, finding.text.slice(0, 40), finding.range.start.line, finding.range.end.line]), [
      [7, 'Develop robust arrangements to track the', 6, 8],
      [8, 'Implement the following areas for improv', 10, 15],
      [9, 'Ensure that permanence plans are identif', 17, 17],
      [undefined, 'a bullet after a recommendation that end', 18, 18],
    ]);
    assert.match(recommendations[1].text, /inspection: improve capacity .* \(paragraph 58\) improve the quality of personal education plans \(paragraph 55\)\.$/);
  });

  it('goes on with a bullet whose wrapped line pdftotext set after a blank line (Lambeth 2022)', () => {
    const report = parseReport(
      joinLines(
        'Inspection of Exampleshire local authority children’s services',
        'Inspection dates: 24 October to 4 November 2022',
        'Lead inspector: Ann Example, His Majesty’s Inspector',
        '',
        'What needs to improve?',
        '\u25fc Timeliness, oversight and effectiveness of pre-proceedings, care proceedings and',
        '',
        'plans for permanence for children.',
        // In capitals after a word that no sentence ends on (Slough 2014).
        '\u25fc Nearly all children are placed in provision rated good or better by',
        '',
        'Ofsted.',
        '\u25fc Planning of transitions for disabled children.',
        '\u25fc The quality of plans for children across the service, particularly timescales for',
        '',
        'actions.',
        '',
        'The experiences and progress of children who need help and',
        'protection: requires improvement to be good',
      ),
    );
    assert.deepEqual(report.findings.filter((finding) => finding.category === 'development').map((finding) => [finding.text, finding.range.start.line, finding.range.end.line]), [
      ['Timeliness, oversight and effectiveness of pre-proceedings, care proceedings and plans for permanence for children.', 5, 7],
      ['Nearly all children are placed in provision rated good or better by Ofsted.', 8, 10],
      ['Planning of transitions for disabled children.', 11, 11],
      ['The quality of plans for children across the service, particularly timescales for actions.', 12, 14],
    ]);
  });

  it('leaves a letter’s closing sentence out of the last bullet it runs on from (Stoke-on-Trent 2018)', () => {
    const report = parseReport(
      joinLines(
        'Focused visit to Exampleshire children’s services',
        '',
        'What needs to improve in this area of social work practice',
        '\uf06e Actions arising from the monthly supervision of cases need be recorded',
        'clearly, and routinely reviewed by managers.',
        '\uf06e The insufficient capacity of managers to',
        'record decisions needs to be revised.',
        'Ofsted will take the findings from this focused visit into account when planning your',
        'next inspection or visit.',
        'Yours sincerely',
      ),
    );
    assert.deepEqual(report.findings.filter((finding) => finding.category === 'development').map((finding) => [finding.text, finding.range.end.line]), [
      ['Actions arising from the monthly supervision of cases need be recorded clearly, and routinely reviewed by managers.', 4],
      ['The insufficient capacity of managers to record decisions needs to be revised.', 6],
    ]);
  });

  it('starts the board’s strengths and weaknesses under its own initials straight after a recommendation (Oxfordshire 2014)', () => {
    const report = sif(
      'The Local Safeguarding Children Board',
      'Areas for improvement',
      '113. Accelerate the development and implementation of a strategy in relation to',
      'female genital mutilation.',
      'Key strengths and weaknesses of the OSCB',
      '114. The Board is appropriately constituted and fulfils its statutory duties.',
    );
    assert.ok(flattenSections(report.sections).some((section) => section.name === 'Key strengths and weaknesses of the OSCB'));
    assert.deepEqual(report.findings.map((finding) => finding.text), ['Accelerate the development and implementation of a strategy in relation to female genital mutilation.']);
  });

  it('takes a dash alone before each line of a list under a bullet as its sub-bullets, blank lines between or not (Manchester 2020)', () => {
    const letter = (...list: string[]) => parseReport(joinLines(
      'Focused visit to Exampleshire children’s services',
      '',
      'What needs to improve in this area of social work practice',
      '\u25fc The quality of children’s written records, including:',
      ...list,
      '\u25fc Letters for parents before proceedings are clear.',
      'Findings',
      '\u25fc Leaders know their service.',
    ));
    const development = (report: ReturnType<typeof parseReport>) => report.findings.filter((finding) => finding.category === 'development').map((finding) => finding.text);
    const expected = ['The quality of children’s written records, including: the child’s written plan the purpose of visits and next steps.', 'Letters for parents before proceedings are clear.'];
    // As pdftotext writes it, and as the PDF reads, with a blank line after each.
    assert.deepEqual(development(letter('\u23af the child’s written plan', '\u23af the purpose of visits and next steps.')), expected);
    assert.deepEqual(development(letter('', '\u23af the child’s written plan', '', '\u23af the purpose of visits and next steps.', '')), expected);
  });

  it('goes on with a bullet over a blank line up to the letter’s closing sentence (Luton 2018)', () => {
    const report = parseReport(
      joinLines(
        'Focused visit to Exampleshire children’s services',
        '',
        'What needs to improve in this area of social work practice',
        '\uf06e Audit activity has largely focused on compliance to standards. While compliance is',
        '',
        'important, the approach taken is not identifying all the practice issues.',
        'Leaders are aware of these issues.',
        'Ofsted will take the findings from this focused visit into account when planning your',
        'next inspection or visit.',
        'Yours sincerely',
      ),
    );
    assert.deepEqual(report.findings.map((finding) => [finding.text, finding.range.start.line, finding.range.end.line]), [
      ['Audit activity has largely focused on compliance to standards. While compliance is important, the approach taken is not identifying all the practice issues. Leaders are aware of these issues.', 3, 6],
    ]);
  });
});

