import * as assert from 'node:assert/strict';
import { references } from '../../../server/src/core/queries';
import { acmeAt, fakeFacts } from './project';

describe('queries: references', () => {
  it('finds every use of a step id (id, dependsOn, start states) and, once, the literal they come from', () => {
    const p = acmeAt('src/steps/users.ts', 'dependsOn: [Steps.ACCO|UNT]');
    const r = references(p.analysis, p.file, p.offset);
    assert.deepEqual(r?.subject, { kind: 'step', id: 'fetch-account' });
    assert.deepEqual(
      r?.references.map((x) => [p.where(x.range), x.role, x.declaration, x.atOrigin]),
      [
        ["src/constants.ts:'fetch-account'", 'step-id', true, true],
        ['src/index.ts:Steps.ACCOUNT', 'start-state', false, false],
        ['src/steps/account.ts:Steps.ACCOUNT', 'step-id', true, false],
        ['src/steps/users.ts:Steps.ACCOUNT', 'depends-on', false, false],
      ],
    );
  });
  it('finds the literal uses of a step written without constants', () => {
    const p = acmeAt('src/index.ts', "'fetch-dev|ices'");
    const r = references(p.analysis, p.file, p.offset);
    assert.deepEqual(
      r?.references.map((x) => [p.where(x.range), x.role]),
      [
        ["src/index.ts:'fetch-devices'", 'start-state'],
        ["src/steps/users.ts:'fetch-devices'", 'step-id'],
      ],
    );
  });
  it('marks the literal behind both an id and dependsOn entries as the declaration', () => {
    const p = acmeAt('src/constants.ts', "USERS: 'fetch-u|sers'");
    const r = references(p.analysis, p.file, p.offset);
    const literal = r?.references.find((x) => p.where(x.range) === "src/constants.ts:'fetch-users'");
    assert.equal(literal?.declaration, true);
    assert.ok(r?.references.some((x) => p.where(x.range) === "src/steps/users.ts:'fetch-users'" && x.role === 'depends-on'));
  });
  it('finds the uses of a _type in metadata and in handler effects', () => {
    const p = acmeAt('src/constants.ts', "ACCOUNT: { resourceName: 'Account', _type: 'acme_acc|ount'");
    const facts = fakeFacts(p.analysis, { 'fetch-users': { reads: [{ type: 'acme_account', at: p.find('src/steps/users.ts', 'Entities.ACCOUNT._type') }] } });
    const r = references(p.analysis, p.file, p.offset, facts);
    assert.deepEqual(
      r?.references.map((x) => [p.where(x.range), x.role, x.declaration]),
      [
        ["src/constants.ts:'acme_account'", 'entity-type', true],
        ['src/constants.ts:Entities.ACCOUNT._type', 'source-type', false],
        ['src/steps/users.ts:Entities.ACCOUNT._type', 'read-type', false],
      ],
    );
  });
  it('is undefined where nothing is named', () => {
    const p = acmeAt('src/steps/users.ts', "name: 'Fetch |Devices'");
    assert.equal(references(p.analysis, p.file, p.offset), undefined);
  });
});
