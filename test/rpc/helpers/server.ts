// Runs the real bundled language server (dist/server.js, built by `node scripts/build.mjs server`) as a child
// process and speaks LSP to it over stdio, as an editor would. Tests wait on the server's own messages
// (responses, publishDiagnostics); timeouts only turn a missing message into a clear failure.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = resolve(__dirname, '../../..');
export const serverModule = resolve(repoRoot, 'dist/server.js');

/** `file://` URI of a path relative to the repository root (or absolute). */
export function fileUri(path: string): string {
  return pathToFileURL(resolve(repoRoot, path)).href;
}

export interface StartOptions {
  /** Folder the client says it opened; the repository root by default. */
  rootPath?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** How long to wait for each expected message before failing. */
  timeoutMs?: number;
  /** Arguments for node instead of `dist/server.js --stdio` (e.g. the CLI's `lsp --stdio`). */
  args?: string[];
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every server a test started, until it has exited: the root hook (./hooks.ts) fails the run on any left over. */
export const running = new Set<LanguageServerUnderTest>();

export class LanguageServerUnderTest {
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = '';
  initializeResult!: InitializeResult;

  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly diagnosticWaiters = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>();
  private readonly exited: Promise<Exit>;
  private exit: Exit | undefined;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly timeoutMs: number,
  ) {
    process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    running.add(this);
    this.exited = new Promise((resolveExit) =>
      process.once('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        resolveExit(this.exit);
      }),
    );
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiters = this.diagnosticWaiters.get(params.uri);
      const waiter = waiters?.shift();
      if (waiter) waiter(params);
      else this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
    });
  }

  /** Spawns `node dist/server.js --stdio` and completes initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LanguageServerUnderTest> {
    if (!existsSync(serverModule)) throw new Error(`${serverModule} is missing: run \`node scripts/build.mjs server\``);
    const child = spawn(process.execPath, ['--enable-source-maps', ...(options.args ?? [serverModule, '--stdio'])], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const server = new LanguageServerUnderTest(child, connection, options.timeoutMs ?? 5000);
    connection.listen();
    const rootPath = options.rootPath ?? repoRoot;
    server.initializeResult = await server.within(
      'initialize',
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: fileUri(rootPath),
        workspaceFolders: [{ uri: fileUri(rootPath), name: 'root' }],
        capabilities: options.capabilities ?? {},
        initializationOptions: options.initializationOptions,
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /**
   * Fails with the server's stderr if `promise` does not settle in time, or if the server exits first
   * (unless `exitExpected`).
   */
  async within<T>(what: string, promise: Promise<T>, exitExpected = false): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error(`no answer to ${what} within ${this.timeoutMs} ms`)), this.timeoutMs);
      if (!exitExpected) {
        void this.exited.then((exit) => reject(this.error(`server exited (${exit.code ?? exit.signal}) during ${what}`)));
      }
    });
    try {
      return await Promise.race([promise, failure]);
    } finally {
      clearTimeout(timer);
    }
  }

  async openDocument(uri: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Replaces the whole text (a change without a range is valid under incremental sync too). */
  async changeDocument(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async closeDocument(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The next publishDiagnostics for `uri` that this test has not consumed yet, in arrival order. Notifications
   * that arrive before the call are queued, so calling it after the action that triggers them is race-free.
   */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const queued = this.diagnostics.get(uri);
    if (queued && queued.length > 0) return Promise.resolve(queued.shift()!);
    const waiters = this.diagnosticWaiters.get(uri) ?? [];
    this.diagnosticWaiters.set(uri, waiters);
    let waiter!: (params: PublishDiagnosticsParams) => void;
    const arrived = new Promise<PublishDiagnosticsParams>((resolveParams) => (waiter = resolveParams));
    waiters.push(waiter);
    return this.within(`publishDiagnostics for ${uri}`, arrived).finally(() => {
      const index = waiters.indexOf(waiter);
      if (index >= 0) waiters.splice(index, 1);
    });
  }

  /** Opens a document and waits for the diagnostics the server publishes for it. */
  async openAndWaitForDiagnostics(uri: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri);
    await this.openDocument(uri, text, languageId);
    return next;
  }

  /** shutdown, then exit, as an editor does; resolves with how the process ended. */
  async stop(): Promise<Exit> {
    await this.within('shutdown', this.connection.sendRequest(ShutdownRequest.type));
    await this.connection.sendNotification(ExitNotification.type);
    const exit = await this.within('exit', this.exited, true);
    this.connection.dispose();
    return exit;
  }

  /** Resolves when the process has exited, however it ended. */
  get whenExited(): Promise<Exit> {
    return this.exited;
  }

  /** Whatever state a test left it in, ends the process (for afterEach). */
  dispose(): void {
    this.connection.dispose();
    if (!this.exit) this.process.kill('SIGKILL');
  }

  private error(message: string): Error {
    return new Error(`${message}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`);
  }
}
