// The scale share of `npm run bench`: a workspace of 1,000 reports (the corpus and the
// seeds copied under other names into a temporary folder) read in the background by the
// bundled server, as when VS Code opens a folder of downloaded reports. How long until
// the index is complete, how much memory the server holds at its peak, and how fast the
// requests over the whole workspace answer once it is.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ReportFindings } from '../server/src/protocol';
import { time, type Timing } from './lspBench';
import { TestClient } from './protocol/testClient';

export interface Scale {
  readonly files: number;
  /** The server's own line: `Indexed N reports of M files in T ms.` */
  readonly logged: string;
  /** From `initialized` sent to the server's `Indexed` line received. */
  readonly indexedMs: number;
  /** From `initialized` sent to the first workspace findings answer (it waits for the index). */
  readonly firstAnswerMs: number;
  readonly reports: number;
  /** The server's peak resident memory (VmHWM), where /proc tells it. */
  readonly peakMB: number | undefined;
  readonly timings: Timing[];
}

export const workspaceSize = 1000;

export async function scaleTimings(repo: string, corpusDir: string | undefined): Promise<Scale> {
  const sources = [
    ...textFiles(path.join(repo, 'seeds')),
    ...(corpusDir && fs.existsSync(corpusDir) ? textFiles(corpusDir) : []),
  ];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-scale-'));
  try {
    for (let copy = 0; copy < workspaceSize; copy++) {
      const source = sources[copy % sources.length];
      fs.copyFileSync(source, path.join(folder, `${String(copy).padStart(4, '0')}-${path.basename(source)}`));
    }
    const client = await TestClient.spawned({ folders: [folder], settings: {} }, path.join(repo, 'dist', 'server.js'));
    // `spawned` settles once `initialized` is sent, which starts the crawl.
    const started = performance.now();
    let indexedMs = Number.NaN;
    const logged = client.until(() => client.logs.some((message) => message.startsWith('Indexed '))).then(() => (indexedMs = performance.now() - started));
    const all = await client.connection.sendRequest<ReportFindings[]>('inspectionReports/workspaceFindings', {});
    const firstAnswerMs = performance.now() - started;
    await logged;

    const request = (method: string, params: object) => client.connection.sendRequest(method, params);
    const timings = [
      await time(`workspace findings, ${all.length} reports`, 20, () => request('inspectionReports/workspaceFindings', {})),
      await time('workspace symbols, "priority"', 50, () => request('workspace/symbol', { query: 'priority' })),
      await time('workspace symbols, "" (all, first 1,000)', 50, () => request('workspace/symbol', { query: '' })),
      await time(`authority history, ${all.length} reports`, 20, () => request('inspectionReports/authorityHistory', {})),
    ];
    const peakMB = peakResidentMB(client.pid);
    await client.dispose();
    return {
      files: workspaceSize,
      logged: client.logs.find((message) => message.startsWith('Indexed ')) ?? '',
      indexedMs,
      firstAnswerMs,
      reports: all.length,
      peakMB,
      timings,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function textFiles(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(folder, name));
}

/** VmHWM of /proc/<pid>/status: the most resident memory the process has held. Linux only. */
function peakResidentMB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kB === undefined ? undefined : Number(kB) / 1024;
  } catch {
    return undefined;
  }
}
