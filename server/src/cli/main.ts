// `inspection-report`: the report service on the command line, for scripts, CI and a
// quick look at a file without an editor. Plain Node: it reads files (a PDF's text
// through pdf.ts), calls the same parseReport/checkReport as the language server and
// prints what they return.
import { parseArgs } from 'node:util';
import { checkReport, findingCategories, findingCategoryNames, findingsCsv, flatten, gradeNames, kindName, kindsFileName, type Finding, type FindingCategory, type KindDefinition, type ReportDiagnostic, type Section } from '../report';
import { errorLine, firstLine, UsageError } from './errors';
import { filesUnder, readKinds, readReport, type Loaded } from './input';

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

async function main(args: readonly string[]): Promise<number> {
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
      return outline(rest, kinds);
    case 'findings':
      return findings(rest, kinds);
    case 'check':
      return check(rest, kinds);
    case 'summary':
      return summary(rest, kinds);
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  }
}

// ---------------------------------------------------------------------------- commands

async function outline(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = single(positionals, 'outline');
  const { report } = await readReport(file, kinds);
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

async function findings(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
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
  const loaded: Loaded[] = [];
  for (const file of positionals) loaded.push(await readReport(file, kinds));
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

async function check(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE or DIR');
  // Like a compiler, go on past a bad file so one run reports everything; the exit
  // status still says that something could not be read.
  const { files, unreadable } = filesUnder(positionals);
  for (const error of unreadable) process.stderr.write(errorLine(error));
  let status = unreadable.length > 0 ? 2 : 0;
  const json: object[] = [];
  for (const file of files) {
    let diagnostics: readonly ReportDiagnostic[];
    try {
      const { report } = await readReport(file, kinds);
      try {
        diagnostics = checkReport(report);
      } catch (error) {
        throw new Error(`checking ${file} failed: ${firstLine(error)}`);
      }
    } catch (error) {
      // A bad file, or a bug that one file shows, should not hide the results for the rest.
      process.stderr.write(errorLine(error));
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

async function summary(args: readonly string[], kinds: readonly KindDefinition[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = single(positionals, 'summary');
  const { report } = await readReport(file, kinds);
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

function findingLabel(finding: Finding): string {
  const parts = [finding.number !== undefined ? `¶${finding.number}` : '', finding.recurring ? '(recurring)' : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')} ` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
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
