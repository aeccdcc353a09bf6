import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_CACHE_DIR_ENV, NO_CODE_CACHE_ENV } from '../../../server/src/runtime/codeCache';

const loader = path.resolve(__dirname, '../../../server/src/runtime/codeCache.ts');

/**
 * Each load runs in a fresh Node process (the cache is written when a process exits), through tsx as
 * the unit tests themselves run. The module it loads requires a sibling by a relative path, uses
 * __filename and exports a value: what a bundle loaded this way relies on.
 */
function load(dir: string, cacheDir: string, env: NodeJS.ProcessEnv = {}): { exports: unknown; stderr: string } {
  const script = `const { requireWithCodeCache } = require(${JSON.stringify(loader)});
const loaded = requireWithCodeCache(${JSON.stringify(path.join(dir, 'bundle.js'))});
process.stdout.write(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, [CODE_CACHE_DIR_ENV]: cacheDir, ...env },
  });
  assert.equal(run.status, 0, run.stderr);
  return { exports: JSON.parse(run.stdout), stderr: run.stderr };
}

function project(bundleText: string): { dir: string; cacheDir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-code-cache-'));
  fs.writeFileSync(path.join(dir, 'bundle.js'), bundleText);
  fs.writeFileSync(path.join(dir, 'sibling.js'), 'module.exports = 41;\n');
  return { dir, cacheDir: path.join(dir, 'cache') };
}

const BUNDLE = "const sibling = require('./sibling');\nfunction later(x) { return x + 1; }\nmodule.exports = { answer: later(sibling), file: require('path').basename(__filename) };\n";
const cacheFiles = (cacheDir: string) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin')) : []);

describe('loading the CLI and server bundles through V8\'s code cache', () => {
  it('loads a module as require does, and writes its cache when the process exits', () => {
    const { dir, cacheDir } = project(BUNDLE);
    assert.deepEqual(load(dir, cacheDir).exports, { answer: 42, file: 'bundle.js' });
    assert.equal(cacheFiles(cacheDir).length, 1);
    assert.match(cacheFiles(cacheDir)[0], /^bundle-[0-9a-f]{32}\.bin$/);
  });

  it('reads the cache on the next start without writing it again', () => {
    const { dir, cacheDir } = project(BUNDLE);
    load(dir, cacheDir);
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    const before = { inode: fs.statSync(file).ino, bytes: fs.readFileSync(file) };
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, past, past);
    assert.deepEqual(load(dir, cacheDir).exports, { answer: 42, file: 'bundle.js' });
    // A rewrite goes through a new file and a rename: the same inode and bytes mean V8 accepted the cache.
    assert.equal(fs.statSync(file).ino, before.inode, 'an accepted cache is not rewritten');
    assert.deepEqual(fs.readFileSync(file), before.bytes);
    assert.notEqual(fs.statSync(file).mtime.getUTCFullYear(), 2020, 'its time says it was used');
  });

  it('still loads with a corrupt cache, and replaces it', () => {
    const { dir, cacheDir } = project(BUNDLE);
    load(dir, cacheDir);
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    fs.writeFileSync(file, 'not a code cache');
    assert.deepEqual(load(dir, cacheDir).exports, { answer: 42, file: 'bundle.js' });
    assert.notEqual(fs.readFileSync(file, 'utf8'), 'not a code cache');
  });

  it('keys the cache by the bundle text: another build gets its own, and keeps the first one while it is in use', () => {
    const { dir, cacheDir } = project(BUNDLE);
    load(dir, cacheDir);
    const [first] = cacheFiles(cacheDir);
    fs.writeFileSync(path.join(dir, 'bundle.js'), BUNDLE.replace('x + 1', 'x + 2'));
    assert.deepEqual(load(dir, cacheDir).exports, { answer: 43, file: 'bundle.js' });
    assert.equal(cacheFiles(cacheDir).length, 2, 'two versions in use keep a cache each');
    assert.ok(cacheFiles(cacheDir).includes(first));
  });

  it('removes the cache of another build that was not used for a week', () => {
    const { dir, cacheDir } = project(BUNDLE);
    load(dir, cacheDir);
    const [first] = cacheFiles(cacheDir);
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(cacheDir, first), old, old);
    fs.writeFileSync(path.join(dir, 'bundle.js'), BUNDLE.replace('x + 1', 'x + 2'));
    load(dir, cacheDir);
    const now = cacheFiles(cacheDir);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], first);
  });

  it('writes nothing when turned off', () => {
    const { dir, cacheDir } = project(BUNDLE);
    assert.deepEqual(load(dir, cacheDir, { [NO_CODE_CACHE_ENV]: '1' }).exports, { answer: 42, file: 'bundle.js' });
    assert.deepEqual(cacheFiles(cacheDir), []);
  });

  it('falls back to a plain load when the cache folder cannot be written', () => {
    const { dir } = project(BUNDLE);
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepEqual(load(dir, path.join(blocked, 'cache')).exports, { answer: 42, file: 'bundle.js' });
  });
});
