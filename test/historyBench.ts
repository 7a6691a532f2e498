// The authority history's share of `npm run bench`: the histories of every seed and
// corpus report (each later finding compared with every earlier finding of its
// authority), from reports already parsed, as the server computes them from its index;
// next to parsing the same reports, measured in the same run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { authorityHistories, historyReport } from '../server/src/report/features/authorityHistory';
import type { Report } from '../server/src/report/model';
import { parseReport } from '../server/src/report/parse/index';

export interface HistoryBench {
  readonly documents: number;
  readonly authorities: number;
  readonly recurring: number;
  readonly parseMs: number;
  /** From parsed reports: what the index keeps of each, then the histories. */
  readonly historyMs: number;
  /** The histories alone, from what the index keeps. */
  readonly groupingMs: number;
}

export async function historyTimings(folders: readonly string[]): Promise<HistoryBench> {
  const { Bench } = await import('tinybench');
  const texts = folders.flatMap((folder) =>
    fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => ({ uri: URI.file(path.join(folder, name)).toString(), text: fs.readFileSync(path.join(folder, name), 'utf8') })) : []);
  const parsed: { uri: string; report: Report }[] = texts.map(({ uri, text }) => ({ uri, report: parseReport(text) }));
  const kept = parsed.map(({ uri, report }) => historyReport(uri, report));
  let sink = 0;
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('parse', () => {
    for (const { text } of texts) sink += parseReport(text).lineCount;
  });
  bench.add('history', () => {
    sink += authorityHistories(parsed.map(({ uri, report }) => historyReport(uri, report))).length;
  });
  bench.add('grouping', () => {
    sink += authorityHistories(kept).length;
  });
  await bench.run();
  const median = (name: string) => {
    const result = bench.getTask(name)?.result;
    return result && (result.state === 'completed' || result.state === 'aborted-with-statistics') ? result.latency.p50 : Number.NaN;
  };
  const histories = authorityHistories(kept);
  if (sink === -1) console.log('');
  return {
    documents: texts.length,
    authorities: histories.length,
    recurring: histories.reduce((sum, history) => sum + history.recurring.length, 0),
    parseMs: median('parse'),
    historyMs: median('history'),
    groupingMs: median('grouping'),
  };
}

// An authority's history is asked for each time the panel opens or the reports change:
// it should cost little beside reading the reports in the first place.
const historyTargetRatio = 0.1;

/** The rows `npm run bench` prints. */
export async function printHistoryBench(folders: readonly string[]): Promise<void> {
  const bench = await historyTimings(folders);
  console.log('');
  console.log(`Authority history of the seeds${bench.documents > 5 ? ' and the corpus' : ''} (${bench.documents} documents: ${bench.authorities} authorities with two or more reports, ${bench.recurring} recurring ${bench.recurring === 1 ? "finding" : "findings"}), medians:`);
  const rows = [
    ['task', 'median ms', 'x baseline'],
    [`baseline: parseReport, ${bench.documents} documents`, bench.parseMs.toFixed(3), '1.000x'],
    ['authority history, from the parsed reports', bench.historyMs.toFixed(3), `${(bench.historyMs / bench.parseMs).toFixed(3)}x`],
    ['authority history, from what the index keeps', bench.groupingMs.toFixed(3), `${(bench.groupingMs / bench.parseMs).toFixed(3)}x`],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  const ratio = bench.historyMs / bench.parseMs;
  console.log(`target: the history from parsed reports under ${historyTargetRatio}x of parsing them: ${ratio.toFixed(2)}x, ${ratio < historyTargetRatio ? 'met' : 'NOT met'}`);
}
