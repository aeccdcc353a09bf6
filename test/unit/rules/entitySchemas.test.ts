import * as assert from 'node:assert/strict';
import { missingRequiredProperty } from '../../../server/src/core/rules/missingRequiredProperty';
import { unknownEntityClass } from '../../../server/src/core/rules/unknownEntityClass';
import type { EntityCreation } from '../../../server/src/core/effects/types';
import { applyFix, textOf } from '../helpers/checkProject';
import { dataModelPackage, yarnLock } from '../helpers/dataModelPackage';
import { at, contextWith, effects, run } from '../helpers/effectsContext';

/** One step declaring an entity of `cls` (source text), whose handler creates one with `assign`. */
function project(cls: string, assign = `{ _key: 'k', _type: 'acme_user', _class: 'User', name: 'n' }`, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'src/index.ts': `import { createIntegrationEntity } from '@jupiterone/integration-sdk-core';
export const invocationConfig = {
  integrationSteps: [
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [{ resourceName: 'User', _type: 'acme_user', _class: ${cls} }],
      relationships: [],
      executionHandler: async ({ jobState }) => {
        await jobState.addEntity(createIntegrationEntity({ entityData: { assign: ${assign} } }));
      },
    },
  ],
};
`,
    ...extra,
  };
}

/** The createIntegrationEntity of `project`, as the handler analysis reports it. */
function creation(files: Record<string, string>, cls: string | string[], keys: string[], more: Partial<EntityCreation> = {}): EntityCreation {
  const assign = /assign: (\{[^}]*\})/.exec(files['src/index.ts'])![1];
  return {
    kind: 'createIntegrationEntity',
    range: at(files, 'src/index.ts', 'createIntegrationEntity({'),
    _type: { kind: 'known', value: 'acme_user', range: at(files, 'src/index.ts', "'acme_user'", 2) },
    _class: { kind: 'known', value: cls, range: at(files, 'src/index.ts', "_class: 'User'", 1) },
    assign: { keys, complete: true, range: at(files, 'src/index.ts', assign) },
    hasSource: false,
    ...more,
  };
}

const withEntity = (files: Record<string, string>, entity: EntityCreation) => contextWith(files, { 'fetch-users': effects({ entities: [entity] }) });

describe('entity schema rules', () => {
  describe('unknown-entity-class', () => {
    it('reports a metadata class the bundled data model does not define, on the string, with a did-you-mean fix', () => {
      const files = project(`'Usr'`);
      const [f, ...rest] = run(unknownEntityClass, contextWith(files));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.equal(textOf(files, f.range), `'Usr'`);
      assert.match(f.message, /"Usr" is not an entity class of @jupiterone\/data-model 0\.64\.2 \(bundled/);
      assert.match(f.message, /Could not find schema for class Usr!/);
      assert.match(f.message, /Did you mean "User"\?/);
      assert.deepEqual(run(unknownEntityClass, contextWith(applyFix(files, f))), []);
    });

    it('points at the one bad class of a list', () => {
      const files = project(`['User', 'Humanoid']`);
      const [f] = run(unknownEntityClass, contextWith(files));
      assert.equal(textOf(files, f.range), `'Humanoid'`);
      assert.equal(f.fixes, undefined);
    });

    it('reports a createIntegrationEntity assign._class from the handler effects', () => {
      const files = project(`'User'`, `{ _key: 'k', _type: 'acme_user', _class: 'Persona', name: 'n' }`);
      const entity = creation(files, 'Persona', ['_key', '_type', '_class', 'name'], { _class: { kind: 'known', value: 'Persona', range: at(files, 'src/index.ts', `'Persona'`) } });
      const [f] = run(unknownEntityClass, withEntity(files, entity));
      assert.equal(textOf(files, f.range), `'Persona'`);
      assert.equal(textOf(files, f.related![0].range), 'createIntegrationEntity({');
    });

    it('is silent for classes the data model defines', () => {
      assert.deepEqual(run(unknownEntityClass, contextWith(project(`['User', 'Person']`))), []);
      assert.deepEqual(run(unknownEntityClass, contextWith(project(`'RecordEntity'`))), []);
    });

    it('is silent when the class is unresolved', () => {
      assert.deepEqual(run(unknownEntityClass, contextWith(project('process.env.CLASS'))), []);
    });

    it("judges by the project's installed data model (read as JSON, through the host)", () => {
      const installed = dataModelPackage({ version: '0.54.0', classes: { User: [], Person: [] }, relationshipClasses: ['HAS'], layout: 'old' });
      const files = project(`'NHI'`, undefined, installed);
      const [f] = run(unknownEntityClass, contextWith(files));
      assert.match(f.message, /@jupiterone\/data-model 0\.54\.0 \(installed/);
      // The bundled 0.64.2 defines NHI: without the installed copy there is nothing to say.
      assert.deepEqual(run(unknownEntityClass, contextWith(project(`'NHI'`))), []);
    });

    it('uses the copy integration-sdk-core resolves before the project-level one', () => {
      const files = project(`'Person'`, undefined, {
        ...dataModelPackage({ version: '0.64.2', classes: { Person: [] }, relationshipClasses: ['HAS'] }),
        'node_modules/@jupiterone/integration-sdk-core/package.json': '{"version":"8.0.0"}',
        ...dataModelPackage({ version: '0.40.0', classes: { User: [] }, relationshipClasses: ['HAS'], at: 'node_modules/@jupiterone/integration-sdk-core/node_modules/@jupiterone/data-model' }),
      });
      const [f] = run(unknownEntityClass, contextWith(files));
      assert.match(f.message, /0\.40\.0/);
    });

    it('judges by the locked version when nothing is installed: recorded history up to 0.55.0', () => {
      const [f] = run(unknownEntityClass, contextWith(project(`'NHI'`, undefined, { 'yarn.lock': yarnLock('0.54.0') })));
      assert.match(f.message, /@jupiterone\/data-model 0\.54\.0 \(the version the project's lockfile resolves\)/);
    });

    it('is silent for a locked version between the recorded history and the bundled one when the class may exist there', () => {
      assert.deepEqual(run(unknownEntityClass, contextWith(project(`'NHI'`, undefined, { 'yarn.lock': yarnLock('0.61.9') }))), []);
      // A class even the newer bundled version lacks never existed in between.
      assert.equal(run(unknownEntityClass, contextWith(project(`'Humanoid'`, undefined, { 'yarn.lock': yarnLock('0.61.9') }))).length, 1);
    });
  });

  describe('missing-required-property', () => {
    it('reports required properties of the class and its base schemas missing from assign', () => {
      const files = project(`'User'`);
      const [f, ...rest] = run(missingRequiredProperty, withEntity(files, creation(files, 'User', ['_key', '_type', '_class', 'name'])));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.equal(textOf(files, f.range), `{ _key: 'k', _type: 'acme_user', _class: 'User', name: 'n' }`);
      // 0.64.2's User: email, firstName, lastName, shortLoginId, username; displayName comes from name.
      assert.deepEqual(f.data?.missing, ['email', 'firstName', 'lastName', 'shortLoginId', 'username']);
      assert.match(f.message, /Entity fails to validate as class 'User'/);
    });

    it('counts displayName as set when name is assigned, and reports both when neither is', () => {
      const files = project(`'Account'`);
      const ok = run(missingRequiredProperty, withEntity(files, creation(files, 'Account', ['_key', '_type', '_class', 'name', 'vendor'])));
      assert.deepEqual(ok, []);
      const [f] = run(missingRequiredProperty, withEntity(files, creation(files, 'Account', ['_key', '_type', '_class', 'vendor'])));
      assert.deepEqual(f.data?.missing, ['displayName', 'name']);
    });

    it('unions the required sets of every class', () => {
      const files = project(`'User'`);
      const [f] = run(missingRequiredProperty, withEntity(files, creation(files, ['Account', 'Vendor'], ['_key', '_type', '_class', 'name'])));
      assert.ok((f.data?.missing as string[]).includes('vendor'));
      assert.ok((f.data?.missing as string[]).includes('category'));
    });

    it("uses the required sets of the project's version (0.54.0's User requires no more than Entity)", () => {
      const files = project(`'User'`, undefined, { 'yarn.lock': yarnLock('0.54.0') });
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, creation(files, 'User', ['_key', '_type', '_class', 'name']))), []);
      const installed = project(`'User'`, undefined, dataModelPackage({ version: '0.50.0', classes: { User: ['username'] }, relationshipClasses: ['HAS'] }));
      const [f] = run(missingRequiredProperty, withEntity(installed, creation(installed, 'User', ['_key', '_type', '_class', 'name'])));
      assert.deepEqual(f.data?.missing, ['username']);
    });

    it('is silent when a source is given (the SDK copies schema properties from it)', () => {
      const files = project(`'User'`);
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, creation(files, 'User', ['_key', '_type', '_class'], { hasSource: true }))), []);
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, creation(files, 'User', ['_key', '_type', '_class'], { hasSource: undefined }))), []);
    });

    it('is silent when the assign keys, the class or the required set are not known', () => {
      const files = project(`'User'`);
      const base = creation(files, 'User', ['_key', '_type', '_class', 'name']);
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, { ...base, assign: { ...base.assign!, complete: false } })), []);
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, { ...base, _class: { kind: 'unknown', reason: 'run time', range: base.range } })), []);
      assert.deepEqual(run(missingRequiredProperty, withEntity(files, creation(files, 'Persona', ['_key']))), []);
      const locked = project(`'User'`, undefined, { 'yarn.lock': yarnLock('0.61.9') });
      assert.deepEqual(run(missingRequiredProperty, withEntity(locked, creation(locked, 'User', ['_key', '_type', '_class', 'name']))), []);
    });
  });
});
