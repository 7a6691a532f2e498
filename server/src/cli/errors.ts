// What can go wrong on the command line, and the one line on stderr that says so.
import { firstLine } from '../report';

/** A mistake in the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A file that cannot be used as input: one line on stderr, exit 2. */
export class InputError extends Error {}

/** The line on stderr for an error; anything but a usage or input error is a bug. */
export function errorLine(error: unknown): string {
  const message = firstLine(error);
  if (error instanceof UsageError) return `inspection-report: ${message} (see inspection-report --help)\n`;
  if (error instanceof InputError) return `inspection-report: ${message}\n`;
  return `inspection-report: internal error: ${message}\n`;
}
