// Runs every test layer in order (build, type check, unit, real CLI runs, JSON-RPC, end-to-end in a real VS Code),
// streams their output, and closes with one `tests: N passed, N failed` line over all mocha layers.
// Exits non-zero if any step fails. Usage: node scripts/test-all.mjs [--skip-e2e]
import { spawn } from 'node:child_process';

const skipE2e = process.argv.includes('--skip-e2e');
const steps = [
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'unit', cmd: ['npm', 'run', '--silent', 'test:unit'], mocha: true },
  // The task runner with the real j1-integration on test/fixtures/run-integration (npm ci there the first time).
  { name: 'run', cmd: ['npm', 'run', '--silent', 'test:run'], mocha: true },
  { name: 'rpc', cmd: ['npm', 'run', '--silent', 'test:rpc'], mocha: true },
  ...(skipE2e ? [] : [{ name: 'e2e', cmd: ['npm', 'run', '--silent', 'test:e2e'], mocha: true }]),
];

let passed = 0;
let failed = 0;
let pending = 0;
const failures = [];

for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { code, output } = await run(step.cmd);
  if (step.mocha) {
    // mocha's closing summaries: "N passing", "N failing", "N pending" (a layer may run mocha more than once).
    const count = (word) => [...output.matchAll(new RegExp(`(\\d+) ${word}\\b`, 'g'))].reduce((sum, m) => sum + Number(m[1]), 0);
    const p = count('passing');
    const f = count('failing');
    passed += p;
    failed += f;
    pending += count('pending');
    if (code !== 0 && f === 0) failed += 1; // the layer broke before mocha could count a failure
    if (p === 0 && code === 0) {
      failures.push(`${step.name}: ran no test`);
      failed += 1;
    }
  }
  if (code !== 0) failures.push(`${step.name}: exit ${code}`);
  console.log(`=== ${step.name}: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

if (failures.length) console.log(`\nfailed steps: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
process.exitCode = failures.length || failed ? 1 : 0;

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
