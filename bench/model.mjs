// Benchmark for issue "static model": cold `model` of a generated 250-step integration over ~200 files,
// beside TypeScript's bare parse of the same files, measured in the same run, alternating fresh processes.
// Targets: model within 1.5x the bare parse time; peak RSS under 250 MB.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fresh, median } from './fresh.mjs';
import { generateIntegration } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'integration-250');
mkdirSync(join(root, '.bench'), { recursive: true });
const tsFiles = generateIntegration(dir, 250, 200);
const runs = Number(process.env.BENCH_RUNS ?? 7);

const run = (script, extra = []) => fresh(script, [dir, ...extra]);

const parse = [];
const model = [];
const cli = [];
for (let i = 0; i < runs; i++) {
  parse.push(run('parseOnly.cjs'));
  model.push(run('modelOnly.cjs'));
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'model', '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  cli.push(Number(process.hrtime.bigint() - started) / 1e6);
}

const parseMs = median(parse.map((r) => r.ms));
const modelMs = median(model.map((r) => r.ms));
const rss = Math.max(...model.map((r) => r.maxRssMb));
const ratio = modelMs / parseMs;
console.log(`integration: ${model[0].steps} steps, ${tsFiles.length} TypeScript files (${model[0].files} read by the model), ${model[0].unresolved} unresolved`);
console.log(`bare TypeScript parse (median of ${runs}): ${parseMs.toFixed(1)} ms`);
console.log(`cold model           (median of ${runs}): ${modelMs.toFixed(1)} ms  = ${ratio.toFixed(2)}x parse  (target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
console.log(`peak RSS of the model process: ${rss.toFixed(0)} MB  (target < 250 MB: ${rss < 250 ? 'met' : 'NOT met'})`);
console.log(`whole CLI process 'integration-lens model' (median, incl. Node start and JSON output): ${median(cli).toFixed(0)} ms`);
