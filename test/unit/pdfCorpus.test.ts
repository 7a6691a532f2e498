// The published PDFs in ../shared/corpus-wide/pdf read by the extension's own reader
// (pdfText) must give the parser what pdftotext's text of the same file gives it: the
// same kind, sections in order, judgements, findings per category, and no error; and the
// same words, spaced as pdftotext spaces them (`10. Social`, not `10.Social`). A fresh
// clone has no ../shared: the tests are then pending.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusPdfNames, differences, readBoth, type Reading } from '../pdfCorpus';
import { corpusWideDir } from './helpers';

type Criterion = 'kind' | 'sections' | 'judgements' | 'findings' | 'errors';

function agrees(criterion: Criterion, text: Reading, pdf: Reading): boolean {
  if (criterion === 'errors') return pdf.errors.length === 0;
  return JSON.stringify(text[criterion]) === JSON.stringify(pdf[criterion]);
}

describe('the published PDFs read by pdfText and by pdftotext', function () {
  before(function () {
    if (!fs.existsSync(corpusWideDir)) this.skip();
  });

  const names = corpusPdfNames();

  it('has PDFs to read', () => {
    assert.ok(names.length > 0, 'no PDFs with their text in corpus-wide');
  });

  for (const name of names) {
    it(`reads ${name}.pdf as its text reads`, async () => {
      const { text, pdf } = await readBoth(name);
      const criteria: Criterion[] = ['kind', 'sections', 'judgements', 'findings', 'errors'];
      const disagree = criteria.filter((criterion) => !agrees(criterion, text, pdf));
      assert.deepEqual(disagree, [], `${name}:\n  ${differences(text, pdf).join('\n  ')}`);
    });

    it(`reads the words of ${name}.pdf as pdftotext spaces them`, async () => {
      assert.deepEqual((await readBoth(name)).words, []);
    });
  }
});
