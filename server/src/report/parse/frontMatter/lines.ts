// Looking through the lines around a report's body, which the readers of its parts share.
import type { Line } from '../../text';

/** The first content line from `from`, before `to`, whose text passes `test`. */
export function findLine(
  lines: readonly Line[],
  from: number,
  to: number,
  test: (text: string, index: number) => boolean,
): number | undefined {
  for (let i = from; i < to && i < lines.length; i++) {
    const text = lines[i].text;
    if (text.length > 0 && text.length <= 400 && test(text, i)) return i;
  }
  return undefined;
}

/** The first content line from `from` that is not set aside (`lines.length` if none). */
export function nextContent(lines: readonly Line[], from: number, skip?: ReadonlySet<number>): number {
  let i = from;
  while (i < lines.length && (lines[i].text.length === 0 || skip?.has(i))) i++;
  return i;
}
