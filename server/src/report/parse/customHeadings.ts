// The headings of a kind that a workspace defines: its required sections, the headings
// that hold each finding category and any others it names, compared as wording (folded,
// whole) and never as patterns. A heading may carry a grade of the kind's own scale, on
// its line (`Overall effectiveness: Good`) or on the line after it.
import { headingKey, headingName, type HeadingMatch } from './headings';
import type { FindingCategory, KindDefinition, ScaleGrade, SectionRole } from '../model';
import { linesRange, type Line } from '../text';

const roleOfCategory: Record<FindingCategory, SectionRole> = {
  'priority-action': 'priority-action',
  development: 'development',
  recommendation: 'recommendations',
  strength: 'strengths',
  satisfactory: 'satisfactory',
};

export interface CustomHeadings {
  /** The heading at `index`, over one to three lines, and its grade if it has one. */
  at(lines: readonly Line[], index: number): { match: HeadingMatch; grade?: ScaleGrade } | undefined;
}

// As long as the longest built-in heading: a longer line is a sentence.
const maxHeadingLength = 160;

export function customHeadings(definition: KindDefinition): CustomHeadings {
  const roles = new Map<string, SectionRole>();
  for (const heading of [...definition.requiredSections, ...definition.headings]) roles.set(headingKey(heading), 'other');
  for (const [category, headings] of Object.entries(definition.findingHeadings) as [FindingCategory, readonly string[]][]) {
    for (const heading of headings) roles.set(headingKey(heading), roleOfCategory[category]);
  }
  // Headings by their first word: a line that starts with none of them is passed over
  // at the cost of one word, however many headings the kind names.
  const byFirstWord = new Map<string, [string, SectionRole][]>();
  for (const [heading, role] of roles) {
    const first = heading.split(' ', 1)[0];
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), [heading, role]]);
  }
  const scale = definition.judgementScale.map(headingKey);
  const gradeOf = (text: string): number => scale.indexOf(headingKey(text.replace(/^(?:[\s:–—-]+|(?:is|are)\s+)/i, '')));

  return {
    at(lines, index) {
      const first = lines[index].text.length <= maxHeadingLength ? /^\S+/.exec(lines[index].text) : null;
      const candidates = first ? byFirstWord.get(headingKey(first[0])) : undefined;
      if (!candidates) return undefined;
      let best: { match: HeadingMatch; grade?: ScaleGrade } | undefined;
      let joined = '';
      for (let count = 1; count <= 3 && index + count - 1 < lines.length; count++) {
        const line = lines[index + count - 1];
        if (line.text.length === 0 || line.text.length > maxHeadingLength || (count > 1 && line.pageBreak)) break;
        joined = count === 1 ? line.text : `${joined} ${line.text}`;
        const key = headingKey(joined);
        const role = roles.get(key);
        if (role) {
          best = { match: { rule: { role }, name: headingName(joined), lineCount: count } };
          // A grade alone on the next line belongs to the heading.
          const next = lines[index + count];
          const rank = next && next.text.length <= 60 ? gradeOf(next.text) : -1;
          if (rank >= 0) best = { match: { ...best.match, lineCount: count + 1 }, grade: grade(rank, linesRange(next)) };
          continue;
        }
        // Or the heading's words, then a grade: the longest heading that leaves one.
        for (const [heading, role] of candidates) {
          if (!key.startsWith(`${heading} `) && !key.startsWith(`${heading}:`)) continue;
          const words = joined.trim().split(/\s+/).slice(0, heading.split(' ').length).join(' ');
          const rank = gradeOf(joined.trim().slice(words.length));
          if (rank >= 0) best = { match: { rule: { role }, name: headingName(words), lineCount: count }, grade: grade(rank, linesRange(lines[index], line)) };
        }
      }
      return best;
    },
  };

  function grade(rank: number, range: ScaleGrade['range']): ScaleGrade {
    return { label: definition.judgementScale[rank], rank: rank + 1, of: scale.length, range };
  }
}
