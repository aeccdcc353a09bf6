// What the language-server benchmarks share: the real server process (dist/server.js) over stdio, initialized
// for one workspace folder, with the client capabilities that make it answer diagnostic pulls.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const rpc = require('vscode-languageserver-protocol/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the server on `dir` and completes the handshake; `env` is added to this process's environment. */
export async function startServer(dir, env = {}) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.listen();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  // The server answers the first pull with what needs no handler effects, then asks to pull again for the rest.
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  return { child, connection };
}
