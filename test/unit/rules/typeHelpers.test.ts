import * as assert from 'node:assert/strict';
import { removeListElement } from '../../../server/src/core/rules/listEdits';
import { couldBeGenerated } from '../../../server/src/core/rules/typeMatch';

function remove(source: string, item: string): string | undefined {
  const list = { file: 'f.ts', start: source.indexOf('['), end: source.lastIndexOf(']') + 1 };
  const start = source.indexOf(item);
  const edit = removeListElement(list, { file: 'f.ts', start, end: start + item.length }, () => source);
  return edit && source.slice(0, edit.range.start) + edit.newText + source.slice(edit.range.end);
}

describe('rule helpers for types', () => {
  it('removes a list element with its separator, first, last, only, multi-line, trailing comma', () => {
    assert.equal(remove('x = [A, B, C];', 'A'), 'x = [B, C];');
    assert.equal(remove('x = [A, B, C];', 'C'), 'x = [A, B];');
    assert.equal(remove('x = [A];', 'A'), 'x = [];');
    assert.equal(remove('x = [\n  A,\n  B,\n];', 'A'), 'x = [\n  B,\n];');
    assert.equal(remove('x = [\n  A,\n  B,\n];', 'B'), 'x = [\n  A\n];');
    assert.equal(remove('x = [\n  A,\n];', 'A'), 'x = [];');
    assert.equal(remove('x = [A /* keep */, B];', 'A'), undefined);
  });

  it('tells which types generateRelationshipType can give when an endpoint type is unknown', () => {
    assert.equal(couldBeGenerated('acme_account_has_user', 'HAS', 'acme_account', undefined), true);
    assert.equal(couldBeGenerated('acme_group_has_user', 'HAS', 'acme_account', undefined), false);
    assert.equal(couldBeGenerated('acme_account_has_user', 'HAS', undefined, 'acme_user'), true);
    assert.equal(couldBeGenerated('acme_account_has_acme_user', 'HAS', undefined, 'acme_user'), false);
    assert.equal(couldBeGenerated('digitalocean_volume_has_snapshot', 'HAS', undefined, 'digitalocean_volume_snapshot'), true);
    assert.equal(couldBeGenerated('acme_account_uses_user', 'HAS', undefined, undefined), false);
    assert.equal(couldBeGenerated('mapping_source_is_okta_user', 'IS', 'mapping_source', 'okta_user'), true);
  });
});
