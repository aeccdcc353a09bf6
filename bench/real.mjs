// Cold `check` of real integrations against TypeScript's bare parse of the files the check read,
// alternating fresh processes. Nothing is bundled: pass the folders of integrations you have
// cloned (e.g. JupiterOne/graph-github). Usage: node bench/real.mjs DIR [DIR ...]   (BENCH_RUNS, default 5)
// As in bench/check.mjs, the bare parse also runs with the CLI's heap setting and the faster is the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ANALYSIS_HEAP_FLAGS, fresh, median } from './fresh.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node bench/real.mjs DIR [DIR ...]  (folders of integration projects)');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'integration-lens-real-'));
try {
  for (const dir of dirs) {
    const list = join(scratch, `${basename(dir)}.json`);
    const check = [];
    const parse = [];
    const parseTuned = [];
    let info;
    for (let i = 0; i < runs; i++) {
      info = fresh('checkOnly.cjs', [dir, '--read-list', list]);
      check.push(info.ms);
      parse.push(fresh('parseOnly.cjs', [dir, '--list', list]).ms);
      parseTuned.push(fresh('parseOnly.cjs', [dir, '--list', list], ANALYSIS_HEAP_FLAGS).ms);
    }
    const c = median(check);
    const p = Math.min(median(parse), median(parseTuned));
    console.log(`${basename(dir)}: ${info.steps} steps, ${info.files} files read; check ${c.toFixed(0)} ms, bare parse of those files ${p.toFixed(0)} ms: ${(c / p).toFixed(2)}x`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
