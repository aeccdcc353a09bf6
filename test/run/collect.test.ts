// j1-integration collect, run by the task's runner with the real CLI 8.41.0 on the fixture integration.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outcomeOf, startCli } from '../../client/src/tasks/cliProcess';
import { MASK } from '../../client/src/tasks/mask';
import { formatProblem, problemsOf, type Locator } from '../../client/src/tasks/problems';
import { GROUPS, startDataServer, USERS, type DataServer } from '../support/dataServer';
import { copyFixture, FIXTURE_TOKEN, readGraph, runTask } from './helpers';

describe('collect with the real j1-integration', function () {
  let data: DataServer | undefined;
  afterEach(async () => {
    await data?.close();
    data = undefined;
  });

  it('collects every step from the local server: summary.json, graph files, a clean report', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN });
    const project = copyFixture();
    const run = await runTask(project, { command: 'collect' }, { API_BASE_URL: data.url, API_TOKEN: FIXTURE_TOKEN }, [FIXTURE_TOKEN]);

    assert.equal(run.exit.code, 0, run.output);
    assert.deepEqual(data.requests, ['/account', '/users', '/groups']);
    assert.deepEqual(outcomeOf('collect', run.exit, run.report), { exitCode: 0, synced: false });
    assert.deepEqual(run.report.started, ['fetch-account', 'fetch-users', 'fetch-groups']);
    assert.deepEqual([...run.report.results], [
      ['fetch-account', 'success'],
      ['fetch-users', 'success'],
      ['fetch-groups', 'success'],
    ]);
    assert.equal(run.report.undeclaredTypes.size, 0);
    assert.equal(run.report.errors.length, 0);

    const summary = JSON.parse(fs.readFileSync(path.join(project, '.j1-integration', 'summary.json'), 'utf8'));
    assert.deepEqual(
      summary.integrationStepResults.map((r: { id: string; status: string; encounteredTypes: string[] }) => [r.id, r.status, r.encounteredTypes]),
      [
        ['fetch-account', 'success', ['run_account']],
        ['fetch-users', 'success', ['run_user', 'run_account_has_user']],
        ['fetch-groups', 'success', ['run_group', 'run_account_has_group', 'run_group_has_user']],
      ],
    );
    const graph = readGraph(project);
    assert.deepEqual(graph.entities.map((e) => e._key).sort(), [
      'run_account:acct-1',
      ...GROUPS.map((g) => `run_group:${g.id}`),
      ...USERS.map((u) => `run_user:${u.id}`),
    ].sort());
    assert.equal(graph.relationships.length, USERS.length + GROUPS.length + GROUPS.reduce((n, g) => n + g.members.length, 0));
  });

  it('masks the masked config field the integration logs: the token never reaches the output', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN });
    const project = copyFixture();
    const run = await runTask(project, { command: 'collect' }, { API_BASE_URL: data.url, API_TOKEN: FIXTURE_TOKEN }, [FIXTURE_TOKEN]);
    assert.equal(run.exit.code, 0, run.output);
    assert.ok(!run.output.includes(FIXTURE_TOKEN), 'the token was printed');
    // The fixture logs "... with token <token>": the line is there, masked.
    assert.match(run.output, new RegExp(`with token \\S*${MASK.replace(/\*/g, '\\*')}`));
  });

  it('reports a failing step at the frame that threw and undeclared types at the step; the task fails', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN, failGroups: true, serviceAccount: true });
    const project = copyFixture();
    const run = await runTask(project, { command: 'collect' }, { API_BASE_URL: data.url, API_TOKEN: FIXTURE_TOKEN });

    assert.equal(run.exit.code, 0, 'j1-integration itself exits 0 when a step fails');
    assert.deepEqual(outcomeOf('collect', run.exit, run.report), { exitCode: 1, synced: false, reason: 'step failed: fetch-groups' });
    assert.equal(run.report.results.get('fetch-groups'), 'failure');
    assert.deepEqual(run.report.undeclaredTypes.get('fetch-users'), ['run_service_account', 'run_account_has_service_account']);
    assert.equal(run.report.errors.length, 1);
    assert.equal(run.report.errors[0].stepId, 'fetch-groups');
    assert.equal(run.report.errors[0].message, 'Error: GET /groups answered 500');

    const usersStep = { file: path.join(project, 'src/steps/users.js'), line: 36, column: 3 };
    const locator: Locator = {
      projectPath: project,
      step: (id) => (id === 'fetch-users' ? usersStep : undefined),
      configField: () => undefined,
      fallback: { file: path.join(project, 'package.json'), line: 1, column: 1 },
    };
    const lines = problemsOf(run.report, locator).map(formatProblem);
    assert.deepEqual(lines, [
      `${usersStep.file}:36:3: warning: Step "fetch-users" collected undeclared types: run_service_account, run_account_has_service_account. Declare them in the step's entities or relationships, or the data of a failed run may be deleted.`,
      `${path.join(project, 'src/client.js')}:6:27: error: Step "fetch-groups" failed: Error: GET /groups answered 500`,
    ]);
    assertMatchedByContributedMatchers(lines);
  });

  it('reports a config field without a value at the field', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN });
    const project = copyFixture();
    const run = await runTask(project, { command: 'collect' }, { API_BASE_URL: data.url, API_TOKEN: undefined });
    assert.equal(run.exit.code, 1, run.output);
    assert.deepEqual([...run.report.missingConfig], [['apiToken', 'API_TOKEN']]);
    const field = { file: path.join(project, 'src/index.js'), line: 10, column: 3 };
    const lines = problemsOf(run.report, {
      projectPath: project,
      step: () => undefined,
      configField: (name) => (name === 'apiToken' ? field : undefined),
      fallback: { file: path.join(project, 'package.json'), line: 1, column: 1 },
    }).map(formatProblem);
    assert.deepEqual(lines, [`${field.file}:10:3: error: Config field "apiToken" has no value: set API_TOKEN in the project's .env.`]);
    assertMatchedByContributedMatchers(lines);
  });

  it('collects one step with --step, its dependencies from the cache of the previous collect', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN });
    const project = copyFixture();
    const env = { API_BASE_URL: data.url, API_TOKEN: FIXTURE_TOKEN };
    assert.equal((await runTask(project, { command: 'collect' }, env)).exit.code, 0);
    data.requests.length = 0;
    const run = await runTask(project, { command: 'collect', step: ['fetch-groups'] }, env);
    assert.equal(run.exit.code, 0, run.output);
    assert.deepEqual(data.requests, ['/groups']);
    assert.equal(run.report.results.get('fetch-groups'), 'success');
    assert.deepEqual(outcomeOf('collect', run.exit, run.report).exitCode, 0);
  });

  it('stops the CLI and its process group while a step waits on the network', async () => {
    data = await startDataServer({ token: FIXTURE_TOKEN, hang: '/users' });
    const project = copyFixture();
    let resolveStarted!: () => void;
    const usersStarted = new Promise<void>((resolve) => (resolveStarted = resolve));
    const run = startCli({
      cli: path.join(project, 'node_modules', '.bin', 'j1-integration'),
      args: ['collect'],
      cwd: project,
      env: { ...process.env, API_BASE_URL: data.url, API_TOKEN: FIXTURE_TOKEN },
      secrets: [],
      onOutput: () => undefined,
      onEvent: (event) => event.kind === 'stepStarted' && event.stepId === 'fetch-users' && resolveStarted(),
    });
    await usersStarted;
    const exit = await run.stop();
    assert.equal(exit.stopped, true);
    assert.equal(exit.signal, 'SIGTERM');
    assert.deepEqual(outcomeOf('collect', exit, run.report), { exitCode: 130, synced: false, reason: 'stopped' });
    assert.throws(() => process.kill(-run.pid!, 0), /ESRCH/, 'the process group is gone');
  });
});

/** The problem matchers package.json contributes, applied as VS Code applies a single-line pattern. */
function assertMatchedByContributedMatchers(lines: string[]): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
  const matchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number } }[] =
    manifest.contributes.problemMatchers;
  for (const line of lines) {
    const hits = matchers.filter((m) => new RegExp(m.pattern.regexp).test(line));
    assert.equal(hits.length, 1, `exactly one contributed problem matcher should match: ${line} (matched: ${hits.map((m) => m.name).join(', ')})`);
    const match = new RegExp(hits[0].pattern.regexp).exec(line)!;
    assert.ok(fs.existsSync(match[hits[0].pattern.file]), `file group names an existing file: ${match[hits[0].pattern.file]}`);
    assert.match(match[hits[0].pattern.line], /^\d+$/);
    assert.match(match[hits[0].pattern.column], /^\d+$/);
    assert.match(match[hits[0].pattern.severity], /^(error|warning)$/);
    assert.equal(match[hits[0].pattern.message], line.replace(/^.*?:\d+:\d+: (?:error|warning): /, ''));
  }
}
