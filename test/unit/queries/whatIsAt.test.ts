import * as assert from 'node:assert/strict';
import { whatIsAt } from '../../../server/src/core/queries';
import { acme, acmeAt, cursorProject, fakeFacts } from './project';

/** Subject and role at the marker, and the text of the range found. */
function at(p: ReturnType<typeof acmeAt>, facts?: Parameters<typeof whatIsAt>[3]) {
  const hit = whatIsAt(p.analysis, p.file, p.offset, facts);
  return hit && { subject: hit.subject, role: hit.role, text: p.text(hit.range), source: hit.source };
}

describe('queries: whatIsAt', () => {
  describe('step ids', () => {
    it("names the step at a step's id written as a constant", () => {
      const p = acmeAt('src/steps/users.ts', 'id: Steps.US|ERS');
      assert.deepEqual(at(p), { subject: { kind: 'step', id: 'fetch-users' }, role: 'step-id', text: 'Steps.USERS', source: 'model' });
    });
    it('names the step at a dependsOn entry written as a constant', () => {
      const p = acmeAt('src/steps/users.ts', 'dependsOn: [Steps.|ACCOUNT]');
      assert.deepEqual(at(p), { subject: { kind: 'step', id: 'fetch-account' }, role: 'depends-on', text: 'Steps.ACCOUNT', source: 'model' });
    });
    it('names the step at a dependsOn string literal', () => {
      const p = acmeAt('src/steps/users.ts', "dependsOn: ['fetch-|users']");
      assert.deepEqual(at(p)?.subject, { kind: 'step', id: 'fetch-users' });
      assert.equal(at(p)?.text, "'fetch-users'");
    });
    it('names the step at the literal in constants that ids and dependsOn come from', () => {
      const p = acmeAt('src/constants.ts', "USERS: 'fetch-us|ers'");
      const hit = at(p);
      assert.deepEqual(hit?.subject, { kind: 'step', id: 'fetch-users' });
      assert.equal(hit?.text, "'fetch-users'");
    });
    it('names the step at a computed start-state key, without its brackets', () => {
      const p = acmeAt('src/index.ts', '[Steps.USE|RS]: { disabled');
      assert.deepEqual(at(p), { subject: { kind: 'step', id: 'fetch-users' }, role: 'start-state', text: 'Steps.USERS', source: 'model' });
    });
    it('names the step at a string start-state key', () => {
      const p = acmeAt('src/index.ts', "'fetch-dev|ices': { disabled");
      assert.deepEqual(at(p)?.subject, { kind: 'step', id: 'fetch-devices' });
    });
    it('counts the position just after the value as on it (a cursor at the end of a word)', () => {
      const p = acmeAt('src/steps/users.ts', 'id: Steps.USERS|,');
      assert.deepEqual(at(p)?.subject, { kind: 'step', id: 'fetch-users' });
    });
  });

  describe('types', () => {
    it('names the type at a metadata _type', () => {
      const p = acmeAt('src/constants.ts', "_type: 'acme_|user'");
      assert.deepEqual(at(p), { subject: { kind: 'type', type: 'acme_user' }, role: 'entity-type', text: "'acme_user'", source: 'model' });
    });
    it('names the type at a sourceType expression', () => {
      const p = acmeAt('src/constants.ts', 'sourceType: Entities.ACCOUNT._t|ype');
      assert.deepEqual(at(p), { subject: { kind: 'type', type: 'acme_account' }, role: 'source-type', text: 'Entities.ACCOUNT._type', source: 'model' });
    });
    it('names the type at a relationship _type', () => {
      const p = acmeAt('src/constants.ts', "'acme_account_has|_user'");
      assert.deepEqual(at(p)?.subject, { kind: 'type', type: 'acme_account_has_user' });
      assert.equal(at(p)?.role, 'relationship-type');
    });
    it('names a type a handler reads, from its effects', () => {
      const p = acmeAt('src/steps/users.ts', 'iterateEntities({ _type: Entities.ACC|OUNT._type }');
      const facts = fakeFacts(p.analysis, { 'fetch-users': { reads: [{ type: 'acme_account', at: p.find('src/steps/users.ts', 'Entities.ACCOUNT._type') }] } });
      assert.deepEqual(at(p, facts), { subject: { kind: 'type', type: 'acme_account' }, role: 'read-type', text: 'Entities.ACCOUNT._type', source: 'effects' });
    });
    it('without effects, names nothing in handler code the model does not cover', () => {
      const p = acmeAt('src/steps/users.ts', 'iterateEntities({ _type: Entities.ACC|OUNT._type }');
      assert.equal(at(p), undefined);
    });
  });

  describe('classes', () => {
    it('names the one class of a class list under the cursor', () => {
      const p = acmeAt('src/constants.ts', "_class: ['Device', 'Ho|st']");
      assert.deepEqual(at(p), { subject: { kind: 'class', of: 'entity', names: ['Host'] }, role: 'entity-class', text: "'Host'", source: 'model' });
    });
    it('names a relationship class at RelationshipClass.X', () => {
      const p = acmeAt('src/constants.ts', 'RelationshipClass.H|AS');
      assert.deepEqual(at(p), { subject: { kind: 'class', of: 'relationship', names: ['HAS'] }, role: 'relationship-class', text: 'RelationshipClass.HAS', source: 'model' });
    });
    it('names a class from the syntax alone where the model has no value (a handler)', () => {
      const q = cursorProject(
        acme({
          'src/steps/account.ts': acme()['src/steps/account.ts'].replace(
            'export async function fetchAccount() {}',
            "export async function fetchAccount() { createDirectRelationship({ _class: RelationshipClass.OW|NS, from: a, to: b }); createIntegrationEntity({ entityData: { assign: { _class: 'Acc' } } }); }",
          ),
        }),
      );
      assert.deepEqual(at(q), { subject: { kind: 'class', of: 'relationship', names: ['OWNS'] }, role: 'relationship-class', text: 'RelationshipClass.OWNS', source: 'syntax' });
    });
    it("names an entity class from a literal `_class` in a handler's assign", () => {
      const q = cursorProject(
        acme({
          'src/steps/account.ts': acme()['src/steps/account.ts'].replace(
            'export async function fetchAccount() {}',
            "export async function fetchAccount() { createIntegrationEntity({ entityData: { assign: { _key: 'k', _class: 'Ser|vice' } } }); }",
          ),
        }),
      );
      assert.deepEqual(at(q), { subject: { kind: 'class', of: 'entity', names: ['Service'] }, role: 'entity-class', text: "'Service'", source: 'syntax' });
    });
  });

  describe('half-typed code and nothing here', () => {
    it('names a dependsOn literal the model could not evaluate (an unterminated string)', () => {
      const q = cursorProject(
        acme({ 'src/steps/account.ts': acme()['src/steps/account.ts'].replace("name: 'Fetch Account',", "name: 'Fetch Account',\n    dependsOn: ['fetch-us|ers\n") }),
      );
      assert.deepEqual(at(q)?.subject, { kind: 'step', id: 'fetch-users' });
    });
    it('names nothing on a step name, a keyword, whitespace or a resourceName', () => {
      for (const needle of ["name: 'Fetch |Users'", 'export as|ync function fetchUsers', '  |  id: Steps.USERS', "resourceName: 'Us|er'"]) {
        const file = needle.startsWith('resourceName') ? 'src/constants.ts' : 'src/steps/users.ts';
        assert.equal(at(acmeAt(file, needle)), undefined, needle);
      }
    });
    it('names nothing in a file outside the project or past its end', () => {
      const p = acmeAt('src/steps/users.ts', 'id: Steps.US|ERS');
      assert.equal(whatIsAt(p.analysis, p.abs('src/nope.ts'), 3), undefined);
      assert.equal(whatIsAt(p.analysis, p.file, 1e9), undefined);
      assert.equal(whatIsAt(p.analysis, p.file, -5), undefined);
    });
  });
});
