// The extension in a real VS Code, on the tiny integration in test/e2e/workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification } from 'vscode-languageclient/node';
import type { IntegrationLensApi } from '../../../client/src/extension';
import { StatusRequest, type StatusResult } from '../../../server/src/lsp/protocol';
import { getExtension, State, statesUntil } from './helpers';

// Read when mocha loads this file, before any test can activate the extension. VS Code starts extension tests only
// once the startup activations (workspaceContains among them) have settled, so opening the workspace alone must
// have activated it by now.
const activatedByWorkspace = getExtension().isActive;

/** The extension's API; activating it here if needed keeps each test runnable alone. */
async function activeApi(): Promise<IntegrationLensApi> {
  const api = await getExtension().activate();
  assert.ok(api?.client, 'activate() returned no API');
  return api;
}

describe('Integration Lens in VS Code', () => {
  let api: IntegrationLensApi;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.match(folder.uri.path, /\/test\/e2e\/workspace$/);
    api = await activeApi();
  });

  it('activates when a folder with an integration opens', () => {
    assert.equal(activatedByWorkspace, true, 'opening the workspace did not activate the extension');
    assert.equal(getExtension().isActive, true);
  });

  it('starts the language server', async () => {
    await api.ready;
    assert.equal(api.client.state, State.Running);
    assert.equal(api.client.initializeResult?.serverInfo?.name, 'integration-lens');
  });

  it(`answers ${StatusRequest.method} through the client`, async () => {
    const status = await api.client.sendRequest<StatusResult>(StatusRequest.method);
    assert.deepEqual(status, { ok: true, version: getExtension().packageJSON.version });
  });

  it('restarts the server with "Integration Lens: Restart Server"', async () => {
    const before = api.client.serverProcess?.pid;
    assert.ok(before, 'no server process before the restart');
    const states = statesUntil(api.client, State.Running);
    await vscode.commands.executeCommand('integrationLens.restartServer');
    // The command settles once the server runs again, so by now the states have all been seen.
    const seen = await Promise.race([states, Promise.resolve('still waiting for Running')]);
    assert.deepEqual(seen, [State.Stopped, State.Starting, State.Running]);
    const after = api.client.serverProcess?.pid;
    assert.ok(after && after !== before, `still the same server process (${before} → ${after})`);
    const status = await api.client.sendRequest<StatusResult>(StatusRequest.method);
    assert.equal(status.ok, true);
  });

  it('hands an opened integration source file to the server', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'src', 'index.ts');
    // Left open on purpose: the final screenshot shows it.
    await vscode.window.showTextDocument(uri);
    // onDidOpenTextDocument has run before showTextDocument resolves, so the client has synced it or never will.
    const synced = [...api.client.getFeature(DidOpenTextDocumentNotification.method).openDocuments];
    assert.ok(
      synced.some((document) => document.uri.toString() === uri.toString()),
      `not synced to the server; synced: ${synced.map((document) => document.uri.toString()).join(', ') || 'none'}`,
    );
  });
});
