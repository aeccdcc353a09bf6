import { strict as assert } from 'node:assert';
import { buildArguments, renderCommandLine, stepList, taskLabel, validateDefinition, type J1TaskDefinition } from '../../../client/src/tasks/definition';

const def = (fields: Omit<J1TaskDefinition, 'type'>): J1TaskDefinition => ({ type: 'j1-integration', ...fields });

describe('task definition -> j1-integration arguments', () => {
  it('collect: steps joined with commas, cache and validation flags', () => {
    assert.deepEqual(buildArguments(def({ command: 'collect' })), ['collect']);
    assert.deepEqual(
      buildArguments(def({ command: 'collect', step: ['fetch-users', 'fetch-groups'], noCache: true, cachePath: '/tmp/c', disableSchemaValidation: true })),
      ['collect', '--step', 'fetch-users,fetch-groups', '--no-cache', '--cache-path', '/tmp/c', '--disable-schema-validation'],
    );
    assert.deepEqual(buildArguments(def({ command: 'collect', step: ' a, b ,,' })), ['collect', '--step', 'a,b']);
  });

  it('sync and run: instance, source, scope, base URL, batch size; never the key or the account', () => {
    assert.deepEqual(
      buildArguments(def({ command: 'sync', integrationInstanceId: 'i-1', apiBaseUrl: 'http://127.0.0.1:9', skipFinalize: true, uploadBatchSize: 100, account: 'acc' })),
      ['sync', '--integrationInstanceId', 'i-1', '--api-base-url', 'http://127.0.0.1:9', '--skip-finalize', '--upload-batch-size', '100'],
    );
    assert.deepEqual(buildArguments(def({ command: 'run', source: 'api', scope: 's', disableSchemaValidation: true })), [
      'run',
      '--source',
      'api',
      '--scope',
      's',
      '--disable-schema-validation',
    ]);
    // sync has no --disable-schema-validation
    assert.deepEqual(buildArguments(def({ command: 'sync', integrationInstanceId: 'i', disableSchemaValidation: true })), ['sync', '--integrationInstanceId', 'i']);
  });

  it('rejects what the CLI would reject, in its words', () => {
    assert.deepEqual(validateDefinition(def({ command: 'collect', noCache: true })), [
      'Invalid option: Option --no-cache requires option --step to also be specified.',
    ]);
    assert.deepEqual(validateDefinition(def({ command: 'sync' })), [
      'Invalid configuration supplied. --integrationInstanceId or --source api and --scope required.',
    ]);
    assert.deepEqual(validateDefinition(def({ command: 'run', source: 'api', integrationInstanceId: 'x' })), [
      'Invalid configuration supplied. Cannot specify both --source api and --integrationInstanceId flags.',
      'Invalid configuration supplied. --source api requires --scope flag.',
    ]);
    assert.match(validateDefinition(def({ command: 'sync', integrationInstanceId: 'i', step: 'a' }))[0], /applies to collect only/);
    assert.match(validateDefinition({ type: 'j1-integration', command: 'visualize' as 'collect' })[0], /Unknown j1-integration command "visualize"/);
    assert.deepEqual(validateDefinition(def({ command: 'collect', step: 'a', noCache: true })), []);
  });

  it('labels and renders command lines', () => {
    assert.equal(taskLabel(def({ command: 'collect', step: ['a', 'b'] })), 'collect --step a,b');
    assert.equal(taskLabel(def({ command: 'sync', integrationInstanceId: 'i-1' }), 'acme'), 'sync (i-1) - acme');
    assert.equal(renderCommandLine('node_modules/.bin/j1-integration', ['collect', '--step', 'a b']), "node_modules/.bin/j1-integration collect --step 'a b'");
    assert.deepEqual(stepList(undefined), []);
  });
});
