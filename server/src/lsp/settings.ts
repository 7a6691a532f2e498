// The `inspectionReports` settings as the client holds them, asked for by scope (a
// document's folder can differ from the workspace) and read over the defaults, so a
// missing or mistyped value never reaches a feature. A value that cannot be used is
// named once, with what is used instead: dropped silently, it would leave the user guessing.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { defaultSettings, type RuleSetting, type Settings } from '../protocol';
import { longestGlob, mostGlobs, mostWildcards } from '../report';

const ruleSettings = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

// Index globs stay inside the workspace folder: tinyglobby follows `..` and absolute
// paths anywhere in a glob (`**/../../x`); braces can hide them too (`{..,a}`).
const parentSegment = /(^|[/\\{,])\.\.($|[/\\},])/;
const absolute = /(^|[{,])([/\\]|[a-zA-Z]:)/;

export class SettingsSource {
  private readonly cache = new Map<string, Promise<Settings>>();
  private filesExclude: Promise<string[]> | undefined;
  /** The problems already told: each scope reads the settings again. */
  private readonly told = new Set<string>();

  /**
   * `pull`: whether the client answers workspace/configuration. A client that does not
   * may give the `inspectionReports` section with `initialize` (Helix's `config`) or with
   * `workspace/didChangeConfiguration`: `pushed`.
   */
  constructor(private readonly connection: Connection, private readonly pull: boolean, private pushed?: unknown) {}

  forScope(scopeUri: string | undefined): Promise<Settings> {
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.pull
        ? this.connection.workspace.getConfiguration({ section: 'inspectionReports', scopeUri }).then((value: unknown) => readSettings(value, (problem) => this.warn(problem)), () => defaultSettings)
        : Promise.resolve(readSettings(this.pushed, (problem) => this.warn(problem)));
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** The globs of `files.exclude` that are switched on, each with what lies under it. */
  excludedFiles(): Promise<string[]> {
    const usable = ([glob, on]: [string, unknown]): boolean => {
      const problem = on === true ? globProblem(glob, false) : undefined;
      if (problem) this.warn(`files.exclude has ${quote(glob)}, a glob ${problem}; the index does not use it.`);
      return on === true && !problem;
    };
    this.filesExclude ??= this.pull
      ? this.connection.workspace.getConfiguration('files.exclude').then(
          // A folder's glob (`**/archive`) excludes what is inside it too, as in VS Code.
          (value: unknown) => (isObject(value) ? Object.entries(value).filter(usable).flatMap(([glob]) => [glob, `${glob}/**`]) : []),
          () => [],
        )
      : Promise.resolve([]);
    return this.filesExclude;
  }

  /** Forgets what it read; `pushed`, the section the client sent along, if it did. */
  forget(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.cache.clear();
    this.filesExclude = undefined;
  }

  /** Tells the user of a problem with the settings, once in the server's life, and logs it. */
  private warn(problem: string): void {
    if (this.told.has(problem)) return;
    this.told.add(problem);
    const message = `Inspection Reports: ${problem}`;
    this.connection.console.warn(message);
    // A notification: window.showWarningMessage would be a request, waiting on the user.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

/**
 * The settings over the defaults. `warn` hears of each value that cannot be used and
 * what is used instead, e.g. `inspectionReports.index.include should be a list of globs;
 * using the default ["**\/*.txt"].`
 */
export function readSettings(value: unknown, warn: (problem: string) => void = () => undefined): Settings {
  const given = isObject(value) ? value : {};
  const diagnostics = isObject(given.diagnostics) ? given.diagnostics : {};
  const index = isObject(given.index) ? given.index : {};
  const defaults = defaultSettings;

  /** The value set, or the default (and a word why) when it is set but `problem` finds it wrong. */
  function read<T>(name: string, set: unknown, fallback: T, problem: (set: unknown) => string | undefined): T {
    if (set === undefined) return fallback;
    const wrong = problem(set);
    if (wrong) warn(`inspectionReports.${name} ${wrong}; using the default ${JSON.stringify(fallback)}.`);
    return wrong ? fallback : (set as T);
  }
  const boolean = (set: unknown) => (typeof set === 'boolean' ? undefined : 'should be true or false');
  const globs = (set: unknown) => {
    if (!isStrings(set)) return 'should be a list of globs';
    if (set.length > mostGlobs) return `has more than ${mostGlobs} globs`;
    for (const glob of set) {
      const problem = globProblem(glob, true);
      if (problem) return `has ${quote(glob)}, a glob ${problem}`;
    }
    return undefined;
  };

  const rules = read<Record<string, unknown>>('diagnostics.rules', diagnostics.rules, {}, (set) => (isObject(set) ? undefined : 'should map diagnostic codes to severities'));
  const ignore = read<Record<string, unknown>>('diagnostics.ignore', diagnostics.ignore, {}, (set) =>
    !isObject(set) ? 'should map globs to lists of diagnostic codes' : Object.keys(set).length > mostGlobs ? `has more than ${mostGlobs} globs` : undefined);
  return {
    diagnostics: {
      enable: read('diagnostics.enable', diagnostics.enable, defaults.diagnostics.enable, boolean),
      rules: Object.fromEntries(
        Object.entries(rules).filter((entry): entry is [string, RuleSetting] => {
          const right = ruleSettings.has(entry[1] as RuleSetting);
          if (!right) warn(`inspectionReports.diagnostics.rules[${quote(entry[0])}] should be one of ${[...ruleSettings].join(', ')}; the rule keeps its own severity.`);
          return right;
        }),
      ),
      ignore: Object.fromEntries(
        Object.entries(ignore).filter((entry): entry is [string, string[]] => {
          // A path outside every folder is allowed here: it is only compared, never read.
          const glob = globProblem(entry[0], false);
          const problem = !isStrings(entry[1]) ? 'should be a list of diagnostic codes' : glob ? `is a glob ${glob}` : undefined;
          if (problem) warn(`inspectionReports.diagnostics.ignore[${quote(entry[0])}] ${problem}; that entry is left out.`);
          return problem === undefined;
        }),
      ),
      maxProblems: read('diagnostics.maxProblems', diagnostics.maxProblems, defaults.diagnostics.maxProblems, (set) =>
        typeof set === 'number' && set >= 0 ? undefined : 'should be a number, 0 or more'),
    },
    index: {
      enable: read('index.enable', index.enable, defaults.index.enable, boolean),
      include: read('index.include', index.include, defaults.index.include, globs),
      exclude: read('index.exclude', index.exclude, defaults.index.exclude, globs),
    },
  };
}

/** Why a glob cannot be used: too long or too wild to match safely, or (`inside`) reaching out of the folder. */
function globProblem(glob: string, inside: boolean): string | undefined {
  if (glob.length > longestGlob) return `longer than ${longestGlob} characters`;
  if ((glob.match(/\*+/g)?.length ?? 0) > mostWildcards) return `with more than ${mostWildcards} wildcards`;
  if (/[?*+@!]\(/.test(glob)) return 'with an extended pattern such as +(…), which VS Code’s globs do not have';
  if (inside && (parentSegment.test(glob) || absolute.test(glob))) return 'reaching outside the workspace folder';
  return undefined;
}

/** A glob as a message shows it: a 100 KB one would not fit a notification. */
function quote(glob: string): string {
  return JSON.stringify(glob.length > 60 ? `${glob.slice(0, 60)}…` : glob);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
