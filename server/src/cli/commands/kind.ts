// The kind of a report as outline and summary give it: an id for a script, a name for a reader.
import { kindName, type Report } from '../../report';

export interface Kind {
  /** A workspace's own kind by its own id, where `custom` alone would not say which. */
  readonly kind: string;
  readonly kindName: string;
}

export function kindOf(report: Report): Kind {
  return { kind: report.definition?.id ?? report.kind, kindName: kindName(report) };
}
