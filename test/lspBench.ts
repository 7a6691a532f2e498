// The language server's share of `npm run bench`: round trips to the bundled server over
// stdio, as an editor makes them. Each is timed from the message sent to the answer (or
// the diagnostics published) received; the baseline is a request the server answers
// with nothing, measured in the same run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TestClient } from './protocol/testClient';

export interface Timing {
  readonly name: string;
  readonly samples: number[];
}

/** `runs` timings of `once`, after `warmUp` untimed runs. */
export async function time(name: string, runs: number, once: (run: number) => Promise<unknown>, warmUp = 5): Promise<Timing> {
  for (let run = 0; run < warmUp; run++) await once(-1 - run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await once(run);
    samples.push(performance.now() - started);
  }
  return { name, samples };
}

export async function lspTimings(repo: string, corpusDir: string | undefined): Promise<Timing[]> {
  const server = path.join(repo, 'dist', 'server.js');
  const seedFile = path.join(repo, 'seeds', '003_35a5abd99a445aeb.txt');
  const seed = fs.readFileSync(seedFile, 'utf8');
  const client = await TestClient.spawned({ settings: {} }, server);
  const uri = URI.file(seedFile).toString();
  await client.open(uri, seed);
  await client.diagnostics(uri, 1);
  const request = (method: string, params: object) => client.connection.sendRequest(method, params);
  const timings: Timing[] = [];

  // Every edit is a new version: parse again, then the outline VS Code asks for. First as a
  // user meets it: typing as soon as the opened report's problems are shown, in a server
  // that has read nothing else, with no untimed rounds.
  let version = 1;
  const edit = (target: string) => client.change(target, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  const editThenSymbols = async () => {
    await edit(uri);
    await request('textDocument/documentSymbol', { textDocument: { uri } });
  };
  timings.push(await time('edit, then document symbols, seed 003: first 40 rounds of a fresh server', 40, editThenSymbols, 0));
  timings.push(await time('baseline: empty answer (document not open)', 200, () => request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.txt' } })));
  timings.push(await time('document symbols, seed 003 (parsed)', 200, () => request('textDocument/documentSymbol', { textDocument: { uri } })));
  timings.push(await time('hover on the title block, seed 003', 200, () => request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 0 } })));
  timings.push(await time('edit, then document symbols, seed 003: steady', 200, editThenSymbols));
  timings.push(await time('keystroke to diagnostics, seed 003', 40, async () => {
    await edit(uri);
    await client.diagnostics(uri, version);
  }));

  // A 1 MB report: the seed nine times over, and the corpus's pdftotext layout if present.
  const large: [string, string][] = [['seed 003 x9', seed.repeat(9)]];
  if (corpusDir && fs.existsSync(corpusDir)) {
    let text = '';
    for (const name of fs.readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort()) {
      if (text.length >= 1_000_000) break;
      text += fs.readFileSync(path.join(corpusDir, name), 'utf8');
    }
    large.push([`corpus files joined`, text]);
  }
  for (const [name, text] of large) {
    const largeUri = `file:///bench/${name.replace(/\W+/g, '-')}.txt`;
    version = 1;
    await client.open(largeUri, text);
    await client.diagnostics(largeUri, 1);
    timings.push(await time(`keystroke to diagnostics, ${(text.length / 1e6).toFixed(1)} MB (${name})`, 30, async () => {
      await edit(largeUri);
      await client.diagnostics(largeUri, version);
    }));
  }
  await client.dispose();

  // What the first rounds cost with nothing to parse: another fresh server asked for the
  // outline of the version it has read, so that only the round trip, the outline and its
  // JSON remain, as cold as in the first rounds above.
  const unedited = await TestClient.spawned({ settings: {} }, server);
  await unedited.open(uri, seed);
  await unedited.diagnostics(uri, 1);
  timings.push(await time('baseline for the first rounds: document symbols with no edit, first 40 rounds of a fresh server', 40,
    () => unedited.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 0));
  await unedited.dispose();

  if (corpusDir && fs.existsSync(corpusDir)) {
    timings.push(await time('index the corpus folder (fresh server)', 5, async () => {
      const indexing = await TestClient.spawned({ folders: [corpusDir], settings: {} }, server);
      await indexing.connection.sendRequest('inspectionReports/workspaceFindings', {});
      await indexing.dispose();
    }));
  }
  return timings;
}
