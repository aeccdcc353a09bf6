// Context-graph imports through the real server: diagnostics on open and edit, hover, definition, the preview request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { writeProject } from './helpers/project';
import { LanguageServerUnderTest } from './helpers/server';

const BASE = JSON.stringify([
  { _id: 'conn/nagios', type: 'connector', name: 'nagios', impact: ['srv-1'] },
  { _id: 'srv-1', type: 'component', name: 'srv-1', depends: ['conn/nagios'] },
]);
const IMPORT = `{
  "cis": [
    {"_id": "srv-2", "type": "component", "action": "create"}
  ],
  "links": [
    {"from": ["conn/nagios"], "to": "srv-2", "action": "create"}
  ]
}
`;

function positionOf(text: string, needle: string, nth = 0, shift = 1) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('context-graph imports over JSON-RPC', () => {
  let server: LanguageServerUnderTest;
  let dir: string;
  let uri: string;

  before(async () => {
    // No integration in this folder: a Canopsis repository with only imports and an export of the graph.
    dir = writeProject('lens-canopsis', { 'graph/base.json': BASE, 'imports/prod.contextgraph.json': IMPORT });
    uri = pathToFileURL(path.join(dir, 'imports/prod.contextgraph.json')).href;
    server = await LanguageServerUnderTest.start({ rootPath: dir, initializationOptions: { debounceMs: 0, contextGraph: { baseGraph: 'graph/base.json' } } });
  });
  after(() => server.dispose());

  it('publishes no diagnostic for a valid import, then the engine error after an edit, at its node', async () => {
    const opened = await server.openAndWaitForDiagnostics(uri, IMPORT, 'json');
    assert.deepEqual(opened.diagnostics, []);
    const broken = IMPORT.replace('"to": "srv-2"', '"to": "srv-3"');
    const next = server.nextDiagnostics(uri);
    await server.changeDocument(uri, broken, 2);
    const { diagnostics } = await server.within('diagnostics after edit', next);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'context-graph-unknown-link-end');
    assert.deepEqual(diagnostics[0].range, { start: positionOf(broken, '"srv-3"', 0, 0), end: positionOf(broken, '"srv-3"', 0, 7) });
    assert.match(String(diagnostics[0].message), /The entity "srv-3" \(link to\) does not exist: it is not in the context graph \(graph\/base\.json\).*Did you mean "srv-2"\?.*Canopsis stops the whole import here/);
    const fixed = server.nextDiagnostics(uri);
    await server.changeDocument(uri, IMPORT, 3);
    assert.deepEqual((await server.within('diagnostics after fix', fixed)).diagnostics, []);
  });

  it('hovers a link end with the entity after the import', async () => {
    const hover = await server.within('hover', server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(IMPORT, '"srv-2"', 1) }));
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\*\*srv-2\*\* \(component\)/);
    assert.match(value, /created by this import/);
    assert.match(value, /depends: `conn\/nagios`/);
  });

  it('goes from a link end to its ci, and to the base graph for an existing entity', async () => {
    const toCi = (await server.within('definition', server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(IMPORT, '"srv-2"', 1) }))) as Location[];
    assert.equal(toCi.length, 1);
    assert.equal(toCi[0].uri, uri);
    assert.deepEqual(toCi[0].range.start, positionOf(IMPORT, '"srv-2"', 0, 0));
    const toBase = (await server.within('definition', server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(IMPORT, '"conn/nagios"') }))) as Location[];
    assert.equal(toBase[0].uri, pathToFileURL(path.join(dir, 'graph/base.json')).href);
  });

  it('checks an open import again when the base graph changes on disk', async () => {
    const basePath = path.join(dir, 'graph/base.json');
    const removed = JSON.stringify(JSON.parse(BASE).filter((e: { _id: string }) => e._id !== 'conn/nagios'));
    const next = server.nextDiagnostics(uri);
    fs.writeFileSync(basePath, removed);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(basePath).href, type: FileChangeType.Changed }] });
    const { diagnostics } = await server.within('diagnostics after the base changed', next);
    assert.deepEqual(diagnostics.map((d) => d.code), ['context-graph-unknown-link-end']);
    const restored = server.nextDiagnostics(uri);
    fs.writeFileSync(basePath, BASE);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(basePath).href, type: FileChangeType.Changed }] });
    assert.deepEqual((await server.within('diagnostics after the base was restored', restored)).diagnostics, []);
  });

  it('answers the preview request with stats and the resulting graph', async () => {
    const result = (await server.within('preview', server.connection.sendRequest('integrationLens/contextGraphPreview', { uri }))) as {
      ok: boolean;
      preview: { stats: { updated: number; deleted: number }; nodes: Array<{ id: string; status: string }>; edges: Array<{ from: string; to: string }> };
    };
    assert.equal(result.ok, true);
    assert.deepEqual(result.preview.stats, { updated: 2, deleted: 0 });
    assert.equal(result.preview.nodes.find((n) => n.id === 'srv-2')?.status, 'created');
    assert.ok(result.preview.edges.some((e) => e.from === 'conn/nagios' && e.to === 'srv-2'));
    const other = (await server.connection.sendRequest('integrationLens/contextGraphPreview', { uri: pathToFileURL(path.join(dir, 'graph/base.json')).href })) as { ok: boolean };
    assert.equal(other.ok, false);
  });
});
