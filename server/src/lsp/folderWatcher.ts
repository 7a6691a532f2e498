// Where the client cannot watch files for the server (Neovim on Linux, Helix, Emacs), the
// server notices changes to the workspace's reports itself, so that the index and the
// findings of every report stay true. One watcher per folder that holds an indexed report,
// and per workspace folder (new reports and `.inspection-reports.json` appear there), each
// on that folder alone: the cost is bounded by the folders that hold reports, not by
// everything under the workspace (node_modules, say). A report put into a folder that held
// none is read at the next indexing.
import { watch, type FSWatcher } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

/** An archive sorted into folders by region and year has a few hundred; a watcher each is cheap up to here. */
const mostFolders = 1000;

// A save is several events (write, rename, change); they are gathered into one change.
const settleMs = 100;

export class FolderWatcher {
  private watchers = new Map<string, FSWatcher>();
  private changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChanges: (changes: FileEvent[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Watches these folders and no others. */
  watch(folders: readonly string[]): void {
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (this.watchers.has(folder)) continue;
      if (this.watchers.size >= mostFolders) {
        this.log(`Watching the first ${mostFolders} folders of reports for changes; reports in the others are read again at the next indexing.`);
        break;
      }
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => name && this.note(path.join(folder, name.toString())));
        // A folder deleted, or the system's limit of watchers reached: that folder goes unwatched.
        watcher.on('error', () => this.forget(folder));
        this.watchers.set(folder, watcher);
      } catch (error) {
        this.log(`Cannot watch ${folder} for changes: ${String(error)}`);
      }
    }
  }

  dispose(): void {
    for (const folder of [...this.watchers.keys()]) this.forget(folder);
    clearTimeout(this.timer);
  }

  private forget(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  private note(file: string): void {
    this.changed.add(file);
    this.timer ??= setTimeout(() => void this.flush(), settleMs);
  }

  private async flush(): Promise<void> {
    const files = [...this.changed];
    this.changed.clear();
    this.timer = undefined;
    // fs.watch does not say whether a file came or went: whether it is there now does.
    const changes = await Promise.all(files.map(async (file): Promise<FileEvent> => ({
      uri: URI.file(file).toString(),
      type: await fs.stat(file).then((stat) => (stat.isFile() ? FileChangeType.Changed : FileChangeType.Deleted), () => FileChangeType.Deleted),
    })));
    this.onChanges(changes);
  }
}
