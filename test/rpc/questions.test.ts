// Question files (jupiterone/questions/*.yaml) through the real server process: diagnostics at exact positions,
// re-validation on edits of the file and of the integration's steps, hover, completion and definition in queries.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
  type LocationLink,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { writeProject } from './helpers/project';
import { LanguageServerUnderTest } from './helpers/server';

const STEPS = `export const steps = [
  { id: 'fetch-users', name: 'Fetch Users', entities: [{ resourceName: 'User', _type: 'acme_user', _class: ['User'] }], relationships: [], executionHandler: async () => {} },
];
`;
const INDEX = `import { steps } from './steps';\nexport const invocationConfig = { integrationSteps: steps };\n`;
const QUESTIONS = `---
sourceId: managed:acme
integrationDefinitionId: '\${integration_definition_id}'
questions:
  - id: acme-users-in-groups
    title: Which Acme users are in a group?
    description: Users and their groups.
    queries:
      - name: good
        query: >-
          FIND acme_user
            THAT HAS acme_group
    tags:
      - acme
`;

const uri = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;

function positionOf(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function project(): string {
  return writeProject('lens-questions', { 'package.json': '{"name":"x"}', 'src/steps.ts': STEPS, 'src/index.ts': INDEX, 'jupiterone/questions/questions.yaml': QUESTIONS });
}

describe('question files over JSON-RPC', () => {
  let server: LanguageServerUnderTest | undefined;
  afterEach(() => {
    server?.dispose();
    server = undefined;
  });

  it('publishes a J1QL syntax error at its line and column inside a folded query, and clears it after an edit', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const questions = uri(dir, 'jupiterone/questions/questions.yaml');
    const broken = QUESTIONS.replace('THAT HAS acme_group', 'THAT HAS acme_user WITH');
    const published = await server.openAndWaitForDiagnostics(questions, broken, 'yaml');
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range]),
      [['j1ql-syntax', { start: positionOf(broken, 'WITH', 4), end: positionOf(broken, 'WITH', 4) }]],
    );
    assert.equal(published.diagnostics[0].severity, 1);
    assert.match(String(published.diagnostics[0].message), /Unexpected end of query, expected a property name/);

    const next = server.nextDiagnostics(questions);
    const duplicated = broken.replace(' WITH', '').replace('name: good', 'name: good\n        query: FIND acme_user\n      - name: good');
    await server.changeDocument(questions, duplicated, 2);
    const after = await next;
    assert.equal(after.version, 2);
    assert.deepEqual(
      after.diagnostics.map((d) => [d.code, d.range.start]),
      [['question-duplicate-query-name', positionOf(duplicated, 'good', duplicated.indexOf('good', duplicated.indexOf('good') + 1) - duplicated.indexOf('good'))]],
    );
  });

  it('drops the undeclared-type warning when a step declares the type', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const questions = uri(dir, 'jupiterone/questions/questions.yaml');
    const first = await server.openAndWaitForDiagnostics(questions, QUESTIONS, 'yaml');
    assert.deepEqual(
      first.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['j1ql-undeclared-type', 2, { start: positionOf(QUESTIONS, 'acme_group'), end: positionOf(QUESTIONS, 'acme_group', 10) }]],
    );

    const steps = uri(dir, 'src/steps.ts');
    await server.openAndWaitForDiagnostics(steps, STEPS);
    const next = server.nextDiagnostics(questions);
    const declared = STEPS.replace("_class: ['User'] }]", "_class: ['User'] }, { resourceName: 'Group', _type: 'acme_group', _class: ['Group'] }]");
    await server.changeDocument(steps, declared, 2);
    const after = await next;
    assert.deepEqual(after.diagnostics, []);
  });

  it('hovers a _type in a query, completes entities after THAT HAS, and goes to the declaring step', async () => {
    const dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const questions = uri(dir, 'jupiterone/questions/questions.yaml');
    await server.openAndWaitForDiagnostics(questions, QUESTIONS, 'yaml');

    const hover = await server.within('hover', server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: questions }, position: positionOf(QUESTIONS, 'acme_user', 2) }));
    assert.match((hover?.contents as MarkupContent).value, /^\*\*Entity type\*\* `acme_user`\n\n- class: User/);
    assert.deepEqual(hover?.range, { start: positionOf(QUESTIONS, 'acme_user'), end: positionOf(QUESTIONS, 'acme_user', 9) });

    const completion = (await server.within(
      'completion',
      server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: questions }, position: positionOf(QUESTIONS, 'acme_group', 4) }),
    )) as CompletionItem[] | CompletionList;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((i) => i.label === 'acme_user'));
    assert.ok(items.some((i) => i.label === 'Group'));

    const definition = (await server.within(
      'definition',
      server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: questions }, position: positionOf(QUESTIONS, 'acme_user', 1) }),
    )) as Location[] | LocationLink[];
    const target = definition[0];
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const targetRange = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
    assert.equal(targetUri, uri(dir, 'src/steps.ts'));
    assert.deepEqual(targetRange.start, positionOf(STEPS, "'acme_user'"));
  });
});
