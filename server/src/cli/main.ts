// `inspection-report`: the report service on the command line, for scripts, CI and a
// quick look at a file without an editor. Plain Node: it reads files (a PDF's text
// through pdf.ts), calls the same parseReport/checkReport as the language server and
// prints what they return.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport, findingCategories, findingCategoryNames, findingsCsv, flatten, gradeNames, hasPdfHeader, kindName, kindsFileName, largestFileRead, largestKindsFile, megabytes, parseReport, PdfError, pdfText, readKindsFile, withoutByteOrderMark, type Finding, type FindingCategory, type KindDefinition, type Report, type ReportDiagnostic, type Section } from '../report';

const usage = `Usage: inspection-report <command> [options] FILE...

Commands:
  outline FILE [--json]                  the report's sections as a tree, with grades
  findings FILE... [--json | --csv] [--category C]
                                         priority actions, areas for development,
                                         recommendations, strengths, satisfactory
  check FILE|DIR... [--json]             diagnostics, one per line as file:line:col;
                                         directories are searched for *.txt files
  summary FILE [--json]                  kind and period, authority, dates, judgements, counts

Options of every command:
  --kinds FILE                           further kinds of report, defined as in a
                                         workspace's ${kindsFileName}

Categories: ${findingCategories.join(', ')}

A FILE may be a report's PDF: its text is extracted first, laid out as pdftotext
lays it out, then read like a text file.

Exit status: 0 on success; 1 when check finds an error; 2 for a usage error or
a file that cannot be read.
`;

/** A mistake in the command line: one line on stderr, exit 2. */
class UsageError extends Error {}

/** A file that cannot be used as input: one line on stderr, exit 2. */
class InputError extends Error {}

interface Loaded {
  readonly file: string;
  readonly report: Report;
}

/** The kinds that `--kinds` defines, read with the built-in ones. */
let kinds: readonly KindDefinition[] = [];

function main(args: readonly string[]): number {
  const at = args.indexOf('--kinds');
  if (at >= 0) {
    if (args[at + 1] === undefined) throw new UsageError('--kinds needs a FILE');
    kinds = readKinds(args[at + 1]);
  }
  const argv = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const [command, ...rest] = argv;
  if (command === undefined) {
    // Usage on stdout either way, but a bare call is still a mistake in a script.
    write(usage);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    write(usage);
    return 0;
  }
  switch (command) {
    case 'outline':
      return outline(rest);
    case 'findings':
      return findings(rest);
    case 'check':
      return check(rest);
    case 'summary':
      return summary(rest);
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  }
}

// ---------------------------------------------------------------------------- commands

function outline(args: readonly string[]): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = single(positionals, 'outline');
  const { report } = load(file);
  if (values.json) {
    const sectionJson = (section: Section): object => ({
      name: section.name,
      level: section.level,
      ...(section.judgement ? { judgement: section.judgement.grade } : {}),
      ...(section.grade ? { grade: section.grade.label } : {}),
      range: section.range,
      children: section.children.map(sectionJson),
    });
    writeJson({
      file,
      kind: report.definition?.id ?? report.kind,
      title: report.metadata.title ?? null,
      authority: report.metadata.authority ?? null,
      sections: report.sections.map(sectionJson),
    });
    return 0;
  }
  const out: string[] = [`${file}: ${kindName(report)}`];
  const width = String(report.lineCount).length;
  // Each line starts with the heading's 1-based line number so the tree can be used to
  // jump into the file; children are indented two spaces per level of nesting.
  const walk = (sections: readonly Section[], depth: number): void => {
    for (const section of sections) {
      const grade = section.judgement ? ` — ${gradeNames[section.judgement.grade]}` : section.grade ? ` — ${section.grade.label}` : '';
      out.push(`${String(section.headingRange.start.line + 1).padStart(width)}  ${'  '.repeat(depth)}${section.name}${grade}`);
      walk(section.children, depth + 1);
    }
  };
  walk(report.sections, 0);
  if (report.sections.length === 0) out.push('(no sections found)');
  write(out.join('\n') + '\n');
  return 0;
}

function findings(args: readonly string[]): number {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    category: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('findings needs at least one FILE');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const category = values.category;
  if (category !== undefined && !(findingCategories as readonly string[]).includes(category)) {
    throw new UsageError(`unknown category '${category}' (expected one of ${findingCategories.join(', ')})`);
  }
  // Read everything before printing anything, so a bad file never leaves half a JSON
  // array or CSV table behind.
  const loaded = positionals.map(load);
  const rows = loaded.flatMap(({ file, report }) =>
    report.findings
      .filter((finding) => category === undefined || finding.category === category)
      .map((finding) => ({ file, finding })));

  if (values.json) {
    writeJson(rows.map(({ file, finding }) => ({
      file,
      category: finding.category,
      text: finding.text,
      section: finding.section,
      ...(finding.number !== undefined ? { paragraph: finding.number } : {}),
      recurring: finding.recurring,
      range: finding.range,
    })));
    return 0;
  }
  if (values.csv) {
    write(findingsCsv(rows.map(({ file, finding }) => ({ whose: [file], finding })), ['file']));
    return 0;
  }
  const out: string[] = [];
  for (const { file, report } of loaded) {
    out.push(`${file}:`);
    const mine = rows.filter((row) => row.file === file).map((row) => row.finding);
    if (mine.length === 0) out.push('  (no findings)');
    const width = String(report.lineCount).length;
    for (const wanted of findingCategories) {
      const inCategory = mine.filter((finding) => finding.category === wanted);
      if (inCategory.length === 0) continue;
      out.push(`  ${findingCategoryNames[wanted]} (${inCategory.length})`);
      for (const finding of inCategory) out.push(`    ${String(finding.range.start.line + 1).padStart(width)}  ${findingLabel(finding)}${finding.text}`);
    }
  }
  write(out.join('\n') + '\n');
  return 0;
}

function check(args: readonly string[]): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE or DIR');
  // Like a compiler, go on past a bad file so one run reports everything; the exit
  // status still says that something could not be read.
  let status = 0;
  const json: object[] = [];
  for (const file of expand(positionals, () => { status = 2; })) {
    let diagnostics: readonly ReportDiagnostic[];
    try {
      const { report } = load(file);
      try {
        diagnostics = checkReport(report);
      } catch (error) {
        throw new Error(`checking ${file} failed: ${firstLine(error)}`);
      }
    } catch (error) {
      // A bad file, or a bug that one file shows, should not hide the results for the rest.
      process.stderr.write(`inspection-report: ${error instanceof InputError ? '' : 'internal error: '}${firstLine(error)}\n`);
      status = 2;
      continue;
    }
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error') && status === 0) status = 1;
    if (values.json) {
      json.push(...diagnostics.map((diagnostic) => ({ file, code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, range: diagnostic.range })));
    } else if (diagnostics.length > 0) {
      // Written file by file so a long run shows progress and can be cut short by `head`.
      write(diagnostics.map((diagnostic) => {
        const { line, character } = diagnostic.range.start;
        return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code}: ${oneLine(diagnostic.message)}\n`;
      }).join(''));
    }
  }
  if (values.json) writeJson(json);
  return status;
}

function summary(args: readonly string[]): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = single(positionals, 'summary');
  const { report } = load(file);
  const meta = report.metadata;
  const counts = Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length])) as Record<FindingCategory, number>;
  const firstPriority = report.findings.find((finding) => finding.category === 'priority-action');
  // A workspace kind's grades, on its own scale.
  const grades = flatten(report.sections).flatMap((section) => (section.grade ? [{ section: section.name, grade: section.grade.label, range: section.grade.range }] : []));
  if (values.json) {
    writeJson({
      file,
      kind: report.definition?.id ?? report.kind,
      kindName: kindName(report),
      period: report.period ?? null,
      authority: meta.authority ?? null,
      title: meta.title ?? null,
      letterDate: meta.letterDate ?? null,
      inspectionDates: meta.inspectionDates ?? null,
      publicationDate: meta.publicationDate ?? null,
      leadInspector: meta.leadInspector ?? null,
      signatory: meta.signatory ?? null,
      judgements: report.judgements.map((judgement) => ({ area: judgement.area, label: judgement.label, grade: judgement.grade, source: judgement.source, range: judgement.range })),
      ...(report.definition && { grades }),
      findings: counts,
      firstPriorityAction: firstPriority ? { text: firstPriority.text, section: firstPriority.section, range: firstPriority.range } : null,
    });
    return 0;
  }
  const none = '—';
  const out = [
    `File:              ${file}`,
    `Kind:              ${kindName(report)} (${report.definition?.id ?? report.kind})`,
    `Period:            ${report.period ?? none}`,
    `Authority:         ${meta.authority ?? none}`,
    `Title:             ${meta.title ?? none}`,
    `Letter date:       ${meta.letterDate ?? none}`,
    `Inspection dates:  ${meta.inspectionDates ?? none}`,
    `Publication date:  ${meta.publicationDate ?? none}`,
    `Lead inspector:    ${meta.leadInspector ?? none}`,
    `Signatory:         ${meta.signatory ?? none}`,
    `Judgements:${report.judgements.length === 0 ? `        ${none}` : ''}`,
    // The same area can be graded in the table and again at its heading; all are listed,
    // with where each came from, so a disagreement is visible.
    ...report.judgements.map((judgement) => `  ${judgement.area}: ${gradeNames[judgement.grade]} (${judgement.source}, line ${judgement.range.start.line + 1}: ${judgement.label})`),
    ...(report.definition ? [`Grades:${grades.length === 0 ? `            ${none}` : ''}`, ...grades.map((grade) => `  ${grade.section}: ${grade.grade} (line ${grade.range.start.line + 1})`)] : []),
    'Findings:',
    ...findingCategories.map((category) => `  ${(findingCategoryNames[category] + ':').padEnd(28)}${counts[category]}`),
  ];
  if (firstPriority) out.push(`First area for priority action (line ${firstPriority.range.start.line + 1}):`, `  ${firstPriority.text}`);
  write(out.join('\n') + '\n');
  return 0;
}

// ----------------------------------------------------------------------------- helpers

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** parseArgs in strict mode, with its complaints turned into usage errors. */
function parse<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
}

function single(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one FILE`);
  return positionals[0];
}

/**
 * Reads and parses one file (a PDF by way of its text). Read as bytes so a BOM can be
 * dropped before parsing (an editor hides it too, so positions then agree) and so a huge
 * or odd file is refused before it is decoded.
 */
function load(file: string): Loaded {
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
  const text = withoutByteOrderMark(pdfTextOf(file) ?? bytes.toString('utf8'));
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

/** A kinds file's kinds; each of its problems is a warning on stderr, and the good kinds are kept. */
function readKinds(file: string): readonly KindDefinition[] {
  let text: string;
  try {
    if (fs.statSync(file).size > largestKindsFile) throw new InputError(`cannot read ${file}: over ${megabytes(largestKindsFile)}, no kinds file is that large`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
  const { kinds: read, problems } = readKindsFile(text);
  for (const problem of problems) process.stderr.write(`${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}\n`);
  return read;
}

/**
 * The files named on the command line, with directories replaced by the *.txt files
 * under them in sorted order. Unreadable paths are reported and skipped.
 */
function expand(paths: readonly string[], failed: () => void): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      process.stderr.write(`inspection-report: cannot read ${dir}: ${reason(error)}\n`);
      failed();
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
      // load() reports a missing or unreadable file with its reason.
    }
    if (isDirectory) walk(given);
    else files.push(given);
  }
  return files;
}

// --------------------------------------------------------------------------- PDF input

/** The text of each PDF named on the command line, or why it has none. */
const pdfTexts = new Map<string, string | Error>();

/**
 * Reads the PDFs among the arguments before the command runs: PDF.js works
 * asynchronously and the commands do not. A PDF is known by its name or by its first
 * bytes (a report downloaded as `report` is one too); anything else is load()'s to read.
 */
async function readPdfsNamed(args: readonly string[]): Promise<void> {
  for (const file of new Set(args)) {
    if (file.startsWith('-') || !startsAsPdf(file)) continue;
    try {
      pdfTexts.set(file, await pdfText(fs.readFileSync(file)));
    } catch (error) {
      pdfTexts.set(file, error instanceof PdfError ? new InputError(`cannot read ${file}: ${error.message}`) : new Error(`reading ${file} as a PDF failed: ${firstLine(error)}`));
    }
  }
}

function startsAsPdf(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    // Too large or not a file: load() says so, as for any file.
    if (!stat.isFile() || stat.size > largestFileRead) return false;
    if (/\.pdf$/i.test(file)) return true;
    const head = Buffer.alloc(8);
    const descriptor = fs.openSync(file, 'r');
    try {
      fs.readSync(descriptor, head, 0, head.length, 0);
    } finally {
      fs.closeSync(descriptor);
    }
    return hasPdfHeader(head);
  } catch {
    return false;
  }
}

/** The PDF's text, read before the command; undefined for a file that is not one. */
function pdfTextOf(file: string): string | undefined {
  const text = pdfTexts.get(file);
  if (text instanceof Error) throw text;
  return text;
}

function findingLabel(finding: Finding): string {
  const parts = [finding.number !== undefined ? `¶${finding.number}` : '', finding.recurring ? '(recurring)' : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')} ` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

/** `ENOENT: no such file or directory, stat 'x'` -> `no such file or directory`. */
function reason(error: unknown): string {
  const message = firstLine(error);
  const match = /^E[A-Z]+: ([^,]+)/.exec(message);
  return match ? match[1] : message;
}

function write(text: string): void {
  process.stdout.write(text);
}

function writeJson(value: unknown): void {
  write(JSON.stringify(value, null, 2) + '\n');
}

// `inspection-report check dir | head` closes the pipe early: stop quietly, without the
// unhandled 'error' event that would otherwise print a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`inspection-report: cannot write output: ${error.message}\n`);
  process.exit(2);
});

// PDFs first: their text is read asynchronously, the commands then run as for text.
void readPdfsNamed(process.argv.slice(2)).then(run);

function run(): void {
  try {
    // exitCode rather than process.exit(): Node then exits once stdout has drained, so a
    // large JSON or CSV output is never cut off.
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    const message = firstLine(error);
    if (error instanceof UsageError) {
      process.stderr.write(`inspection-report: ${message} (see inspection-report --help)\n`);
    } else if (error instanceof InputError) {
      process.stderr.write(`inspection-report: ${message}\n`);
    } else {
      process.stderr.write(`inspection-report: internal error: ${message}\n`);
    }
    process.exitCode = 2;
  }
}
