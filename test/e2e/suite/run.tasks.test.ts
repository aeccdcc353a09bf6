// The j1-integration tasks in a real VS Code, on a copy of test/fixtures/run-integration with its real CLI 8.41.0:
// the API key command, the provider's collect, the tasks.json sync against a fake JupiterOne (the stored key is what
// the fake receives), the sync snapshot, Run step, the problem matchers, and terminating a task. The data server and
// the fake API run here, in the extension host, on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IntegrationLensApi } from '../../../client/src/extension';
import type { TaskRunResult } from '../../../client/src/tasks/taskTerminal';
import { startDataServer, type DataServer } from '../../support/dataServer';
import { startFakeJupiterOne, type FakeJupiterOne } from '../../support/fakeJupiterOne';
import { activeApi, workspaceFolder } from './helpers';
import { workbench } from './workbench';

const TOKEN = 'e2e-fixture-token-41b7';
const API_KEY = 'e2e-api-key-93c2';
const ACCOUNT = 'e2e-account';

describe('j1-integration tasks', function () {
  this.timeout(90_000);
  let api: IntegrationLensApi;
  let data: DataServer;
  let j1: FakeJupiterOne;
  let project: string;

  before(async () => {
    api = await activeApi();
    project = workspaceFolder().uri.fsPath;
    data = await startDataServer({ token: TOKEN });
    j1 = await startFakeJupiterOne({ apiKey: API_KEY, account: ACCOUNT });
    writeDotenv(data.url);
    await vscode.workspace.getConfiguration('integrationLens').update('jupiterOne.apiBaseUrl', j1.url, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await data?.close();
    await j1?.close();
  });

  function writeDotenv(dataUrl: string): void {
    fs.writeFileSync(path.join(project, '.env'), `API_BASE_URL=${dataUrl}\nAPI_TOKEN=${TOKEN}\nJUPITERONE_ACCOUNT=${ACCOUNT}\n`);
  }

  it('"Set JupiterOne API Key" stores the key in the secret storage', async () => {
    assert.equal(await api.hasApiKey(), false, 'a fresh profile has no key');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('integrationLens.setApiKey') && commands.includes('integrationLens.clearApiKey'));
    assert.equal(await vscode.commands.executeCommand('integrationLens.setApiKey', API_KEY), true);
    assert.equal(await api.hasApiKey(), true);
  });

  it('provides collect, sync and run; collect runs the real CLI and writes .j1-integration/summary.json', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'j1-integration' });
    const provided = tasks.filter((t) => t.source === 'j1-integration').map((t) => t.name);
    for (const name of ['collect', 'sync', 'run']) assert.ok(provided.includes(name), `no ${name} task in ${provided.join(', ')}`);
    const collect = tasks.find((t) => t.name === 'collect')!;
    assert.deepEqual(collect.problemMatchers, ['$j1-integration-undeclared-types', '$j1-integration-step-failure', '$j1-integration-config']);

    const summary = vscode.Uri.file(path.join(project, '.j1-integration', 'summary.json'));
    const summaryWritten = fileCreated(new vscode.RelativePattern(workspaceFolder(), '.j1-integration/summary.json'));
    const { exitCode, run } = await runToEnd(collect);
    assert.equal(exitCode, 0);
    await summaryWritten;
    assert.deepEqual(run.stepResults, { 'fetch-account': 'success', 'fetch-users': 'success', 'fetch-groups': 'success' });
    const results = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(summary))).integrationStepResults;
    assert.deepEqual(
      results.map((r: { id: string; status: string }) => `${r.id}:${r.status}`),
      ['fetch-account:success', 'fetch-users:success', 'fetch-groups:success'],
    );
    assert.deepEqual(data.requests.slice(-3), ['/account', '/users', '/groups']);
  });

  it('the tasks.json sync uploads with the stored key to the fake JupiterOne and keeps a snapshot', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'j1-integration' });
    const sync = tasks.find((t) => t.name === 'sync to the fake JupiterOne');
    assert.ok(sync, `tasks.json's sync task is not resolved: ${tasks.map((t) => t.name).join(', ')}`);
    const { exitCode, run } = await runToEnd(sync);
    assert.equal(exitCode, 0);

    assert.equal(j1.jobs.length, 1);
    const [job] = j1.jobs;
    assert.equal(job.status, 'FINALIZE_PENDING');
    assert.equal(job.integrationInstanceId, 'inst-e2e');
    assert.deepEqual(
      job.entities.map((e) => e._key).sort(),
      ['run_account:acct-1', 'run_group:g1', 'run_group:g2', 'run_user:u1', 'run_user:u2', 'run_user:u3'],
    );
    assert.equal(job.relationships.length, 8);
    // The key came from the secret storage: nothing else in this workspace or environment has it.
    assert.ok(j1.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`));

    assert.ok(run.snapshotDirectory, 'no snapshot was kept');
    const key = createHash('sha1').update(path.resolve(project)).digest('hex');
    assert.equal(path.basename(run.snapshotDirectory), key);
    assert.equal(path.basename(path.dirname(run.snapshotDirectory)), 'sync-snapshots');
    const manifest = JSON.parse(fs.readFileSync(path.join(run.snapshotDirectory, 'snapshot.json'), 'utf8'));
    assert.equal(manifest.projectPath, project);
    assert.equal(manifest.command, 'sync');
    assert.equal(manifest.integrationInstanceId, 'inst-e2e');
    assert.ok(!Number.isNaN(Date.parse(manifest.syncedAt)));
    const stepFolders = fs.readdirSync(path.join(run.snapshotDirectory, 'graph')).sort();
    assert.deepEqual(stepFolders, fs.readdirSync(path.join(project, '.j1-integration', 'graph')).sort());
  });

  it('Run step (the code lens command) collects one step, its dependencies from the cache', async () => {
    data.requests.length = 0;
    const ended = nextRun();
    const execution = await vscode.commands.executeCommand<vscode.TaskExecution>('integrationLens.runStep', { projectPath: project, stepIds: ['fetch-users'] });
    assert.equal(execution.task.definition.command, 'collect');
    assert.deepEqual(execution.task.definition.step, ['fetch-users']);
    const run = await ended;
    assert.equal(run.exitCode, 0);
    assert.equal(run.stepResults['fetch-users'], 'success');
    assert.deepEqual(data.requests, ['/users']);
  });

  it('a failing step becomes a problem where the error was thrown (the contributed problem matcher)', async () => {
    const failing = await startDataServer({ token: TOKEN, failGroups: true });
    try {
      writeDotenv(failing.url);
      const client = vscode.Uri.file(path.join(project, 'src', 'client.js'));
      const problem = new Promise<vscode.Diagnostic>((resolve) => {
        const subscription = vscode.languages.onDidChangeDiagnostics(() => {
          const found = vscode.languages.getDiagnostics(client).find((d) => d.message.startsWith('Step "fetch-groups" failed'));
          if (found) {
            subscription.dispose();
            resolve(found);
          }
        });
      });
      const collect = (await vscode.tasks.fetchTasks({ type: 'j1-integration' })).find((t) => t.name === 'collect')!;
      const { exitCode, run } = await runToEnd(collect);
      assert.equal(exitCode, 1, 'a failed step fails the task');
      assert.equal(run.stepResults['fetch-groups'], 'failure');
      const diagnostic = await problem;
      assert.equal(diagnostic.message, 'Step "fetch-groups" failed: Error: GET /groups answered 500');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diagnostic.range.start.line, 5); // `throw new Error(...)` on line 6
      await workbench.screenshot('run-problems').catch(() => undefined);
    } finally {
      writeDotenv(data.url);
      await failing.close();
    }
  });

  it('terminating a task stops the CLI and its process group', async () => {
    const hanging = await startDataServer({ token: TOKEN, hang: '/users' });
    try {
      writeDotenv(hanging.url);
      const collect = (await vscode.tasks.fetchTasks({ type: 'j1-integration' })).find((t) => t.name === 'collect')!;
      const ended = nextRun();
      const execution = await vscode.tasks.executeTask(collect);
      await hanging.requested('/users');
      execution.terminate();
      const run = await ended;
      assert.equal(run.exitCode, 130);
      assert.ok(run.pid);
      assert.throws(() => process.kill(-run.pid!, 0), /ESRCH/, 'the CLI process group is gone');
    } finally {
      writeDotenv(data.url);
      await hanging.close();
    }
  });

  /** The next run the extension reports as ended. */
  function nextRun(): Promise<TaskRunResult> {
    return new Promise((resolve) => {
      const subscription = api.onDidFinishTaskRun((result) => {
        subscription.dispose();
        resolve(result);
      });
    });
  }

  /** Executes a task; resolves with VS Code's exit code of it (onDidEndTaskProcess) and the extension's report. */
  async function runToEnd(task: vscode.Task): Promise<{ exitCode: number | undefined; run: TaskRunResult }> {
    const run = nextRun();
    const seen: vscode.TaskProcessEndEvent[] = [];
    let settle: ((event: vscode.TaskProcessEndEvent) => void) | undefined;
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      seen.push(event);
      settle?.(event);
    });
    try {
      const execution = await vscode.tasks.executeTask(task);
      // Also an end reported before executeTask resolved.
      const ended = new Promise<vscode.TaskProcessEndEvent>((resolve) => {
        const mine = seen.find((e) => e.execution === execution);
        if (mine) resolve(mine);
        else settle = (event) => event.execution === execution && resolve(event);
      });
      return { exitCode: (await ended).exitCode, run: await run };
    } finally {
      subscription.dispose();
    }
  }
});

function fileCreated(pattern: vscode.GlobPattern): Promise<void> {
  return new Promise((resolve) => {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const done = () => {
      watcher.dispose();
      resolve();
    };
    watcher.onDidCreate(done);
    watcher.onDidChange(done);
  });
}
