// Property tests: the seeds and corpus documents damaged at random (lines deleted,
// duplicated, shuffled, the text cut short, control and astral characters put in, line
// ends changed) and random bytes. Whatever the text, the service answers: it does not
// throw, it finishes, every range lies inside the text, sections nest, the same text
// gives the same answer, and CRLF line ends give the structure LF ones do.
//
// `npm test` runs a fixed seed and a small budget; `npm run fuzz` runs a longer one with a
// new seed each time (FUZZ_RUNS and FUZZ_SEED set both; a failure prints its seed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { readKindsFile } from '../../server/src/report/customKinds';
import { checkReport } from '../../server/src/report/diagnostics';
import { definitionsAt } from '../../server/src/report/features/definitions';
import { documentSymbols } from '../../server/src/report/features/documentSymbols';
import { findingGroups } from '../../server/src/report/features/findingGroups';
import { foldingRanges } from '../../server/src/report/features/folding';
import { hoverAt, reportCard } from '../../server/src/report/features/hover';
import { reportSymbols } from '../../server/src/report/features/workspaceSymbols';
import type { Range, Report, Section } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { fold, words } from '../../server/src/report/text';
import { corpusDir, diagnosticRanges, rangesOutside, reportRanges, repoRoot, seedNames, seedsDir, symbolNestingProblems } from './helpers';

const runs = Number(process.env.FUZZ_RUNS ?? 100);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261202;

// A thousand times what a real report takes (about 2 ms): only a hang or a pattern that
// backtracks without end comes near it. Mocha's own timeout is the last resort.
const boundMs = 2000;

// The example of a workspace's own kind is read with its definition, as every text here is.
const example = path.join(repoRoot, 'examples', 'school-inspection');
const kinds = readKindsFile(fs.readFileSync(path.join(example, '.inspection-reports.json'), 'utf8')).kinds;

const documents = [
  ...seedNames().map((name) => path.join(seedsDir, name)),
  path.join(example, 'riverside-primary-school-2024.txt'),
  ...(fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(corpusDir, name)) : []),
].map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }));

// ------------------------------------------------------------------ damage

type Damage =
  | { readonly op: 'delete' | 'duplicate' | 'shuffle'; readonly at: number; readonly count: number; readonly order: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'line-ends'; readonly eol: string };

// What PDF extraction and careless editing put into text: NUL and other C0 controls,
// form feeds, C1 NEL, zero-width and line/paragraph separators, a BOM, astral
// characters, a surrogate with no partner, and bare line ends.
const oddCharacter = fc.constantFrom('\0', '\u0007', '\u001b', '\f', '\v', '\u0085', '\u200b', '\u2028', '\u2029', '\ufeff', '\u{1F600}', '\u{1D538}', '\ud800', '\udc00', '\r', '\n', '\t', '•', '  ');

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'shuffle' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }), order: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: oddCharacter, minLength: 1, maxLength: 8 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })) }),
  fc.record({ op: fc.constant('line-ends' as const), eol: fc.constantFrom('\r\n', '\r', 'mixed') }),
);

function apply(text: string, change: Damage): string {
  if (change.op === 'truncate') return text.slice(0, change.at % (text.length + 1));
  if (change.op === 'insert') {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.text + text.slice(at);
  }
  if (change.op === 'line-ends') {
    const lines = text.split(/\r\n|\r|\n/);
    if (change.eol !== 'mixed') return lines.join(change.eol);
    return lines.reduce((joined, line, i) => (i === 0 ? line : joined + ['\n', '\r\n', '\r'][i % 3] + line), '');
  }
  const lines = text.split('\n');
  const start = change.at % lines.length;
  const block = lines.slice(start, start + change.count);
  const before = lines.slice(0, start);
  const after = lines.slice(start + change.count);
  if (change.op === 'delete') return [...before, ...after].join('\n');
  if (change.op === 'duplicate') return [...before, ...block, ...block, ...after].join('\n');
  // Shuffle: the block's lines in an order drawn from `order`, a rotation and a reversal.
  const turn = change.order % block.length;
  const turned = [...block.slice(turn), ...block.slice(0, turn)];
  return [...before, ...(change.order % 2 === 0 ? turned : turned.reverse()), ...after].join('\n');
}

// A document and what was done to it; the text is made in the property, so that a
// failure prints the recipe rather than a hundred kilobytes of report.
const damagedDocument = fc.record({ name: fc.constantFrom(...documents.map((document) => document.name)), changes: fc.array(damage, { minLength: 1, maxLength: 6 }) });

function damaged({ name, changes }: { name: string; changes: readonly Damage[] }): string {
  return changes.reduce(apply, documents.find((document) => document.name === name)?.text ?? '');
}

// ------------------------------------------------------------------ what must hold

/** Everything an editor asks of one text, as plain data, and how long it took. */
function analyse(text: string): { report: Report; answers: unknown; ms: number } {
  const started = performance.now();
  const report = parseReport(text, { kinds });
  const diagnostics = checkReport(report);
  const symbols = documentSymbols(report);
  const folding = foldingRanges(report);
  const lines = Math.max(report.lineCount, 1);
  const probes = [0, Math.floor(lines / 3), Math.floor((2 * lines) / 3), lines - 1].map((line) => ({ line, character: 0 }));
  const hovers = probes.map((position) => hoverAt(report, position) ?? null);
  const definitions = probes.map((position) => definitionsAt(report, position, 'file:///report.txt'));
  const findings = findingGroups(report, 'file:///report.txt', 'report.txt');
  const card = reportCard(report);
  const workspaceSymbols = reportSymbols(report, 'report.txt');
  const ms = performance.now() - started;
  return { report, answers: { diagnostics, symbols, folding, hovers, definitions, findings, card, workspaceSymbols }, ms };
}

function assertSound(text: string): void {
  const { report, answers, ms } = analyse(text);
  assert.ok(ms < boundMs, `took ${Math.round(ms)} ms`);
  const { diagnostics, symbols, folding } = answers as { diagnostics: ReturnType<typeof checkReport>; symbols: ReturnType<typeof documentSymbols>; folding: ReturnType<typeof foldingRanges> };
  assert.deepEqual(rangesOutside(text, [...reportRanges(report), ...diagnosticRanges(diagnostics), ...symbolRanges(symbols)]), [], 'ranges outside the text');
  const lineCount = text.split(/\r\n|\r|\n/).length;
  assert.deepEqual(folding.filter((fold) => fold.startLine < 0 || fold.endLine < fold.startLine || fold.endLine >= lineCount), [], 'folding ranges outside the text');
  assert.deepEqual(sectionNestingProblems(report.sections), [], 'sections that do not nest');
  assert.deepEqual(symbolNestingProblems(symbols), [], 'outline symbols that do not nest');
  // The same text, the same answers: no state carried over from one parse to the next.
  assert.deepEqual(JSON.stringify(analyse(text).answers), JSON.stringify(answers), 'a second reading differs');
}

function symbolRanges(symbols: ReturnType<typeof documentSymbols>): { where: string; range: Range }[] {
  return symbols.flatMap((symbol) => [
    { where: `symbol ‘${symbol.name}’`, range: symbol.range },
    { where: `symbol ‘${symbol.name}’ selection`, range: symbol.selectionRange },
    ...symbolRanges(symbol.children ?? []),
  ]);
}

/** A child outside its parent, a heading outside its section, siblings out of order or overlapping. */
function sectionNestingProblems(sections: readonly Section[], parent?: Section): string[] {
  const atOrBefore = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const within = (inner: Range, outer: Range) => atOrBefore(outer.start, inner.start) && atOrBefore(inner.end, outer.end);
  return sections.flatMap((section, i) => [
    ...(within(section.headingRange, section.range) ? [] : [`‘${section.name}’: heading outside the section`]),
    ...(parent && !within(section.range, parent.range) ? [`‘${section.name}’: outside ‘${parent.name}’`] : []),
    ...(i > 0 && !atOrBefore(sections[i - 1].range.end, section.range.start) ? [`‘${section.name}’: overlaps ‘${sections[i - 1].name}’`] : []),
    ...sectionNestingProblems(section.children, section),
  ]);
}

/** The report with its line end left out, and diagnostics' fixes in LF: what CRLF must not change. */
function structure(text: string): string {
  const report = parseReport(text, { kinds });
  const diagnostics = checkReport(report).map((diagnostic) => ({ ...diagnostic, fixes: diagnostic.fixes?.map((fix) => ({ ...fix, newText: fix.newText.replace(/\r\n/g, '\n') })) }));
  return JSON.stringify({ ...report, eol: undefined, diagnostics, symbols: documentSymbols(report), folding: foldingRanges(report) });
}

const settings = { seed, numRuns: runs, endOnFailure: true };

describe(`fuzzing (seed ${seed}, ${runs} runs a property)`, function () {
  // A budget, not a bound on any one run: each run is bounded above.
  this.timeout(Math.max(60_000, runs * 2_000));

  it('reads damaged seeds and corpus documents soundly', () => {
    fc.assert(fc.property(damagedDocument, (recipe) => assertSound(damaged(recipe))), settings);
  });

  it('reads random bytes soundly, whether taken as UTF-8 or Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.boolean(), (bytes, utf8) => assertSound(Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'))),
      settings,
    );
  });

  it('reads random text of odd characters and report words soundly', () => {
    const words = fc.constantFrom('Areas for priority action', 'Areas for development', 'Recommendations', 'Strengths', '1.', '12.', '•', 'Inadequate', 'Good', 'Requires improvement to be good', 'Ofsted', 'Inspection of', 'Contents', 'Page 3 of 9', '\n', '\n\n');
    fc.assert(fc.property(fc.array(fc.oneof(words, oddCharacter, fc.string()), { maxLength: 400 }), (parts) => assertSound(parts.join(' '))), settings);
  });

  it('folds wording, and splits it into words, as the definition says, on whatever text', () => {
    // The definition, one rule a step; `fold` itself takes short cuts for speed.
    const definition = (text: string) =>
      text
        .toLowerCase()
        .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, '')
        .replace(/[\u2018\u2019\u02bc`]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .replace(/\s+/g, ' ')
        .replace(/^ +|[ .:;,?!]+$/g, '');
    const text = fc.oneof(fc.string({ unit: fc.oneof(oddCharacter, fc.constantFrom('a', 'B', ' ', '.', ':', '?', '’', '“', '—', '¹', '`', '2')) }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (sample) => {
        assert.equal(fold(sample), definition(sample));
        assert.deepEqual(words(sample), definition(sample).match(/[a-z0-9']+/g) ?? []);
      }),
      settings,
    );
  });

  it('gives the same structure to a damaged document with CRLF line ends as with LF', () => {
    fc.assert(
      fc.property(damagedDocument, (recipe) => {
        const lf = damaged(recipe).replace(/\r\n|\r/g, '\n');
        assert.equal(structure(lf.replace(/\n/g, '\r\n')), structure(lf));
      }),
      settings,
    );
  });
});
