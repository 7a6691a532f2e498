// Which kind of report a text is, and the lines that say so. Each kind has a phrase that
// only its own documents use near the top: the subject line of a letter, the title of a
// report. Phrases that several kinds share (`focused visit`, `Her Majesty’s Inspector`)
// are never used as evidence.
import type { Evidence, KindDefinition, ReportKind } from '../model';
import { fold, linesRange, looksBinary, splitLines, type Line } from '../text';

interface Signal {
  readonly kind: ReportKind;
  readonly pattern: RegExp;
}

// Tried in this order, on the first lines of the document, joined up to three at a time so
// that a title wrapped by pdftotext still matches (`Inspection of the Royal Borough of` /
// `Kensington and Chelsea local authority` / `children’s services`).
const titleSignals: readonly Signal[] = [
  { kind: 'cra-letter', pattern: /unannounced inspection of contact,? referral and assessment/i },
  { kind: 'focused-visit', pattern: /^focused visit to .* children[’']s services|summarises the findings of (?:a|the) focused visit/i },
  { kind: 'send-report', pattern: /^area send inspection of|^(?:joint )?local area partnership report$/i },
  { kind: 'lac-report', pattern: /^inspection of looked after children services/i },
  { kind: 'sif-report', pattern: /inspection of services for children in need of help and protection/i },
  // A board reviewed on its own, in the years before its review joined the SIF report's title.
  { kind: 'lscb-review', pattern: /^review of the effectiveness of the (?:local safeguarding children board|lscb)\b/i },
  // `Inspection of Kent County Council children’s services`, `… children’s social care
  // services`, and an authority whose services a trust runs (`… Children and Families Trust`).
  { kind: 'ilacs-report', pattern: /^inspection of (?:.* )?children[’']s (?:social care )?services\b|^inspection of .* (?:children[’']s|children and families) trust$/i },
];

// A news summary of an ILACS report quotes its judgements but has none of its title block.
const summarySignals = [
  /\b(?:said ofsted|ofsted said|inspectors highlighted|the report (?:said|states|stated|found))\b/i,
  /^the (?:experiences and progress of children|impact of leaders)\b.* (?:is|are) (?:good|outstanding|inadequate|requires? improvement)/i,
];

const headLines = 80;
// The longest line of a title wrapped by pdftotext, in characters; body lines run to about 90.
const titleLine = 60;

export interface KindResult {
  readonly kind: ReportKind;
  readonly evidence: readonly Evidence[];
  readonly definition?: KindDefinition;
}

/** The built-in kinds first; a workspace's own kinds for what none of them is. */
export function detectKind(lines: readonly Line[], definitions: readonly KindDefinition[] = []): KindResult {
  const builtIn = detectBuiltInKind(lines);
  if (builtIn.kind !== 'unknown' || definitions.length === 0) return builtIn;
  const head = firstContentLines(lines, headLines);
  for (const definition of definitions) {
    const phrases = definition.recognise.map(fold).filter((phrase) => phrase.length > 0);
    // Plain text in plain text: linear in the opening, whatever the phrases.
    const found = findSignal(head, {
      test(text: string) {
        const folded = fold(text);
        return phrases.some((phrase) => folded.includes(phrase));
      },
    });
    if (found) return { kind: 'custom', evidence: [found], definition };
  }
  return builtIn;
}

function detectBuiltInKind(lines: readonly Line[]): KindResult {
  const head = firstContentLines(lines, headLines);
  for (const signal of titleSignals) {
    const found = findSignal(head, signal.pattern);
    if (found) {
      // A report's title block gives its inspection dates, which a summary does not: only
      // without them is the whole text searched for a summary's wording.
      if (signal.kind === 'ilacs-report' && !head.some((line) => /^inspection dates?:/i.test(line.text))) {
        const summary = summaryEvidence(lines);
        if (summary.length >= 2) return { kind: 'ilacs-summary', evidence: summary };
      }
      return { kind: signal.kind, evidence: [found] };
    }
  }
  const summary = summaryEvidence(lines);
  if (summary.length >= 2) return { kind: 'ilacs-summary', evidence: summary };
  return { kind: 'unknown', evidence: [] };
}

function firstContentLines(lines: readonly Line[], count: number): Line[] {
  const found: Line[] = [];
  for (const line of lines) {
    if (line.text.length === 0) continue;
    found.push(line);
    if (found.length === count) break;
  }
  return found;
}

function findSignal(head: readonly Line[], pattern: { test(text: string): boolean }): Evidence | undefined {
  // Whether each line matches alone, asked once a line: every kind's pattern runs over
  // the whole opening of the documents of the kinds tried after it.
  const alone: (boolean | undefined)[] = [];
  for (let i = 0; i < head.length; i++) {
    const line = head[i];
    // Titles and subject lines are short; paragraphs are not worth searching.
    if (line.text.length > 300) continue;
    if ((alone[i] ??= pattern.test(line.text))) return { text: line.text, range: linesRange(line) };
    // Joined with the next line, and a third where the two are a title's short lines (a
    // title set large wraps at half a body line), only where the next line alone does not match.
    let joined = line.text;
    for (let next = i + 1; next < i + 3 && next < head.length; next++) {
      const text = head[next].text;
      if (text.length > 300 || (alone[next] ??= pattern.test(text))) break;
      if (next === i + 2 && joined.length > 2 * titleLine) break;
      joined += ` ${text}`;
      if (pattern.test(joined)) return { text: joined, range: linesRange(line, head[next]) };
    }
  }
  return undefined;
}

/** The news phrasing and the judgement sentences of a summary, one of each at the most. */
function summaryEvidence(lines: readonly Line[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const pattern of summarySignals) {
    const line = lines.find((candidate) => candidate.text.length <= 2000 && pattern.test(candidate.text));
    if (line) evidence.push({ text: line.text, range: linesRange(line) });
  }
  return evidence;
}

/**
 * The kind of a text from its opening alone: what an editor needs to decide whether a
 * plain-text file it opens is a report, without parsing the whole of it.
 */
export function recogniseKind(text: string, definitions: readonly KindDefinition[] = []): ReportKind {
  const opening = text.slice(0, 64 * 1024);
  return looksBinary(opening) ? 'unknown' : detectKind(splitLines(opening), definitions).kind;
}
