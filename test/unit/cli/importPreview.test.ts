import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';

const FIXTURES = path.resolve(__dirname, '../../fixtures/context-graph');

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

describe('cli: import-preview and check on context-graph imports', () => {
  const fixture = (name: string) => path.join(FIXTURES, name);

  it('prints the stats Canopsis would report, exit 0', () => {
    const { code, stdout } = cli('import-preview', fixture('valid.contextgraph.json'), '--base', fixture('base.json'));
    assert.equal(code, 0);
    assert.match(stdout, /^stats: updated 4, deleted 1$/m);
    assert.match(stdout, /^entities: 2 created, 2 updated, 1 deleted, 1 unchanged$/m);
    assert.match(stdout, /Canopsis would apply this import \(status done\)/);
  });

  it('says where Canopsis would stop, exit 1', () => {
    const { code, stdout } = cli('import-preview', fixture('conflicts.contextgraph.json'), '--base', fixture('base.json'));
    assert.equal(code, 1);
    assert.match(stdout, /conflicts\.contextgraph\.json:5:13 error context-graph-entity-exists The ci of id srv-1 match an existing entity\./);
    assert.match(stdout, /Canopsis would fail this import at .*conflicts\.contextgraph\.json:5:13 \(context-graph-entity-exists\): nothing would be applied\./);
  });

  it('json: status, stats and the resulting graph', () => {
    const { code, stdout } = cli('import-preview', fixture('valid.contextgraph.json'), '--base', fixture('base.json'), '--format', 'json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(out.status, 'done');
    assert.deepEqual(out.stats, { updated: 4, deleted: 1 });
    assert.deepEqual(out.entities.find((e: { _id: string }) => e._id === 'srv-2').depends, ['conn/nagios']);
  });

  it('refuses a file above --max-size, and bad input exits 2', () => {
    const big = cli('import-preview', fixture('valid.contextgraph.json'), '--max-size', '0.0001');
    assert.equal(big.code, 0);
    assert.match(big.stdout, /context-graph-file-too-large/);
    assert.equal(cli('import-preview', fixture('missing.json')).code, 2);
    assert.equal(cli('import-preview', fixture('valid.contextgraph.json'), '--base', fixture('missing.json')).code, 2);
    assert.equal(cli('import-preview', fixture('valid.contextgraph.json'), '--max-size', 'x').code, 2);
  });

  it('check covers import files, with --context-graph-base', () => {
    const { code, stdout, stderr } = cli('check', '-p', FIXTURES, '--context-graph-base', fixture('base.json'));
    assert.equal(code, 1);
    assert.match(stdout, /^conflicts\.contextgraph\.json:13:15 error context-graph-unknown-link-end /m);
    assert.match(stderr, /in 6 other files \(context-graph\)/);
  });
});
