// The peer comparison of `npm run bench`: our outline and folding next to those of
// vscode-markdown-languageservice, the engine behind VS Code's own Markdown outline, over
// the same report. The peer reads Markdown, so it is given the report with each of our
// section headings made a `#` heading by its depth: the same text, the same headings.
// Both run in this process, each iteration from the text with nothing cached.
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { URI } from 'vscode-uri';
import * as md from 'vscode-markdown-languageservice';
import { documentSymbols } from '../server/src/report/features/documentSymbols';
import { foldingRanges } from '../server/src/report/features/folding';
import type { Report, Section } from '../server/src/report/model';
import { parseReport } from '../server/src/report/parse/index';
import { flatten } from '../server/src/report/parse/references';

export interface PeerComparison {
  readonly name: string;
  readonly bytes: number;
  readonly oursMs: number;
  readonly peerMs: number;
  /** Counted over every document once, as a check that both read the headings. */
  readonly sections: number;
  readonly oursSymbols: number;
  readonly peerSymbols: number;
  readonly oursFolds: number;
  readonly peerFolds: number;
}

/**
 * The report as Markdown: each section's heading line becomes `#`, `##`, `###`... by its
 * depth in our outline (a heading wrapped over two lines is joined onto its first, the
 * other left blank, so every line keeps its number); all other text is left as it is.
 */
export function toMarkdown(text: string, report: Report): string {
  const lines = text.split(/\r\n|\r|\n/);
  const mark = (sections: readonly Section[], depth: number): void => {
    for (const section of sections) {
      const { start, end } = section.headingRange;
      const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
      const words = lines.slice(start.line, last + 1).map((line) => line.trim()).join(' ');
      // Trimmed: four spaces of indentation, or a form feed, would keep `#` from starting a heading.
      lines[start.line] = `${'#'.repeat(Math.min(depth, 6))} ${words}`;
      for (let line = start.line + 1; line <= last; line++) lines[line] = '';
      mark(section.children, depth + 1);
    }
  };
  mark(report.sections, 1);
  return lines.join('\n');
}

/** The peer as VS Code's Markdown server sets it up, over a workspace that holds nothing. */
function peerService(): { service: md.IMdLanguageService; changed: Emitter<md.ITextDocument>; parses: () => number } {
  const engine = MarkdownIt({ html: true });
  // VS Code's Markdown engine keeps the tokens of the last document version it parsed
  // (its TokenCache), so that the outline and folding of one version share one parse;
  // this does the same, and counts the parses to show that no version is read twice.
  let cached: { uri: string; version: number; tokens: md.Token[] } | undefined;
  let parses = 0;
  const parser: md.IMdParser = {
    slugifier: md.githubSlugifier,
    async tokenize(document) {
      if (cached?.uri !== document.uri || cached.version !== document.version) {
        parses++;
        cached = { uri: document.uri, version: document.version, tokens: engine.parse(document.getText(), {}) };
      }
      return cached.tokens;
    },
  };
  const changed = new Emitter<md.ITextDocument>();
  const workspace: md.IWorkspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: new Emitter<md.ITextDocument>().event,
    onDidDeleteMarkdownDocument: new Emitter<URI>().event,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const logger: md.ILogger = { level: md.LogLevel.Off, log: () => undefined };
  return { service: md.createLanguageService({ workspace, parser, logger }), changed, parses: () => parses };
}

function countSymbols(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((sum, symbol) => sum + 1 + countSymbols(symbol.children ?? []), 0);
}

// Results go here so the optimiser cannot drop work whose result is never used.
let sink = 0;

/** Ours and the peer on each workload, each iteration over all its texts. */
export async function peerComparisons(workloads: readonly { name: string; texts: readonly string[]; bytes: number }[]): Promise<PeerComparison[]> {
  const { Bench } = await import('tinybench');
  const { service, changed, parses } = peerService();
  const token = new CancellationTokenSource().token;
  const plan = workloads.map((load, index) => ({
    load,
    uris: load.texts.map((_, file) => `file:///peer/${index}/${file}.md`),
    markdown: load.texts.map((text) => toMarkdown(text, parseReport(text))),
  }));
  let version = 0;

  // The peer caches each document's outline by URI until the workspace says it changed,
  // as an editor does on every edit: so each iteration is a new version, announced.
  function edited(uri: string, text: string): TextDocument {
    const document = TextDocument.create(uri, 'markdown', ++version, text);
    changed.fire(document);
    return document;
  }
  async function peer(document: TextDocument): Promise<{ symbols: DocumentSymbol[]; folds: number }> {
    const symbols = await service.getDocumentSymbols(document, {}, token);
    const folds = await service.getFoldingRanges(document, token);
    return { symbols, folds: folds.length };
  }
  function ours(text: string): { report: Report; symbols: DocumentSymbol[]; folds: number } {
    const report = parseReport(text);
    return { report, symbols: documentSymbols(report), folds: foldingRanges(report).length };
  }

  const counts = new Map<string, Omit<PeerComparison, 'name' | 'bytes' | 'oursMs' | 'peerMs'>>();
  for (const { load, uris, markdown } of plan) {
    const counted = { sections: 0, oursSymbols: 0, peerSymbols: 0, oursFolds: 0, peerFolds: 0 };
    for (let file = 0; file < markdown.length; file++) {
      const mine = ours(load.texts[file]);
      // A new version's outline is read from a new parse (not an old version's outline),
      // and its folding shares that parse, as in VS Code.
      const document = edited(uris[file], markdown[file]);
      const before = parses();
      const symbols = await service.getDocumentSymbols(document, {}, token);
      const parsedForSymbols = parses() - before;
      const theirs = { symbols, folds: (await service.getFoldingRanges(document, token)).length };
      if (parsedForSymbols !== 1 || parses() !== before + 1) throw new Error(`the peer parsed a new version ${parsedForSymbols} times for its outline, ${parses() - before} in all`);
      counted.sections += flatten(mine.report.sections).length;
      counted.oursSymbols += countSymbols(mine.symbols);
      counted.oursFolds += mine.folds;
      counted.peerSymbols += countSymbols(theirs.symbols);
      counted.peerFolds += theirs.folds;
    }
    counts.set(load.name, counted);
  }

  // Short rounds that take turns, so that a slow spell of the machine's other work falls
  // on ours and the peer alike; the median is over the samples of every round.
  const samples = new Map<string, number[]>();
  for (let round = 0; round < 4; round++) {
    const bench = new Bench({ time: 500, iterations: 8, warmupTime: 100, warmupIterations: 2, retainSamples: true });
    for (const { load, uris, markdown } of plan) {
      // Both async, so that both pay the same for the promise tinybench awaits.
      bench.add(`ours, ${load.name}`, async () => {
        for (const text of load.texts) {
          const { symbols, folds } = ours(text);
          sink += symbols.length + folds;
        }
      });
      bench.add(`peer, ${load.name}`, async () => {
        for (let file = 0; file < markdown.length; file++) {
          const { symbols, folds } = await peer(edited(uris[file], markdown[file]));
          sink += symbols.length + folds;
        }
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') {
        throw new Error(`${task.name}: no result (${result.state === 'errored' ? result.error.message : result.state})`);
      }
      samples.set(task.name, [...(samples.get(task.name) ?? []), ...(result.latency.samples ?? [])]);
    }
  }
  if (sink === -1) console.log(''); // Keeps `sink` observably used.

  const median = (task: string): number => {
    const sorted = [...(samples.get(task) ?? [])].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  };
  return plan.map(({ load }) => ({
    name: load.name,
    bytes: load.bytes,
    oursMs: median(`ours, ${load.name}`),
    peerMs: median(`peer, ${load.name}`),
    ...counts.get(load.name)!,
  }));
}
