// The language server on an integration you have cloned (nothing is bundled): cold open to first diagnostics, then
// the time from an edit of FILE (a line break added, then removed) to the new diagnostics of that file, over the
// real server process and JSON-RPC. For information: where an edit's cost goes on real layouts (a barrel that
// imports every step module, wrappers around every handler). Usage: node bench/lspReal.mjs DIR FILE [EDITS]
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './fresh.mjs';
import { rpc, startServer } from './lspClient.mjs';

const [dirArg, fileArg, editsArg] = process.argv.slice(2);
if (!dirArg || !fileArg) {
  console.error('usage: node bench/lspReal.mjs DIR FILE [EDITS]');
  process.exit(2);
}
const dir = resolve(dirArg);
const file = resolve(fileArg);
const EDITS = Number(editsArg ?? 20);

const { connection } = await startServer(dir);
let completed;
connection.onNotification('integrationLens/analysisFinished', (status) => {
  if (!status.partial) completed?.();
});

const uri = pathToFileURL(file).href;
let text = readFileSync(file, 'utf8');
const pull = () => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
let started = performance.now();
const analysisComplete = new Promise((done) => (completed = done));
await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
await pull();
const firstMs = performance.now() - started;
await analysisComplete;
await pull();
const completeMs = performance.now() - started;

// Once handler effects are known, an analysis is complete when the pull answers (the server re-analyses synchronously).
const times = [];
for (let i = 0; i < EDITS; i++) {
  text = i % 2 === 0 ? `${text}\n` : text.slice(0, -1);
  started = performance.now();
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
  await pull();
  times.push(performance.now() - started);
}
await connection.sendRequest(rpc.ShutdownRequest.type);
await connection.sendNotification(rpc.ExitNotification.type);

const p95 = [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
console.log(`${relative(process.cwd(), dir) || dir}: edited ${relative(dir, file)}`);
console.log(`cold open -> first diagnostics ${firstMs.toFixed(0)} ms, complete ${completeMs.toFixed(0)} ms`);
console.log(`edit -> new diagnostics over ${EDITS} edits: median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
