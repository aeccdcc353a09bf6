import { replaceStringLiteral } from './edits';
import { indexSteps } from './stepIndex';
import { closest } from './suggest';
import type { Finding, Rule } from './types';

/** A dependsOn entry naming no step: the runtime fails with `Node does not exist: <id>`. */
export const unknownDependency: Rule = {
  codes: ['unknown-dependency'],
  run({ model, text }) {
    const index = indexSteps(model);
    // An unresolved step id could be the one named: then "no such step" is not certain.
    if (!index.allIdsKnown) return [];
    const findings: Finding[] = [];
    for (const step of model.steps.items) {
      for (const dep of step.dependsOn.items) {
        if (dep.kind !== 'known' || index.byId.has(dep.value)) continue;
        const suggestion = closest(dep.value, index.ids);
        const stepName = step.id.kind === 'known' ? `Step "${step.id.value}"` : 'This step';
        const finding: Finding = {
          code: 'unknown-dependency',
          severity: 'error',
          range: dep.range,
          message:
            `${stepName} depends on "${dep.value}", which is not a step of this integration: the runtime fails with "Node does not exist: ${dep.value}".` +
            (suggestion ? ` Did you mean "${suggestion}"?` : ' Remove the entry or add the step.'),
          data: { missing: dep.value, suggestion },
        };
        if (suggestion) {
          const target = index.byId.get(suggestion)?.[0];
          if (target) finding.related = [{ range: target.id.range, message: `step "${suggestion}"` }];
          const edit = replaceStringLiteral(dep, suggestion, text);
          if (edit) finding.fixes = [{ title: `Change to "${suggestion}"`, edits: [edit], preferred: true }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};
