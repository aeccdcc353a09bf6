import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverDocuments } from '../../../server/src/cli/discoverDocuments';
import { DEFAULT_DOCUMENT_SETTINGS, diskFileHost, documentKindOf, matchesGlobs, type DocumentKind } from '../../../server/src/core';

/** A kind that owns `*.probe.json` by path and any JSON whose text starts with `{"probe"` by content. */
const probe: DocumentKind = {
  id: 'probe',
  claims: (file, text) => file.endsWith('.probe.json') || text.startsWith('{"probe"'),
  check: (file) => [{ code: 'probe', severity: 'information', range: { file, start: 0, end: 1 }, message: 'seen' }],
  discover: () => ['**/*.json'],
};
const throwing: DocumentKind = { ...probe, id: 'throwing', claims: () => { throw new Error('boom'); } };
const context = { root: '/w', settings: DEFAULT_DOCUMENT_SETTINGS };

describe('document kinds: registry and discovery', () => {
  it('picks the first kind that claims a file, by path or by content', () => {
    assert.equal(documentKindOf('/w/a.probe.json', '{}', context, [probe])?.id, 'probe');
    assert.equal(documentKindOf('/w/a.json', '{"probe": 1}', context, [probe])?.id, 'probe');
    assert.equal(documentKindOf('/w/a.json', '{}', context, [probe]), undefined);
  });

  it('treats a kind that throws while claiming as not claiming', () => {
    assert.equal(documentKindOf('/w/a.probe.json', '{}', context, [throwing, probe])?.id, 'probe');
  });

  it('matches globs relative to the root, never outside it', () => {
    const globs = DEFAULT_DOCUMENT_SETTINGS.contextGraphFiles;
    assert.ok(matchesGlobs('/w/imports/prod.contextgraph.json', '/w', globs));
    assert.ok(matchesGlobs('/w/ops/context-graph/2024/a.json', '/w', globs));
    assert.ok(!matchesGlobs('/w/imports/prod.json', '/w', globs));
    assert.ok(!matchesGlobs('/elsewhere/x.contextgraph.json', '/w', globs));
  });

  it('discovers the files kinds claim under a project, skipping node_modules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-docs-'));
    try {
      fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'data', 'a.probe.json'), '{}');
      fs.writeFileSync(path.join(dir, 'data', 'b.json'), '{"probe": true}');
      fs.writeFileSync(path.join(dir, 'data', 'c.json'), '{}');
      fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'd.probe.json'), '{}');
      const found = discoverDocuments(dir, diskFileHost, DEFAULT_DOCUMENT_SETTINGS, [probe]);
      assert.deepEqual(found.map((d) => path.relative(dir, d.file)), [path.join('data', 'a.probe.json'), path.join('data', 'b.json')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
