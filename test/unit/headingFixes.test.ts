// Holds the figures printed by `npm run corpus -- --mutations`. Where a required section
// loses its heading alone, the section.missing fix puts the heading back before its own
// text, so that the mended document draws nothing the published one does not; where it is
// deleted whole, one of the fixes offered puts the heading where it stood. The corpora's
// part waits for ../shared. The figures are those reached (the corpus tool lists every
// failure), measured also with the words of each section counted from other documents
// than those mended, since the fix will meet reports it has not seen.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureHeadingFixes, measureHeadingFixesApart, type Document } from '../mutations';
import { corpusDir, corpusWideDir, seedsDir, textFiles } from './helpers';

function read(dirs: readonly string[]): Document[] {
  return dirs.flatMap(textFiles).map((file) => ({ name: `${path.basename(path.dirname(file))}/${path.basename(file)}`, text: fs.readFileSync(file, 'utf8') }));
}

describe('the section.missing fix where a heading was lost', function () {
  this.timeout(300_000);

  it('mends all 16 such damages to the seeds', () => {
    const fixes = measureHeadingFixes(read([seedsDir]));
    assert.equal(fixes.tried, 16);
    assert.equal(fixes.caught, 16, fixes.failed.join('\n'));
  });

  describe('on both corpora', () => {
    before(function () {
      if (!fs.existsSync(corpusDir) || !fs.existsSync(corpusWideDir)) this.skip();
    });

    it('mends at least 1987 of the 2009 such damages, and offers where a section deleted whole stood in at least 1926 of them', () => {
      const fixes = measureHeadingFixes(read([seedsDir, corpusDir, corpusWideDir]));
      assert.equal(fixes.tried, 2009);
      assert.ok(fixes.caught >= 1987, `${fixes.caught} of ${fixes.tried}`);
      assert.ok(fixes.whole.caught + fixes.whole.offered >= 1926, `${fixes.whole.caught} + ${fixes.whole.offered} of ${fixes.whole.tried}`);
    });

    it('mends at least 93% of the seeds and corpus with words from corpus-wide alone, and 96% of corpus-wide with words from the others', () => {
      const [seedsAndCorpus, corpusWide] = measureHeadingFixesApart(read([seedsDir, corpusDir, corpusWideDir]), (document) => !document.name.startsWith('corpus-wide/'));
      assert.ok(seedsAndCorpus.caught / seedsAndCorpus.tried >= 0.93, `${seedsAndCorpus.caught} of ${seedsAndCorpus.tried}`);
      assert.ok(corpusWide.caught / corpusWide.tried >= 0.96, `${corpusWide.caught} of ${corpusWide.tried}`);
    });
  });
});
