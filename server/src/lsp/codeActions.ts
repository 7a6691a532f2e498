// Quick fixes for the diagnostics under the cursor: the fixes the rule itself computed
// (inserting a missing section's heading), the likeliest preferred, where the document
// can be edited; and turning the rule off for this file.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { ignoreRuleInFileCommand, pdfReportScheme, type IgnoreRuleInFileArguments } from '../protocol';
import { diagnosticSource, type DiagnosticData } from './diagnostics';

export function codeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource && typeof diagnostic.code === 'string');
  // A PDF's text is read-only: an edit to it could not be applied.
  const editable = !uri.startsWith(`${pdfReportScheme}:`);
  const fixes = ours.flatMap((diagnostic): CodeAction[] => {
    const offered = (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
    if (!editable) return [];
    return offered.map((fix, index) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      // The likeliest, for Fix All and the light bulb's first choice.
      isPreferred: index === 0,
      edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
    }));
  });
  const codes = [...new Set(ours.map((diagnostic) => diagnostic.code as string))];
  const ignores = codes.map((code): CodeAction => {
    const args: IgnoreRuleInFileArguments = { uri, code };
    return {
      title: `Turn off ‘${code}’ for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: ours.filter((diagnostic) => diagnostic.code === code),
      command: { title: `Turn off ‘${code}’ for this file`, command: ignoreRuleInFileCommand, arguments: [args] },
    };
  });
  return [...fixes, ...ignores];
}
