// A plain-text document that reads as an inspection report becomes one: reports come as
// .txt files from PDF extraction, with no name that says what they are.
import * as vscode from 'vscode';
import { recogniseKind } from '../../server/src/kind';
import { languageId } from './languageClient';

export function registerLanguageDetection(): vscode.Disposable {
  const consider = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'plaintext') return;
    if (!vscode.workspace.getConfiguration('inspectionReports', document).get<boolean>('detectLanguage', true)) return;
    if (recogniseKind(document.getText()) !== 'unknown') void vscode.languages.setTextDocumentLanguage(document, languageId);
  };
  vscode.workspace.textDocuments.forEach(consider);
  return vscode.workspace.onDidOpenTextDocument(consider);
}
