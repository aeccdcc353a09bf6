// The `j1-integration` task: its definition (what tasks.json holds, declared in package.json `taskDefinitions`) and
// the CLI arguments it stands for. Pure: no vscode, no file system.

export const TASK_TYPE = 'j1-integration';
export const TASK_SOURCE = 'j1-integration';

export const CLI_COMMANDS = ['collect', 'sync', 'run'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

export const SYNC_SOURCES = ['integration-managed', 'integration-external', 'api'] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

/** Mirrors `taskDefinitions[type=j1-integration].properties` in package.json. */
export interface J1TaskDefinition {
  type: typeof TASK_TYPE;
  command: CliCommand;
  /** The integration project, relative to the task's workspace folder (or absolute); default: the folder itself. */
  projectPath?: string;
  /** collect: step ids (`--step a,b`). */
  step?: string | string[];
  /** collect with steps: do not use the step cache (`--no-cache`). */
  noCache?: boolean;
  /** collect with steps: where the step cache lives (`--cache-path`). */
  cachePath?: string;
  /** collect, run: `--disable-schema-validation`. */
  disableSchemaValidation?: boolean;
  /** sync, run: `--integrationInstanceId`. */
  integrationInstanceId?: string;
  /** sync, run: `--api-base-url`. */
  apiBaseUrl?: string;
  /** sync, run: `--account`; default: JUPITERONE_ACCOUNT from .env, then the `integrationLens.jupiterOne.account` setting. */
  account?: string;
  /** sync, run: `--source`. */
  source?: SyncSource;
  /** sync, run with source api: `--scope`. */
  scope?: string;
  /** sync, run: `--skip-finalize`. */
  skipFinalize?: boolean;
  /** sync, run: `--upload-batch-size`. */
  uploadBatchSize?: number;
}

/** The definition's problems that the CLI would reject only after loading the integration, in its own words where it has them. */
export function validateDefinition(definition: J1TaskDefinition): string[] {
  const problems: string[] = [];
  if (!CLI_COMMANDS.includes(definition.command)) {
    problems.push(`Unknown j1-integration command "${String(definition.command)}": use one of ${CLI_COMMANDS.join(', ')}.`);
    return problems;
  }
  const steps = stepList(definition.step);
  if (definition.command === 'collect') {
    if (definition.noCache && steps.length === 0) problems.push('Invalid option: Option --no-cache requires option --step to also be specified.');
    if (definition.cachePath && steps.length === 0) problems.push('Invalid option: Option --cache-path requires option --step to also be specified.');
  } else {
    if (steps.length > 0) problems.push(`"step" applies to collect only; j1-integration ${definition.command} runs every step.`);
    const source = definition.source ?? 'integration-managed';
    if (!SYNC_SOURCES.includes(source)) {
      problems.push(`Invalid configuration supplied. --source must be one of: ${SYNC_SOURCES.join(', ')}. Received: ${source}.`);
    } else if (source === 'api') {
      if (definition.integrationInstanceId) problems.push('Invalid configuration supplied. Cannot specify both --source api and --integrationInstanceId flags.');
      if (!definition.scope) problems.push('Invalid configuration supplied. --source api requires --scope flag.');
    } else if (!definition.integrationInstanceId) {
      problems.push('Invalid configuration supplied. --integrationInstanceId or --source api and --scope required.');
    }
  }
  return problems;
}

export function stepList(step: string | string[] | undefined): string[] {
  const raw = Array.isArray(step) ? step : step ? [step] : [];
  return raw.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

/**
 * The arguments after `j1-integration`. The API key is never one of them (it would show in the terminal and in the
 * process list): it goes through JUPITERONE_API_KEY. The account does not either: JUPITERONE_ACCOUNT.
 */
export function buildArguments(definition: J1TaskDefinition): string[] {
  const args: string[] = [definition.command];
  if (definition.command === 'collect') {
    const steps = stepList(definition.step);
    if (steps.length) args.push('--step', steps.join(','));
    if (definition.noCache) args.push('--no-cache');
    if (definition.cachePath) args.push('--cache-path', definition.cachePath);
    if (definition.disableSchemaValidation) args.push('--disable-schema-validation');
    return args;
  }
  if (definition.integrationInstanceId) args.push('--integrationInstanceId', definition.integrationInstanceId);
  if (definition.source && definition.source !== 'integration-managed') args.push('--source', definition.source);
  if (definition.scope) args.push('--scope', definition.scope);
  if (definition.apiBaseUrl) args.push('--api-base-url', definition.apiBaseUrl);
  if (definition.skipFinalize) args.push('--skip-finalize');
  if (definition.uploadBatchSize !== undefined) args.push('--upload-batch-size', String(definition.uploadBatchSize));
  if (definition.command === 'run' && definition.disableSchemaValidation) args.push('--disable-schema-validation');
  return args;
}

/** The task's name in the task list, e.g. `collect --step fetch-users` or `sync (inst-1)`. */
export function taskLabel(definition: J1TaskDefinition, projectName?: string): string {
  const steps = stepList(definition.step);
  let label: string = definition.command;
  if (definition.command === 'collect' && steps.length) label += ` --step ${steps.join(',')}`;
  if (definition.command !== 'collect' && definition.integrationInstanceId) label += ` (${definition.integrationInstanceId})`;
  return projectName ? `${label} - ${projectName}` : label;
}

/** Whether the command uploads to JupiterOne (needs an API key and an account). */
export function uploads(command: CliCommand): boolean {
  return command === 'sync' || command === 'run';
}

/** A shell-like rendering of a command line for the terminal header (quoting only what needs it). */
export function renderCommandLine(program: string, args: string[]): string {
  return [program, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
