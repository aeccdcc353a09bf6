/**
 * A graph as the webview page draws it: plain data, the same shape for the collected graph, the declared types
 * and the step dependencies. `group` drives colour, filtering and clustering.
 */
export interface GraphNode {
  id: string;
  label: string;
  group: string;
  /** Shown on hover. */
  title?: string;
  /** A node that stands for something not in the graph (a mapped relationship's target). */
  placeholder?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  dashes?: boolean;
}

export type GraphKind = 'collected' | 'types' | 'steps';

export interface GraphData {
  kind: GraphKind;
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Something the page should say above the graph (incomplete data, nothing collected yet). */
  note?: string;
  /** Per node id, details to show on click (types and steps graphs; collected entities are fetched on demand). */
  details?: Record<string, unknown>;
}
