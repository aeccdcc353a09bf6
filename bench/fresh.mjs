// What every benchmark shares: a script run cold in a fresh Node process, and the median of its runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Runs `bench/<script>` in a fresh process (after `nodeArgs`) and returns the JSON it prints. */
export function fresh(script, args = [], nodeArgs = []) {
  return JSON.parse(execFileSync(process.execPath, [...nodeArgs, join(here, script), ...args], { encoding: 'utf8' }));
}

/**
 * The V8 flags the CLI and the language server set for themselves (server/src/runtime/heapTuning.ts). The
 * benchmarks run the bare parse with and without them and take the faster as the baseline.
 */
export const ANALYSIS_HEAP_FLAGS = JSON.parse(readFileSync(join(here, '..', 'server', 'src', 'runtime', 'heapFlags.json'), 'utf8'));

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
