// A letter's front and back matter: the letterhead and date, the addressee above `Dear`,
// the subject line that is its title, and the sign-off after `Yours sincerely`.
import type { Part } from '../furniture';
import type { Metadata } from '../../model';
import { anyMonth, type Line } from '../../text';
import { findLine, nextContent } from './lines';

const dateLine = new RegExp(`^\\d{1,2} (?:${anyMonth}) \\d{4}$`, 'i');

// `… within Essex County Council children's services`, `Focused visit to Sandwell
// Children’s Trust`, `… to Slough Children First`: a trust or a council's company runs
// the services of the authority it is named after.
const letterAuthority = /(?:within|focused visit to) (.+?)(?:(?: local authority)? children[’']s services| (?:children[’']s|children and families) trust\b| children first\b)/i;

// `… a focused visit to Wiltshire children’s services on 24 and 25 January 2022`, or the
// dates first: `… a focused visit on 23 and 24 February 2021 to Doncaster …`.
const visitDates = /(?:conducted on|focused visit (?:to .+? )?(?:on|between)) (.+? \d{4})\b/i;
const visitDatesNoYear = new RegExp(`(?:conducted on|focused visit (?:to .+? )?(?:on|between)) ([^.]+? (?:${anyMonth}))(?=\\.)`, 'i');

// The introduction under the subject: `This letter summarises the findings …`.
const introductionStart = /^this letter\b/i;

// The postcode of the address beside a subject that pdftotext ran into it: `Focused` /
// `BA14 8JN visit to Wiltshire children’s services` (Wiltshire 2022).
const postcodeFirst = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2} (?=[a-z])/;

/**
 * The subject, and its last line: wrapped at a page's width (a PDF's text), it goes on
 * over the next line or two until it names the authority's services, and no further; a
 * subject that never does is its first line, as in one-paragraph-a-line text. The
 * introduction's `This letter summarises … a focused visit to Slough children’s services`
 * is no part of it, though it names them (`Focused visit to Slough Children First`, 2022).
 */
function readSubject(lines: readonly Line[], subject: number): { title: string; last: number } {
  let title = lines[subject].text;
  if (letterAuthority.test(title)) return { title, last: subject };
  for (let next = subject + 1; next <= subject + 2 && next < lines.length && lines[next].text.length > 0 && !introductionStart.test(lines[next].text); next++) {
    title += ` ${lines[next].text.replace(postcodeFirst, '')}`;
    if (letterAuthority.test(title)) return { title, last: next };
  }
  return { title: lines[subject].text, last: subject };
}

/** The text of the content lines from `from`, joined, up to `count` of them. */
function joinedFrom(lines: readonly Line[], from: number, count: number): string {
  const parts: string[] = [];
  for (let i = from; i < lines.length && parts.length < count; i++) {
    if (lines[i].text.length > 0) parts.push(lines[i].text);
  }
  return parts.join(' ');
}

/** `skip`: the lines set aside already (page numbers between the sign-off and the name). */
export function readLetter(lines: readonly Line[], skip: ReadonlySet<number>, end: number) {
  const limit = Math.min(lines.length, 60);
  const date = findLine(lines, 0, limit, (text) => dateLine.test(text));
  const dear = findLine(lines, date ?? 0, limit, (text) => /^dear\b/i.test(text));
  const addressee = date !== undefined && dear !== undefined ? lines.slice(date + 1, dear).map((line) => line.text).filter((text) => text.length > 0) : [];
  const subject = dear === undefined ? lines.length : nextContent(lines, dear + 1);
  // pdftotext can run the subject into the `Dear` line beside it, and the introduction
  // follows at once (Harrow 2018's PDF).
  const read = subject < lines.length && !introductionStart.test(lines[subject].text) ? readSubject(lines, subject) : undefined;
  const title = read?.title;
  const subjectLast = read?.last;
  const bodyStart = subjectLast !== undefined ? subjectLast + 1 : subject < lines.length ? subject : 0;
  const introduction = joinedFrom(lines, bodyStart, 6);
  // A subject that names no authority (`Focused visit to children’s services`, Camden
  // 2023), or that pdftotext ran into the address beside it: the introduction names it.
  const authority = letterAuthority.exec(title ?? '') ?? letterAuthority.exec(introduction);
  // Some letters of 2018 leave the year out (`… children’s services on 30 and 31 January.`).
  const dates = visitDates.exec(introduction) ?? visitDatesNoYear.exec(introduction);
  const signOff = findLine(lines, bodyStart, end, (text) => /^yours (?:sincerely|faithfully)/i.test(text));
  // Past a page number: a page may end after `Yours sincerely`.
  const name = signOff === undefined ? end : nextContent(lines, signOff + 1, skip);

  const metadata: Metadata = {
    ...(date !== undefined && { letterDate: lines[date].text }),
    ...(addressee.length > 0 && { addressee: addressee.join(', ') }),
    ...(title !== undefined && { title }),
    ...(authority && { authority: authority[1] }),
    ...(dates && { inspectionDates: dates[1] }),
    ...(name < end && { signatory: lines[name].text.replace(/,?\s+(?:Her|His) Majesty[’']s Inspector\.?$/i, '') }),
  };
  const parts: Part[] = [];
  if (dear !== undefined) parts.push({ kind: 'letterhead', from: 0, to: dear });
  if (subjectLast !== undefined) parts.push({ kind: 'title-block', from: subject, to: subjectLast });
  if (signOff !== undefined) parts.push({ kind: 'sign-off', from: signOff, to: end - 1 });
  return { metadata, bodyStart, bodyEnd: signOff ?? end, parts };
}
