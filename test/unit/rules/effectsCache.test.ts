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

describe('handler effects kept across analyses', () => {
  it('reuses the effects of handlers whose code and captured values did not change, and recomputes the rest', () => {
    const host = editableHost(ROOT, FILES);
    const evaluator = new Evaluator({ host });
    const cache = new EffectsCache();
    const analyze = () => {
      const analysis = analyzeIntegration({ projectPath: ROOT, host, evaluator });
      if ('kind' in analysis) throw new Error(analysis.message);
      const context = createRuleContext(analysis, host, { effectsCache: cache });
      return { analysis, context, findings: runRules(analysis, host, undefined, context) };
    };
    const first = analyze();
    assert.deepEqual(first.findings.filter((f) => f.code === 'undeclared-type'), []);
    const [users1, groups1] = first.analysis.model.steps.items.map((s) => first.context.effects(s));
    assert.ok(users1.entities.some((e) => e._type.kind === 'known' && e._type.value === 'acme_user'));

    // The converter changes the type it creates: the users step, which reaches it, must be analysed again.
    evaluator.invalidate([host.edit('src/converter.ts', FILES['src/converter.ts'].replace("_type: 'acme_user'", "_type: 'acme_person'"))]);
    const second = analyze();
    const [users2, groups2] = second.analysis.model.steps.items.map((s) => second.context.effects(s));
    assert.notEqual(users2, users1);
    assert.ok(users2.entities.some((e) => e._type.kind === 'known' && e._type.value === 'acme_person'));
    assert.deepEqual(second.findings.filter((f) => f.code === 'undeclared-type').map((f) => f.message.match(/"(acme_\w+)"/)?.[1]), ['acme_person']);
    // groups.ts does not import the converter: its step object, and so the wrapper's captured step, are the same
    // objects as before, and the wrapped handler's effects are reused.
    assert.equal(groups2, groups1);
  });
});
