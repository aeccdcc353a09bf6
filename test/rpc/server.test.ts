// The real bundled server, over stdio: lifecycle, capabilities, custom requests.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver-protocol/node';
import { StatusRequest, type StatusResult } from '../../server/src/lsp/protocol';
import { fileUri, LanguageServerUnderTest, repoRoot } from './helpers/server';

const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('language server over stdio', () => {
  let server: LanguageServerUnderTest | undefined;

  afterEach(() => {
    server?.dispose();
    server = undefined;
  });

  it('advertises incremental document sync and names itself on initialize', async () => {
    server = await LanguageServerUnderTest.start();
    const { capabilities, serverInfo } = server.initializeResult;
    const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.deepEqual(serverInfo, { name: 'integration-lens', version });
  });

  it(`answers ${StatusRequest.method} with ok and the extension version`, async () => {
    server = await LanguageServerUnderTest.start();
    const status = await server.within(
      StatusRequest.method,
      server.connection.sendRequest<StatusResult>(StatusRequest.method),
    );
    assert.equal(status.ok, true);
    assert.equal(status.version, version);
    assert.ok(Array.isArray(status.projects));
  });

  it('clears the diagnostics of a document when it closes', async () => {
    server = await LanguageServerUnderTest.start();
    const uri = fileUri('test/e2e/workspaces/integration/src/index.ts');
    await server.openDocument(uri, 'export const invocationConfig = { integrationSteps: [] };\n');
    await server.changeDocument(uri, 'export const invocationConfig = {};\n', 2);
    await server.closeDocument(uri);
    const published = await server.nextDiagnostics(uri);
    assert.deepEqual(published, { uri, diagnostics: [] });
  });

  it('starts from the CLI with `integration-lens lsp --stdio`, for any LSP client', async () => {
    server = await LanguageServerUnderTest.start({ args: [resolve(repoRoot, 'dist/cli.js'), 'lsp', '--stdio'] });
    assert.equal(server.initializeResult.serverInfo?.name, 'integration-lens');
    const exit = await server.stop();
    assert.deepEqual(exit, { code: 0, signal: null });
  });

  it('exits with code 0 after shutdown and exit', async () => {
    server = await LanguageServerUnderTest.start();
    const exit = await server.stop();
    assert.deepEqual(exit, { code: 0, signal: null });
  });
});
