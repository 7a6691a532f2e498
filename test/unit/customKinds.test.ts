// A workspace's own kinds: the shipped example (a school inspection report) read with its
// definition, the definition's mistakes placed where they stand, the built-in kinds
// unchanged by it, and no definition able to make the parser slow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readKindsFile, withIgnoredCode } from '../../server/src/report/customKinds';
import { checkReport } from '../../server/src/report/diagnostics';
import { documentSymbols } from '../../server/src/report/features/documentSymbols';
import { hoverAt } from '../../server/src/report/features/hover';
import type { KindDefinition } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { flattenSections, readSeed, repoRoot, seedNames } from './helpers';

const example = path.join(repoRoot, 'examples', 'school-inspection');
const definitionText = fs.readFileSync(path.join(example, '.inspection-reports.json'), 'utf8');
const reportText = fs.readFileSync(path.join(example, 'riverside-primary-school-2024.txt'), 'utf8');

function kinds(): readonly KindDefinition[] {
  const file = readKindsFile(definitionText);
  assert.deepEqual(file.problems, []);
  return file.kinds;
}

/** The text at a problem's range, to show that it points at the right place. */
function at(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  return range.start.line === range.end.line ? lines[range.start.line].slice(range.start.character, range.end.character) : `${lines[range.start.line].slice(range.start.character)}…`;
}

describe('workspace kinds', () => {
  it('reads the example school inspection report with its definition', () => {
    const report = parseReport(reportText, { kinds: kinds() });
    assert.equal(report.kind, 'custom');
    assert.equal(report.definition?.id, 'school-report');
    assert.equal(report.metadata.title, 'School inspection report');
    const names = flattenSections(report.sections).map((section) => section.name);
    for (const required of kinds()[0].requiredSections) assert.ok(names.includes(required), `no section ‘${required}’ in ${names.join(' | ')}`);
    const grades = Object.fromEntries(flattenSections(report.sections).filter((section) => section.grade).map((section) => [section.name, section.grade!.label]));
    assert.deepEqual(grades, {
      'Overall effectiveness': 'Requires improvement',
      'The quality of education': 'Requires improvement',
      'Behaviour and attitudes': 'Good',
      'Personal development': 'Good',
      'Leadership and management': 'Requires improvement',
      'Early years provision': 'Good',
    });
    assert.deepEqual(report.findings.map((finding) => [finding.category, finding.text.slice(0, 40)]), [
      ['development', 'In some foundation subjects, leaders hav'],
      ['development', 'Teachers do not check pupils’ understand'.replace('’', "'")],
      ['development', 'Governors do not hold leaders to account'],
    ]);
    assert.deepEqual(checkReport(report), []);
    // The outline and hovers speak the kind's own words.
    const overall = documentSymbols(report).find((symbol) => symbol.name === 'Overall effectiveness');
    assert.equal(overall?.detail, 'Requires improvement');
    const heading = flattenSections(report.sections).find((section) => section.name === 'Overall effectiveness')!;
    const hover = hoverAt(report, heading.headingRange.start);
    assert.match(JSON.stringify(hover?.contents), /Requires improvement \(3 of 4, best first\)/);
  });

  it('says which required section is missing, and offers to put it back where it goes', () => {
    const lines = reportText.split('\n');
    const start = lines.indexOf('What does the school need to do to improve?');
    const end = lines.indexOf('How can I feedback my views?');
    const damaged = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    const diagnostics = checkReport(parseReport(damaged, { kinds: kinds() }));
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message]), [
      ['section.missing', 'This report (School inspection report) has no ‘What does the school need to do to improve?’ section.'],
    ]);
    const [fix] = diagnostics[0].fixes ?? [];
    // Before the next section the kind requires.
    assert.equal(fix.range.start.line, damaged.split('\n').indexOf('School details'));
    assert.match(fix.newText, /^What does the school need to do to improve\?\n/);
  });

  it('leaves the built-in kinds as they are', () => {
    for (const name of seedNames()) {
      const text = readSeed(name);
      assert.deepEqual(parseReport(text, { kinds: kinds() }), parseReport(text), name);
    }
  });

  it('leaves a document that no kind recognises unknown', () => {
    assert.equal(parseReport('Minutes of the governors’ meeting\n\nPresent: all\n', { kinds: kinds() }).kind, 'unknown');
  });

  it('places each mistake of a definition where it stands, and keeps the good kinds', () => {
    const text = [
      '{',
      '  // comments are allowed, as in VS Code settings',
      '  "kinds": [',
      '    { "id": "sif-report", "name": "Taken", "recognise": ["abc"] },',
      '    { "id": "Bad Id", "name": "Bad", "recognise": ["abc"] },',
      '    { "id": "fine", "name": "Fine", "recognise": ["Fine report"], "colour": "red" },',
      '    { "id": "good", "name": "Good", "recognise": ["Good report"], "judgementScale": ["Yes"] },',
      '    { "id": "kept", "name": "Kept", "recognise": ["Kept report"] },',
      '    { "id": "kept", "name": "Twice", "recognise": ["Twice"] }',
      '  ]',
      '}',
    ].join('\n');
    const file = readKindsFile(text);
    assert.deepEqual(file.kinds.map((kind) => kind.id), ['kept']);
    assert.deepEqual(file.problems.map((problem) => [problem.message, at(text, problem.range)]), [
      ['Kind 1: "sif-report" is a built-in kind\'s id; choose another. This kind is left out.', '"sif-report"'],
      ['Kind 2 id: should match pattern "^[a-z][a-z0-9-]{1,40}$"; this kind is left out.', '"Bad Id"'],
      ['Kind 3: unknown property "colour"; this kind is left out.', '"colour"'],
      ['Kind 4 judgementScale: should NOT have fewer than 2 items; this kind is left out.', '["Yes"]'],
      ['Kind 6: "kept" is defined twice; this one is left out.', '"kept"'],
    ]);
  });

  it('reads the codes turned off for some files, leaving out each entry it cannot use', () => {
    const text = [
      '{',
      '  "ignore": {',
      '    "reports/2015/*.txt": ["contents.no-heading"],',
      '    "*a*a*a*b": ["numbering.gap"],',
      '    "essex.txt": ["no.such-rule"],',
      '    "thurrock.txt": "numbering.gap"',
      '  }',
      '}',
    ].join('\n');
    const file = readKindsFile(text);
    assert.deepEqual(file.kinds, []);
    assert.deepEqual(file.ignore, { 'reports/2015/*.txt': ['contents.no-heading'] });
    assert.deepEqual(file.problems.map((problem) => [problem.message, at(text, problem.range)]), [
      ['ignore["*a*a*a*b"] should be a path or glob inside this folder, of up to 1000 characters and three wildcards; that entry is left out.', '"*a*a*a*b"'],
      ['ignore["essex.txt"] should list diagnostic codes: should be equal to one of the allowed values; that entry is left out.', '"essex.txt"'],
      ['ignore["thurrock.txt"] should list diagnostic codes: should be array; that entry is left out.', '"thurrock.txt"'],
    ]);
  });

  it('adds a code for a file, keeping the comments and layout, and never overwrites what is not JSON', () => {
    assert.equal(withIgnoredCode(undefined, 'a.txt', 'numbering.gap'), '{\n  "ignore": {\n    "a.txt": [\n      "numbering.gap"\n    ]\n  }\n}\n');
    const mine = '{\r\n  // ours\r\n  "ignore": { "a.txt": ["numbering.gap"] }\r\n}\r\n';
    const added = withIgnoredCode(mine, 'a.txt', 'section.empty')!;
    assert.ok(added.startsWith('{\r\n  // ours\r\n'));
    assert.deepEqual(readKindsFile(added).ignore, { 'a.txt': ['numbering.gap', 'section.empty'] });
    assert.equal(withIgnoredCode(mine, 'a.txt', 'numbering.gap'), mine);
    assert.equal(withIgnoredCode('{ "kinds": [', 'a.txt', 'numbering.gap'), undefined);
    assert.equal(withIgnoredCode('[]', 'a.txt', 'numbering.gap'), undefined);
  });

  it('refuses what is not a kinds file at all, with one problem', () => {
    for (const text of ['', '{ "kinds": [', '[]', '{ "kinds": {} }', '{ "ignore": [] }', '\u0000\u0001']) {
      const file = readKindsFile(text);
      assert.deepEqual(file.kinds, []);
      assert.equal(file.problems.length, 1, JSON.stringify(text));
    }
  });

  it('cannot be made slow: the most headings a definition may hold, on a 5 MB line and 100,000 short lines', function () {
    // Mocha fails the test past this; nothing is timed.
    this.timeout(20_000);
    const words = (i: number) => `${'heading '.repeat(20)}${i}`.slice(0, 200);
    const many: KindDefinition = {
      id: 'many',
      name: 'Many',
      recognise: Array.from({ length: 20 }, (_, i) => `x${'a'.repeat(190)}${i}`),
      requiredSections: Array.from({ length: 100 }, (_, i) => words(i)),
      findingHeadings: { development: Array.from({ length: 100 }, (_, i) => words(100 + i)) },
      headings: Array.from({ length: 100 }, (_, i) => words(200 + i)),
      judgementScale: Array.from({ length: 10 }, (_, i) => `grade ${i}`),
    };
    const opening = `x${'a'.repeat(190)}7\n\n`;
    for (const body of ['heading '.repeat(600_000), Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? '' : words(i % 300))).join('\n')]) {
      const report = parseReport(opening + body, { kinds: [many] });
      assert.equal(report.kind, 'custom');
      checkReport(report);
    }
  });
});
