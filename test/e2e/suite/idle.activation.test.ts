// The extension in a TypeScript project that is not a JupiterOne integration (test/e2e/workspaces/idle): activated by
// its package.json, it looks, finds nothing and stays idle, until the project becomes an integration.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { StatusRequest, type StatusResult } from '../../../server/src/lsp/protocol';
import { activeApi, getExtension, State, workspaceFile, workspaceFolder } from './helpers';

// Read when mocha loads this file: see integration.server.test.ts.
const activatedByWorkspace = getExtension().isActive;

describe('Integration Lens in a project that is not an integration', () => {
  before(() => workspaceFolder());

  it('activates on the package.json, looks, and finds no integration', async () => {
    assert.equal(activatedByWorkspace, true, 'opening a folder with a package.json did not activate the extension');
    const { evidence, packageFiles } = await (await activeApi()).detection;
    assert.equal(evidence, undefined, `took it for an integration: ${evidence?.reason} in ${evidence?.file.toString()}`);
    assert.equal(packageFiles, 1);
  });

  it('starts no language server and shows nothing in the status bar', async () => {
    const api = await activeApi();
    await api.detection;
    assert.ok(!api.client, `a language client exists (${api.client?.state})`);
    assert.ok(!api.statusItem, `a status item exists: ${api.statusItem?.text}`);
  });

  it('starts the server once a dependency on the SDK is added to package.json', async () => {
    const api = await activeApi();
    await api.detection;
    const file = workspaceFile('package.json');
    const manifest = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    manifest.dependencies['@jupiterone/integration-sdk-core'] = '^17.0.0';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));

    const client = await api.ready;
    assert.equal(client.state, State.Running);
    assert.ok(api.statusItem, 'no status item once the server runs');
    const status = await client.sendRequest<StatusResult>(StatusRequest.method);
    assert.deepEqual(
      status.projects.map((p) => p.root),
      [workspaceFolder().uri.fsPath],
    );
  });
});
