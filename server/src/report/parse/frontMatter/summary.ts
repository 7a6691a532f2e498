// A news summary: its headline is the title; the website's own text follows the last
// sentence of the article.
import type { Part } from '../furniture';
import type { Metadata } from '../../model';
import type { Line } from '../../text';
import { findLine, nextContent } from './lines';

const previousInspection = /\b(?:since (?:the|its) (?:last|previous) inspection(?: of [^,.]{1,60}?)?|(?:was )?last inspected) in (\d{4})\b/i;

export function readSummary(lines: readonly Line[], end: number) {
  const headline = nextContent(lines, 0);
  const title = headline < lines.length ? lines[headline].text : undefined;
  const authority = title === undefined ? null : /^(.+?) (?:improves|is|remains|has|declines|requires)\b/i.exec(title);
  let lastSentence = -1;
  for (let i = headline + 1; i < end; i++) {
    if (/[.!?:"”’]$/.test(lines[i].text)) lastSentence = i;
  }
  const footer = lastSentence >= 0 && lastSentence + 1 < end;
  const bodyEnd = footer ? lastSentence + 1 : end;
  // A summary gives no date; the year of the inspection before it at least places it
  // after that one in an authority's history.
  const previous = findLine(lines, headline + 1, Math.min(bodyEnd, headline + 10), (text) => previousInspection.test(text));
  const year = previous === undefined ? undefined : previousInspection.exec(lines[previous].text)?.[1];

  const metadata: Metadata = {
    ...(title !== undefined && { title }),
    ...(authority && { authority: authority[1] }),
    ...(year !== undefined && { previousInspection: year }),
  };
  const parts: Part[] = [];
  if (title !== undefined) parts.push({ kind: 'title-block', from: headline, to: headline });
  if (footer) parts.push({ kind: 'website-footer', from: bodyEnd, to: end - 1 });
  return { metadata, bodyStart: headline + 1, bodyEnd, parts };
}
