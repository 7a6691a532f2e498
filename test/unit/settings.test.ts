// The settings: what package.json declares to VS Code and what the server falls back to
// must agree, and a hand-edited settings.json with wrong types must not reach a feature.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes } from '../../server/src/diagnostics';
import { readSettings } from '../../server/src/lsp/settings';
import { defaultSettings } from '../../server/src/protocol';
import { repoRoot } from './helpers';

const declared = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { default: unknown; properties?: object }>;

describe('settings', () => {
  it('declares the defaults the server uses', () => {
    const fromManifest = (key: string) => declared[`inspectionReports.${key}`].default;
    assert.deepEqual(
      readSettings({
        diagnostics: { enable: fromManifest('diagnostics.enable'), rules: fromManifest('diagnostics.rules'), ignore: fromManifest('diagnostics.ignore'), maxProblems: fromManifest('diagnostics.maxProblems') },
        index: { enable: fromManifest('index.enable'), include: fromManifest('index.include'), exclude: fromManifest('index.exclude') },
      }),
      defaultSettings,
    );
  });

  it('offers a severity for every diagnostic code', () => {
    assert.deepEqual(Object.keys(declared['inspectionReports.diagnostics.rules'].properties ?? {}), [...diagnosticCodes]);
  });

  it('reads wrong types as the defaults, and keeps what is right', () => {
    assert.deepEqual(readSettings(undefined), defaultSettings);
    assert.deepEqual(readSettings('loud'), defaultSettings);
    const read = readSettings({
      diagnostics: { enable: 'yes', rules: { 'numbering.gap': 'off', 'section.empty': 'loud' }, ignore: { 'a.txt': ['numbering.gap'], 'b.txt': 'numbering.gap' }, maxProblems: -1 },
      index: { include: '*.txt', exclude: [] },
    });
    assert.deepEqual(read, {
      diagnostics: { enable: true, rules: { 'numbering.gap': 'off' }, ignore: { 'a.txt': ['numbering.gap'] }, maxProblems: 100 },
      index: { enable: true, include: ['**/*.txt'], exclude: [] },
    });
  });
});
