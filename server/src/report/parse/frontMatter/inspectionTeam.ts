// The lead inspector where a report names its team at the end rather than in its title
// block: a SIF report's `Lead inspector: Jansy Kelly` under `Inspection team`, an area
// SEND report's `Sam Hainey, Ofsted Lead Inspector` above the CQC's own lead.
import type { Line } from '../../text';

// The colon tells the label from a sentence that starts a line (`lead inspector was on
// site`); `Lead inspector on site: Pietro Battista` (Hammersmith and Fulham 2016) is one.
const labelled = /^lead inspector(?: on site)?:\s*(.*)$/i;
// The Ofsted inspector only: a SEND inspection's CQC lead inspector is the second lead.
const signed = /^([^,]{3,60}),\s*(?:ofsted\s+)?(?:hmi\s*,?\s*)?(?:ofsted\s+)?lead inspector\b/i;

/** The lead inspector named by the lines before `end`, without their title (`HMI`). */
export function readInspectionTeam(lines: readonly Line[], end: number): string | undefined {
  for (let i = 0; i < end; i++) {
    const text = lines[i].text;
    const label = labelled.exec(text);
    // The name can stand a line or two under the label, a table's next cell.
    // A signed line can wrap inside its title: `Rebecca Sharples, Ofsted HMI lead` / `inspector`.
    const signature = /\blead$/i.test(text) && i + 1 < lines.length ? `${text} ${lines[i + 1].text}` : text;
    const name = label ? label[1].trim() || lines.slice(i + 1, i + 3).find((line) => line.text.trim().length > 0)?.text.trim() : signed.exec(signature)?.[1];
    if (name && !/^cqc\b/i.test(name)) return withoutTitle(name);
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
