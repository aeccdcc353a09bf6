// One webview panel kind for the three graphs and the sync preview: the page (webview/graph.ts, bundled into
// dist/webview/) draws what this class posts. It owns its disposables, restricts the webview to dist/webview with a
// strict CSP and a nonce, checks every message the page sends, and restores itself after a reload through
// getState/setState and the serializer registered in views/register.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GraphKind } from '../../../server/src/lsp/protocol';
import { parseFromPage, type FromPage, type PageState, type ToPage } from '../../../webview/protocol';
import { webviewHtml } from '../webviewSecurity';

export type PanelKind = GraphKind | 'syncPreview';
export type RenderedReport = Extract<FromPage, { command: 'rendered' }> & { kind: PanelKind; root: string };

/** What a panel needs from the rest of the extension: data from the server, and where to open things. */
export interface PanelServices {
  extensionUri: vscode.Uri;
  /** The page's data for a panel: a graph, a sync preview, or a reason it cannot be shown. */
  load(kind: PanelKind, root: string): Promise<ToPage | { error: string }>;
  /** The JSON of a collected object (masked values hidden). */
  details(root: string, id: string): Promise<string | undefined>;
  /** Opens the source of a node (a step, a collected object); false when there is none. */
  open(kind: PanelKind, root: string, id: string): Promise<boolean>;
  rendered(report: RenderedReport): void;
  log: vscode.LogOutputChannel;
}

const TITLES: Record<PanelKind, string> = {
  collected: 'Collected Graph',
  types: 'Declared Types',
  steps: 'Step Dependencies',
  syncPreview: 'Sync Preview',
};

export class LensPanel {
  static readonly viewType = 'integrationLens.panel';
  private static readonly open = new Map<string, LensPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static all(): LensPanel[] {
    return [...LensPanel.open.values()];
  }

  /** Shows the panel of a kind for a project, creating it if needed, and brings its data up to date. */
  static show(services: PanelServices, kind: PanelKind, root: string): LensPanel {
    const existing = LensPanel.open.get(`${kind}\0${root}`);
    if (existing) {
      existing.panel.reveal();
      void existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(LensPanel.viewType, TITLES[kind], vscode.ViewColumn.Active, LensPanel.webviewOptions(services.extensionUri));
    return new LensPanel(panel, services, kind, root);
  }

  /** A panel VS Code restored after a reload, with the state the page saved. */
  static revive(services: PanelServices, panel: vscode.WebviewPanel, state: PageState): LensPanel {
    panel.webview.options = LensPanel.webviewOptions(services.extensionUri);
    return new LensPanel(panel, services, state.panel.kind, state.panel.root);
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    readonly kind: PanelKind,
    readonly root: string,
  ) {
    LensPanel.open.set(this.key, this);
    panel.title = `${TITLES[kind]}: ${path.basename(root)}`;
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    // A hidden page is discarded and loads again when shown: until it says `ready` again, data posted to it is lost.
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (!webviewPanel.visible) this.ready = false;
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message), undefined, this.disposables);
  }

  private get key(): string {
    return `${this.kind}\0${this.root}`;
  }

  /** Posts fresh data to the page (once it said it is ready; until then, its `ready` asks for it). */
  async refresh(): Promise<void> {
    if (!this.ready) return;
    const data = await this.services.load(this.kind, this.root);
    if ('error' in data) {
      await this.panel.webview.postMessage({ command: 'show', view: 'message', text: data.error } satisfies ToPage);
      return;
    }
    // false: the page went away meanwhile; its next `ready` asks again.
    if (!(await this.panel.webview.postMessage(data))) this.ready = false;
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseFromPage(raw);
    if (!message) {
      this.services.log.warn(`Ignored a message from the ${this.kind} webview that is not one of its commands`);
      return;
    }
    switch (message.command) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        return;
      case 'details': {
        const text = (await this.services.details(this.root, message.id)) ?? 'This object is no longer in the collection.';
        await this.panel.webview.postMessage({ command: 'details', id: message.id, text } satisfies ToPage);
        return;
      }
      case 'open':
        if (!(await this.services.open(this.kind, this.root, message.id))) void vscode.window.showInformationMessage(`Integration Lens: no source location for "${message.id}".`);
        return;
      case 'rendered':
        this.services.log.info(`${TITLES[this.kind]}: ${message.totalNodes} nodes, ${message.totalEdges} edges, ${message.drawnNodes} drawn in ${message.ms} ms`);
        this.services.rendered({ ...message, kind: this.kind, root: this.root });
        return;
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'webview', name));
    const panelState = JSON.stringify({ kind: this.kind, root: this.root }).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return webviewHtml(webview, {
      title: TITLES[this.kind],
      script: asset('graph.js'),
      style: asset('graph.css'),
      body: '<div id="app"></div>',
      bodyAttributes: `data-panel="${panelState}"`,
    });
  }

  dispose(): void {
    LensPanel.open.delete(this.key);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
