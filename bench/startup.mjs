// The whole `integration-lens check` process, as a user or CI runs it (start, load, check, output), on the
// bundled sample and on the generated 250-step integration: with V8's code cache (server/src/runtime/codeCache.ts)
// against without it (INTEGRATION_LENS_NO_CODE_CACHE), alternating fresh processes in the same run. The cache is
// written by a first run into a folder of this benchmark's own. Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './fresh.mjs';
import { generateIntegration } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const cacheDir = join(root, '.bench', 'code-cache');
const generated = join(root, '.bench', 'integration-250-startup');
mkdirSync(join(root, '.bench'), { recursive: true });
generateIntegration(generated, 250, 200);
rmSync(cacheDir, { recursive: true, force: true });
const runs = Number(process.env.BENCH_RUNS ?? 7);

function wall(project, env) {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, 'check', '-p', project], { env: { ...process.env, INTEGRATION_LENS_CODE_CACHE_DIR: cacheDir, ...env }, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const sample = join(root, 'samples', 'acme-integration');
console.log(`the first run, which compiles the CLI and writes the cache when it exits: ${wall(sample, {}).toFixed(0)} ms on samples/acme-integration`);
for (const [label, project] of [['samples/acme-integration', sample], ['generated 250 steps', generated]]) {
  const cached = [];
  const plain = [];
  for (let i = 0; i < runs; i++) {
    cached.push(wall(project, {}));
    plain.push(wall(project, { INTEGRATION_LENS_NO_CODE_CACHE: '1' }));
  }
  console.log(
    `${label}: whole \`check\` process (median of ${runs}) ${median(cached).toFixed(0)} ms with the code cache, ` +
      `${median(plain).toFixed(0)} ms without (${(median(plain) - median(cached)).toFixed(0)} ms saved)`,
  );
}
