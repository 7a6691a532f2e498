// The settings: what package.json declares to VS Code and what the server falls back to
// must agree, and a hand-edited settings.json with wrong types must not reach a feature:
// each wrong value is named, with what is used instead. Globs that would read outside the
// workspace folder, or take the server minutes to match, are refused the same way.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes, serverCodes } from '../../server/src/report/diagnostics';
import { readSettings } from '../../server/src/lsp/settings';
import { defaultSettings } from '../../server/src/protocol';
import { longestGlob, mostGlobs, mostWildcards } from '../../server/src/report';
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

  it('offers a severity for every diagnostic code, and turns off each for some files', () => {
    assert.deepEqual(Object.keys(declared['inspectionReports.diagnostics.rules'].properties ?? {}), [...diagnosticCodes]);
    const ignore = declared['inspectionReports.diagnostics.ignore'] as unknown as { additionalProperties: { items: { enum: string[] } } };
    assert.deepEqual(ignore.additionalProperties.items.enum, [...diagnosticCodes]);
  });

  it('explains every code it gives in the README, and no other, where each diagnostic links', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const anchors = [...readme.matchAll(/<a id="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(anchors.sort(), [...diagnosticCodes, ...serverCodes].sort());
  });

  it('lets a folder’s .inspection-reports.json turn off every diagnostic code, as the setting does', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'report-kinds.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.ignore.additionalProperties.items.enum, [...diagnosticCodes]);
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

  it('names each value it cannot use, and what it uses instead', () => {
    const problems: string[] = [];
    readSettings(
      {
        diagnostics: { enable: 'yes', rules: { 'numbering.gap': 'off', 'section.empty': 'loud' }, ignore: { 'a.txt': ['numbering.gap'], 'b.txt': 'numbering.gap' }, maxProblems: -1 },
        index: { enable: 1, include: '*.txt', exclude: ['../elsewhere/**'] },
      },
      (problem) => problems.push(problem),
    );
    assert.deepEqual(problems, [
      'inspectionReports.diagnostics.enable should be true or false; using the default true.',
      'inspectionReports.diagnostics.rules["section.empty"] should be one of error, warning, information, hint, off; the rule keeps its own severity.',
      'inspectionReports.diagnostics.ignore["b.txt"] should be a list of diagnostic codes; that entry is left out.',
      'inspectionReports.diagnostics.maxProblems should be a number, 0 or more; using the default 100.',
      'inspectionReports.index.enable should be true or false; using the default true.',
      'inspectionReports.index.include should be a list of globs; using the default ["**/*.txt"].',
      'inspectionReports.index.exclude has "../elsewhere/**", a glob reaching outside the workspace folder; using the default ["**/node_modules/**"].',
    ]);
    // What is right, or not set at all, says nothing.
    const quiet: string[] = [];
    readSettings({ diagnostics: { rules: { 'numbering.gap': 'hint' } }, index: { include: ['reports/**/*.txt'] } }, (problem) => quiet.push(problem));
    readSettings(undefined, (problem) => quiet.push(problem));
    assert.deepEqual(quiet, []);
  });

  it('refuses index globs that reach outside the workspace folder, and keeps those that only look alike', () => {
    const outside = ['../other/*.txt', '**/../../other/*.txt', './../x.txt', '{..,a}/*.txt', 'a/{b,..}/*.txt', '..', '/etc/*.txt', '{/etc,a}/*', '//host/share/*.txt', 'C:/reports/*.txt', '..\\other\\*.txt'];
    for (const glob of outside) {
      const problems: string[] = [];
      const read = readSettings({ index: { include: [glob], exclude: [glob] } }, (problem) => problems.push(problem));
      assert.deepEqual(read.index, defaultSettings.index, glob);
      assert.equal(problems.length, 2, glob);
      assert.match(problems[0], /^inspectionReports\.index\.include has .*, a glob reaching outside the workspace folder; using the default \["\*\*\/\*\.txt"\]\.$/, glob);
    }
    const inside = ['..reports/*.txt', 'a..b/*.txt', 'reports/**/*.txt', 'x.../*.txt', '{a,b}/c.txt'];
    for (const glob of inside) assert.deepEqual(readSettings({ index: { include: [glob] } }).index.include, [glob], glob);
    // diagnostics.ignore only compares paths, so a file outside every folder may be named.
    assert.deepEqual(readSettings({ diagnostics: { ignore: { '/elsewhere/report.txt': ['numbering.gap'] } } }).diagnostics.ignore, { '/elsewhere/report.txt': ['numbering.gap'] });
  });

  it('refuses globs too long or too wild to match in good time, and too many of them', () => {
    const wild = ['x'.repeat(100 * 1024), '*a*a*a*a*b', '**/a/**/b/**/c/**', '+(a*)b', '!(x)*.txt', `${'**/'.repeat(5000)}*.txt`];
    for (const glob of wild) {
      const problems: string[] = [];
      const read = readSettings({ diagnostics: { ignore: { [glob]: ['numbering.gap'] } }, index: { include: [glob], exclude: [glob] } }, (problem) => problems.push(problem));
      assert.deepEqual(read.index, defaultSettings.index);
      assert.deepEqual(read.diagnostics.ignore, {});
      assert.equal(problems.length, 3, glob.slice(0, 40));
      // A long glob is shown cut short.
      assert.ok(problems.every((problem) => problem.length < 300), problems[0]);
    }
    const many = Array.from({ length: 101 }, (_, n) => `reports/${n}/*.txt`);
    const problems: string[] = [];
    assert.deepEqual(readSettings({ index: { include: many } }, (problem) => problems.push(problem)).index.include, defaultSettings.index.include);
    assert.deepEqual(problems, ['inspectionReports.index.include has more than 100 globs; using the default ["**/*.txt"].']);
    // The nesting a person might write, and three wildcards, are fine.
    for (const glob of ['{a,b,{c,{d,e}}}/**/*.txt', '**/2014/*-inspection-*.txt']) assert.deepEqual(readSettings({ index: { include: [glob] } }).index.include, [glob]);
  });

  it('limits the globs of a folder’s .inspection-reports.json as it limits the setting’s', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'report-kinds.schema.json'), 'utf8'));
    const ignore = schema.properties.ignore;
    assert.equal(ignore.maxProperties, mostGlobs);
    assert.equal(ignore.propertyNames.maxLength, longestGlob);
    const pattern = new RegExp(ignore.propertyNames.pattern);
    const withWildcards = (count: number) => Array.from({ length: count }, (_, n) => `a${n}*`).join('/');
    assert.ok(pattern.test(withWildcards(mostWildcards)));
    assert.ok(!pattern.test(withWildcards(mostWildcards + 1)));
    for (const glob of [withWildcards(mostWildcards), withWildcards(mostWildcards + 1), '+(a*)b']) {
      const setting = Object.keys(readSettings({ diagnostics: { ignore: { [glob]: ['numbering.gap'] } } }).diagnostics.ignore).length === 1;
      assert.equal(pattern.test(glob), setting, glob);
    }
  });
});
