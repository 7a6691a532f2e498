// Ofsted's four-point scale in every wording the reports use, and the areas it grades.
import type { Grade, JudgementArea } from './model';

export interface GradeMatch {
  readonly grade: Grade;
  /** Where the grade's words stand in the text searched. */
  readonly index: number;
  readonly text: string;
}

// `Require improvement`, `requires improvement to be good`, `Grade 3 (requires
// improvement)`, `Good`, `Outstanding`, `Inadequate`, and until 2013 `Grade 3 (Adequate)`.
// Case-insensitive; the longest wording wins so that `to be good` is not read as a second
// grade.
const gradePattern =
  /(?:grade\s*[1-4]\s*\(\s*)?\b(outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|adequate|inadequate)\b\)?/gi;
const gradeByNumber: Record<string, Grade> = { '1': 'outstanding', '2': 'good', '3': 'requires-improvement', '4': 'inadequate' };

function gradeOf(word: string): Grade {
  const lower = word.toLowerCase();
  if (lower.startsWith('outstanding')) return 'outstanding';
  if (lower.startsWith('good')) return 'good';
  if (lower.startsWith('inadequate')) return 'inadequate';
  if (lower.startsWith('adequate')) return 'adequate';
  return 'requires-improvement';
}

/** Every grade named in a text, in order. */
export function gradesIn(text: string): GradeMatch[] {
  const found: GradeMatch[] = [];
  for (const match of text.matchAll(gradePattern)) {
    found.push({ grade: gradeOf(match[1]), index: match.index ?? 0, text: match[0] });
  }
  return found;
}

/** The grade that a whole cell or heading tail states, such as `Require improvement`. */
export function gradeOnly(text: string): GradeMatch | undefined {
  const trimmed = text.trim().replace(/[.:]$/, '').replace(/\s+grade\s*[1-4]$/i, '');
  if (trimmed.length === 0 || trimmed.length > 60) return undefined;
  const numbered = /^grade\s*([1-4])$/i.exec(trimmed);
  if (numbered) return { grade: gradeByNumber[numbered[1]], index: 0, text: trimmed };
  const found = gradesIn(trimmed);
  if (found.length !== 1) return undefined;
  const match = found[0];
  return match.index === 0 && match.text.length === trimmed.length ? match : undefined;
}

/** A cell's first lines of `Requires improvement to be good` wrapped before its end: `Requires`, `Require improvement to`. */
export function unfinishedGrade(text: string): boolean {
  return /^requires?(?:\s+improvement(?:\s+to(?:\s+be)?)?)?$/i.test(text.trim());
}

/** The graded area that a judgement's label names, whatever the framework's wording. */
export function judgementArea(label: string): JudgementArea | undefined {
  const text = label.toLowerCase();
  if (/safeguarding children board|\blscb\b/.test(text)) return 'lscb';
  if (/overall effectiveness|children[’']s services in\b/.test(text)) return 'overall';
  if (/help and protection/.test(text)) return 'help-and-protection';
  if (/adoption/.test(text)) return 'adoption';
  // `Children looked` / `permanence`: pdftotext scatters the words of a wrapped cell.
  if (/looked after|children looked|children in care/.test(text)) return 'children-in-care';
  if (/care leavers/.test(text)) return 'care-leavers';
  if (/leadership|impact of leaders/.test(text)) return 'leadership';
  return undefined;
}
