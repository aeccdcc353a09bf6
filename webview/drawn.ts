// What the graph page draws, as pure functions of the data and the page state (no DOM, no vis-network instance):
// unit-tested in plain Node.
import type { GraphData, GraphNode } from '../server/src/lsp/protocol';
import type { PageState } from './protocol';

/** The parts of vis-network's Node and Edge that the page sets (declared here: this module runs in Node too). */
export interface Node {
  id: string;
  label: string;
  title?: string;
  shape?: string;
  color?: { background: string; border: string };
  font?: { color: string };
  shapeProperties?: { borderDashes: number[] };
}

export interface Edge {
  /** vis-network's DataSet keys items by id; edges get one generated. */
  id?: string;
  from: string;
  to: string;
  label?: string;
  dashes?: boolean;
  width?: number;
}

/** More nodes than this are not drawn one by one: groups (`_type`) are drawn as one node each until expanded. */
export const DRAW_LIMIT = 1500;
/** How many neighbours of a search result are drawn with it when its group stays one node. */
export const PINNED_NEIGHBOURS = 50;

// ---- colours: one per group, stable, readable on dark and light themes
/** FNV-1a, spread by the golden angle so that similar names (acme_type_1, acme_type_2) get distant hues. */
const hue = (s: string) => Math.round(([...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261) * 137.508) % 360);
export const colorOf = (group: string) => `hsl(${hue(group)}, 55%, 55%)`;

// ---- what to draw
export interface Drawn {
  nodes: Node[];
  edges: Edge[];
  clustered: boolean;
}

export function groupsOf(data: GraphData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of data.nodes) counts.set(n.group, (counts.get(n.group) ?? 0) + 1);
  return counts;
}

function toVisNode(n: GraphNode): Node {
  const color = n.placeholder ? { background: 'transparent', border: colorOf(n.group) } : { background: colorOf(n.group), border: colorOf(n.group) };
  const node: Node = { id: n.id, label: n.label.length > 40 ? n.label.slice(0, 39) + '…' : n.label, title: n.title, color };
  if (n.placeholder) node.shapeProperties = { borderDashes: [4, 4] };
  return node;
}

/** Whether this many visible nodes are drawn grouped (one node per group not expanded). */
export function isClustered(visibleNodes: number): boolean {
  return visibleNodes > DRAW_LIMIT;
}

/**
 * The nodes and edges to draw: every visible node when few enough, else one node per group not expanded, plus the
 * pinned nodes (a search result and its neighbours) one by one.
 */
export function chooseDrawn(data: GraphData, state: Pick<PageState, 'hiddenGroups' | 'expandedGroups' | 'pinned'>): Drawn {
  const hidden = new Set(state.hiddenGroups ?? []);
  const visible = data.nodes.filter((n) => !hidden.has(n.group));
  const expanded = new Set(state.expandedGroups ?? []);
  const pinned = new Set(state.pinned ?? []);
  const clustered = isClustered(visible.length);
  const placeOf = new Map<string, string>();
  const nodes: Node[] = [];
  const clusterCounts = new Map<string, number>();
  for (const n of visible) {
    if (!clustered || expanded.has(n.group) || pinned.has(n.id)) {
      placeOf.set(n.id, n.id);
      nodes.push(toVisNode(n));
    } else {
      placeOf.set(n.id, `group:${n.group}`);
      clusterCounts.set(n.group, (clusterCounts.get(n.group) ?? 0) + 1);
    }
  }
  for (const [group, count] of clusterCounts) {
    nodes.push({ id: `group:${group}`, label: `${group}\n${count}`, shape: 'box', color: { background: colorOf(group), border: colorOf(group) }, title: `${count} of ${group}: double-click to expand`, font: { color: '#000' } });
  }
  const edges: Edge[] = [];
  const aggregated = new Map<string, { from: string; to: string; count: number; label?: string }>();
  for (const e of data.edges) {
    const from = placeOf.get(e.from);
    const to = placeOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    if (from.startsWith('group:') || to.startsWith('group:')) {
      const id = `${from}\0${to}\0${e.label ?? ''}`;
      const a = aggregated.get(id) ?? { from, to, count: 0, label: e.label };
      a.count++;
      aggregated.set(id, a);
    } else {
      edges.push({ from, to, label: e.label, dashes: e.dashes });
    }
  }
  for (const a of aggregated.values()) edges.push({ from: a.from, to: a.to, label: `${a.label ?? ''} ×${a.count}`.trim(), width: Math.min(6, 1 + Math.log10(a.count)) });
  return { nodes, edges, clustered };
}

/** The nodes an edge joins to `id`, in visible groups, at most PINNED_NEIGHBOURS. */
export function neighbours(data: GraphData, id: string, hidden: Set<string>): string[] {
  const groupOf = new Map(data.nodes.map((n) => [n.id, n.group]));
  const found = new Set<string>();
  for (const e of data.edges) {
    if (found.size >= PINNED_NEIGHBOURS) break;
    const other = e.from === id ? e.to : e.to === id ? e.from : undefined;
    if (other === undefined || other === id) continue;
    const group = groupOf.get(other);
    if (group !== undefined && !hidden.has(group)) found.add(other);
  }
  return [...found];
}
