// Benchmark for issue 6 (Canopsis context-graph imports):
// 1. an import of 20,000 cis and 40,000 links, checked and simulated against a base graph of 10,000 entities by the
//    context-graph kind, beside JSON.parse of the same file (the baseline), alternating fresh processes in the same
//    run: median time and peak RSS of each;
// 2. a 200 MB import: the kind refuses it above its size limit (integrationLens.contextGraph.maxFileSizeMB, 20 MB by
//    default) with a finding, and its peak RSS is compared with reading the file (the editor or CLI holds the text
//    anyway).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fresh, median } from './fresh.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'context-graph');
mkdirSync(dir, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 5);

/** Existing graph: 100 connectors, 2,000 components, 7,900 resources, each resource depending on a component. */
function writeBase(file) {
  const entities = [];
  for (let i = 0; i < 100; i++) entities.push({ _id: `conn-${i}`, type: 'connector', name: `conn-${i}`, impact: [], depends: [] });
  for (let i = 0; i < 2000; i++) entities.push({ _id: `host-${i}`, type: 'component', name: `host-${i}`, impact: [], depends: [`conn-${i % 100}`] });
  for (let i = 0; i < 7900; i++) entities.push({ _id: `res-${i}/host-${i % 2000}`, type: 'resource', name: `res-${i}`, impact: [], depends: [`host-${i % 2000}`] });
  writeFileSync(file, JSON.stringify(entities));
}

/** 20,000 cis (new components and resources, updates and enables of existing ones) and 40,000 links. */
function writeImport(file, cisCount = 20000, linksCount = 40000) {
  const cis = [];
  for (let i = 0; i < cisCount; i++) {
    if (i % 10 === 0) cis.push({ _id: `host-${(i / 10) % 2000}`, type: 'component', action: 'update', name: `host ${i}`, infos: { site: { value: 'paris' } } });
    else if (i % 10 === 1) cis.push({ _id: `res-${(i - 1) / 10}/host-${((i - 1) / 10) % 2000}`, type: 'resource', action: 'enable', action_properties: { enable: 1700000000 } });
    else if (i % 10 < 4) cis.push({ _id: `newhost-${i}`, type: 'component', action: 'create', name: `newhost-${i}`, infos: { owner: { value: 'ops' } } });
    else cis.push({ _id: `newres-${i}`, type: 'resource', action: 'set', name: `disk-${i}`, infos: { mount: { value: '/' } } });
  }
  const created = cis.filter((c) => c.action === 'create').map((c) => c._id);
  const links = [];
  for (let i = 0; i < linksCount; i++) {
    if (i % 2 === 0) links.push({ from: [`conn-${i % 100}`], to: created[i % created.length], action: 'create' });
    else links.push({ from: [created[i % created.length]], to: `newres-${4 + 10 * (i % 1000)}`, action: 'create' });
  }
  writeFileSync(file, JSON.stringify({ cis, links }, null, 1));
}

/** A ~200 MB import written in chunks (never held in this process). */
async function writeHuge(file, targetBytes = 200 * 1024 * 1024) {
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('{"cis": [\n');
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const line = `${i ? ',' : ''}{"_id": "huge-${i}", "type": "resource", "action": "create", "name": "resource number ${i}", "infos": {"a": {"value": "${'x'.repeat(40)}"}}}\n`;
    bytes += line.length;
    await write(line);
  }
  await write('], "links": []}\n');
  await new Promise((r) => out.end(r));
}

const base = join(dir, 'base.json');
const imp = join(dir, 'import-20k.contextgraph.json');
writeBase(base);
writeImport(imp);
const run = (...args) => fresh('contextGraphOnly.cjs', args, ['--max-old-space-size=4096']);

const parse = [];
const check = [];
for (let i = 0; i < runs; i++) {
  parse.push(run('parse', imp));
  check.push(run('check', imp, base));
}
const mb = (n) => `${n.toFixed(0)} MB`;
const sizeMb = statSync(imp).size / 1024 / 1024;
console.log(`context-graph import: 20,000 cis, 40,000 links (${sizeMb.toFixed(1)} MB), base graph of 10,000 entities, ${runs} runs each, medians`);
console.log(`  JSON.parse (baseline)   ${median(parse.map((r) => r.ms)).toFixed(0).padStart(6)} ms   peak RSS ${mb(median(parse.map((r) => r.maxRssMb)))}`);
console.log(`  check + simulation      ${median(check.map((r) => r.ms)).toFixed(0).padStart(6)} ms   peak RSS ${mb(median(check.map((r) => r.maxRssMb)))}`);
console.log(`  ratio                   ${(median(check.map((r) => r.ms)) / median(parse.map((r) => r.ms))).toFixed(1)}x time, ${(median(check.map((r) => r.maxRssMb)) / median(parse.map((r) => r.maxRssMb))).toFixed(1)}x memory`);
console.log(`  result: stats ${JSON.stringify(check[0].stats)}, ${check[0].entities} entities, findings ${JSON.stringify(check[0].findings)}`);

const huge = join(dir, 'import-200mb.contextgraph.json');
await writeHuge(huge);
const hugeMb = statSync(huge).size / 1024 / 1024;
const refused = run('check', huge, '');
let read;
try {
  read = JSON.parse(execFileSync(process.execPath, ['-e', `const t=require('fs').readFileSync(${JSON.stringify(huge)},'utf8');process.stdout.write(JSON.stringify({len:t.length,maxRssMb:process.resourceUsage().maxRSS/1024}))`], { encoding: 'utf8' }));
} catch {
  read = { maxRssMb: NaN };
}
console.log(`200 MB import (${hugeMb.toFixed(0)} MB), default limit 20 MB:`);
console.log(`  reading the file (baseline)  peak RSS ${mb(read.maxRssMb)}`);
console.log(`  check                        ${refused.ms.toFixed(0).padStart(5)} ms   peak RSS ${mb(refused.maxRssMb)}   findings ${JSON.stringify(refused.findings)}`);
