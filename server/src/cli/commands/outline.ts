// `outline FILE`: the report's sections as a tree, with the grade each states.
import type { Section } from '../../report';
import type { Loaded } from '../input';
import { kindOf, type Kind } from './kind';

export interface Outline extends Kind {
  readonly file: string;
  readonly title: string | null;
  readonly authority: string | null;
  /** The text's column of line numbers is as wide as the last line's number. */
  readonly lineCount: number;
  readonly sections: readonly Section[];
}

export function outline({ file, report }: Loaded): Outline {
  return {
    file,
    ...kindOf(report),
    title: report.metadata.title ?? null,
    authority: report.metadata.authority ?? null,
    lineCount: report.lineCount,
    sections: report.sections,
  };
}
