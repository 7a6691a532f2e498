// One parse per document version: every request on the same version reads the same model
// (json-language-features' languageModelCache, without the timer: a closed document is
// dropped when it closes).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseReport, type KindDefinition, type Report } from '../report';

export class ReportCache {
  private readonly entries = new Map<string, { readonly version: number; readonly report: Report | undefined }>();

  /** The workspace's own kinds; set with `forgetAll` when they change. */
  private kinds: readonly KindDefinition[] = [];

  /** `largest`: documents longer than this many characters are not read at all. */
  constructor(readonly largest: number) {}

  /** Every model is read again, with these kinds. */
  forgetAll(kinds: readonly KindDefinition[]): void {
    this.kinds = kinds;
    this.entries.clear();
  }

  /** The document's model, or undefined for a document too large to read. */
  get(document: TextDocument): Report | undefined {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.report;
    const report = this.tooLarge(document) ? undefined : parseReport(document.getText(), { kinds: this.kinds });
    this.entries.set(document.uri, { version: document.version, report });
    return report;
  }

  tooLarge(document: TextDocument): boolean {
    return document.getText().length > this.largest;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
