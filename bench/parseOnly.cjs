// Baseline: TypeScript's own parser over the same files, in a fresh process (same TypeScript as the core).
const { ts } = require('ts-morph');
const fs = require('node:fs');
const { startCpuClock } = require('./threadCpu.cjs');
const { sourceFiles } = require('./sourceFiles.cjs');

const files = sourceFiles(process.argv);
// `--keep` holds every tree until the end, as any consumer of the trees must (the check does); without it each
// tree is garbage once parsed, which the garbage collector gets for free.
const keep = process.argv.includes('--keep');
const kept = [];
const cpuElapsed = startCpuClock();
const started = process.hrtime.bigint();
let nodes = 0;
for (const file of files) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  nodes += sf.statements.length;
  if (keep) kept.push(sf);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const { main: cpuMs, waited: waitedMs, process: processCpuMs } = cpuElapsed();
process.stdout.write(JSON.stringify({ ms, cpuMs, waitedMs, processCpuMs, files: files.length, statements: nodes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
