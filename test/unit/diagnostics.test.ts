// Every diagnostic code, each where it fires and beside it a near twin where it does not,
// on small documents in the seeds' layout (one paragraph a line, blank lines between) and,
// for ILACS reports, in pdftotext's. Line numbers in the assertions are zero-based.
import * as assert from 'node:assert/strict';
import { checkReport, diagnosticCodes, type ReportDiagnostic } from '../../server/src/report/diagnostics';
import { parseReport } from '../../server/src/report/parse/index';
import { joinLines, readSeed, seedNames } from './helpers';

function diagnose(text: string): ReportDiagnostic[] {
  return checkReport(parseReport(text));
}

function withCode(diagnostics: readonly ReportDiagnostic[], code: string): ReportDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

// An unannounced inspection letter up to its outcome statement: lines 0 to 11.
const letterOpening = [
  'Freshford House Redcliffe Way Bristol BS1 6NL T 08456 40 40 40 enquiries@ofsted.gov.uk www.ofsted.gov.uk Direct T 0117 9456333',
  '',
  '2 December 2009',
  '',
  'Ms Jo Example Director of Children Education and Families Exampleshire Council Civic Offices New Road, Exampletown EX1 1AA',
  '',
  'Dear Ms Example',
  '',
  "Annual unannounced inspection of contact, referral and assessment arrangements within Exampleshire Council children's services",
  '',
  "This letter contains the findings of the recent unannounced inspection of contact, referral and assessment arrangements within local authority children's services in Exampleshire Council which was conducted on 3 and 4 November 2009. The inspection was carried out under section 138 of the Education and Inspections Act 2006.",
  '',
];

const priorityOutcome =
  'The inspection identified areas for priority action and a number of areas for development, which are detailed below.';
const noPriorityOutcome = 'The inspection identified no areas for priority action but some areas for development, which are detailed below.';

// Lines 12 to 27 after the opening: outcome, what was satisfactory, strengths, areas for development.
function letterBody(outcome: string): string[] {
  return [
    outcome,
    '',
    'From the evidence gathered, the inspection identified a number of areas where the contact, referral and assessment arrangements were delivered satisfactorily in accordance with national guidance, in particular:',
    '',
    '- Managerial decisions about contacts and referrals are made in a consistently timely way and recorded clearly on case files.',
    '- Allocation of referrals for assessment is prompt. Inspectors found that initial response teams had no unallocated cases at the time of inspection.',
    '',
    'Strengths',
    '',
    '- Consultant social workers are deployed within the initial response teams and are making a positive impact on the quality of the service.',
    '',
    'Areas for development',
    '',
    '- The proportion of referrals that are repeat referrals within 12 months remains higher than in comparable councils and above the national average.',
    '- Insufficient use is made of the views of children and families to improve the effectiveness of the contact, referral and assessment service.',
    '',
  ];
}

const signOff = ['Yours sincerely', '', 'Anne Example', '', 'Divisional Manager, Social Care Safeguarding'];

// Lines 28 to 32.
const priorityActions = [
  'Areas for priority action',
  '',
  '- Ensure that all referrals are allocated to a qualified social worker and that initial assessments are completed within timescales.',
  '- Ensure that managers oversee decisions on contacts so that no child at risk waits for a response.',
  '',
];

// A single inspection framework report in the layout of seed 003, cut down. The judgement
// table is lines 14 to 16; headings and the grade lines after them are listed by line.
function sifReport(options: { table?: string[]; helpGrade?: string[]; contents?: string[]; numbers?: string[] } = {}): string {
  const table = options.table ?? [
    '1. Children who need help and protection\t\tRequire improvement',
    '2. Children looked after and achieving permanence\t\tRequire improvement',
    '\t2.1 Adoption performance\tRequire improvement',
    '\t2.2 Experiences and progress of care leavers\tRequire improvement',
    '3. Leadership, management and governance\t\tRequire improvement',
  ];
  const helpGrade = options.helpGrade ?? ['Requires improvement', ''];
  const numbers = options.numbers ?? ['3', '4', '5'];
  return joinLines(
    'Exampleshire Council',
    '',
    'Inspection of services for children in need of help and protection, children looked after and care leavers',
    '',
    'and',
    '',
    'Review of the effectiveness of the Local Safeguarding Children Board',
    '',
    'Inspection date: 22 February 2016 to 17 March 2016',
    '',
    'Report published: 24 May 2016',
    '',
    "Children's services in Exampleshire Council require improvement to be good",
    '',
    ...table,
    '',
    'Executive summary',
    '',
    'Services to children, young people and families in Exampleshire require improvement. Children and young people were found to be safe in Exampleshire during this inspection.',
    '',
    ...(options.contents ?? []),
    'The local authority',
    '',
    'Information about this local authority area',
    '',
    'Previous Ofsted inspections',
    '',
    "- The last inspection of the local authority's safeguarding arrangements was in June 2012. The local authority was judged to be good.",
    '',
    'Recommendations',
    '',
    '- 1. Ensure that accurate performance data is analysed and that this leads to specific actions for improvement in every service area.',
    '- 2. Strengthen oversight, coordination and quality assurance of early help services to ensure that children and families are receiving the right support.',
    '',
    'The experiences and progress of children who need help and protection',
    '',
    ...helpGrade,
    'Summary',
    '',
    'Children who need help and protection receive a service that requires improvement. Thresholds are understood and applied well by partner agencies in most cases.',
    '',
    'Inspection findings',
    '',
    `- ${numbers[0]}. The multi-agency safeguarding hub provides a timely response to contacts and referrals, and decisions about the next steps for children are made promptly.`,
    '',
    'The experiences and progress of children looked after and achieving permanence',
    '',
    'Requires improvement',
    '',
    'Summary',
    '',
    'Children looked after receive a service that requires improvement. Most children live in stable placements that meet their needs, although some wait too long for permanence.',
    '',
    'Inspection findings',
    '',
    `- ${numbers[1]}. Decisions for children to become looked after are appropriate and timely, and most children are placed with their brothers and sisters where this is in their interests.`,
    '',
    'Leadership, management and governance',
    '',
    'Requires improvement',
    '',
    'Summary',
    '',
    'Leaders and managers have a clear understanding of the strengths and weaknesses of the service, but improvement has been too slow in some areas of practice.',
    '',
    'Inspection findings',
    '',
    `- ${numbers[2]}. The director of children's services and the lead member have a shared vision for improving services for children, which partners understand and support.`,
    '',
    // Below what the tests point at, so as not to move it: what every report of 2015–18 has.
    'The graded judgement for adoption performance is that it requires improvement to be good',
    '',
    'The graded judgement about the experience and progress of care leavers is that it requires improvement to be good',
    '',
    'Summary for children and young people',
    '',
    '- Most of you told us that your social workers listen to you and help you to stay safe.',
    '',
    'Information about this inspection',
    '',
    'The inspection of the local authority was carried out under section 136 of the Education and Inspections Act 2006.',
    '',
    'The inspection team',
    '',
    'Lead inspector: Anne Example',
  );
}

// An ILACS report as pdftotext gives it: hard-wrapped, the table one cell a line, each
// judgement heading with its grade after a colon.
function ilacsReport(options: { leadersRow?: boolean; helpHeading?: string[] } = {}): string {
  const leadersRow = options.leadersRow ?? true;
  return joinLines(
    'Inspection of Exampleshire local authority',
    'children’s services',
    'Inspection dates: 9 May to 20 May 2022',
    'Lead inspector: Anne Example, Her Majesty’s Inspector',
    'Judgement',
    '',
    'Grade',
    '',
    ...(leadersRow ? ['The impact of leaders on social work', 'practice with children and families', '', 'Good', ''] : []),
    'The experiences and progress of',
    'children who need help and protection',
    '',
    'Good',
    '',
    'The experiences and progress of',
    'children in care and care leavers',
    '',
    'Good',
    '',
    'Overall effectiveness',
    '',
    'Good',
    '',
    'Since the last inspection, leaders have improved the quality of social work practice',
    'across the service, and children now receive timely help.',
    '',
    'What needs to improve?',
    '◼ The quality of assessments and plans for children in care.',
    '◼ Support for care leavers at the point of transition.',
    '',
    ...(options.helpHeading ?? ['The experiences and progress of children who need help and', 'protection: good']),
    '',
    'Children and families receive a timely response at the front door, and decisions are',
    'made by experienced managers.',
    '',
    'The experiences and progress of children in care and care leavers: good',
    '',
    'Children come into care when they need to, and most live in stable homes.',
    '',
    'The impact of leaders on social work practice with children and',
    'families: good',
    '',
    'Leaders know their services well and have a clear plan for improvement.',
  );
}

type DiagnosticCode = (typeof diagnosticCodes)[number];

interface Case {
  /** What makes it fire. */
  readonly when: string;
  readonly fires: () => string;
  readonly severity: ReportDiagnostic['severity'];
  /** The lines the diagnostic's range starts and ends on. */
  readonly lines: readonly [number, number];
  /** The near twin that must not fire it. */
  readonly unless: string;
  readonly quiet: () => string;
}

const contentsList = (entry: string) => [
  'Contents',
  '',
  'Executive summary\t2\t',
  'The local authority\t\t',
  'Information about this local authority area\t6\t',
  `${entry}\t12\t`,
  'Information about this inspection\t48\t',
  '',
];

// A focused visit letter of 2024 in pdftotext's layout, with or without what needs to improve.
function focusedVisit(improve = true): string {
  return joinLines(
    '15 March 2024',
    'Jo Example',
    'Director of Children’s Services',
    'Exampleshire Council',
    'Dear Jo',
    'Focused visit to Exampleshire children’s services',
    'This letter summarises the findings of the focused visit to Exampleshire children’s services on 6 and 7 February 2024.',
    '',
    'Headline findings',
    'Children in care receive help that is well matched to their needs.',
    '',
    ...(improve ? ['What needs to improve in this area of social work practice?', '', '- The timeliness of reviews of children’s plans.', ''] : []),
    'Main findings',
    'Social workers know their children well and visit them often.',
    '',
    'Yours sincerely',
    'Anne Example',
    'His Majesty’s Inspector',
  );
}

// One firing fixture and one quiet twin for every code; the type makes a new code without
// a case a compile error.
const cases: Record<DiagnosticCode, Case> = {
  'section.missing': {
    when: 'a letter has no areas for development',
    fires: () => joinLines(...letterOpening, ...letterBody(noPriorityOutcome).slice(0, 11), ...signOff),
    severity: 'error',
    lines: [0, 0],
    unless: 'it has every section it must',
    quiet: () => joinLines(...letterOpening, ...letterBody(noPriorityOutcome), ...signOff),
  },
  'section.missing-usual': {
    when: 'a focused visit names nothing to improve',
    fires: () => focusedVisit(false),
    severity: 'information',
    lines: [0, 0],
    unless: 'it has what nearly all focused visits have',
    quiet: () => focusedVisit(),
  },
  'section.empty': {
    when: 'the next heading comes straight after a heading',
    fires: () => joinLines(...letterOpening, ...letterBody(priorityOutcome), 'Areas for priority action', '', ...signOff),
    severity: 'warning',
    lines: [28, 28],
    unless: 'the heading has its bullets',
    quiet: () => joinLines(...letterOpening, ...letterBody(priorityOutcome), ...priorityActions, ...signOff),
  },
  'letter.outcome-contradiction': {
    when: 'the outcome statement announces priority actions that the letter lacks',
    fires: () => joinLines(...letterOpening, ...letterBody(priorityOutcome), ...signOff),
    severity: 'error',
    lines: [12, 12],
    unless: 'the letter has them',
    quiet: () => joinLines(...letterOpening, ...letterBody(priorityOutcome), ...priorityActions, ...signOff),
  },
  'judgement.disagrees': {
    when: 'a section is graded differently from the table',
    fires: () => sifReport({ helpGrade: ['Good', ''] }),
    severity: 'error',
    // The heading and its grade line.
    lines: [37, 39],
    unless: 'the grades agree',
    quiet: () => sifReport(),
  },
  'judgement.missing-in-section': {
    when: 'a judgement heading has no grade line and the table grades it',
    fires: () => sifReport({ helpGrade: [] }),
    severity: 'warning',
    lines: [37, 37],
    unless: 'the grade line is there',
    quiet: () => sifReport(),
  },
  'judgement.missing-in-table': {
    when: 'a graded section has no row in the table',
    fires: () =>
      sifReport({
        table: [
          '1. Children who need help and protection\t\tRequire improvement',
          '2. Children looked after and achieving permanence\t\tRequire improvement',
          '\t2.1 Adoption performance\tRequire improvement',
          '\t2.2 Experiences and progress of care leavers\tRequire improvement',
        ],
      }),
    severity: 'warning',
    lines: [60, 62],
    unless: 'the table has every row',
    quiet: () => sifReport(),
  },
  'numbering.gap': {
    when: 'a number is skipped',
    fires: () => sifReport({ numbers: ['3', '4', '6'] }),
    severity: 'warning',
    lines: [71, 71],
    unless: 'the numbers run on from 1',
    quiet: () => sifReport(),
  },
  'numbering.duplicate': {
    when: 'a number is used twice',
    fires: () => sifReport({ numbers: ['3', '4', '4'] }),
    severity: 'warning',
    lines: [71, 71],
    unless: 'the numbers run on from 1',
    quiet: () => sifReport(),
  },
  'numbering.order': {
    when: 'a number is smaller than one before it',
    fires: () => sifReport({ numbers: ['4', '5', '3'] }),
    severity: 'warning',
    lines: [71, 71],
    unless: 'the numbers run on from 1',
    quiet: () => sifReport(),
  },
  'contents.no-heading': {
    when: 'a contents entry names no heading',
    fires: () => sifReport({ contents: contentsList('Summary of the independent reviewing officer service') }),
    severity: 'warning',
    lines: [29, 29],
    unless: 'every entry names a heading',
    quiet: () => sifReport({ contents: contentsList('The experiences and progress of children who need help and protection') }),
  },
};

describe('diagnostics', () => {
  for (const code of diagnosticCodes) {
    const { when, fires, severity, lines, unless, quiet } = cases[code];
    describe(code, () => {
      it(`fires when ${when}`, () => {
        const found = withCode(diagnose(fires()), code);
        assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(found)}`);
        assert.equal(found[0].severity, severity);
        assert.deepEqual([found[0].range.start.line, found[0].range.end.line], lines);
      });

      it(`does not fire when ${unless}`, () => {
        // The twin is a clean document: no other diagnostic either.
        assert.deepEqual(diagnose(quiet()), []);
      });
    });
  }

  describe('section.missing in other kinds', () => {
    it('names the last section of a single inspection framework report when it is cut off', () => {
      const text = sifReport().replace(/\nInformation about this inspection[\s\S]*$/, '\n');
      assert.deepEqual(
        withCode(diagnose(text), 'section.missing').map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line, diagnostic.message]),
        [['error', 0, 'This single inspection framework report has no ‘Information about this inspection’ section.']],
      );
    });

    it('names what needs to improve in an ILACS report without it', () => {
      const text = ilacsReport().replace('What needs to improve?\n', '');
      assert.deepEqual(
        withCode(diagnose(text), 'section.missing').map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line, diagnostic.message]),
        [['error', 0, 'This ILACS report has no ‘What needs to improve’ section.']],
      );
    });

    it('does not fire on the whole reports', () => {
      assert.deepEqual(withCode(diagnose(sifReport()), 'section.missing'), []);
      assert.deepEqual(withCode(diagnose(ilacsReport()), 'section.missing'), []);
    });

    it('takes a SIF report’s lists of what to improve, with no heading above them, for its recommendations (Sheffield 2014)', () => {
      const text = sifReport().replace('Recommendations\n', 'Areas for improvement\n');
      assert.deepEqual(withCode(diagnose(text), 'section.missing'), []);
    });

    it('only informs where an authority judged outstanding has nothing to improve (Thurrock 2024)', () => {
      const text = ilacsReport().replace('What needs to improve?\n', '').replace('Overall effectiveness\n\nGood', 'Overall effectiveness\n\nOutstanding');
      const diagnostics = diagnose(text);
      assert.deepEqual(withCode(diagnostics, 'section.missing'), []);
      const [usual] = withCode(diagnostics, 'section.missing-usual');
      assert.equal(usual.severity, 'information');
      assert.match(usual.message, /^This ILACS report has no ‘What needs to improve’ section, which \d+ of \d+ published ones of 2018–22 have\. The authority is judged outstanding, and may have been left nothing to improve\.$/);
    });

    it('only informs where an outstanding board’s recommendations are empty (Camden 2017), and warns where a good one’s are', () => {
      const board = (grade: string) =>
        withCode(
          diagnose(`${sifReport()}\n\nThe Local Safeguarding Children Board (LSCB)\nThe Local Safeguarding Children Board is ${grade}\nExecutive summary\nThe board is ${grade}.\n\nRecommendations\nInspection findings – the Local Safeguarding Children Board\n120. The chair is respected by all partners.`),
          'section.empty',
        ).map((diagnostic) => [diagnostic.severity, diagnostic.message]);
      assert.deepEqual(board('outstanding'), [['information', 'The section ‘Recommendations’ is empty. The board is judged outstanding, and may have been given nothing to improve.']]);
      assert.deepEqual(board('good'), [['warning', 'The section ‘Recommendations’ is empty.']]);
    });
  });

  describe('letter.outcome-contradiction the other way', () => {
    it('fires on the heading when the outcome statement says there are no priority actions', () => {
      const text = joinLines(...letterOpening, ...letterBody(noPriorityOutcome), ...priorityActions, ...signOff);
      const found = withCode(diagnose(text), 'letter.outcome-contradiction');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line]),
        [['error', 28]],
      );
    });

    it('does not fire when the statement says none and there are none', () => {
      assert.deepEqual(withCode(diagnose(joinLines(...letterOpening, ...letterBody(noPriorityOutcome), ...signOff)), 'letter.outcome-contradiction'), []);
    });
  });

  describe('judgements of an ILACS report (pdftotext layout)', () => {
    it('judgement.disagrees fires on a heading whose grade after the colon differs from the table', () => {
      const text = ilacsReport({ helpHeading: ['The experiences and progress of children who need help and', 'protection: inadequate'] });
      const found = withCode(diagnose(text), 'judgement.disagrees');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line, diagnostic.range.end.line]),
        [['error', 34, 35]],
      );
    });

    it('judgement.missing-in-table fires on a graded heading that the table has no row for', () => {
      const found = withCode(diagnose(ilacsReport({ leadersRow: false })), 'judgement.missing-in-table');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line, diagnostic.range.end.line]),
        [['warning', 39, 40]],
      );
    });

    it('gives no judgement diagnostic when the headings and the table agree', () => {
      assert.deepEqual(
        diagnose(ilacsReport()).filter((diagnostic) => diagnostic.code.startsWith('judgement.')),
        [],
      );
    });
  });

  it('gives a numbering diagnostic the number itself as its range', () => {
    const [gap] = withCode(diagnose(sifReport({ numbers: ['3', '4', '6'] })), 'numbering.gap');
    assert.deepEqual(gap.range, { start: { line: 71, character: 2 }, end: { line: 71, character: 3 } });
    assert.equal(gap.message, 'Paragraph 5 is missing: 4 is followed by 6.');
  });

  describe('documents of no known kind', () => {
    const readme = [
      '# Inspection reports',
      '',
      'Outline, findings and diagnostics for inspection reports in plain text.',
      '',
      'Areas for priority action',
      '',
      'The inspection identified areas for priority action and a number of areas for development.',
      '',
      'The experiences and progress of children who need help and protection',
      '',
      '1. Children who need help and protection\t\tRequire improvement',
      '',
      'Install',
      '',
      'Run npm install, then npm test.',
    ];
    const kindSpecific = (diagnostics: readonly ReportDiagnostic[]) =>
      diagnostics.filter(
        (diagnostic) => diagnostic.code === 'section.missing' || diagnostic.code === 'letter.outcome-contradiction' || diagnostic.code.startsWith('judgement.'),
      );

    it('is of kind unknown and still gets an outline', () => {
      const report = parseReport(joinLines(...readme));
      assert.equal(report.kind, 'unknown');
      assert.ok(report.sections.length > 0);
    });

    it('gets none of the diagnostics that assume a kind', () => {
      assert.deepEqual(kindSpecific(diagnose(joinLines(...readme))), []);
    });

    it('gets them once the same text is a letter', () => {
      const codes = kindSpecific(diagnose(joinLines(...letterOpening, ...readme))).map((diagnostic) => diagnostic.code);
      // A letter of 2009: what was satisfactory, strengths and areas for development.
      assert.deepEqual(codes, ['section.missing', 'section.missing', 'section.missing']);
    });
  });

  describe('the seeds', () => {
    for (const name of seedNames()) {
      it(`${name} has no error`, () => {
        const errors = diagnose(readSeed(name)).filter((diagnostic) => diagnostic.severity === 'error');
        assert.deepEqual(errors, [], `${name}: ${JSON.stringify(errors)}`);
      });
    }

    it('003 has one warning: its help and protection section lost its grade line', () => {
      const diagnostics = diagnose(readSeed('003'));
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line + 1]),
        [['judgement.missing-in-section', 'warning', 182]],
      );
    });
  });
});

describe('contents.no-heading on contents as pdftotext writes them', () => {
  // No tabs: each entry's page number after it, and entries stacked with no blank line between.
  const contents = (...entries: string[]) => withCode(diagnose(sifReport({ contents: ['Contents', 'Executive summary', '', '2', '', ...entries, '', '6', '', '\f'] })), 'contents.no-heading');

  it('takes stacked entries for one heading each, over one or more lines', () => {
    assert.deepEqual(contents('Information about this local authority area', 'Recommendations', 'The experiences and progress of children who need help and', 'protection'), []);
  });

  it('takes an entry that qualifies a heading after a dash for that heading', () => {
    assert.deepEqual(contents('Inspection findings – the local authority'), []);
  });

  it('reads no entry from the running header, with its page number after a tab, of the page after the contents (a 2013 report opened as a PDF)', () => {
    const header = (page: number) => `\fKent County Council Inspection of looked after children services\t${page}`;
    const report = parseReport(
      joinLines(
        'Kent County Council',
        'Inspection of looked after children services',
        'Inspection dates: 15 – 26 April 2013',
        '',
        'Contents',
        'About this inspection\t2',
        'Service information\t3',
        ...[
          ['About this inspection', 'The purpose of the inspection is to evaluate the services for looked after children.'],
          ['Service information', 'Kent County Council looks after some 1,800 children and young people.'],
          ['Overall effectiveness of services for looked after children and young people', 'The overall effectiveness of services is adequate.'],
        ].flatMap(([heading, text], page) => [header(page + 2), '', heading, `${page + 1}.\t${text}`, '', ...['read case files', 'met children', 'met managers'].flatMap((what) => [`On page ${page + 2}, inspectors ${what}.`, ''])]),
      ),
    );
    assert.equal(report.kind, 'lac-report');
    assert.deepEqual(report.contents.map((entry) => entry.title), ['About this inspection', 'Service information']);
    assert.deepEqual(withCode(checkReport(report), 'contents.no-heading'), []);
  });

  it('takes an entry for the contents themselves for their own heading (Cheshire East 2015)', () => {
    assert.deepEqual(contents('Contents', '', '2', '', 'The local authority'), []);
  });

  it('but names the stack where one of its lines is no heading', () => {
    const found = contents('Information about this local authority area', 'Summary of the independent reviewing officer service');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /‘Information about this local authority area Summary of the independent reviewing officer service’/);
  });
});
