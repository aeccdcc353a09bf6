import * as assert from 'node:assert/strict';
import { EVENT_ID, getScalarValue, parseEvents, type ScalarEvent } from 'js-yaml';
import { fileRange, scalarOffsets } from '../../../server/src/core/questions/scalarOffsets';

function scalars(text: string): ScalarEvent[] {
  return parseEvents(text, {}).filter((e): e is ScalarEvent => e.type === EVENT_ID.SCALAR);
}

/** The scalar whose value is `value`, its offsets, and what the file holds at each of them. */
function mapped(text: string, value: string) {
  const event = scalars(text).find((e) => getScalarValue(text, e) === value);
  assert.ok(event, `no scalar ${JSON.stringify(value)} in ${JSON.stringify(text)}`);
  const map = scalarOffsets(text, event);
  return { map, at: (i: number) => text[map.offsets[i]], event };
}

/** Every character a scalar copies from the file is found where the map says (folded breaks and escapes aside). */
function assertCopiedCharactersExact(text: string): void {
  for (const event of scalars(text)) {
    const value = getScalarValue(text, event);
    const map = scalarOffsets(text, event);
    assert.ok(map.exact, `inexact map for ${JSON.stringify(value)}`);
    assert.equal(map.offsets.length, value.length + 1);
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      const src = text[map.offsets[i]];
      if (c === src) continue;
      // js-yaml ends a block scalar with a break even at the end of the file: it maps to the end.
      if (c === '\n' && map.offsets[i] === text.length) continue;
      // Folding turns a break into a space or drops it; escapes write one character with two or more.
      const folded = (c === ' ' || c === '\n') && (src === '\n' || src === '\r');
      const escaped = src === '\\' || (src === "'" && c === "'");
      assert.ok(folded || escaped, `value[${i}]=${JSON.stringify(c)} maps to ${JSON.stringify(src)} at ${map.offsets[i]} in ${JSON.stringify(value)}`);
    }
    for (let i = 1; i < map.offsets.length; i++) assert.ok(map.offsets[i] >= map.offsets[i - 1], 'offsets never go back');
  }
}

describe('questions: offsets inside YAML scalars', () => {
  it('maps plain, quoted and block scalars of every chomping exactly', () => {
    assertCopiedCharactersExact('a: plain value\nb: plain\n  continued  \n\n\n  para\n');
    assertCopiedCharactersExact("a: 'it''s'\nb: 'two\n  lines\n\n  and a paragraph'\n");
    assertCopiedCharactersExact('a: "tab\\there \\"q\\" \\u00e9 \\x41 \\U0001F600"\nb: "joined \\\n   line"\nc: "folded\n   line"\n');
    assertCopiedCharactersExact('a: |\n  FIND x\n    THAT HAS y\n\n  RETURN x\nb: |-\n  strip\nc: |+\n  keep\n\n\nd: x\n');
    assertCopiedCharactersExact('a: >\n  folded\n  line\n\n  para\n    more indented\n  back\nb: >-\n  x\n  y\nc: >2\n   lead\n  x\n');
    assertCopiedCharactersExact('a: >-\r\n  crlf\r\n  lines\r\n\r\n  para\r\n');
    assertCopiedCharactersExact('a: |\n  no final break');
  });

  it('maps the characters of a folded query to their own lines', () => {
    const text = 'query: >-\n  FIND acme_user\n    THAT HAS acme_group\n  RETURN x\n';
    // Folded: the more-indented line keeps its breaks, the others fold to spaces.
    const { map, at } = mapped(text, 'FIND acme_user\n  THAT HAS acme_group\nRETURN x');
    const value = 'FIND acme_user\n  THAT HAS acme_group\nRETURN x';
    const group = value.indexOf('acme_group');
    assert.equal(text.slice(map.offsets[group], map.offsets[group] + 10), 'acme_group');
    assert.equal(at(value.indexOf('RETURN')), 'R');
    assert.deepEqual(fileRange(map, group, group + 'acme_group'.length), { start: text.indexOf('acme_group'), end: text.indexOf('acme_group') + 10 });
  });

  it('maps a folded line join to the break it replaces', () => {
    const text = 'q: >\n  FIND a\n  WITH b = 1\n';
    const value = 'FIND a WITH b = 1\n';
    const { map } = mapped(text, value);
    assert.equal(map.offsets[value.indexOf(' WITH')], text.indexOf('\n  WITH'));
    assert.equal(map.offsets[value.indexOf('WITH')], text.indexOf('WITH'));
  });

  it('maps through escapes in double-quoted scalars', () => {
    const text = 'q: "FIND x WITH name = \\"a\\" AND y = 1"\n';
    const value = 'FIND x WITH name = "a" AND y = 1';
    const { map } = mapped(text, value);
    assert.equal(map.offsets[value.indexOf('AND')], text.indexOf('AND'));
    assert.equal(text.slice(map.offsets[value.indexOf('"a"')], map.offsets[value.indexOf('"a"')] + 2), '\\"');
  });

  it('falls back to an inexact map rather than a wrong one', () => {
    // A value the decoder does not model is reported as inexact; callers then point at the whole scalar.
    const text = 'a: "x"\n';
    const event = scalars(text)[1];
    // An invalid escape never reaches here from the parser; it stands for any decoding the map does not model.
    const map = scalarOffsets('\\q', { ...event, valueStart: 0, valueEnd: 2 });
    assert.equal(map.exact, false);
  });
});
