// What the commands read: a report from a text file or a PDF, a kinds file, the files
// under a directory. Each returns what it read; a file that cannot be used is an
// InputError that names it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstLine, hasPdfHeader, largestFileRead, largestKindsFile, megabytes, parseReport, PdfError, pdfText, readKindsFile, withoutByteOrderMark, type KindDefinition, type Report } from '../report';
import { InputError } from './errors';

export interface Loaded {
  readonly file: string;
  readonly report: Report;
}

/**
 * Reads and parses one file (a PDF by way of its text). Read as bytes so a BOM can be
 * dropped before parsing (an editor hides it too, so positions then agree) and so a huge
 * or odd file is refused before it is decoded.
 */
export async function readReport(file: string, kinds: readonly KindDefinition[]): Promise<Loaded> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot read ${file}: it is a directory`);
    // A device or FIFO could block or never end.
    if (!stat.isFile()) throw new InputError(`cannot read ${file}: not a regular file`);
    if (stat.size > largestFileRead) throw new InputError(`cannot read ${file}: ${megabytes(stat.size)} is over the ${megabytes(largestFileRead)} limit`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
  const text = withoutByteOrderMark(isPdf(file, bytes) ? await readPdf(file, bytes) : bytes.toString('utf8'));
  let report: Report;
  try {
    report = parseReport(text, { kinds });
  } catch (error) {
    // A parser bug should name the file that showed it, not end the run with a trace.
    throw new Error(`parsing ${file} failed: ${firstLine(error)}`);
  }
  if (report.binary) throw new InputError(`${file} is not a text file`);
  return { file, report };
}

/**
 * A PDF is known by its name or by its first bytes (a report downloaded as `report` is
 * one too). The first eight only: a text file may well mention `%PDF-` further on.
 */
function isPdf(file: string, bytes: Buffer): boolean {
  return /\.pdf$/i.test(file) || hasPdfHeader(bytes.subarray(0, 8));
}

async function readPdf(file: string, bytes: Buffer): Promise<string> {
  try {
    return await pdfText(bytes);
  } catch (error) {
    throw error instanceof PdfError ? new InputError(`cannot read ${file}: ${error.message}`) : new Error(`reading ${file} as a PDF failed: ${firstLine(error)}`);
  }
}

/** A kinds file's kinds, and a warning line for each of its problems: the good kinds are kept. */
export function readKinds(file: string): { kinds: readonly KindDefinition[]; warnings: readonly string[] } {
  let text: string;
  try {
    if (fs.statSync(file).size > largestKindsFile) throw new InputError(`cannot read ${file}: over ${megabytes(largestKindsFile)}, no kinds file is that large`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
  const { kinds, problems } = readKindsFile(text);
  return { kinds, warnings: problems.map((problem) => `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`) };
}

/**
 * The files named, with directories replaced by the *.txt files under them in sorted
 * order, and the directories that could not be read.
 */
export function filesUnder(paths: readonly string[]): { files: readonly string[]; unreadable: readonly InputError[] } {
  const files: string[] = [];
  const unreadable: InputError[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push(new InputError(`cannot read ${dir}: ${reason(error)}`));
      return;
    }
    // Code-unit order, not the locale's, so every machine lists files the same way.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Symbolic links to directories are not followed, so a link cycle cannot loop.
      if (entry.isDirectory()) walk(full);
      else if (/\.txt$/i.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) files.push(full);
    }
  };
  for (const given of paths) {
    let isDirectory = false;
    try {
      isDirectory = fs.statSync(given).isDirectory();
    } catch {
      // readReport() reports a missing or unreadable file with its reason.
    }
    if (isDirectory) walk(given);
    else files.push(given);
  }
  return { files, unreadable };
}

/** `ENOENT: no such file or directory, stat 'x'` -> `no such file or directory`. */
function reason(error: unknown): string {
  const message = firstLine(error);
  const match = /^E[A-Z]+: ([^,]+)/.exec(message);
  return match ? match[1] : message;
}
