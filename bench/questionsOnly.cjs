// One measurement in a fresh process: `yaml` = js-yaml's load (what the SDK's validate-question-file does before its
// checks), `check` = the questions document kind cold (YAML events, schema, uniqueness, J1QL parse of every query,
// class checks; the bundle's load time apart), then again on the file with one character changed (a keystroke).
const { readFileSync } = require('node:fs');
const mode = process.argv[2];
const file = process.argv[3];
const text = readFileSync(file, 'utf8');
const heapBefore = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
let result;
if (mode === 'yaml') {
  const value = require('js-yaml').load(text);
  result = { ms: elapsed(), queries: value.questions.reduce((n, q) => n + q.queries.length, 0) };
} else {
  const { DOCUMENT_KINDS, DEFAULT_DOCUMENT_SETTINGS, diskFileHost } = require('../dist/core.js');
  const kind = DOCUMENT_KINDS.find((k) => k.id === 'questions');
  const loadMs = elapsed();
  const checkStart = process.hrtime.bigint();
  const context = { root: process.cwd(), settings: DEFAULT_DOCUMENT_SETTINGS, host: diskFileHost };
  const findings = kind.check(file, text, context);
  const ms = Number(process.hrtime.bigint() - checkStart) / 1e6;
  const edited = text.replace('Which ', 'Whcih ');
  const warmStart = process.hrtime.bigint();
  kind.check(file, edited, context);
  const warmMs = Number(process.hrtime.bigint() - warmStart) / 1e6;
  const byCode = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  result = { ms, loadMs, warmMs, findings: byCode };
}
result.maxRssMb = process.resourceUsage().maxRSS / 1024;
result.heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
process.stdout.write(JSON.stringify(result));
