// The language features on every seed and corpus document, the way VS Code would take
// them: symbols nested inside their parents, folds that VS Code accepts, a hover on every
// heading, definitions that land inside the document. Exact answers for the seeds are in
// test/protocol; these hold for every real report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { definitionsAt } from '../../server/src/report/features/definitions';
import { documentSymbols } from '../../server/src/report/features/documentSymbols';
import { foldingRanges } from '../../server/src/report/features/folding';
import { escape, hoverAt } from '../../server/src/report/features/hover';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, flattenSections, seedNames, seedsDir, symbolNestingProblems } from './helpers';

function checkDocument(file: string): void {
  const report = parseReport(fs.readFileSync(file, 'utf8'));
  const problems = symbolNestingProblems(documentSymbols(report));

  const folds = foldingRanges(report);
  folds.forEach((fold, index) => {
    if (fold.endLine <= fold.startLine || fold.endLine >= report.lineCount) problems.push(`fold ${fold.startLine}-${fold.endLine}`);
    if (index > 0 && folds[index - 1].startLine >= fold.startLine) problems.push(`folds out of order at ${fold.startLine}`);
  });

  for (const section of flattenSections(report.sections)) {
    const hover = hoverAt(report, section.headingRange.start);
    const text = hover ? (hover.contents as MarkupContent).value : '';
    if (!text.includes(escape(section.name))) problems.push(`no hover naming ‘${section.name}’ at line ${section.headingRange.start.line}`);
  }

  for (const tag of report.recommendationTags) {
    const links = definitionsAt(report, tag.range.start, 'file:///report.txt');
    if (links.length !== tag.supports.length) problems.push(`tag at line ${tag.range.start.line}: ${links.length} links for ${tag.supports.length} recommendations`);
  }
  for (const entry of report.contents.filter((candidate) => candidate.heading)) {
    const [link] = definitionsAt(report, entry.range.start, 'file:///report.txt');
    if (!link || link.targetSelectionRange.start.line !== entry.heading?.headingRange.start.line) problems.push(`contents entry ‘${entry.title}’ does not lead to its heading`);
  }
  assert.deepEqual(problems, [], path.basename(file));
}

describe('language features on real documents', () => {
  for (const name of seedNames()) it(`hold for ${name}`, () => checkDocument(path.join(seedsDir, name)));

  describe('in the corpus', function () {
    before(function () {
      if (!fs.existsSync(corpusDir)) this.skip();
    });
    const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort() : [];
    for (const name of files) it(`hold for ${name}`, () => checkDocument(path.join(corpusDir, name)));
  });
});
