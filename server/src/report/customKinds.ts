// A workspace folder's `.inspection-reports.json`: its own kinds of report, and the
// diagnostic codes turned off for some of its files (what the quick fix "Turn off … for
// this file" writes in editors whose settings a language server cannot change). Checked
// against the schema that VS Code also completes and validates the file with, plus what
// a schema cannot say (an id taken by a built-in kind or used twice). A kind or entry
// with a problem is left out and the problem is placed where it stands in the file; the
// good ones are kept. Nothing in the file is a pattern, so nothing in it can make the
// parser backtrack: every phrase and heading is compared as folded wording.
import Ajv from 'ajv';
import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../schemas/report-kinds.schema.json';
import type { KindDefinition, Range, ReportKind } from './model';

/** The name the file has in each workspace folder. */
export const kindsFileName = '.inspection-reports.json';

export interface KindsProblem {
  readonly message: string;
  readonly range: Range;
}

export interface KindsFile {
  readonly kinds: readonly KindDefinition[];
  /** Codes turned off by file: glob or path relative to the folder → codes. */
  readonly ignore: Readonly<Record<string, readonly string[]>>;
  readonly problems: readonly KindsProblem[];
}

const builtInKinds: readonly ReportKind[] = ['cra-letter', 'sif-report', 'ilacs-report', 'ilacs-summary', 'focused-visit', 'send-report', 'lac-report', 'lscb-review', 'custom', 'unknown'];

// Compiled once: the schema is the extension's, not the workspace's.
const ajv = new Ajv({ allErrors: true, strict: false });
const validateKind = ajv.compile<RawKind>({ ...schema.definitions.kind, definitions: schema.definitions });
const validateIgnoreEntry = ajv.compile<string[]>(schema.properties.ignore.additionalProperties);
const usableIgnoreKey = new RegExp(schema.properties.ignore.propertyNames.pattern, 'u');

interface RawKind {
  id: string;
  name: string;
  recognise: string[];
  requiredSections?: string[];
  findingHeadings?: KindDefinition['findingHeadings'];
  headings?: string[];
  judgementScale?: string[];
}

export function readKindsFile(text: string): KindsFile {
  const at = positions(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const error = errors[0] ?? { error: 0, offset: 0, length: 0 };
    const reason = errors.length > 0 ? printParseErrorCode(error.error) : 'EmptyFile';
    return { kinds: [], ignore: {}, problems: [{ message: `${kindsFileName} is not JSON (${reason}); nothing was read from it.`, range: at(error.offset, error.length) }] };
  }
  const problems: KindsProblem[] = [];
  const place = (node: Node | undefined) => (node ? at(node.offset, node.length) : at(0, 0));
  const nameOf = (path: (string | number)[]) => findNodeAtLocation(root, path)?.parent?.children?.[0];
  const value: unknown = getNodeValue(root);
  const given = value as { kinds?: unknown; ignore?: unknown };
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !(given.kinds === undefined || Array.isArray(given.kinds)) || !(given.ignore === undefined || isObject(given.ignore))) {
    return { kinds: [], ignore: {}, problems: [{ message: `${kindsFileName} should be an object with a "kinds" list, an "ignore" object, or both.`, range: place(root) }] };
  }
  for (const key of Object.keys(value)) {
    if (!(key in schema.properties)) problems.push({ message: `Unknown property "${key}": the file has "kinds" and "ignore" only.`, range: place(nameOf([key])) });
  }
  const ignore: Record<string, readonly string[]> = {};
  for (const [key, codes] of Object.entries((given.ignore ?? {}) as Record<string, unknown>)) {
    if (Object.keys(ignore).length >= schema.properties.ignore.maxProperties) {
      problems.push({ message: `At most ${schema.properties.ignore.maxProperties} entries in "ignore"; the rest are left out.`, range: place(nameOf(['ignore', key])) });
      break;
    }
    const problem = !usableIgnoreKey.test(key) || key.length > schema.properties.ignore.propertyNames.maxLength
      ? 'should be a path or glob inside this folder, of up to 1000 characters and three wildcards'
      : !validateIgnoreEntry(codes) ? `should list diagnostic codes: ${describe(validateIgnoreEntry.errors?.[0]?.message ?? 'is not valid', undefined)}` : undefined;
    if (problem) problems.push({ message: `ignore[${JSON.stringify(key)}] ${problem}; that entry is left out.`, range: place(nameOf(['ignore', key])) });
    else ignore[key] = codes as string[];
  }
  const kinds: KindDefinition[] = [];
  const raw = (given.kinds ?? []) as unknown[];
  if (raw.length > schema.properties.kinds.maxItems) {
    problems.push({ message: `At most ${schema.properties.kinds.maxItems} kinds; the rest are left out.`, range: place(findNodeAtLocation(root, ['kinds'])) });
  }
  raw.slice(0, schema.properties.kinds.maxItems).forEach((candidate, index) => {
    const node = (path: readonly (string | number)[]) => findNodeAtLocation(root, ['kinds', index, ...path]);
    if (!validateKind(candidate)) {
      for (const error of validateKind.errors ?? []) {
        const path = error.instancePath.split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
        // An unknown property is pointed at by its name, the rest by their value.
        const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
        const where = extra ? findNodeAtLocation(root, ['kinds', index, ...path, extra])?.parent?.children?.[0] : node(path);
        problems.push({ message: `Kind ${index + 1}${path.length > 0 ? ` ${path.join('.')}` : ''}: ${describe(error.message ?? 'is not valid', extra)}; this kind is left out.`, range: place(where ?? node([])) });
      }
      return;
    }
    if ((builtInKinds as readonly string[]).includes(candidate.id)) {
      problems.push({ message: `Kind ${index + 1}: "${candidate.id}" is a built-in kind's id; choose another. This kind is left out.`, range: place(node(['id'])) });
      return;
    }
    if (kinds.some((kind) => kind.id === candidate.id)) {
      problems.push({ message: `Kind ${index + 1}: "${candidate.id}" is defined twice; this one is left out.`, range: place(node(['id'])) });
      return;
    }
    kinds.push({
      id: candidate.id,
      name: candidate.name,
      recognise: candidate.recognise,
      requiredSections: candidate.requiredSections ?? [],
      findingHeadings: candidate.findingHeadings ?? {},
      headings: candidate.headings ?? [],
      judgementScale: candidate.judgementScale ?? [],
    });
  });
  return { kinds, ignore, problems };
}

/**
 * The file's text with `code` turned off for `file` (relative to the folder, `/`-separated),
 * its comments and layout kept; `text` undefined when there is no file yet. Undefined when
 * the text is not JSON: it is the user's to mend, not to overwrite.
 */
export function withIgnoredCode(text: string | undefined, file: string, code: string): string | undefined {
  // An empty file is as good as none.
  const before = text?.trim() ? text : undefined;
  const errors: ParseError[] = [];
  const root = before === undefined ? undefined : parseTree(before, errors, { allowTrailingComma: true });
  const value: unknown = root ? getNodeValue(root) : {};
  if (errors.length > 0 || !isObject(value)) return undefined;
  const ignored = isObject(value.ignore) && Array.isArray(value.ignore[file]) ? (value.ignore[file] as unknown[]) : [];
  if (ignored.includes(code)) return text;
  const eol = before?.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(before ?? '{}', ['ignore', file], [...ignored, code], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  const changed = applyEdits(before ?? '{}', edits);
  return before === undefined ? `${changed}${eol}` : changed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(message: string, extra: string | undefined): string {
  return extra ? `unknown property "${extra}"` : message.replace(/^must /, 'should ');
}

/** Offsets to LSP ranges, for the problems. */
function positions(text: string): (offset: number, length: number) => Range {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
  return (offset, length) => ({ start: position(offset), end: position(offset + length) });
}
