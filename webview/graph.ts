// The Integration Lens webview page: draws a graph (collected data, declared types, step dependencies) or the sync
// preview table from the data the extension posts. It computes nothing about the integration: it filters, groups
// and searches what it was given. vis-network is bundled into this file (no CDN).
import { DataSet } from 'vis-data/peer';
import { Network, type Edge, type Node, type Options } from 'vis-network/peer';
import 'vis-network/styles/vis-network.min.css';
import './graph.css';
import type { GraphData, SyncPreview } from '../server/src/lsp/protocol';
import { chooseDrawn, colorOf, groupsOf, isClustered, neighbours } from './drawn';
import { parseState, parseToPage, type FromPage, type PageState } from './protocol';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const initial = document.body.dataset.panel ? (JSON.parse(document.body.dataset.panel) as PageState['panel']) : undefined;
let state: PageState = parseState(vscode.getState()) ?? { panel: initial ?? { kind: 'collected', root: '' } };
let graph: GraphData | undefined;
let network: Network | undefined;
let shownAt = 0;
const save = () => vscode.setState(state);
save();

const app = document.getElementById('app')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string | HTMLElement)[] = []): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) e.append(c as HTMLElement | string);
  return e;
}

const foreground = () => getComputedStyle(document.body).getPropertyValue('--vscode-editor-foreground').trim() || '#ccc';

function options(data: GraphData, count: number): Options {
  const font = { color: foreground(), size: 12, strokeWidth: 0 };
  const base: Options = {
    autoResize: true,
    nodes: { shape: 'dot', size: 12, font },
    edges: { arrows: 'to', font: { ...font, size: 10, align: 'middle' }, color: { color: '#888', highlight: '#6647ff' }, smooth: count < 300 },
    interaction: { hover: true, tooltipDelay: 300, hideEdgesOnDrag: count > 500 },
  };
  if (data.kind === 'steps') {
    return { ...base, nodes: { ...base.nodes, shape: 'box' }, layout: { hierarchical: { direction: 'LR', sortMethod: 'directed', levelSeparation: 220 } }, physics: false };
  }
  return {
    ...base,
    layout: { improvedLayout: count <= 150 },
    physics: { solver: 'forceAtlas2Based', stabilization: { iterations: count > 500 ? 50 : 150, updateInterval: 50 } },
  };
}

// ---- rendering
function header(title: string, note?: string): HTMLElement {
  const status = element('span', { id: 'status' });
  const box = element('div', {}, [element('header', {}, [element('h1', { textContent: title }), status])]);
  if (note) box.append(element('div', { className: 'note', textContent: note }));
  return box;
}

function setStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function showDetails(title: string, text: string, openable: boolean): void {
  const aside = document.getElementById('details');
  if (!aside) return;
  aside.replaceChildren(element('h3', { textContent: title }));
  if (openable) {
    const id = title;
    aside.append(element('button', { textContent: 'Go to source', onclick: () => vscode.postMessage({ command: 'open', id }) }));
  }
  aside.append(element('pre', { textContent: text }));
}

function renderGraph(data: GraphData): void {
  graph = data;
  network?.destroy();
  network = undefined;
  const search = element('input', { id: 'search', placeholder: data.kind === 'collected' ? 'Search _key or name (Enter)' : 'Search (Enter)', value: state.search ?? '' });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') find(search.value);
  });
  const top = header(data.title, data.note);
  top.querySelector('header')!.insertBefore(search, top.querySelector('#status'));
  const groups = element('div', { id: 'groups' });
  const container = element('div', { id: 'network' });
  const aside = element('aside', { id: 'details' }, [element('p', { textContent: 'Click a node to see its details.' })]);
  app.replaceChildren(top, element('main', {}, [groups, container, aside]));
  draw();
}

function renderGroups(data: GraphData, clustered: boolean): void {
  const box = document.getElementById('groups')!;
  const hidden = new Set(state.hiddenGroups ?? []);
  const expanded = new Set(state.expandedGroups ?? []);
  box.replaceChildren(element('strong', { textContent: data.kind === 'collected' ? '_type' : 'group' }));
  for (const [group, count] of [...groupsOf(data)].sort((a, b) => b[1] - a[1])) {
    const checkbox = element('input', { type: 'checkbox', checked: !hidden.has(group) });
    checkbox.addEventListener('change', () => {
      const set = new Set(state.hiddenGroups ?? []);
      if (checkbox.checked) set.delete(group);
      else set.add(group);
      state = { ...state, hiddenGroups: [...set] };
      save();
      draw();
    });
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = colorOf(group);
    const label = element('label', { title: `${group} (${count})` }, [checkbox, swatch, element('span', { className: 'name', textContent: `${group} (${count})` })]);
    if (clustered && !hidden.has(group)) {
      label.append(element('button', { textContent: expanded.has(group) ? 'collapse' : 'expand', onclick: () => toggleExpanded(group) }));
    }
    box.append(label);
  }
}

function toggleExpanded(group: string): void {
  const set = new Set(state.expandedGroups ?? []);
  if (set.has(group)) set.delete(group);
  else set.add(group);
  state = { ...state, expandedGroups: [...set] };
  save();
  draw();
}

function draw(): void {
  const data = graph;
  if (!data) return;
  const container = document.getElementById('network')!;
  const started = shownAt || performance.now();
  const drawn = chooseDrawn(data, state);
  renderGroups(data, drawn.clustered);
  network?.destroy();
  network = new Network(container, { nodes: new DataSet(drawn.nodes), edges: new DataSet(drawn.edges) }, options(data, drawn.nodes.length));
  let reported = false;
  network.once('afterDrawing', () => {
    if (reported) return;
    reported = true;
    const ms = Math.round(performance.now() - started);
    shownAt = 0;
    Object.assign(document.body.dataset, {
      renderedNodes: String(drawn.nodes.length),
      renderedEdges: String(drawn.edges.length),
      totalNodes: String(data.nodes.length),
      totalEdges: String(data.edges.length),
      clustered: String(drawn.clustered),
      renderMs: String(ms),
    });
    setStatus(`${data.nodes.length} nodes, ${data.edges.length} edges${drawn.clustered ? `; ${drawn.nodes.length} drawn (grouped by ${data.kind === 'collected' ? '_type' : 'group'})` : ''}`);
    vscode.postMessage({ command: 'rendered', drawnNodes: drawn.nodes.length, drawnEdges: drawn.edges.length, totalNodes: data.nodes.length, totalEdges: data.edges.length, clustered: drawn.clustered, ms });
  });
  network.on('click', (params: { nodes: (string | number)[] }) => {
    const id = params.nodes[0];
    if (id === undefined) return;
    showNode(String(id));
  });
  network.on('doubleClick', (params: { nodes: (string | number)[] }) => {
    const id = params.nodes[0] === undefined ? undefined : String(params.nodes[0]);
    if (id?.startsWith('group:')) toggleExpanded(id.slice('group:'.length));
    else if (id && data.kind !== 'types') vscode.postMessage({ command: 'open', id });
  });
  if (state.selected && drawn.nodes.some((n) => n.id === state.selected)) {
    network.selectNodes([state.selected]);
    showNode(state.selected);
  }
}

/** Shows a node's details: a group's size, the details the data carries, or the entity JSON fetched from the extension. */
function showNode(id: string): void {
  const data = graph;
  if (!data) return;
  state = { ...state, selected: id };
  save();
  if (id.startsWith('group:')) {
    const group = id.slice('group:'.length);
    showDetails(group, `${groupsOf(data).get(group) ?? 0} nodes. Double-click (or "expand") to draw them one by one.`, false);
    return;
  }
  const known = data.details?.[id];
  if (known !== undefined) showDetails(id, JSON.stringify(known, null, 2), data.kind === 'steps');
  else if (data.kind === 'collected' && !id.startsWith('mapped:')) {
    showDetails(id, 'Loading…', false);
    vscode.postMessage({ command: 'details', id });
  } else showDetails(id, data.nodes.find((n) => n.id === id)?.title ?? id, false);
}

function find(query: string): void {
  const data = graph;
  if (!data) return;
  state = { ...state, search: query };
  save();
  const q = query.trim().toLowerCase();
  if (!q) return;
  const matches = data.nodes.filter((n) => n.id.toLowerCase().includes(q) || n.label.toLowerCase().includes(q));
  document.body.dataset.searchMatches = String(matches.length);
  if (!matches.length) {
    setStatus(`No node matches "${query}".`);
    return;
  }
  const first = matches.find((n) => n.id.toLowerCase() === q) ?? matches[0];
  const hidden = new Set(state.hiddenGroups ?? []);
  if (hidden.has(first.group)) hidden.delete(first.group);
  const clustered = isClustered(data.nodes.filter((n) => !hidden.has(n.group)).length);
  // In a grouped graph the result is drawn with its neighbours, its group staying one node: expanding a _type of
  // thousands of entities to show one of them took seconds.
  const grouped = clustered && !(state.expandedGroups ?? []).includes(first.group);
  const pinned = grouped ? [first.id, ...neighbours(data, first.id, hidden)] : [];
  state = { ...state, hiddenGroups: [...hidden], pinned, selected: first.id };
  save();
  draw();
  network?.selectNodes([first.id]);
  network?.focus(first.id, { scale: 1.2, animation: false });
  showNode(first.id);
  const around = pinned.length > 1 ? ` with ${pinned.length - 1} neighbour${pinned.length === 2 ? '' : 's'}` : '';
  setStatus(`${matches.length} match${matches.length === 1 ? '' : 'es'} for "${query}"; showing ${first.id}${around}.`);
}

// ---- sync preview
function renderSyncPreview(title: string, preview: SyncPreview & { snapshotInfo?: Record<string, unknown> }): void {
  graph = undefined;
  network?.destroy();
  network = undefined;
  const info = preview.snapshotInfo;
  const notes: string[] = [];
  if (info?.syncedAt) notes.push(`Compared with the snapshot of the ${String(info.command ?? 'sync')} at ${String(info.syncedAt)}.`);
  if (preview.incomplete) notes.push('Some graph files could not be read: the counts miss their objects.');
  if (preview.skipped) notes.push(`${preview.skipped} object(s) without _key or _type are left out.`);
  const row = (name: string, t: Pick<SyncPreview['types'][number], 'entities' | 'relationships'>, partial: boolean, className = '') => {
    const cells = [element('td', { textContent: name })];
    for (const side of [t.entities, t.relationships]) {
      cells.push(element('td', { className: 'created', textContent: String(side.created) }));
      cells.push(element('td', { className: 'updated', textContent: String(side.updated) }));
      cells.push(element('td', { className: 'deleted', textContent: String(side.deleted) + (side.keptPartial ? ` (${side.keptPartial} kept)` : '') }));
    }
    cells.push(element('td', { textContent: partial ? 'partial: no deletes' : '' }));
    return element('tr', { className }, cells);
  };
  const head = element('thead', {}, [
    element('tr', {}, [element('th', { textContent: '' }), element('th', { colSpan: 3, textContent: 'Entities' }), element('th', { colSpan: 3, textContent: 'Relationships' }), element('th', { textContent: '' })]),
    element('tr', {}, ['_type', 'created', 'updated', 'deleted', 'created', 'updated', 'deleted', ''].map((t) => element('th', { textContent: t }))),
  ]);
  const body = element('tbody', {}, preview.types.map((t) => row(t.type, t, t.partial)));
  body.append(row('Total', preview.totals, false, 'total'));
  const table = element('table', { id: 'sync-preview' }, [head, body]);
  app.replaceChildren(header(title, notes.join(' ') || undefined), table);
  document.body.dataset.syncTypes = String(preview.types.length);
  setStatus(`${preview.types.length} types`);
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToPage(event.data);
  if (!message) return;
  if (message.command === 'details') {
    if (state.selected === message.id) showDetails(message.id, message.text, true);
    return;
  }
  shownAt = performance.now();
  if (message.view === 'graph') renderGraph(message.data);
  else if (message.view === 'syncPreview') renderSyncPreview(message.title, message.preview);
  else {
    graph = undefined;
    network?.destroy();
    network = undefined;
    app.replaceChildren(element('p', { id: 'message', textContent: message.text }));
  }
});

app.replaceChildren(element('p', { textContent: 'Loading…' }));
vscode.postMessage({ command: 'ready' });
