// Runs every test layer in order (build, type check, unit, real CLI runs, JSON-RPC, end-to-end in a real VS Code),
// streams their output, and closes with one `tests: N passed, N failed` line over all mocha layers.
// Exits non-zero if any step fails. Usage: node scripts/test-all.mjs [--skip-e2e]
//
// Each layer runs in its own process group under a time limit: a layer that outlives it (or a process it leaves
// behind holding the output open) is listed with `ps`, killed with its whole group, and counted as a failure, so a
// hang turns into a red run that says what hung instead of a CI run that never ends.
import { spawn, spawnSync } from 'node:child_process';

const skipE2e = process.argv.includes('--skip-e2e');
const minutes = 60_000;
const steps = [
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'], limitMs: 5 * minutes },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'], limitMs: 10 * minutes },
  { name: 'unit', cmd: ['npm', 'run', '--silent', 'test:unit'], mocha: true, limitMs: 10 * minutes },
  // The task runner with the real j1-integration on test/fixtures/run-integration (npm ci there the first time).
  { name: 'run', cmd: ['npm', 'run', '--silent', 'test:run'], mocha: true, limitMs: 10 * minutes },
  { name: 'rpc', cmd: ['npm', 'run', '--silent', 'test:rpc'], mocha: true, limitMs: 10 * minutes },
  // Installs code-server and Chromium the first time (scripts/e2e/setup.mjs), then runs the scenarios.
  ...(skipE2e ? [] : [{ name: 'e2e', cmd: ['npm', 'run', '--silent', 'test:e2e'], mocha: true, limitMs: 30 * minutes }]),
];
/** How long a layer's output may stay open after its own process has exited (descendants still holding it). */
const OUTPUT_GRACE_MS = 10_000;

let passed = 0;
let failed = 0;
let pending = 0;
const failures = [];

for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { code, output, problem } = await run(step.cmd, step.limitMs);
  if (problem) failures.push(`${step.name}: ${problem}`);
  if (step.mocha) {
    // mocha's closing summaries: "N passing", "N failing", "N pending" (a layer may run mocha more than once).
    const count = (word) => [...output.matchAll(new RegExp(`(\\d+) ${word}\\b`, 'g'))].reduce((sum, m) => sum + Number(m[1]), 0);
    const p = count('passing');
    const f = count('failing');
    passed += p;
    failed += f;
    pending += count('pending');
    if ((code !== 0 || problem) && f === 0) failed += 1; // the layer broke before mocha could count a failure
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

function run(cmd, limitMs) {
  return new Promise((resolve) => {
    // detached: its own process group, so everything the layer started can be listed and stopped together.
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let problem;
    let exitCode;
    let settled = false;
    const onData = (stream) => (d) => {
      output += d;
      stream.write(d);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(limit);
      clearTimeout(grace);
      resolve({ code: exitCode ?? 1, output, problem });
    };
    // Once per layer: the time limit may strike while the output grace runs, or the other way round.
    const stopGroup = (why) => {
      if (problem) return;
      problem = why;
      console.log(`\n[test-all] ${why}; still running in its process group:\n${processGroup(child.pid)}`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      // Killing the group closes the pipes; settle even if something outside it still holds them.
      setTimeout(settle, 2_000);
    };
    let grace;
    const limit = setTimeout(() => stopGroup(`did not finish within ${limitMs / 60_000} min`), limitMs);
    child.on('exit', (code) => {
      exitCode = code ?? 1;
      grace = setTimeout(
        () => stopGroup(`exited ${exitCode}, but processes it started still held its output after ${OUTPUT_GRACE_MS / 1000} s`),
        OUTPUT_GRACE_MS,
      );
    });
    child.on('close', settle);
  });
}

/** The processes of a process group, for the report of a layer that hung. */
function processGroup(pgid) {
  const ps = spawnSync('ps', ['-e', '-o', 'pgid=,pid=,ppid=,etime=,stat=,args='], { encoding: 'utf8' });
  if (ps.status !== 0) return `(ps failed: ${ps.stderr || ps.error?.message})`;
  const lines = ps.stdout.split('\n').filter((line) => line.trim().split(/\s+/)[0] === String(pgid));
  return lines.length > 0 ? `  PGID   PID  PPID  ELAPSED STAT COMMAND\n${lines.join('\n')}` : '  (none)';
}
