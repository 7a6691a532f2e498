// The quick fix of a missing section, on seeds with one required heading deleted: the
// fix must put the heading where the report's other sections leave room for it, so that
// the report reads as whole again.
import * as assert from 'node:assert/strict';
import { checkReport, type ReportDiagnostic } from '../../server/src/report/diagnostics';
import { parseReport } from '../../server/src/report/parse/index';
import { applyFix as applied } from '../mutations';
import { readSeed } from './helpers';

/** The text with the diagnostic's preferred fix applied (one insertion). */
function applyFix(text: string, diagnostic: ReportDiagnostic): string {
  const fix = diagnostic.fixes?.[0];
  assert.ok(fix, `${diagnostic.code} has no fix`);
  assert.deepEqual(fix.range.start, fix.range.end);
  return applied(text, fix);
}

function withoutLine(text: string, wanted: string): string {
  const lines = text.split('\n');
  // A heading can end in a footnote mark: `Information about this local authority area²`.
  const index = lines.findIndex((line) => line.trim().replace(/[¹²³]+$/, '') === wanted);
  assert.ok(index >= 0, `no line ‘${wanted}’`);
  return [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
}

function missing(text: string): ReportDiagnostic[] {
  const codes = ['section.missing', 'section.missing-usual', 'letter.outcome-contradiction'];
  return checkReport(parseReport(text)).filter((diagnostic) => codes.includes(diagnostic.code));
}

/** Deletes a heading, checks the one diagnostic and its fix, and returns the mended text. */
function deleteAndMend(text: string, heading: string, expectedTitle: string): string {
  const damaged = withoutLine(text, heading);
  const found = missing(damaged);
  assert.equal(found.length, 1, found.map((diagnostic) => diagnostic.message).join('\n'));
  assert.match(found[0].fixes?.[0].title ?? '', new RegExp(`^${expectedTitle}`));
  const mended = applyFix(damaged, found[0]);
  assert.deepEqual(missing(mended), []);
  return mended;
}

describe('quick fixes for missing sections', () => {
  it('puts a 2009 letter’s areas for development back after its strengths', () => {
    const mended = deleteAndMend(readSeed('000'), 'Areas for development', 'Insert the ‘Areas for development’ heading');
    const lines = mended.split('\n');
    assert.ok(lines.indexOf('Areas for development') > lines.indexOf('Strengths'));
    const report = parseReport(mended);
    assert.deepEqual(report.sections.map((section) => section.name), ['Delivered satisfactorily in accordance with national guidance', 'Strengths', 'Areas for development']);
  });

  it('puts what a 2010 letter found satisfactory back after its lead-in, which is still there, before its list', () => {
    const damaged = withoutLine(readSeed('004'), 'The service meets the requirements of statutory guidance in the following areas');
    const [diagnostic] = missing(damaged);
    const [fix] = diagnostic.fixes ?? [];
    // Into the blank lines before the list, which stand around it as they did.
    assert.equal(fix.newText, 'The service meets the requirements of statutory guidance in the following areas\n');
    assert.match(damaged.split('\n')[fix.range.start.line + 1], /^- The local authority has taken effective action/);
    assert.deepEqual(missing(applyFix(damaged, diagnostic)), []);
  });

  it('puts the Essex letter’s areas for priority action heading back where the letter announces them', () => {
    // The whole section gone, from its heading to the letter's closing sentence.
    const lines = readSeed('001').split('\n');
    const damaged = [...lines.slice(0, 62), ...lines.slice(74)].join('\n');
    const [diagnostic, ...rest] = missing(damaged);
    assert.deepEqual(rest, []);
    assert.equal(diagnostic.code, 'letter.outcome-contradiction');
    const mended = applyFix(damaged, diagnostic);
    assert.match(mended, /This visit has identified the following areas for priority action\.\n\nAreas for priority action\n+Yours sincerely/);
    // A heading with nothing under it yet: the letter now says what is left to write.
    assert.deepEqual(checkReport(parseReport(mended)).map((found) => found.code), ['section.empty']);
  });

  it('puts a SIF report’s area information and closing section back in order', () => {
    const text = readSeed('003');
    for (const heading of ['Information about this local authority area', 'Information about this inspection']) {
      const report = parseReport(deleteAndMend(text, heading, `Insert the ‘${heading}’ heading`));
      const names = report.sections.map((section) => section.name);
      assert.deepEqual(names, parseReport(text).sections.map((section) => section.name), heading);
    }
  });

  it('puts a judgement heading back before its own text, with the grade the table gives it, as the report had it', () => {
    const text = readSeed('003');
    const lines = text.split('\n');
    const heading = lines.indexOf('Leadership, management and governance');
    // The heading and the grade beneath it, as a reader deleting the heading would.
    const damaged = [...lines.slice(0, heading), ...lines.slice(heading + 4)].join('\n');
    const [diagnostic] = missing(damaged);
    // Among the blank lines before its `Summary`, one of which went with it.
    assert.equal(diagnostic.fixes?.[0].title, `Insert the ‘Leadership, management and governance’ heading before its text (line ${heading})`);
    const mended = applyFix(damaged, diagnostic);
    // The grade in the table's scale's words: `Requires improvement to be good` where the report had `Requires improvement`.
    assert.equal(mended, text.replace('\nLeadership, management and governance\n\nRequires improvement\n', 'Leadership, management and governance\n\nRequires improvement to be good\n'));
    const summary = (report: string) => checkReport(parseReport(report)).map((found) => `${found.code} ${found.message}`);
    assert.deepEqual(summary(mended), summary(text));
  });

  it('offers, where a section was deleted whole, to put its heading where the sections around leave room for it', () => {
    const text = readSeed('003');
    const report = parseReport(text);
    const section = report.sections.find((candidate) => candidate.name === 'Recommendations')!;
    const lines = text.split('\n');
    const damaged = [...lines.slice(0, section.range.start.line), ...lines.slice(section.range.end.line)].join('\n');
    const [diagnostic] = missing(damaged);
    const fixes = diagnostic.fixes ?? [];
    const next = damaged.split('\n').indexOf('Summary for children and young people');
    assert.equal(fixes.at(-1)?.range.start.line, next);
    assert.match(fixes.at(-1)?.title ?? '', /^Insert the ‘Recommendations’ heading/);
  });

  it('keeps CRLF line ends in what it inserts', () => {
    const damaged = withoutLine(readSeed('000'), 'Areas for development').replace(/\n/g, '\r\n');
    const [diagnostic] = missing(damaged);
    // Before the areas for development the letter still lists.
    assert.equal(diagnostic.fixes?.[0].newText, 'Areas for development\r\n');
  });
});
