// Go to Definition: from a `(Recommendation)` tag to the recommendations it supports,
// and from a contents entry to the heading it names.
import type { LocationLink } from 'vscode-languageserver-types';
import type { Position, Range, Report } from '../model';
import { contains } from './reading';

export function definitionsAt(report: Report, position: Position, uri: string): LocationLink[] {
  const link = (origin: Range, target: Range, selection: Range): LocationLink => ({
    originSelectionRange: origin,
    targetUri: uri,
    targetRange: target,
    targetSelectionRange: selection,
  });
  const tag = report.recommendationTags.find((candidate) => contains(candidate.range, position));
  if (tag) {
    return report.findings
      .filter((finding) => finding.category === 'recommendation' && finding.number !== undefined && tag.supports.includes(finding.number))
      .map((finding) => link(tag.range, finding.range, finding.range));
  }
  const entry = report.contents.find((candidate) => contains(candidate.range, position));
  if (entry?.heading) return [link(entry.range, entry.heading.range, entry.heading.headingRange)];
  return [];
}
