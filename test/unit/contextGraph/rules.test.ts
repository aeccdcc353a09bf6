import * as assert from 'node:assert/strict';
import { analyzeFixture, located } from './helpers';

describe('context-graph: rules', () => {
  it('accepts a valid import against its base graph', () => {
    const { analysis } = analyzeFixture('valid.contextgraph.json');
    assert.deepEqual(analysis.findings, []);
  });

  it('context-graph-json-syntax: a trailing comma, at its position, and it aborts the import', () => {
    const { analysis, text } = analyzeFixture('broken-syntax.contextgraph.json');
    assert.deepEqual(located(analysis.findings, text), ['context-graph-json-syntax 4:3-4:4 «]»']);
    assert.match(analysis.findings[0].message, /^Invalid JSON: value expected\..*Canopsis stops the whole import here/);
    assert.equal(analysis.abort, analysis.findings[0]);
  });

  it('context-graph-json-syntax: comments are refused (the engine decodes strict JSON)', () => {
    const text = '{"cis": [] // none\n, "links": []}';
    const { analysis } = analyzeFixture('inline.contextgraph.json', { text });
    assert.deepEqual(located(analysis.findings, text), ['context-graph-json-syntax 1:12-1:19 «// none»']);
    assert.match(analysis.findings[0].message, /comments are not allowed/);
  });

  it('context-graph-schema: each structure error at its JSON node, in the engine words', () => {
    const { analysis, text } = analyzeFixture('broken-schema.contextgraph.json');
    assert.deepEqual(located(analysis.findings, text), [
      'context-graph-schema 3:5-3:46 «{"type": "component", "action": "create"}»',
      'context-graph-schema 4:5-4:37 «{"_id": "a", "action": "create"}»',
      'context-graph-schema 5:26-5:32 «"host"»',
      'context-graph-schema 6:48-6:56 «"upsert"»',
      'context-graph-schema 7:5-7:57 «{"_id": "d", "type": "resource", "action": "enable"}»',
      'context-graph-schema 8:80-8:82 «{}»',
      'context-graph-schema 9:13-9:15 «""»',
      'context-graph-schema 12:14-12:17 «"a"»',
      'context-graph-schema 13:42-13:50 «"update"»',
      'context-graph-schema 14:5-14:40 «{"from": ["a"], "action": "create"}»',
      'context-graph-schema 15:14-15:16 «[]»',
      'context-graph-unknown-link-end 15:24-15:27 «"b"»',
    ]);
    const messages = analysis.findings.map((f) => f.message);
    assert.match(messages[0], /^_id is required in cis\[0\]/);
    assert.match(messages[1], /^type is required in cis\[1\]/);
    assert.match(messages[2], /^type is not valid "host": use one of "resource", "component", "connector", "watcher", "service"\./);
    assert.match(messages[3], /^The action upsert is not recognized: use one of "create", "set", "update", "delete", "enable", "disable"\./);
    assert.match(messages[4], /^action_properties is required for the action "enable"/);
    assert.match(messages[5], /^action_properties\.disable is required for the action "disable"/);
    assert.match(messages[6], /^_id is required in cis\[6\]: it is empty\./);
    assert.match(messages[7], /^from must be a list of entity ids, not a string/);
    assert.match(messages[8], /^import action not implemented: a link can only be created or deleted/);
    assert.match(messages[9], /^to is required in links\[2\]/);
    assert.equal(analysis.findings[10].severity, 'warning');
    assert.match(messages[10], /^from is empty: this link connects nothing/);
  });

  it('context-graph-schema: wraps a string "from" in a list (quick fix)', () => {
    const { analysis, text } = analyzeFixture('broken-schema.contextgraph.json');
    const fix = analysis.findings[7].fixes?.[0];
    assert.equal(fix?.title, 'Wrap in a list');
    const edit = fix!.edits[0];
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), text.replace('"from": "a"', '"from": ["a"]'));
  });

  it('context-graph-schema: the first schema error is where Canopsis stops', () => {
    const { analysis } = analyzeFixture('broken-schema.contextgraph.json');
    assert.equal(analysis.abort, analysis.findings[0]);
    assert.equal(analysis.findings.filter((f) => f.data?.abortsImport).length, 1);
  });

  it('context-graph-schema: cis and links that are not arrays (and no empty-import on top)', () => {
    const { analysis, text } = analyzeFixture('not-arrays.contextgraph.json');
    assert.deepEqual(located(analysis.findings, text), ['context-graph-schema 1:9-1:21 «{"_id": "a"}»', 'context-graph-schema 1:32-1:38 «"none"»']);
    assert.match(analysis.findings[0].message, /^cis should be an array/);
    assert.match(analysis.findings[1].message, /^links should be an array/);
  });

  it('context-graph-schema: a top level that is not an object', () => {
    const text = '[{"_id": "a"}]';
    const { analysis } = analyzeFixture('list.contextgraph.json', { text });
    assert.deepEqual(located(analysis.findings, text), ['context-graph-schema 1:1-1:15 «[{"_id": "a"}]»']);
  });

  it('context-graph-empty-import: no element at all', () => {
    const { analysis, text } = analyzeFixture('empty.contextgraph.json');
    assert.deepEqual(located(analysis.findings, text), ['context-graph-empty-import 1:1-1:2 «{»']);
    assert.match(analysis.findings[0].message, /^empty import/);
  });

  it('conflicts and existence against the base graph: every error, at its node, with related locations', () => {
    const { analysis, text } = analyzeFixture('conflicts.contextgraph.json');
    assert.deepEqual(located(analysis.findings, text), [
      'context-graph-deleted-entity-updated 4:13-4:21 «"legacy"»',
      'context-graph-entity-exists 5:13-5:20 «"srv-1"»',
      'context-graph-duplicate-ci 7:13-7:18 «"new"»',
      'context-graph-unknown-entity 9:13-9:20 «"fresh"»',
      'context-graph-unknown-entity 10:13-10:20 «"ghost"»',
      'context-graph-unknown-link-end 13:15-13:28 «"conn/nagois"»',
      'context-graph-unknown-link 15:15-15:28 «"conn/nagios"»',
    ]);
    const [deletedUpdated, exists, duplicate, createdThenUpdated, ghost, typo, noLink] = analysis.findings;
    assert.match(deletedUpdated.message, /^The entity legacy to be deleted is updated in the same import\. Update aborted\./);
    assert.deepEqual(located(deletedUpdated.related!.map((r) => ({ ...exists, range: r.range })), text), ['context-graph-entity-exists 3:13-3:21 «"legacy"»']);
    assert.match(exists.message, /^The ci of id srv-1 match an existing entity\./);
    assert.ok(exists.related?.some((r) => r.range.file.endsWith('base.json')));
    assert.equal(duplicate.severity, 'warning');
    assert.match(duplicate.message, /replaces the entity the earlier create makes, entirely/);
    assert.match(createdThenUpdated.message, /^The ci of id fresh does not match any existing entity\. "fresh" is only created earlier in this import/);
    assert.match(ghost.message, /"ghost" is not in the context graph \(base\.json\)/);
    assert.match(typo.message, /Did you mean "conn\/nagios"\?/);
    assert.equal(typo.fixes?.[0].edits[0].newText, '"conn/nagios"');
    assert.match(noLink.message, /^There is no link from "conn\/nagios" to "cpu\/srv-1" to delete/);
  });

  it('the first abort follows the engine: elements in file order, the deleted-then-updated check last', () => {
    const { analysis } = analyzeFixture('conflicts.contextgraph.json');
    assert.equal(analysis.abort?.code, 'context-graph-entity-exists');
    assert.match(analysis.abort!.message, /Canopsis stops the whole import here: nothing in this file is applied\.$/);
  });

  it('without a base graph, says nothing about entities it cannot know, but still about the import itself', () => {
    const { analysis, text } = analyzeFixture('conflicts.contextgraph.json', { base: null });
    assert.deepEqual(located(analysis.findings, text), [
      'context-graph-deleted-entity-updated 4:13-4:21 «"legacy"»',
      'context-graph-duplicate-ci 7:13-7:18 «"new"»',
      'context-graph-unknown-entity 9:13-9:20 «"fresh"»',
    ]);
  });

  it('context-graph-base-graph: a base graph that cannot be read is reported once, and checks go on', () => {
    const { analysis, text } = analyzeFixture('conflicts.contextgraph.json', { base: 'missing.json' });
    assert.equal(located(analysis.findings, text)[0], 'context-graph-base-graph 1:1-1:2 «{»');
    assert.match(analysis.findings[0].message, /^The base context graph cannot be used: the file missing\.json cannot be read/);
    assert.equal(analysis.findings[0].severity, 'warning');
  });

  it('context-graph-file-too-large: refuses a file above the limit without parsing it', () => {
    const { analysis, text } = analyzeFixture('valid.contextgraph.json', { maxBytes: 100 });
    assert.deepEqual(located(analysis.findings, text), ['context-graph-file-too-large 1:1-1:2 «{»']);
    assert.equal(analysis.parsed, undefined);
    assert.match(analysis.findings[0].message, /above the 0\.0 MB limit of integrationLens\.contextGraph\.maxFileSizeMB/);
  });
});
