// A report's title block: its title and the authority it names, the inspection dates,
// the date of publication and the lead inspector.
import type { Part } from '../furniture';
import type { Metadata, Range } from '../../model';
import type { Line } from '../../text';
import { withoutTitle } from './inspectionTeam';

/** The title block's facts, from the lines above `frontEnd` (the first twelve at least). */
export function readTitleBlock(lines: readonly Line[], frontEnd: number): Metadata {
  const head = lines.slice(0, Math.max(frontEnd, Math.min(lines.length, 12))).filter((line) => line.text.length > 0);
  const labelled = (pattern: RegExp): string | undefined => {
    for (let i = 0; i < head.length; i++) {
      const match = pattern.exec(head[i].text);
      if (!match) continue;
      // The value can stand on a later line (`Inspection dates:` then the dates).
      const value = match[1].trim() || head[i + 1]?.text || '';
      return value.trim() || undefined;
    }
    return undefined;
  };
  const dates = labelled(/^inspection dates?:?\s*(.*)$/i);
  const published = labelled(/^report published:?\s*(.*)$/i);
  // `Lead inspectors:` where two share the lead.
  const lead = labelled(/^(?:lead|reporting) inspectors?:?\s*(.*)$/i);
  return {
    ...(dates && { inspectionDates: dates }),
    ...(published && { publicationDate: published }),
    ...(lead && { leadInspector: withoutTitle(lead) }),
    ...titleOf(head),
  };
}

/**
 * The title: the lines from `Inspection of` (`Reinspection of`, Somerset 2018) or `Area
 * SEND inspection of` to the first blank or labelled line; and the authority it names.
 */
function titleOf(head: readonly Line[]): Pick<Metadata, 'title' | 'authority'> {
  const titleStart = head.findIndex((line) => /^(?:re-?)?inspection of|^area send inspection of|^review of/i.test(line.text));
  if (titleStart < 0) return {};
  const parts: string[] = [];
  for (let i = titleStart; i < head.length && parts.length < 3; i++) {
    const line = head[i];
    if (parts.length > 0 && (line.index !== head[i - 1].index + 1 || /:|^and$/i.test(line.text))) break;
    // The council under `Inspection of looked after children services` is not title.
    if (parts.length > 0 && /^inspection of looked after children/i.test(parts[0]) && /\b(?:council|borough|city|county)\b/i.test(line.text)) break;
    parts.push(line.text);
  }
  const title = parts.join(' ').replace(/[\u00b9\u00b2\u00b3]|\d$/g, '');
  const authority = authorityOf(title, head, titleStart, titleStart + parts.length);
  return { title, ...(authority !== undefined && { authority }) };
}

function authorityOf(title: string, head: readonly Line[], titleStart: number, titleEnd: number): string | undefined {
  // `Inspection of Kent County Council children’s services`, `… of the Royal Borough of
  // Kensington and Chelsea local authority children’s services`, `… of Bradford Children
  // and Families Trust`.
  const named =
    /^inspection of (?:the )?(?!local authority\b)(.+?)(?: local authority)? children[’']s (?:social care )?services/i.exec(title) ??
    /^inspection of (.+?) (?:children[’']s|children and families) trust$/i.exec(title) ??
    /^area send inspection of (.+?) local area partnership/i.exec(title);
  if (named) return named[1];
  if (titleStart > 0) return head.slice(0, titleStart).map((line) => line.text).join(' ');
  // `Inspection of looked after children services` names the council on the next line.
  const next = head[titleEnd]?.text;
  return next !== undefined && /council|borough|city|county/i.test(next) ? next : undefined;
}

/**
 * A workspace kind's title block. What a workspace kind says of itself is only how to
 * recognise it: the lines down to that phrase (`recognisedBy`) are its title, and the
 * sections follow.
 */
export function readWorkspaceTitle(lines: readonly Line[], recognisedBy: Range) {
  const bodyStart = recognisedBy.end.line + 1;
  const title = lines.slice(0, bodyStart).map((line) => line.text).filter(Boolean).join(' ');
  const metadata: Metadata = { ...readTitleBlock(lines, bodyStart), authority: undefined, title: title.slice(0, 300) };
  const parts: Part[] = [{ kind: 'title-block', from: 0, to: bodyStart - 1 }];
  return { metadata, bodyStart, parts };
}
