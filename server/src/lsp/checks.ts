// Diagnostics: each open report checked at once when it opens, then once typing pauses,
// with the user's rule settings and the folder's own ignores applied, and published
// with the version they were made for.
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, megabytes } from '../report';
import { toDiagnostic } from './diagnostics';
import { applyRuleSettings, withFolderIgnores } from './ruleSettings';
import { warmUp } from './warmUp';
import type { Workspace } from './workspace';

export class Checks {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly checked = new Set<string>();
  private warm = false;

  /**
   * `debounceMs`: how long typing must pause; `explanation`: each code's link;
   * `checkedReport`: told of each report once its diagnostics are out.
   */
  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly debounceMs: number,
    private readonly explanation: (code: string) => string | undefined,
    private readonly checkedReport: (uri: string) => void,
  ) {}

  /** Checked at once when opened, then once typing pauses. */
  changed(document: TextDocument): void {
    this.schedule(document, this.checked.has(document.uri) ? this.debounceMs : 0);
    this.checked.add(document.uri);
  }

  all(): void {
    for (const document of this.workspace.documents.all()) this.schedule(document, 0);
  }

  closed(uri: string): void {
    this.checked.delete(uri);
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.pending.get(document.uri));
    this.pending.set(document.uri, setTimeout(() => {
      this.pending.delete(document.uri);
      void this.check(document.uri);
    }, delay));
  }

  private async check(uri: string): Promise<void> {
    const { documents, reports, index, kinds, settings } = this.workspace;
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const ruleSettings = (await settings.forScope(uri)).diagnostics;
    // Edited or closed while the settings were on their way: a newer run will follow.
    if (documents.get(uri)?.version !== version) return;
    let diagnostics: Diagnostic[];
    const report = this.workspace.report(document);
    if (index.deletedOnDisk(uri)) {
      // Its file is gone from disk, though VS Code keeps the document a while: no problems.
      diagnostics = [];
    } else if (!report) {
      diagnostics = reports.tooLarge(document) ? [this.tooLarge(document)] : [];
    } else {
      const { folder, file } = this.workspace.inFolder(uri);
      const rules = folder === undefined ? ruleSettings : withFolderIgnores(ruleSettings, kinds.ignoreIn(folder));
      diagnostics = this.workspace.safely(() => applyRuleSettings(checkReport(report), rules, file).map((diagnostic) => toDiagnostic(diagnostic, this.explanation)), []);
      index.update(uri, report);
    }
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.checkedReport(uri);
    if (report && !this.warm) {
      this.warm = true;
      warmUp(document, this.workspace.kinds.kinds, () => this.workspace.busy());
    }
  }

  private tooLarge(document: TextDocument): Diagnostic {
    const message = `This document is ${megabytes(document.getText().length)}; Inspection Reports reads documents of up to ${megabytes(this.workspace.reports.largest)}, so it shows no outline or findings for it.`;
    return toDiagnostic({ code: 'document.too-large', severity: 'information', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, this.explanation);
  }
}
