// Benchmark for issue 3 (`check`): `runRules` (every rule, the handler effects included) on the
// generated 250-step integration, cold in a fresh process after the model is built, beside
// TypeScript's bare parse of the same files, alternating fresh processes in the same run, as
// bench/model.mjs measures the model. Target: runRules within 2x the bare parse. The whole check
// (model plus rules) is printed too.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIntegration } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'integration-250-check');
mkdirSync(join(root, '.bench'), { recursive: true });
const tsFiles = generateIntegration(dir, 250, 200);
const runs = Number(process.env.BENCH_RUNS ?? 7);

const run = (script) => JSON.parse(execFileSync(process.execPath, [join(here, script), dir], { encoding: 'utf8' }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parse = [];
const check = [];
for (let i = 0; i < runs; i++) {
  parse.push(run('parseOnly.cjs'));
  check.push(run('checkOnly.cjs'));
}
const parseMs = median(parse.map((r) => r.ms));
const rulesMs = median(check.map((r) => r.rulesMs));
const checkMs = median(check.map((r) => r.ms));
const ratio = rulesMs / parseMs;
const findings = Object.entries(check[0].findings).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
console.log(`integration: ${check[0].steps} steps, ${tsFiles.length} TypeScript files; findings: ${findings}`);
console.log(`bare TypeScript parse (median of ${runs}): ${parseMs.toFixed(1)} ms`);
console.log(`cold runRules         (median of ${runs}): ${rulesMs.toFixed(1)} ms  = ${ratio.toFixed(2)}x parse  (target <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'})`);
console.log(`whole check, model + rules (median of ${runs}): ${checkMs.toFixed(1)} ms = ${(checkMs / parseMs).toFixed(2)}x parse (model ${median(check.map((r) => r.modelMs)).toFixed(1)} ms); peak RSS ${Math.max(...check.map((r) => r.maxRssMb)).toFixed(0)} MB`);
