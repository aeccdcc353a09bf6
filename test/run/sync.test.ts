// j1-integration sync and run with the real CLI 8.41.0, uploading to the fake JupiterOne API through --api-base-url;
// the environment built as the task builds it (API key from secret storage, the rest from the project's .env); the
// snapshot the task keeps after a successful sync.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { outcomeOf } from '../../client/src/tasks/cliProcess';
import { buildTaskEnvironment } from '../../client/src/tasks/environment';
import type { J1TaskDefinition } from '../../client/src/tasks/definition';
import { saveSyncSnapshot } from '../../client/src/sync/saveSnapshot';
import { snapshotGraphDirectory, snapshotManifestPath } from '../../client/src/sync/snapshotLocation';
import { startDataServer, type DataServer } from '../support/dataServer';
import { startFakeJupiterOne, type FakeJupiterOne } from '../support/fakeJupiterOne';
import { ACCOUNT, API_KEY, copyFixture, FIXTURE_TOKEN, listFiles, readGraph, runTask } from './helpers';

describe('sync and run with the real j1-integration against a fake JupiterOne', function () {
  let data: DataServer;
  let j1: FakeJupiterOne;
  let storage: string | undefined;
  beforeEach(async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN });
    j1 = await startFakeJupiterOne({ apiKey: API_KEY, account: ACCOUNT });
  });
  afterEach(async () => {
    await data.close();
    await j1.close();
    if (storage) fs.rmSync(storage, { recursive: true, force: true });
    storage = undefined;
  });

  /** A fixture copy whose .env names the data server, the token and the account (not the key). */
  function project(): string {
    const dir = copyFixture();
    fs.writeFileSync(path.join(dir, '.env'), `API_BASE_URL=${data.url}\nAPI_TOKEN=${FIXTURE_TOKEN}\nJUPITERONE_ACCOUNT=${ACCOUNT}\n`);
    return dir;
  }

  function environment(dir: string, definition: J1TaskDefinition) {
    const processEnv = { ...process.env };
    delete processEnv.JUPITERONE_API_KEY;
    delete processEnv.JUPITERONE_ACCOUNT;
    const built = buildTaskEnvironment({
      definition,
      dotenvText: fs.readFileSync(path.join(dir, '.env'), 'utf8'),
      processEnv,
      storedApiKey: API_KEY,
      configFields: [
        { name: 'apiBaseUrl', mask: false },
        { name: 'apiToken', mask: true },
      ],
    });
    assert.deepEqual(built.problems, []);
    return built;
  }

  it('sync uploads what collect wrote, then finalizes; the task keeps a snapshot of it', async () => {
    const dir = project();
    const collect = await runTask(dir, { command: 'collect' }, {});
    assert.equal(collect.exit.code, 0, collect.output);
    const collected = readGraph(dir);

    const definition: J1TaskDefinition = { type: 'j1-integration', command: 'sync', integrationInstanceId: 'inst-1', apiBaseUrl: j1.url };
    const built = environment(dir, definition);
    assert.equal(built.apiKeySource, 'secret storage');
    assert.equal(built.accountSource, '.env');
    assert.deepEqual(built.secrets.sort(), [API_KEY, FIXTURE_TOKEN].sort());
    const run = await runTask(dir, definition, built.env, built.secrets);

    assert.equal(run.exit.code, 0, run.output);
    assert.ok(!run.output.includes(API_KEY), 'the API key was printed');
    assert.equal(run.report.syncStatus, 'FINALIZE_PENDING');
    assert.equal(run.report.entitiesUploaded, collected.entities.length);
    assert.equal(run.report.relationshipsUploaded, collected.relationships.length);
    assert.deepEqual(outcomeOf('sync', run.exit, run.report), { exitCode: 0, synced: true });

    assert.equal(j1.jobs.length, 1);
    const [job] = j1.jobs;
    assert.equal(job.status, 'FINALIZE_PENDING');
    assert.equal(job.source, 'integration-managed');
    assert.equal(job.integrationInstanceId, 'inst-1');
    assert.deepEqual(job.entities.map((e) => e._key).sort(), collected.entities.map((e) => e._key).sort());
    assert.deepEqual(job.relationships.map((r) => r._key).sort(), collected.relationships.map((r) => r._key).sort());
    assert.deepEqual(job.partialDatasets, { types: [] });
    for (const request of j1.requests) {
      assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
      assert.equal(request.headers['lifeomic-account'], ACCOUNT);
    }
    // Uploads and events interleave; the job is created first and finalized last.
    const routes = j1.requests.map((r) => `${r.method} ${r.path.replace(job.id, ':id')}`);
    assert.equal(routes[0], 'POST /persister/synchronization/jobs');
    assert.equal(routes.at(-1), 'POST /persister/synchronization/jobs/:id/finalize');
    assert.deepEqual([...new Set(routes)].sort(), [
      'POST /persister/synchronization/jobs',
      'POST /persister/synchronization/jobs/:id/entities',
      'POST /persister/synchronization/jobs/:id/events',
      'POST /persister/synchronization/jobs/:id/finalize',
      'POST /persister/synchronization/jobs/:id/relationships',
    ]);

    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'il-storage-'));
    await saveSyncSnapshot(storage, { projectPath: dir, syncedAt: '2030-01-01T00:00:00.000Z', command: 'sync', integrationInstanceId: 'inst-1' });
    const graph = path.join(dir, '.j1-integration', 'graph');
    const copy = snapshotGraphDirectory(storage, dir);
    const relative = (root: string) => listFiles(root).map((f) => path.relative(root, f)).sort();
    assert.deepEqual(relative(copy), relative(graph));
    for (const file of relative(graph)) assert.equal(fs.readFileSync(path.join(copy, file), 'utf8'), fs.readFileSync(path.join(graph, file), 'utf8'));
    assert.deepEqual(JSON.parse(fs.readFileSync(snapshotManifestPath(storage, dir), 'utf8')), {
      projectPath: dir,
      syncedAt: '2030-01-01T00:00:00.000Z',
      command: 'sync',
      integrationInstanceId: 'inst-1',
    });

    // A second snapshot replaces the first: no file of an older collection survives.
    fs.writeFileSync(path.join(copy, 'stale.json'), '{}');
    await saveSyncSnapshot(storage, { projectPath: dir, syncedAt: '2030-01-02T00:00:00.000Z', command: 'sync' });
    assert.ok(!fs.existsSync(path.join(copy, 'stale.json')));
    assert.deepEqual(relative(copy), relative(graph));
  });

  it('run collects and uploads in one go, steps in order, and finalizes with the partial datasets', async () => {
    const dir = project();
    const definition: J1TaskDefinition = { type: 'j1-integration', command: 'run', integrationInstanceId: 'inst-2', apiBaseUrl: j1.url };
    const built = environment(dir, definition);
    const run = await runTask(dir, definition, built.env, built.secrets);
    assert.equal(run.exit.code, 0, run.output);
    assert.deepEqual(run.report.started, ['fetch-account', 'fetch-users', 'fetch-groups']);
    assert.deepEqual(outcomeOf('run', run.exit, run.report), { exitCode: 0, synced: true });
    assert.ok(!run.output.includes(API_KEY) && !run.output.includes(FIXTURE_TOKEN), 'a secret was printed');
    const [job] = j1.jobs;
    assert.equal(job.status, 'FINALIZE_PENDING');
    assert.equal(job.integrationInstanceId, 'inst-2');
    const written = readGraph(dir);
    assert.deepEqual(job.entities.map((e) => e._key).sort(), written.entities.map((e) => e._key).sort());
    assert.equal(job.relationships.length, written.relationships.length);
  });

  it('a sync the API refuses keeps no snapshot and fails the task', async () => {
    const dir = project();
    assert.equal((await runTask(dir, { command: 'collect' }, {})).exit.code, 0);
    const definition: J1TaskDefinition = { type: 'j1-integration', command: 'sync', integrationInstanceId: 'inst-1', apiBaseUrl: j1.url };
    const built = environment(dir, definition);
    const run = await runTask(dir, definition, { ...built.env, JUPITERONE_API_KEY: 'wrong-key-123' }, [...built.secrets, 'wrong-key-123']);
    const outcome = outcomeOf('sync', run.exit, run.report);
    assert.equal(outcome.synced, false);
    assert.notEqual(outcome.exitCode, 0);
    assert.ok(!run.output.includes('wrong-key-123'));
    assert.equal(j1.jobs.length, 0);
  });
});
