// The `inspectionReports` settings as the client holds them, asked for by scope (a
// document's folder can differ from the workspace) and read over the defaults, so a
// missing or mistyped value never reaches a feature.
import type { Connection } from 'vscode-languageserver';
import { defaultSettings, type RuleSetting, type Settings } from '../protocol';

const ruleSettings = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

export class SettingsSource {
  private readonly cache = new Map<string, Promise<Settings>>();
  private filesExclude: Promise<string[]> | undefined;

  /** `pull`: whether the client answers workspace/configuration. */
  constructor(private readonly connection: Connection, private readonly pull: boolean) {}

  forScope(scopeUri: string | undefined): Promise<Settings> {
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.pull
        ? this.connection.workspace.getConfiguration({ section: 'inspectionReports', scopeUri }).then(readSettings, () => defaultSettings)
        : Promise.resolve(defaultSettings);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** The globs of `files.exclude` that are switched on, each with what lies under it. */
  excludedFiles(): Promise<string[]> {
    this.filesExclude ??= this.pull
      ? this.connection.workspace.getConfiguration('files.exclude').then(
          // A folder's glob (`**/archive`) excludes what is inside it too, as in VS Code.
          (value: unknown) => (isObject(value) ? Object.entries(value).filter(([, on]) => on === true).flatMap(([glob]) => [glob, `${glob}/**`]) : []),
          () => [],
        )
      : Promise.resolve([]);
    return this.filesExclude;
  }

  forget(): void {
    this.cache.clear();
    this.filesExclude = undefined;
  }
}

export function readSettings(value: unknown): Settings {
  const given = isObject(value) ? value : {};
  const diagnostics = isObject(given.diagnostics) ? given.diagnostics : {};
  const index = isObject(given.index) ? given.index : {};
  const defaults = defaultSettings;
  return {
    diagnostics: {
      enable: typeof diagnostics.enable === 'boolean' ? diagnostics.enable : defaults.diagnostics.enable,
      rules: Object.fromEntries(
        Object.entries(isObject(diagnostics.rules) ? diagnostics.rules : {}).filter((entry): entry is [string, RuleSetting] => ruleSettings.has(entry[1] as RuleSetting)),
      ),
      ignore: Object.fromEntries(
        Object.entries(isObject(diagnostics.ignore) ? diagnostics.ignore : {}).filter((entry): entry is [string, string[]] => isStrings(entry[1])),
      ),
      maxProblems: typeof diagnostics.maxProblems === 'number' && diagnostics.maxProblems >= 0 ? diagnostics.maxProblems : defaults.diagnostics.maxProblems,
    },
    index: {
      enable: typeof index.enable === 'boolean' ? index.enable : defaults.index.enable,
      include: isStrings(index.include) ? index.include : defaults.index.include,
      exclude: isStrings(index.exclude) ? index.exclude : defaults.index.exclude,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
