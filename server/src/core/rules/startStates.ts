import { appendToLiteral } from './insertProperty';
import { indexSteps } from './stepIndex';
import type { Finding, Rule } from './types';

/**
 * getStepStartStates must return a state for every step and only for steps; the runtime checks
 * with `Unknown steps found in start states: "x"` and `Start states not found for: "x"`.
 */
export const startStates: Rule = {
  codes: ['start-state-unknown-step', 'start-state-missing'],
  run(context) {
    const { model } = context;
    if (model.hooks.getStepStartStates?.kind !== 'function') return [];
    const returns = context.startStates();
    if (!returns) return [];
    const index = indexSteps(model);
    const findings: Finding[] = [];
    for (const result of returns) {
      const listed = new Set(result.keys.map((k) => k.id));
      if (index.allIdsKnown) {
        for (const key of result.keys) {
          if (index.byId.has(key.id)) continue;
          findings.push({
            code: 'start-state-unknown-step',
            severity: 'error',
            range: key.range,
            message: `getStepStartStates returns a state for "${key.id}", which is not a step: the runtime fails with 'Unknown steps found in start states: "${key.id}"'. Remove it or fix the step id.`,
            data: { id: key.id },
          });
        }
      }
      if (!result.complete) continue;
      const missing = index.ids.filter((id) => !listed.has(id));
      if (!missing.length) continue;
      const quoted = missing.map((id) => `"${id}"`).join(', ');
      const edits = appendToLiteral(result.range, missing.map((id) => `'${id}': { disabled: false }`), context.text);
      findings.push({
        fixes: edits ? [{ title: `Add ${missing.length === 1 ? `a start state for "${missing[0]}"` : `start states for ${missing.length} steps`}`, edits, preferred: true }] : undefined,
        code: 'start-state-missing',
        severity: 'error',
        range: result.range,
        message: `getStepStartStates does not return a state for ${quoted}: the runtime fails with 'Start states not found for: ${quoted}'. Add ${missing.length === 1 ? 'it' : 'them'} (e.g. \`[${missing.length === 1 ? `'${missing[0]}'` : '...'}]: { disabled: false }\`).`,
        related: missing.map((id) => ({ range: index.byId.get(id)![0].id.range, message: `step "${id}"` })),
        data: { missing },
      });
    }
    return findings;
  },
};
