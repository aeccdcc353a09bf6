import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration } from '../../../server/src/core';
import { analyzeStepEffects, type StepEffects } from '../../../server/src/core/effects';
import { memoryHost } from '../helpers/memoryHost';

const ROOT = path.resolve('/virtual/effects-classes');

/** Effects of every step of an in-memory integration: `steps` is src/steps.ts, `files` the rest of src/. */
function effectsOf(steps: string, files: Record<string, string> = {}): Map<string, StepEffects> {
  const host = memoryHost(ROOT, {
    'src/index.ts': `import { integrationSteps } from './steps';\nexport const invocationConfig = { integrationSteps };`,
    'src/steps.ts': steps,
    ...files,
  });
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) assert.fail(analysis.message);
  const out = new Map<string, StepEffects>();
  for (const step of analysis.model.steps.items) {
    if (step.id.kind === 'known') out.set(step.id.value, analyzeStepEffects(analysis.evaluator, analysis.handlerOf(step), step.range));
  }
  return out;
}

/** One step `s` whose handler is `handler` (after `imports`). */
function oneStep(imports: string, handler: string, files: Record<string, string> = {}): StepEffects {
  const e = effectsOf(`${imports}\nexport const integrationSteps = [{ id: 's', name: 's', entities: [], relationships: [], executionHandler: ${handler} }];`, files);
  return e.get('s')!;
}

const known = (r: { kind: string; value?: unknown }) => (r.kind === 'known' ? r.value : '?');
const entityTypes = (e: StepEffects) => [...new Set(e.entities.map((x) => known(x._type)))].sort();
const configNames = (e: StepEffects) => [...new Set(e.configReads.map((r) => r.name))].sort();
const gaps = (e: StepEffects) => JSON.stringify(e.gaps.map((g) => g.reason));

const HANDLER = `async ({ instance, jobState, logger }) => {
  const client = new APIClient(instance.config, logger);
  await client.verify();
  await client.iterateUsers(async (user) => {
    await jobState.addEntity({ _key: user.id, _type: 'acme_user', _class: 'User' });
  });
}`;

describe('handler effects: classes of the project', () => {
  it('follows a constructor parameter into a field, methods, this.method calls and callbacks passed to methods', () => {
    const e = oneStep(`import { APIClient } from './client';`, HANDLER, {
      'src/client.ts': `
        export class APIClient {
          private readonly config;
          constructor(config, private readonly logger) {
            this.config = config;
          }
          private headers() { return { Authorization: 'Bearer ' + this.config.apiKey }; }
          async verify() { await this.request('/me'); }
          private async request(path) { return fetch(this.config.baseUrl + path, { headers: this.headers() }); }
          async iterateUsers(iteratee) {
            const users = await this.request('/users');
            for (const user of users) await iteratee(user);
          }
        }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_user']);
    assert.deepEqual(configNames(e), ['apiKey', 'baseUrl']);
    assert.ok(e.complete, gaps(e));
    assert.ok(e.configComplete, gaps(e));
  });

  it('follows TypeScript parameter properties, field initialisers, getters and a factory function', () => {
    const e = oneStep(`import { createAPIClient } from './client';`, `async ({ instance, jobState, logger }) => {
      const client = createAPIClient(instance.config, logger);
      await client.iterateUsers(async (user) => { await jobState.addEntity(client.toEntity(user)); });
    }`, {
      'src/client.ts': `
        export class APIClient {
          private readonly host = 'https://' + this.config.hostname;
          private readonly toType = (user) => (user.admin ? 'acme_admin' : 'acme_user');
          constructor(private readonly config: IntegrationConfig, readonly logger) {}
          get token() { return this.config.accessToken; }
          async iterateUsers(iteratee) {
            const users = await fetch(this.host, { headers: { token: this.token } });
            for (const user of users) await iteratee(user);
          }
          toEntity(user) { return { _key: user.id, _type: this.toType(user), _class: 'User' }; }
        }
        export function createAPIClient(config, logger) { return new APIClient(config, logger); }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_admin', 'acme_user']);
    assert.deepEqual(configNames(e), ['accessToken', 'hostname']);
    assert.ok(e.complete && e.configComplete, gaps(e));
  });

  it('follows inheritance within the project: super(...) arguments, inherited and overriding methods, super.method()', () => {
    const e = oneStep(`import { UsersClient } from './users';`, `async ({ instance, jobState }) => {
      const client = new UsersClient(instance.config);
      await client.iterateUsers(async (user) => { await jobState.addEntity({ _key: user.id, _type: client.userType(), _class: 'User' }); });
    }`, {
      'src/base.ts': `
        export abstract class BaseClient {
          protected readonly baseUrl: string;
          constructor(protected readonly config) { this.baseUrl = config.baseUrl; }
          protected headers() { return { key: this.config.apiKey }; }
          userType() { return 'acme_user'; }
        }`,
      'src/users.ts': `
        import { BaseClient } from './base';
        export class UsersClient extends BaseClient {
          private readonly org = this.config.organization;
          constructor(config) { super(config); }
          protected headers() { return { ...super.headers(), org: this.org }; }
          userType() { return super.userType(); }
          async iterateUsers(iteratee) {
            const users = await fetch(this.baseUrl + '/users', { headers: this.headers() });
            for (const user of users) await iteratee(user);
          }
        }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_user']);
    assert.deepEqual(configNames(e), ['apiKey', 'baseUrl', 'organization']);
    assert.ok(e.complete && e.configComplete, gaps(e));
  });

  it('creates entities in methods: jobState held by an instance, a static factory with new this(...)', () => {
    const e = oneStep(`import { Ingester } from './ingester';`, `async (context) => {
      const ingester = Ingester.create(context);
      await ingester.run();
    }`, {
      'src/ingester.ts': `
        export class Ingester {
          #jobState;
          static create(context) { return new this(context.jobState); }
          constructor(jobState) { this.#jobState = jobState; }
          async run() { await this.#add('acme_group'); }
          async #add(type) { await this.#jobState.addEntity({ _key: 'k', _type: type, _class: 'Group' }); }
        }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_group']);
    assert.ok(e.complete, gaps(e));
  });

  it('follows the SDK BaseAPIClient: getAuthorizationHeaders runs, integrationConfig is read only for implicit fields', () => {
    const e = oneStep(`import { APIClient } from './client';`, HANDLER, {
      'src/client.ts': `
        import { BaseAPIClient } from '@jupiterone/integration-sdk-http-client';
        export class APIClient extends BaseAPIClient {
          constructor(readonly config, logger) {
            super({ baseUrl: config.baseUrl, logger, integrationConfig: config });
          }
          protected getAuthorizationHeaders() { return { Authorization: 'Bearer ' + this.config.apiKey }; }
          async verify() { await this.request('/me'); }
          async iterateUsers(iteratee) {
            for await (const user of this.paginate({ endpoint: '/users' }, 'users')) await iteratee(user);
          }
        }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_user']);
    assert.deepEqual(configNames(e), ['apiKey', 'baseUrl']);
    assert.ok(e.complete && e.configComplete, gaps(e));
  });

  it('walks a pager again when its callback calls it with another iteratee (the inner closure differs)', () => {
    const e = oneStep(`import { APIClient } from './client';`, `async ({ instance, jobState }) => {
      const client = new APIClient(instance.config);
      await client.iterate('/groups', async (group) => {
        await jobState.addEntity({ _key: group.id, _type: 'acme_group', _class: 'Group' });
        await client.iterate('/groups/' + group.id + '/users', async (user) => {
          await jobState.addEntity({ _key: user.id, _type: 'acme_user', _class: 'User' });
        });
      });
    }`, {
      'src/client.ts': `
        import pMap from 'p-map';
        export class APIClient {
          constructor(readonly config) {}
          async iterate(path, iteratee) {
            const response = await fetch(path, { headers: { key: this.config.apiKey } });
            await pMap(response.items, async (item) => { await iteratee(item); });
          }
        }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_group', 'acme_user']);
    assert.ok(e.complete, gaps(e));
  });

  it('follows a client kept in a module variable (getOrCreate), which may also hold one an earlier step created', () => {
    const e = oneStep(`import { createAPIClient } from './client';`, `async ({ instance, jobState, logger }) => {
      const client = createAPIClient(instance.config, logger);
      await client.iterateUsers(async (user) => { await jobState.addEntity(client.toEntity(user)); });
    }`, {
      'src/client.ts': `
        export class APIClient {
          constructor(readonly config, readonly logger) {}
          async iterateUsers(iteratee) { for (const u of await fetch(this.config.hostname)) await iteratee(u); }
          toEntity(user) { return { _key: user.id, _type: 'acme_user', _class: 'User' }; }
        }
        let client: APIClient | undefined;
        export function createAPIClient(config, logger) {
          if (!client) client = new APIClient(config, logger);
          return client;
        }`,
    });
    assert.deepEqual(configNames(e), ['hostname']);
    // The client an earlier step stored is not followed: its methods stay calls of unknown code.
    assert.equal(e.configComplete, false);
    assert.deepEqual(entityTypes(e), ['?', 'acme_user']);
    assert.ok(e.complete, gaps(e));
  });

  it('maps a list that differs between paths over each of them (a singleton client returning a page list)', () => {
    const e = oneStep(`import { createClient } from './client';\nimport { toGroup } from './converters';`, `async ({ instance, jobState }) => {
      const groups = await createClient(instance.config).fetchGroups();
      await jobState.addEntities(groups.map(toGroup));
    }`, {
      'src/converters.ts': `export const toGroup = (g) => ({ _key: g.id, _type: 'acme_group', _class: 'Group' });`,
      'src/client.ts': `
        class Client {
          constructor(private readonly config) {}
          async fetchGroups() {
            const pages = [];
            pages.push(await fetch(this.config.baseUrl));
            return [].concat(...pages);
          }
        }
        let client;
        export function createClient(config) { if (!client) client = new Client(config); return client; }`,
    });
    assert.deepEqual(entityTypes(e), ['acme_group']);
    assert.ok(e.complete, gaps(e));
  });

  describe('stays incomplete where it cannot follow', () => {
    it('a base class from a package may read any field: the config held by the instance escapes', () => {
      const e = oneStep(`import { APIClient } from './client';`, HANDLER, {
        'src/client.ts': `
          import { Client } from 'some-http-package';
          export class APIClient extends Client {
            constructor(private readonly config, logger) { super(logger); }
            async verify() { await this.get('/me', this.config.apiKey); }
            async iterateUsers(iteratee) { for (const u of await this.get('/users')) await iteratee(u); }
          }`,
      });
      assert.deepEqual(configNames(e), ['apiKey']);
      assert.equal(e.configComplete, false);
      assert.match(gaps(e), /whose base class Client the analysis does not follow/);
      assert.ok(e.complete, gaps(e));
    });

    it('jobState held by an instance of a class with a package base is a gap', () => {
      const e = oneStep(`import { Ingester } from './ingester';`, `async ({ jobState }) => { await new Ingester(jobState).run(); }`, {
        'src/ingester.ts': `
          import { EventEmitter } from 'events';
          export class Ingester extends EventEmitter {
            constructor(private jobState) { super(); }
            async run() { this.emit('start'); }
          }`,
      });
      assert.equal(e.complete, false);
      assert.match(gaps(e), /jobState is held by an instance of Ingester/);
    });

    it('a method called without its receiver, or through a name known only at run time, does not see the instance', () => {
      const e = oneStep(`import { Ingester } from './ingester';`, `async ({ jobState }, name) => {
        const ingester = new Ingester(jobState);
        const run = ingester.run;
        await run();
        await ingester[name]();
      }`, {
        'src/ingester.ts': `
          export class Ingester {
            constructor(private jobState) {}
            async run() { await this.jobState.addEntity({ _key: 'k', _type: 'acme_group', _class: 'Group' }); }
          }`,
      });
      // Unbound `this` is unknown: its addEntity is a gap, never a claim.
      assert.deepEqual(entityTypes(e), []);
      assert.equal(e.complete, false);
    });

    it('a class from node_modules is not followed: its arguments escape', () => {
      const e = oneStep(`import { Octokit } from '@octokit/rest';`, `async ({ instance, jobState }) => {
        const client = new Octokit({ auth: instance.config.token, config: instance.config });
        for (const user of await client.users.list()) await jobState.addEntity({ _key: user.id, _type: 'acme_user', _class: 'User' });
      }`);
      assert.deepEqual(configNames(e), ['token']);
      assert.equal(e.configComplete, false);
      assert.ok(e.complete, gaps(e));
    });

    it('a field a method changes holds any value afterwards', () => {
      const e = oneStep(`import { Ingester } from './ingester';`, `async ({ jobState }) => {
        const ingester = new Ingester(jobState);
        await ingester.switch();
        await ingester.run();
      }`, {
        'src/ingester.ts': `
          export class Ingester {
            type = 'acme_user';
            constructor(private jobState) {}
            switch() { this.type = 'acme_admin'; }
            async run() { await this.jobState.addEntity({ _key: 'k', _type: this.type, _class: 'User' }); }
          }`,
      });
      assert.deepEqual(entityTypes(e), ['acme_admin']);
      assert.ok(e.complete, gaps(e));
    });

    it('instances chosen at run time: both classes are followed', () => {
      const e = oneStep(`import { A, B } from './clients';`, `async ({ instance, jobState }) => {
        const client = instance.config.useB ? new B() : new A();
        await client.run(jobState);
      }`, {
        'src/clients.ts': `
          export class A { async run(jobState) { await jobState.addEntity({ _key: 'a', _type: 'acme_a', _class: 'User' }); } }
          export class B { async run(jobState) { await jobState.addEntity({ _key: 'b', _type: 'acme_b', _class: 'User' }); } }`,
      });
      assert.deepEqual(entityTypes(e), ['acme_a', 'acme_b']);
      assert.ok(e.complete, gaps(e));
    });
  });
});
