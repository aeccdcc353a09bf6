import * as assert from 'node:assert/strict';
import { completion } from '../../../server/src/core/queries';
import { acme, acmeAt, cursorProject, type CursorProject } from './project';

const labels = (p: CursorProject) => completion(p.analysis, p.file, p.offset).map((i) => i.label);

/** acme() with `find` replaced by `replace` (holding the marker) in one file. */
function edited(file: string, find: string, replace: string): CursorProject {
  const files = acme();
  if (!files[file].includes(find)) throw new Error(`${find} not in ${file}`);
  return cursorProject({ ...files, [file]: files[file].replace(find, replace) });
}

describe('queries: completion', () => {
  describe('step ids in dependsOn', () => {
    it('offers the other steps inside a string, replacing its content', () => {
      const p = acmeAt('src/steps/users.ts', "dependsOn: ['fetch-|users']");
      const items = completion(p.analysis, p.file, p.offset);
      assert.deepEqual(items.map((i) => i.label), ['fetch-account', 'fetch-users']);
      assert.equal(items[0].kind, 'step');
      assert.equal(items[0].detail, 'Fetch Account');
      assert.equal(items[0].documentation, 'Step defined at `src/steps/account.ts:6`');
      assert.equal(p.text(items[0].range), 'fetch-users');
      assert.equal(items[0].insertText, 'fetch-account');
    });
    it('leaves out the step itself and ids already listed, even through constants', () => {
      const p = edited('src/steps/users.ts', 'dependsOn: [Steps.ACCOUNT]', 'dependsOn: [Steps.ACCOUNT, |]');
      const items = completion(p.analysis, p.file, p.offset);
      assert.deepEqual(items.map((i) => i.label), ['fetch-devices']);
      // An empty slot gets a quoted literal, in the file's quote style, inserted at the cursor.
      assert.equal(items[0].insertText, "'fetch-devices'");
      assert.deepEqual([items[0].range.start, items[0].range.end], [p.offset, p.offset]);
    });
    it('uses double quotes in a file written with them', () => {
      const files = acme();
      const users = files['src/steps/users.ts'].replace(/'/g, '"').replace('dependsOn: ["fetch-users"]', 'dependsOn: [|]');
      const p = cursorProject({ ...files, 'src/steps/users.ts': users });
      assert.deepEqual(completion(p.analysis, p.file, p.offset).map((i) => i.insertText), ['"fetch-account"', '"fetch-users"']);
    });
    it('completes in an unterminated string (half-typed), up to the cursor', () => {
      const p = edited('src/steps/account.ts', "name: 'Fetch Account',", "name: 'Fetch Account',\n    dependsOn: ['fetch-|\n");
      const items = completion(p.analysis, p.file, p.offset);
      assert.deepEqual(items.map((i) => i.label), ['fetch-users', 'fetch-devices']);
      assert.equal(p.text(items[0].range), 'fetch-');
    });
    it('completes in an unclosed array (half-typed)', () => {
      const p = edited('src/steps/account.ts', "name: 'Fetch Account',", "name: 'Fetch Account',\n    dependsOn: [|\n");
      assert.deepEqual(labels(p), ['fetch-users', 'fetch-devices']);
    });
    it('offers nothing after a closing quote, inside an element that is not a string, or outside the array', () => {
      assert.deepEqual(labels(acmeAt('src/steps/users.ts', "dependsOn: ['fetch-users'|]")), []);
      assert.deepEqual(labels(acmeAt('src/steps/users.ts', 'dependsOn: [Steps.AC|COUNT]')), []);
      assert.deepEqual(labels(acmeAt('src/steps/users.ts', 'dependsOn:| [Steps.ACCOUNT]')), []);
    });
  });

  describe('classes', () => {
    it('offers data-model entity classes in an entity _class, with their descriptions', () => {
      const p = edited('src/constants.ts', "_class: ['User']", "_class: ['|']");
      const items = completion(p.analysis, p.file, p.offset);
      const user = items.find((i) => i.label === 'User');
      assert.equal(user?.kind, 'entityClass');
      assert.match(user!.documentation!, /^A user account\/login/);
      assert.ok(items.some((i) => i.label === 'UserGroup'));
      assert.ok(!items.some((i) => i.label === 'Entity' || i.label === 'GraphObject'), 'base schemas are not classes');
      assert.equal(p.text(user!.range), '');
    });
    it('leaves out classes already in the list', () => {
      const p = edited('src/constants.ts', "_class: ['Device', 'Host']", "_class: ['Device', 'Ho|st']");
      const found = labels(p);
      assert.ok(found.includes('Host') && !found.includes('Device'));
    });
    it('offers relationship classes in a relationship _class string', () => {
      const p = edited('src/constants.ts', '_class: RelationshipClass.HAS', "_class: 'H|'");
      const items = completion(p.analysis, p.file, p.offset);
      assert.ok(items.some((i) => i.label === 'HAS' && i.kind === 'relationshipClass'));
      assert.ok(!items.some((i) => i.label === 'User'));
    });
    it('offers RelationshipClass members after the dot, replacing the member name', () => {
      const p = acmeAt('src/constants.ts', 'RelationshipClass.H|AS');
      const items = completion(p.analysis, p.file, p.offset);
      const has = items.find((i) => i.label === 'HAS');
      assert.equal(has?.detail, 'RelationshipClass.HAS');
      assert.equal(p.text(has!.range), 'HAS');
      assert.ok(items.some((i) => i.label === 'OWNS'));
    });
    it('offers RelationshipClass members right after a dot the parser joined to the next line', () => {
      const p = edited('src/constants.ts', '_class: RelationshipClass.HAS,', '_class: RelationshipClass.|');
      const items = completion(p.analysis, p.file, p.offset);
      assert.ok(items.some((i) => i.label === 'HAS'));
      assert.deepEqual([items[0].range.start, items[0].range.end], [p.offset, p.offset]);
    });
    it('offers no members on the next line the parser swallowed as the member name', () => {
      const p = edited('src/constants.ts', '_class: RelationshipClass.HAS,\n    targetType', '_class: RelationshipClass.\n    target|Type');
      assert.deepEqual(labels(p), []);
    });
  });

  describe('_type positions', () => {
    it('offers declared entity types in iterateEntities({ _type })', () => {
      const p = edited('src/steps/users.ts', '{ _type: Entities.ACCOUNT._type }', "{ _type: 'acme_|' }");
      const items = completion(p.analysis, p.file, p.offset);
      assert.deepEqual(items.map((i) => i.label), ['acme_account', 'acme_user', 'acme_device']);
      assert.equal(items[1].kind, 'entityType');
      assert.equal(items[1].detail, 'entity · User · fetch-users');
      assert.equal(p.text(items[0].range), 'acme_');
    });
    it('offers entity types for sourceType and targetType', () => {
      const p = edited('src/constants.ts', 'targetType: Entities.USER._type', "targetType: '|'");
      assert.deepEqual(labels(p), ['acme_account', 'acme_user', 'acme_device']);
    });
    it('offers relationship types in a relationship _type, except the one being typed', () => {
      const p = edited('src/constants.ts', "_type: 'acme_account_has_user'", "_type: 'acme_account_has_user|'");
      assert.deepEqual(labels(p), []);
    });
    it('offers every declared type where the object says neither entity nor relationship', () => {
      const p = edited('src/steps/account.ts', 'export async function fetchAccount() {}', "export async function fetchAccount() { const t = { _type: '|' }; }");
      const items = completion(p.analysis, p.file, p.offset);
      assert.deepEqual(items.map((i) => `${i.kind}:${i.label}`), ['entityType:acme_account', 'entityType:acme_user', 'relationshipType:acme_account_has_user', 'entityType:acme_device']);
      assert.equal(items[2].detail, 'relationship · acme_account HAS acme_user · fetch-users');
    });
  });

  it('offers nothing in other strings, identifiers, comments or whitespace', () => {
    assert.deepEqual(labels(acmeAt('src/steps/users.ts', "name: 'Fetch |Users'")), []);
    assert.deepEqual(labels(acmeAt('src/steps/users.ts', "id: 'fetch-|devices'")), []);
    assert.deepEqual(labels(acmeAt('src/steps/users.ts', 'executionHandler: fetch|Users')), []);
    assert.deepEqual(labels(acmeAt('src/index.ts', 'function get|StepStartStates')), []);
    assert.deepEqual(labels(edited('src/steps/users.ts', 'export async function fetchDevices', '// dependsOn: [|]\nexport async function fetchDevices')), []);
  });
});
