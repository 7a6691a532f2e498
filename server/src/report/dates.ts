// The days a report's dates name, read one way for the table's inspection and publication
// dates and for the order of an authority's history: `22 February 2016 to 17 March 2016`,
// `11 to 15 March 2024`, `3 and 4 November 2009`, `1 Feb 2021`, `06/07/2015 – 17/07/2015`.
import { anyMonth, monthNames } from './text';

const numericDate = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
// A day, a month (whole or its first three letters: `1 Feb 2021`) or a year, in the order written.
const datePart = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?|(${anyMonth}|${monthNames.map((name) => name.slice(0, 3)).join('|')})|(\\d{4}))\\b`, 'gi');

export interface DatePart {
  day: number;
  /** 1 for January. */
  month?: number;
  year?: number;
}

/**
 * The days a text names, in order: its numeric dates if it has any, else each day with the
 * month and year written after it, so that `11 to 15 March 2024` names 11 March 2024.
 */
export function daysIn(text: string): DatePart[] {
  const numeric = [...text.matchAll(numericDate)].map((match): DatePart => ({ day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) }));
  return numeric.length > 0 ? numeric : namedDates(text);
}

/** A day of the calendar, with its month and year. */
export function isDay(part: DatePart): part is Required<DatePart> {
  const { day, month, year } = part;
  return month !== undefined && year !== undefined && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first and last days a text names, as ISO dates, where both are days of the calendar.
 * Dates written without their year are of the year of the letter that gives them
 * (`writtenOn`), or of the year before for a later month than the letter's (a visit comes
 * before its letter).
 */
export function dateRange(text: string, writtenOn?: string): { start: string; end: string } | undefined {
  const days = daysIn(text);
  const letter = writtenOn === undefined ? undefined : namedDates(writtenOn).at(-1);
  if (letter?.month !== undefined && letter.year !== undefined) {
    for (const day of days) if (day.year === undefined && day.month !== undefined) day.year = day.month > letter.month ? letter.year - 1 : letter.year;
  }
  const dated = days.filter((part) => part.month !== undefined && part.year !== undefined);
  if (dated.length === 0) return undefined;
  const start = dated[0];
  const last = dated[dated.length - 1];
  return isDay(start) && isDay(last) ? { start: iso(start), end: iso(last) } : undefined;
}

function iso({ day, month, year }: Required<DatePart>): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function namedDates(text: string): DatePart[] {
  const days: DatePart[] = [];
  for (const match of text.matchAll(datePart)) {
    if (match[1] !== undefined) days.push({ day: Number(match[1]) });
    else if (match[2] !== undefined) {
      const month = monthNames.findIndex((name) => name.startsWith(match[2].toLowerCase())) + 1;
      for (const day of days) if (day.month === undefined) day.month = month;
    } else {
      const year = Number(match[3]);
      const month = days.at(-1)?.month;
      // `29 December to 2 January 2015`: a day of a later month than the year's last is of the year before.
      for (const day of days) if (day.year === undefined) day.year = day.month !== undefined && month !== undefined && day.month > month ? year - 1 : year;
    }
  }
  return days;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
