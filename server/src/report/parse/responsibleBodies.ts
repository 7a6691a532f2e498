// A SEND report sets its areas for priority action (and, in some, for improvement) in a
// table: who must act in one column, what they must do in the other. pdftotext writes
// the columns one after the other, so the bodies' names (`Bexley Council and South East
// London ICB`) come between the actions, and read as findings or as a bullet's text. They
// are set aside here, as a page's furniture is, so that the actions read on unbroken.
import type { Part } from './furniture';
import type { ReportKind } from '../model';
import type { Line } from '../text';

const columnHeading = /^responsible bod(?:y|ies):?$/i;
const tableEnd = /^local area partnership details$/i;

// A cell names councils, boards and trusts (and at times `school and college leaders`)
// in a narrow column, and asks nothing of anyone: the column beside it does that.
const bodyWord = /\b(?:Council|ICB|NHS|Board|Trust|Authority|Partnership)\b/;
const asks = /\b(?:should|must|need|needs|will)\b/;
const columnWidth = 32;

function namesBodies(lines: readonly Line[]): boolean {
  const text = lines.map((line) => line.text).join(' ');
  return bodyWord.test(text) && !asks.test(text) && lines.every((line) => line.text.length <= columnWidth);
}

/** The lines of a run that are a cell: all of them, or those after the sentence that ends an action above without a blank line between. */
function cellOf(run: readonly Line[]): readonly Line[] {
  if (namesBodies(run)) return run;
  for (let i = 1; i < run.length; i++) {
    if (/[.!?]$/.test(run[i - 1].text) && namesBodies(run.slice(i))) return run.slice(i);
  }
  return [];
}

/**
 * The responsible-body column of a SEND report's tables: its heading and each cell, as a
 * run of lines between blank ones. `furniture`: the pages' headers and footers, which end
 * a run as a blank line does (a PDF's reading puts no blank line between a footer and
 * the next page's first cell).
 */
export function findResponsibleBodies(lines: readonly Line[], kind: ReportKind, furniture: ReadonlySet<number>): Part[] {
  if (kind !== 'send-report') return [];
  const start = lines.findIndex((line) => columnHeading.test(line.text));
  if (start < 0) return [];
  const parts: Part[] = [];
  let run: Line[] = [];
  const endRun = () => {
    const cell = run[0] && columnHeading.test(run[0].text) ? run.slice(1) : run;
    if (cell !== run) parts.push({ kind: 'responsible-body', from: run[0].index, to: run[0].index });
    const names = cellOf(cell);
    if (names.length > 0) parts.push({ kind: 'responsible-body', from: names[0].index, to: names[names.length - 1].index });
    run = [];
  };
  for (let i = start; i < lines.length && !tableEnd.test(lines[i].text); i++) {
    if (lines[i].text.length === 0 || furniture.has(i)) endRun();
    else run.push(lines[i]);
  }
  endRun();
  return parts;
}
