import * as assert from 'node:assert/strict';
import { completion, hover, type DataModelFacts } from '../../../server/src/core/queries';
import { acme, acmeAt, cursorProject } from './project';

/** A data-model version that knows only User (requiring username) and HAS, and cannot tell about Device. */
const oldDataModel: DataModelFacts = {
  label: '@jupiterone/data-model 0.2.0 (the version the project locks)',
  isEntityClass: (name) => (name === 'Device' ? undefined : name === 'User'),
  isRelationshipClass: (name) => name === 'HAS',
  requiredProperties: (name) => (name === 'User' ? ['_class', '_key', '_type', 'username'] : undefined),
  entityClasses: () => ['Entity', 'User'],
  relationshipClasses: () => ['HAS'],
};

describe("queries: the project's data-model version", () => {
  it("hovers a class with that version's required properties and the bundled description", () => {
    const p = acmeAt('src/constants.ts', "_class: ['Us|er']");
    assert.equal(
      hover(p.analysis, p.file, p.offset, { dataModel: oldDataModel })?.markdown,
      [
        '**Entity class** `User` (@jupiterone/data-model 0.2.0 (the version the project locks))',
        '',
        'A user account/login to access certain systems and/or services. Examples include okta-user, aws-iam-user, ssh-user, local-user (on a host), etc.',
        '',
        '- required properties: `_class`, `_key`, `_type`, `username`',
      ].join('\n'),
    );
  });
  it('says a class that version lacks is not one of it, and what it cannot tell', () => {
    const p = acmeAt('src/constants.ts', "_class: ['Acc|ount']");
    assert.match(hover(p.analysis, p.file, p.offset, { dataModel: oldDataModel })!.markdown, /`Account` is not a class of @jupiterone\/data-model 0\.2\.0/);
    const d = acmeAt('src/constants.ts', "_class: ['Dev|ice'");
    assert.match(hover(d.analysis, d.file, d.offset, { dataModel: oldDataModel })!.markdown, /- required properties: not known for this version$/);
    const r = acmeAt('src/constants.ts', 'RelationshipClass.H|AS');
    assert.match(hover(r.analysis, r.file, r.offset, { dataModel: oldDataModel })!.markdown, /`RelationshipClass.HAS` of @jupiterone\/data-model 0\.2\.0/);
  });
  it("completes that version's classes", () => {
    const p = cursorProject(acme({ 'src/constants.ts': acme()['src/constants.ts'].replace("_class: ['User']", "_class: ['|']") }));
    assert.deepEqual(completion(p.analysis, p.file, p.offset, { dataModel: oldDataModel }).map((i) => i.label), ['User']);
    const r = acmeAt('src/constants.ts', 'RelationshipClass.H|AS');
    assert.deepEqual(completion(r.analysis, r.file, r.offset, { dataModel: oldDataModel }).map((i) => i.label), ['HAS']);
  });
});
