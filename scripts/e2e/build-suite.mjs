// Compiles the end-to-end suite for the extension host into dist/test/e2e/suite/: index.js (the
// `extensionTestsPath` module, with mocha bundled in) and one bundle per *.test.ts, which mocha loads from there.
// `vscode` stays external: the extension host provides it.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = join(root, 'test/e2e/suite');
const outdir = join(root, 'dist/test/e2e/suite');

const started = Date.now();
const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts'));
rmSync(outdir, { recursive: true, force: true }); // no stale tests from renamed files
await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(suiteDir, 'index.ts'), ...tests.map((name) => join(suiteDir, name))],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['vscode'],
  logLevel: 'warning',
  // Only mocha's parallel mode (worker files found with require.resolve) needs its files on disk; we run serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`dist/test/e2e/suite: index.js + ${tests.length} test file(s) in ${Date.now() - started} ms`);
