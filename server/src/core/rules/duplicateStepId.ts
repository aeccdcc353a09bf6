import { indexSteps } from './stepIndex';
import type { Finding, Rule } from './types';

/**
 * Two steps with one id: dependency-graph's addNode ignores the second node, so the runtime keeps the
 * first step and silently drops the later one (its handler never runs).
 */
export const duplicateStepId: Rule = {
  codes: ['duplicate-step-id'],
  run({ model }) {
    const findings: Finding[] = [];
    for (const [id, steps] of indexSteps(model).byId) {
      const [first, ...later] = steps;
      for (const step of later) {
        findings.push({
          code: 'duplicate-step-id',
          severity: 'error',
          range: step.id.range,
          message: `Duplicate step id "${id}": the runtime keeps the first step with this id and silently drops this one, so its handler never runs. Give this step a unique id.`,
          related: [{ range: first.id.range, message: `first step with id "${id}"` }],
          data: { id },
        });
      }
    }
    return findings;
  },
};
