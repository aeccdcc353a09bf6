// Hover, definition, references, completion, symbols and code lenses from the real server over stdio.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { writeProject } from './helpers/project';
import { LanguageServerUnderTest } from './helpers/server';

const CONSTANTS = `export const Steps = { ACCOUNT: 'fetch-account', USERS: 'fetch-users', GROUPS: 'fetch-groups' };\n`;
const STEPS = `import { Steps } from './constants';
export const steps = [
  { id: Steps.ACCOUNT, name: 'Fetch Account', entities: [{ resourceName: 'Account', _type: 'acme_account', _class: ['Account'] }], relationships: [], executionHandler: async () => {} },
  { id: Steps.USERS, name: 'Fetch Users', entities: [], relationships: [], dependsOn: ['fetch-account'], executionHandler: async () => {} },
  { id: Steps.GROUPS, name: 'Fetch Groups', entities: [], relationships: [], dependsOn: [Steps.USERS, ''], executionHandler: async () => {} },
];
`;
const INDEX = `import { steps } from './steps';\nexport const invocationConfig = { integrationSteps: steps };\n`;

function project(): string {
  return writeProject('lens-features', { 'package.json': '{"name":"x"}', 'src/constants.ts': CONSTANTS, 'src/steps.ts': STEPS, 'src/index.ts': INDEX });
}

/** The LSP position of the `n`th occurrence of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('editor features over JSON-RPC', () => {
  let server: LanguageServerUnderTest;
  let dir: string;
  let stepsUri: string;

  before(async () => {
    dir = project();
    stepsUri = pathToFileURL(path.join(dir, 'src/steps.ts')).href;
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    await server.openAndWaitForDiagnostics(stepsUri, STEPS);
  });
  after(() => server.dispose());

  it('hovers a dependsOn step id with the step it names', async () => {
    const result = await server.within('hover', server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: stepsUri }, position: positionOf(STEPS, "'fetch-account'", 3) }));
    const value = (result?.contents as MarkupContent).value;
    assert.match(value, /Fetch Account/);
    assert.match(value, /acme_account/);
  });

  it('goes from a dependsOn string to the step it names, across files', async () => {
    const result = (await server.within('definition', server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: stepsUri }, position: positionOf(STEPS, "'fetch-account'", 3) }))) as Location[];
    assert.equal(result.length, 1);
    assert.equal(result[0].uri, stepsUri);
    assert.deepEqual(result[0].range.start, positionOf(STEPS, 'Steps.ACCOUNT'));
  });

  it('finds the references of a step id, including its constant', async () => {
    const result = (await server.within('references', server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: stepsUri }, position: positionOf(STEPS, "'fetch-account'", 3), context: { includeDeclaration: true } }))) as Location[];
    const files = result.map((l) => path.basename(new URL(l.uri).pathname)).sort();
    assert.deepEqual(files, ['constants.ts', 'steps.ts', 'steps.ts']);
  });

  it('completes step ids inside an empty dependsOn string, without the step itself or those listed', async () => {
    const result = (await server.within('completion', server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: stepsUri }, position: positionOf(STEPS, ", '']", 3) }))) as CompletionItem[] | CompletionList;
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    assert.deepEqual(labels, ['fetch-account']);
  });

  it('lists the steps of a file as document symbols, with their types', async () => {
    const result = (await server.within('documentSymbol', server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: stepsUri } }))) as DocumentSymbol[];
    assert.deepEqual(result.map((s) => s.name), ['fetch-account', 'fetch-users', 'fetch-groups']);
    assert.deepEqual(result[0].children?.map((c) => c.name), ['acme_account']);
  });

  it('puts "Run step" lenses above each step, with the dependency closure', async () => {
    const result = await server.within('codeLens', server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: stepsUri } }));
    const titles = (result ?? []).map((l) => l.command?.title);
    assert.deepEqual(titles, ['▶ Run step', '▶ Run step', 'Run with its dependencies (2 steps)', '▶ Run step', 'Run with its dependencies (3 steps, some unresolved)']);
    assert.deepEqual(result?.[2].command?.arguments?.[0], { projectPath: dir, stepIds: ['fetch-account', 'fetch-users'] });
  });
});
