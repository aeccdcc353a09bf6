// Messages between the extension and the Integration Lens webview page, declared once for both sides. Every message
// is `{command, ...}`; each side checks what it receives with the guards below before acting on it.
import type { GraphData, SyncPreview } from '../server/src/lsp/protocol';

export type PageView =
  | { view: 'graph'; data: GraphData }
  | { view: 'syncPreview'; preview: SyncPreview & { snapshotInfo?: Record<string, unknown> }; title: string }
  /** Nothing to draw, and why (no integration model, no snapshot yet). */
  | { view: 'message'; text: string };

/** Extension → page. */
export type ToPage =
  | ({ command: 'show' } & PageView)
  /** The JSON of a node the page asked for (masked values hidden), or why there is none. */
  | { command: 'details'; id: string; text: string };

/** Page → extension. */
export type FromPage =
  | { command: 'ready' }
  | { command: 'details'; id: string }
  | { command: 'open'; id: string }
  /** After the first drawing of new data: what is on screen, for the user (status line) and for tests. */
  | { command: 'rendered'; drawnNodes: number; drawnEdges: number; totalNodes: number; totalEdges: number; clustered: boolean; ms: number };

/** What the page keeps through getState/setState (and the serializer gets back after a reload). */
export interface PageState {
  /** Which panel this is, so a restored panel knows what to ask for. */
  panel: { kind: 'collected' | 'types' | 'steps' | 'syncPreview'; root: string };
  search?: string;
  hiddenGroups?: string[];
  expandedGroups?: string[];
  /** Nodes drawn one by one although their group is drawn as one node: a search result and its neighbours. */
  pinned?: string[];
  selected?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A message from the page, or undefined when it is not one the extension understands. */
export function parseFromPage(message: unknown): FromPage | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.command) {
    case 'ready':
      return { command: 'ready' };
    case 'details':
    case 'open':
      return isString(m.id) && m.id.length < 10_000 ? { command: m.command, id: m.id } : undefined;
    case 'rendered': {
      const n = (k: string) => (typeof m[k] === 'number' && Number.isFinite(m[k]) ? (m[k] as number) : undefined);
      const [drawnNodes, drawnEdges, totalNodes, totalEdges, ms] = ['drawnNodes', 'drawnEdges', 'totalNodes', 'totalEdges', 'ms'].map(n);
      if ([drawnNodes, drawnEdges, totalNodes, totalEdges, ms].some((x) => x === undefined)) return undefined;
      return { command: 'rendered', drawnNodes: drawnNodes!, drawnEdges: drawnEdges!, totalNodes: totalNodes!, totalEdges: totalEdges!, clustered: m.clustered === true, ms: ms! };
    }
    default:
      return undefined;
  }
}

/** A message from the extension, or undefined. */
export function parseToPage(message: unknown): ToPage | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  if (m.command === 'details' && isString(m.id) && isString(m.text)) return { command: 'details', id: m.id, text: m.text };
  if (m.command === 'show' && m.view === 'graph' && m.data && typeof m.data === 'object') return m as ToPage;
  if (m.command === 'show' && m.view === 'syncPreview' && m.preview && typeof m.preview === 'object') return m as ToPage;
  if (m.command === 'show' && m.view === 'message' && isString(m.text)) return { command: 'show', view: 'message', text: m.text };
  return undefined;
}

export function parseState(state: unknown): PageState | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const s = state as Record<string, unknown>;
  const panel = s.panel as Record<string, unknown> | undefined;
  if (!panel || !isString(panel.root) || !['collected', 'types', 'steps', 'syncPreview'].includes(panel.kind as string)) return undefined;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter(isString) : undefined);
  return {
    panel: { kind: panel.kind as PageState['panel']['kind'], root: panel.root },
    search: isString(s.search) ? s.search : undefined,
    hiddenGroups: strings(s.hiddenGroups),
    expandedGroups: strings(s.expandedGroups),
    pinned: strings(s.pinned),
    selected: isString(s.selected) ? s.selected : undefined,
  };
}
