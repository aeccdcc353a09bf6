// The VS Code side: decides whether the workspace holds an integration, starts the language server if so, shows its
// state and latest analysis, offers a restart. No analysis happens here.
import * as vscode from 'vscode';
import { previewContextGraph, registerPreviewSerializer } from './contextGraphPreview';
import { runStep } from './runStep';
import { ApiKeyCommands, ApiKeyStore, clearApiKey, setApiKey } from './tasks/apiKey';
import { TASK_TYPE } from './tasks/definition';
import { J1TaskProvider } from './tasks/taskProvider';
import type { TaskRunResult, TaskServices } from './tasks/taskTerminal';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type NodeModule,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { AnalysisFinishedNotification, ModelRequest, type AnalysisFinishedParams, type ModelResult, type ProjectModel } from '../../server/src/lsp/protocol';
import { detectIntegration, watch, type DetectionResult, type Evidence } from './detect';
import { readSettings, SECTION } from './settings';
import { ServerStatusItem } from './statusItem';
import { registerViews, type ViewsApi } from './views/register';

/** What `activate` returns; tests and other extensions reach it through `extension.exports`. */
export interface IntegrationLensApi {
  /** The first look for an integration, made at activation. Without evidence the extension stays idle. */
  readonly detection: Promise<DetectionResult>;
  /** The language client, once an integration was found; undefined while idle. */
  readonly client: LanguageClient | undefined;
  /**
   * Resolves with the client once the server first runs (at activation, or later when an integration appears);
   * rejects if it could not start. Stays pending while the workspace holds no integration.
   */
  readonly ready: Promise<LanguageClient>;
  /** Each `integrationLens/analysisFinished` the server sends. */
  readonly onDidFinishAnalysis: vscode.Event<AnalysisFinishedParams>;
  /** The status bar item, once the client exists: its text and tooltip are what the user sees. */
  readonly statusItem: vscode.StatusBarItem | undefined;
  /** The Steps view, the webview panels and the sync preview. */
  readonly views: ViewsApi;
  /** Each j1-integration task run that ended: its exit code, step results and the sync snapshot it saved. */
  readonly onDidFinishTaskRun: vscode.Event<TaskRunResult>;
  /** Whether a JupiterOne API key is in the secret storage (the key itself is never exposed). */
  hasApiKey(): Promise<boolean>;
}

export const Commands = {
  restartServer: 'integrationLens.restartServer',
  showOutput: 'integrationLens.showOutput',
  runStep: 'integrationLens.runStep',
  previewContextGraph: 'integrationLens.previewContextGraph',
} as const;

/** Set while the language client exists; the manifest's `when` clauses read it. */
const ACTIVE_CONTEXT = 'integrationLens.active';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): IntegrationLensApi {
  const log = vscode.window.createOutputChannel('Integration Lens', { log: true });
  const trace = vscode.window.createOutputChannel('Integration Lens Trace', { log: true });
  const analysisFinished = new vscode.EventEmitter<AnalysisFinishedParams>();
  const taskRunFinished = new vscode.EventEmitter<TaskRunResult>();
  const apiKeys = new ApiKeyStore(context.secrets);
  context.subscriptions.push(log, trace, analysisFinished, taskRunFinished, apiKeys);

  let status: ServerStatusItem | undefined;
  let resolveReady!: (client: LanguageClient) => void;
  let rejectReady!: (error: unknown) => void;
  const ready = new Promise<LanguageClient>((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject)));
  ready.catch(() => undefined); // reported in the log; callers that await it see the rejection themselves

  function startClient(evidence: Evidence): LanguageClient {
    log.info(`Integration found (${evidence.reason} in ${vscode.workspace.asRelativePath(evidence.file, true)}): starting the language server`);
    const languageClient = createClient(context, log, trace);
    client = languageClient;
    status = new ServerStatusItem(Commands.showOutput);
    context.subscriptions.push(
      status,
      languageClient.onDidChangeState(({ newState }) => status?.setState(newState)),
      // Registered before start(): the client keeps the handler across restarts.
      languageClient.onNotification(AnalysisFinishedNotification.method, (params: AnalysisFinishedParams) => {
        status?.analysisFinished(params);
        analysisFinished.fire(params);
      }),
    );
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, true);
    // Let it run: activation never waits for the server.
    languageClient.start().then(
      () => {
        log.info('Language server running');
        resolveReady(languageClient);
      },
      (error: unknown) => {
        log.error('The language server did not start', error);
        rejectReady(error);
      },
    );
    return languageClient;
  }

  // Looking for an integration: once at activation, then whenever the watcher sees a candidate change, until found.
  // Checks never overlap: a change during a check asks for one more afterwards.
  let watcher: vscode.Disposable | undefined;
  let checking: Promise<DetectionResult> | undefined;
  let checkAgain = false;
  function check(why: string): Promise<DetectionResult> {
    if (checking) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      let result: DetectionResult;
      try {
        result = await detectIntegration();
      } catch (error) {
        log.error('Looking for an integration failed', error);
        result = { evidence: undefined, packageFiles: 0, durationMs: 0 };
      }
      if (client) return result;
      if (result.evidence) {
        startClient(result.evidence);
        watcher?.dispose();
        watcher = undefined;
      } else {
        log.info(
          `No JupiterOne integration here (${why}; read ${result.packageFiles} package.json file(s) in ${result.durationMs} ms): ` +
            'the language server stays off until a package.json depends on @jupiterone/integration-sdk-core, an entry module exports invocationConfig, ' +
            'or the workspace holds a Canopsis import or a question file',
        );
        if (!watcher) {
          watcher = watch((change) => void check(`changed: ${change}`));
          context.subscriptions.push({ dispose: () => watcher?.dispose() });
        }
      }
      return result;
    })().finally(() => {
      checking = undefined;
      if (checkAgain && !client) {
        checkAgain = false;
        void check('changes during the last check');
      }
    });
    return checking;
  }

  const taskServices: TaskServices = {
    apiKey: () => apiKeys.get(),
    model: (projectPath) => projectModel(client, projectPath),
    globalStoragePath: context.globalStorageUri.fsPath,
    log,
    finished: (result) => {
      log.info(`j1-integration ${result.definition.command} in ${result.projectPath} ended with exit code ${result.exitCode}${result.snapshotDirectory ? `; sync snapshot in ${result.snapshotDirectory}` : ''}`);
      taskRunFinished.fire(result);
    },
  };
  const taskProvider = new J1TaskProvider(taskServices);

  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, taskProvider),
    vscode.commands.registerCommand(ApiKeyCommands.set, (key?: unknown) => setApiKey(apiKeys, key)),
    vscode.commands.registerCommand(ApiKeyCommands.clear, () => clearApiKey(apiKeys)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      const languageClient = client;
      if (!languageClient) {
        const result = await check('restart requested');
        if (!result.evidence) {
          void vscode.window.showInformationMessage('Integration Lens: no JupiterOne integration in this workspace, so no server to start.');
        }
        return;
      }
      log.info('Restarting the language server');
      try {
        // restart() stops first, which only a running client can do. Otherwise start: from stopped or a failed
        // start it starts again; while starting it waits for that start.
        if (languageClient.state === State.Running) await languageClient.restart();
        else await languageClient.start();
      } catch (error) {
        log.error('The language server did not restart', error);
        void vscode.window.showErrorMessage(`Integration Lens: the language server did not restart: ${error}`);
      }
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show(true)),
    vscode.commands.registerCommand(Commands.runStep, (args) => runStep(taskProvider, args)),
    vscode.commands.registerCommand(Commands.previewContextGraph, (uri?: vscode.Uri) => previewContextGraph(context, ready, uri)),
    registerPreviewSerializer(context),
  );

  // The views ask the server once it runs; while the workspace holds no integration they stay hidden (`when`).
  const views = registerViews(context, log, () => ready, analysisFinished.event);
  void ready.then(() => views.steps.refresh(), () => undefined);

  const detection = check('activation');
  return {
    views,
    detection,
    get client() {
      return client;
    },
    ready,
    onDidFinishAnalysis: analysisFinished.event,
    get statusItem() {
      return status?.item;
    },
    onDidFinishTaskRun: taskRunFinished.event,
    hasApiKey: () => apiKeys.has(),
  };
}

/** MODEL_TIMEOUT_MS: a task does not wait longer for the server's model; it runs without (every .env value masked). */
const MODEL_TIMEOUT_MS = 5000;

async function projectModel(languageClient: LanguageClient | undefined, projectPath: string): Promise<ProjectModel | undefined> {
  if (!languageClient || languageClient.state !== State.Running) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), MODEL_TIMEOUT_MS)));
  try {
    const result = await Promise.race([languageClient.sendRequest<ModelResult>(ModelRequest.method, { projectPath }), timeout]);
    return result?.projects.find((p) => p.root === projectPath) ?? result?.projects[0];
  } finally {
    clearTimeout(timer);
  }
}

function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, trace: vscode.LogOutputChannel): LanguageClient {
  // The server is the extension's own bundle, run by the extension host's Node: nothing from the workspace is loaded.
  const server: NodeModule = {
    module: context.asAbsolutePath('dist/server.js'),
    transport: TransportKind.ipc,
    options: { execArgv: ['--enable-source-maps'] },
  };
  const serverOptions: ServerOptions = {
    run: server,
    // Used when the extension host itself runs under a debugger (F5).
    debug: { ...server, options: { execArgv: ['--enable-source-maps', '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'javascript' },
      // Document kinds: the server decides which of these files are its own (question files, imports, graphs).
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'j1ql' },
    ],
    // The settings as they are at each (re)start; later changes reach the server as didChangeConfiguration, after
    // which it reads the section again through workspace/configuration.
    initializationOptions: () => readSettings(),
    synchronize: { configurationSection: SECTION },
    outputChannel: log,
    traceOutputChannel: trace, // filled according to `integrationLens.trace.server`
  };
  // The id makes the client read the `integrationLens.trace.server` setting.
  return new LanguageClient('integrationLens', 'Integration Lens', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.dispose();
}
