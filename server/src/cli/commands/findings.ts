// `findings FILE...`: the findings of each report, of one category or all.
import type { Finding, FindingCategory } from '../../report';
import type { Loaded } from '../input';

export interface Findings {
  /** The files in the order given; the text lists one without findings too. */
  readonly files: readonly { readonly file: string; readonly lineCount: number }[];
  /** Each finding with its file, the files in the order given. */
  readonly rows: readonly { readonly file: string; readonly finding: Finding }[];
}

export function findings(loaded: readonly Loaded[], category: FindingCategory | undefined): Findings {
  return {
    files: loaded.map(({ file, report }) => ({ file, lineCount: report.lineCount })),
    rows: loaded.flatMap(({ file, report }) =>
      report.findings
        .filter((finding) => category === undefined || finding.category === category)
        .map((finding) => ({ file, finding }))),
  };
}
