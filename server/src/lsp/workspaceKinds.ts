// What the workspace folders' `.inspection-reports.json` files say (their own kinds, and
// codes turned off for some files): read when the server starts, when the folders change
// and when a file changes; each file's problems are published as its diagnostics. Only
// files on this machine are read, and only up to a size no such file comes near.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { kindsFileName, largestKindsFile, megabytes, readKindsFile, withIgnoredCode, type KindDefinition, type KindsFile } from '../report';
import { diagnosticSource } from './diagnostics';

export class WorkspaceKinds {
  private byFile = new Map<string, KindsFile>();
  /** The kinds of every folder, in folder order. */
  kinds: readonly KindDefinition[] = [];

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** Whether `uri` is the kinds file of one of `folders`. */
  static isKindsFile(uri: string, folders: readonly string[]): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && path.basename(parsed.fsPath) === kindsFileName && folders.includes(path.dirname(parsed.fsPath));
  }

  /** The codes that `folder`'s file turns off, by glob or path relative to it. */
  ignoreIn(folder: string): KindsFile['ignore'] {
    return this.byFile.get(path.join(folder, kindsFileName))?.ignore ?? {};
  }

  /** Reads every folder's file again, and says what is not what it was. */
  async read(folders: readonly string[]): Promise<{ kinds: boolean; ignore: boolean }> {
    const before = { kinds: JSON.stringify(this.kinds), ignore: JSON.stringify([...this.byFile.values()].map((file) => file.ignore)) };
    const files = folders.map((folder) => path.join(folder, kindsFileName));
    // A folder gone, or its file deleted: its problems go with it.
    for (const file of this.byFile.keys()) if (!files.includes(file)) this.publish(URI.file(file).toString(), []);
    const read = new Map<string, KindsFile>();
    for (const file of files) {
      const found = await this.readFile(file);
      if (found) read.set(file, found);
    }
    this.byFile = read;
    this.kinds = [...read.values()].flatMap((file) => file.kinds);
    return { kinds: JSON.stringify(this.kinds) !== before.kinds, ignore: JSON.stringify([...read.values()].map((file) => file.ignore)) !== before.ignore };
  }

  /**
   * Adds `code` for `file` (relative to `folder`) to the folder's file, creating it if
   * need be; the reason when it cannot. The caller reads the files again.
   */
  async ignoreRuleInFile(folder: string, file: string, code: string): Promise<string | undefined> {
    const target = path.join(folder, kindsFileName);
    let text: string | undefined;
    try {
      text = await fs.readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot read ${kindsFileName}: ${String(error)}`;
    }
    const changed = withIgnoredCode(text, file, code);
    if (changed === undefined) return `${kindsFileName} is not JSON; mend it first`;
    if (changed === text) return undefined;
    try {
      // Whole or not at all: a half-written file would lose the folder's kinds.
      const part = `${target}.${process.pid}.tmp`;
      await fs.writeFile(part, changed, 'utf8');
      await fs.rename(part, target);
    } catch (error) {
      return `cannot write ${kindsFileName}: ${String(error)}`;
    }
    return undefined;
  }

  private async readFile(file: string): Promise<KindsFile | undefined> {
    const uri = URI.file(file).toString();
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > largestKindsFile) {
        this.publish(uri, stat.isFile() ? [problem(`${kindsFileName} is over ${megabytes(largestKindsFile)}; nothing was read from it.`)] : []);
        return { kinds: [], ignore: {}, problems: [] };
      }
      text = await fs.readFile(file, 'utf8');
    } catch {
      // No file (the usual case) or none to read: no kinds, and no problems to show.
      if (this.byFile.has(file)) this.publish(uri, []);
      return undefined;
    }
    const found = readKindsFile(text);
    this.publish(uri, found.problems.map((each) => problem(each.message, each.range)));
    return found;
  }
}

function problem(message: string, range: Diagnostic['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): Diagnostic {
  return { message, range, severity: DiagnosticSeverity.Error, source: diagnosticSource, code: 'kinds.invalid' };
}
