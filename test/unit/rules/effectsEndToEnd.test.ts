import * as assert from 'node:assert/strict';
import { check, textOf } from '../helpers/checkProject';

/**
 * The entity, relationship and config rules over the real handler analysis (the other tests of
 * these rules give them effects directly).
 */
function project(handler: string, fields = `clientId: { type: 'string' }, clientSecret: { type: 'string', mask: true }`, relationshipType = 'acme_account_has_user'): Record<string, string> {
  return {
    'src/index.ts': `import { createIntegrationEntity, createDirectRelationship, RelationshipClass } from '@jupiterone/integration-sdk-core';
export const invocationConfig = {
  instanceConfigFields: { ${fields} },
  integrationSteps: [
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [
        { resourceName: 'User', _type: 'acme_user', _class: 'User' },
        { resourceName: 'Account', _type: 'acme_account', _class: 'Account' },
      ],
      relationships: [{ _type: '${relationshipType}', _class: RelationshipClass.HAS, sourceType: 'acme_account', targetType: 'acme_user' }],
      executionHandler: async ({ instance, jobState }) => {
        const config = instance.config;
${handler}
      },
    },
  ],
};
`,
  };
}

const ACCOUNT = `        const account = await jobState.addEntity(createIntegrationEntity({ entityData: { source: {}, assign: { _key: 'a', _type: 'acme_account', _class: 'Account', name: config.clientId } } }));`;
const USER = (assign: string) => `        const user = await jobState.addEntity(createIntegrationEntity({ entityData: { assign: { _key: 'u', _type: 'acme_user', _class: 'User', ${assign} } } }));`;
const HAS = `        await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: user }));`;
const MINE = ['unknown-entity-class', 'missing-required-property', 'unknown-relationship-class', 'relationship-type-mismatch', 'undeclared-config-field', 'unused-config-field'];
const mine = (files: Record<string, string>) => check(files).filter((f) => MINE.includes(f.code));

describe('entity, relationship and config rules over the handler analysis', () => {
  it('finds each fault where it is written', () => {
    const complete = `name: 'n', email: 'e', firstName: 'f', lastName: 'l', shortLoginId: 's', username: config.clientSecret`;
    const files = project(
      [ACCOUNT, USER(complete.replace('email: \'e\', ', '').replace('config.clientSecret', 'config.clientSecert')), HAS, `        await jobState.addRelationship(createDirectRelationship({ _class: 'OWNZ', from: account, to: user }));`].join('\n'),
      undefined,
      'acme_account_user',
    );
    const found = mine(files).map((f) => [f.code, textOf(files, f.range).slice(0, 20)]);
    assert.deepEqual(found, [
      // The misspelt read leaves clientSecret unread.
      ['unused-config-field', 'clientSecret'],
      ['relationship-type-mismatch', "'acme_account_user'"],
      ['missing-required-property', "{ _key: 'u', _type: "],
      ['undeclared-config-field', 'clientSecert'],
      ['unknown-relationship-class', "'OWNZ'"],
    ]);
    assert.deepEqual(mine(files).find((f) => f.code === 'missing-required-property')?.data?.missing, ['email']);
  });

  it('is silent on the corrected integration', () => {
    const complete = `name: 'n', email: 'e', firstName: 'f', lastName: 'l', shortLoginId: 's', username: config.clientSecret`;
    assert.deepEqual(mine(project([ACCOUNT, USER(complete), HAS].join('\n'))), []);
  });

  it('reports a declared field no step reads, and says nothing once a hook receives the config', () => {
    const complete = `name: 'n', email: 'e', firstName: 'f', lastName: 'l', shortLoginId: 's', username: 'u'`;
    const files = project([ACCOUNT, USER(complete), HAS].join('\n'));
    const [f] = mine(files);
    assert.equal(f.code, 'unused-config-field');
    assert.equal(textOf(files, f.range), 'clientSecret');
    const hooked = { 'src/index.ts': files['src/index.ts'].replace('integrationSteps: [', 'validateInvocation: async (context) => check(context.instance.config),\n  integrationSteps: [') };
    assert.deepEqual(mine(hooked), []);
  });

  describe('through an API client class', () => {
    const USERS = `        const client = new APIClient(config);
        await client.iterateUsers(async (u) => { await jobState.addEntity(createIntegrationEntity({ entityData: { source: u, assign: { _key: u.id, _type: 'acme_user', _class: 'User', name: u.name, email: u.email, firstName: 'f', lastName: 'l', shortLoginId: 's', username: u.login } } })); });`;
    const withClient = (client: string) => {
      const files = project(USERS);
      files['src/index.ts'] = `import { APIClient } from './client';\n${files['src/index.ts']}`.replace("entities: [", "entities: [").replace(/relationships: \[[^\]]*\]\]?/, 'relationships: []');
      files['src/client.ts'] = client;
      return files;
    };

    it('reports a field a method reads but instanceConfigFields does not declare, where it is read', () => {
      const files = withClient(`import { BaseAPIClient } from '@jupiterone/integration-sdk-http-client';
export class APIClient extends BaseAPIClient {
  constructor(readonly config) { super({ baseUrl: 'https://acme.example', logger: undefined }); }
  protected getAuthorizationHeaders() { return { Authorization: 'Bearer ' + this.config.apiKey, id: this.config.clientId, secret: this.config.clientSecret }; }
  async iterateUsers(iteratee) { for await (const u of this.paginate({ endpoint: '/users' }, 'users')) await iteratee(u); }
}`);
      assert.deepEqual(mine(files).map((f) => [f.code, textOf(files, f.range)]), [['undeclared-config-field', 'apiKey']]);
    });

    it('reports a declared field no method reads once the config stays within classes it follows', () => {
      const files = withClient(`export class APIClient {
  constructor(private readonly config) {}
  async iterateUsers(iteratee) { for (const u of await fetch('https://acme.example/users', { headers: { id: this.config.clientId } })) await iteratee(u); }
}`);
      assert.deepEqual(mine(files).map((f) => [f.code, textOf(files, f.range)]), [['unused-config-field', 'clientSecret']]);
    });

    it('says nothing about unread fields when the client class hands the config to a base class from a package', () => {
      const files = withClient(`import { Client } from 'acme-sdk';
export class APIClient extends Client {
  constructor(private readonly config) { super(); }
  async iterateUsers(iteratee) { for (const u of await this.get('/users', this.config.clientId)) await iteratee(u); }
}`);
      assert.deepEqual(mine(files), []);
    });
  });
});
