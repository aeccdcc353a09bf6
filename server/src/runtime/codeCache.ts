import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Set to any value to load bundles without the code cache (to measure it, or to rule it out). */
export const NO_CODE_CACHE_ENV = 'INTEGRATION_LENS_NO_CODE_CACHE';

/** Overrides where compiled code is kept (tests use their own folder). */
export const CODE_CACHE_DIR_ENV = 'INTEGRATION_LENS_CODE_CACHE_DIR';

/** Where compiled code is kept: the temporary folder, as Node's own module compile cache does. */
export function codeCacheDirectory(): string {
  return process.env[CODE_CACHE_DIR_ENV] || path.join(os.tmpdir(), 'integration-lens-code-cache');
}

/**
 * Loads a CommonJS bundle as `require` would, with V8's code cache. The CLI and the language server are
 * bundles of some 11 MB (TypeScript's compiler is most of it), and V8 compiles what a run needs of
 * them each time: about 140 ms of a CLI start. The cache holds that compiled code, so later starts
 * skip it. It is written when the process exits, so it holds every function the run compiled, not
 * only the top level. The file name is a hash of the bundle's text and of the Node version and
 * architecture: a rebuilt bundle or another Node never reads another's cache, and V8 itself rejects
 * a cache made with other flags. Any failure (a read-only temporary folder, a corrupt file) falls
 * back to a plain load: the cache only ever saves time.
 */
export function requireWithCodeCache(file: string): unknown {
  if (process.env[NO_CODE_CACHE_ENV]) return require(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return require(file);
  }
  // The bytes are hashed, not the decoded text: hashing the 11 MB string costs twice as long (it is encoded again).
  const key = createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const source = bytes.toString('utf8');
  const bundle = `${path.basename(file, '.js')}-`;
  const cacheFile = path.join(codeCacheDirectory(), `${bundle}${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile, bundle));
  else markUsed(cacheFile);
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** Caches of other builds of a bundle that no process has used for this long are removed. */
const UNUSED_FOR_MS = 7 * 24 * 3600 * 1000;

/**
 * The modification time of a cache says when it was last used: two installed versions (the extension's
 * server and a project's CLI) each keep their own cache, and only one that nothing uses any more goes.
 */
function markUsed(cacheFile: string): void {
  try {
    const now = new Date();
    fs.utimesSync(cacheFile, now, now);
  } catch {
    // Only a later clean-up is affected.
  }
}

/**
 * Writes the cache whole or not at all (another process may be reading or writing the same file), and
 * removes the caches of other builds of the bundle that were not used for a week.
 */
function writeCache(script: vm.Script, cacheFile: string, bundle: string): void {
  try {
    const data = script.createCachedData();
    const folder = path.dirname(cacheFile);
    fs.mkdirSync(folder, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, cacheFile);
    for (const name of fs.readdirSync(folder)) {
      if (!name.startsWith(bundle) || !/^[0-9a-f]+\.bin$/.test(name.slice(bundle.length)) || name === path.basename(cacheFile)) continue;
      const other = path.join(folder, name);
      if (Date.now() - fs.statSync(other).mtimeMs > UNUSED_FOR_MS) fs.rmSync(other, { force: true });
    }
  } catch {
    // Only a lost speed-up.
  }
}
