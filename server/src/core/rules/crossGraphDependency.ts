import type { StepModel } from '../model/types';
import { indexSteps } from './stepIndex';
import type { Finding, Rule } from './types';

const DEFAULT_GRAPH = '__defaultDependencyGraph';

/** The step's dependency graph id, or undefined when it is not statically known. */
function graphOf(step: StepModel): string | undefined {
  if (!step.dependencyGraphId) return DEFAULT_GRAPH;
  return step.dependencyGraphId.kind === 'known' ? step.dependencyGraphId.value : undefined;
}

const label = (graph: string) => (graph === DEFAULT_GRAPH ? 'the default dependency graph' : `dependency graph "${graph}"`);

/**
 * The runtime splits steps by dependencyGraphId and builds each graph alone, so a dependsOn that
 * crosses graphs names a node missing from its graph: `Node does not exist: <id>`.
 */
export const crossGraphDependency: Rule = {
  codes: ['cross-graph-dependency'],
  run({ model }) {
    const index = indexSteps(model);
    const findings: Finding[] = [];
    for (const step of model.steps.items) {
      const graph = graphOf(step);
      if (graph === undefined || step.id.kind !== 'known') continue;
      for (const dep of step.dependsOn.items) {
        if (dep.kind !== 'known') continue;
        const targets = index.byId.get(dep.value);
        // The runtime keeps the first step of a duplicated id.
        const target = targets?.[0];
        if (!target) continue;
        const targetGraph = graphOf(target);
        if (targetGraph === undefined || targetGraph === graph) continue;
        findings.push({
          code: 'cross-graph-dependency',
          severity: 'error',
          range: dep.range,
          message: `Step "${step.id.value}" in ${label(graph)} depends on "${dep.value}" in ${label(targetGraph)}: each dependency graph runs on its own, so the runtime fails with "Node does not exist: ${dep.value}". Put both steps in the same dependencyGraphId, or remove this dependency.`,
          related: [{ range: target.dependencyGraphId?.range ?? target.id.range, message: `"${dep.value}" is in ${label(targetGraph)}` }],
          data: { graph, targetGraph },
        });
      }
    }
    return findings;
  },
};
