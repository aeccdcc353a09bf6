// What a j1-integration task runs with: the API key and account for sync/run, and the values to mask in its output.
// Pure: the caller reads the `.env`, the secret storage, the settings and the model, and passes them in.
//
// The project's `.env` itself is read by the CLI (the runtime calls dotenv + dotenv-expand in the project folder,
// which is the task's working directory); values here only add what the CLI cannot find there, and never override
// the process environment the user gave VS Code, except the API key saved with "Set JupiterOne API Key".
import { parse } from 'dotenv';
import { configEnvironmentVariable } from '../../../server/src/core/sdk/configEnvironment';
import { uploads, type J1TaskDefinition } from './definition';

export const API_KEY_VARIABLE = 'JUPITERONE_API_KEY';
export const ACCOUNT_VARIABLE = 'JUPITERONE_ACCOUNT';

/** A config field as the static model knows it; `mask` undefined when the model could not tell. */
export interface ConfigFieldMask {
  name: string;
  mask: boolean | undefined;
}

export interface TaskEnvironmentInput {
  definition: J1TaskDefinition;
  /** The project's `.env` text, if it has one. */
  dotenvText?: string;
  /** The environment the CLI inherits (the extension host's). */
  processEnv: Readonly<Record<string, string | undefined>>;
  /** The key saved in VS Code's secret storage, if any. */
  storedApiKey?: string;
  /** The `integrationLens.jupiterOne.account` setting. */
  accountSetting?: string;
  /** instanceConfigFields of the static model; undefined when the model is not available. */
  configFields?: ConfigFieldMask[];
}

export type ValueSource = 'task' | 'secret storage' | '.env' | 'environment' | 'setting';

export interface TaskEnvironment {
  /** Variables to set on top of the inherited environment. */
  env: Record<string, string>;
  /** Values that must never reach the terminal. */
  secrets: string[];
  apiKeySource?: ValueSource;
  account?: string;
  accountSource?: ValueSource;
  /** Why the task cannot start (missing key or account for sync/run), with what to do. */
  problems: string[];
}

export function parseDotenv(text: string | undefined): Record<string, string> {
  if (!text) return {};
  try {
    return parse(text);
  } catch {
    return {};
  }
}

export function buildTaskEnvironment(input: TaskEnvironmentInput): TaskEnvironment {
  const dotenv = parseDotenv(input.dotenvText);
  const env: Record<string, string> = {};
  const problems: string[] = [];
  const lookup = (name: string): { value: string; source: ValueSource } | undefined => {
    const fromEnv = input.processEnv[name];
    if (fromEnv) return { value: fromEnv, source: 'environment' };
    if (dotenv[name]) return { value: dotenv[name], source: '.env' };
    return undefined;
  };

  let apiKeySource: ValueSource | undefined;
  let account: string | undefined;
  let accountSource: ValueSource | undefined;
  if (uploads(input.definition.command)) {
    if (input.storedApiKey) {
      env[API_KEY_VARIABLE] = input.storedApiKey;
      apiKeySource = 'secret storage';
    } else {
      apiKeySource = lookup(API_KEY_VARIABLE)?.source;
    }
    if (!apiKeySource) {
      problems.push(
        `No JupiterOne API key: run "Integration Lens: Set JupiterOne API Key" (kept in VS Code's secret storage), or set ${API_KEY_VARIABLE} in the project's .env.`,
      );
    }
    const fromTaskOrEnv = input.definition.account
      ? { value: input.definition.account, source: 'task' as const }
      : lookup(ACCOUNT_VARIABLE);
    if (fromTaskOrEnv) {
      account = fromTaskOrEnv.value;
      accountSource = fromTaskOrEnv.source;
    } else if (input.accountSetting) {
      account = input.accountSetting;
      accountSource = 'setting';
    }
    if (account) {
      // Through the environment rather than --account, like the key: the CLI reads both from there.
      if (accountSource !== 'environment' && accountSource !== '.env') env[ACCOUNT_VARIABLE] = account;
    } else {
      problems.push(
        `No JupiterOne account: set ${ACCOUNT_VARIABLE} in the project's .env, "account" in the task, or the integrationLens.jupiterOne.account setting.`,
      );
    }
  }

  return { env, secrets: secretValues(input, dotenv, env), apiKeySource, account, accountSource, problems };
}

/**
 * The values to mask: the API key wherever it comes from, and the value of every config field the model marks
 * `mask: true` or could not tell about. Without a model every `.env` value is masked, since any could be a secret.
 */
function secretValues(input: TaskEnvironmentInput, dotenv: Record<string, string>, env: Record<string, string>): string[] {
  const names = new Set<string>([API_KEY_VARIABLE]);
  if (input.configFields) {
    for (const field of input.configFields) if (field.mask !== false) names.add(configEnvironmentVariable(field.name));
  } else {
    for (const name of Object.keys(dotenv)) if (name !== ACCOUNT_VARIABLE) names.add(name);
  }
  const values = new Set<string>();
  for (const name of names) {
    for (const value of [env[name], dotenv[name], input.processEnv[name]]) if (value) values.add(value);
  }
  return [...values];
}
