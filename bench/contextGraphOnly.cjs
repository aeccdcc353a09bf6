// One measurement of bench/contextGraph.mjs in a fresh process: `parse` (JSON.parse of the file, the baseline) or
// `check` (the context-graph kind: syntax, schema, simulation against the base, as `check` and the editor run it).
// Prints time and peak RSS.
const fs = require('node:fs');
const path = require('node:path');
const [mode, file, base, maxMb] = process.argv.slice(2);
const { analyzeImport, diskFileHost, DEFAULT_DOCUMENT_SETTINGS } = require('../dist/core.js');

const started = process.hrtime.bigint();
const text = fs.readFileSync(file, 'utf8');
let result;
if (mode === 'parse') {
  const value = JSON.parse(text);
  result = { cis: value.cis.length, links: value.links.length };
} else {
  const settings = { ...DEFAULT_DOCUMENT_SETTINGS, contextGraphBase: base || undefined, ...(maxMb ? { contextGraphMaxBytes: Number(maxMb) * 1024 * 1024 } : {}) };
  const analysis = analyzeImport(file, text, { root: path.dirname(file), host: diskFileHost, settings });
  const byCode = {};
  for (const f of analysis.findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  result = { stats: analysis.simulation?.stats, findings: byCode, entities: analysis.simulation?.entities.length };
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...result }));
