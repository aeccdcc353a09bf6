import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration } from '../../../server/src/core';
import { analyzeStepEffects, type StepEffects } from '../../../server/src/core/effects';
import { memoryHost } from '../helpers/memoryHost';

const ROOT = path.resolve('/virtual/effects');

const CONSTANTS = `
  export const Entities = {
    ACCOUNT: { resourceName: 'Account', _type: 'acme_account', _class: ['Account'] },
    USER: { resourceName: 'User', _type: 'acme_user', _class: ['User'] },
    GROUP: { resourceName: 'Group', _type: 'acme_group', _class: ['UserGroup'] },
    ADMIN: { resourceName: 'Admin', _type: 'acme_admin', _class: ['User'] },
  };
`;

/** Effects of every step of an in-memory integration whose steps module is `steps` (src/steps.ts). */
function effectsOf(steps: string, extra: Record<string, string> = {}): Map<string, StepEffects> {
  const files = {
    'src/index.ts': `import { integrationSteps } from './steps';\nexport const invocationConfig = { integrationSteps };`,
    'src/constants.ts': CONSTANTS,
    'src/steps.ts': steps,
    ...extra,
  };
  const host = memoryHost(ROOT, files);
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) assert.fail(analysis.message);
  const out = new Map<string, StepEffects>();
  for (const step of analysis.model.steps.items) {
    assert.equal(step.id.kind, 'known');
    if (step.id.kind === 'known') out.set(step.id.value, analyzeStepEffects(analysis.evaluator, analysis.handlerOf(step), step.range));
  }
  return out;
}

const step = (id: string, handler: string) => `{ id: '${id}', name: '${id}', entities: [], relationships: [], executionHandler: ${handler} }`;
const known = (r: { kind: string; value?: unknown }) => (r.kind === 'known' ? r.value : '?');
const entityTypes = (e: StepEffects) => [...new Set(e.entities.map((x) => known(x._type)))].sort();
const relationshipTypes = (e: StepEffects) => [...new Set(e.relationships.map((x) => known(x._type)))].sort();

const HEADER = `
  import { createIntegrationEntity, createDirectRelationship, createMappedRelationship, RelationshipClass } from '@jupiterone/integration-sdk-core';
  import { Entities } from './constants';
`;

describe('handler effects', () => {
  it('follows converters across files, with the context destructured or not', () => {
    const e = effectsOf(
      `${HEADER}
      import { toUser } from './converters';
      async function fetchUsers({ jobState, instance }) {
        const client = createClient(instance.config.apiKey);
        await client.iterateUsers(async (user) => {
          await jobState.addEntity(toUser(user));
        });
      }
      async function fetchAccount(context) {
        await context.jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' });
      }
      export const integrationSteps = [${step('users', 'fetchUsers')}, ${step('account', 'fetchAccount')}];`,
      {
        'src/converters.ts': `${HEADER}
          export function toUser(user) {
            return createIntegrationEntity({ entityData: { source: user, assign: { _key: user.id, _type: Entities.USER._type, _class: Entities.USER._class } } });
          }`,
      },
    );
    const users = e.get('users')!;
    assert.deepEqual(entityTypes(users), ['acme_user']);
    assert.equal(users.entities[0].kind, 'createIntegrationEntity');
    assert.equal(path.relative(ROOT, users.entities[0]._type.range.file), 'src/converters.ts');
    assert.deepEqual(users.entities[0].assign?.keys, ['_key', '_type', '_class']);
    assert.equal(users.entities[0].hasSource, true);
    assert.ok(users.complete, JSON.stringify(users.gaps));
    assert.deepEqual(users.configReads.map((r) => r.name), ['apiKey']);
    assert.deepEqual(entityTypes(e.get('account')!), ['acme_account']);
  });

  it('generates relationship types as the SDK does, in object and literal forms, and reads mapped _type', () => {
    const e = effectsOf(`${HEADER}
      async function handler({ jobState }) {
        const account = await jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' });
        await jobState.iterateEntities({ _type: Entities.USER._type }, async (user) => {
          await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: user }));
          await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, fromType: 'acme_group', fromKey: 'g', toType: user._type, toKey: user._key }));
          await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: user, properties: { _type: 'custom_type' } }));
          await jobState.addRelationship(createMappedRelationship({ _class: RelationshipClass.IS, source: user, target: { _type: 'okta_user', _key: 'x' } }));
          await jobState.addRelationship(createMappedRelationship({ _class: RelationshipClass.IS, _type: 'acme_user_is_okta_user', source: user, target: { _type: 'okta_user', _key: 'x' } }));
        });
      }
      export const integrationSteps = [${step('s', 'handler')}];`);
    const s = e.get('s')!;
    assert.deepEqual(relationshipTypes(s), ['acme_account_has_user', 'acme_group_has_user', 'acme_user_is_okta_user', 'custom_type', 'mapping_source_is_okta_user']);
    assert.deepEqual(s.reads.map((r) => [r.kind, known(r._type)]), [['iterateEntities', 'acme_user']]);
    const generated = s.relationships.find((r) => known(r._type) === 'acme_account_has_user')!;
    assert.equal(generated.explicitType, false);
    assert.equal(known(generated.sourceType!), 'acme_account');
    assert.equal(s.relationships.find((r) => known(r._type) === 'custom_type')!.explicitType, true);
    assert.equal(s.relationships.find((r) => known(r._type) === 'mapping_source_is_okta_user')!.mapped, true);
    assert.ok(s.complete);
  });

  it('analyses a shared helper per step, with the arguments of each call site', () => {
    const e = effectsOf(`${HEADER}
      async function addTyped(jobState, type, key) {
        await jobState.addEntity({ _key: key, _type: type, _class: 'User' });
      }
      export const integrationSteps = [
        ${step('a', `async (context) => addTyped(context.jobState, Entities.USER._type, 'u')`)},
        ${step('b', `async ({ jobState }) => { await addTyped(jobState, Entities.ADMIN._type, 'v'); }`)},
      ];`);
    assert.deepEqual(entityTypes(e.get('a')!), ['acme_user']);
    assert.deepEqual(entityTypes(e.get('b')!), ['acme_admin']);
  });

  it('runs callbacks of map/forEach, Promise.all, for loops and both branches of unknown conditions', () => {
    const e = effectsOf(`${HEADER}
      async function handler({ jobState, instance }) {
        const users = await fetchAll();
        await Promise.all(users.map(async (u) => jobState.addEntity({ _key: u.id, _type: u.admin ? Entities.ADMIN._type : Entities.USER._type, _class: 'User' })));
        for (const g of await groups()) {
          await jobState.addEntity({ _key: g.id, _type: Entities.GROUP._type, _class: 'UserGroup' });
        }
        for (const t of ['acme_x', 'acme_y']) await jobState.addEntity({ _key: t, _type: t, _class: 'Resource' });
        if (instance.config.withAccount) await jobState.addEntities([{ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' }]);
      }
      export const integrationSteps = [${step('s', 'handler')}];`);
    assert.deepEqual(entityTypes(e.get('s')!), ['acme_account', 'acme_admin', 'acme_group', 'acme_user', 'acme_x', 'acme_y']);
    assert.ok(e.get('s')!.complete);
  });

  it('walks a nest of loops over known lists element by element only within one budget of 64 walks', () => {
    // 40 regions x 40 zones x 40 sizes: element by element, the innermost body would be walked 64,000 times and the
    // handler's analysis budget would run out (incomplete effects). The outer loop goes element by element; the
    // inner ones, past the nest's budget, take all their elements at once, as for a list known only at run time.
    const list = (prefix: string, n: number) => `[${Array.from({ length: n }, (_, i) => `'${prefix}${i}'`).join(', ')}]`;
    const e = effectsOf(`${HEADER}
      const REGIONS = ${list('r', 40)};
      const ZONES = ${list('z', 40)};
      const SIZES = ${list('s', 40)};
      async function big({ jobState }) {
        for (const region of REGIONS) {
          for (const zone of ZONES) {
            SIZES.forEach((size) => jobState.addEntity({ _key: 'k', _type: \`acme_\${region}_\${zone}_\${size}\`, _class: 'Resource' }));
          }
        }
      }
      async function within({ jobState }) {
        for (const a of ${list('a', 4)}) for (const b of ${list('b', 4)}) ${list('c', 4)}.forEach((c) => jobState.addEntity({ _key: 'k', _type: \`acme_\${a}_\${b}_\${c}\`, _class: 'Resource' }));
      }
      async function past({ jobState }) {
        for (const service of ${list('v', 20)}) for (const kind of ${list('k', 5)}) await jobState.addEntity({ _key: 'k', _type: \`acme_\${service}_\${kind}\`, _class: 'Resource' });
      }
      export const integrationSteps = [${step('big', 'big')}, ${step('within', 'within')}, ${step('past', 'past')}];`);
    const big = e.get('big')!;
    assert.ok(big.complete, JSON.stringify(big.gaps));
    // More zones than a choice holds: the types are unknown (the rules stay silent), never wrong.
    assert.ok(big.entities.length > 0);
    assert.ok(big.entities.every((x) => x._type.kind !== 'known' || /^acme_r\d+_z\d+_s\d+$/.test(x._type.value)));
    // 4 x 4 x 4 = 64 walks: all element by element, every type known.
    assert.equal(entityTypes(e.get('within')!).length, 64);
    // 20 x 5 = 100: the 5 kinds are taken at once as a choice, so every type is still known.
    const past = entityTypes(e.get('past')!);
    assert.equal(past.length, 100);
    assert.ok(past.includes('acme_v19_k4') && past.includes('acme_v0_k0'));
  });

  it('treats .map(convert) on a list known only at run time as a list method', () => {
    const e = effectsOf(`${HEADER}
      function toGroup(g) { return createIntegrationEntity({ entityData: { source: g, assign: { _key: g.id, _type: Entities.GROUP._type, _class: 'UserGroup' } } }); }
      async function handler({ jobState }) {
        const groups = await client().fetchGroups();
        await jobState.addEntities(groups.map(toGroup));
        await jobState.addEntities(groups.filter((g) => g.ok).map((g) => ({ _key: g.id, _type: Entities.USER._type, _class: 'User' })));
      }
      export const integrationSteps = [${step('s', 'handler')}];`);
    assert.deepEqual(entityTypes(e.get('s')!), ['acme_group', 'acme_user']);
  });

  it('gives createEntityData of createIntegrationHelpers the metadata _type and _class', () => {
    const e = effectsOf(
      `${HEADER}
      import { createAccountData } from './entities';
      export const integrationSteps = [${step('s', `async ({ jobState }) => { await jobState.addEntity(createIntegrationEntity({ entityData: { source: {}, assign: createAccountData({ _key: 'a', name: 'A' }) } })); }`)}];`,
      {
        'src/entities.ts': `
          import { createIntegrationHelpers } from '@jupiterone/integration-sdk-core';
          import { typeboxClassSchemaMap } from '@jupiterone/data-model';
          const { createEntityType, createEntityMetadata } = createIntegrationHelpers({ integrationName: 'acme', classSchemaMap: typeboxClassSchemaMap });
          export const [AccountMetadata, createAccountData] = createEntityMetadata({
            resourceName: 'Account', _class: ['Account'], _type: createEntityType('account'), description: 'An account', schema: {},
          });`,
      },
    );
    const s = e.get('s')!;
    assert.deepEqual(entityTypes(s), ['acme_account']);
    assert.deepEqual(s.entities[0].assign?.keys.sort(), ['_class', '_key', '_type', 'name']);
    assert.equal(path.relative(ROOT, s.entities[0]._type.range.file), 'src/entities.ts');
  });

  it('keeps the entity assignTags returns, unless it may assign _type', () => {
    const e = effectsOf(`${HEADER}
      import { assignTags } from '@jupiterone/integration-sdk-core';
      const make = (d) => createIntegrationEntity({ entityData: { source: d, assign: { _key: d.id, _type: Entities.GROUP._type, _class: 'UserGroup' } } });
      export const integrationSteps = [
        ${step('a', `async ({ jobState }) => { await jobState.addEntity(assignTags(make({ id: 'g' }), { owner: 'me' })); }`)},
        ${step('b', `async ({ jobState }) => { await jobState.addEntity(assignTags(make({ id: 'g' }), tags(), props())); }`)},
      ];`);
    assert.deepEqual(entityTypes(e.get('a')!), ['acme_group']);
    assert.deepEqual(entityTypes(e.get('b')!), ['?']);
  });

  it('runs functions called through call/apply, and walks them when the arguments are unknown', () => {
    const e = effectsOf(`${HEADER}
      async function add({ jobState }) { await jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' }); }
      async function addUser(jobState) { await jobState.addEntity({ _key: 'u', _type: Entities.USER._type, _class: 'User' }); }
      export const integrationSteps = [
        ${step('a', `async function (context) { await add.call(this, context); }`)},
        ${step('b', `async function (context) { await addUser.apply(this, args()); }`)},
      ];`);
    assert.deepEqual(entityTypes(e.get('a')!), ['acme_account']);
    assert.ok(e.get('a')!.complete);
    // With unknown arguments the function is still walked: its jobState is unknown, so the effects are incomplete.
    assert.equal(e.get('b')!.complete, false);
  });

  it('follows the original handler through a wrapper', () => {
    const e = effectsOf(`${HEADER}
      const steps = [${step('s', `async ({ jobState }) => { await jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' }); }`)}];
      export const integrationSteps = steps.map((s) => ({ ...s, executionHandler: async (context) => { context.logger.info('start'); return s.executionHandler(context); } }));`);
    assert.deepEqual(entityTypes(e.get('s')!), ['acme_account']);
    assert.ok(e.get('s')!.complete);
  });

  it('is incomplete when jobState reaches code it does not follow, and keeps unknown types unknown', () => {
    const e = effectsOf(`${HEADER}
      import { ingest } from 'some-package';
      export const integrationSteps = [
        ${step('a', `async ({ jobState }) => { await ingest(jobState); }`)},
        ${step('b', `async (context) => { const c = new Client(context); await c.run(); }`)},
        ${step('c', `async ({ jobState }) => { const items = await load(); await jobState.addEntities(items); }`)},
        ${step('d', `async ({ jobState }) => { const client = create(); await client.iterate(async (x) => x.addEntity({ _type: 'acme_user' })); }`)},
      ];`);
    assert.equal(e.get('a')!.complete, false);
    assert.match(e.get('a')!.gaps[0].reason, /jobState/);
    assert.equal(e.get('b')!.complete, false);
    assert.equal(e.get('c')!.complete, true);
    assert.equal(e.get('c')!.entities[0]._type.kind, 'unknown');
    assert.equal(e.get('d')!.complete, false);
  });

  it('records data written and read across steps, and keys the relationship to the data it came from', () => {
    const e = effectsOf(`${HEADER}
      export const integrationSteps = [
        ${step('account', `async ({ jobState }) => { const a = await jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: 'Account' }); await jobState.setData('ACCOUNT', a); }`)},
        ${step('users', `async ({ jobState }) => {
          const account = await jobState.getData('ACCOUNT');
          const user = await jobState.addEntity({ _key: 'u', _type: Entities.USER._type, _class: 'User' });
          await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: user }));
        }`)},
      ];`);
    assert.deepEqual(e.get('account')!.dataWrites.map((w) => [known(w.key), known(w._type!)]), [['ACCOUNT', 'acme_account']]);
    const users = e.get('users')!;
    assert.deepEqual(users.reads.map((r) => [r.kind, known(r.key!)]), [['getData', 'ACCOUNT']]);
    assert.equal(users.relationships[0]._type.kind, 'unknown');
    assert.equal(users.relationships[0].sourceDataKey, 'ACCOUNT');
    assert.equal(known(users.relationships[0].targetType!), 'acme_user');
  });

  it('stops cleanly on recursion with changing arguments', () => {
    const e = effectsOf(`${HEADER}
      async function walk(jobState, depth, type) {
        await jobState.addEntity({ _key: 'k' + depth, _type: type, _class: 'Resource' });
        if (depth < 5) await walk(jobState, depth + 1, type);
      }
      export const integrationSteps = [${step('s', `async ({ jobState }) => walk(jobState, 0, 'acme_node')`)}];`);
    const s = e.get('s')!;
    assert.ok(entityTypes(s).includes('acme_node'));
    assert.ok(s.complete, JSON.stringify(s.gaps));
  });
});
