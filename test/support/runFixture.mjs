// Installs the dependencies of test/fixtures/run-integration (the integration the tests run with the real
// j1-integration CLI) with `npm ci`, once per package-lock.json: the lockfile's hash is kept in its node_modules, and
// nothing is done while it matches. Used by the node tests (test/run) and the end-to-end runner; also a script:
// `node test/support/runFixture.mjs`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const runFixtureDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/run-integration');
const stamp = join(runFixtureDir, 'node_modules', '.integration-lens-lock-sha256');

/** Returns the fixture's folder once its node_modules match its package-lock.json. */
export function ensureRunFixture({ log = (message) => console.error(message) } = {}) {
  const hash = createHash('sha256').update(readFileSync(join(runFixtureDir, 'package-lock.json'))).digest('hex');
  const cli = join(runFixtureDir, 'node_modules', '.bin', 'j1-integration');
  if (existsSync(cli) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return runFixtureDir;
  log(`[run-integration fixture] npm ci in ${runFixtureDir} (package-lock.json changed or never installed)`);
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: runFixtureDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) throw new Error(`npm ci in ${runFixtureDir} failed (${result.status ?? result.signal})`);
  writeFileSync(stamp, `${hash}\n`);
  log(`[run-integration fixture] installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return runFixtureDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureRunFixture();
