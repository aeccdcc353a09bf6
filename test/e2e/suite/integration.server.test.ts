// The extension in a real VS Code on a small integration (test/e2e/workspaces/integration): activation, the language
// server's lifecycle, the status request.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, type LanguageClient } from 'vscode-languageclient/node';
import type { IntegrationLensApi } from '../../../client/src/extension';
import { StatusRequest, type StatusResult } from '../../../server/src/lsp/protocol';
import { activeApi, getExtension, runningClient, State, statesUntil, workspaceFile, workspaceFolder } from './helpers';

// Read when mocha loads this file, before any test can activate the extension. VS Code starts extension tests only
// once the startup activations (workspaceContains among them) have settled, so opening the workspace alone must
// have activated it by now.
const activatedByWorkspace = getExtension().isActive;

describe('Integration Lens on an integration', () => {
  let api: IntegrationLensApi;
  let client: LanguageClient;

  before(async () => {
    workspaceFolder();
    api = await activeApi();
  });

  it('activates when a folder with an integration opens', () => {
    assert.equal(activatedByWorkspace, true, 'opening the workspace did not activate the extension');
  });

  it('is the extension under test (the repository, or the installed VSIX)', function () {
    const expected = process.env.INTEGRATION_LENS_E2E_EXTENSION_PATH;
    if (!expected) this.skip(); // only test/e2e/run.mjs says where it should come from
    assert.equal(path.resolve(getExtension().extensionPath), path.resolve(expected));
  });

  it("recognises the integration by its package.json's dependency on the SDK", async () => {
    const { evidence } = await api.detection;
    assert.equal(evidence?.reason, 'sdk-dependency');
    assert.equal(evidence.file.toString(), workspaceFile('package.json').toString());
  });

  it('starts the language server', async () => {
    client = await runningClient(api);
    assert.equal(client.state, State.Running);
    assert.equal(client.initializeResult?.serverInfo?.name, 'integration-lens');
  });

  it(`answers ${StatusRequest.method} with the version and the project`, async () => {
    client = await runningClient(api);
    const status = await client.sendRequest<StatusResult>(StatusRequest.method);
    assert.equal(status.ok, true);
    assert.equal(status.version, getExtension().packageJSON.version);
    assert.deepEqual(
      status.projects.map((p) => p.root),
      [workspaceFolder().uri.fsPath],
    );
  });

  it('hands an opened integration source file to the server', async () => {
    client = await runningClient(api);
    const uri = workspaceFile('src', 'index.ts');
    await vscode.window.showTextDocument(uri, { preview: false });
    // onDidOpenTextDocument has run before showTextDocument resolves, so the client has synced it or never will.
    const synced = [...client.getFeature(DidOpenTextDocumentNotification.method).openDocuments];
    assert.ok(
      synced.some((document) => document.uri.toString() === uri.toString()),
      `not synced to the server; synced: ${synced.map((document) => document.uri.toString()).join(', ') || 'none'}`,
    );
  });

  it('restarts the server with "Integration Lens: Restart Server"', async () => {
    client = await runningClient(api);
    const before = client.serverProcess?.pid;
    assert.ok(before, 'no server process before the restart');
    const states = statesUntil(client, State.Running);
    await vscode.commands.executeCommand('integrationLens.restartServer');
    // The command settles once the server runs again, so by now the states have all been seen.
    const seen = await Promise.race([states, Promise.resolve('still waiting for Running')]);
    assert.deepEqual(seen, [State.Stopped, State.Starting, State.Running]);
    const after = client.serverProcess?.pid;
    assert.ok(after && after !== before, `still the same server process (${before} → ${after})`);
    const status = await client.sendRequest<StatusResult>(StatusRequest.method);
    assert.equal(status.ok, true);
  });
});
