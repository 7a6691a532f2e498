// The language server over JSON-RPC, as an editor drives it: each feature on the seeds
// with exact answers, an edit and its undo, settings, and what must not stop it. Lines
// and characters in the assertions are zero-based, as in the protocol.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, LocationLink, MarkupContent, Range, SymbolInformation } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { parseReport } from '../../server/src/report/parse/index';
import { checkReport } from '../../server/src/report/diagnostics';
import type { ReportFindings } from '../../server/src/protocol';
import { readSeed, repoRoot, seedNames, seedsDir, symbolNestingProblems } from '../unit/helpers';
import { seedUri, TestClient } from './testClient';

const essex = seedUri('001_3fc988dedc62c826.txt');
const thurrockSif = seedUri('003_35a5abd99a445aeb.txt');

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

function at(line: number, character: number) {
  return { line, character };
}

function lines(range: Range): [number, number] {
  return [range.start.line, range.end.line];
}

describe('language server over JSON-RPC', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.inProcess({ folders: [seedsDir], settings: {} });
    for (const name of seedNames()) await client.open(seedUri(name), readSeed(name.slice(0, 3)));
  });

  after(() => client.dispose());

  it('publishes each seed’s diagnostics with codes linked to the README', async () => {
    for (const name of seedNames()) {
      const published = await client.diagnostics(seedUri(name), 1);
      const expected = checkReport(parseReport(readSeed(name.slice(0, 3))));
      assert.deepEqual(published.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), expected.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), name);
    }
    const [missing] = await client.diagnostics(thurrockSif, 1);
    assert.equal(missing.code, 'judgement.missing-in-section');
    assert.equal(missing.source, 'inspection-reports');
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n');
    const href = missing.codeDescription?.href ?? '';
    assert.ok(href.startsWith(URI.file(path.join(repoRoot, 'README.md')).toString() + '#L'), href);
    assert.match(readme[Number(href.split('#L')[1]) - 1], /<a id="judgement\.missing-in-section">/);
  });

  it('gives the Essex letter’s outline: sections with counts, findings beneath', async () => {
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: essex } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail, lines(symbol.range), symbol.children?.length]), [
      ['Delivered satisfactorily in accordance with national guidance', '8 satisfactory', [24, 38], 8],
      ['Strengths', '3 strengths', [40, 44], 3],
      ['Areas for development', '8 for development', [46, 60], 8],
      ['Areas for priority action', '3 priority actions', [62, 73], 3],
    ]);
    const priority = symbols[3].children ?? [];
    assert.deepEqual(priority.map((symbol) => [symbol.detail, lines(symbol.range)]), [
      ['Area for priority action', [64, 64]],
      ['Area for priority action', [65, 69]],
      ['Area for priority action', [71, 71]],
    ]);
    assert.match(priority[0].name, /^The capacity of the assessment service is significantly stretched by…$/);
  });

  it('gives the SIF report’s outline: the judgement table, graded sections, numbered recommendations', async () => {
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: thurrockSif } });
    assert.deepEqual(symbolNestingProblems(symbols), []);
    const [table] = symbols;
    assert.equal(table.name, 'Judgements');
    assert.deepEqual(table.children?.map((row) => [row.name, row.detail]), [
      ['Children who need help and protection', 'Requires improvement to be good'],
      ['Children looked after and achieving permanence', 'Requires improvement to be good'],
      ['Adoption performance', 'Requires improvement to be good'],
      ['Experiences and progress of care leavers', 'Requires improvement to be good'],
      ['Leadership, management and governance', 'Requires improvement to be good'],
    ]);
    const leadership = symbols.find((symbol) => symbol.name === 'Leadership, management and governance');
    assert.equal(leadership?.detail, 'Requires improvement to be good');
    const recommendations = symbols.find((symbol) => symbol.name === 'Recommendations');
    assert.equal(recommendations?.detail, '16 recommendations');
    assert.deepEqual(recommendations?.children?.map((symbol) => symbol.name.split('.')[0]), Array.from({ length: 16 }, (_, index) => String(index + 1)));
    // Numbered paragraphs that are not findings sit under their section.
    const findings = symbols.find((symbol) => symbol.name.startsWith('The experiences and progress of children who need help'))?.children?.find((symbol) => symbol.name === 'Inspection findings');
    assert.equal(findings?.children?.length, 27);
    assert.match(findings?.children?.[0].name ?? '', /^17\. A comprehensive early help commissioning strategy/);
  });

  it('hovers: the title block, a heading, a finding', async () => {
    const hover = (uri: string, line: number, character: number) => client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(line, character) });
    const card = hoverText(await hover(essex, 16, 5));
    assert.match(card, /^### Essex County Council\n\nUnannounced inspection letter/);
    assert.match(card, /Letter: 12 November 2009 · Inspection: 14 and 15 October 2009/);
    assert.match(card, /\| Areas for priority action \| 3 \|\n\| Areas for development \| 8 \|\n\| Strengths \| 3 \|\n\| Satisfactory \| 8 \|/);
    assert.match(card, /\*\*First area for priority action\*\* \(line 65\): The capacity of the assessment service/);
    const heading = await hover(essex, 62, 3);
    assert.match(hoverText(heading), /^\*\*Areas for priority action\*\* — 3 priority actions\n\n- Area for priority action: The capacity/);
    assert.deepEqual(heading?.range, { start: at(62, 0), end: at(62, 25) });
    assert.equal(hoverText(await hover(essex, 66, 10)), '**Area for priority action** · in ‘Areas for priority action’');
    assert.equal(await hover(essex, 61, 0), null);
  });

  it('hovers: a grade shows the scale, a tag its recommendations, a contents entry its section', async () => {
    const hover = (line: number, character: number) => client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: thurrockSif }, position: at(line, character) });
    assert.equal(
      hoverText(await hover(17, 50)),
      'Children looked after and achieving permanence: **Requires improvement to be good**\n\nOfsted’s four-point scale: Outstanding › Good › **Requires improvement to be good** › Inadequate',
    );
    const tag = parseReport(readSeed('003')).recommendationTags[0];
    const tagHover = hoverText(await hover(tag.range.start.line, tag.range.start.character + 3));
    assert.match(tagHover, new RegExp(`^Supports\\n\\n\\*\\*Recommendation ${tag.supports[0]}\\*\\* \\(line \\d+\\): `));
    assert.equal(hoverText(await hover(66, 3)), 'Contents: **Leadership, management and governance**, line 386 — Requires improvement to be good');
    const sif = hoverText(await hover(5, 0));
    assert.match(sif, /^### Thurrock Council\n\nSingle inspection framework report\n\nInspection: 22 February 2016 to 17 March 2016 · Published: 24 May 2016/);
    assert.match(sif, /\| Recommendations \| 18 \|/);
  });

  it('folds sections, long lists and the front matter', async () => {
    const folds = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: essex } });
    assert.deepEqual(folds.map((fold) => [fold.startLine, fold.endLine, fold.kind ?? '']), [
      [0, 14, 'region'], // letterhead and addressee
      [24, 38, ''], // what was satisfactory
      [26, 36, ''], // its eight bullets
      [40, 44, ''],
      [42, 44, ''],
      [46, 60, ''],
      [48, 58, ''],
      [62, 73, ''],
      [75, 89, 'region'], // sign-off
    ]);
  });

  it('goes from a (Recommendation) tag to its recommendation and from a contents entry to its heading', async () => {
    const report = parseReport(readSeed('003'));
    const tag = report.recommendationTags[0];
    const definition = (line: number, character: number) =>
      client.connection.sendRequest<LocationLink[]>('textDocument/definition', { textDocument: { uri: thurrockSif }, position: at(line, character) });
    const toRecommendation = await definition(tag.range.start.line, tag.range.start.character);
    const recommendation = report.findings.find((finding) => finding.category === 'recommendation' && finding.number === tag.supports[0]);
    assert.deepEqual(toRecommendation.map((link) => link.targetRange), [recommendation?.range]);
    assert.deepEqual(toRecommendation[0].originSelectionRange, tag.range);
    const toHeading = await definition(66, 0);
    assert.deepEqual(toHeading.map((link) => [link.targetUri, link.targetSelectionRange.start.line]), [[thurrockSif, 385]]);
    assert.deepEqual(await definition(200, 0), []);
  });

  it('finds reports, sections and priority actions across the workspace', async () => {
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'essex priority' });
    assert.deepEqual(symbols.map((symbol) => [symbol.name.slice(0, 31), symbol.location.range.start.line]), [
      ['Areas for priority action', 62],
      ['Priority action: The capacity o', 64],
      ['Priority action: There are high', 65],
      ['Priority action: In those local', 71],
    ]);
    const reports = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'thurrock' });
    assert.equal(reports.filter((symbol) => symbol.kind === 1).length, 3);
  });

  it('answers the findings view: one report, and the workspace grouped by category', async () => {
    const one = await client.connection.sendRequest<ReportFindings | null>('inspectionReports/documentFindings', { uri: essex });
    assert.equal(one?.title, 'Essex');
    assert.deepEqual(one?.groups.map((group) => [group.name, group.findings.length]), [
      ['Areas for priority action', 3],
      ['Areas for development', 8],
      ['Strengths', 3],
      ['Satisfactory', 8],
    ]);
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    assert.deepEqual(all.map((report) => [path.basename(URI.parse(report.uri).fsPath), report.kind, report.groups.map((group) => group.findings.length).join(' ')]), [
      ['001_3fc988dedc62c826.txt', 'cra-letter', '3 8 3 8'],
      ['004_161752b46caf5eec.txt', 'cra-letter', '6 14'],
      ['000_cedd8d57784a9609.txt', 'cra-letter', '3 4 15'],
      ['002_9f986742e412e620.txt', 'ilacs-summary', '3 23'],
      ['003_35a5abd99a445aeb.txt', 'sif-report', '18'],
    ]);
  });

  it('shows the contradiction when the Essex letter loses its areas for priority action, and clears it on undo', async () => {
    const text = readSeed('001');
    const removed = { start: at(62, 0), end: at(74, 0) };
    const removedText = text.split('\n').slice(62, 74).join('\n') + '\n';
    await client.change(essex, 2, [{ range: removed, text: '' }]);
    const after = await client.diagnostics(essex, 2);
    assert.deepEqual(after.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line]), [['letter.outcome-contradiction', 1, 20]]);

    // The quick fix puts the heading back after the areas for development and the
    // sentence that still announces the areas for priority action.
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: essex },
      range: after[0].range,
      context: { diagnostics: after },
    });
    assert.deepEqual(actions.map((action) => action.title), ['Insert the ‘Areas for priority action’ heading', 'Turn off ‘letter.outcome-contradiction’ for this file']);
    const [edit] = actions[0].edit?.changes?.[essex] ?? [];
    assert.deepEqual(edit, { range: { start: at(60, 66), end: at(60, 66) }, newText: '\n\nAreas for priority action' });
    assert.deepEqual(actions[1].command?.arguments, [{ uri: essex, code: 'letter.outcome-contradiction' }]);

    await client.change(essex, 3, [{ range: { start: at(62, 0), end: at(62, 0) }, text: removedText }]);
    assert.deepEqual(await client.diagnostics(essex, 3), []);

    // The same letter as a PDF's text is read-only: no fix that edits it is offered.
    const fromPdf = 'inspection-report-pdf:/letters/essex.pdf?file%3A%2F%2F%2Fletters%2Fessex.pdf';
    await client.open(fromPdf, text.split('\n').filter((_, line) => line < 62 || line >= 74).join('\n'));
    const problems = await client.diagnostics(fromPdf, 1);
    const offered = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: fromPdf }, range: problems[0].range, context: { diagnostics: problems } });
    assert.deepEqual(offered.map((action) => action.title), ['Turn off ‘letter.outcome-contradiction’ for this file']);
    await client.close(fromPdf);
  });

  it('applies rule settings: another severity, off, off for a file, a cap', async () => {
    const with_ = (settings: unknown) => client.republished(thurrockSif, () => client.configure(settings));
    const summary = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`);
    assert.deepEqual(summary(await with_({ diagnostics: { rules: { 'judgement.missing-in-section': 'hint' } } })), ['judgement.missing-in-section 4']);
    assert.deepEqual(summary(await with_({ diagnostics: { rules: { 'judgement.missing-in-section': 'off' } } })), []);
    assert.deepEqual(summary(await with_({ diagnostics: { ignore: { '*_35a5abd99a445aeb.txt': ['judgement.missing-in-section'] } } })), []);
    assert.deepEqual(summary(await with_({ diagnostics: { ignore: { '*_35a5abd99a445aeb.txt': ['numbering.gap'] } } })), ['judgement.missing-in-section 2']);
    assert.deepEqual(summary(await with_({ diagnostics: { maxProblems: 0 } })), []);
    assert.deepEqual(summary(await with_({ diagnostics: { enable: false } })), []);
    // Mistyped values fall back to the defaults.
    assert.deepEqual(summary(await with_({ diagnostics: { rules: { 'judgement.missing-in-section': 'loud' }, maxProblems: 'ten' } })), ['judgement.missing-in-section 2']);
    await client.configure({});
  });

  it('takes the settings a client sends along where it answers no workspace/configuration', async () => {
    const pushing = await TestClient.inProcess({ initializationOptions: { inspectionReports: { diagnostics: { rules: { 'judgement.missing-in-section': 'hint' } } } } });
    try {
      await pushing.open(thurrockSif, readSeed('003'));
      assert.deepEqual((await pushing.diagnostics(thurrockSif, 1)).map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`), ['judgement.missing-in-section 4']);
      const sent = { inspectionReports: { diagnostics: { rules: { 'judgement.missing-in-section': 'off' } } } };
      assert.deepEqual(await pushing.republished(thurrockSif, () => pushing.connection.sendNotification('workspace/didChangeConfiguration', { settings: sent })), []);
    } finally {
      await pushing.dispose();
    }
  });
});
