// The requests behind the Steps view, the webviews and the sync preview, and diagnostics on collected graph files,
// from the real server over stdio.
import * as assert from 'node:assert/strict';

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CollectedObjectResult,
  GraphResult,
  RunViewResult,
  SyncPreviewResult,
} from '../../server/src/lsp/protocol';
import { writeProject } from './helpers/project';
import { LanguageServerUnderTest } from './helpers/server';

const INDEX = `export const invocationConfig = {
  instanceConfigFields: { apiKey: { type: 'string', mask: true }, orgName: { type: 'string' } },
  integrationSteps: [
    { id: 'fetch-groups', name: 'Fetch Groups', entities: [{ resourceName: 'Group', _type: 'acme_group', _class: 'Group' }],
      relationships: [{ _type: 'acme_account_has_group', _class: 'HAS', sourceType: 'acme_account', targetType: 'acme_group' }],
      dependsOn: ['fetch-account'], executionHandler: async () => {} },
    { id: 'fetch-account', name: 'Fetch Account', entities: [{ resourceName: 'Account', _type: 'acme_account', _class: 'Account' }],
      relationships: [], executionHandler: async () => {} },
  ],
};
`;
const SECRET = 'super-secret-api-key-123';
const account = { _key: 'acme-account-1', _type: 'acme_account', _class: ['Account'], name: 'Acme', displayName: 'Acme', vendor: 'Acme', note: `key is ${SECRET}` };
const group = (key: string) => ({ _key: key, _type: 'acme_group', _class: ['Group'], name: key, displayName: key });
const has = (to: string) => ({ _key: `acme-account-1|has|${to}`, _type: 'acme_account_has_group', _class: 'HAS', _fromEntityKey: 'acme-account-1', _toEntityKey: to, displayName: 'HAS' });
const RELATIONSHIPS = JSON.stringify({ relationships: [has('acme-group-a'), has('acme-group-ghost')] }, null, 2);
const SUMMARY = {
  integrationStepResults: [
    { id: 'fetch-account', name: 'Fetch Account', declaredTypes: ['acme_account'], partialTypes: [], encounteredTypes: ['acme_account'], status: 'success' },
    { id: 'fetch-groups', name: 'Fetch Groups', declaredTypes: ['acme_group', 'acme_account_has_group'], partialTypes: [], encounteredTypes: ['acme_group', 'acme_account_has_group', 'acme_group_extra'], status: 'failure', dependsOn: ['fetch-account'] },
  ],
  metadata: { partialDatasets: { types: ['acme_group', 'acme_account_has_group'] } },
};

function project(): string {
  return writeProject('lens-views', {
    'package.json': JSON.stringify({ name: 'acme', dependencies: { '@jupiterone/integration-sdk-core': '8.41.0' } }),
    'src/index.ts': INDEX,
    '.env': `API_KEY=${SECRET}\nORG_NAME=acme\n`,
    '.j1-integration/summary.json': JSON.stringify(SUMMARY, null, 2),
    '.j1-integration/graph/fetch-account/entities/a.json': JSON.stringify({ entities: [account] }),
    '.j1-integration/graph/fetch-groups/entities/b.json': JSON.stringify({ entities: [group('acme-group-a')] }),
    '.j1-integration/graph/fetch-groups/relationships/c.json': RELATIONSHIPS,
    'snapshot/graph/fetch-groups/entities/b.json': JSON.stringify({ entities: [group('acme-group-a'), group('acme-group-old')] }),
    'snapshot/snapshot.json': JSON.stringify({ projectPath: '/x', syncedAt: '2024-01-01T00:00:00Z', command: 'sync', integrationInstanceId: 'i-1' }),
  });
}

describe('run views over JSON-RPC', () => {
  let server: LanguageServerUnderTest;
  let dir: string;

  before(async () => {
    dir = project();
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
  });
  after(() => server.dispose());

  it('lists the steps in run order with their last results and the collected-data checks', async () => {
    const result = await server.within('runView', server.connection.sendRequest<RunViewResult>('integrationLens/runView', {}));
    assert.equal(result.projects.length, 1);
    const [p] = result.projects;
    assert.equal(p.ok, true);
    assert.deepEqual(p.steps.map((s) => [s.id, s.result?.status]), [
      ['fetch-account', 'success'],
      ['fetch-groups', 'failure'],
    ]);
    const groups = p.steps[1];
    assert.deepEqual(groups.result?.undeclaredTypes, ['acme_group_extra']);
    assert.equal(groups.location.uri, pathToFileURL(path.join(dir, 'src/index.ts')).href);
    assert.equal(INDEX.split('\n')[groups.location.range.start.line].slice(groups.location.range.start.character, groups.location.range.end.character), "'fetch-groups'");
    assert.equal(p.collected.entities, 2);
    assert.deepEqual(p.collected.checks.map((c) => c.code), ['collected-missing-endpoint']);
  });

  it('publishes the collected-data checks on the graph file that holds them', async () => {
    const file = path.join(dir, '.j1-integration/graph/fetch-groups/relationships/c.json');
    const published = await server.openAndWaitForDiagnostics(pathToFileURL(file).href, RELATIONSHIPS, 'json');
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.equal(d.code, 'collected-missing-endpoint');
    const line = RELATIONSHIPS.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '"acme-group-ghost"');
  });

  it('returns the three graphs', async () => {
    const graph = (kind: string) => server.within(kind, server.connection.sendRequest<GraphResult>('integrationLens/graph', { root: dir, kind }));
    const collected = (await graph('collected'))!;
    assert.deepEqual(collected.nodes.map((n) => n.id).sort(), ['acme-account-1', 'acme-group-a']);
    assert.equal(collected.edges.length, 1);
    const types = (await graph('types'))!;
    assert.deepEqual(types.edges, [{ from: 'acme_account', to: 'acme_group', label: 'HAS' }]);
    const steps = (await graph('steps'))!;
    assert.deepEqual(steps.nodes.map((n) => n.label), ['1. Fetch Account', '2. Fetch Groups']);
    assert.equal(await graph('nonsense'), null);
  });

  it('shows a collected object with the masked config value hidden', async () => {
    const result = await server.within('collectedObject', server.connection.sendRequest<CollectedObjectResult>('integrationLens/collectedObject', { root: dir, key: 'acme-account-1' }));
    assert.ok(result);
    assert.ok(!result.text.includes(SECRET));
    assert.match(result.text, /"note": "key is \*\*\*\*\*\*\*\*"/);
    const missing = await server.connection.sendRequest<CollectedObjectResult>('integrationLens/collectedObject', { root: dir, key: 'nope' });
    assert.equal(missing, null);
  });

  it('previews a sync against a snapshot, keeping partial types', async () => {
    const result = await server.within('syncPreview', server.connection.sendRequest<SyncPreviewResult>('integrationLens/syncPreview', { root: dir, snapshot: path.join(dir, 'snapshot') }));
    assert.ok(result);
    const groups = result.types.find((t) => t.type === 'acme_group')!;
    assert.equal(groups.partial, true);
    assert.deepEqual([groups.entities.unchanged, groups.entities.deleted, groups.entities.keptPartial], [1, 0, 1]);
    assert.equal(result.types.find((t) => t.type === 'acme_account')!.entities.created, 1);
    assert.equal(result.snapshotInfo?.integrationInstanceId, 'i-1');
  });

});
