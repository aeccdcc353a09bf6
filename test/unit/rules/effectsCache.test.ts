import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, EffectsCache, Evaluator, runRules } from '../../../server/src/core';
import { editableHost } from '../helpers/memoryHost';

const ROOT = path.resolve('/virtual/effects-cache');

const FILES = {
  'src/converter.ts': `import { createIntegrationEntity } from '@jupiterone/integration-sdk-core';
export function toUser(u: any) {
  return createIntegrationEntity({ entityData: { source: u, assign: { _key: u.id, _type: 'acme_user', _class: 'User', name: u.name } } });
}
`,
  'src/groups.ts': `async function fetchGroups({ jobState }: any) {
  await jobState.addEntity({ _key: 'g', _type: 'acme_group', _class: 'Group', name: 'g', displayName: 'g' });
}
export const groupSteps = [
  { id: 'fetch-groups', name: 'Groups', entities: [{ resourceName: 'Group', _type: 'acme_group', _class: 'Group' }], relationships: [], executionHandler: fetchGroups },
];
`,
  'src/users.ts': `import { toUser } from './converter';
export const userSteps = [
  { id: 'fetch-users', name: 'Users', entities: [{ resourceName: 'User', _type: 'acme_user', _class: 'User' }], relationships: [],
    executionHandler: async ({ jobState, instance }: any) => { for (const u of instance.config.users) await jobState.addEntity(toUser(u)); } },
];
`,
  'src/wrap.ts': `export const wrapAll = (steps: any[]) => steps.map((step) => ({ ...step, executionHandler: (c: any) => step.executionHandler(c) }));\n`,
  'src/index.ts': `import { groupSteps } from './groups';
import { userSteps } from './users';
import { wrapAll } from './wrap';
export const invocationConfig = { integrationSteps: wrapAll([...userSteps, ...groupSteps]) };
`,
};

/** An editable project, its evaluator and one effects cache kept across its analyses, as the language server keeps them. */
function session(files: Record<string, string>) {
  const host = editableHost(ROOT, files);
  const evaluator = new Evaluator({ host });
  const cache = new EffectsCache();
  const analyze = () => {
    const analysis = analyzeIntegration({ projectPath: ROOT, host, evaluator });
    if ('kind' in analysis) throw new Error(analysis.message);
    const context = createRuleContext(analysis, host, { effectsCache: cache });
    const findings = runRules(analysis, host, undefined, context);
    return { analysis, context, findings, effects: analysis.model.steps.items.map((step) => context.effects(step)) };
  };
  return { host, evaluator, analyze };
}

describe('handler effects kept across analyses', () => {
  it('reuses the effects of handlers whose code and captured values did not change, and recomputes the rest', () => {
    const { host, evaluator, analyze } = session(FILES);
    const first = analyze();
    assert.deepEqual(first.findings.filter((f) => f.code === 'undeclared-type'), []);
    const [users1, groups1] = first.effects;
    assert.ok(users1.entities.some((e) => e._type.kind === 'known' && e._type.value === 'acme_user'));

    // The converter changes the type it creates: the users step, which reaches it, must be analysed again.
    evaluator.invalidate([host.edit('src/converter.ts', FILES['src/converter.ts'].replace("_type: 'acme_user'", "_type: 'acme_person'"))]);
    const second = analyze();
    const [users2, groups2] = second.effects;
    assert.notEqual(users2, users1);
    assert.ok(users2.entities.some((e) => e._type.kind === 'known' && e._type.value === 'acme_person'));
    assert.deepEqual(second.findings.filter((f) => f.code === 'undeclared-type').map((f) => f.message.match(/"(acme_\w+)"/)?.[1]), ['acme_person']);
    // groups.ts does not import the converter: its step object, and so the wrapper's captured step, are the same
    // objects as before, and the wrapped handler's effects are reused.
    assert.equal(groups2, groups1);
  });

  // graph-google-cloud's shape: the barrel that imports every step module also wraps every handler, so it loads
  // again on any edit; and step modules import shared constants, so they load again when those change.
  const WRAPPED = {
    'src/constants.ts': `export const GROUP_TYPE = 'acme_group';\nexport const USER_TYPE = 'acme_user';\n`,
    'src/users.ts': `import { USER_TYPE } from './constants';
async function fetchUsers({ jobState }: any) {
  await jobState.addEntity({ _key: 'u', _type: USER_TYPE, _class: 'User', name: 'u', displayName: 'u' });
}
export const userSteps = [{ id: 'fetch-users', name: 'Users', entities: [{ resourceName: 'User', _type: 'acme_user', _class: 'User' }], relationships: [], executionHandler: fetchUsers }];
`,
    'src/groups.ts': `import { GROUP_TYPE } from './constants';
async function fetchGroups({ jobState }: any) {
  await jobState.addEntity({ _key: 'g', _type: GROUP_TYPE, _class: 'Group', name: 'g', displayName: 'g' });
}
export const groupSteps = [{ id: 'fetch-groups', name: 'Groups', entities: [{ resourceName: 'Group', _type: 'acme_group', _class: 'Group' }], relationships: [], executionHandler: fetchGroups }];
`,
    'src/steps.ts': `import { groupSteps } from './groups';
import { userSteps } from './users';
function report(error: unknown) {
  throw error;
}
function wrap(handler: any) {
  return async (context: any) => {
    try {
      await handler(context);
    } catch (error) {
      report(error);
    }
  };
}
export const integrationSteps = [...userSteps, ...groupSteps].map((step) => ({ ...step, executionHandler: wrap(step.executionHandler) }));
`,
    'src/index.ts': `import { integrationSteps } from './steps';\nexport const invocationConfig = { integrationSteps };\n`,
  };

  /** The wrapped project's analysis, with its users and groups handlers' effects. */
  function wrappedSession(files: Record<string, string> = WRAPPED) {
    const { host, evaluator, analyze } = session(files);
    return {
      host,
      evaluator,
      analyze: () => {
        const { findings, effects } = analyze();
        return { findings, users: effects[0], groups: effects[1] };
      },
    };
  }

  const typeOf = (effects: { entities: Array<{ _type: { kind: string; value?: unknown; range?: { start: number } } }> }) => effects.entities.map((e) => e._type);

  it('reuses a wrapped handler whose module bindings read the same, though its module and the wrapper module loaded again', () => {
    const { host, evaluator, analyze } = wrappedSession();
    const first = analyze();
    assert.deepEqual(first.findings.filter((f) => f.code === 'undeclared-type'), []);

    // USER_TYPE changes. constants.ts, users.ts, groups.ts (they import it), steps.ts and index.ts all load again.
    evaluator.invalidate([host.edit('src/constants.ts', WRAPPED['src/constants.ts'].replace("'acme_user'", "'acme_person'"))]);
    const second = analyze();
    // The users handler read USER_TYPE: walked again, and the finding the new value causes is there.
    assert.notEqual(second.users, first.users);
    assert.deepEqual(typeOf(second.users).map((t) => t.value), ['acme_person']);
    assert.deepEqual(second.findings.filter((f) => f.code === 'undeclared-type').map((f) => f.message.match(/"(acme_\w+)"/)?.[1]), ['acme_person']);
    // The groups handler read GROUP_TYPE (same value, same place), the wrapper read `report` (same code): reused.
    assert.equal(second.groups, first.groups);
  });

  it('walks again a handler whose module binding kept its value but moved (its effects keep where values are written)', () => {
    const { host, evaluator, analyze } = wrappedSession();
    const first = analyze();
    evaluator.invalidate([host.edit('src/constants.ts', `// a comment\n${WRAPPED['src/constants.ts']}`)]);
    const second = analyze();
    assert.notEqual(second.groups, first.groups);
    const [before] = typeOf(first.groups);
    const [after] = typeOf(second.groups);
    assert.equal(after.value, 'acme_group');
    assert.equal((after as { origin?: { start: number } }).origin?.start, ((before as { origin?: { start: number } }).origin?.start ?? 0) + '// a comment\n'.length);
  });

  it('walks again every handler that reads a module binding whose code changed, and only those', () => {
    const { host, evaluator, analyze } = wrappedSession();
    const first = analyze();
    // The wrapper's helper changes: both wrapped handlers read it.
    evaluator.invalidate([host.edit('src/steps.ts', WRAPPED['src/steps.ts'].replace('throw error;', 'throw new Error(String(error));'))]);
    const second = analyze();
    assert.notEqual(second.users, first.users);
    assert.notEqual(second.groups, first.groups);
    // An edit of users.ts leaves the groups handler's reads as they were.
    evaluator.invalidate([host.edit('src/users.ts', WRAPPED['src/users.ts'].replace("name: 'u'", "name: 'user'"))]);
    const third = analyze();
    assert.notEqual(third.users, second.users);
    assert.equal(third.groups, second.groups);
  });

  it('keeps a handler that reads modules through require only while those modules are the same instances', () => {
    const { host, evaluator, analyze } = wrappedSession({
      ...WRAPPED,
      'src/users.ts': WRAPPED['src/users.ts'].replace('_type: USER_TYPE', "_type: require('./constants').USER_TYPE"),
    });
    const { users: users1 } = analyze();
    assert.deepEqual(typeOf(users1).map((t) => t.value), ['acme_user']);
    // Only index.ts loads again: every module the walk read is the same instance.
    evaluator.invalidate([host.edit('src/index.ts', `${WRAPPED['src/index.ts']}// edited\n`)]);
    const { users: users2 } = analyze();
    assert.equal(users2, users1);
    evaluator.invalidate([host.edit('src/constants.ts', WRAPPED['src/constants.ts'].replace("'acme_user'", "'acme_person'"))]);
    const { users: users3 } = analyze();
    assert.deepEqual(typeOf(users3).map((t) => t.value), ['acme_person']);
  });
});

