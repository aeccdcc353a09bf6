import * as assert from 'node:assert/strict';
import { definition } from '../../../server/src/core/queries';
import { acme, acmeAt, cursorProject } from './project';

describe('queries: definition', () => {
  it("goes from a dependsOn constant to the step's id, with the step object as the target range", () => {
    const p = acmeAt('src/steps/users.ts', 'dependsOn: [Steps.ACC|OUNT]');
    const d = definition(p.analysis, p.file, p.offset);
    assert.equal(p.text(d?.origin), 'Steps.ACCOUNT');
    assert.equal(d?.targets.length, 1);
    assert.equal(p.where(d?.targets[0].selectionRange), 'src/steps/account.ts:Steps.ACCOUNT');
    assert.match(p.text(d?.targets[0].range)!, /^\{\n {4}id: Steps\.ACCOUNT,[\s\S]*executionHandler: fetchAccount,\n {2}\}$/);
    assert.equal(d?.targets[0].step?.id.kind === 'known' && d.targets[0].step.id.value, 'fetch-account');
  });
  it('goes from a dependsOn string literal to the step in another place', () => {
    const p = acmeAt('src/steps/users.ts', "dependsOn: ['fetch-u|sers']");
    const d = definition(p.analysis, p.file, p.offset);
    assert.equal(p.where(d?.targets[0].selectionRange), 'src/steps/users.ts:Steps.USERS');
  });
  it('goes from a start-state key to the step', () => {
    const p = acmeAt('src/index.ts', "'fetch-d|evices': {");
    const d = definition(p.analysis, p.file, p.offset);
    assert.equal(p.where(d?.targets[0].selectionRange), "src/steps/users.ts:'fetch-devices'");
  });
  it('goes from a sourceType to the metadata that declares the type', () => {
    const p = acmeAt('src/constants.ts', 'targetType: Entities.US|ER._type');
    const d = definition(p.analysis, p.file, p.offset);
    assert.deepEqual(d?.targets.map((t) => p.where(t.selectionRange)), ["src/constants.ts:'acme_user'"]);
    assert.equal(d?.subject.kind, 'type');
  });
  it('lists a type once even when several steps declare the same metadata', () => {
    const p = cursorProject(
      acme({ 'src/steps/account.ts': acme()['src/steps/account.ts'].replace('entities: [Entities.ACCOUNT]', 'entities: [Entities.ACCOUNT, Entities.USER]').replace('fetchAccount() {}', "fetchAccount() { return { _type: 'acme_u|ser' }; }") }),
    );
    const d = definition(p.analysis, p.file, p.offset);
    assert.deepEqual(d?.targets.map((t) => p.where(t.selectionRange)), ["src/constants.ts:'acme_user'"]);
  });
  it('is undefined for a dependsOn that names no step, a class, or nothing', () => {
    const typo = cursorProject(acme({ 'src/steps/users.ts': acme()['src/steps/users.ts'].replace("dependsOn: ['fetch-users']", "dependsOn: ['fetch-usr|s']") }));
    assert.equal(definition(typo.analysis, typo.file, typo.offset), undefined);
    const cls = acmeAt('src/constants.ts', "_class: ['Us|er']");
    assert.equal(definition(cls.analysis, cls.file, cls.offset), undefined);
    const none = acmeAt('src/steps/users.ts', 'export const user|Steps');
    assert.equal(definition(none.analysis, none.file, none.offset), undefined);
  });
});
