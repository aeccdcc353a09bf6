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
        const sameObject = step.range.file === first.range.file && step.range.start === first.range.start && step.listedAt && first.listedAt;
        if (sameObject) {
          // One step object listed twice: the second entry is ignored, the step itself still runs.
          findings.push({
            code: 'duplicate-step-id',
            severity: 'warning',
            range: step.listedAt!,
            message: `Step "${id}" is listed twice in integrationSteps: the runtime ignores this second entry. Remove it.`,
            related: [{ range: first.listedAt!, message: `step "${id}" is first listed here` }],
            data: { id },
          });
          continue;
        }
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
