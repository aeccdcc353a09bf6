import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { contextGraphKind, DEFAULT_DOCUMENT_SETTINGS, diskFileHost } from '../../../server/src/core';
import { analyzeFixture, FIXTURES } from './helpers';

const context = { root: FIXTURES, settings: { ...DEFAULT_DOCUMENT_SETTINGS, contextGraphBase: 'base.json' }, host: diskFileHost };

describe('context-graph: hover and definition', () => {
  const { text, file } = analyzeFixture('valid.contextgraph.json');
  const at = (needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    return i + 1;
  };

  it('hover on a link end shows the entity after the import', () => {
    const hover = contextGraphKind.hover!(file, text, at('"srv-2"', 2), context);
    assert.ok(hover);
    assert.equal(text.slice(hover.range.start, hover.range.end), '"srv-2"');
    assert.match(hover.markdown, /^\*\*srv-2\*\* \(component\)/);
    assert.match(hover.markdown, /created by this import/);
    assert.match(hover.markdown, /impact: `disk\/srv-2`/);
    assert.match(hover.markdown, /depends: `conn\/nagios`/);
  });

  it('hover on a base entity named by a link says where it comes from', () => {
    const hover = contextGraphKind.hover!(file, text, at('"conn/nagios"'), context);
    assert.match(hover!.markdown, /^\*\*conn\/nagios\*\* \(connector\) — nagios/);
    assert.match(hover!.markdown, /updated by this import/);
    assert.match(hover!.markdown, /In the base graph: base\.json/);
  });

  it('no hover on keys and other strings', () => {
    assert.equal(contextGraphKind.hover!(file, text, at('"action"'), context), undefined);
    assert.equal(contextGraphKind.hover!(file, text, at('"component"'), context), undefined);
  });

  it('definition from a link end goes to the ci that creates it', () => {
    const definition = contextGraphKind.definition!(file, text, at('"disk/srv-2"', 1), context);
    assert.equal(definition?.targets.length, 1);
    const target = definition!.targets[0];
    assert.equal(text.slice(target.selectionRange.start, target.selectionRange.end), '"disk/srv-2"');
    assert.equal(target.selectionRange.start, text.indexOf('"disk/srv-2"'));
  });

  it('definition of an entity only in the base graph goes to the base file', () => {
    const definition = contextGraphKind.definition!(file, text, at('"conn/nagios"'), context);
    const target = definition!.targets[0];
    assert.equal(target.range.file, path.join(FIXTURES, 'base.json'));
    assert.equal(diskFileHost.readFile(target.range.file)!.slice(target.range.start, target.range.end), '"conn/nagios"');
  });
});
