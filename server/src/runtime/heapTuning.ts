import { setFlagsFromString } from 'node:v8';
import heapFlags from './heapFlags.json';

/**
 * V8 settings for the processes that run analyses (the CLI, the language server), applied by their
 * entry points before anything else is loaded (cli/bin.ts, serverBin.ts).
 *
 * An analysis keeps every syntax tree it parses until it ends, so nearly everything allocated while
 * parsing survives its first scavenge. V8 starts the young generation at 1 MB and doubles it each
 * time survivors fill it; growing it eightfold instead, it reaches its full size (16 MB semi-spaces)
 * while the process loads, and the trees are copied through fewer, larger scavenges. The setting is a
 * growth heuristic, read each time V8 grows the young generation, so setting it at run time works
 * (its effect is measured: bench/check.mjs, which gives the bare parse the same setting).
 *
 * The flags are in heapFlags.json so that the benchmarks apply exactly these to their processes.
 */
export const ANALYSIS_HEAP_FLAGS: readonly string[] = heapFlags;

export function tuneHeapForAnalysis(): void {
  for (const flag of ANALYSIS_HEAP_FLAGS) setFlagsFromString(flag);
}
