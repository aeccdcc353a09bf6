import * as assert from 'node:assert/strict';
import { codeLenses } from '../../../server/src/core/queries';
import { acme, cursorProject } from './project';

const project = (overrides: Record<string, string> = {}) => {
  const files = acme(overrides);
  return cursorProject({ ...files, 'src/index.ts': `// |\n${files['src/index.ts']}` });
};

const step = (id: string, deps: string) => `  { id: '${id}', name: '${id.toUpperCase()}', entities: [], relationships: [], dependsOn: [${deps}], executionHandler: async () => {} },`;

describe('queries: codeLenses', () => {
  it('gives each step of a file its id and its dependency closure, dependencies first', () => {
    const p = project();
    const lenses = codeLenses(p.analysis, p.abs('src/steps/users.ts'));
    assert.deepEqual(
      lenses.map((l) => ({ id: l.stepId, name: l.name, run: l.withDependencies, complete: l.complete, starts: p.text(l.range)!.slice(0, 1) })),
      [
        { id: 'fetch-users', name: 'Fetch Users', run: ['fetch-account', 'fetch-users'], complete: true, starts: '{' },
        { id: 'fetch-devices', name: 'Fetch Devices', run: ['fetch-account', 'fetch-users', 'fetch-devices'], complete: true, starts: '{' },
      ],
    );
  });
  it('orders a diamond so every step follows all it depends on, each once', () => {
    const p = project({
      'src/steps/account.ts': `export const accountSteps = [\n${[step('a', ''), step('b', "'a'"), step('c', "'a'"), step('d', "'c', 'b'")].join('\n')}\n];\n`,
      'src/steps/users.ts': 'export const userSteps = [];\n',
      'src/index.ts': `import { accountSteps } from './steps/account';\nimport { userSteps } from './steps/users';\nexport const invocationConfig = { integrationSteps: [...accountSteps, ...userSteps] };\n`,
    });
    const d = codeLenses(p.analysis, p.abs('src/steps/account.ts')).find((l) => l.stepId === 'd');
    assert.deepEqual(d?.withDependencies, ['a', 'c', 'b', 'd']);
  });
  it('marks the closure incomplete where a dependsOn names no step or is known only at run time, and survives cycles', () => {
    const p = project({
      'src/steps/account.ts': `export const accountSteps = [\n${[step('a', "'b'"), step('b', "'a', 'ghost'"), step('c', 'process.env.DEP')].join('\n')}\n];\n`,
      'src/steps/users.ts': 'export const userSteps = [];\n',
      'src/index.ts': `import { accountSteps } from './steps/account';\nimport { userSteps } from './steps/users';\nexport const invocationConfig = { integrationSteps: [...accountSteps, ...userSteps] };\n`,
    });
    const lenses = codeLenses(p.analysis, p.abs('src/steps/account.ts'));
    assert.deepEqual(
      lenses.map((l) => [l.stepId, l.withDependencies, l.missing, l.complete]),
      [
        ['a', ['b', 'a'], ['ghost'], false],
        ['b', ['a', 'b'], ['ghost'], false],
        ['c', ['c'], [], false],
      ],
    );
  });
  it('gives no lens for a step whose id is unknown, nor in a file without steps', () => {
    const p = project({ 'src/steps/account.ts': acme()['src/steps/account.ts'].replace('id: Steps.ACCOUNT', 'id: process.env.STEP_ID') });
    assert.deepEqual(codeLenses(p.analysis, p.abs('src/steps/account.ts')), []);
    assert.deepEqual(codeLenses(p.analysis, p.abs('src/constants.ts')), []);
  });
});
