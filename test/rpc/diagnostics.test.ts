// Diagnostics, code actions and cross-file invalidation, against the real server process over stdio.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { writeProject } from './helpers/project';
import { LanguageServerUnderTest } from './helpers/server';

const CONSTANTS = `export const Steps = { ACCOUNT: 'fetch-account', USERS: 'fetch-users' };\n`;
const STEPS = `import { Steps } from './constants';
export const steps = [
  { id: Steps.ACCOUNT, name: 'Account', entities: [], relationships: [], executionHandler: async () => {} },
  { id: Steps.USERS, name: 'Users', entities: [], relationships: [], dependsOn: ['fetch-acount'], executionHandler: async () => {} },
];
`;
const INDEX = `import { steps } from './steps';\nexport const invocationConfig = { integrationSteps: steps };\n`;

function project(): string {
  return writeProject('lens-rpc', { 'package.json': '{"name":"x","dependencies":{"@jupiterone/integration-sdk-core":"^12.0.0"}}', 'src/constants.ts': CONSTANTS, 'src/steps.ts': STEPS, 'src/index.ts': INDEX });
}

const uri = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe('diagnostics over JSON-RPC (push)', () => {
  let server: LanguageServerUnderTest | undefined;
  afterEach(() => {
    server?.dispose();
    server = undefined;
  });

  it('publishes findings after open, with range, code, version and a quick fix', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const published = await server.openAndWaitForDiagnostics(uri(dir, 'src/steps.ts'), STEPS);
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published.diagnostics), ['unknown-dependency']);
    const [d] = published.diagnostics;
    assert.deepEqual(d.range, { start: { line: 3, character: 81 }, end: { line: 3, character: 95 } });
    assert.equal(d.source, 'integration-lens');
    assert.match(String(d.message), /Did you mean "fetch-account"/);

    const actions = await server.within(
      'codeAction',
      server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uri(dir, 'src/steps.ts') },
        range: d.range,
        context: { diagnostics: [d] },
      }),
    );
    const fix = actions?.find((a) => 'edit' in a && a.title === 'Change to "fetch-account"');
    assert.ok(fix && 'edit' in fix && fix.edit?.changes);
    assert.deepEqual(fix.edit.changes[uri(dir, 'src/steps.ts')], [{ range: d.range, newText: "'fetch-account'" }]);
  });

  it('republishes after an edit of the open buffer (unsaved), carrying its version', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const steps = uri(dir, 'src/steps.ts');
    await server.openAndWaitForDiagnostics(steps, STEPS);
    const next = server.nextDiagnostics(steps);
    await server.changeDocument(steps, STEPS.replace('fetch-acount', 'fetch-account'), 2);
    const published = await next;
    assert.equal(published.version, 2);
    assert.deepEqual(published.diagnostics, []);
  });

  it('re-validates a step file when a constants file it imports changes', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const steps = uri(dir, 'src/steps.ts');
    const constants = uri(dir, 'src/constants.ts');
    const fixed = STEPS.replace("'fetch-acount'", 'Steps.ACCOUNT');
    await server.openAndWaitForDiagnostics(steps, fixed);
    await server.openAndWaitForDiagnostics(constants, CONSTANTS);
    // Opening constants.ts changes nothing for steps.ts: an unchanged result is not published again.
    const next = server.nextDiagnostics(steps);
    await server.changeDocument(constants, CONSTANTS.replace("USERS: 'fetch-users'", "USERS: 'fetch-account'"), 2);
    const published = await next;
    // Both steps now have id fetch-account, and the second depends on itself.
    assert.deepEqual(codes(published.diagnostics).sort(), ['dependency-cycle', 'duplicate-step-id']);
  });

  it('publishes an empty list when a document closes', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const steps = uri(dir, 'src/steps.ts');
    await server.openAndWaitForDiagnostics(steps, STEPS);
    const next = server.nextDiagnostics(steps);
    await server.closeDocument(steps);
    assert.deepEqual((await next).diagnostics, []);
  });

  it('does not crash on half-typed code and keeps reporting the rest', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const steps = uri(dir, 'src/steps.ts');
    await server.openAndWaitForDiagnostics(steps, STEPS);
    const next = server.nextDiagnostics(steps);
    await server.changeDocument(steps, STEPS.replace("name: 'Users',", "name: 'Users', entities: [{ _type: "), 2);
    const published = await next;
    assert.ok(codes(published.diagnostics).includes('syntax-error'), JSON.stringify(published.diagnostics));
  });
});

describe('diagnostics over JSON-RPC (pull)', () => {
  let server: LanguageServerUnderTest | undefined;
  afterEach(() => {
    server?.dispose();
    server = undefined;
  });

  it('answers textDocument/diagnostic with the findings of the document', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({
      rootPath: dir,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    assert.ok(server.initializeResult.capabilities.diagnosticProvider);
    const steps = uri(dir, 'src/steps.ts');
    await server.openDocument(steps, STEPS);
    const report: DocumentDiagnosticReport = await server.within(
      'diagnostic',
      server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: steps } }),
    );
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes((report as FullDocumentDiagnosticReport).items), ['unknown-dependency']);
  });
});
