// The VS Code side: starts the language server, shows its state, offers a restart. No analysis happens here.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type NodeModule,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerStatusItem } from './statusItem';

/** What `activate` returns; tests and other extensions reach it through `extension.exports`. */
export interface IntegrationLensApi {
  /** The language client. Its `onDidChangeState` events are what to wait on, never a timer. */
  readonly client: LanguageClient;
  /** Settles with the first start of the server: resolves once it runs, rejects if it could not start. */
  readonly ready: Promise<void>;
}

export const Commands = {
  restartServer: 'integrationLens.restartServer',
  showOutput: 'integrationLens.showOutput',
} as const;

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): IntegrationLensApi {
  const log = vscode.window.createOutputChannel('Integration Lens', { log: true });
  const trace = vscode.window.createOutputChannel('Integration Lens Trace', { log: true });
  context.subscriptions.push(log, trace);

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
    ],
    outputChannel: log,
    traceOutputChannel: trace, // filled according to `integrationLens.trace.server`
  };
  // The id makes the client read the `integrationLens.trace.server` setting.
  const languageClient = new LanguageClient('integrationLens', 'Integration Lens', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    new ServerStatusItem(languageClient, Commands.showOutput),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
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
  );
  void vscode.commands.executeCommand('setContext', 'integrationLens.active', true);

  // Start the server and let it run: activation never waits for it.
  const ready = languageClient.start();
  ready.then(
    () => log.info('Language server running'),
    (error: unknown) => log.error('The language server did not start', error),
  );
  return { client: languageClient, ready };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.dispose();
}
