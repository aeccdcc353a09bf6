import * as assert from 'node:assert/strict';
import { entityExpectedAt, parseJ1ql } from '../../../server/src/core/j1ql';

const refs = (query: string) => parseJ1ql(query).references.map((r) => `${r.clause} ${r.kind} ${r.name} ${query.slice(r.start, r.end)}`);

describe('j1ql: references', () => {
  it('FIND and THAT targets, snake_case types and TitleCase classes', () => {
    assert.deepEqual(refs('FIND (aws_instance|Host) AS h THAT HAS >> Device THAT !USES acme_app_v2'), [
      'find type aws_instance aws_instance',
      'find class Host Host',
      'that class Device Device',
      'that type acme_app_v2 acme_app_v2',
    ]);
  });
  it('inside optional traversals and verb alternatives', () => {
    assert.deepEqual(refs('find a (that has B)? that (has|uses) c_d'), ['find type a a', 'that class B B', 'that type c_d c_d']);
  });
  it('not verbs, aliases, properties, smart classes, *, placeholders or strings', () => {
    assert.deepEqual(
      refs(`FIND #Smart AS Alias WITH _type = 'aws_x' AND Host = 1 THAT ALLOWS AS Rule * THAT HAS {{type}} THAT HAS \${t} RETURN Alias.Host`),
      [],
    );
    assert.deepEqual(refs(`FIND "Administrator"`), []);
  });
  it('offsets into a multi-line query', () => {
    const q = 'FIND x\n  THAT HAS\n    Device';
    const r = parseJ1ql(q).references[1]!;
    assert.deepEqual([r.start, r.end], [q.indexOf('Device'), q.length]);
  });
});

describe('j1ql: entityExpectedAt', () => {
  /** The answer at the `§` marker, the marker removed. */
  const at = (marked: string) => {
    const offset = marked.indexOf('§');
    return entityExpectedAt(marked.replace('§', ''), offset);
  };
  it('after FIND, empty or partial', () => {
    assert.deepEqual(at('FIND §'), { start: 5, end: 5, prefix: '' });
    assert.deepEqual(at('FIND aws_§'), { start: 5, end: 9, prefix: 'aws_' });
    assert.deepEqual(at('find aw§s_instance WITH a = 1'), { start: 5, end: 17, prefix: 'aw' });
    assert.deepEqual(at('FIND UNIQUE §'), { start: 12, end: 12, prefix: '' });
  });
  it('after a THAT verb, a direction, a relationship alias, RELATES TO', () => {
    assert.deepEqual(at('FIND x THAT HAS Us§'), { start: 16, end: 18, prefix: 'Us' });
    assert.deepEqual(at('FIND x THAT !HAS >> §'), { start: 20, end: 20, prefix: '' });
    assert.deepEqual(at('FIND x THAT ALLOWS AS rule §'), { start: 27, end: 27, prefix: '' });
    assert.deepEqual(at('FIND x THAT RELATES TO §y'), { start: 23, end: 24, prefix: '' });
    assert.deepEqual(at('FIND x\n  THAT (HAS|USES)\n    §'), { start: 29, end: 29, prefix: '' });
    assert.deepEqual(at('FIND x (THAT HAS §'), { start: 17, end: 17, prefix: '' });
  });
  it('after ( and | in alternatives', () => {
    assert.deepEqual(at('FIND (§'), { start: 6, end: 6, prefix: '' });
    assert.deepEqual(at('FIND (aws_a|Ho§'), { start: 12, end: 14, prefix: 'Ho' });
    assert.deepEqual(at('FIND x THAT HAS (A | §) RETURN TREE'), { start: 21, end: 21, prefix: '' });
  });
  it('nowhere else: verbs, properties, values, aliases, smart classes, strings, comments', () => {
    assert.equal(at('FIND x THAT §'), undefined);
    assert.equal(at('FIND x THAT HA§'), undefined);
    assert.equal(at('FIND x THAT (HAS|U§'), undefined);
    assert.equal(at('FIND x WITH §'), undefined);
    assert.equal(at('FIND x WITH a = §'), undefined);
    assert.equal(at('FIND x AS §'), undefined);
    assert.equal(at('FIND #Sm§'), undefined);
    assert.equal(at("FIND x WITH a = 'aws_|"), undefined);
    assert.equal(at('FIND /* aws_§ */'), undefined);
    assert.equal(at('FIND x WITH a.§'), undefined);
    assert.equal(at('FIND x §'), undefined);
    assert.equal(at('FIND x RETURN §'), undefined);
  });
  it('out-of-range offsets', () => {
    assert.equal(entityExpectedAt('FIND ', -1), undefined);
    assert.equal(entityExpectedAt('FIND ', 6), undefined);
  });
});
