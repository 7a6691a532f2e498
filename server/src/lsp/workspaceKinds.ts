// The kinds that the workspace folders define in their `.inspection-reports.json`: read
// when the server starts, when the folders change and when the client says a file
// changed; each file's problems are published as its diagnostics. Only files on this
// machine are read, and only up to a size no kinds file comes near.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { kindsFileName, largestKindsFile, readKindsFile } from '../customKinds';
import { diagnosticSource } from '../features/lspDiagnostics';
import type { KindDefinition } from '../model';

export class WorkspaceKinds {
  private kindsByFile = new Map<string, readonly KindDefinition[]>();
  /** The kinds of every folder, in folder order. */
  kinds: readonly KindDefinition[] = [];

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** Whether `uri` is the kinds file of one of `folders`. */
  static isKindsFile(uri: string, folders: readonly string[]): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && path.basename(parsed.fsPath) === kindsFileName && folders.includes(path.dirname(parsed.fsPath));
  }

  /** Reads every folder's file again; true when the kinds are not what they were. */
  async read(folders: readonly string[]): Promise<boolean> {
    const before = JSON.stringify(this.kinds);
    const files = folders.map((folder) => path.join(folder, kindsFileName));
    // A folder gone, or its file deleted: its problems go with it.
    for (const file of this.kindsByFile.keys()) if (!files.includes(file)) this.publish(URI.file(file).toString(), []);
    const read = new Map<string, readonly KindDefinition[]>();
    for (const file of files) {
      const kinds = await this.readFile(file);
      if (kinds) read.set(file, kinds);
    }
    this.kindsByFile = read;
    this.kinds = [...read.values()].flat();
    return JSON.stringify(this.kinds) !== before;
  }

  private async readFile(file: string): Promise<readonly KindDefinition[] | undefined> {
    const uri = URI.file(file).toString();
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > largestKindsFile) {
        this.publish(uri, stat.isFile() ? [problem(`${kindsFileName} is over 1 MB; no kinds were read from it.`)] : []);
        return [];
      }
      text = await fs.readFile(file, 'utf8');
    } catch {
      // No file (the usual case) or none to read: no kinds, and no problems to show.
      if (this.kindsByFile.has(file)) this.publish(uri, []);
      return undefined;
    }
    const { kinds, problems } = readKindsFile(text);
    this.publish(uri, problems.map((found) => problem(found.message, found.range)));
    return kinds;
  }
}

function problem(message: string, range: Diagnostic['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): Diagnostic {
  return { message, range, severity: DiagnosticSeverity.Error, source: diagnosticSource, code: 'kinds.invalid' };
}
