// Cold `check` in a fresh process: the bundled core builds the model and runs every rule (the
// handler effects included), nothing cached, files read from disk.
// `--read-list FILE`: also writes there, as JSON, the project's own script files the check read (outside
// node_modules), so that bench/real.mjs can time their bare parse.
const fs = require('node:fs');
const path = require('node:path');
// As the CLI's entry does before it loads the analysis (server/src/runtime/heapTuning.ts).
for (const flag of require('../server/src/runtime/heapFlags.json')) require('node:v8').setFlagsFromString(flag);

const project = process.argv[2];
const listAt = process.argv.indexOf('--read-list');
const read = new Set();
if (listAt > 0) {
  const root = path.resolve(project) + path.sep;
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (file, ...rest) {
    if (typeof file === 'string' && /\.[cm]?[jt]sx?$/.test(file) && file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)) read.add(file);
    return readFileSync.call(this, file, ...rest);
  };
}
const { analyzeIntegration, runRules, snapshotFileHost } = require('../dist/core.js');
const { startCpuClock } = require('./threadCpu.cjs');

const cpuElapsed = startCpuClock();
const started = process.hrtime.bigint();
// As `integration-lens check` does: one view of the disk for the run (snapshotFileHost), and the files the
// entry reaches parsed before evaluation (parseAhead).
const host = snapshotFileHost();
const analysis = analyzeIntegration({ projectPath: project, parseAhead: true, host });
if ('kind' in analysis) throw new Error(analysis.message);
const modelMs = Number(process.hrtime.bigint() - started) / 1e6;
const findings = runRules(analysis, host);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const { main: cpuMs, waited: waitedMs, process: processCpuMs } = cpuElapsed();
if (listAt > 0) fs.writeFileSync(process.argv[listAt + 1], JSON.stringify([...read]));
const byCode = {};
for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
process.stdout.write(
  JSON.stringify({ ms, cpuMs, waitedMs, processCpuMs, modelMs, rulesMs: ms - modelMs, steps: analysis.model.steps.items.length, files: read.size, findings: byCode, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
