import * as assert from 'node:assert/strict';
import { buildModel, Evaluator } from '../../../server/src/core';
import { editableHost } from '../helpers/memoryHost';
import { known, model, ROOT, unresolvedReason } from '../helpers/inMemoryModel';

// Patterns met in public JupiterOne integrations (graph-*), each reduced to a few lines.

const step = (id: string, entities = '[]') =>
  `{ id: ${id}, name: 'S', entities: ${entities}, relationships: [], executionHandler: async () => {} }`;

const config = (steps: string) => `export const invocationConfig = { integrationSteps: ${steps} };`;

describe('integration patterns', () => {
  describe('createIntegrationHelpers (SDK 12.8+)', () => {
    const helpers = (name: string) => `
      import { createIntegrationHelpers } from '@jupiterone/integration-sdk-core';
      import { typeboxClassSchemaMap } from '@jupiterone/data-model';
      export const { createEntityType, createEntityMetadata, createMultiClassEntityMetadata, createIntegrationEntity } =
        createIntegrationHelpers({ integrationName: ${name}, classSchemaMap: typeboxClassSchemaMap });`;

    it('builds entity types and metadata as the SDK does, keeping the extra keys of the spec', () => {
      const m = model({
        'src/helpers.ts': helpers("'acme'"),
        'src/index.ts': `import { createEntityMetadata, createEntityType } from './helpers';
          export const [UserMetadata, createUser] = createEntityMetadata({
            resourceName: 'User', _class: ['User'], _type: createEntityType('user'), description: 'd', schema: {}, partial: true,
          });
          ${config(`[${step("'s'", '[UserMetadata]')}]`)}`,
      });
      const entity = m.steps.items[0].entities.items[0];
      assert.equal(known(entity._type), 'acme_user');
      assert.deepEqual(known(entity._class), ['User']);
      assert.equal(known(entity.resourceName), 'User');
      assert.equal(known(entity.partial), true);
    });

    it('takes multi-class _class from the class schemas of @jupiterone/data-model', () => {
      const m = model({
        'src/helpers.ts': helpers("'acme'"),
        'src/index.ts': `import { typeboxClassSchemaMap } from '@jupiterone/data-model';
          import { createMultiClassEntityMetadata } from './helpers';
          const [Host] = createMultiClassEntityMetadata({ resourceName: 'Host', _class: [typeboxClassSchemaMap.Host, typeboxClassSchemaMap['Device']], _type: 'acme_host', description: '', schema: {} });
          const [Other] = createMultiClassEntityMetadata({ resourceName: 'O', _class: [typeboxClassSchemaMap.NotAClassAnywhere], _type: 'acme_o', description: '', schema: {} });
          ${config(`[${step("'s'", '[Host, Other]')}]`)}`,
      });
      const [host, other] = m.steps.items[0].entities.items;
      assert.deepEqual(known(host._class), ['Host', 'Device']);
      assert.match(unresolvedReason(other._class), /does not define/);
    });

    it('stays unresolved when the integration name or the spec is known only at run time', () => {
      const m = model({
        'src/helpers.ts': helpers('process.env.NAME'),
        'src/index.ts': `import { createEntityMetadata, createEntityType, createIntegrationEntity } from './helpers';
          import { spec } from 'some-package';
          const [A] = createEntityMetadata({ resourceName: 'A', _class: ['Record'], _type: createEntityType('a'), description: '', schema: {} });
          const [B] = createEntityMetadata(spec);
          const [C] = createIntegrationEntity({ resourceName: 'C', _class: ['Record'], _type: 'c', description: '', schema: {} });
          ${config(`[${step("'s'", '[A, B, C]')}]`)}`,
      });
      const entities = m.steps.items[0].entities;
      assert.match(unresolvedReason(entities.items[0]._type), /process\.env/);
      assert.equal(entities.complete, false);
      assert.ok(entities.unknowns.some((u) => /some-package/.test(u.reason)));
      assert.ok(entities.unknowns.some((u) => /createIntegrationHelpers\(\) result/.test(u.reason)));
    });
  });

  it('knows the global entities INTERNET and EVERYONE of @jupiterone/data-model', () => {
    const m = model({
      'src/index.ts': `import { INTERNET } from '@jupiterone/data-model';
        import * as dm from '@jupiterone/data-model';
        ${config(`[${step('`${INTERNET._type}-${dm.EVERYONE._type}-${INTERNET._class[1]}`')}, ${step('dm.somethingElse')}]`)}`,
    });
    assert.equal(known(m.steps.items[0].id), 'internet-everyone-Network');
    assert.match(unresolvedReason(m.steps.items[1].id), /does not model/);
  });

  it('reads JSON modules: default, named and require() imports of package.json', () => {
    const m = model({
      'package.json': `{ "name": "@acme/graph-acme", "version": "1.2.3", "j1": { "prefix": "acme" } }`,
      'src/index.ts': `import pkg from '../package.json';
        import { version } from '../package.json';
        const { j1 } = require('../package.json');
        ${config(`[${step('`${pkg.name}@${version}`')}, ${step('j1.prefix')}, ${step('pkg.missing')}]`)}`,
    });
    assert.equal(known(m.steps.items[0].id), '@acme/graph-acme@1.2.3');
    assert.equal(known(m.steps.items[1].id), 'acme');
    assert.match(unresolvedReason(m.steps.items[2].id), /no id/);
  });

  describe('Set, Map and Array.from', () => {
    it('de-duplicates with new Set in insertion order, through spreads and Array.from', () => {
      const m = model({
        'src/index.ts': `const ids = ['b', 'a', 'b', 'c', 'a'];
          const seen = new Set<string>();
          seen.add('z'); seen.add('z'); seen.delete('nope');
          ${config(`[...[...new Set(ids)].map((i) => (${step('i')})), ...Array.from(new Set(['x', 'x', 'y']), (v, n) => (${step('v + n')})), ${step('`${seen.size}-${[...seen][0]}`')}]`)}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['b', 'a', 'c', 'x0', 'y1', '1-z']);
    });

    it('reads Maps: get, has, size, keys, values and for...of over entries', () => {
      const m = model({
        'src/index.ts': `const byId = new Map<string, string>([['u', 'fetch-users'], ['g', 'fetch-groups']]);
          byId.set('u', 'fetch-users-v2');
          function ids() { const out: string[] = []; for (const [k, v] of byId) out.push(k + ':' + v); return out; }
          ${config(`[${step("byId.get('u')")}, ${step("`${byId.has('g')}-${byId.has('x')}-${byId.size}`")}, ${step('[...byId.keys()].join()')}, ${step('ids().join()')}, ${step("String(byId.get('missing'))")}]`)}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), [
        'fetch-users-v2',
        'true-false-2',
        'u,g',
        'u:fetch-users-v2,g:fetch-groups',
        'undefined',
      ]);
    });

    it('keeps a collection with a run-time element, or with objects, unresolved', () => {
      const m = model({
        'src/index.ts': `const a = new Set(['a', process.env.X]);
          const o = new Set([{ id: 'x' }]);
          ${config(`[...Array.from(a).map((i) => (${step('i')})), ...[...o].map((i: any) => (${step('i.id')}))]`)}`,
      });
      assert.equal(m.steps.items.length, 0);
      assert.equal(m.steps.complete, false);
      assert.match(m.steps.unknowns[0].reason, /process\.env/);
      assert.match(m.steps.unknowns[1].reason, /object identity is not modelled/);
    });

    it('sorts like JavaScript, with or without a comparator', () => {
      const m = model({
        'src/index.ts': `const names = ['b', 'B', 'a', '10', '9'];
          ${config(`[${step('[...names].sort().join()')}, ${step('[3, 20, 100].sort().join()')}, ${step('[3, 20, 100].sort((x, y) => y - x).join()')}]`)}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['10,9,B,a,b', '100,20,3', '100,20,3']);
    });
  });

  it('reads getters of object literals with this bound to the object; a spread copies their value', () => {
    const m = model({
      'src/index.ts': `const Ids = { prefix: 'acme', get USERS() { return this.prefix + '-users'; }, set USERS(v: string) {} };
        const copy = { ...Ids, prefix: 'other' };
        ${config(`[${step('Ids.USERS')}, ${step('copy.USERS')}, ${step('Object.keys(Ids).join()')}]`)}`,
    });
    assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['acme-users', 'acme-users', 'prefix,USERS']);
  });

  describe('class static members', () => {
    it('evaluates static fields in order, with this and the class name bound to the class', () => {
      const m = model({
        'src/constants.ts': `export class Steps {
            static readonly EARLY = \`\${this.USERS}\`;
            static readonly USERS = 'fetch-users';
            static readonly GROUPS = Steps.USERS.replace('users', 'groups');
            static all() { return [this.USERS, Steps.GROUPS]; }
            static get COUNT() { return this.all().length; }
            private secret = 'instance field';
          }`,
        'src/index.ts': `import { Steps } from './constants';
          ${config(`[${step('Steps.USERS')}, ${step('Steps.GROUPS')}, ${step('Steps.EARLY')}, ${step('Steps.all().join()')}, ${step('`${Steps.COUNT}-${typeof Steps}-${Steps.name}`')}, ${step('Object.keys(Steps).join()')}]`)}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), [
        'fetch-users',
        'fetch-groups',
        'undefined',
        'fetch-users,fetch-groups',
        '2-function-Steps',
        'EARLY,USERS,GROUPS',
      ]);
    });

    it('does not claim inherited members, static blocks or instances', () => {
      const m = model({
        'src/index.ts': `class Base { static A = 'a'; }
          class Child extends Base { static B = 'b'; }
          class WithBlock { static C = 'c'; static { WithBlock.C = 'changed'; } }
          class Reg { steps = ['x']; }
          ${config(`[${step('Child.B')}, ${step('Child.A')}, ${step('WithBlock.C')}, ${step('new Reg().steps[0]')}]`)}`,
      });
      const [b, a, c, instance] = m.steps.items;
      assert.equal(known(b.id), 'b');
      assert.match(unresolvedReason(a.id), /inherited static members/);
      assert.match(unresolvedReason(c.id), /static block/);
      assert.match(unresolvedReason(instance.id), /new Reg/);
    });
  });

  describe('steps built in loops', () => {
    it('runs for, while, do and for...in loops in helpers, with a fresh let binding per iteration', () => {
      const m = model({
        'src/index.ts': `function build() {
            const out: any[] = [];
            for (let i = 0; i < 2; i++) out.push(${step('`for-${i}`')});
            let n = 0;
            while (n < 2) { out.push(${step('`while-${n}`')}); n++; }
            do { n += 10; } while (n < 30);
            out.push(${step('`do-${n}`')});
            for (const key in { b: 1, a: 2, 1: 3 }) out.push(${step('`in-${key}`')});
            const late: any[] = [];
            for (let j = 0; j < 2; j++) late.push(() => j);
            out.push(${step('`closures-${late[0]()}${late[1]()}`')});
            return out;
          }
          ${config('build()')}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), [
        'for-0', 'for-1', 'while-0', 'while-1', 'do-32', 'in-1', 'in-b', 'in-a', 'closures-01',
      ]);
    });

    it('gives up on a loop with a run-time condition, or one that does not end', () => {
      const m = model({
        'src/index.ts': `function a() { const out: string[] = []; for (let i = 0; i < Number(process.env.N); i++) out.push('x'); return out; }
          function b() { const out: string[] = []; let i = 0; while (i >= 0) { i++; } out.push('never'); return out; }
          ${config(`[${step('a()[0]')}, ${step('b()[0]')}]`)}`,
      });
      assert.match(unresolvedReason(m.steps.items[0].id), /process\.env/);
      assert.match(unresolvedReason(m.steps.items[1].id), /more than 10000 times/);
    });

    it('replays a top-level loop that fills one module binding', () => {
      const m = model({
        'src/steps.ts': `const names = ['users', 'groups'];
          export const steps: any[] = [];
          for (const name of names) {
            const id = 'fetch-' + name;
            steps.push(${step('id')});
          }
          let count = 0;
          count++;
          export const total = count;`,
        'src/index.ts': `import { steps, total } from './steps';
          ${config(`[...steps, ${step('`total-${total}`')}]`)}`,
      });
      assert.deepEqual(m.steps.items.map((s) => known(s.id)), ['fetch-users', 'fetch-groups', 'total-1']);
    });

    it('does not replay a top-level loop that changes several bindings, or one hidden by a local', () => {
      const m = model({
        'src/index.ts': `const ids: string[] = [];
          const byId: Record<string, string> = {};
          for (const x of ['a', 'b']) { ids.push(x); byId[x] = x; }
          const other: string[] = ['o'];
          { const other: string[] = []; other.push('local'); }
          ${config(`[${step('ids[0]')}, ${step('byId.a')}, ${step('other[0]')}]`)}`,
      });
      const [a, b, c] = m.steps.items;
      assert.match(unresolvedReason(a.id), /'ids' is changed under control flow/);
      assert.match(unresolvedReason(b.id), /'byId' is changed under control flow/);
      assert.match(unresolvedReason(c.id), /'other' is changed under control flow/);
    });
  });

  describe('tsconfig baseUrl and paths', () => {
    it('ignores paths written outside compilerOptions, and mappings into node_modules', () => {
      const m = model({
        // graph-servicenow's tsconfig has "paths" at the top level, where TypeScript ignores it.
        'tsconfig.json': `{ "compilerOptions": { "baseUrl": "." }, "paths": { "~/*": ["./*"] } }`,
        'node_modules/some-lib/index.ts': `export const ID = 'from node_modules';`,
        'src/ids.ts': `export const ID = 'a';`,
        'src/index.ts': `import { ID } from 'src/ids'; import { ID as other } from '~/src/ids'; import { ID as lib } from 'node_modules/some-lib';
          ${config(`[${step('ID')}, ${step('other')}, ${step('lib')}]`)}`,
      });
      const [a, b, c] = m.steps.items;
      assert.equal(known(a.id), 'a');
      assert.match(unresolvedReason(b.id), /package '~\/src\/ids'/);
      assert.match(unresolvedReason(c.id), /package/);
    });

    /** Models the files, edits one, tells a kept evaluator, and models again. */
    function idsBeforeAndAfterEdit(files: Record<string, string>, rel: string, text: string): [string, string] {
      const host = editableHost(ROOT, files);
      const evaluator = new Evaluator({ host });
      const id = () => {
        const result = buildModel({ projectPath: ROOT, host, evaluator });
        if ('kind' in result) assert.fail(result.message);
        return known(result.steps.items[0].id);
      };
      const before = id();
      evaluator.invalidate([host.edit(rel, text)]);
      return [before, id()];
    }

    it('follows an edit of the tsconfig when the evaluator is kept between analyses', () => {
      const files: Record<string, string> = {
        'tsconfig.json': `{ "compilerOptions": { "paths": { "@c/*": ["src/one/*"] } } }`,
        'src/one/ids.ts': `export const ID = 'one';`,
        'src/two/ids.ts': `export const ID = 'two';`,
        'src/index.ts': `import { ID } from '@c/ids'; ${config(`[${step('ID')}]`)}`,
      };
      const edit = `{ "compilerOptions": { "paths": { "@c/*": ["src/two/*"] } } }`;
      assert.deepEqual(idsBeforeAndAfterEdit(files, 'tsconfig.json', edit), ['one', 'two']);
    });

    it('follows an edit of a package.json "main" that a directory import read', () => {
      const files: Record<string, string> = {
        'src/lib/package.json': `{ "main": "one.ts" }`,
        'src/lib/one.ts': `export const ID = 'one';`,
        'src/lib/two.ts': `export const ID = 'two';`,
        'src/index.ts': `import { ID } from './lib'; ${config(`[${step('ID')}]`)}`,
      };
      assert.deepEqual(idsBeforeAndAfterEdit(files, 'src/lib/package.json', `{ "main": "two.ts" }`), ['one', 'two']);
    });
  });

  it('does not give a value read at load time before a later top-level change the final value', () => {
    const m = model({
      'src/index.ts': `let prefix = 'a';
        const early = prefix + '_user';
        prefix = 'b';
        const steps: any[] = [${step("'s1'")}];
        const copy = [...steps];
        steps.push(${step("'s2'")});
        let total = 1;
        total += 1;
        function later() { return prefix; }
        ${config(`[${step('early')}, ${step('String(copy.length)')}, ${step('`${later()}-${total}`')}]`)}`,
    });
    const [a, b, c] = m.steps.items;
    assert.match(unresolvedReason(a.id), /'prefix' is read at module load before later top-level statements change it/);
    assert.match(unresolvedReason(b.id), /'steps' is read at module load before/);
    // Reads after the last change (and in functions called later) see the final value.
    assert.match(unresolvedReason(c.id), /'prefix' is read/);
  });
});
