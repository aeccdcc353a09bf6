import type { InvocationHooks } from '../model/types';
import { IMPLICIT_CONFIG_FIELDS } from '../sdk/configEnvironment';
import type { Finding, Rule } from './types';

/** Hooks that receive the instance config: any of them may read a field the steps never read. */
const CONFIG_HOOKS: Array<keyof InvocationHooks> = [
  'validateInvocation',
  'getStepStartStates',
  'loadExecutionConfig',
  'beforeAddEntity',
  'beforeAddRelationship',
  'executionHandlerWrapper',
];

/**
 * A declared config field nothing reads. Only claimed when every read is accounted for: all steps
 * known, each handler's effects complete (config never escaping to code the analysis does not
 * follow), and no hook that receives the config (their bodies are not analysed for config reads).
 * The SDK's implicit agent fields are read by its HTTP client, never by the integration.
 */
export const unusedConfigField: Rule = {
  codes: ['unused-config-field'],
  run(context) {
    const { model } = context;
    const fields = model.instanceConfigFields;
    if (!fields?.items.length || !model.steps.complete) return [];
    if (CONFIG_HOOKS.some((hook) => model.hooks[hook] !== undefined)) return [];
    const read = new Set<string>();
    for (const step of model.steps.items) {
      if (step.executionHandler?.kind !== 'function') return [];
      const effects = context.effects(step);
      if (!effects.complete || !effects.configComplete) return [];
      for (const r of effects.configReads) read.add(r.name);
    }
    const findings: Finding[] = [];
    for (const field of fields.items) {
      if (read.has(field.name) || IMPLICIT_CONFIG_FIELDS.includes(field.name)) continue;
      findings.push({
        code: 'unused-config-field',
        severity: 'information',
        range: field.range,
        message: `The config field "${field.name}" is declared in instanceConfigFields, but no step or hook reads it (and j1-integration still requires its .env variable unless it is optional). Remove it, or read it where it is needed.`,
        data: { field: field.name },
      });
    }
    return findings;
  },
};
