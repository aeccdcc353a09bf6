import type { GraphData, GraphEdge, GraphNode } from './graphData';
import type { StepsView } from './stepsView';

/**
 * The declared types as `j1-integration visualize-types` draws them: one node per entity `_type`, an edge per
 * relationship (source to target, labelled with its `_class`), mapped relationships dashed towards a dashed
 * placeholder for their target type (reversed for REVERSE), from the static model instead of running the code.
 */
export function typesGraph(view: StepsView): GraphData {
  const nodes = new Map<string, GraphNode>();
  const details: Record<string, { type: string; classes: string[]; steps: string[]; resourceName?: string }> = {};
  const edges: GraphEdge[] = [];
  const seenEdges = new Set<string>();
  for (const step of view.steps) {
    for (const e of step.entities) {
      if (!nodes.has(e.type)) nodes.set(e.type, { id: e.type, label: e.type, group: e.classes[0] ?? 'Entity', title: e.classes.join(', ') });
      const d = (details[e.type] ??= { type: e.type, classes: e.classes, steps: [], resourceName: e.resourceName });
      if (!d.steps.includes(step.id)) d.steps.push(step.id);
    }
  }
  const addEdge = (edge: GraphEdge) => {
    const id = `${edge.from}\0${edge.to}\0${edge.label}\0${edge.dashes}`;
    if (seenEdges.has(id)) return;
    seenEdges.add(id);
    edges.push(edge);
  };
  const placeholders = new Map<string, GraphNode>();
  for (const step of view.steps) {
    for (const r of step.relationships) {
      if (!r.sourceType || !r.targetType) continue;
      addEdge({ from: r.sourceType, to: r.targetType, label: r.class });
    }
    for (const r of step.mappedRelationships) {
      if (!r.sourceType || !r.targetType) continue;
      if (!placeholders.has(r.targetType)) placeholders.set(r.targetType, { id: r.targetType, label: r.targetType, group: 'mapped target', placeholder: true });
      const reverse = r.direction === 'REVERSE';
      addEdge({ from: reverse ? r.targetType : r.sourceType, to: reverse ? r.sourceType : r.targetType, label: r.class, dashes: true });
    }
  }
  // Endpoints named by relationships but declared by no step still need a node to draw the edge.
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      if (!nodes.has(end) && !placeholders.has(end)) placeholders.set(end, { id: end, label: end, group: 'undeclared', placeholder: true });
    }
  }
  for (const [id, node] of placeholders) if (!nodes.has(id)) nodes.set(id, node);
  return {
    kind: 'types',
    title: 'Declared types',
    nodes: [...nodes.values()],
    edges,
    details,
    note: view.complete ? undefined : 'Some steps could not be determined statically: types they declare may be missing.',
  };
}
