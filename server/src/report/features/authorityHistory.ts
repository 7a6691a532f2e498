// An authority's history: the reports of the workspace grouped by the authority they are
// about, in date order, each with its judgements per area and its findings that call for
// action; and, for each such finding, the finding of an earlier report of the same
// authority that words the same issue most alike, when it is alike enough to show.
// Matches are by content only, so each carries both texts and its score: a person
// judges whether the issue really recurs.
import { judgementAreas, type Finding, type FindingCategory, type Report } from '../model';
import type { AreaJudgement, AuthorityHistory, HistoryCategory, HistoryFinding, HistoryReport, RecurringFinding, ReportDate } from '../../protocol';
import { flatten } from '../parse/references';
import { areaJudgement } from './reading';
import { authorityKey, canonicalAuthority, predecessorsOf, reportAuthority, type Succession } from '../authorities';
import { daysIn, isDay } from '../dates';
import { anyMonth, capitalise, dice, functionWords, monthNames, words } from '../text';

export interface HistoryOptions {
  /** Also list authorities with a single report (the view shows only those with two or more). */
  readonly includeSingle?: boolean;
  /** The least score a match must have to be shown; {@link recurrenceThreshold} by default. */
  readonly threshold?: number;
}

/**
 * From here up, nearly every match names the same area of work again; below it, about
 * one in three reads as two findings on neighbouring subjects (`private foster carers`
 * and `foster carers` beyond 18). Chosen by reading the candidate pairs of the seeds and
 * the corpus: see the README, "An authority's history".
 */
export const recurrenceThreshold = 0.4;

const historyCategories: ReadonlySet<FindingCategory> = new Set<FindingCategory>(['priority-action', 'development', 'recommendation']);

// ------------------------------------------------------------------ one report

/** What the history keeps of one report. */
export function historyReport(uri: string, report: Report): HistoryReport {
  const fileName = fileNameOf(uri);
  // The board's own recommendations are the board's to act on, not the authority's.
  const board = flatten(report.sections).filter((section) => section.role === 'lscb');
  const inBoard = (finding: Finding) => board.some((section) => section.range.start.line <= finding.range.start.line && finding.range.start.line <= section.range.end.line);
  const judgements: AreaJudgement[] = judgementAreas.flatMap((area) => {
    const judgement = areaJudgement(report, area);
    return judgement ? [{ area, label: judgement.label, grade: judgement.grade, range: judgement.range }] : [];
  });
  return {
    uri,
    kind: report.kind,
    authority: reportAuthority(report.metadata.authority, fileName),
    date: reportDate(report, fileName),
    ...(report.metadata.inspectionDates ? { inspectionDates: report.metadata.inspectionDates } : {}),
    judgements,
    findings: report.findings
      .filter((finding) => historyCategories.has(finding.category) && !inBoard(finding))
      .map(({ category, text, range, section, number }) => ({ category: category as HistoryCategory, text, range, section, ...(number !== undefined ? { number } : {}) })),
  };
}

/** A URI's file name, decoded where it can be. */
export function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    // A stray `%` in a name that no editor encoded.
    return last;
  }
}

const monthYear = new RegExp(`\\b(${anyMonth})[\\s-]+(\\d{4})\\b`, 'gi');
// A year standing on its own in a file name: not a run of digits inside a hash.
const lonelyYear = /(?<![a-z0-9])((?:19|20)\d{2})(?![a-z0-9])/i;

/**
 * When the report was made: a letter's date, a report's publication date, the last day
 * of its inspection, a date or year in its file name (Ofsted's downloads carry the
 * publication date), or, for a summary that gives none, after the inspection it names as
 * the previous one.
 */
export function reportDate(report: Report, fileName: string): ReportDate {
  const meta = report.metadata;
  const candidates: [string | undefined, ReportDate['source']][] = [
    [meta.letterDate, 'letter'],
    [meta.publicationDate, 'published'],
    [meta.inspectionDates, 'inspection'],
    [fileName, 'file name'],
  ];
  for (const [text, source] of candidates) {
    const date = text === undefined ? undefined : lastDate(text, source === 'file name');
    if (date) return { ...date, source };
  }
  if (meta.previousInspection) {
    const year = Number(meta.previousInspection);
    // After every report dated in that year.
    return { label: `after ${year}`, source: 'previous inspection', order: year * 10000 + 1300 };
  }
  return { label: 'date unknown', source: 'none', order: Number.MAX_SAFE_INTEGER };
}

/** The last day a text names (`22 February 2016 to 17 March 2016` → 17 March 2016, `10/08/2015` → 10 August 2015), or its month, or its year. */
function lastDate(text: string, fileName: boolean): Omit<ReportDate, 'source'> | undefined {
  const day = daysIn(text).filter(isDay).at(-1);
  if (day) return { label: `${day.day} ${capitalise(monthNames[day.month - 1])} ${day.year}`, order: day.year * 10000 + day.month * 100 + day.day };
  const months = [...text.matchAll(monthYear)].at(-1);
  if (months) {
    const monthIndex = monthNames.indexOf(months[1].toLowerCase());
    return { label: `${capitalise(months[1])} ${months[2]}`, order: Number(months[2]) * 10000 + (monthIndex + 1) * 100 };
  }
  // A year alone is read from a file name only: in a report's dates it would stand for
  // something else (`2015-16`).
  const year = fileName ? lonelyYear.exec(text) : null;
  return year ? { label: year[1], order: Number(year[1]) * 10000 } : undefined;
}

// ------------------------------------------------------------------ authorities

/**
 * The histories of the authorities among these reports, by authority name; each
 * authority's reports oldest first. Reports that name no authority are left out. An
 * abolished authority's reports begin the history of each authority that took over from
 * it (Northamptonshire's, North and West Northamptonshire's), when the reports include
 * that authority's; otherwise they make a history of their own.
 */
export function authorityHistories(reports: readonly HistoryReport[], options: HistoryOptions = {}): AuthorityHistory[] {
  const groups = new Map<string, HistoryReport[]>();
  for (const report of reports) {
    if (!report.authority) continue;
    const key = authorityKey(report.authority);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(report);
    else groups.set(key, [report]);
  }
  const earlier = new Map<string, Succession[]>();
  const succeeded = new Set<string>();
  for (const [key, group] of groups) {
    const name = canonicalAuthority(group[0].authority);
    const found = name ? earlierAuthorities(name).filter((predecessor) => groups.has(authorityKey(predecessor.authority))) : [];
    earlier.set(key, found);
    for (const predecessor of found) succeeded.add(authorityKey(predecessor.authority));
  }
  const threshold = options.threshold ?? recurrenceThreshold;
  const histories: AuthorityHistory[] = [];
  for (const [key, group] of groups) {
    if (succeeded.has(key)) continue;
    const predecessors = earlier.get(key) ?? [];
    const all = [...group, ...predecessors.flatMap((predecessor) => groups.get(authorityKey(predecessor.authority)) ?? [])];
    if (all.length < 2 && !options.includeSingle) continue;
    const ordered = all.sort((a, b) => a.date.order - b.date.order || a.uri.localeCompare(b.uri));
    // A predecessor's name says no more about an issue than the authority's own.
    const names = [key, ...predecessors.map((predecessor) => authorityKey(predecessor.authority))].join(' ');
    histories.push({
      key,
      name: commonName(group),
      reports: ordered,
      recurring: recurringFindings(ordered, names, threshold),
      ...(predecessors.length > 0 ? { predecessors: predecessors.map(({ authority, date }) => ({ name: authority, until: date })) } : {}),
    });
  }
  return histories.sort((a, b) => a.name.localeCompare(b.name));
}

/** The abolished authorities whose reports come before an authority's: those it took over from, and theirs in turn. */
function earlierAuthorities(authority: string): Succession[] {
  return predecessorsOf(authority).flatMap((predecessor) => [predecessor, ...earlierAuthorities(predecessor.authority)]);
}

/**
 * The name most of the reports use; of equally common names, the longest. The reports
 * of an authority the archive knows all give its canonical name; others give theirs as
 * they word it.
 */
function commonName(reports: readonly HistoryReport[]): string {
  const counts = new Map<string, number>();
  for (const report of reports) if (report.authority) counts.set(report.authority, (counts.get(report.authority) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
}

// ------------------------------------------------------------------ recurrence

/**
 * For each finding of each report after the first, the finding of an earlier report
 * whose telling words it shares most (the nearest earlier report wins a tie), kept when
 * the score reaches the threshold.
 */
function recurringFindings(reports: readonly HistoryReport[], authority: string, threshold: number): RecurringFinding[] {
  // The authority's own name says nothing about the issue: `Thurrock should ensure...`.
  const ownWords = authority.split(' ').map(stem);
  const telling = reports.map((report) => report.findings.map((finding) => {
    const found = new Set(tellingWordsOf(finding));
    for (const word of ownWords) found.delete(word);
    return found;
  }));
  const found: RecurringFinding[] = [];
  for (let later = 1; later < reports.length; later++) {
    reports[later].findings.forEach((finding, index) => {
      let best: RecurringFinding | undefined;
      for (let earlier = later - 1; earlier >= 0; earlier--) {
        // A report dated the same day as this one is not earlier (a report and its summary).
        if (reports[earlier].date.order === reports[later].date.order) continue;
        // Nor is one known only to come after its previous inspection: it may come after
        // this one too, or be its summary (Thurrock's of 2019 and the report itself).
        if (reports[earlier].date.source === 'previous inspection') continue;
        reports[earlier].findings.forEach((candidate, candidateIndex) => {
          const match = similarity(telling[later][index], telling[earlier][candidateIndex]);
          if (match.shared.length >= leastShared && match.score > (best?.score ?? 0)) {
            best = { earlier: { uri: reports[earlier].uri, finding: candidate }, later: { uri: reports[later].uri, finding }, ...match };
          }
        });
      }
      if (best && best.score >= threshold) found.push(best);
    });
  }
  return found;
}

// The index keeps each report's findings until the report changes, and the history is
// asked for again on every change of any report: each finding is read into words once.
const tellingCache = new WeakMap<HistoryFinding, ReadonlySet<string>>();

function tellingWordsOf(finding: HistoryFinding): ReadonlySet<string> {
  let found = tellingCache.get(finding);
  if (!found) tellingCache.set(finding, (found = tellingWords(finding.text)));
  return found;
}

/** How alike two findings' words are: the Dice coefficient of their telling words, and those words. */
export function findingSimilarity(left: string, right: string): { score: number; shared: string[] } {
  return similarity(tellingWords(left), tellingWords(right));
}

function similarity(left: ReadonlySet<string>, right: ReadonlySet<string>): { score: number; shared: string[] } {
  if (left.size === 0 || right.size === 0) return { score: 0, shared: [] };
  const shared = [...left].filter((word) => right.has(word));
  return { score: dice(shared.length, left.size, right.size), shared };
}

/**
 * One telling word in common is a subject (`plans`), not an issue: a match needs two.
 */
export const leastShared = 2;

// The ILACS reports of 2024 on tag each improvement with the national framework's outcome.
const frameworkTag = /\((?:outcome|enabler)s? \d[^)]*national framework\)/gi;

// Reports until 2018 say `looked after` where later ones say `in care`.
const lookedAfter = /\blooked[ -]after\b/gi;

/** The words that say what a finding is about, as stems: no function words, and none that every finding uses. */
export function tellingWords(text: string, ignore: ReadonlySet<string> = new Set()): Set<string> {
  const found = new Set<string>();
  for (const word of words(text.replace(frameworkTag, ' ').replace(lookedAfter, 'in care'))) {
    // Quotation marks read as apostrophes: `‘return home’ interviews`.
    const stemmed = stem(word.replace(/^'+|'s?$/g, ''));
    if (stemmed.length > 2 && !commonWords.has(word) && !commonWords.has(stemmed) && !ignore.has(stemmed) && !/^\d+$/.test(stemmed)) found.add(stemmed);
  }
  return found;
}

/**
 * A light stem, enough that `records`, `recorded` and `recording` meet, and `plans` and
 * `planning`; not a linguist's stemmer, and never applied to short words.
 */
export function stem(word: string): string {
  let stemmed = word;
  if (stemmed.length > 4 && stemmed.endsWith('ies')) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.length > 6 && stemmed.endsWith('ing')) stemmed = stemmed.slice(0, -3);
  else if (stemmed.length > 5 && stemmed.endsWith('ed')) stemmed = stemmed.slice(0, -2);
  // `processes` and `approaches` lose `es`, as `process` and `approach` have none.
  else if (stemmed.length > 5 && /(?:ss|ch|sh|x)es$/.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (stemmed.length > 3 && stemmed.endsWith('s') && !stemmed.endsWith('ss')) stemmed = stemmed.slice(0, -1);
  // `planning` → `plann` → `plan`; but `staff` and `will` keep their letters.
  const cut = stemmed.length < word.length - 1;
  if (cut && stemmed.length > 3 && stemmed[stemmed.length - 1] === stemmed[stemmed.length - 2] && !/[aeiousl]/.test(stemmed[stemmed.length - 1])) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

// Sharing these says nothing about sharing an area of work: English function words; the
// words that more than one in six of the 350 areas for priority action, areas for
// development and recommendations of the seeds and the corpus use (`children`, `ensure`,
// `care`, `plans`, `quality`, `needs`, `services`, `improve`) and their kin; and the
// words for the people and the work itself (`social workers`, `practice`, `cases`,
// `support`), which every area of it names; and the words for how well or how soon
// (`timeliness`, `effectiveness`, `response`, `arrangements`), which every shortfall
// names. Stems, as `stem` makes them.
const commonWords: ReadonlySet<string> = new Set([
  ...functionWords,
  // more function words: findings of one area share few telling words, so even these
  // would make a match (a recommendation's tag keeps them, telling near-alike ones apart)
  'all', 'they', 'not', 'when', 'within', 'those', 'these', 'there', 'them', 'through', 'more', 'some', 'being', 'been', 'had', 'who', 'whom',
  'whose', 'what', 'where', 'how', 'why', 'into', 'onto', 'upon', 'along', 'than', 'then', 'also', 'such', 'any', 'each', 'both', 'other', 'only',
  'very', 'well', 'can', 'could', 'should', 'would', 'will', 'may', 'might', 'must', 'shall', 'our', 'your', 'his', 'her', 'about', 'across',
  'after', 'before', 'between', 'over', 'under', 'further', 'include', 'including', 'here', 'too', 'but', 'yet', 'whether', 'while', 'because',
  'out', 'off', 'per', 'finally', 'every', 'does', 'done', 'make', 'made', 'making', 'take', 'taken', 'taking', 'itself', 'themselves', 'own',
  'same', 'many', 'most', 'much',
  // what every finding says
  'children', 'child', 'ensure', 'ensured', 'ensuring', 'care', 'plan', 'quality', 'need', 'service', 'improve', 'improved', 'improving',
  'improvement', 'young', 'people', 'person', 'local', 'council', 'authority', 'effective', 'effectively', 'consistent', 'consistently',
  'consistency', 'appropriate', 'appropriately', 'robust', 'clear', 'clearly', 'good', 'better', 'strengthen', 'develop', 'continue', 'action', 'area',
  // the people and the work
  'social', 'work', 'worker', 'workforce', 'practice', 'practitioner', 'case', 'staff', 'manager', 'professional', 'support',
  // how well or how soon
  'timeliness', 'timely', 'effectiveness', 'response', 'respond', 'process', 'system', 'arrangement', 'opportunity', 'development', 'year', 'old',
  'monitor', 'progress', 'receive', 'statutory', 'requirement', 'meet', 'level', 'long', 'term', 'first', 'order', 'access', 'help', 'review',
  'date', 'understand', 'understanding', 'journey', 'stage', 'reflect', 'inform', 'information', 'right',
]);
