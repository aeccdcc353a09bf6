// The language server process's entry (dist/server.js). The heap is tuned before the server (and
// TypeScript with it) is loaded: `require`, not `import`, so that the bundler initialises ./server only here.
import { tuneHeapForAnalysis } from './runtime/heapTuning';

tuneHeapForAnalysis();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./server');
