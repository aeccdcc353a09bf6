// The server's share of the collected-graph webview, in a fresh process: read and check a .j1-integration folder
// (every file parsed, class schemas of the bundled data model, duplicate keys, endpoints) and build the page's data.
const { collected, views, bundledDataModel } = require('../dist/core.js');

const started = process.hrtime.bigint();
const graph = collected.readCollection(process.argv[2], collected.diskCollectedHost, { dataModel: bundledDataModel() });
const readMs = Number(process.hrtime.bigint() - started) / 1e6;
const data = views.collectedGraphData(graph);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({ ms, readMs, files: graph.files, entities: graph.entities.length, relationships: graph.relationships.length, findings: graph.findings.length, payloadBytes: JSON.stringify(data).length, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
