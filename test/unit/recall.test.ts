// Holds the recall measured by `npm run corpus -- --mutations` to its targets: every rule
// notices at least 95% of the damage done to the seeds and corpus documents, and no
// published document draws an error. The corpus part waits for ../shared/corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureRecall, mutatedRules, recallTarget, type Document } from '../mutations';
import { corpusDir, seedNames, seedsDir } from './helpers';

function read(dir: string, names: readonly string[]): Document[] {
  return names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

function assertTargetsMet(documents: readonly Document[]): void {
  const { rules, falseAlarms } = measureRecall(documents);
  assert.deepEqual(falseAlarms.map(({ document, diagnostic }) => `${document}:${diagnostic.range.start.line + 1} ${diagnostic.message}`), []);
  for (const rule of rules) {
    // A rule that was never put to the test would pass by default.
    assert.ok(rule.tried > 0, `${rule.rule}: nothing was damaged`);
    assert.ok(rule.caught / rule.tried >= recallTarget, `${rule.rule}: ${rule.caught} of ${rule.tried} noticed; missed:\n${rule.missed.join('\n')}`);
  }
}

describe('recall on damaged reports', function () {
  this.timeout(120_000);

  it(`notices at least 95% of each kind of damage in the seeds (${mutatedRules.join(', ')})`, () => {
    assertTargetsMet(read(seedsDir, seedNames()));
  });

  it('notices at least 95% of each kind of damage in the corpus, with no error on a published report', function () {
    if (!fs.existsSync(corpusDir)) this.skip();
    assertTargetsMet(read(corpusDir, fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort()));
  });
});
