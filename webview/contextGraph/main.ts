// The context-graph import preview page: renders the graph the server computed (it never analyses anything).
// Self-contained so that it can later move onto the generic graph page of the webview folder.
import { DataSet } from 'vis-data';
import { Network, type Edge, type Node, type Options } from 'vis-network';
import 'vis-network/styles/vis-network.css';
import './contextGraph.css';
import type { ContextGraphPreview } from '../../server/src/core/contextGraph/preview';

interface State {
  preview?: ContextGraphPreview;
  positions?: Record<string, { x: number; y: number }>;
  view?: { scale: number; position: { x: number; y: number } };
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): State | undefined; setState(state: State): void };
const vscode = acquireVsCodeApi();

/** Entity types, coloured as the legend says. */
export const TYPE_COLORS: Record<string, string> = {
  connector: '#7e57c2',
  component: '#1e88e5',
  resource: '#43a047',
  service: '#fb8c00',
  watcher: '#fb8c00',
  unknown: '#9e9e9e',
};

const STATUS_TEXT: Record<string, string> = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  unchanged: 'unchanged',
  assumed: 'assumed to exist',
};

let network: Network | undefined;
let state: State = vscode.getState() ?? {};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function renderHeader(preview: ContextGraphPreview): void {
  const header = document.getElementById('header')!;
  header.replaceChildren();
  const stats = element('div', undefined, 'stats');
  stats.id = 'stats';
  stats.textContent = preview.stats ? `stats: updated ${preview.stats.updated}, deleted ${preview.stats.deleted}` : 'not checked';
  header.append(stats);
  const verdict = element('div', undefined, preview.abort ? 'verdict failed' : 'verdict done');
  verdict.id = 'verdict';
  verdict.textContent = preview.abort
    ? `Canopsis would fail this import (${preview.errors} error${preview.errors === 1 ? '' : 's'}): ${preview.abort.message}`
    : `Canopsis would apply this import${preview.warnings ? ` (${preview.warnings} warning${preview.warnings === 1 ? '' : 's'})` : ''}.`;
  header.append(verdict);
  if (!preview.baseGraph) header.append(element('div', 'No base graph (integrationLens.contextGraph.baseGraph): entities the import does not create are assumed to exist.', 'note'));
  if (preview.omitted) header.append(element('div', `${preview.omitted} unchanged entities not shown.`, 'note'));
  const legend = element('div', undefined, 'legend');
  legend.id = 'legend';
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    if (type === 'watcher') continue;
    const item = element('span', type, 'legend-item');
    item.style.borderColor = color;
    legend.append(item);
  }
  legend.append(element('span', 'dashed: created', 'legend-item created'), element('span', 'faded: deleted', 'legend-item deleted'));
  header.append(legend);
}

function render(preview: ContextGraphPreview, restore: boolean): void {
  renderHeader(preview);
  const container = document.getElementById('graph')!;
  container.dataset.nodes = String(preview.nodes.length);
  container.dataset.edges = String(preview.edges.length);
  const positions = restore ? state.positions : undefined;
  // The canvas cannot read CSS variables: resolve the theme's colour once.
  const foreground = getComputedStyle(document.body).getPropertyValue('--vscode-editor-foreground').trim() || '#333333';
  const nodes = new DataSet<Node>(
    preview.nodes.map((n) => {
      const color = TYPE_COLORS[n.type ?? 'unknown'] ?? TYPE_COLORS.unknown;
      const deleted = n.status === 'deleted';
      return {
        id: n.id,
        label: n.name && n.name !== n.id ? `${n.id}\n${n.name}` : n.id,
        title: `${n.id} (${n.type ?? 'unknown type'}): ${STATUS_TEXT[n.status]}${n.enabled === false ? ', disabled' : ''}`,
        color: { background: deleted ? '#eeeeee' : color, border: color },
        font: { color: deleted ? '#9e9e9e' : foreground },
        shapeProperties: { borderDashes: n.status === 'created' ? [4, 4] : false },
        borderWidth: n.status === 'unchanged' ? 1 : 3,
        opacity: deleted ? 0.5 : 1,
        ...(positions?.[n.id] ? { x: positions[n.id].x, y: positions[n.id].y } : {}),
      };
    }),
  );
  const edges = new DataSet<Edge>(preview.edges.map((e, i) => ({ id: i, from: e.from, to: e.to, arrows: 'to', title: `${e.from} impacts ${e.to}` })));
  const options: Options = {
    nodes: { shape: 'dot', size: 12, font: { size: 12, multi: false } },
    edges: { color: { color: '#888888' }, smooth: false },
    physics: positions ? false : { stabilization: { iterations: Math.min(300, 50 + preview.nodes.length), fit: true }, barnesHut: { springLength: 120 } },
    interaction: { hover: true, tooltipDelay: 150 },
  };
  network?.destroy();
  network = new Network(container, { nodes, edges }, options);
  const save = () => {
    if (!network) return;
    state = { ...state, positions: network.getPositions() as State['positions'], view: { scale: network.getScale(), position: network.getViewPosition() } };
    vscode.setState(state);
  };
  network.once('stabilized', () => {
    network?.setOptions({ physics: false });
    save();
  });
  network.on('dragEnd', save);
  network.on('zoom', save);
  if (restore && state.view) network.moveTo({ scale: state.view.scale, position: state.view.position });
  document.body.dataset.ready = 'true';
}

window.addEventListener('message', (event: MessageEvent<{ type: string; preview?: ContextGraphPreview } | null>) => {
  if (event.data?.type !== 'preview' || !event.data.preview) return;
  const same = state.preview?.file === event.data.preview.file && state.preview.nodes.length === event.data.preview.nodes.length;
  state = { ...(same ? state : {}), preview: event.data.preview };
  vscode.setState(state);
  render(event.data.preview, same);
});

// A restored panel (VS Code reloaded, tab moved) draws its last graph at once, then asks for a fresh one.
if (state.preview) render(state.preview, true);
vscode.postMessage({ type: 'ready' });
