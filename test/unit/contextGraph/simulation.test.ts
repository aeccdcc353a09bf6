import * as assert from 'node:assert/strict';
import { contextGraphKind, type ResultEntity, DEFAULT_DOCUMENT_SETTINGS, diskFileHost, looksLikeContextGraphImport, parseBaseGraph, previewOf } from '../../../server/src/core';
import { analyzeFixture, FIXTURES } from './helpers';

const byId = (entities: ResultEntity[]) => new Map(entities.map((e) => [e._id, e]));

describe('context-graph: simulation of the import', () => {
  it('reports the stats Canopsis would report and the resulting entities with impact/depends', () => {
    const { analysis } = analyzeFixture('valid.contextgraph.json');
    // updated: srv-2 and disk/srv-2 created, cpu/srv-1 disabled, conn/nagios linked; deleted: legacy.
    assert.deepEqual(analysis.simulation?.stats, { updated: 4, deleted: 1 });
    const entities = byId(analysis.simulation!.entities);
    assert.deepEqual(entities.get('srv-2'), { _id: 'srv-2', type: 'component', name: 'srv-2', enabled: undefined, status: 'created', impact: ['disk/srv-2'], depends: ['conn/nagios'] });
    assert.deepEqual(entities.get('conn/nagios'), { _id: 'conn/nagios', type: 'connector', name: 'nagios', enabled: undefined, status: 'updated', impact: ['srv-1', 'srv-2'], depends: [] });
    assert.equal(entities.get('cpu/srv-1')?.status, 'updated');
    assert.equal(entities.get('cpu/srv-1')?.enabled, false);
    assert.equal(entities.get('legacy')?.status, 'deleted');
    assert.equal(entities.get('srv-1')?.status, 'unchanged');
  });

  it('deleting an entity removes it from the impact/depends of its neighbours, which count as updated', () => {
    const text = JSON.stringify({ cis: [{ _id: 'srv-1', type: 'component', action: 'delete' }], links: [] });
    const { analysis } = analyzeFixture('delete.contextgraph.json', { text });
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(analysis.simulation?.stats, { updated: 2, deleted: 1 });
    const entities = byId(analysis.simulation!.entities);
    assert.deepEqual(entities.get('conn/nagios')?.impact, []);
    assert.deepEqual(entities.get('cpu/srv-1')?.depends, []);
  });

  it('update then delete of the same entity is accepted (the delete wins), as by the engine', () => {
    const text = JSON.stringify({ cis: [{ _id: 'legacy', type: 'component', action: 'update', name: 'x' }, { _id: 'legacy', type: 'component', action: 'delete' }] });
    const { analysis } = analyzeFixture('update-delete.contextgraph.json', { text });
    assert.deepEqual(analysis.findings.map((f) => f.code), ['context-graph-duplicate-ci']);
    assert.deepEqual(analysis.simulation?.stats, { updated: 0, deleted: 1 });
  });

  it('set creates a missing entity and merges the infos of an existing one', () => {
    const text = JSON.stringify({ cis: [{ _id: 'srv-1', type: 'component', action: 'set', name: 'renamed' }, { _id: 'new', type: 'component', action: 'set' }] });
    const { analysis } = analyzeFixture('set.contextgraph.json', { text });
    assert.deepEqual(analysis.findings, []);
    const entities = byId(analysis.simulation!.entities);
    assert.equal(entities.get('srv-1')?.status, 'updated');
    assert.equal(entities.get('srv-1')?.name, 'renamed');
    assert.equal(entities.get('new')?.status, 'created');
  });

  it('without a base graph, entities not created by the import are assumed to exist', () => {
    const { analysis } = analyzeFixture('valid.contextgraph.json', { base: null });
    assert.deepEqual(analysis.findings, []);
    assert.equal(analysis.simulation?.closed, false);
    const entities = byId(analysis.simulation!.entities);
    assert.equal(entities.get('conn/nagios')?.status, 'assumed');
    assert.equal(entities.get('srv-2')?.status, 'created');
  });

  it('the preview keeps touched entities and their neighbours, with edges from impact', () => {
    const { analysis } = analyzeFixture('valid.contextgraph.json');
    const preview = previewOf(analysis);
    assert.deepEqual(preview.stats, { updated: 4, deleted: 1 });
    assert.ok(preview.edges.some((e) => e.from === 'conn/nagios' && e.to === 'srv-2'));
    assert.ok(!preview.edges.some((e) => e.from === 'legacy' || e.to === 'legacy'));
    assert.equal(preview.nodes.find((n) => n.id === 'legacy')?.status, 'deleted');
    assert.equal(previewOf(analysis, 2).omitted, 4);
  });
});

describe('context-graph: base graph formats', () => {
  it('reads a list, one entity per line, {data}, and an import form; impact/depends made symmetric', () => {
    const list = parseBaseGraph('/b.json', '[{"_id":"a","type":"component","impact":["b"]},{"_id":"b","type":"resource"}]');
    assert.deepEqual([...list.graph!.entities.get('b')!.depends], ['a']);
    const lines = parseBaseGraph('/b.json', '{"_id":"a","impact":["b"]}\n{"_id":"b"}\n');
    assert.deepEqual([...lines.graph!.entities.get('b')!.depends], ['a']);
    const data = parseBaseGraph('/b.json', '{"data":[{"_id":"a"}]}');
    assert.ok(data.graph!.entities.has('a'));
    const importForm = parseBaseGraph('/b.json', '{"cis":[{"_id":"a","type":"connector","action":"create"},{"_id":"b","type":"component","action":"create"}],"links":[{"from":["a"],"to":"b","action":"create"}]}');
    assert.deepEqual([...importForm.graph!.entities.get('b')!.depends], ['a']);
    assert.match(parseBaseGraph('/b.json', '{"x": 1}').problem!, /neither a list of entities nor an import/);
    assert.match(parseBaseGraph('/b.json', '{oops').problem!, /is not valid JSON/);
  });
});

describe('context-graph: which files', () => {
  const claim = (file: string, text: string) => contextGraphKind.claims(file, text, { root: FIXTURES, settings: DEFAULT_DOCUMENT_SETTINGS });

  it('claims by path pattern, or by a top-level cis/links array in any .json', () => {
    assert.ok(claim(`${FIXTURES}/x.contextgraph.json`, ''));
    assert.ok(claim(`${FIXTURES}/context-graph/prod/a.json`, ''));
    assert.ok(claim(`${FIXTURES}/export.json`, '{"meta": {"cis": 1, "x": [1, {"y": "]"}]}, "links": []}'));
    assert.ok(!claim(`${FIXTURES}/other.json`, '{"meta": {"cis": []}}'));
    assert.ok(!claim(`${FIXTURES}/other.json`, '{"cis": "no"}'));
    assert.ok(!claim(`${FIXTURES}/package.json`, '{"cis": []}'));
    assert.ok(!claim(`${FIXTURES}/notes.yaml`, '{"cis": []}'));
  });

  it('sniffs without parsing: escaped quotes, nested brackets in strings, truncated text', () => {
    assert.ok(looksLikeContextGraphImport('{"a\\"": "x\\"]}", "b": [[{}]], "cis": [ ]}'));
    assert.ok(!looksLikeContextGraphImport('{"a": "unterminated'));
    assert.ok(!looksLikeContextGraphImport('[{"cis": []}]'));
    assert.ok(!looksLikeContextGraphImport(`{"big": "${'x'.repeat(1000)}", "cis": []}`, 100));
  });

  it('discovers imports under a project by their glob and by content', () => {
    assert.deepEqual(contextGraphKind.discover(DEFAULT_DOCUMENT_SETTINGS), [...DEFAULT_DOCUMENT_SETTINGS.contextGraphFiles, '**/*.json']);
    assert.ok(diskFileHost.fileExists(`${FIXTURES}/valid.contextgraph.json`));
  });
});
