import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskFileHost } from '../../../server/src/core/project/fileHost';
import { snapshotFileHost } from '../../../server/src/core/project/snapshotHost';

/** The CLI's host stats each path once and answers like the disk host did at that moment. */
describe('snapshotFileHost', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-snapshot-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), 'export const a = 1;\n');
    fs.mkdirSync(path.join(dir, 'sub'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers as the disk host for files, directories and missing paths', () => {
    const host = snapshotFileHost();
    for (const name of ['a.ts', 'sub', 'missing.ts', 'sub/missing/deeper.ts']) {
      const p = path.join(dir, name);
      assert.equal(host.fileExists(p), diskFileHost.fileExists(p), `fileExists ${name}`);
      assert.equal(host.directoryExists(p), diskFileHost.directoryExists(p), `directoryExists ${name}`);
      assert.equal(host.version(p), diskFileHost.version(p), `version ${name}`);
      assert.equal(host.readFile(p), diskFileHost.readFile(p), `readFile ${name}`);
    }
  });

  it('stats each path once: later questions are answered from the first', () => {
    const host = snapshotFileHost();
    const file = path.join(dir, 'a.ts');
    const missing = path.join(dir, 'b.ts');
    const version = host.version(file);
    assert.equal(host.fileExists(missing), false);
    fs.writeFileSync(file, 'export const a = 22;\n');
    fs.writeFileSync(missing, 'export const b = 1;\n');
    assert.equal(host.version(file), version);
    assert.equal(host.fileExists(missing), false);
    // A new snapshot sees the disk as it is now.
    const later = snapshotFileHost();
    assert.notEqual(later.version(file), version);
    assert.equal(later.fileExists(missing), true);
  });
});
