// The Steps view, the collected-data checks, the three graph webviews and the sync preview in a real VS Code, on a
// workspace whose .j1-integration holds the results of a collection (test/e2e/workspaces/views).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IntegrationLensApi } from '../../../client/src/extension';
import type { RenderedReport } from '../../../client/src/views/lensPanel';
import type { StepsNode } from '../../../client/src/views/stepsTree';
import type { RunViewResult } from '../../../server/src/lsp/protocol';
import { activeApi, diagnosticsWhere, once, runningClient, workspaceFile, workspaceFolder } from './helpers';
import { workbench } from './workbench';

/** Resolves with the Steps view's data once `accept` holds for it (now, or after a refresh). */
function stepsWhere(api: IntegrationLensApi, accept: (result: RunViewResult) => boolean): Promise<RunViewResult> {
  return once(api.views.steps.onDidLoad, () => api.views.steps.current, (r) => !!r && accept(r)) as Promise<RunViewResult>;
}

/** The next page report of a panel kind (subscribe before opening it). */
function nextRender(api: IntegrationLensApi, kind: RenderedReport['kind']): Promise<RenderedReport> {
  return new Promise((resolve) => {
    const subscription = api.views.onDidRender((report) => {
      if (report.kind !== kind) return;
      subscription.dispose();
      resolve(report);
    });
  });
}

const status = (result: RunViewResult, id: string) => result.projects[0].steps.find((s) => s.id === id)?.result?.status;

describe('Steps view and webviews', function () {
  let api: IntegrationLensApi;
  const root = () => workspaceFolder().uri.fsPath;

  before(async () => {
    api = await activeApi();
    await runningClient(api);
  });

  it('lists the steps in run order with the statuses of summary.json', async () => {
    const result = await stepsWhere(api, (r) => r.projects[0]?.steps.length === 4 && r.projects[0].collected.hasSummary);
    const [project] = result.projects;
    assert.deepEqual(project.steps.map((s) => s.id), ['fetch-account', 'fetch-groups', 'fetch-users', 'fetch-devices']);
    assert.deepEqual(project.steps.map((s) => s.result?.status), ['success', 'success', 'failure', 'disabled']);
    const items = api.views.steps.getChildren().map((n) => api.views.steps.getTreeItem(n));
    assert.deepEqual(items.slice(0, 4).map((i) => i.label), ['Fetch Account', 'Fetch Groups', 'Fetch Users', 'Fetch Devices']);
    assert.match(String(items[2].description), /^failure · 3 declared · 2 encountered \(10 objects\)/);
    assert.match(String(items[3].description), /^disabled/);
    // The tree as the user sees it.
    await vscode.commands.executeCommand('integrationLens.steps.focus');
    const row = await workbench.textOf('.monaco-list-row', 'Fetch Users');
    if (workbench.available) assert.match(String(row), /failure/);
    await workbench.screenshot('steps-view', { selector: '.monaco-list-row', text: 'Fetch Devices' });
  });

  it('opens a step where its id is written when the step is clicked', async () => {
    const node = api.views.steps.getChildren().find((n) => n.kind === 'step' && n.step.id === 'fetch-users')!;
    const command = api.views.steps.getTreeItem(node).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath.endsWith(path.join('src', 'index.ts')));
    assert.equal(editor.document.getText(editor.selection), "'fetch-users'");
  });

  it('shows the collected-data checks in the view and as diagnostics on the graph file', async () => {
    const result = await stepsWhere(api, (r) => r.projects[0]?.collected.checksTotal > 0);
    assert.deepEqual(result.projects[0].collected.checks.map((c) => c.code), ['collected-missing-endpoint']);
    const checks = api.views.steps.getChildren().find((n): n is Extract<StepsNode, { kind: 'checks' }> => n.kind === 'checks')!;
    assert.equal(api.views.steps.getTreeItem(checks).label, 'Collected data: 1 problem');
    const file = workspaceFile('.j1-integration/graph/fetch-groups/relationships/2c3d4e5f-has-group.json');
    await vscode.window.showTextDocument(file);
    const [diagnostic] = await diagnosticsWhere(file, (d) => d.length > 0);
    assert.equal(diagnostic.code, 'collected-missing-endpoint');
    const document = await vscode.workspace.openTextDocument(file);
    assert.equal(document.getText(diagnostic.range), '"acme-group-ghost"');
  });

  it('refreshes the statuses when summary.json changes', async () => {
    const file = path.join(root(), '.j1-integration/summary.json');
    const summary = JSON.parse(fs.readFileSync(file, 'utf8'));
    summary.integrationStepResults[2].status = 'success';
    summary.integrationStepResults[3].status = 'cached';
    const refreshed = stepsWhere(api, (r) => status(r, 'fetch-users') === 'success');
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
    const result = await refreshed;
    assert.equal(status(result, 'fetch-devices'), 'cached');
  });

  it('draws the step dependency graph', async () => {
    const rendered = nextRender(api, 'steps');
    await vscode.commands.executeCommand('integrationLens.showStepGraph');
    const report = await rendered;
    assert.deepEqual([report.totalNodes, report.totalEdges, report.clustered], [4, 3, false]);
    if (!workbench.available) return;
    const body = await workbench.webview('body[data-rendered-nodes]');
    assert.ok(body, 'the webview page did not render');
    assert.equal(body.data.renderedNodes, '4');
    assert.ok(body.canvases >= 1, 'vis-network drew no canvas');
    assert.match(body.text, /Step dependencies/);
    await workbench.screenshot('step-graph');
  });

  it('draws the declared types graph, mapped targets as placeholders', async () => {
    const rendered = nextRender(api, 'types');
    await vscode.commands.executeCommand('integrationLens.showTypesGraph');
    const report = await rendered;
    // acme_account, acme_group, acme_user, acme_device, and the mapped target person.
    assert.deepEqual([report.totalNodes, report.totalEdges], [5, 3]);
    if (!workbench.available) return;
    const body = await workbench.webview('body[data-total-nodes="5"]');
    assert.ok(body && body.canvases >= 1);
    await workbench.screenshot('types-graph');
  });

  it("draws the collected graph; an entity's JSON comes with the masked config value hidden", async () => {
    const rendered = nextRender(api, 'collected');
    await vscode.commands.executeCommand('integrationLens.showCollectedGraph');
    const report = await rendered;
    assert.deepEqual([report.totalNodes, report.totalEdges], [9, 8]);
    // What the page gets when a node is clicked (API_KEY is a masked field; .env holds its value).
    const client = await api.ready;
    const object = await client.sendRequest<{ text: string } | null>('integrationLens/collectedObject', { root: root(), key: 'acme-account-1' });
    assert.ok(object && !object.text.includes('e2e-secret-value-xyz') && object.text.includes('key ********'));
    if (!workbench.available) return;
    const body = await workbench.webview('body[data-total-nodes="9"]');
    assert.ok(body && body.canvases >= 1);
    assert.match(body.text, /1 relationship\(s\) not drawn/);
    assert.match(body.text, /acme_user \(5\)/);
    await workbench.screenshot('collected-graph');
  });

  it('draws the collected graph again when a collection adds files', async () => {
    const panel = api.views.panels().find((p) => p.kind === 'collected');
    assert.ok(panel, 'the collected graph panel is gone');
    panel.panel.reveal();
    const next = new Promise<RenderedReport>((resolve) => {
      const subscription = api.views.onDidRender((report) => {
        if (report.kind !== 'collected' || report.totalNodes !== 10) return;
        subscription.dispose();
        resolve(report);
      });
    });
    const dir = path.join(root(), '.j1-integration/graph/fetch-devices/entities');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '5f6a7b8c-devices.json'), JSON.stringify({ entities: [{ _key: 'acme-device-1', _type: 'acme_device', _class: ['Device'], name: 'laptop', displayName: 'laptop' }] }));
    const report = await next;
    assert.equal(report.totalEdges, 8);
  });

  it('previews a sync against the last snapshot, without deletes for partial types', async () => {
    const snapshot = api.views.snapshotDirectory(root());
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.cpSync(path.join(root(), '.j1-integration/graph'), path.join(snapshot, 'graph'), { recursive: true });
    // The last sync also uploaded a group and a user that are gone now.
    const extra = (dir: string, object: Record<string, unknown>) => {
      fs.mkdirSync(path.join(snapshot, 'graph', dir), { recursive: true });
      fs.writeFileSync(path.join(snapshot, 'graph', dir, 'old.json'), JSON.stringify({ entities: [object] }));
    };
    extra('fetch-groups/entities', { _key: 'acme-group-old', _type: 'acme_group', _class: ['Group'], name: 'old', displayName: 'old' });
    extra('fetch-users/entities', { _key: 'acme-user-old', _type: 'acme_user', _class: ['Record'], name: 'old', displayName: 'old' });
    fs.writeFileSync(path.join(snapshot, 'snapshot.json'), JSON.stringify({ projectPath: root(), syncedAt: '2024-05-01T10:00:00.000Z', command: 'sync' }));
    await vscode.commands.executeCommand('integrationLens.previewSync');
    if (!workbench.available) return;
    const table = await workbench.webview('#sync-preview');
    assert.ok(table, 'no sync preview table');
    const rows = table.text.split('\n');
    assert.ok(rows.some((r) => /^acme_group\t0\t0\t1\t/.test(r)), table.text);
    assert.ok(rows.some((r) => /^acme_user\t0\t0\t0 \(1 kept\)/.test(r)), table.text);
    await workbench.screenshot('sync-preview');
  });
});
