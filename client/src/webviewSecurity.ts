// The Content-Security-Policy both webview panels use: nothing but the bundled script (by nonce) and the images,
// styles and fonts served from the extension's own webview folder.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce for one page load: the only script the page may run is the one that carries it. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}
