import * as vscode from 'vscode';
import type { ViewLocation } from '../../../server/src/lsp/protocol';

/** Opens a location the server gave (never one a webview made up). */
export async function openLocation(location: ViewLocation, preview = true): Promise<void> {
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, preview });
}
