// "Integration Lens: Preview Context Graph Import": asks the server for the graph a Canopsis import would produce
// and shows it in a webview (vis-network, bundled in dist/webview; no CDN). The page only renders.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ContextGraphPreviewRequest, type ContextGraphPreviewParams, type ContextGraphPreviewResult } from '../../server/src/lsp/protocol';
import { webviewHtml } from './webviewSecurity';

export const PREVIEW_VIEW_TYPE = 'integrationLens.contextGraphPreview';

interface Panel {
  panel: vscode.WebviewPanel;
  uri: vscode.Uri;
}

let current: Panel | undefined;

/** Opens (or refreshes) the preview of the import in the active editor, or of `uri`. */
export async function previewContextGraph(context: vscode.ExtensionContext, ready: Promise<LanguageClient>, uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Integration Lens: open a context-graph import ({"cis": [...], "links": [...]}) to preview it.');
    return undefined;
  }
  const client = await ready;
  const result = await client.sendRequest<ContextGraphPreviewResult>(ContextGraphPreviewRequest.method, { uri: target.toString() } satisfies ContextGraphPreviewParams);
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Integration Lens: ${result.message}`);
    return undefined;
  }
  const panel = current?.panel ?? createPanel(context);
  current = { panel, uri: target };
  panel.title = `Context graph: ${vscode.workspace.asRelativePath(target)}`;
  panel.reveal(vscode.ViewColumn.Beside, true);
  send(panel, result);
  return panel;
}

function send(panel: vscode.WebviewPanel, result: ContextGraphPreviewResult & { ok: true }): void {
  // The page asks with `ready` once loaded; posting before that would be lost, so keep the last result for it.
  (panel as vscode.WebviewPanel & { lastPreview?: unknown }).lastPreview = result.preview;
  void panel.webview.postMessage({ type: 'preview', preview: result.preview });
}

function createPanel(context: vscode.ExtensionContext): vscode.WebviewPanel {
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Context graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    localResourceRoots: [root],
    retainContextWhenHidden: false,
  });
  initialise(panel, root);
  panel.onDidDispose(() => {
    if (current?.panel === panel) current = undefined;
  });
  return panel;
}

/** HTML with the strict CSP of webviewSecurity.ts: only the bundled script (by nonce) and stylesheet from dist/webview. */
function initialise(panel: vscode.WebviewPanel, root: vscode.Uri): void {
  const webview = panel.webview;
  webview.html = webviewHtml(webview, {
    title: 'Context graph',
    script: webview.asWebviewUri(vscode.Uri.joinPath(root, 'contextGraph.js')),
    style: webview.asWebviewUri(vscode.Uri.joinPath(root, 'contextGraph.css')),
    body: '<div id="header"></div>\n<div id="graph"></div>',
  });
  webview.onDidReceiveMessage((message: unknown) => {
    // The page's only message is `{type: 'ready'}`; anything else (even null) is ignored, not read.
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== 'ready') return;
    const last = (panel as vscode.WebviewPanel & { lastPreview?: unknown }).lastPreview;
    if (last) void webview.postMessage({ type: 'preview', preview: last });
  });
}

/** A panel restored by VS Code after a reload: it shows its saved state, and refreshes when the import is previewed again. */
export function registerPreviewSerializer(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    async deserializeWebviewPanel(panel) {
      const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
      panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
      initialise(panel, root);
      current = undefined;
    },
  });
}
