// Benchmark for the collected-graph webview (issue 7): the built page (dist/webview/graph.{js,css}) in headless
// Chromium (Debian's, through playwright-core), fed the data the server would post. Measures time to first render
// (the page's own clock, from the message to vis-network's first afterDrawing, and the wall time seen from outside)
// and the page's JS heap, for 10,000 entities / 20,000 relationships against a 1,000 / 2,000 baseline measured in
// the same run; plus expanding one `_type` of the large graph (drawing its entities one by one) and a search.
// Usage: npm run build && node bench/webview.mjs
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fresh } from './fresh.mjs';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'webview');
mkdirSync(dir, { recursive: true });
for (const f of ['graph.js', 'graph.css']) copyFileSync(join(root, 'dist', 'webview', f), join(dir, f));
writeFileSync(
  join(dir, 'index.html'),
  `<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="graph.css">
<script>window.__messages = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__messages.push(m), getState: () => undefined, setState: () => {} });</script>
</head><body data-panel='{"kind":"collected","root":"/bench"}'><div id="app"></div><script src="graph.js"></script></body></html>`,
);

/** A collected graph as the server sends it: entities spread over `types` _types, relationships between random entities. */
function collectedGraph(entities, relationships, types = 12) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const nodes = [];
  for (let i = 0; i < entities; i++) {
    const type = `acme_type_${i % types}`;
    nodes.push({ id: `${type}:${i}`, label: `Resource ${i}`, group: type, title: `${type} Resource\n${type}:${i}` });
  }
  const edges = [];
  for (let i = 0; i < relationships; i++) {
    const from = nodes[Math.floor(random() * entities)].id;
    const to = nodes[Math.floor(random() * entities)].id;
    edges.push({ from, to, label: 'HAS' });
  }
  return { kind: 'collected', title: 'Collected graph', nodes, edges };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

async function measure(entities, relationships) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const data = collectedGraph(entities, relationships);
  await page.evaluate((d) => (window.__data = d), data);
  const heapBefore = await heap(cdp);
  const started = Date.now();
  await page.evaluate(() => window.postMessage({ command: 'show', view: 'graph', data: window.__data }, '*'));
  await page.waitForFunction(() => document.body.dataset.renderMs !== undefined, undefined, { timeout: 120_000 });
  const wall = Date.now() - started;
  const first = await page.evaluate(() => ({ ...document.body.dataset }));
  const heapAfter = await heap(cdp);
  const result = { entities, relationships, firstRenderMs: Number(first.renderMs), wallMs: wall, drawnNodes: Number(first.renderedNodes), drawnEdges: Number(first.renderedEdges), clustered: first.clustered === 'true', heapUsedMB: heapAfter.used, heapTotalMB: heapAfter.total, heapBeforeMB: heapBefore.used };
  if (result.clustered) {
    // Expand the first _type: its entities are drawn one by one, with the other types as group nodes.
    await page.evaluate(() => delete document.body.dataset.renderMs);
    const expandStarted = Date.now();
    await page.click('#groups button');
    await page.waitForFunction(() => document.body.dataset.renderMs !== undefined, undefined, { timeout: 120_000 });
    const expanded = await page.evaluate(() => ({ ...document.body.dataset }));
    result.expand = { ms: Date.now() - expandStarted, drawnNodes: Number(expanded.renderedNodes), drawnEdges: Number(expanded.renderedEdges) };
    await page.evaluate(() => delete document.body.dataset.renderMs);
    const searchStarted = Date.now();
    // An entity of a _type that is still a group node: the search expands that type and focuses the entity.
    const target = 12 * Math.floor((entities - 6) / 12) + 5;
    await page.fill('#search', `acme_type_5:${target}`);
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.body.dataset.renderMs !== undefined, undefined, { timeout: 120_000 });
    result.search = { ms: Date.now() - searchStarted, matches: Number(await page.evaluate(() => document.body.dataset.searchMatches)) };
    const peak = await heap(cdp);
    result.heapAfterInteractionMB = peak.used;
    await page.screenshot({ path: join(dir, `collected-${entities}.png`) });
  } else {
    await page.screenshot({ path: join(dir, `collected-${entities}.png`) });
  }
  await page.close();
  return result;
}

async function heap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { used: Math.round(get('JSHeapUsedSize') / 1e5) / 10, total: Math.round(get('JSHeapTotalSize') / 1e5) / 10 };
}

/**
 * The same sizes as a `.j1-integration` folder the SDK would write (files of up to 500 objects per step and _type),
 * read by the server's code (dist/core.js) in a fresh process: the time before the page gets its data.
 */
function serverSide(entities, relationships) {
  const project = join(root, '.bench', `collected-${entities}`, '.j1-integration');
  rmSync(project, { recursive: true, force: true });
  const data = collectedGraph(entities, relationships);
  const write = (step, kind, objects) => {
    for (let i = 0; i < objects.length; i += 500) {
      mkdirSync(join(project, 'graph', step, kind), { recursive: true });
      writeFileSync(join(project, 'graph', step, kind, `${String(i).padStart(6, '0')}.json`), JSON.stringify({ [kind]: objects.slice(i, i + 500) }));
    }
  };
  for (const type of new Set(data.nodes.map((n) => n.group))) {
    write(`fetch-${type}`, 'entities', data.nodes.filter((n) => n.group === type).map((n) => ({ _key: n.id, _type: type, _class: ['Record'], name: n.label, displayName: n.label })));
  }
  write('fetch-relationships', 'relationships', data.edges.map((e, i) => ({ _key: `${e.from}|has|${e.to}|${i}`, _type: 'acme_has', _class: 'HAS', _fromEntityKey: e.from, _toEntityKey: e.to, displayName: 'HAS' })));
  return fresh('collectedOnly.cjs', [project]);
}

const baseline = await measure(1000, 2000);
const large = await measure(10000, 20000);
await browser.close();
baseline.server = serverSide(1000, 2000);
large.server = serverSide(10000, 20000);
console.log(JSON.stringify({ baseline, large }, null, 2));
console.log(
  `server side (read + check + graph data): ${Math.round(large.server.ms)} ms for ${large.entities} / ${large.relationships} ` +
    `(${large.server.files} files, ${(large.server.payloadBytes / 1e6).toFixed(1)} MB to post, max RSS ${Math.round(large.server.maxRssMb)} MB) ` +
    `vs ${Math.round(baseline.server.ms)} ms for ${baseline.entities} / ${baseline.relationships} (max RSS ${Math.round(baseline.server.maxRssMb)} MB)`,
);
console.log(
  `collected-graph webview: first render ${large.firstRenderMs} ms for ${large.entities} entities / ${large.relationships} relationships ` +
    `(${large.drawnNodes} nodes drawn, grouped by _type: ${large.clustered}; wall ${large.wallMs} ms) vs ${baseline.firstRenderMs} ms for ` +
    `${baseline.entities} / ${baseline.relationships} (${baseline.drawnNodes} drawn one by one; wall ${baseline.wallMs} ms); ` +
    `expanding one _type: ${large.expand?.ms} ms (${large.expand?.drawnNodes} nodes); search: ${large.search?.ms} ms; ` +
    `JS heap after first render ${large.heapUsedMB} MB (baseline ${baseline.heapUsedMB} MB), after interaction ${large.heapAfterInteractionMB} MB`,
);
