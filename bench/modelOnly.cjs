// Cold model in a fresh process: the bundled core, nothing cached, files read from disk.
const { buildModel } = require('../dist/core.js');

const started = process.hrtime.bigint();
const model = buildModel({ projectPath: process.argv[2] });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
if (model.kind === 'load-failure') throw new Error(model.message);
process.stdout.write(
  JSON.stringify({ ms, steps: model.steps.items.length, unresolved: model.unresolved.length, files: model.files.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
