import * as assert from 'node:assert/strict';
import { configEnvironmentVariable } from '../../../server/src/core/sdk/configEnvironment';
import { parseEnvFile } from '../../../server/src/core/project/envFile';
import { envVariables } from '../../../server/src/core/rules/envVariables';
import { applyFix, textOf } from '../helpers/checkProject';
import { contextWith, run } from '../helpers/effectsContext';

function project(fields: string, env?: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'src/index.ts': `import { loadToken } from './token';
export const invocationConfig = {
  instanceConfigFields: {
${fields}
  },
  integrationSteps: [],
};
`,
    'src/token.ts': `export const loadToken = () => process.env['LOCAL_TOKEN_PATH'];\n`,
    ...(env === undefined ? {} : { '.env': env }),
    ...extra,
  };
}

const FIELDS = `    clientId: { type: 'string' },
    clientSecret: { type: 'string', mask: true },
    apiV2Key: { type: 'string', mask: true, optional: true },`;

describe('.env rules', () => {
  describe('the SDK environment variable names', () => {
    it("are lodash's snakeCase upper-cased", () => {
      assert.equal(configEnvironmentVariable('apiV2Key'), 'API_V_2_KEY');
      assert.equal(configEnvironmentVariable('clientID'), 'CLIENT_ID');
      assert.equal(configEnvironmentVariable('oauthKey'), 'OAUTH_KEY');
      assert.equal(configEnvironmentVariable('githubAppLocalPrivateKeyPath'), 'GITHUB_APP_LOCAL_PRIVATE_KEY_PATH');
      assert.equal(configEnvironmentVariable('fleetdm_user_email'), 'FLEETDM_USER_EMAIL');
      assert.equal(configEnvironmentVariable('accountAPIKey'), 'ACCOUNT_API_KEY');
    });

    it('locate every name dotenv parses, skipping lines inside multi-line values', () => {
      const text = `# comment\nexport port=1\nA = "x\nB=2"\n  C: 3\nA=again # c\n`;
      const env = parseEnvFile(text);
      assert.deepEqual(env.assignments.map((a) => [a.name, a.value, text.slice(a.start, a.end)]), [
        ['port', '1', 'port'],
        ['C', '3', 'C'],
        ['A', 'again', 'A'],
      ]);
    });
  });

  describe('missing-env-variable', () => {
    it('reports a required field whose variable .env does not set, in the SDK wording, with a fix', () => {
      const files = project(FIELDS, 'CLIENT_ID=abc');
      const [f, ...rest] = run(envVariables, contextWith(files), 'missing-env-variable');
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.equal(f.range.file.endsWith('.env'), true);
      assert.match(f.message, /Expected environment variable "CLIENT_SECRET" for config field "clientSecret" to be set\./);
      assert.equal(textOf(files, f.related![0].range), 'clientSecret');
      assert.equal(applyFix(files, f)['.env'], 'CLIENT_ID=abc\nCLIENT_SECRET=\n');
    });

    it('is silent when the variable is set (even empty) or the field is optional', () => {
      assert.deepEqual(run(envVariables, contextWith(project(FIELDS, 'CLIENT_ID=abc\nCLIENT_SECRET=\n')), 'missing-env-variable'), []);
    });

    it('is silent without a .env file', () => {
      assert.deepEqual(run(envVariables, contextWith(project(FIELDS))), []);
    });

    it('is silent when optional is unresolved', () => {
      assert.deepEqual(run(envVariables, contextWith(project(`    token: { optional: process.env.OPT },`, 'OTHER=1')), 'missing-env-variable'), []);
    });
  });

  describe('unknown-env-variable', () => {
    it('reports a variable that matches no field, on its name, with a did-you-mean rename', () => {
      const files = project(FIELDS, 'CLIENT_ID=abc\nCLIENT_SECERT=xyz\n');
      const [f, ...rest] = run(envVariables, contextWith(files), 'unknown-env-variable');
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'information');
      assert.equal(textOf(files, f.range), 'CLIENT_SECERT');
      assert.match(f.message, /Did you mean CLIENT_SECRET \(config field "clientSecret"\)\?/);
      const fixed = applyFix(files, f);
      assert.equal(fixed['.env'], 'CLIENT_ID=abc\nCLIENT_SECRET=xyz\n');
      assert.deepEqual(run(envVariables, contextWith(fixed)), []);
    });

    it("is silent for the SDK's variables, variables the code reads, and variables other values expand", () => {
      const env = 'CLIENT_ID=a\nCLIENT_SECRET=b\nAPI_V_2_KEY=c\nJUPITERONE_API_KEY=k\nJUPITERONE_ACCOUNT=acc\nLOCAL_TOKEN_PATH=/tmp/t\nHOST=example.com\nBASE_URL=https://${HOST}/api\n';
      const files = project(FIELDS, env, { 'src/index.ts': project(FIELDS)['src/index.ts'].replace('integrationSteps', `baseUrl: process.env.BASE_URL,\n  integrationSteps`) });
      assert.deepEqual(run(envVariables, contextWith(files)), []);
    });

    it('is silent for variables Node, tooling or cloud SDKs read, and for those the test setup reads', () => {
      const env = 'CLIENT_ID=a\nCLIENT_SECRET=b\nNODE_OPTIONS=--inspect\nAWS_PROFILE=dev\nGOOGLE_APPLICATION_CREDENTIALS=/k.json\nDEBUG=*\nRECORDING_MODE=replay\n';
      const files = project(FIELDS, env, { 'test/config.ts': `export const mode = process.env.RECORDING_MODE;\n` });
      assert.deepEqual(run(envVariables, contextWith(files)), []);
    });

    it('is silent when instanceConfigFields is not fully known', () => {
      assert.deepEqual(run(envVariables, contextWith(project(`    ...shared,\n    clientId: {},`, 'CLIENT_ID=1\nOTHER=2\n')), 'unknown-env-variable'), []);
    });
  });
});
