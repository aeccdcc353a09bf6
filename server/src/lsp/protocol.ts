// Custom LSP messages, declared once for the client and the server.
// Only method names and payload types live here, no jsonrpc runtime: the client and the server are bundled with
// different majors of vscode-jsonrpc (languageclient 11 uses 10, languageserver 10 uses 9), so each side sends or
// handles these through its own library, typed by the declarations below.

/** `integrationLens/status` (client → server, no params): is the server up, and which version is it. */
export const StatusRequest = { method: 'integrationLens/status' } as const;

export interface StatusResult {
  ok: true;
  /** The extension's version (package.json), which the server is built from. */
  version: string;
}
