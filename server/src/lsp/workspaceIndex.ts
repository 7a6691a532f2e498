// Every report in the workspace folders, read in the background so that Go to Symbol in
// Workspace and the findings view's workspace scope have them without opening each.
// Only what those two and an authority's history need is kept: a report's symbols,
// grouped findings, and its dates and judgements.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { findingGroups, historyReport, parseReport, reportSymbols, withoutByteOrderMark, type KindDefinition, type Report, type ReportSymbol } from '../report';
import type { HistoryReport, ReportFindings, Settings } from '../protocol';

interface Indexed {
  readonly findings: ReportFindings;
  readonly symbols: readonly ReportSymbol[];
  /** Dates, judgements and findings for an authority's history. */
  readonly history: HistoryReport;
}

export interface IndexScope {
  readonly folders: readonly string[];
  readonly settings: Settings['index'];
  /** Globs of `files.exclude`. */
  readonly excluded: readonly string[];
}

// A workspace of thousands of text files that are not reports should not cost minutes.
const mostFiles = 20000;

export class WorkspaceIndex {
  private readonly reports = new Map<string, Indexed>();
  /**
   * Files deleted on disk while VS Code may still hold their documents (it keeps a closed
   * editor's document a while): such a document no longer stands for a report of the
   * workspace, until the file is there again.
   */
  private readonly deleted = new Set<string>();
  private generation = 0;
  /**
   * The latest news of each file: reads of one file overlap when it is created and written
   * in quick succession, and what was begun last stands, not what finished last; an open
   * document's model or the file's deletion outdates a read under way.
   */
  private readonly latest = new Map<string, number>();
  private news = 0;
  /** The folders whose files the index has listed; any other is new to it. */
  private readonly listed = new Set<string>();
  private scope: IndexScope = { folders: [], settings: { enable: false, include: [], exclude: [] }, excluded: [] };
  private matches: (file: string) => boolean = () => false;
  /** The workspace's own kinds, read with the built-in ones; set before a rebuild. */
  kinds: readonly KindDefinition[] = [];

  constructor(
    private readonly largest: number,
    private readonly changed: (uris: string[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Forgets everything and reads the folders again (settles when done); a crawl already running stops. */
  rebuild(scope: IndexScope): Promise<void> {
    const generation = ++this.generation;
    this.scope = scope;
    const include = picomatch([...scope.settings.include], { dot: true });
    const exclude = picomatch([...scope.settings.exclude, ...scope.excluded], { dot: true });
    this.matches = (file) => {
      const folder = scope.folders.find((candidate) => isInside(file, candidate));
      if (folder === undefined) return false;
      const relative = path.relative(folder, file).split(path.sep).join('/');
      return include(relative) && !exclude(relative);
    };
    const dropped = [...this.reports.keys()];
    this.reports.clear();
    this.listed.clear();
    if (dropped.length > 0) this.changed(dropped);
    return scope.settings.enable ? this.crawl(generation) : Promise.resolve();
  }

  private async crawl(generation: number): Promise<void> {
    const started = performance.now();
    let read = 0;
    for (const folder of this.scope.folders) {
      let files: string[];
      try {
        files = await glob([...this.scope.settings.include], {
          cwd: folder,
          ignore: [...this.scope.settings.exclude, ...this.scope.excluded],
          absolute: true,
          onlyFiles: true,
          followSymbolicLinks: false,
        });
      } catch (error) {
        this.log(`Cannot list ${folder}: ${String(error)}`);
        continue;
      }
      // Settings keep globs inside the folder; should one slip through, nothing outside is read.
      files = files.filter((file) => isInside(file, folder)).sort();
      for (const file of files) this.listed.add(path.dirname(file));
      for (const file of files) {
        if (generation !== this.generation) return;
        if (read++ >= mostFiles) {
          this.log(`Stopped indexing after ${mostFiles} files; narrow inspectionReports.index.include.`);
          return;
        }
        await this.readFile(file);
        // Between files, let requests and edits through.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (generation !== this.generation) return;
    this.log(`Indexed ${this.reports.size} reports of ${read} files in ${Math.round(performance.now() - started)} ms.`);
    if (this.reports.size > 0) this.changed([...this.reports.keys()]);
  }

  /** Reads a file from disk again (it changed, was created, or its editor closed). */
  async refresh(uri: string): Promise<void> {
    const file = localPath(uri);
    if (!this.scope.settings.enable || file === undefined || !this.matches(file)) return;
    const had = this.reports.has(uri);
    await this.readFile(file);
    if (had || this.reports.has(uri)) this.changed([uri]);
    await this.readNewFolder(path.dirname(file));
  }

  /**
   * The other files of a folder new to the index, once: a folder copied into the workspace
   * is created with its first file, which a watcher can miss before it watches the folder
   * (the first of 531 reports written into a new folder, seen in VS Code under load).
   */
  private async readNewFolder(folder: string): Promise<void> {
    if (this.listed.has(folder)) return;
    this.listed.add(folder);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const uri = URI.file(path.join(folder, name)).toString();
      // What the index has news of is read already, or on its way.
      if (!this.latest.has(uri)) await this.refresh(uri);
    }
  }

  /** Marks news of the file, which outdates any read of it under way; its number. */
  private newsOf(uri: string): number {
    this.latest.set(uri, ++this.news);
    return this.news;
  }

  /** An open document's model stands in for the file on disk. */
  update(uri: string, report: Report): void {
    const file = localPath(uri);
    if (!this.scope.settings.enable || file === undefined || !this.matches(file) || this.deleted.has(uri)) return;
    this.newsOf(uri);
    this.store(uri, report);
  }

  deletedOnDisk(uri: string): boolean {
    return this.deleted.has(uri);
  }

  /** An open document's file is on disk again, after it was deleted: its model stands for it again. */
  restore(uri: string, report: Report | undefined): void {
    if (!this.deleted.delete(uri) || !report) return;
    this.update(uri, report);
    if (this.reports.has(uri)) this.changed([uri]);
  }

  remove(uri: string): void {
    this.newsOf(uri);
    this.deleted.add(uri);
    if (this.reports.delete(uri)) this.changed([uri]);
  }

  get(uri: string): ReportFindings | undefined {
    return this.reports.get(uri)?.findings;
  }

  all(): ReportFindings[] {
    return [...this.reports.values()].map((indexed) => indexed.findings).sort((a, b) => a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri));
  }

  histories(): HistoryReport[] {
    return [...this.reports.values()].map((indexed) => indexed.history);
  }

  /** The folders on this machine that hold an indexed report. */
  folders(): string[] {
    return [...new Set([...this.reports.keys()].flatMap((uri) => localPath(uri) ?? []).map((file) => path.dirname(file)))];
  }

  symbols(): { uri: string; symbol: ReportSymbol }[] {
    return [...this.reports.entries()].flatMap(([uri, indexed]) => indexed.symbols.map((symbol) => ({ uri, symbol })));
  }

  private async readFile(file: string): Promise<void> {
    const uri = URI.file(file).toString();
    const news = this.newsOf(uri);
    const latest = () => this.latest.get(uri) === news;
    try {
      const stat = await fs.stat(file);
      if (!latest()) return;
      if (!stat.isFile() || stat.size > this.largest) {
        this.reports.delete(uri);
        return;
      }
      const text = withoutByteOrderMark(await fs.readFile(file, 'utf8'));
      if (!latest()) return;
      this.deleted.delete(uri);
      this.store(uri, parseReport(text, { kinds: this.kinds }));
    } catch (error) {
      if (!latest()) return;
      this.reports.delete(uri);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Cannot index ${file}: ${String(error)}`);
    }
  }

  private store(uri: string, report: Report): void {
    // Only what is recognised as a report: READMEs and licences are text files too.
    if (report.kind === 'unknown') {
      this.reports.delete(uri);
      return;
    }
    const name = path.basename(URI.parse(uri).fsPath);
    this.reports.set(uri, { findings: findingGroups(report, uri, name), symbols: reportSymbols(report, name), history: historyReport(uri, report) });
  }
}

/**
 * The file on this machine that a URI names, or undefined: in a virtual workspace the
 * path of `vscode-vfs://github/owner/repo/a.txt` is no file here, even if `/owner/repo` is.
 */
export function localPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
