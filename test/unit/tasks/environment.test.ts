import { strict as assert } from 'node:assert';
import { buildTaskEnvironment } from '../../../client/src/tasks/environment';
import { createMasker, MASK } from '../../../client/src/tasks/mask';

const DOTENV = 'API_BASE_URL=http://127.0.0.1:1234\nAPI_TOKEN="tok en#1"\nJUPITERONE_ACCOUNT=acc-env\n';

describe('task environment', () => {
  it('collect: nothing added, masked config fields and the API key are secrets', () => {
    const built = buildTaskEnvironment({
      definition: { type: 'j1-integration', command: 'collect' },
      dotenvText: DOTENV,
      processEnv: { JUPITERONE_API_KEY: 'from-shell-key' },
      configFields: [
        { name: 'apiBaseUrl', mask: false },
        { name: 'apiToken', mask: true },
      ],
    });
    assert.deepEqual(built.env, {});
    assert.deepEqual(built.problems, []);
    assert.deepEqual(built.secrets.sort(), ['from-shell-key', 'tok en#1']);
  });

  it('a field whose mask the model cannot tell is masked; without a model every .env value but the account is', () => {
    const unknown = buildTaskEnvironment({
      definition: { type: 'j1-integration', command: 'collect' },
      dotenvText: DOTENV,
      processEnv: {},
      configFields: [{ name: 'apiBaseUrl', mask: undefined }],
    });
    assert.deepEqual(unknown.secrets, ['http://127.0.0.1:1234']);
    const noModel = buildTaskEnvironment({ definition: { type: 'j1-integration', command: 'collect' }, dotenvText: DOTENV, processEnv: {} });
    assert.deepEqual(noModel.secrets.sort(), ['http://127.0.0.1:1234', 'tok en#1']);
  });

  it('sync: the stored key goes through JUPITERONE_API_KEY; the account from the task, the environment, .env, then the setting', () => {
    const sync = { type: 'j1-integration', command: 'sync', integrationInstanceId: 'i' } as const;
    const fromDotenv = buildTaskEnvironment({ definition: sync, dotenvText: DOTENV, processEnv: {}, storedApiKey: 'stored-key', accountSetting: 'acc-setting' });
    assert.deepEqual(fromDotenv.env, { JUPITERONE_API_KEY: 'stored-key' });
    assert.equal(fromDotenv.account, 'acc-env');
    assert.equal(fromDotenv.accountSource, '.env');
    assert.equal(fromDotenv.apiKeySource, 'secret storage');
    assert.ok(fromDotenv.secrets.includes('stored-key'));

    const fromSetting = buildTaskEnvironment({ definition: sync, processEnv: {}, storedApiKey: 'stored-key', accountSetting: 'acc-setting' });
    assert.deepEqual(fromSetting.env, { JUPITERONE_API_KEY: 'stored-key', JUPITERONE_ACCOUNT: 'acc-setting' });

    const fromTask = buildTaskEnvironment({ definition: { ...sync, account: 'acc-task' }, dotenvText: DOTENV, processEnv: { JUPITERONE_ACCOUNT: 'acc-shell' }, storedApiKey: 'k-123' });
    assert.equal(fromTask.env.JUPITERONE_ACCOUNT, 'acc-task');
    const fromShell = buildTaskEnvironment({ definition: sync, dotenvText: DOTENV, processEnv: { JUPITERONE_ACCOUNT: 'acc-shell' }, storedApiKey: 'k-123' });
    assert.equal(fromShell.account, 'acc-shell');
    assert.equal(fromShell.env.JUPITERONE_ACCOUNT, undefined, 'inherited already');
  });

  it('sync without a key or an account says how to provide them', () => {
    const built = buildTaskEnvironment({ definition: { type: 'j1-integration', command: 'run', integrationInstanceId: 'i' }, processEnv: {} });
    assert.equal(built.problems.length, 2);
    assert.match(built.problems[0], /Integration Lens: Set JupiterOne API Key/);
    assert.match(built.problems[1], /JUPITERONE_ACCOUNT/);
    const keyInDotenv = buildTaskEnvironment({
      definition: { type: 'j1-integration', command: 'run', integrationInstanceId: 'i' },
      dotenvText: 'JUPITERONE_API_KEY=dotenv-key\nJUPITERONE_ACCOUNT=a\n',
      processEnv: {},
    });
    assert.deepEqual(keyInDotenv.problems, []);
    assert.equal(keyInDotenv.apiKeySource, '.env');
    assert.ok(keyInDotenv.secrets.includes('dotenv-key'));
  });
});

describe('masking', () => {
  it('masks each secret as written, JSON-escaped and URL-encoded, longest first', () => {
    const mask = createMasker(['s3cr"et', 'abcd', 'abcdef', 'x']);
    assert.equal(mask('token s3cr"et, json "s3cr\\"et", url s3cr%22et'), `token ${MASK}, json "${MASK}", url ${MASK}`);
    assert.equal(mask('abcdefg abcd'), `${MASK}g ${MASK}`);
    assert.equal(mask('x marks'), 'x marks', 'values shorter than 4 characters are left');
    assert.equal(createMasker([])('unchanged'), 'unchanged');
    assert.equal(createMasker(['a.b*c'])('a.b*c axbbc'), `${MASK} axbbc`, 'regex characters are literal');
  });
});
