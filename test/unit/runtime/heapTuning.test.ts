import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { ANALYSIS_HEAP_FLAGS } from '../../../server/src/runtime/heapTuning';

describe('heap tuning of the analysis processes', () => {
  // v8.setFlagsFromString ignores a flag it does not know (it only prints to stderr): a Node release that
  // drops one would silently undo the tuning. On the command line an unknown flag is an error.
  it('uses only flags this Node knows', () => {
    const run = spawnSync(process.execPath, [...ANALYSIS_HEAP_FLAGS, '-e', '0'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });
});
