import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { known, model, ROOT, unresolvedReason } from '../helpers/inMemoryModel';

const step = (id: string, extra = '') =>
  `{ id: ${id}, name: 'S', entities: [], relationships: [], executionHandler: async () => {} ${extra} }`;

describe('static evaluator', () => {
  it('evaluates helper functions with block bodies, loops and pushes', () => {
    const m = model({
      'src/index.ts': `
        function makeSteps(prefix: string) {
          const out = [];
          for (const name of ['a', 'b']) {
            if (name === 'b') { out.push({ id: prefix + '-' + name, name: name.toUpperCase(), entities: [], relationships: [], dependsOn: [prefix + '-a'], executionHandler: () => {} }); continue; }
            out.push({ id: \`\${prefix}-\${name}\`, name, entities: [], relationships: [], executionHandler: () => {} });
          }
          return out;
        }
        export const invocationConfig = { integrationSteps: makeSteps('fetch') };`,
    });
    assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['fetch-a', 'fetch-b']);
    assert.deepEqual(m.steps.items[1].dependsOn.items.map(known), ['fetch-a']);
    assert.equal(known(m.steps.items[1].name), 'B');
  });

  it('keeps a value that depends on run-time data unresolved, with the reason and place', () => {
    const m = model({
      'src/index.ts': `export const invocationConfig = { integrationSteps: [${step('process.env.STEP_ID')}] };`,
    });
    const reason = unresolvedReason(m.steps.items[0].id);
    assert.match(reason, /process\.env/);
    assert.equal(m.unresolved[0].range.file, path.join(ROOT, 'src/index.ts'));
  });

  it('marks values computed from a condition known only at run time as unresolved', () => {
    const m = model({
      'src/index.ts': `
        declare const flag: boolean;
        export const invocationConfig = { integrationSteps: [${step("flag ? 'a' : 'b'")}] };`,
    });
    assert.match(unresolvedReason(m.steps.items[0].id), /condition 'flag'/);
  });

  it('treats properties that an unknown spread may overwrite as unresolved', () => {
    const m = model({
      'src/index.ts': `
        import { overrides } from 'some-package';
        export const invocationConfig = { integrationSteps: [{ id: 'a', name: 'A', entities: [], relationships: [], ...overrides, executionHandler: () => {} }] };`,
    });
    assert.match(unresolvedReason(m.steps.items[0].id), /overwritten by a spread/);
    assert.equal(m.steps.items[0].executionHandler?.kind, 'function');
  });

  it('refuses values read across an import cycle, and keeps the rest', () => {
    const m = model({
      'src/a.ts': `import { B } from './b'; export const A = { ID: 'a', OTHER: B.ID };`,
      'src/b.ts': `import { A } from './a'; export const B = { ID: 'b', OTHER: A.ID };`,
      'src/index.ts': `import { A } from './a'; import { B } from './b';
        export const invocationConfig = { integrationSteps: [${step('A.ID')}, ${step('B.OTHER')}] };`,
    });
    // index.ts is outside the cycle: A.ID is whatever a.ts computes. b.ts reads A across the cycle:
    // at load time A may still be undefined, so the analysis does not claim a value.
    assert.equal(known(m.steps.items[0].id), 'a');
    assert.match(unresolvedReason(m.steps.items[1].id), /circular import: .*b\.ts and .*a\.ts import each other/);
  });

  it('reports a self-referencing constant as unresolved instead of looping', () => {
    const m = model({
      'src/index.ts': `const X: any = { id: X.id }; export const invocationConfig = { integrationSteps: [${step('X.id')}] };`,
    });
    assert.match(unresolvedReason(m.steps.items[0].id), /circular|undefined/);
  });

  it('stops runaway recursion in user helpers', () => {
    const m = model({
      'src/index.ts': `function f(n: number): string { return f(n + 1); }
        export const invocationConfig = { integrationSteps: [${step('f(0)')}] };`,
    });
    assert.match(unresolvedReason(m.steps.items[0].id), /nested deeper/);
  });

  it('reports a missing module and keeps going', () => {
    const m = model({
      'src/index.ts': `import { Steps } from './missing';
        export const invocationConfig = { integrationSteps: [${step('Steps.A')}, ${step("'b'")}] };`,
    });
    assert.match(unresolvedReason(m.steps.items[0].id), /cannot find module '\.\/missing'/);
    assert.equal(known(m.steps.items[1].id), 'b');
    assert.ok(m.problems.some((p) => p.code === 'missing-module'));
  });

  it('computes enums, including numeric auto-increment and reverse mapping', () => {
    const m = model({
      'src/index.ts': `enum N { A, B, C = 10, D }
        enum S { X = 'x', Y = X + '-y' }
        export const invocationConfig = { integrationSteps: [${step('`${S.Y}-${N.D}-${N[1]}`')}] };`,
    });
    assert.equal(known(m.steps.items[0].id), 'x-y-11-B');
  });

  it('follows Object.values in JavaScript key order', () => {
    const m = model({
      'src/index.ts': `const E = { b: { resourceName: 'B', _type: 't_b', _class: 'B' }, 2: { resourceName: 'Two', _type: 't_2', _class: 'T' }, a: { resourceName: 'A', _type: 't_a', _class: 'A' } };
        export const invocationConfig = { integrationSteps: [{ id: 's', name: 'S', entities: Object.values(E), relationships: [], executionHandler() {} }] };`,
    });
    assert.deepEqual(m.steps.items[0].entities.items.map((e) => known(e._type)), ['t_2', 't_b', 't_a']);
  });

  it('never hangs on an infinite loop in a helper: it gives up within the budget', () => {
    const m = model({
      'src/index.ts': `function ids() { const out: string[] = []; for (const x of [1]) { while (true) { out.push('a'); } } return out; }
        export const invocationConfig = { integrationSteps: [${step('ids()[0]')}] };`,
    });
    assert.equal(m.steps.items[0].id.kind, 'unknown');
  });

  it('replays top-level pushes into a steps array, and gives up when a push is conditional', () => {
    const m = model({
      'src/index.ts': `const steps: any[] = [${step("'a'")}];
        steps.push(${step("'b'")});
        const more: any[] = [];
        if (process.env.BETA) more.push(${step("'c'")});
        export const invocationConfig = { integrationSteps: [...steps, ...more] };`,
    });
    assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['a', 'b']);
    assert.equal(m.steps.complete, false);
    assert.match(m.steps.unknowns[0].reason, /'more' is changed by code the analysis cannot follow: .*'process\.env\.BETA'/);
  });

  it('sees through handlers wrapped by a map over the steps, down to the declared handler', () => {
    const m = model({
      'src/wrap.ts': `export function wrap(h: any) { return async (c: any) => { await h(c); }; }`,
      'src/steps.ts': `export async function fetchUsers() {}
        export const steps = [{ id: 'u', name: 'U', entities: [], relationships: [], executionHandler: fetchUsers }];`,
      'src/index.ts': `import { wrap } from './wrap'; import { steps } from './steps';
        export const invocationConfig = { integrationSteps: steps.map((s) => ({ ...s, executionHandler: wrap(s.executionHandler) })) };`,
    });
    const handler = m.steps.items[0].executionHandler;
    assert.ok(handler?.kind === 'function');
    assert.equal(handler.range.file, path.join(ROOT, 'src/wrap.ts'));
    assert.deepEqual(handler.wraps?.map((w) => [w.name, path.basename(w.range.file)]), [['fetchUsers', 'steps.ts']]);
  });

  it('follows CommonJS export order: exports.x after module.exports = {...} is lost, as in Node', () => {
    const m = model({
      'src/constants.js': `module.exports = { Steps: { A: 'a' } };
        exports.Lost = { B: 'b' };
        module.exports.Kept = { C: 'c' };`,
      'src/index.js': `const { Steps, Lost, Kept } = require('./constants');
        exports.invocationConfig = { integrationSteps: [${step('Steps.A')}, ${step('Kept.C')}, ${step('Lost.B')}] };`,
    });
    assert.deepEqual(m.steps.items.slice(0, 2).map((s) => known(s.id)), ['a', 'c']);
    assert.match(unresolvedReason(m.steps.items[2].id), /reading 'B' of undefined/);
  });
});
