// The user's say over diagnostics: a severity or `off` for each code, codes turned off
// for some files, and a cap on how many a document shows.
import picomatch from 'picomatch';
import type { ReportDiagnostic } from '../report';
import type { Settings } from '../protocol';

/**
 * `file` is the document's path relative to its workspace folder, with `/` separators
 * (or its absolute path outside every folder); `ignore` keys are globs or paths.
 */
export function applyRuleSettings(diagnostics: readonly ReportDiagnostic[], settings: Settings['diagnostics'], file: string): ReportDiagnostic[] {
  if (!settings.enable) return [];
  const ignored = new Set(
    Object.entries(settings.ignore)
      .filter(([pattern]) => pattern === file || picomatch.isMatch(file, pattern, { dot: true }))
      .flatMap(([, codes]) => codes),
  );
  return diagnostics
    .filter((diagnostic) => !ignored.has(diagnostic.code) && settings.rules[diagnostic.code] !== 'off')
    .map((diagnostic) => {
      const severity = settings.rules[diagnostic.code];
      return severity && severity !== 'off' ? { ...diagnostic, severity } : diagnostic;
    })
    .slice(0, Math.max(0, settings.maxProblems));
}

/** The settings with the codes that the folder's `.inspection-reports.json` turns off added to theirs. */
export function withFolderIgnores(settings: Settings['diagnostics'], ignore: Readonly<Record<string, readonly string[]>>): Settings['diagnostics'] {
  const merged: Record<string, readonly string[]> = { ...settings.ignore };
  for (const [glob, codes] of Object.entries(ignore)) merged[glob] = [...new Set([...(merged[glob] ?? []), ...codes])];
  return { ...settings, ignore: merged };
}
