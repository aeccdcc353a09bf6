import { strict as assert } from 'node:assert';
import { collectDocumentMetadata, type DocumentMetadata } from '../../../server/src/core/document/collect';
import { documentFlavorForCliVersion } from '../../../server/src/core/document/flavor';
import type { DocStep } from '../../../server/src/core/document/types';
import { entity, mapped, rel, step } from './fixtures';

const BY_TYPE = documentFlavorForCliVersion('8.28.1');
const NO_DEDUPE = documentFlavorForCliVersion('8.30.0');
const BY_IDENTITY = documentFlavorForCliVersion('11.0.1');
const NEWEST = documentFlavorForCliVersion('11.0.2');

function collect(steps: DocStep[], version: string): DocumentMetadata {
  const result = collectDocumentMetadata(steps, documentFlavorForCliVersion(version));
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('document/collect', () => {
  describe('step order', () => {
    it('walks steps in dependency order, so the first definition of a type comes from the dependency', () => {
      // Listed dependent-first: the dependency's resourceName must still win the de-dup.
      const steps = [
        step('fetch-users', { dependsOn: ['fetch-account'], entities: [entity('User (late)', 'acme_user')] }),
        step('fetch-account', { entities: [entity('User (early)', 'acme_user')] }),
      ];
      assert.deepEqual(
        collect(steps, '11.0.2').entities.map((e) => e.resourceName),
        ['User (early)'],
      );
    });

    it('keeps dependency order for rows that sort equal (stable sort)', () => {
      const steps = [
        step('b', { dependsOn: ['a'], entities: [entity('Thing', 'thing_b')] }),
        step('c', { entities: [entity('Thing', 'thing_c')] }),
        step('a', { entities: [entity('Thing', 'thing_a')] }),
      ];
      // overallOrder(): b's dependency a first, then b, then c.
      assert.deepEqual(
        collect(steps, '11.0.2').entities.map((e) => e._type),
        ['thing_a', 'thing_b', 'thing_c'],
      );
    });

    it('uses the last step when two steps share an id, as the CLI map does', () => {
      const steps = [step('s', { entities: [entity('First', 'first')] }), step('s', { entities: [entity('Second', 'second')] })];
      assert.deepEqual(
        collect(steps, '11.0.2').entities.map((e) => e._type),
        ['second'],
      );
    });

    it("reports a missing dependsOn target with dependency-graph's message", () => {
      const result = collectDocumentMetadata([step('a', { dependsOn: ['ghost'] })], NEWEST);
      assert.deepEqual(result, { error: 'Node does not exist: ghost' });
    });

    it("reports a cycle with dependency-graph's message", () => {
      const result = collectDocumentMetadata(
        [step('a', { dependsOn: ['b'] }), step('b', { dependsOn: ['a'] })],
        NEWEST,
      );
      assert.deepEqual(result, { error: 'Dependency Cycle Found: a -> b -> a' });
    });
  });

  describe('entities', () => {
    const steps = [
      step('one', { entities: [entity('Zed', 'acme_zed'), entity('user', 'acme_user_lower'), entity('Account', 'acme_account')] }),
      step('two', { dependsOn: ['one'], entities: [entity('Account again', 'acme_account'), entity('User', 'acme_user')] }),
    ];

    it('sorts by resourceName in code-unit order (upper case before lower case)', () => {
      assert.deepEqual(
        collect(steps, '11.0.2').entities.map((e) => e.resourceName),
        ['Account', 'User', 'Zed', 'user'],
      );
    });

    it('de-duplicates by _type in every flavor but 8.29.0 – 8.31.0', () => {
      for (const version of ['6.19.0', '8.28.1', '8.31.1', '11.0.2']) {
        assert.equal(collect(steps, version).entities.length, 4, version);
      }
      assert.deepEqual(
        collect(steps, '8.29.0').entities.map((e) => e.resourceName),
        ['Account', 'Account again', 'User', 'Zed', 'user'],
      );
    });
  });

  describe('relationships', () => {
    // Same _type with different endpoints: the case INT-7550 (8.31.1) fixed.
    const steps = [
      step('one', {
        relationships: [
          rel('acme_account', 'HAS', 'acme_user', 'acme_has'),
          rel('acme_account', 'HAS', 'acme_group', 'acme_has'),
          rel('acme_zed', 'OWNS', 'acme_b', 'acme_a_owns'),
        ],
      }),
      step('two', {
        dependsOn: ['one'],
        relationships: [rel('acme_account', 'HAS', 'acme_user', 'acme_has'), rel('acme_account', 'CONTAINS', 'acme_user', 'acme_has')],
      }),
    ];
    const rows = (version: string) =>
      collect(steps, version).relationships.map((r) => `${r.sourceType} ${r._class} ${r.targetType} ${r._type}`);

    it('6.19.0 – 8.28.x: de-dup by _type, sort by _type', () => {
      assert.deepEqual(rows('8.28.1'), ['acme_zed OWNS acme_b acme_a_owns', 'acme_account HAS acme_user acme_has']);
    });

    it('8.29.0 – 8.31.0: no de-dup, sort by _type (ties in dependency order)', () => {
      assert.deepEqual(rows('8.29.0'), [
        'acme_zed OWNS acme_b acme_a_owns',
        'acme_account HAS acme_user acme_has',
        'acme_account HAS acme_group acme_has',
        'acme_account HAS acme_user acme_has',
        'acme_account CONTAINS acme_user acme_has',
      ]);
    });

    it('8.31.1 – 11.0.1: de-dup by class, type and endpoints; sort by _type', () => {
      assert.deepEqual(rows('8.31.1'), [
        'acme_zed OWNS acme_b acme_a_owns',
        'acme_account HAS acme_user acme_has',
        'acme_account HAS acme_group acme_has',
        'acme_account CONTAINS acme_user acme_has',
      ]);
    });

    it('11.0.2 and later: same de-dup; sort by source, target, class', () => {
      assert.deepEqual(rows('11.0.2'), [
        'acme_account HAS acme_group acme_has',
        'acme_account CONTAINS acme_user acme_has',
        'acme_account HAS acme_user acme_has',
        'acme_zed OWNS acme_b acme_a_owns',
      ]);
    });
  });

  describe('mapped relationships', () => {
    const steps = [
      step('one', {
        mappedRelationships: [
          mapped('acme_user', 'IS', 'google_user', 'REVERSE', 'acme_user_is_user'),
          mapped('acme_user', 'IS', 'google_user', 'FORWARD', 'acme_user_is_user'),
          mapped('acme_user', 'IS', 'aws_user', 'FORWARD', 'acme_user_is_user'),
          mapped('acme_account', 'HAS', 'zz_user', 'FORWARD', 'acme_a_has'),
        ],
      }),
      step('two', {
        dependsOn: ['one'],
        mappedRelationships: [mapped('acme_user', 'IS', 'google_user', 'FORWARD', 'acme_user_is_user')],
      }),
    ];
    const rows = (version: string) =>
      collect(steps, version).mappedRelationships.map((r) => `${r.sourceType} ${r.targetType} ${r.direction}`);

    it('by _type before 8.29.0', () => {
      assert.deepEqual(rows('8.28.1'), ['acme_account zz_user FORWARD', 'acme_user google_user REVERSE']);
    });

    it('all of them in 8.29.0 – 8.31.0', () => {
      assert.equal(rows('8.30.5').length, 5);
    });

    it('direction is part of the identity from 8.31.1, sorted by _type until 11.0.1', () => {
      assert.deepEqual(rows('11.0.1'), [
        'acme_account zz_user FORWARD',
        'acme_user google_user REVERSE',
        'acme_user google_user FORWARD',
        'acme_user aws_user FORWARD',
      ]);
    });

    it('sorted by source, target, class, then direction from 11.0.2', () => {
      assert.deepEqual(rows('11.0.2'), [
        'acme_account zz_user FORWARD',
        'acme_user aws_user FORWARD',
        'acme_user google_user FORWARD',
        'acme_user google_user REVERSE',
      ]);
    });

    it('are not collected before 6.18.0', () => {
      assert.deepEqual(rows('6.17.0'), []);
      assert.equal(rows('6.18.0').length, 2);
    });
  });

  it('does not reorder the caller\'s arrays', () => {
    const entities = [entity('B', 'b'), entity('A', 'a')];
    for (const flavor of [BY_TYPE, NO_DEDUPE, BY_IDENTITY, NEWEST]) {
      collectDocumentMetadata([step('s', { entities })], flavor);
      assert.deepEqual(entities.map((e) => e._type), ['b', 'a']);
    }
  });
});
