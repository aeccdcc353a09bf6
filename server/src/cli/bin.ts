// The `integration-lens` executable. The heap is tuned before the rest of the CLI (and TypeScript with
// it) is loaded: `require`, not `import`, so that the bundler initialises ./main only here.
import { tuneHeapForAnalysis } from '../runtime/heapTuning';

tuneHeapForAnalysis();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runAsync } = require('./main') as typeof import('./main');
void runAsync(process.argv.slice(2)).then((code) => {
  // -1: a long-running command (the language server) owns the process from here.
  if (code >= 0) process.exitCode = code;
});
