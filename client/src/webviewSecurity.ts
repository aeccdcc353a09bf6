// The page both webview panels load: their bundled script (by nonce) and stylesheet under a Content-Security-Policy
// that allows nothing else but the images, styles and fonts served from the extension's own webview folder.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce for one page load: the only script the page may run is the one that carries it. */
function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export interface WebviewPage {
  title: string;
  script: vscode.Uri;
  style: vscode.Uri;
  /** The body's markup (the elements the script fills). */
  body: string;
  /** Attributes of <body>, already escaped for an attribute value. */
  bodyAttributes?: string;
}

/** The HTML of a page: a fresh nonce, the CSP above, the stylesheet, the body and the one script. */
export function webviewHtml(webview: vscode.Webview, page: WebviewPage): string {
  const nonce = newNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.style}">
<title>${page.title}</title>
</head>
<body${page.bodyAttributes ? ` ${page.bodyAttributes}` : ''}>
${page.body}
<script nonce="${nonce}" src="${page.script}"></script>
</body>
</html>`;
}
