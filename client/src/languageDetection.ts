// A plain-text document that reads as an inspection report becomes one: reports come as
// .txt files from PDF extraction, with no name that says what they are. The kinds the
// workspace defines for itself count too, once the server has read them.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { recogniseKind, type KindDefinition } from '../../server/src/report';
import { kindsChangedNotification } from '../../server/src/protocol';
import { languageId } from './languageClient';

export function registerLanguageDetection(): vscode.Disposable & { listen(client: LanguageClient): vscode.Disposable } {
  let kinds: readonly KindDefinition[] = [];
  const consider = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'plaintext') return;
    if (!vscode.workspace.getConfiguration('inspectionReports', document).get<boolean>('detectLanguage', true)) return;
    if (recogniseKind(document.getText(), kinds) !== 'unknown') void vscode.languages.setTextDocumentLanguage(document, languageId);
  };
  vscode.workspace.textDocuments.forEach(consider);
  const opened = vscode.workspace.onDidOpenTextDocument(consider);
  return {
    dispose: () => opened.dispose(),
    listen: (client) =>
      client.onNotification(kindsChangedNotification, (params) => {
        kinds = params.kinds;
        vscode.workspace.textDocuments.forEach(consider);
      }),
  };
}
