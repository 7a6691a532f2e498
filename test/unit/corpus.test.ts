// The real documents in ../shared/corpus and ../shared/corpus-wide (pdftotext output, every
// framework since 2013): each is recognised, has an outline and an authority, and, being
// published and complete, gets no error, and no contents entry without its heading. A fresh clone has no ../shared: the tests are
// then pending.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../../server/src/report/diagnostics';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, corpusWideDir, textFiles } from './helpers';

for (const dir of [corpusDir, corpusWideDir]) {
  describe(path.basename(dir), function () {
    before(function () {
      if (!fs.existsSync(dir)) this.skip();
    });

    const files = textFiles(dir);

    it('has documents to read', () => {
      assert.ok(files.length > 0, `no .txt files in ${path.basename(dir)}`);
    });

    for (const file of files) {
      const name = path.basename(file);
      it(`reads ${name}`, () => {
        const report = parseReport(fs.readFileSync(file, 'utf8'));
        assert.notEqual(report.kind, 'unknown', `${name}: kind not recognised`);
        assert.ok(report.period, `${name}: no framework period`);
        assert.ok(report.sections.length > 0, `${name}: no sections`);
        // A focused visit may name nothing to improve; the first corpus's documents all name some.
        if (dir === corpusDir) assert.ok(report.findings.length > 0, `${name}: no findings`);
        // The findings view and Go to Symbol in Workspace name each report by its authority.
        assert.ok(report.metadata.authority, `${name}: no authority`);
        // Nor does a published report's contents name a heading it lacks.
        const errors = checkReport(report).filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.code === 'contents.no-heading');
        assert.deepEqual(
          errors.map((diagnostic) => `${name}:${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`),
          [],
          `${name}: error diagnostics, or contents without their headings`,
        );
      });
    }
  });
}
