// The requirements are the evidence: the counts in section-evidence.json must be what the
// published documents show today, and docs/section-evidence.md must show those counts; so
// must the words of each section in section-words.json, which the insert-heading fix reads.
// After a change to the parser that finds more (or fewer) sections, `npm run corpus --
// --write` brings both up to date, and this test says when that is due.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import evidence from '../../server/src/report/diagnostics/section-evidence.json';
import { countSections, countSectionWords, expectation, type SectionEvidence } from '../../server/src/report/diagnostics/requiredSections';
import words from '../../server/src/report/diagnostics/section-words.json';
import { parseReport } from '../../server/src/report/parse/index';
import { evidenceMarkdown } from '../sectionEvidence';
import { corpusDir, corpusWideDir, repoRoot, seedsDir, textFiles } from './helpers';

describe('section evidence', () => {
  it('is shown as it stands in docs/section-evidence.md', () => {
    const shown = fs.readFileSync(path.join(repoRoot, 'docs', 'section-evidence.md'), 'utf8');
    assert.equal(shown, evidenceMarkdown(evidence as SectionEvidence));
  });

  it('counts what the seeds and both corpora have, and the words of each of their sections', function () {
    if (!fs.existsSync(corpusDir) || !fs.existsSync(corpusWideDir)) this.skip();
    const reports = [seedsDir, corpusDir, corpusWideDir].flatMap(textFiles).map((file) => parseReport(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(countSections(reports), evidence, 'run `npm run corpus -- --write` and read the change in docs/section-evidence.md');
    assert.deepEqual(countSectionWords(reports), words, 'run `npm run corpus -- --write`');
  });

  it('makes a section required only where every document has it, usual from nine in ten', () => {
    assert.equal(expectation({ having: 36, documents: 36 }), 'required');
    assert.equal(expectation({ having: 35, documents: 36 }), 'usual');
    assert.equal(expectation({ having: 90, documents: 100 }), 'usual');
    assert.equal(expectation({ having: 89, documents: 100 }), 'optional');
    assert.equal(expectation({ having: 0, documents: 0 }), 'optional');
    assert.equal(expectation(undefined), 'optional');
  });
});
