// `integrationLens/model`: the projection of the static model the client's tasks read (step and config field
// locations, which fields are masked), on the fixture integration the real-CLI tests run.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ModelRequest, type ModelResult } from '../../server/src/lsp/protocol';
import { LanguageServerUnderTest, repoRoot } from './helpers/server';

describe(ModelRequest.method, () => {
  let server: LanguageServerUnderTest | undefined;
  afterEach(() => {
    server?.dispose();
    server = undefined;
  });

  it('gives the steps with their locations and dependencies, and the config fields with their masks', async () => {
    const root = resolve(repoRoot, 'test/fixtures/run-integration');
    server = await LanguageServerUnderTest.start({ rootPath: root });
    const result = await server.within(ModelRequest.method, server.connection.sendRequest<ModelResult>(ModelRequest.method, { projectPath: root }));
    assert.equal(result.projects.length, 1);
    const [project] = result.projects;
    assert.equal(project.root, root);
    assert.equal(project.ok, true);
    assert.equal(project.entryFile, resolve(root, 'src/index.js'));
    assert.deepEqual(
      project.steps.map((s) => [s.id, s.name, s.dependsOn, s.location.file.slice(root.length + 1)]),
      [
        ['fetch-account', 'Fetch Account', [], 'src/steps/account.js'],
        ['fetch-users', 'Fetch Users', ['fetch-account'], 'src/steps/users.js'],
        ['fetch-groups', 'Fetch Groups', ['fetch-users'], 'src/steps/groups.js'],
      ],
    );
    // `id: Steps.USERS,` is on line 36 of src/steps/users.js: 35 counted from 0.
    const users = project.steps[1];
    assert.equal(users.location.line, 35);
    assert.deepEqual(
      project.configFields.map((f) => [f.name, f.mask, f.maskUnknown]),
      [
        ['apiBaseUrl', undefined, false],
        ['apiToken', true, false],
      ],
    );
    assert.equal(project.complete, true);

    // Asking again by the root answers the same project, not a second session of it.
    const again = await server.connection.sendRequest<ModelResult>(ModelRequest.method, {});
    assert.deepEqual(again.projects.map((p) => p.root), [root]);
  });

  it('answers a path outside every project with no project', async () => {
    server = await LanguageServerUnderTest.start({ rootPath: resolve(repoRoot, 'test/fixtures/run-integration') });
    const result = await server.connection.sendRequest<ModelResult>(ModelRequest.method, { projectPath: '/nonexistent/elsewhere' });
    assert.deepEqual(result, { projects: [] });
  });
});
