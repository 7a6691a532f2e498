// What a user may open that is not a clean report: nothing, binary files, NUL bytes, huge
// files and huge lines, other line ends, a byte order mark, a file cut in half. The parser
// must not throw nor hang, and every range it gives must lie within the text.
import * as assert from 'node:assert/strict';
import { checkReport, type ReportDiagnostic } from '../../server/src/report/diagnostics';
import { findingCategories, type Report, type Section } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { diagnosticRanges, joinLines, rangesOutside, readSeed, reportRanges, seedNames, seededBytes } from './helpers';

interface Result {
  readonly report: Report;
  readonly diagnostics: ReportDiagnostic[];
}

function analyse(text: string): Result {
  const report = parseReport(text);
  return { report, diagnostics: checkReport(report) };
}

function assertInside(text: string, { report, diagnostics }: Result): void {
  const outside = rangesOutside(text, [...reportRanges(report), ...diagnosticRanges(diagnostics)]);
  assert.deepEqual(outside, [], 'ranges outside the text');
  // A binary text is not split into lines at all.
  if (!report.binary) assert.equal(report.lineCount, text.split(/\r\n|\r|\n/).length);
}

/** The outline as plain data: names, levels and ranges, children in place. */
function outline(sections: readonly Section[]): unknown[] {
  return sections.map((section) => ({
    name: section.name,
    level: section.level,
    headingRange: section.headingRange,
    range: section.range,
    children: outline(section.children),
  }));
}

function findingCounts(report: Report): Record<string, number> {
  return Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length]));
}

// A 1×1 PNG image, whole: signature, IHDR, IDAT and IEND chunks.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

const seeds = seedNames();

describe('bad input', () => {
  describe('nothing', () => {
    for (const [label, text] of [
      ['an empty string', ''],
      ['white space and line ends only', joinLines('', '   ', '\t', '', '\f', '  \t  ', '')],
    ] as const) {
      it(`gives an empty model for ${label}`, () => {
        const result = analyse(text);
        assert.equal(result.report.kind, 'unknown');
        assert.equal(result.report.binary, false);
        assert.deepEqual(result.report.sections, []);
        assert.deepEqual(result.report.findings, []);
        assert.deepEqual(result.diagnostics, []);
        assertInside(text, result);
      });
    }
  });

  describe('binary files decoded as UTF-8', () => {
    for (const [label, bytes] of [
      ['random bytes (fixed seed)', seededBytes(20240611, 64 * 1024)],
      ['a PNG image', png],
      ['the PNG signature alone', png.subarray(0, 8)],
    ] as const) {
      it(`marks ${label} as binary, of kind unknown, with no diagnostics`, () => {
        const text = bytes.toString('utf8');
        const result = analyse(text);
        assert.equal(result.report.binary, true);
        assert.equal(result.report.kind, 'unknown');
        assert.deepEqual(result.report.sections, []);
        assert.deepEqual(result.diagnostics, []);
        assertInside(text, result);
      });
    }
  });

  describe('NUL bytes inside a report', () => {
    for (const name of seeds) {
      it(`still reads ${name}`, () => {
        const text = readSeed(name);
        const lines = text.split('\n');
        // A NUL at the end of every tenth line, and three in the middle of the longest one.
        const longest = lines.reduce((best, line, i) => (line.length > lines[best].length ? i : best), 0);
        const damaged = lines
          .map((line, i) => {
            const withEnd = i % 10 === 0 ? `${line}\0` : line;
            if (i !== longest) return withEnd;
            const middle = Math.floor(line.length / 2);
            return `${withEnd.slice(0, middle)}\0\0\0${withEnd.slice(middle)}`;
          })
          .join('\n');
        const clean = parseReport(text);
        const result = analyse(damaged);
        assert.equal(result.report.binary, false);
        assert.equal(result.report.kind, clean.kind);
        assert.notEqual(result.report.kind, 'unknown');
        assert.deepEqual(outline(result.report.sections), outline(clean.sections));
        assert.deepEqual(findingCounts(result.report), findingCounts(clean));
        assertInside(damaged, result);
      });
    }
  });

  it('reads a 50 MB report (seed 003 over and over) (slow)', function () {
    // Mocha fails the test past this time; nothing else is timed.
    this.timeout(30_000);
    const seed = readSeed('003');
    const text = seed.repeat(Math.ceil(50_000_000 / seed.length));
    const result = analyse(text);
    assert.equal(result.report.kind, 'sif-report');
    assert.ok(result.report.sections.length > 0);
    assert.ok(result.report.findings.length > 0);
    assertInside(text, result);
  });

  describe('very long lines', () => {
    it('reads a 5 MB line with no line break', () => {
      const sentence = 'Children and young people were found to be safe during this inspection, with plans in place to reduce risks. ';
      const text = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
      const result = analyse(text);
      assert.equal(result.report.lineCount, 1);
      assert.equal(result.report.kind, 'unknown');
      assert.deepEqual(result.diagnostics, []);
      assertInside(text, result);
    });

    // Runs of the characters that the folding and heading patterns strip from an end,
    // with and without something else after them: a backtracking pattern would take
    // hours here.
    for (const [label, text] of [
      ['spaces and dots', ' .'.repeat(2_500_000)],
      ['spaces and dots, then a letter', `${'. '.repeat(2_500_000)}x`],
      ['spaces and dots after a heading', `Areas for development${' .'.repeat(2_500_000)}:`],
    ] as const) {
      it(`reads a 5 MB line of ${label}`, () => {
        const result = analyse(text);
        assert.equal(result.report.lineCount, 1);
        assert.equal(result.report.kind, 'unknown');
        assertInside(text, result);
      });
    }
  });

  describe('line ends', () => {
    for (const name of seeds) {
      for (const [label, end] of [
        ['CRLF', '\r\n'],
        ['CR', '\r'],
      ] as const) {
        it(`reads ${name} with ${label} line ends as with LF`, () => {
          const text = readSeed(name).replace(/\r\n?/g, '\n');
          const lf = analyse(text);
          const other = text.replace(/\n/g, end);
          const result = analyse(other);
          assert.notEqual(result.report.kind, 'unknown');
          assert.equal(result.report.kind, lf.report.kind);
          assert.equal(result.report.lineCount, lf.report.lineCount);
          assert.deepEqual(outline(result.report.sections), outline(lf.report.sections));
          assert.deepEqual(findingCounts(result.report), findingCounts(lf.report));
          assertInside(other, result);
        });
      }
    }
  });

  describe('a byte order mark', () => {
    for (const name of seeds) {
      it(`reads ${name} with a BOM as without`, () => {
        const text = readSeed(name);
        const clean = parseReport(text);
        const result = analyse(`\ufeff${text}`);
        assert.equal(result.report.kind, clean.kind);
        assert.deepEqual(
          result.report.sections.map((section) => section.name),
          clean.sections.map((section) => section.name),
        );
        assertInside(`\ufeff${text}`, result);
      });
    }
  });

  describe('a report cut in half', () => {
    for (const name of seeds) {
      it(`reads the first half of ${name}`, () => {
        const whole = readSeed(name);
        const text = whole.slice(0, Math.floor(whole.length / 2));
        const result = analyse(text);
        assert.equal(result.report.kind, parseReport(whole).kind);
        assert.ok(result.report.sections.length > 0);
        assertInside(text, result);
      });
    }
  });

  describe('ranges of the seeds as they are', () => {
    for (const name of seeds) {
      it(`keeps every range of ${name} within the text`, () => {
        const text = readSeed(name);
        const result = analyse(text);
        // Not vacuous: a seed has ranges to check.
        assert.ok(reportRanges(result.report).length > 10);
        assertInside(text, result);
      });
    }
  });
});
