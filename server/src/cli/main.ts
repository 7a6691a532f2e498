// `inspection-report`: the report service on the command line, for scripts, CI and a
// quick look at a file without an editor. Plain Node, and the same parseReport and
// checkReport as the language server. This file reads the command line and wires the
// rest together: input.ts reads the files (a PDF's text through the service's pdfText),
// commands/ turn the reports into data, render/ prints that as text, JSON or CSV.
import { parseArgs } from 'node:util';
import { findingCategories, firstLine, kindsFileName, type FindingCategory, type KindDefinition } from '../report';
import { check, type Checked } from './commands/check';
import { findings } from './commands/findings';
import { outline } from './commands/outline';
import { summary } from './commands/summary';
import { table } from './commands/table';
import { errorLine, UsageError } from './errors';
import { filesUnder, readKinds, readReport, type Loaded } from './input';
import * as csv from './render/csv';
import * as json from './render/json';
import * as text from './render/text';

const usage = `Usage: inspection-report <command> [options] FILE...

Commands:
  outline FILE [--json]                  the report's sections as a tree, with grades
  findings FILE... [--json | --csv] [--category C]
                                         priority actions, areas for development,
                                         recommendations, strengths, satisfactory
  check FILE|DIR... [--json]             diagnostics, one per line as file:line:col;
                                         directories are searched for *.txt files
  summary FILE [--json]                  kind and period, authority, dates, judgements, counts
  table FILE|DIR... [--json | --csv]     one row a document: authority, kind, dates, lead
                                         inspector, a grade per area, findings counted;
                                         e.g. table reports/ --csv > table.csv

Options of every command:
  --kinds FILE                           further kinds of report, defined as in a
                                         workspace's ${kindsFileName}

Categories: ${findingCategories.join(', ')}

A FILE may be a report's PDF: its text is extracted first, laid out as pdftotext
lays it out, then read like a text file.

Exit status: 0 on success; 1 when check finds an error; 2 for a usage error or
a file that cannot be read.
`;

async function main(args: readonly string[]): Promise<number> {
  // --kinds belongs to every command, so it is taken out (and its file read) first.
  const at = args.indexOf('--kinds');
  let kinds: readonly KindDefinition[] = [];
  if (at >= 0) {
    if (args[at + 1] === undefined) throw new UsageError('--kinds needs a FILE');
    const read = readKinds(args[at + 1]);
    for (const warning of read.warnings) process.stderr.write(`${warning}\n`);
    kinds = read.kinds;
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
      return runOutline(rest, kinds);
    case 'findings':
      return runFindings(rest, kinds);
    case 'check':
      return runCheck(rest, kinds);
    case 'summary':
      return runSummary(rest, kinds);
    case 'table':
      return runTable(rest, kinds);
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  }
}

// ---------------------------------------------------------------------------- commands
// Each reads its arguments and files, asks its command for the data, prints it in the
// format asked for and returns the exit status.

async function runOutline(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { asJson, loaded } = await oneReport(args, 'outline', kinds);
  write((asJson ? json : text).outline(outline(loaded)));
  return 0;
}

async function runFindings(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    category: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('findings needs at least one FILE');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const category = values.category;
  if (category !== undefined && !isFindingCategory(category)) {
    throw new UsageError(`unknown category '${category}' (expected one of ${findingCategories.join(', ')})`);
  }
  // Read everything before printing anything, so a bad file never leaves half a JSON
  // array or CSV table behind.
  const loaded: Loaded[] = [];
  for (const file of positionals) loaded.push(await readReport(file, kinds));
  write((values.json ? json : values.csv ? csv : text).findings(findings(loaded, category)));
  return 0;
}

async function runCheck(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE or DIR');
  // Like a compiler, go on past a bad file so one run reports everything; the exit
  // status still says that something could not be read.
  const { files, unreadable } = filesUnder(positionals);
  for (const error of unreadable) process.stderr.write(errorLine(error));
  let status = unreadable.length > 0 ? 2 : 0;
  const all: Checked[] = [];
  for (const file of files) {
    let checked: Checked;
    try {
      checked = check(await readReport(file, kinds));
    } catch (error) {
      // A bad file, or a bug that one file shows, should not hide the results for the rest.
      process.stderr.write(errorLine(error));
      status = 2;
      continue;
    }
    if (checked.diagnostics.some((diagnostic) => diagnostic.severity === 'error') && status === 0) status = 1;
    if (values.json) all.push(checked);
    // Written file by file so a long run shows progress and can be cut short by `head`.
    else if (checked.diagnostics.length > 0) write(text.check(checked));
  }
  if (values.json) write(json.check(all));
  return status;
}

async function runSummary(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { asJson, loaded } = await oneReport(args, 'summary', kinds);
  write((asJson ? json : text).summary(summary(loaded)));
  return 0;
}

async function runTable(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, csv: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('table needs at least one FILE or DIR');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  // As check does, a file that cannot be read is named on stderr and the rest are tabled;
  // the table is printed once all are read, so it is never cut short.
  const { files, unreadable } = filesUnder(positionals);
  for (const error of unreadable) process.stderr.write(errorLine(error));
  let status = unreadable.length > 0 ? 2 : 0;
  const loaded: Loaded[] = [];
  for (const file of files) {
    try {
      loaded.push(await readReport(file, kinds));
    } catch (error) {
      process.stderr.write(errorLine(error));
      status = 2;
    }
  }
  write((values.json ? json : values.csv ? csv : text).table(table(loaded)));
  return status;
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

/** The arguments of a command of one report and `--json`. */
async function oneReport(args: readonly string[], command: string, kinds: readonly KindDefinition[]): Promise<{ asJson: boolean; loaded: Loaded }> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one FILE`);
  return { asJson: values.json === true, loaded: await readReport(positionals[0], kinds) };
}

function isFindingCategory(name: string): name is FindingCategory {
  return (findingCategories as readonly string[]).includes(name);
}

function write(output: string): void {
  process.stdout.write(output);
}

// `inspection-report check dir | head` closes the pipe early: stop quietly, without the
// unhandled 'error' event that would otherwise print a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`inspection-report: cannot write output: ${error.message}\n`);
  process.exit(2);
});

void run(process.argv.slice(2));

async function run(args: readonly string[]): Promise<void> {
  try {
    // exitCode rather than process.exit(): Node then exits once stdout has drained, so a
    // large JSON or CSV output is never cut off.
    process.exitCode = await main(args);
  } catch (error) {
    process.stderr.write(errorLine(error));
    process.exitCode = 2;
  }
}
