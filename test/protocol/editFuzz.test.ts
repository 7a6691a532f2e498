// Random edits through the protocol, as a user halfway through deleting a section makes
// them: lines deleted, text typed, a block pasted twice, sent as incremental changes in
// a burst. Whatever the edits, the server keeps answering, and what it answers for the
// last version is what a fresh parse of the same text gives: no stale model, no range
// outside the text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { DocumentSymbol, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport } from '../../server/src/report/diagnostics';
import { documentSymbols } from '../../server/src/report/features/documentSymbols';
import { applyRuleSettings } from '../../server/src/lsp/ruleSettings';
import { parseReport } from '../../server/src/report/parse/index';
import { defaultSettings } from '../../server/src/protocol';
import { rangesOutside, seedNames, seedsDir } from '../unit/helpers';

import { seedUri, TestClient } from './testClient';

const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261202;

const documents = seedNames().map((name) => ({ uri: seedUri(name), text: fs.readFileSync(path.join(seedsDir, name), 'utf8') }));

interface Edit {
  readonly kind: 'delete-lines' | 'type' | 'paste-twice' | 'replace';
  /** Where, as a fraction of the document, so that it lands inside whatever the text is by then. */
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete-lines' as const, 'type' as const, 'paste-twice' as const, 'replace' as const),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 30 }),
  text: fc.oneof(fc.constantFrom('\n', '\r\n', 'Areas for priority action\n', '12. ', '• ', 'Inadequate', ''), fc.string({ maxLength: 20 })),
});

function change(document: TextDocument, { kind, at, length, text }: Edit): TextDocumentContentChangeEvent {
  const line = Math.floor(at * document.lineCount);
  const start = { line, character: 0 };
  if (kind === 'delete-lines') return { range: { start, end: { line: Math.min(line + length, document.lineCount), character: 0 } }, text: '' };
  if (kind === 'paste-twice') {
    const block = document.getText({ start, end: { line: line + length, character: 0 } });
    return { range: { start, end: start }, text: block + block };
  }
  const offset = Math.floor(at * document.getText().length);
  const position = document.positionAt(offset);
  return { range: { start: position, end: kind === 'replace' ? document.positionAt(offset + length) : position }, text };
}

describe(`edits through the protocol (seed ${seed}, ${runs} runs)`, function () {
  this.timeout(Math.max(60_000, runs * 4_000));
  let client: TestClient;
  let version = 1;

  before(async () => {
    client = await TestClient.inProcess({ debounceMs: 5 });
  });

  after(() => client.dispose());

  it('answers each burst of edits as a fresh parse of the same text would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...documents), fc.array(edit, { minLength: 1, maxLength: 12 }), async ({ uri, text }, edits) => {
        let document = TextDocument.create(uri, 'inspection-report', ++version, text);
        await client.open(uri, text, version);
        for (const one of edits) {
          const contentChange = change(document, one);
          document = TextDocument.update(document, [contentChange], ++version);
          await client.change(uri, version, [contentChange]);
        }
        const final = document.getText();
        const diagnostics = await client.diagnostics(uri, version);
        const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        await client.close(uri);

        const fresh = parseReport(final);
        assert.deepEqual(rangesOutside(final, diagnostics.map((diagnostic, i) => ({ where: `diagnostic[${i}]`, range: diagnostic.range }))), []);
        assert.deepEqual(symbols, documentSymbols(fresh));
        const expected = applyRuleSettings(checkReport(fresh), defaultSettings.diagnostics, path.basename(uri));
        assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), expected.map((diagnostic) => [diagnostic.code, diagnostic.range]));
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
  });
});
