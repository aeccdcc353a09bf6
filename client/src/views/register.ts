// Wires the Steps view, the webview panels and the sync preview to the language server and to the files they show.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CollectedObjectRequest,
  GraphRequest,
  RunViewRequest,
  SyncPreviewRequest,
  type CollectedObjectResult,
  type GraphResult,
  type RunViewResult,
  type SyncPreviewResult,
  type ViewLocation,
} from '../../../server/src/lsp/protocol';
import { parseState, type ToPage } from '../../../webview/protocol';
import { snapshotDirectory } from '../sync/snapshotLocation';
import { LensPanel, type PanelKind, type PanelServices, type RenderedReport } from './lensPanel';
import { openLocation } from './locations';
import { StepsTreeProvider } from './stepsTree';

export const ViewCommands = {
  refreshSteps: 'integrationLens.refreshSteps',
  openLocation: 'integrationLens.openLocation',
  showCollectedGraph: 'integrationLens.showCollectedGraph',
  showTypesGraph: 'integrationLens.showTypesGraph',
  showStepGraph: 'integrationLens.showStepGraph',
  previewSync: 'integrationLens.previewSync',
} as const;

export const STEPS_VIEW = 'integrationLens.steps';

/** What tests (and other extensions) can reach through the extension's API. */
export interface ViewsApi {
  readonly steps: StepsTreeProvider;
  /** Each page's report of its first drawing of new data. */
  readonly onDidRender: vscode.Event<RenderedReport>;
  panels(): LensPanel[];
  /** Where the snapshot of a project's last successful sync is kept. */
  snapshotDirectory(projectRoot: string): string;
}

export function registerViews(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  client: () => Promise<LanguageClient>,
  analysisFinished: vscode.Event<unknown>,
): ViewsApi {
  const request = async <T>(method: string, params: unknown): Promise<T> => (await client()).sendRequest<T>(method, params);
  const runView = () => request<RunViewResult>(RunViewRequest.method, {});
  const steps = new StepsTreeProvider(runView);
  const rendered = new vscode.EventEmitter<RenderedReport>();
  const storage = () => context.globalStorageUri.fsPath;

  const services: PanelServices = {
    extensionUri: context.extensionUri,
    log,
    rendered: (report) => rendered.fire(report),
    async load(kind, root): Promise<ToPage | { error: string }> {
      if (kind === 'syncPreview') {
        const snapshot = snapshotDirectory(storage(), root);
        if (!fs.existsSync(path.join(snapshot, 'graph'))) return { error: 'No sync snapshot for this project yet: a snapshot is saved after each successful sync or run task.' };
        const preview = await request<SyncPreviewResult>(SyncPreviewRequest.method, { root, snapshot });
        if (!preview) return { error: 'The language server does not know this project.' };
        return { command: 'show', view: 'syncPreview', preview, title: `Sync preview: ${path.basename(root)}` };
      }
      const data = await request<GraphResult>(GraphRequest.method, { root, kind });
      if (!data) return { error: kind === 'collected' ? 'The language server does not know this project.' : 'The integration could not be analysed: see the Problems panel.' };
      return { command: 'show', view: 'graph', data };
    },
    async details(root, id) {
      return (await request<CollectedObjectResult>(CollectedObjectRequest.method, { root, key: id }))?.text;
    },
    async open(kind, root, id) {
      let location: ViewLocation | undefined;
      if (kind === 'steps') location = (await runView()).projects.find((p) => p.root === root)?.steps.find((s) => s.id === id)?.location;
      else if (kind === 'collected') location = (await request<CollectedObjectResult>(CollectedObjectRequest.method, { root, key: id }))?.location;
      if (location) await openLocation(location);
      return !!location;
    },
  };

  /** The project a command applies to: the only one, or the one the user picks. */
  async function pickProject(): Promise<string | undefined> {
    const projects = steps.current?.projects ?? (await runView()).projects;
    if (projects.length <= 1) return projects[0]?.root;
    const picked = await vscode.window.showQuickPick(
      projects.map((p) => ({ label: vscode.workspace.asRelativePath(p.root, true), root: p.root })),
      { placeHolder: 'Integration project' },
    );
    return picked?.root;
  }
  const showPanel = (kind: PanelKind) => async () => {
    const root = await pickProject();
    if (!root) {
      void vscode.window.showInformationMessage('Integration Lens: no integration project in this workspace.');
      return;
    }
    LensPanel.show(services, kind, root);
  };

  // A collect writes hundreds of files: refresh once the burst is over, not once per file.
  let collectedTimer: NodeJS.Timeout | undefined;
  const collectedChanged = () => {
    clearTimeout(collectedTimer);
    collectedTimer = setTimeout(() => {
      void steps.refresh();
      for (const panel of LensPanel.all()) if (panel.kind === 'collected' || panel.kind === 'syncPreview') void panel.refresh();
    }, 300);
  };
  // Folders too, not only `*.json`: a file written right after its step folder is created can be missed by the OS
  // watcher (inotify watches the new folder only once it has seen it), but the folder's creation is not.
  const watchers = ['**/.j1-integration/summary.json', '**/.j1-integration/graph/**'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  for (const watcher of watchers) {
    watcher.onDidCreate(collectedChanged, undefined, context.subscriptions);
    watcher.onDidChange(collectedChanged, undefined, context.subscriptions);
    watcher.onDidDelete(collectedChanged, undefined, context.subscriptions);
  }

  context.subscriptions.push(
    steps,
    rendered,
    ...watchers,
    { dispose: () => clearTimeout(collectedTimer) },
    vscode.window.createTreeView(STEPS_VIEW, { treeDataProvider: steps, showCollapseAll: true }),
    analysisFinished(() => {
      void steps.refresh();
      for (const panel of LensPanel.all()) if (panel.kind === 'types' || panel.kind === 'steps') void panel.refresh();
    }),
    vscode.commands.registerCommand(ViewCommands.refreshSteps, () => steps.refresh()),
    vscode.commands.registerCommand(ViewCommands.openLocation, (location: ViewLocation) => openLocation(location)),
    vscode.commands.registerCommand(ViewCommands.showCollectedGraph, showPanel('collected')),
    vscode.commands.registerCommand(ViewCommands.showTypesGraph, showPanel('types')),
    vscode.commands.registerCommand(ViewCommands.showStepGraph, showPanel('steps')),
    vscode.commands.registerCommand(ViewCommands.previewSync, showPanel('syncPreview')),
    vscode.window.registerWebviewPanelSerializer(LensPanel.viewType, {
      async deserializeWebviewPanel(panel, state) {
        const parsed = parseState(state);
        if (!parsed) {
          panel.dispose();
          return;
        }
        LensPanel.revive(services, panel, parsed);
      },
    }),
    { dispose: () => LensPanel.all().forEach((p) => p.dispose()) },
  );

  return {
    steps,
    onDidRender: rendered.event,
    panels: () => LensPanel.all(),
    snapshotDirectory: (root) => snapshotDirectory(storage(), root),
  };
}
