// Holds the figure printed by `npm run corpus -- --mutations`: where a required section
// loses its heading alone, the section.missing fix puts the heading back so that the
// mended document draws nothing the published one does not. The corpora's part waits for
// ../shared. The figures are those reached, not targets met: the failures are listed by
// the corpus tool.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureHeadingFixes, type Document } from '../mutations';
import { corpusDir, corpusWideDir, seedsDir, textFiles } from './helpers';

function read(dirs: readonly string[]): Document[] {
  return dirs.flatMap(textFiles).map((file) => ({ name: `${path.basename(path.dirname(file))}/${path.basename(file)}`, text: fs.readFileSync(file, 'utf8') }));
}

describe('the section.missing fix where only a heading was lost', function () {
  this.timeout(300_000);

  it('mends at least 12 of the 16 such damages to the seeds', () => {
    const fixes = measureHeadingFixes(read([seedsDir]));
    assert.equal(fixes.tried, 16);
    assert.ok(fixes.caught >= 12, fixes.failed.join('\n'));
  });

  it('mends at least 1009 of the 2074 such damages to the seeds and both corpora', function () {
    if (!fs.existsSync(corpusDir) || !fs.existsSync(corpusWideDir)) this.skip();
    const fixes = measureHeadingFixes(read([seedsDir, corpusDir, corpusWideDir]));
    assert.equal(fixes.tried, 2074);
    assert.ok(fixes.caught >= 1009, `${fixes.caught} of ${fixes.tried}`);
  });
});
