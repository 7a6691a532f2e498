// Which lines are section headings, what each heading is for, and where it nests.
// pdftotext hard-wraps long headings over two or three lines and glues footnote digits
// and grades onto them; the seeds put a heading alone on a line between blank lines.
import { gradeOnly, type GradeMatch } from '../grades';
import type { ReportKind, SectionRole } from '../model';
import type { Line } from '../text';
import { fold } from '../text';

export interface HeadingRule {
  /** Matches the folded heading from its start; the rest must be empty or a grade. */
  readonly pattern: RegExp;
  readonly role: SectionRole;
  /** May carry a grade after it: `...: requires improvement to be good`, `... is good`. */
  readonly graded?: boolean;
  /** Nests under the nearest open section of one of these roles; otherwise at the top. */
  readonly parents?: readonly SectionRole[];
  /** Only a heading in reports of these kinds. */
  readonly kinds?: readonly ReportKind[];
}

const judgementParents: readonly SectionRole[] = ['judgement', 'lscb'];

// Every heading the seeds and the corpus use, by framework. Patterns see the folded text:
// lower case, straight quotes, `-` for every dash, no footnote digits, no final `?` or `:`.
export const headingRules: readonly HeadingRule[] = [
  // Single inspection framework and its predecessors.
  { pattern: /^executive summary$/, role: 'executive-summary', parents: ['lscb'] },
  { pattern: /^contents$/, role: 'contents' },
  { pattern: /^(?:section 1: )?the local authority(?: - summary of findings)?$/, role: 'local-authority' },
  // `… the local authority area` in some reports, `… this local authority` alone in others.
  { pattern: /^information about (?:this|the) local authority(?: area)?$/, role: 'area-information', parents: ['local-authority'] },
  {
    pattern: /^(?:previous ofsted inspections|other ofsted inspections|local leadership|children living in this area|child protection in this area|children looked after in this area|other information about this area)$/,
    role: 'other',
    parents: ['area-information'],
  },
  { pattern: /^summary of (?:key )?findings$/, role: 'summary', parents: ['local-authority', 'lscb'] },
  { pattern: /^what does the (?:local authority|lscb) need to improve$/, role: 'recommendations', parents: ['local-authority', 'lscb'] },
  { pattern: /^recommendations$/, role: 'recommendations', parents: ['lscb'] },
  { pattern: /^priority and immediate action$/, role: 'priority-action', parents: ['recommendations', 'lscb'] },
  { pattern: /^areas for improvement$/, role: 'development', parents: ['recommendations', 'lscb'] },
  { pattern: /^(?:the local authority's strengths|the local authority has the following strengths)$/, role: 'strengths', parents: ['local-authority'] },
  // The board's findings in 2014 reports, weaknesses as many as strengths: no list of strengths.
  // The board by its own initials in some (`… of the BSCB`, Buckinghamshire; `OSCB`, Oxfordshire).
  { pattern: /^key strengths and weaknesses of the (?:[a-z]scb|local safeguarding children board)$/, role: 'inspection-findings', parents: ['lscb'] },
  { pattern: /^progress since the last inspection$/, role: 'other', parents: ['local-authority'] },
  // `Summary for children` alone in some (Ealing 2016).
  { pattern: /^summary for children(?: and young people)?$/, role: 'children-summary' },
  { pattern: /^inspection judgements? about the (?:local authority|lscb)$/, role: 'other', parents: ['local-authority', 'lscb'] },
  { pattern: /^what the inspection judge?ments mean(?:: the (?:local authority|lscb))?$/, role: 'other' },
  // A SIF report's graded judgements within children looked after, some without their
  // `The graded judgement for` (`Adoption performance is good`, `The experience and progress
  // of care leavers requires improvement`, Gateshead 2016).
  {
    pattern: /^(?:the graded judge?ment (?:for|about) )?(?:the )?(?:adoption performance|experiences? and progress of care leavers)/,
    role: 'graded-subjudgement',
    graded: true,
    parents: ['judgement'],
    kinds: ['sif-report'],
  },
  // Judgement headings, some without their `The` (`Experiences and progress of care leavers: good`)
  // or their `and progress` (`The experiences of children in care: outstanding`, Manchester 2025).
  { pattern: /^(?:the )?experiences?(?: and progress)? of children who need help and protection/, role: 'judgement', graded: true },
  { pattern: /^(?:the )?experiences?(?: and progress)? of children looked after and achieving permanence/, role: 'judgement', graded: true },
  { pattern: /^(?:the )?experiences?(?: and progress)? of children in care(?: and care leavers)?/, role: 'judgement', graded: true },
  { pattern: /^(?:the )?experiences?(?: and progress)? of care leavers/, role: 'judgement', graded: true },
  { pattern: /^leadership, management and governance/, role: 'judgement', graded: true },
  { pattern: /^(?:the )?impact of leaders on social work practice with children and families/, role: 'judgement', graded: true },
  {
    pattern: /^the graded judge?ment (?:for|about) (?:the )?(?:adoption performance|experiences? and progress of care leavers)/,
    role: 'graded-subjudgement',
    graded: true,
    parents: ['judgement'],
  },
  // Under a judgement or the board's part; or straight under the board's `Executive summary`
  // as its own first heading (Doncaster 2015).
  { pattern: /^summary$/, role: 'summary', parents: [...judgementParents, 'executive-summary'] },
  { pattern: /^inspection findings(?: - the local safeguarding children board)?$/, role: 'inspection-findings', parents: judgementParents },
  {
    pattern: /^(?:(?:the )?local safeguarding children board(?: \(lscb\))?|section 2: the effectiveness (?:of the )?local safeguarding children board(?: \(lscb\))?|the lscb)$/,
    role: 'lscb',
  },
  // `Information about the local authority inspection`, `… the inspection and the review`.
  { pattern: /^(?:information about (?:this|the) (?:local authority )?inspection(?: and (?:the|this) review)?|about this inspection)$/, role: 'about-inspection' },
  { pattern: /^(?:the )?inspection team$/, role: 'inspection-team', parents: ['about-inspection'] },
  // Looked after children inspections, 2012 to 2013.
  { pattern: /^overall effectiveness of services for looked after children and young people/, role: 'judgement', graded: true, kinds: ['lac-report'] },
  { pattern: /^(?:capacity to improve|outcomes for looked after children and young people|quality of provision|leadership and management)/, role: 'judgement', graded: true, kinds: ['lac-report'] },
  { pattern: /^(?:the inspection judgements and what they mean|service information|record of main findings)$/, role: 'other', kinds: ['lac-report'] },
  { pattern: /^(?:immediately|within three months|within six months)$/, role: 'other', parents: ['development'], kinds: ['lac-report'] },
  // Letters: unannounced inspections 2009 to 2012, focused visits from 2018.
  { pattern: /^strengths$/, role: 'strengths' },
  { pattern: /^areas for development$/, role: 'development' },
  { pattern: /^areas for priority action$/, role: 'priority-action' },
  { pattern: /^the service meets the requirements of statutory guidance in the following areas$/, role: 'satisfactory' },
  { pattern: /^(?:overview|headline findings)$/, role: 'overview' },
  // Gateshead's 2018 letter leaves out `social work`.
  { pattern: /^what needs to improve(?: in this area of (?:social work )?practice)?$/, role: 'development' },
  // 2018 letters have no `Findings`: their findings are the strengths and what needs to improve.
  { pattern: /^areas of strength$/, role: 'strengths' },
  { pattern: /^(?:main )?findings$/, role: 'findings' },
  // Area SEND inspections.
  { pattern: /^inspection outcome$/, role: 'outcome' },
  { pattern: /^information about the local area partnership$/, role: 'other' },
  {
    // `… with special educational needs and/or disabilities in this area?`, and once without `with`.
    pattern: /^what is it like to be a child or young person (?:with )?(?:send|special educational needs and\/or disabilities(?: \(send\))?) in this area$/,
    role: 'other',
  },
  { pattern: /^what is the area partnership doing that is effective$/, role: 'strengths' },
  { pattern: /^what does the area partnership need to do better$/, role: 'other' },
  { pattern: /^local area partnership details$/, role: 'other' },
];

// Every rule at once: most lines that get this far match none, and one test says so.
const anyHeadingRule = new RegExp(headingRules.map((rule) => `(?:${rule.pattern.source})`).join('|'));

/** Roles whose sections hold sub-headings that no rule names. */
const containerRoles = new Set<SectionRole>(['local-authority', 'area-information', 'lscb', 'judgement', 'about-inspection', 'recommendations']);

export function isContainer(role: SectionRole): boolean {
  return containerRoles.has(role);
}

export interface HeadingMatch {
  /** What the heading is for; a workspace kind's headings have a role and nothing else. */
  readonly rule?: Pick<HeadingRule, 'role' | 'graded' | 'parents'>;
  /** How many lines the heading covers. */
  readonly lineCount: number;
  /** The heading as the report words it, grade left out. */
  readonly name: string;
  readonly grade?: GradeMatch;
}

// How the headings above begin, to pass over ordinary lines without trying every rule.
const headingStart =
  /^(?:the\s+(?:local|experiences?|impact|graded|service|inspection|lscb)|about|adoption|areas|capacity|child|children|contents|executive|experiences?|findings|headline|immediately|impact|information|inspection|key|leadership|local|main|other|outcomes|overall|overview|previous|priority|progress|quality|recommendations|record|section|service|strengths|summary|what|within)\b/i;

const maxHeadingLength = 140;

/** Folded heading text without footnote digits glued to its end (`area2`, `improve?1`). */
export function headingKey(text: string): string {
  // The pattern only where the text ends in a digit: this runs on every candidate line.
  const last = text.charCodeAt(text.length - 1);
  return fold(last >= 48 && last <= 57 ? text.replace(/([A-Za-z?)])\d{1,2}$/, '$1') : text);
}

/**
 * The known heading that starts at `index`, over one to three lines, or undefined. The
 * longest match wins, so that a wrapped heading is taken whole.
 */
export function knownHeadingAt(lines: readonly Line[], index: number, kind: ReportKind): HeadingMatch | undefined {
  const first = lines[index];
  if (first.text.length > maxHeadingLength || !headingStart.test(first.text)) return undefined;
  let best: HeadingMatch | undefined;
  let joined = '';
  for (let count = 1; count <= 3 && index + count - 1 < lines.length; count++) {
    const line = lines[index + count - 1];
    if (line.text.length === 0 || line.text.length > maxHeadingLength) break;
    if (count > 1 && line.pageBreak) break;
    joined = count === 1 ? line.text : `${joined} ${line.text}`;
    const match = matchHeading(joined, kind) ?? (count > 1 ? matchInterleaved(joined, kind) : undefined);
    if (match) best = { ...match, lineCount: count };
  }
  return best;
}

const gradeWords = /\b(?:requires?|improvement|to be good|good|outstanding|inadequate)\b/gi;

/**
 * pdftotext sometimes reads a heading and the grade beside it as one text, their words
 * interleaved: `The experiences and progress of Requires children who need help and
 * protection improvement`. Without the grade's words it is the heading.
 */
function matchInterleaved(text: string, kind: ReportKind): Omit<HeadingMatch, 'lineCount'> | undefined {
  const found = text.match(gradeWords);
  if (!found) return undefined;
  const grade = gradeOnly(found.join(' '));
  if (!grade) return undefined;
  const match = matchHeading(text.replace(gradeWords, ' ').replace(/\s+/g, ' ').trim(), kind);
  return match?.rule?.graded && !match.grade ? { ...match, grade } : undefined;
}

/** What a heading of this wording is in a report of the kind, if it is one. */
export function matchHeading(text: string, kind: ReportKind): Omit<HeadingMatch, 'lineCount'> | undefined {
  // A heading never ends a sentence, and a sentence that starts with a heading's words
  // does; but some reports word a judgement heading as a sentence with its grade (`The
  // impact of leaders on social work practice with children and families is good.`).
  const sentence = /\.\s*$/.test(text);
  // A news summary's judgements are sentences that open what inspectors highlighted.
  if (sentence && kind === 'ilacs-summary') return undefined;
  // Nor goes on after a comma: `... who need help and protection,` / `already good ...`.
  if (text.trimEnd().endsWith(',')) return undefined;
  const key = headingKey(text);
  if (!anyHeadingRule.test(key)) return undefined;
  for (const rule of headingRules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    const match = rule.pattern.exec(key);
    if (!match) continue;
    const tail = key.slice(match[0].length).trim();
    if (tail.length === 0) {
      if (sentence) continue;
      return { rule, name: headingName(text) };
    }
    if (!rule.graded) continue;
    const grade = tailGrade(tail);
    if (grade) return { rule, name: headingName(firstWordsOf(text, match[0])), grade };
  }
  return undefined;
}

// `: good`, ` is good`, ` are: outstanding`, ` is that it requires improvement`, or the
// grade alone after the area.
function tailGrade(tail: string): GradeMatch | undefined {
  const rest = tail.replace(/^[:\s]*(?:(?:is|are)\b\s*:?\s*)?(?:that (?:it|they) (?:is |are )?)?/, '');
  return gradeOnly(rest);
}

/** The words of `text` that the folded `prefix` stands for: folding keeps words one for one. */
function firstWordsOf(text: string, prefix: string): string {
  const count = prefix.trim().split(' ').length;
  return text.trim().split(/\s+/).slice(0, count).join(' ');
}

export function headingName(text: string): string {
  return text
    .replace(/([A-Za-z?)])\d{1,2}$/, '$1')
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:,]+$/, '')
    .replace(/\s+(?:is|are)$/i, '')
    .trim();
}

/**
 * A heading that no rule names, in the seeds' layout: a short line standing alone between
 * blank lines, starting with a capital, not ending a sentence, not a date nor a label.
 */
export function looksLikeHeading(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  const text = line.text;
  if (text.length < 3 || text.length > 100 || text.includes('\t')) return false;
  if (!/^[A-Z]/.test(text) || /[.,;:]$/.test(text)) return false;
  if (/^(?:dear|yours|copy|tel|t|e|w|www)\b/i.test(text) || /@|https?:|\d{4}$/.test(text)) return false;
  if (text.split(/\s+/).length > 14) return false;
  // A grade line, a judgement sentence or a `Label: value` line is not a heading.
  if (gradeOnly(text) || /\b(?:is|are|requires?)\s+(?:good|outstanding|inadequate|improvement)\b/i.test(text)) return false;
  if (/^[A-Z][\w ]{0,40}: /.test(text) || /[.!?]\s/.test(text)) return false;
  const before = lines[index - 1];
  const after = lines[index + 1];
  return (!before || before.text.length === 0) && (!after || after.text.length === 0);
}
