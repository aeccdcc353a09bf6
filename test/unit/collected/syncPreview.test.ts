import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { diskCollectedHost, previewSync, readCollection } from '../../../server/src/core/collected';

const FIXTURES = path.join(__dirname, '../../fixtures/collected/sync-preview');
const current = () => readCollection(path.join(FIXTURES, 'current'), diskCollectedHost);
const snapshot = () => readCollection(path.join(FIXTURES, 'snapshot'), diskCollectedHost);

describe('sync preview', () => {
  it('counts created, updated, deleted and unchanged objects per _type', () => {
    const preview = previewSync(current(), snapshot());
    const row = (type: string) => preview.types.find((t) => t.type === type)!;
    assert.deepEqual(preview.types.map((t) => t.type), ['acme_account', 'acme_account_has_group', 'acme_group', 'acme_user']);
    // Same account with its properties in another order: unchanged.
    assert.deepEqual(row('acme_account').entities, { created: 0, updated: 0, deleted: 0, unchanged: 1, keptPartial: 0 });
    assert.deepEqual(row('acme_group').entities, { created: 1, updated: 1, deleted: 1, unchanged: 1, keptPartial: 0 });
    assert.deepEqual(row('acme_account_has_group').relationships, { created: 1, updated: 0, deleted: 1, unchanged: 2, keptPartial: 0 });
    assert.equal(preview.incomplete, false);
  });

  it('never counts deletes for types in the current partialDatasets', () => {
    const preview = previewSync(current(), snapshot());
    const users = preview.types.find((t) => t.type === 'acme_user')!;
    assert.equal(users.partial, true);
    assert.deepEqual(users.entities, { created: 0, updated: 0, deleted: 0, unchanged: 0, keptPartial: 2 });
    assert.equal(preview.totals.entities.deleted, 1);
  });

  it('everything is created against an empty snapshot, and deleted when nothing is collected', () => {
    const empty = readCollection(path.join(FIXTURES, 'nothing-here'), diskCollectedHost);
    const created = previewSync(current(), empty);
    assert.equal(created.totals.entities.created, 4);
    assert.equal(created.totals.relationships.created, 3);
    const deleted = previewSync(empty, snapshot());
    assert.equal(deleted.totals.entities.deleted, 6);
  });
});
