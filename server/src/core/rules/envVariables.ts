import * as path from 'node:path';
import type { SourceRange } from '../model/types';
import { parseEnvFile, type EnvFile } from '../project/envFile';
import { configEnvironmentVariable, IMPLICIT_CONFIG_FIELDS, isToolingVariable, SDK_ENVIRONMENT_VARIABLES } from '../sdk/configEnvironment';
import { projectEnvReads } from './projectEnvReads';
import { closest } from './suggest';
import type { Finding, Rule } from './types';

/**
 * The project's `.env` against its instanceConfigFields, as j1-integration reads it (dotenv loads
 * `.env` from the folder it runs in, then each field's variable is `snakeCase(name).toUpperCase()`):
 * - missing-env-variable: a required field whose variable the file does not set; collect and run
 *   then fail with `Expected environment variable "X" for config field "y" to be set.` unless the
 *   shell sets it, hence a warning. Optional fields are skipped: SDKs before `optional` existed still
 *   require them, but an optional field missing is never certain to fail.
 * - unknown-env-variable: a variable no field, the SDK, the project's code (`process.env.X`, its
 *   tests' setup included), another variable's `${X}`, Node or a cloud SDK (by prefix) uses: usually a
 *   misspelt field variable.
 * Nothing is said without a `.env` file.
 */
export const envVariables: Rule = {
  codes: ['missing-env-variable', 'unknown-env-variable'],
  run(context) {
    const { model, host } = context;
    const fields = model.instanceConfigFields;
    if (!fields) return [];
    const envPath = path.join(model.projectPath, '.env');
    const text = host.readFile(envPath);
    if (text === undefined) return [];
    const env = parseEnvFile(text);
    const findings: Finding[] = [];
    const expected = new Map(fields.items.map((f) => [configEnvironmentVariable(f.name), f]));

    for (const [variable, field] of expected) {
      if (env.names.has(variable) || (field.optional && (field.optional.kind !== 'known' || field.optional.value))) continue;
      findings.push({
        code: 'missing-env-variable',
        severity: 'warning',
        range: firstLine(envPath, text),
        message: `.env does not set ${variable} for the required config field "${field.name}": j1-integration collect fails with 'Expected environment variable "${variable}" for config field "${field.name}" to be set.' unless the environment sets it. Add ${variable}= to .env, or make the field optional.`,
        related: [{ range: field.range, message: `config field "${field.name}"` }],
        fixes: [{ title: `Add ${variable} to .env`, edits: [{ range: { file: envPath, start: text.length, end: text.length }, newText: `${text.length && !text.endsWith('\n') ? '\n' : ''}${variable}=\n` }], preferred: true }],
        data: { variable, field: field.name },
      });
    }

    if (!fields.complete) return findings;
    const known = new Set([...expected.keys(), ...IMPLICIT_CONFIG_FIELDS.map(configEnvironmentVariable), ...SDK_ENVIRONMENT_VARIABLES, ...expandedNames(env)]);
    let codeReads: Set<string> | undefined;
    for (const assignment of env.assignments) {
      if (known.has(assignment.name) || isToolingVariable(assignment.name)) continue;
      codeReads ??= projectEnvReads(model, host);
      if (codeReads.has(assignment.name)) continue;
      const suggestion = closest(assignment.name, expected.keys());
      const range = { file: envPath, start: assignment.start, end: assignment.end };
      const finding: Finding = {
        code: 'unknown-env-variable',
        severity: 'information',
        range,
        message:
          `${assignment.name} matches no config field, and neither the SDK nor this integration's code reads it.` +
          (suggestion
            ? ` Did you mean ${suggestion} (config field "${expected.get(suggestion)!.name}")?`
            : ` Config fields read ${[...expected.keys()].join(', ') || 'no variables (none is declared)'}.`),
        data: { variable: assignment.name, suggestion },
      };
      if (suggestion && !env.names.has(suggestion)) {
        finding.fixes = [{ title: `Rename to ${suggestion}`, edits: [{ range, newText: suggestion }], preferred: true }];
        finding.related = [{ range: expected.get(suggestion)!.range, message: `config field "${expected.get(suggestion)!.name}"` }];
      }
      findings.push(finding);
    }
    return findings;
  },
};

/** The first line of the file: where a finding about the file as a whole points. */
function firstLine(file: string, text: string): SourceRange {
  const end = text.indexOf('\n');
  return { file, start: 0, end: end === -1 ? text.length : end };
}

/** Variables other values expand (`${X}`, `$X`: dotenv-expand runs on .env): in use. */
function expandedNames(env: EnvFile): string[] {
  const names: string[] = [];
  for (const a of env.assignments) for (const m of a.value.matchAll(/\$\{?([A-Za-z_][\w]*)/g)) names.push(m[1]);
  return names;
}
