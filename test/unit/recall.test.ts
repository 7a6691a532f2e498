// Holds the recall measured by `npm run corpus -- --mutations` to its targets: every rule
// notices at least 98% of the damage done to the seeds and the shared corpora's documents,
// and no published document draws an error. The corpora's part waits for ../shared.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureRecall, mutatedRules, recallTarget, type Document } from '../mutations';
import { corpusDir, corpusWideDir, seedsDir, textFiles } from './helpers';

function read(dirs: readonly string[]): Document[] {
  return dirs.flatMap(textFiles).map((file) => ({ name: `${path.basename(path.dirname(file))}/${path.basename(file)}`, text: fs.readFileSync(file, 'utf8') }));
}

function assertTargetsMet(documents: readonly Document[], rules: readonly string[]): void {
  const recall = measureRecall(documents);
  assert.deepEqual(recall.falseAlarms.map(({ document, diagnostic }) => `${document}:${diagnostic.range.start.line + 1} ${diagnostic.message}`), []);
  for (const rule of recall.rules.filter((candidate) => rules.includes(candidate.rule))) {
    // A rule that was never put to the test would pass by default.
    assert.ok(rule.tried > 0, `${rule.rule}: nothing was damaged`);
    assert.ok(rule.caught / rule.tried >= recallTarget, `${rule.rule}: ${rule.caught} of ${rule.tried} noticed; missed:\n${rule.missed.join('\n')}`);
  }
}

describe('recall on damaged reports', function () {
  this.timeout(300_000);

  // The seeds have no usual section that they all lack: that rule is put to the test on the corpora.
  const seedRules = mutatedRules.filter((rule) => rule !== 'section.missing-usual');
  it(`notices at least 98% of each kind of damage in the seeds (${seedRules.join(', ')})`, () => {
    assertTargetsMet(read([seedsDir]), seedRules);
  });

  it('notices at least 98% of each kind of damage in the seeds and both corpora, with no error on a published report', function () {
    if (!fs.existsSync(corpusDir) || !fs.existsSync(corpusWideDir)) this.skip();
    assertTargetsMet(read([seedsDir, corpusDir, corpusWideDir]), mutatedRules);
  });
});
