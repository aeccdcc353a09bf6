// Micro benchmark for the J1QL parser: queries parsed per second over the query shapes of the test fixture
// (repeated to 10,000 queries), beside two baselines measured in the same run: the lexer alone, and a bare
// whitespace split of the same strings (a floor for touching every character).
import * as esbuild from 'esbuild';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './fresh.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, '.bench', 'j1ql.cjs');
mkdirSync(dirname(out), { recursive: true });
await esbuild.build({
  stdin: {
    contents: "export { parseJ1ql } from './server/src/core/j1ql'; export { tokenize } from './server/src/core/j1ql/lexer';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const { parseJ1ql, tokenize } = createRequire(import.meta.url)(out);

const shapes = readFileSync(join(root, 'test/fixtures/j1ql/query-shapes.j1ql'), 'utf8')
  .split(/\n\s*\n/)
  .map((s) => s.trim())
  .filter((s) => s && !(s.startsWith('/*') && s.endsWith('*/')));
const queries = [];
while (queries.length < 10000) queries.push(...shapes);
const chars = queries.reduce((n, q) => n + q.length, 0);

const rounds = Number(process.env.BENCH_RUNS ?? 7);
function time(fn) {
  const ms = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    for (const q of queries) fn(q);
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(ms);
}

let errors = 0;
for (const q of queries) errors += parseJ1ql(q).errors.length;
time(parseJ1ql); // warm-up
const splitMs = time((q) => q.split(/\s+/));
const lexMs = time(tokenize);
const parseMs = time(parseJ1ql);
const perSecond = (ms) => Math.round((queries.length / ms) * 1000).toLocaleString('en');
console.log(`${queries.length} queries (${shapes.length} shapes repeated, ${(chars / queries.length).toFixed(0)} chars on average, ${errors} errors)`);
console.log(`whitespace split (floor): ${splitMs.toFixed(1)} ms  ${perSecond(splitMs)} queries/s`);
console.log(`lexer only              : ${lexMs.toFixed(1)} ms  ${perSecond(lexMs)} queries/s`);
console.log(`parseJ1ql               : ${parseMs.toFixed(1)} ms  ${perSecond(parseMs)} queries/s  (${((parseMs / queries.length) * 1000).toFixed(1)} µs/query, ${(parseMs / splitMs).toFixed(1)}x the split)`);
