import * as assert from 'node:assert/strict';
import { applyFix, check, textOf } from '../helpers/checkProject';

const codes = (files: Record<string, string>, code: string) => check(files).filter((f) => f.code === code);

const CONSTANTS = `import { RelationshipClass } from '@jupiterone/integration-sdk-core';
export const Steps = { ACCOUNT: 'fetch-account', USERS: 'fetch-users', GROUPS: 'fetch-groups', MEMBERS: 'build-members' };
export const Entities = {
  ACCOUNT: { resourceName: 'Account', _type: 'acme_account', _class: ['Account'] },
  USER: { resourceName: 'User', _type: 'acme_user', _class: ['User'] },
  ADMIN: { resourceName: 'Admin', _type: 'acme_admin', _class: ['User'] },
  GROUP: { resourceName: 'Group', _type: 'acme_group', _class: ['UserGroup'] },
};
export const Relationships = {
  ACCOUNT_HAS_USER: { _type: 'acme_account_has_user', sourceType: 'acme_account', _class: RelationshipClass.HAS, targetType: 'acme_user' },
  GROUP_HAS_USER: { _type: 'acme_group_has_user', sourceType: 'acme_group', _class: RelationshipClass.HAS, targetType: 'acme_user' },
};
export const MappedRelationships = {
  USER_IS_OKTA_USER: { _type: 'acme_user_is_okta_user', sourceType: 'acme_user', _class: RelationshipClass.IS, targetType: 'okta_user', direction: 'FORWARD' },
};
`;

const CONVERTERS = `import { createIntegrationEntity } from '@jupiterone/integration-sdk-core';
import { Entities } from './constants';
export function toUser(user: any) {
  return createIntegrationEntity({
    entityData: { source: user, assign: { _key: user.id, _type: user.admin ? Entities.ADMIN._type : Entities.USER._type, _class: 'User', name: user.name } },
  });
}
export function toGroup(group: any) {
  return createIntegrationEntity({ entityData: { source: group, assign: { _key: group.id, _type: Entities.GROUP._type, _class: 'UserGroup' } } });
}
`;

/** An integration with its steps in src/steps.ts (`body`: handlers and anything else) and `steps` as the array body. */
function project(body: string, steps: string, extra: Record<string, string> = {}, config = ''): Record<string, string> {
  return {
    'src/index.ts': `import { integrationSteps } from './steps';\nexport const invocationConfig = { ${config} integrationSteps };\n`,
    'src/constants.ts': CONSTANTS,
    'src/converters.ts': CONVERTERS,
    'src/steps.ts': `import { createDirectRelationship, createMappedRelationship, RelationshipClass } from '@jupiterone/integration-sdk-core';
import { Entities, MappedRelationships, Relationships, Steps } from './constants';
import { toGroup, toUser } from './converters';

${body}

export const integrationSteps = [
${steps}
];
`,
    ...extra,
  };
}

const ACCOUNT_STEP = `  {
    id: Steps.ACCOUNT,
    name: 'Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    executionHandler: fetchAccount,
  },`;

const ACCOUNT_HANDLER = `async function fetchAccount({ jobState }) {
  const account = await jobState.addEntity({ _key: 'a', _type: Entities.ACCOUNT._type, _class: ['Account'], name: 'A' });
  await jobState.setData('ACCOUNT', account);
}`;

const usersStep = (entities: string, relationships = '', deps = 'Steps.ACCOUNT', handler = 'fetchUsers') => `  {
    id: Steps.USERS,
    name: 'Users',
    entities: [${entities}],
    relationships: [${relationships}],
    dependsOn: [${deps}],
    executionHandler: ${handler},
  },`;

const USERS_HANDLER = `async function fetchUsers({ jobState, instance }) {
  const client = createClient(instance.config);
  const account = await jobState.getData('ACCOUNT');
  await client.iterateUsers(async (user) => {
    const entity = await jobState.addEntity(toUser(user));
    await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: entity }));
  });
}`;

describe('rules over handler effects', () => {
  describe('undeclared-type', () => {
    it('reports a type a converter in another file adds, where its _type is written, with a fix using the metadata constant', () => {
      const files = project(`${ACCOUNT_HANDLER}\n${USERS_HANDLER}`, [ACCOUNT_STEP, usersStep('Entities.USER', 'Relationships.ACCOUNT_HAS_USER')].join('\n'));
      const found = codes(files, 'undeclared-type');
      assert.deepEqual(found.map((f) => f.data?.type), ['acme_admin', 'acme_account_has_admin']);
      const [admin, relationship] = found;
      assert.equal(admin.severity, 'error');
      assert.equal(admin.range.file.endsWith('converters.ts'), true);
      assert.equal(textOf(files, admin.range), 'user.admin ? Entities.ADMIN._type : Entities.USER._type');
      assert.match(admin.message, /Step "fetch-users" adds entities of _type "acme_admin" .* does not declare that type in its entities/);
      assert.match(admin.message, /Undeclared types detected during execution/);
      assert.equal(textOf(files, admin.related![0].range), 'Steps.USERS');
      assert.equal(admin.fixes![0].edits[0].newText, ', Entities.ADMIN');
      // The relationship's source is the account entity another step stored: resolved across steps.
      assert.match(relationship.message, /generated by createDirectRelationship from HAS, acme_account and acme_admin/);
      assert.equal(textOf(files, relationship.range), 'createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: entity })');
      assert.equal(
        relationship.fixes![0].edits[0].newText,
        ", { _type: 'acme_account_has_admin', sourceType: 'acme_account', _class: RelationshipClass.HAS, targetType: 'acme_admin' }",
      );
      let fixed = applyFix(files, admin);
      fixed = applyFix(fixed, codes(fixed, 'undeclared-type')[0]);
      assert.deepEqual(codes(fixed, 'undeclared-type'), []);
    });

    it('reports both relationship forms, explicit _type properties and mapped relationships with the SDK-generated type', () => {
      const body = `async function build({ jobState }) {
  await jobState.iterateEntities({ _type: Entities.GROUP._type }, async (group) => {
    await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, fromType: group._type, fromKey: group._key, toType: 'acme_user', toKey: 'u' }));
    await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, fromType: 'acme_group', fromKey: 'g', toType: 'acme_user', toKey: 'u', properties: { _type: 'acme_group_contains_user' } }));
    await jobState.addRelationship(createMappedRelationship({ _class: RelationshipClass.IS, source: group, target: { _type: 'okta_user', _key: 'x' } }));
  });
}`;
      const files = project(body, `  { id: Steps.MEMBERS, name: 'M', entities: [], relationships: [], executionHandler: build },`);
      const found = codes(files, 'undeclared-type');
      assert.deepEqual(found.map((f) => f.data?.type).sort(), ['acme_group_contains_user', 'acme_group_has_user', 'mapping_source_is_okta_user']);
      const explicit = found.find((f) => f.data?.type === 'acme_group_contains_user')!;
      assert.equal(textOf(files, explicit.range), "'acme_group_contains_user'");
      const mapped = found.find((f) => f.data?.type === 'mapping_source_is_okta_user')!;
      assert.match(mapped.message, /mapped relationships .* mappedRelationships/);
      assert.equal(mapped.data?.list, 'mappedRelationships');
    });

    it('judges a helper shared by steps per step, with the arguments each passes', () => {
      const body = `async function addTyped(jobState, metadata) {
  await jobState.addEntity({ _key: 'k', _type: metadata._type, _class: metadata._class });
}`;
      const steps = [
        `  { id: Steps.USERS, name: 'U', entities: [Entities.USER], relationships: [], executionHandler: async ({ jobState }) => addTyped(jobState, Entities.USER) },`,
        `  { id: Steps.GROUPS, name: 'G', entities: [Entities.GROUP], relationships: [], executionHandler: async (context) => { await addTyped(context.jobState, Entities.ADMIN); } },`,
      ].join('\n');
      const found = codes(project(body, steps), 'undeclared-type');
      assert.deepEqual(found.map((f) => [f.message.match(/Step "([^"]+)"/)![1], f.data?.type]), [['fetch-groups', 'acme_admin']]);
    });

    it('follows the original handler behind a wrapper and callbacks of Promise.all(items.map(...))', () => {
      const body = `async function fetchGroups({ jobState }) {
  const groups = await load();
  await Promise.all(groups.map(async (g) => jobState.addEntity(toGroup(g))));
}
const wrap = (steps) => steps.map((s) => ({ ...s, executionHandler: async (ctx) => { ctx.logger.info('start'); await s.executionHandler(ctx); } }));`;
      const files = project(body, `  ...wrap([{ id: Steps.GROUPS, name: 'G', entities: [], relationships: [], executionHandler: fetchGroups }]),`);
      assert.deepEqual(codes(files, 'undeclared-type').map((f) => f.data?.type), ['acme_group']);
    });

    it('is silent when every type is declared', () => {
      const files = project(`${ACCOUNT_HANDLER}\n${USERS_HANDLER}`, [
        ACCOUNT_STEP,
        usersStep('Entities.USER, Entities.ADMIN', "Relationships.ACCOUNT_HAS_USER, { _type: 'acme_account_has_admin', sourceType: 'acme_account', _class: RelationshipClass.HAS, targetType: 'acme_admin' }"),
      ].join('\n'));
      assert.deepEqual(codes(files, 'undeclared-type'), []);
    });

    it('is silent when a type, or the declared list, is known only at run time', () => {
      const body = `async function fetchUsers({ jobState, instance }) {
  await jobState.addEntity({ _key: 'a', _type: process.env.USER_TYPE, _class: 'User' });
  await jobState.addEntity({ _key: 'b', _type: instance.config.type, _class: 'User' });
}
async function fetchGroups({ jobState }) {
  await jobState.addEntity(toGroup({ id: 'g' }));
}`;
      const steps = [
        usersStep('Entities.USER', '', '', 'fetchUsers'),
        `  { id: Steps.GROUPS, name: 'G', entities: [...(process.env.X ? [Entities.GROUP] : [])], relationships: [], executionHandler: fetchGroups },`,
      ].join('\n');
      assert.deepEqual(codes(project(body, steps), 'undeclared-type'), []);
    });

    it('is silent when a beforeAddEntity hook may rewrite _type, and not when it only adds properties', () => {
      const body = `async function fetchGroups({ jobState }) { await jobState.addEntity(toGroup({ id: 'g' })); }`;
      const steps = `  { id: Steps.GROUPS, name: 'G', entities: [], relationships: [], executionHandler: fetchGroups },`;
      const rewriting = project(body, steps, {}, `beforeAddEntity: (context, entity) => ({ ...entity, _type: 'acme_other' }),`);
      assert.deepEqual(codes(rewriting, 'undeclared-type'), []);
      const adding = project(body, steps, {}, `beforeAddEntity(context, entity) { return { ...entity, projectId: context.instance.config.projectId }; },`);
      assert.deepEqual(codes(adding, 'undeclared-type').map((f) => f.data?.type), ['acme_group']);
    });
  });

  describe('unused-declared-type', () => {
    it('reports a declared type no reachable code adds, as information, with a fix removing it', () => {
      const files = project(`${ACCOUNT_HANDLER}`, `  {
    id: Steps.ACCOUNT,
    name: 'Account',
    entities: [Entities.ACCOUNT, Entities.GROUP],
    relationships: [],
    executionHandler: fetchAccount,
  },`);
      const [f, ...rest] = codes(files, 'unused-declared-type');
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'information');
      assert.equal(textOf(files, f.range), 'Entities.GROUP');
      assert.match(f.message, /declares _type "acme_group" in its entities, but no code its executionHandler reaches adds it/);
      const fixed = applyFix(files, f);
      assert.match(fixed['src/steps.ts'], /entities: \[Entities\.ACCOUNT\],/);
      assert.deepEqual(codes(fixed, 'unused-declared-type'), []);
    });

    it('is silent when a relationship built from an entity found at run time may have the declared type', () => {
      const body = `async function build({ jobState }) {
  await jobState.iterateEntities({ _type: Entities.GROUP._type }, async (group) => {
    const user = await jobState.findEntity(group.userKey);
    if (user) await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: group, to: user }));
  });
}`;
      const files = project(body, `  { id: Steps.MEMBERS, name: 'M', entities: [], relationships: [Relationships.GROUP_HAS_USER], executionHandler: build },`);
      assert.deepEqual(codes(files, 'unused-declared-type'), []);
    });

    it('is silent when every declared type is added, on some path', () => {
      const files = project(`${ACCOUNT_HANDLER}\n${USERS_HANDLER}`, [
        ACCOUNT_STEP,
        usersStep('Entities.USER, Entities.ADMIN', 'Relationships.ACCOUNT_HAS_USER'),
      ].join('\n'));
      assert.deepEqual(codes(files, 'unused-declared-type'), []);
    });

    it('is silent when the handler hands jobState to code the analysis does not follow, or adds objects of unknown type', () => {
      const body = `import { ingest } from 'some-package';
async function viaPackage({ jobState }) { await ingest(jobState); }
async function unknownObjects({ jobState }) { await jobState.addEntities(await loadEntities()); }`;
      const steps = [
        `  { id: Steps.USERS, name: 'U', entities: [Entities.USER], relationships: [], executionHandler: viaPackage },`,
        `  { id: Steps.GROUPS, name: 'G', entities: [Entities.GROUP], relationships: [], executionHandler: unknownObjects },`,
      ].join('\n');
      assert.deepEqual(codes(project(body, steps), 'unused-declared-type'), []);
    });
  });

  describe('missing-data-dependency', () => {
    const MEMBERS_HANDLER = `async function buildMembers({ jobState }) {
  await jobState.iterateEntities({ _type: Entities.GROUP._type }, async (group) => {
    await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, fromType: group._type, fromKey: group._key, toType: Entities.USER._type, toKey: 'u' }));
  });
}
async function fetchGroups({ jobState }) { await jobState.addEntity(toGroup({ id: 'g' })); }`;
    const groupsStep = `  { id: Steps.GROUPS, name: 'G', entities: [Entities.GROUP], relationships: [], executionHandler: fetchGroups },`;
    const membersStep = (deps: string, more = '') =>
      `  { id: Steps.MEMBERS, name: 'M', entities: [], relationships: [Relationships.GROUP_HAS_USER], dependsOn: [${deps}], ${more} executionHandler: buildMembers },`;

    it('reports a type read that no step in the dependsOn closure declares, naming the step that does, with a fix', () => {
      const files = project(MEMBERS_HANDLER, [groupsStep, membersStep('')].join('\n'));
      const [f, ...rest] = codes(files, 'missing-data-dependency');
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.equal(textOf(files, f.range), 'Entities.GROUP._type');
      assert.match(f.message, /Step "build-members" iterates entities of _type "acme_group" \(iterateEntities\), but no step it depends on declares it; "fetch-groups" does/);
      assert.equal(textOf(files, f.related![0].range), 'Entities.GROUP');
      assert.equal(f.fixes![0].title, 'Add "fetch-groups" to dependsOn');
      const fixed = applyFix(files, f);
      assert.match(fixed['src/steps.ts'], /dependsOn: \[Steps\.GROUPS\]/);
      assert.deepEqual(codes(fixed, 'missing-data-dependency'), []);
    });

    it('reports data read with getData that no step it depends on stores', () => {
      const files = project(`${ACCOUNT_HANDLER}\n${USERS_HANDLER}`, [ACCOUNT_STEP, usersStep('Entities.USER, Entities.ADMIN', '', '')].join('\n'));
      const [f] = codes(files, 'missing-data-dependency');
      assert.match(f.message, /reads the data "ACCOUNT" \(getData\), but no step it depends on stores it \(setData\); "fetch-account" does/);
      assert.equal(textOf(files, f.range), "jobState.getData('ACCOUNT')");
      assert.equal(f.fixes![0].edits[0].newText, 'Steps.ACCOUNT');
    });

    it('reports findEntity of a known _key whose entity another step adds', () => {
      const body = `async function fetchAccount({ jobState }) { await jobState.addEntity({ _key: 'acme:account', _type: Entities.ACCOUNT._type, _class: ['Account'] }); }
async function fetchUsers({ jobState }) {
  const account = await jobState.findEntity('acme:account');
  const user = await jobState.addEntity({ _key: 'u', _type: Entities.USER._type, _class: ['User'] });
  if (account) await jobState.addRelationship(createDirectRelationship({ _class: RelationshipClass.HAS, from: account, to: user }));
}`;
      const files = project(body, [ACCOUNT_STEP, usersStep('Entities.USER', 'Relationships.ACCOUNT_HAS_USER', '')].join('\n'));
      const [f] = codes(files, 'missing-data-dependency');
      assert.match(f.message, /looks up an entity of _type "acme_account" \(findEntity\), but no step it depends on declares it; "fetch-account" does/);
    });

    it('says so, without a fix, when the step that declares the type depends on the reader', () => {
      const producer = `  { id: Steps.GROUPS, name: 'G', entities: [Entities.GROUP], relationships: [], dependsOn: [Steps.MEMBERS], executionHandler: fetchGroups },`;
      const [f] = codes(project(MEMBERS_HANDLER, [producer, membersStep('')].join('\n')), 'missing-data-dependency');
      assert.match(f.message, /"fetch-groups" depends on "build-members", so it runs after it/);
      assert.equal(f.fixes, undefined);
    });

    it('is silent when the closure declares the type (transitively), the step itself does, or an earlier graph does', () => {
      const transitive = project(MEMBERS_HANDLER, [groupsStep, `  { id: Steps.USERS, name: 'U', entities: [], relationships: [], dependsOn: [Steps.GROUPS], executionHandler: async () => {} },`, membersStep('Steps.USERS')].join('\n'));
      assert.deepEqual(codes(transitive, 'missing-data-dependency'), []);
      const laterGraph = project(MEMBERS_HANDLER, [groupsStep, membersStep('', "dependencyGraphId: 'last',")].join('\n'));
      assert.deepEqual(codes(laterGraph, 'missing-data-dependency'), []);
    });

    it('is silent when the type read or a dependsOn is known only at run time', () => {
      const unknownType = project(`async function buildMembers({ jobState, instance }) { await jobState.iterateEntities({ _type: instance.config.type }, async () => {}); }
async function fetchGroups({ jobState }) { await jobState.addEntity(toGroup({ id: 'g' })); }`, [groupsStep, membersStep('')].join('\n'));
      assert.deepEqual(codes(unknownType, 'missing-data-dependency'), []);
      const unknownDependency = project(MEMBERS_HANDLER, [groupsStep, membersStep('process.env.DEP')].join('\n'));
      assert.deepEqual(codes(unknownDependency, 'missing-data-dependency'), []);
    });
  });
});
