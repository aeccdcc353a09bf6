import type { GraphData, GraphNode } from './graphData';
import type { StepsView } from './stepsView';

/** The step dependency graph: steps numbered in run order, an edge from each dependency to its dependant. */
export function stepGraph(view: StepsView): GraphData {
  const ids = new Set(view.steps.map((s) => s.id));
  const nodes: GraphNode[] = view.steps.map((s, i) => ({
    id: s.id,
    label: `${i + 1}. ${s.name ?? s.id}`,
    group: s.dependencyGraphId ?? 'default',
    title: [s.id, ...s.declaredTypes].join('\n'),
  }));
  const details: Record<string, unknown> = {};
  view.steps.forEach((s, i) => {
    details[s.id] = {
      order: i + 1,
      id: s.id,
      name: s.name,
      dependsOn: s.dependsOn,
      dependencyGraphId: s.dependencyGraphId,
      entities: s.entities.map((e) => `${e.type} (${e.classes.join(', ')})`),
      relationships: s.relationships.map((r) => `${r.type}: ${r.sourceType} ${r.class} ${r.targetType}`),
      mappedRelationships: s.mappedRelationships.map((r) => `${r.type}: ${r.sourceType} ${r.class} ${r.targetType} (${r.direction})`),
    };
  });
  const edges = view.steps.flatMap((s) => s.dependsOn.filter((d) => ids.has(d)).map((d) => ({ from: d, to: s.id })));
  return {
    kind: 'steps',
    title: 'Step dependencies',
    nodes,
    edges,
    details,
    note: view.orderProblem ? `The runtime would refuse this plan: ${view.orderProblem}` : view.complete ? undefined : 'Some steps could not be determined statically.',
  };
}
