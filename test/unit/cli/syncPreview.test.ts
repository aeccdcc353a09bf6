import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';

const FIXTURES = path.join(__dirname, '../../fixtures/collected/sync-preview');

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

describe('integration-lens sync-preview', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-sync-'));
  before(() => fs.cpSync(path.join(FIXTURES, 'current'), path.join(project, '.j1-integration'), { recursive: true }));

  it('prints created/updated/deleted per _type, and JSON on request', () => {
    const text = cli('sync-preview', '-p', project, '--snapshot', path.join(FIXTURES, 'snapshot'));
    assert.equal(text.code, 0);
    assert.match(text.stdout, /acme_group\s+\+1 ~1 -1\s/);
    assert.match(text.stdout, /acme_user\s+\+0 ~0 -0 \(kept 2\)\s+\+0 ~0 -0  partial: no deletes/);
    const json = cli('sync-preview', '-p', project, '--snapshot', path.join(FIXTURES, 'snapshot'), '-f', 'json');
    assert.equal(JSON.parse(json.stdout).totals.entities.deleted, 1);
  });

  it('exits 2 when either side has no graph folder', () => {
    assert.equal(cli('sync-preview', '-p', project, '--snapshot', path.join(project, 'nope')).code, 2);
    assert.equal(cli('sync-preview', '-p', os.tmpdir(), '--snapshot', path.join(FIXTURES, 'snapshot')).code, 2);
    assert.equal(cli('sync-preview', '-p', project).code, 2);
  });
});
