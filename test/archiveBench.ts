// The archive's share of `npm run bench`: the seeds and both shared corpora (about 530
// published documents) as one workspace of three folders, indexed by the bundled server,
// then what the Judgements panel and the authority history ask of it: the history request
// answered and its page made as HTML, as the panels make it. A request the server answers
// with nothing, on the same server, is the baseline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyBody } from '../client/src/authorityHistoryPage';
import { judgementsBody } from '../client/src/judgementsPage';
import type { AuthorityHistoryResult } from '../server/src/protocol';
import { time, type Timing } from './lspBench';
import { TestClient } from './protocol/testClient';

export interface Archive {
  readonly documents: number;
  /** From `initialized` sent to the server's `Indexed` line received. */
  readonly indexedMs: number;
  readonly timings: Timing[];
}

/** Undefined where the shared corpora are not beside the repository. */
export async function archiveTimings(repo: string, shared: string): Promise<Archive | undefined> {
  const folders = [path.join(repo, 'seeds'), path.join(shared, 'corpus'), path.join(shared, 'corpus-wide')];
  if (!folders.every((folder) => fs.existsSync(folder))) return undefined;
  const documents = folders.reduce((sum, folder) => sum + fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).length, 0);
  const client = await TestClient.spawned({ folders, settings: {} }, path.join(repo, 'dist', 'server.js'));
  try {
    const started = performance.now();
    await client.until(() => client.logs.some((message) => message.startsWith('Indexed ')));
    const indexedMs = performance.now() - started;
    const history = (params: object) => client.connection.sendRequest<AuthorityHistoryResult>('inspectionReports/authorityHistory', params);
    const timings = [
      await time('baseline: empty answer (document not open)', 50, () => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.txt' } })),
      await time(`Judgements panel filled: every report's grades asked and made a table`, 20, async () => judgementsBody(await history({ includeSingle: true }))),
      await time('authority history drawn: the histories asked and made a page with their charts', 20, async () => historyBody(await history({}))),
    ];
    return { documents, indexedMs, timings };
  } finally {
    await client.dispose();
  }
}
