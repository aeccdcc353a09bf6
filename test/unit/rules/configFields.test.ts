import * as assert from 'node:assert/strict';
import type { ConfigRead } from '../../../server/src/core/effects/types';
import { undeclaredConfigField } from '../../../server/src/core/rules/undeclaredConfigField';
import { unmaskedSecretField } from '../../../server/src/core/rules/unmaskedSecretField';
import { unusedConfigField } from '../../../server/src/core/rules/unusedConfigField';
import { applyFix, textOf } from '../helpers/checkProject';
import { at, contextWith, effects, run } from '../helpers/effectsContext';

/** A project with `fields` (the instanceConfigFields literal body) and a handler whose body is `body`. */
function project(fields: string, body = '', config = ''): Record<string, string> {
  return {
    'src/index.ts': `export const invocationConfig = {
  instanceConfigFields: {
${fields}
  },
  ${config}
  integrationSteps: [
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [],
      relationships: [],
      executionHandler: async ({ instance }) => {
        const config = instance.config;
${body}
      },
    },
  ],
};
`,
  };
}

const FIELDS = `    clientId: { type: 'string' },
    clientSecret: { type: 'string', mask: true },`;

/** Config reads at the `occurrence`-th `config.<name>` of the handler, recorded at the name as the handler analysis does. */
function reads(files: Record<string, string>, ...names: string[]): ConfigRead[] {
  const count = new Map<string, number>();
  return names.map((name) => {
    const n = (count.get(name) ?? 0) + 1;
    count.set(name, n);
    const access = at(files, 'src/index.ts', `config.${name}`, n);
    return { name, range: { ...access, start: access.start + 'config.'.length } };
  });
}

const reading = (files: Record<string, string>, ...names: string[]) => contextWith(files, { 'fetch-users': effects({ configReads: reads(files, ...names) }) });

describe('instance config field rules', () => {
  describe('undeclared-config-field', () => {
    it('reports a read of a field instanceConfigFields does not declare, with a did-you-mean fix', () => {
      const files = project(FIELDS, `        const client = new Client(config.clientId, config.clientSecert);`);
      const [f, ...rest] = run(undeclaredConfigField, reading(files, 'clientId', 'clientSecert'));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.equal(textOf(files, f.range), 'clientSecert');
      assert.match(f.message, /"clientSecert" is read, but instanceConfigFields does not declare it/);
      assert.match(f.message, /Did you mean "clientSecret"\?/);
      const fixed = applyFix(files, f);
      assert.match(fixed['src/index.ts'], /config\.clientId, config\.clientSecret\)/);
    });

    it('names the .env variable of an undeclared field with no close match', () => {
      const files = project(FIELDS, `        const v = config.apiV2Key.trim();`);
      const [f] = run(undeclaredConfigField, reading(files, 'apiV2Key'));
      assert.match(f.message, /its \.env variable is API_V_2_KEY/);
      assert.equal(f.fixes, undefined);
    });

    it('is silent for declared fields and the SDK implicit agent fields', () => {
      const files = project(FIELDS, `        use(config.clientId, config.clientSecret, config.caCertificate, config.disableTlsVerification);`);
      assert.deepEqual(run(undeclaredConfigField, reading(files, 'clientId', 'clientSecret', 'caCertificate', 'disableTlsVerification')), []);
    });

    it('is silent for a field the code tests for presence (a UI-only or legacy field)', () => {
      const files = project(FIELDS, `        if (config.teams) {\n          config.workspace = config.teams;\n        }\n        const limit = config.limit ?? 10;\n        const { region = 'us' } = config;`);
      const regionAt = at(files, 'src/index.ts', 'region');
      const ctx = contextWith(files, { 'fetch-users': effects({ configReads: [...reads(files, 'teams', 'teams', 'limit'), { name: 'region', range: regionAt }] }) });
      assert.deepEqual(run(undeclaredConfigField, ctx), []);
    });

    it('is silent for fields the integration sets itself, and for everything when it replaces the config', () => {
      const body = `        use(config.apiVersion, config.orgUrl);`;
      const setsOne: Record<string, string> = { ...project(FIELDS, body), 'src/validate.ts': `export function normalize(config) {\n  if (!config.orgUrl) config.orgUrl = 'https://example.com';\n  config.apiVersion = detect();\n}\n` };
      setsOne['src/index.ts'] = `import { normalize } from './validate';\n${setsOne['src/index.ts']}`;
      assert.deepEqual(run(undeclaredConfigField, reading(setsOne, 'apiVersion', 'orgUrl')), []);
      const other: Record<string, string> = { ...project(FIELDS, `        use(config.apiVersion, config.region);`), 'src/validate.ts': `export function normalize(config) {\n  config.apiVersion = detect();\n}\n` };
      other['src/index.ts'] = `import { normalize } from './validate';\n${other['src/index.ts']}`;
      assert.deepEqual(run(undeclaredConfigField, reading(other, 'apiVersion', 'region')).map((f) => f.data?.field), ['region']);
      const replaces = project(FIELDS, `        use(config.apiVersion);`, `validateInvocation: async (context) => { context.instance.config = await normalize(context.instance.config); },`);
      assert.deepEqual(run(undeclaredConfigField, reading(replaces, 'apiVersion')), []);
    });

    it('is silent when instanceConfigFields is not fully known', () => {
      const files = project(`    ...sharedFields,\n    clientId: { type: 'string' },`, `        use(config.token);`);
      assert.deepEqual(run(undeclaredConfigField, reading(files, 'token')), []);
    });
  });

  describe('unused-config-field', () => {
    it('reports a declared field no step reads when every read is accounted for', () => {
      const files = project(FIELDS, `        use(config.clientId);`);
      const [f, ...rest] = run(unusedConfigField, reading(files, 'clientId'));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'information');
      assert.equal(textOf(files, f.range), 'clientSecret');
    });

    it('is silent when every field is read', () => {
      const files = project(FIELDS, `        use(config.clientId, config.clientSecret);`);
      assert.deepEqual(run(unusedConfigField, reading(files, 'clientId', 'clientSecret')), []);
    });

    it('is silent when some reads may be missed: incomplete effects, config escaping, a hook that gets the config', () => {
      const files = project(FIELDS, `        use(config.clientId);`);
      const partial = (more: object) => contextWith(files, { 'fetch-users': effects({ configReads: reads(files, 'clientId'), ...more }) });
      assert.deepEqual(run(unusedConfigField, partial({ complete: false })), []);
      assert.deepEqual(run(unusedConfigField, partial({ configComplete: false })), []);
      const withHook = project(FIELDS, `        use(config.clientId);`, `validateInvocation: async (context) => check(context.instance.config),`);
      assert.deepEqual(run(unusedConfigField, reading(withHook, 'clientId')), []);
    });
  });

  describe('unmasked-secret-field', () => {
    it('reports a secret-looking field without mask, with a fix adding mask: true', () => {
      const files = project(`    clientId: { type: 'string' },\n    apiToken: { type: 'string' },`);
      const [f, ...rest] = run(unmaskedSecretField, contextWith(files));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.equal(textOf(files, f.range), 'apiToken');
      assert.match(f.message, /looks like a secret \(token\) but is not masked/);
      const fixed = applyFix(files, f);
      assert.match(fixed['src/index.ts'], /apiToken: \{ type: 'string', mask: true \}/);
      assert.deepEqual(run(unmaskedSecretField, contextWith(fixed)), []);
    });

    it('turns an explicit mask: false into true', () => {
      const files = project(`    adminPassword: {\n      type: 'string',\n      mask: false,\n    },`);
      const [f] = run(unmaskedSecretField, contextWith(files));
      assert.match(f.message, /has `mask: false`/);
      assert.match(applyFix(files, f)['src/index.ts'], /mask: true,/);
    });

    it('recognises secret words by what the field is (its last word) and key pairs', () => {
      const names = (fields: string) => run(unmaskedSecretField, contextWith(project(fields))).map((f) => f.data?.field);
      assert.deepEqual(
        names(
          [
            'apiKey: {}', 'clientSecret: {}', 'privateKey: {}', 'datadogAppKey: {}', 'apiV1Token: {}', 'serviceCredentials: {}', 'fleetdm_user_password: {}',
            'keyId: {}', 'accessKeyId: {}', 'tokenUrl: {}', 'oauthKey: {}', 'integrationKey: {}', 'publicKey: {}', 'apiKeyName: {}', 'privateKeyPath: {}', 'passwordPolicy: {}',
            "ingestSecrets: { type: 'boolean' }",
          ].map((f) => `    ${f},`).join('\n'),
        ),
        ['apiKey', 'clientSecret', 'privateKey', 'datadogAppKey', 'apiV1Token', 'serviceCredentials', 'fleetdm_user_password'],
      );
      // An API key next to an API secret is the public half of the pair.
      assert.deepEqual(names(`    apiKey: { type: 'string' },\n    apiSecret: { type: 'string', mask: true },`), []);
    });

    it('is silent for masked and boolean fields', () => {
      assert.deepEqual(run(unmaskedSecretField, contextWith(project(`    apiToken: { mask: true },\n    useToken: { type: 'boolean' },`))), []);
    });

    it('is silent when mask or type is unresolved', () => {
      assert.deepEqual(run(unmaskedSecretField, contextWith(project(`    apiToken: { type: 'string', mask: process.env.MASK },\n    password: { type: process.env.T },`))), []);
    });
  });
});
