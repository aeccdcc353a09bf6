// The language server process's entry (dist/server.js). The heap is tuned before the server (and
// TypeScript with it) is loaded, and the server is a bundle of its own (dist/server-main.js) loaded
// through V8's code cache.
import * as path from 'node:path';
import { requireWithCodeCache } from './runtime/codeCache';
import { tuneHeapForAnalysis } from './runtime/heapTuning';

tuneHeapForAnalysis();
requireWithCodeCache(path.join(__dirname, 'server-main.js'));
