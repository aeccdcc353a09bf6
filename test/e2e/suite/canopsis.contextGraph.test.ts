// A Canopsis repository (test/e2e/workspaces/canopsis): no integration, only context-graph imports and an export of
// the existing graph. The extension starts for the imports, shows the engine's error in the editor, and previews the
// resulting graph in a webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, diagnosticsWhere, runningClient, SOURCE, workspaceFile } from './helpers';
import { workbench } from './workbench';

describe('Canopsis context-graph imports', () => {
  const file = () => workspaceFile('imports', 'broken.contextgraph.json');

  it('starts the language server for a workspace holding only context-graph files', async () => {
    const api = await activeApi();
    const { evidence } = await api.detection;
    assert.equal(evidence?.reason, 'context-graph');
    await runningClient(api);
  });

  it('shows the link to an entity that exists nowhere, at the id, in the engine words', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWhere(file(), (d) => d.some((x) => x.code === 'context-graph-unknown-link-end'));
    const diagnostic = diagnostics.find((d) => d.code === 'context-graph-unknown-link-end')!;
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), '"cpu/srv-3"');
    assert.match(diagnostic.message, /^The entity "cpu\/srv-3" \(link to\) does not exist: it is not in the context graph \(graph\/base\.json\)/);
    assert.match(diagnostic.message, /Did you mean "cpu\/srv-2"\?/);
    assert.match(diagnostic.message, /Canopsis stops the whole import here/);
    await workbench.screenshot('context-graph-problem');
  });

  it('previews the resulting graph in a webview, coloured by entity type', async function () {
    if (!workbench.available) this.skip();
    const panel = (await vscode.commands.executeCommand('integrationLens.previewContextGraph', file())) as vscode.WebviewPanel | undefined;
    assert.ok(panel, 'the command opened no panel');
    assert.match(panel.title, /^Context graph: imports\/broken\.contextgraph\.json$/);
    const stats = await workbench.frameText('#stats', 'stats:');
    assert.equal(stats, 'stats: updated 4, deleted 0');
    const verdict = await workbench.frameText('#verdict', 'Canopsis would fail');
    assert.match(verdict ?? '', /Canopsis would fail this import \(1 error\): The entity "cpu\/srv-3"/);
    const legend = await workbench.frameText('#legend', 'connector');
    assert.match(legend ?? '', /connector\s*component\s*resource\s*service/);
    const graph = await workbench.frameAttribute('#graph', 'data-nodes');
    assert.equal(graph, '5');
    const canvasWidth = await workbench.frameAttribute('#graph canvas', 'width');
    assert.ok(Number(canvasWidth) > 0, `vis-network drew no canvas (width ${canvasWidth})`);
    await workbench.screenshot('context-graph-preview');
  });
});
