import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { snapshotDirectory, snapshotGraphDirectory, snapshotManifestPath } from '../../../client/src/sync/snapshotLocation';

describe('sync snapshot location', () => {
  it('is <global storage>/sync-snapshots/<sha1 of the absolute project path>', () => {
    const project = path.resolve('/work/acme');
    const sha1 = createHash('sha1').update(project).digest('hex');
    assert.equal(snapshotDirectory('/store', project), path.join('/store', 'sync-snapshots', sha1));
    assert.equal(snapshotGraphDirectory('/store', project), path.join('/store', 'sync-snapshots', sha1, 'graph'));
    assert.equal(snapshotManifestPath('/store', project), path.join('/store', 'sync-snapshots', sha1, 'snapshot.json'));
    assert.equal(snapshotDirectory('/store', '/work/acme/'), snapshotDirectory('/store', project), 'the path is normalised first');
  });
});
