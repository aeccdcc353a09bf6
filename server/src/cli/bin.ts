// The `integration-lens` executable (dist/cli.js). The heap is tuned before the CLI (and TypeScript with
// it) is loaded, and the CLI is a bundle of its own (dist/cli-main.js) loaded through V8's code cache.
import * as path from 'node:path';
import { requireWithCodeCache } from '../runtime/codeCache';
import { tuneHeapForAnalysis } from '../runtime/heapTuning';

tuneHeapForAnalysis();
const { runAsync } = requireWithCodeCache(path.join(__dirname, 'cli-main.js')) as typeof import('./main');
void runAsync(process.argv.slice(2)).then((code) => {
  // -1: a long-running command (the language server) owns the process from here.
  if (code >= 0) process.exitCode = code;
});
