// The lead inspector where a report names its team at the end rather than in its title
// block: a SIF report's `Lead inspector: Jansy Kelly` under `Inspection team`, an area
// SEND report's `Sam Hainey, Ofsted Lead Inspector` above the CQC's own lead.
import type { Line } from '../../text';

// The colon tells the label from a sentence that starts a line (`lead inspector was on
// site`); `Lead inspector on site: Pietro Battista` (Hammersmith and Fulham 2016) is one.
const labelled = /^lead inspector(?: on site)?:\s*(.*)$/i;
// The Ofsted inspector only: a SEND inspection's CQC lead inspector is the second lead.
// A PDF's reading can run the column's head into the name (`Ofsted Rebecca Sharples, …`).
const signed = /^(?:ofsted\s+)?([^,]{3,60}),\s*(?:ofsted\s+)?(?:hmi\s*,?\s*)?(?:ofsted\s+)?lead inspector\b/i;
// Every way of naming the lead has the word: most lines of a report are passed over by
// one test rather than split into columns.
const lead = /\blead\b/i;

/** The lead inspector named by the lines before `end`, without their title (`HMI`). */
export function readInspectionTeam(lines: readonly Line[], end: number): string | undefined {
  for (let i = 0; i < end; i++) {
    const text = lines[i].text;
    if (!lead.test(text)) continue;
    const label = labelled.exec(text);
    // The name can stand a line or two under the label, a table's next cell.
    const name = label ? label[1].trim() || lines.slice(i + 1, i + 3).find((line) => line.text.trim().length > 0)?.text.trim() : signature(lines, i);
    if (name && !/^cqc\b/i.test(name)) return withoutTitle(name);
  }
  return undefined;
}

/**
 * The Ofsted lead who signs line `i`, in any of its columns (the Ofsted team beside the
 * CQC's, a tab apart in a PDF's reading); a signature can wrap inside its title, under
 * itself in the same column: `Rebecca Sharples, Ofsted HMI Lead` / `Inspector`.
 */
function signature(lines: readonly Line[], i: number): string | undefined {
  const below = lines[i + 1]?.text.split('\t') ?? [];
  for (const [column, cell] of lines[i].text.split('\t').entries()) {
    const name = signed.exec(/\blead$/i.test(cell) ? `${cell} ${below[column] ?? ''}` : cell)?.[1];
    if (name) return name;
  }
  return undefined;
}

/**
 * `Sue Myers HMI` → `Sue Myers`; `Rebecca Quested, His Majesty’s Inspector, and Matthew
 * Reed,` (two leads, the line wrapped before the second's title) → `Rebecca Quested and Matthew Reed`;
 * `Mr Charlie Fordham` → `Charlie Fordham`, as the same inspector's other reports name him.
 */
export function withoutTitle(name: string): string {
  return name
    .replace(/,?\s*(?:(?:Her|His) Majesty[’']s Inspector|HMI)\b\.?,?/gi, '')
    .replace(/(^|\band\s+)(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/g, '$1')
    .replace(/[,\s]+$/, '')
    .trim();
}
