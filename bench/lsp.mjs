// Benchmark for the language server (issue 4), over JSON-RPC with the real server process:
// cold time to first diagnostics, time from a one-line edit in a step file to its new diagnostics
// (median and p95 of 50 edits), and the server's peak RSS; beside TypeScript's bare parse of the
// same files measured in the same run. Targets: first diagnostics within 2x the bare parse, a median
// edit under 50 ms, RSS under 300 MB. The server tunes its heap (server/src/runtime/heapTuning.ts): the
// bare parse also runs with that setting, and the faster of the two is the baseline.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ANALYSIS_HEAP_FLAGS, fresh, median } from './fresh.mjs';
import { generateIntegration } from './generate.mjs';
import { rpc, startServer } from './lspClient.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'integration-250-lsp');
generateIntegration(dir, 250, 200);
const EDITS = Number(process.env.BENCH_EDITS ?? 50);

const parsePlain = [];
const parseTuned = [];
for (let i = 0; i < 5; i++) {
  parsePlain.push(fresh('parseOnly.cjs', [dir]).ms);
  parseTuned.push(fresh('parseOnly.cjs', [dir], ANALYSIS_HEAP_FLAGS).ms);
}
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// Without the code cache (server/src/runtime/codeCache.ts): it would also hold TypeScript's parser already compiled,
// which the bare parse this is compared with compiles as it goes. bench/startup.mjs measures what the cache saves.
const { child, connection } = await startServer(dir, { INTEGRATION_LENS_NO_CODE_CACHE: '1' });
const now = () => performance.now();

const file = join(dir, 'src', 'steps', 'service10.ts');
const uri = pathToFileURL(file).href;
let text = readFileSync(file, 'utf8');
const pull = () => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });

// The analysis is complete when the server says so (analysisFinished without `partial`): only then does a pull
// carry the findings that need handler effects. A refresh request alone does not tell.
let completed;
const analysisComplete = new Promise((resolve) => (completed = resolve));
connection.onNotification('integrationLens/analysisFinished', (status) => {
  if (!status.partial) completed();
});

let started = now();
await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
const first = await pull();
const coldMs = now() - started;
await analysisComplete;
const complete = await pull();
const completeMs = now() - started;
if (first.items.length !== 0 || complete.items.length !== 0) throw new Error(`expected a clean file, got ${JSON.stringify(complete.items)}`);

// Each edit changes one line: a dependsOn entry alternates between a typo and the right constant,
// so every other result must contain the finding (checked, so the timing is of real work).
const line = /dependsOn: \[Steps\.(\w+)\]/.exec(text);
if (!line) throw new Error('no dependsOn line to edit');
const good = line[0];
const bad = `dependsOn: ['fetch-nothing']`;
const times = [];
for (let i = 0; i < EDITS; i++) {
  const broken = i % 2 === 0;
  text = broken ? text.replace(good, bad) : text.replace(bad, good);
  started = now();
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
  const report = await pull();
  times.push(now() - started);
  const found = report.items.some((d) => d.code === 'unknown-dependency');
  if (found !== broken) throw new Error(`edit ${i}: expected ${broken ? 'a' : 'no'} finding, got ${JSON.stringify(report.items.map((d) => d.code))}`);
}

const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
await connection.sendRequest(rpc.ShutdownRequest.type);
await connection.sendNotification(rpc.ExitNotification.type);

const parseMs = Math.min(median(parsePlain), median(parseTuned));
const rssMb = peakKb / 1024;
console.log(`integration: 250 steps over ${202} TypeScript files; edited src/steps/service10.ts`);
console.log(`bare TypeScript parse (median of 5): ${parseMs.toFixed(1)} ms`);
console.log(`cold open -> first diagnostics: ${coldMs.toFixed(1)} ms = ${(coldMs / parseMs).toFixed(2)}x parse (target <= 2x: ${coldMs <= 2 * parseMs ? 'met' : 'NOT met'})`);
console.log(`cold open -> complete diagnostics (handler effects included, after the server's refresh): ${completeMs.toFixed(1)} ms = ${(completeMs / parseMs).toFixed(2)}x parse`);
console.log(`one-line edit -> new diagnostics over ${EDITS} edits: median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms (target median < 50 ms: ${median(times) < 50 ? 'met' : 'NOT met'})`);
console.log(`server peak RSS: ${rssMb.toFixed(0)} MB (target < 300 MB: ${rssMb < 300 ? 'met' : 'NOT met'})`);
