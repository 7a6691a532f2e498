// The findings of a report grouped by category, areas for priority action first: what the
// findings view shows for one report and for each report of the workspace.
import { findingCategories, findingCategoryNames, type Report } from '../model';
import type { ReportFindings } from '../../protocol';
import { reportAuthority } from '../authorities';
import { reportDate } from './authorityHistory';

export function findingGroups(report: Report, uri: string, fileName: string): ReportFindings {
  const overall = report.judgements.find((judgement) => judgement.area === 'overall');
  return {
    uri,
    // One authority, one name: `Blackpool Borough Council` and `Blackpool` are both `Blackpool`.
    title: reportAuthority(report.metadata.authority, fileName) ?? report.metadata.title ?? fileName,
    kind: report.kind,
    date: reportDate(report, fileName),
    ...(report.definition && { kindName: report.definition.name }),
    overall: overall?.grade,
    groups: findingCategories
      .map((category) => ({ category, name: findingCategoryNames[category], findings: report.findings.filter((finding) => finding.category === category) }))
      .filter((group) => group.findings.length > 0),
  };
}
