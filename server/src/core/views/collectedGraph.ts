import type { CollectedGraph } from '../collected/collection';
import type { GraphData, GraphEdge, GraphNode } from './graphData';

/**
 * The collected graph for the webview: one node per entity (id `_key`, group `_type`), one edge per relationship
 * whose endpoints were collected; a mapped relationship points at a dashed placeholder for its target `_type`.
 * Entity JSON is not included: the page asks for one entity when it is clicked.
 */
export function collectedGraphData(graph: CollectedGraph): GraphData {
  const nodes: GraphNode[] = [];
  const ids = new Set<string>();
  for (const e of graph.entities) {
    if (e.key === undefined || ids.has(e.key)) continue;
    ids.add(e.key);
    nodes.push({ id: e.key, label: e.name ?? e.key, group: e.type ?? '(no _type)', title: `${e.type ?? ''} ${e.classes.join(', ')}\n${e.key}` });
  }
  const edges: GraphEdge[] = [];
  let dangling = 0;
  const placeholders = new Set<string>();
  for (const r of graph.relationships) {
    const label = r.classes[0];
    if (r.mapped) {
      if (r.sourceEntityKey === undefined || !ids.has(r.sourceEntityKey)) {
        dangling++;
        continue;
      }
      const target = `mapped:${r.mappedTargetType ?? '?'}`;
      if (!placeholders.has(target)) {
        placeholders.add(target);
        nodes.push({ id: target, label: r.mappedTargetType ?? '(mapped target)', group: 'mapped target', placeholder: true });
      }
      const reverse = r.mappedDirection === 'REVERSE';
      edges.push({ from: reverse ? target : r.sourceEntityKey, to: reverse ? r.sourceEntityKey : target, label, dashes: true });
      continue;
    }
    if (r.fromKey === undefined || r.toKey === undefined || !ids.has(r.fromKey) || !ids.has(r.toKey)) {
      dangling++;
      continue;
    }
    edges.push({ from: r.fromKey, to: r.toKey, label });
  }
  const notes: string[] = [];
  if (!graph.files && !graph.summary) notes.push('Nothing collected yet: run the collect task.');
  if (graph.unreadableFiles) notes.push(`${graph.unreadableFiles} graph file(s) could not be read (see Problems).`);
  if (dangling) notes.push(`${dangling} relationship(s) not drawn: an endpoint is not in the collection.`);
  return { kind: 'collected', title: 'Collected graph', nodes, edges, note: notes.join(' ') || undefined };
}
