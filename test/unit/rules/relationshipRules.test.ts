import * as assert from 'node:assert/strict';
import type { RelationshipCreation } from '../../../server/src/core/effects/types';
import { relationshipTypeMismatch } from '../../../server/src/core/rules/relationshipTypeMismatch';
import { unknownRelationshipClass } from '../../../server/src/core/rules/unknownRelationshipClass';
import { applyFix, textOf } from '../helpers/checkProject';
import { dataModelPackage, yarnLock } from '../helpers/dataModelPackage';
import { at, contextWith, effects, run } from '../helpers/effectsContext';

/** One step declaring a relationship (`relationship` is the metadata object's source text). */
function project(relationship: string, extra: Record<string, string> = {}, mapped = ''): Record<string, string> {
  return {
    'src/index.ts': `import { RelationshipClass, createDirectRelationship } from '@jupiterone/integration-sdk-core';
export const invocationConfig = {
  integrationSteps: [
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [],
      relationships: [${relationship}],
      mappedRelationships: [${mapped}],
      executionHandler: async ({ jobState }) => {
        await jobState.addRelationship(createDirectRelationship({ _class: 'HAS', from: account, to: user }));
      },
    },
  ],
};
`,
    ...extra,
  };
}

const HAS = `{ _type: 'acme_account_has_user', _class: RelationshipClass.HAS, sourceType: 'acme_account', targetType: 'acme_user' }`;

function created(files: Record<string, string>, more: Partial<RelationshipCreation> = {}): RelationshipCreation {
  const range = at(files, 'src/index.ts', 'createDirectRelationship({');
  const known = (value: string) => ({ kind: 'known' as const, value, range });
  return {
    kind: 'createDirectRelationship',
    range,
    _type: known('acme_account_has_user'),
    explicitType: false,
    _class: { kind: 'known', value: 'HAS', range: at(files, 'src/index.ts', `_class: 'HAS'`) },
    sourceType: known('acme_account'),
    targetType: known('acme_user'),
    ...more,
  };
}

const withRelationships = (files: Record<string, string>, relationships: RelationshipCreation[]) => contextWith(files, { 'fetch-users': effects({ relationships }) });

describe('relationship rules', () => {
  describe('unknown-relationship-class', () => {
    it('reports a metadata class that is not a RelationshipClass, with a did-you-mean fix', () => {
      const files = project(`{ _type: 'acme_account_owns_user', _class: 'OWNZ', sourceType: 'acme_account', targetType: 'acme_user' }`);
      const [f, ...rest] = run(unknownRelationshipClass, contextWith(files));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.equal(textOf(files, f.range), `'OWNZ'`);
      assert.match(f.message, /Invalid relationship class "OWNZ" specified/);
      assert.match(f.message, /@jupiterone\/data-model 0\.64\.2 \(bundled/);
      assert.match(f.message, /Did you mean "OWNS"\?/);
      assert.deepEqual(run(unknownRelationshipClass, contextWith(applyFix(files, f))), []);
    });

    it('reports RelationshipClass.X that not even the bundled data model defines (undefined at run time)', () => {
      const files = project(`{ _type: 'acme_account_builds_user', _class: RelationshipClass.BUILDS, sourceType: 'acme_account', targetType: 'acme_user' }`);
      const [f] = run(unknownRelationshipClass, contextWith(files));
      assert.equal(textOf(files, f.range), 'RelationshipClass.BUILDS');
      assert.match(f.message, /RelationshipClass\.BUILDS is not defined in @jupiterone\/data-model 0\.64\.2/);
    });

    it('offers the closest member as a fix for a misspelt RelationshipClass member', () => {
      const files = project(`{ _type: 'acme_account_has_user', _class: RelationshipClass.HASS, sourceType: 'acme_account', targetType: 'acme_user' }`);
      const [f] = run(unknownRelationshipClass, contextWith(files));
      assert.match(f.message, /Did you mean RelationshipClass\.HAS\?/);
      assert.deepEqual(run(unknownRelationshipClass, contextWith(applyFix(files, f))), []);
    });

    it("reports RelationshipClass.X that the project's own version lacks (KNOWS arrived in 0.55.0)", () => {
      const knows = `{ _type: 'acme_user_knows_user', _class: RelationshipClass.KNOWS, sourceType: 'acme_user', targetType: 'acme_user' }`;
      const installed = dataModelPackage({ version: '0.54.0', classes: { User: [] }, relationshipClasses: ['HAS', 'IS', 'OWNS'], layout: 'old' });
      const files = project(knows, installed);
      const [f] = run(unknownRelationshipClass, contextWith(files));
      assert.equal(textOf(files, f.range), 'RelationshipClass.KNOWS');
      assert.match(f.message, /undefined at run time/);
      // Locked, not installed: the recorded history says the same.
      assert.equal(run(unknownRelationshipClass, contextWith(project(knows, { 'yarn.lock': yarnLock('0.54.0') }))).length, 1);
      assert.deepEqual(run(unknownRelationshipClass, contextWith(project(knows, { 'yarn.lock': yarnLock('0.55.0') }))), []);
    });

    it('reports a class a handler creates, in any case the SDK upper-cases', () => {
      const files = project(HAS);
      const bad = created(files, { _class: { kind: 'known', value: 'has_many', range: at(files, 'src/index.ts', `'HAS'`) } });
      const [f] = run(unknownRelationshipClass, withRelationships(files, [bad]));
      assert.match(f.message, /"has_many" is not a RelationshipClass/);
      assert.equal(textOf(files, f.related![0].range), 'createDirectRelationship({');
      const lower = created(files, { _class: { kind: 'known', value: 'has', range: at(files, 'src/index.ts', `'HAS'`) } });
      assert.deepEqual(run(unknownRelationshipClass, withRelationships(files, [lower])), []);
    });

    it('reports a missing RelationshipClass member a handler passes (the analysis sees no class there)', () => {
      const files = project(HAS);
      const good = created(files);
      files['src/index.ts'] = files['src/index.ts'].replace(`_class: 'HAS', from`, '_class: RelationshipClass.HASS, from');
      const range = at(files, 'src/index.ts', 'RelationshipClass.HASS');
      const bad: RelationshipCreation = { ...good, _class: { kind: 'unknown', reason: 'the relationship _class is missing', range } };
      const [f] = run(unknownRelationshipClass, withRelationships(files, [bad]));
      assert.equal(textOf(files, f.range), 'RelationshipClass.HASS');
      assert.match(f.message, /Did you mean RelationshipClass\.HAS\?/);
    });

    it('checks mapped relationships too', () => {
      const files = project('', {}, `{ _type: 'acme_user_is_person', _class: 'IZ', sourceType: 'acme_user', targetType: 'person', direction: 'FORWARD' }`);
      assert.equal(run(unknownRelationshipClass, contextWith(files)).length, 1);
    });

    it('is silent for RelationshipClass members and known strings', () => {
      assert.deepEqual(run(unknownRelationshipClass, contextWith(project(HAS))), []);
      assert.deepEqual(run(unknownRelationshipClass, contextWith(project(`{ _type: 't', _class: 'MANAGES', sourceType: 'a', targetType: 'b' }`))), []);
    });

    it('is silent when the class is unresolved', () => {
      assert.deepEqual(run(unknownRelationshipClass, contextWith(project(`{ _type: 't', _class: process.env.CLASS, sourceType: 'a', targetType: 'b' }`))), []);
      const files = project(HAS);
      const unknown = created(files, { _class: { kind: 'unknown', reason: 'a parameter', range: at(files, 'src/index.ts', `'HAS'`) } });
      assert.deepEqual(run(unknownRelationshipClass, withRelationships(files, [unknown])), []);
    });
  });

  describe('relationship-type-mismatch', () => {
    const declared = `{ _type: 'acme_account_user', _class: RelationshipClass.HAS, sourceType: 'acme_account', targetType: 'acme_user' }`;

    it('reports a declared _type the SDK will not generate for a relationship created without _type, with a fix', () => {
      const files = project(declared);
      const [f, ...rest] = run(relationshipTypeMismatch, withRelationships(files, [created(files)]));
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.equal(textOf(files, f.range), `'acme_account_user'`);
      assert.match(f.message, /generateRelationshipType\("HAS", "acme_account", "acme_user"\) = "acme_account_has_user"/);
      assert.equal(textOf(files, f.related![0].range), 'createDirectRelationship({');
      const fixed = applyFix(files, f);
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(fixed, [created(fixed)])), []);
    });

    it('uses the exact SDK algorithm (shared leading parts of the target are dropped)', () => {
      const files = project(`{ _type: 'acme_user_has_acme_group', _class: 'HAS', sourceType: 'acme_user', targetType: 'acme_group' }`);
      const make = created(files, { sourceType: { kind: 'known', value: 'acme_user', range: at(files, 'src/index.ts', 'from') }, targetType: { kind: 'known', value: 'acme_group', range: at(files, 'src/index.ts', 'to:') } });
      const [f] = run(relationshipTypeMismatch, withRelationships(files, [make]));
      assert.equal(f.data?.recorded, 'acme_user_has_group');
    });

    it('reports a mapped relationship created without _type (the SDK records mapping_source_...)', () => {
      const files = project('', {}, `{ _type: 'acme_user_is_person', _class: 'IS', sourceType: 'acme_user', targetType: 'person', direction: 'FORWARD' }`);
      const range = at(files, 'src/index.ts', 'createDirectRelationship({');
      const known = (value: string) => ({ kind: 'known' as const, value, range });
      const mapped: RelationshipCreation = { kind: 'createMappedRelationship', range, _type: known('mapping_source_is_person'), explicitType: false, _class: known('IS'), sourceType: known('acme_user'), targetType: known('person') };
      const [f] = run(relationshipTypeMismatch, withRelationships(files, [mapped]));
      assert.match(f.message, /createMappedRelationship without `_type` records "mapping_source_is_person"/);
    });

    it('is silent when the declared type is the generated one, or the code passes an explicit _type', () => {
      const files = project(HAS);
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(files, [created(files)])), []);
      const other = project(declared);
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(other, [created(other, { explicitType: true, _type: { kind: 'known', value: 'acme_account_user', range: at(other, 'src/index.ts', 'to: user') } })])), []);
      // No code creates it: rule 8 (declared but never produced) is not this rule's business.
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(other, [])), []);
    });

    it('is silent when the step also declares the generated type (the other entry is created with its own _type)', () => {
      const files = project(`${HAS}, ${declared}`);
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(files, [created(files)])), []);
    });

    it('is silent when a type of the metadata or of the created relationship is unresolved', () => {
      const files = project(`{ _type: 'acme_account_user', _class: RelationshipClass.HAS, sourceType: process.env.T, targetType: 'acme_user' }`);
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(files, [created(files)])), []);
      const other = project(declared);
      const unknownSource = created(other, { sourceType: { kind: 'unknown', reason: 'a parameter', range: at(other, 'src/index.ts', 'from') } });
      assert.deepEqual(run(relationshipTypeMismatch, withRelationships(other, [unknownSource])), []);
    });
  });
});
