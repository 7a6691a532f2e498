// How large an input may be before it is declined, each purpose named once, for the
// language server, its workspace index, the command-line tool and the PDF reader alike.
// Real reports are under 200 KB of text and a few MB of PDF.

/**
 * Characters of text in a document the editor checks as it changes: reading a longer one
 * on every keystroke would stall the editor. A PDF whose text is longer is declined too.
 */
export const largestDocument = 10 * 1024 * 1024;

/** Bytes of a text file the command-line tool reads whole: beyond this it would only exhaust memory. */
export const largestFileRead = 64 * 1024 * 1024;

/** Bytes of a PDF: a report is text with a logo or two, and PDF.js holds all of it in memory. */
export const largestPdf = 32 * 1024 * 1024;

/** Bytes of a workspace's `.inspection-reports.json`: fifty kinds of a few hundred headings each is under 1 MB. */
export const largestKindsFile = 1024 * 1024;

/**
 * Globs that turn diagnostics off for files, in the settings and in a folder's
 * `.inspection-reports.json` alike (its schema states them too; a test keeps the two in
 * step). Either can come from an untrusted folder, and picomatch turns each glob into a
 * regular expression that backtracks: `*a*a*a*a*b` or `+(a*)b` takes minutes on one long
 * file name, while three wildcards take milliseconds. Few globs a person writes come near.
 */
export const mostGlobs = 100;
export const longestGlob = 1000;
export const mostWildcards = 3;

/** A size as a person reads it: `10 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
