// Cold `check` in a fresh process: the bundled core builds the model and runs every rule (the
// handler effects included), nothing cached, files read from disk.
const { analyzeIntegration, runRules, diskFileHost } = require('../dist/core.js');

const started = process.hrtime.bigint();
const analysis = analyzeIntegration({ projectPath: process.argv[2] });
if ('kind' in analysis) throw new Error(analysis.message);
const modelMs = Number(process.hrtime.bigint() - started) / 1e6;
const findings = runRules(analysis, diskFileHost);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const byCode = {};
for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
process.stdout.write(
  JSON.stringify({ ms, modelMs, rulesMs: ms - modelMs, steps: analysis.model.steps.items.length, findings: byCode, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
