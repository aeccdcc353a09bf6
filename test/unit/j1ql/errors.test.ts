import * as assert from 'node:assert/strict';
import { parseJ1ql } from '../../../server/src/core/j1ql';

/**
 * The first error of `query`, where `§` marks the expected start (and a second `§` the end; without one the error is
 * zero-width). The markers are removed before parsing.
 */
function errorAt(marked: string): { message: string; start: number; end: number; expected?: string } {
  const start = marked.indexOf('§');
  const rest = marked.slice(start + 1);
  const second = rest.indexOf('§');
  const query = marked.slice(0, start) + rest.replace('§', '');
  const end = second < 0 ? start : start + second;
  const r = parseJ1ql(query);
  assert.equal(r.ast, undefined, `${query} should not parse`);
  assert.equal(r.errors.length, 1);
  const e = r.errors[0]!;
  assert.deepEqual([e.start, e.end], [start, end], `${query}: got ${e.start}-${e.end} "${e.message}"`);
  return e;
}

describe('j1ql: syntax errors', () => {
  it('an empty query wants FIND', () => {
    assert.equal(errorAt('§').message, 'Unexpected end of query, expected FIND');
    assert.equal(errorAt('§  /* only a comment */  ').message, 'Unexpected end of query, expected FIND');
  });
  it('a query that does not start with FIND', () => {
    assert.equal(errorAt('§SELECT§ * FROM x').message, 'Unexpected token "SELECT"');
  });
  it('FIND with nothing after it', () => {
    const e = errorAt('FIND§   ');
    assert.equal(e.message, 'Unexpected end of query, expected a class or type');
    assert.equal(e.expected, 'a class or type');
  });
  it('a keyword where a class or type belongs', () => {
    assert.equal(errorAt('FIND §WITH§ a = 1').message, 'Unexpected token "WITH"');
    assert.equal(errorAt('FIND x THAT HAS §RETURN§ TREE').message, 'Unexpected token "RETURN"');
  });
  it('a second name after the entity', () => {
    assert.equal(errorAt('FIND aws_instance §aws_ebs_volume§').message, 'Unexpected token "aws_ebs_volume"');
  });
  it('an unclosed alternative, an empty alternative', () => {
    assert.equal(errorAt('FIND (A|B|§').message, 'Unexpected end of query, expected a class or type');
    assert.equal(errorAt('FIND (A|§)§').message, 'Unexpected token ")"');
    assert.equal(errorAt('FIND (A|B|C§').message, 'Unexpected end of query, expected ")"');
  });
  it('THAT without a verb, a verb without a target', () => {
    assert.equal(errorAt('FIND x THAT§').message, 'Unexpected end of query, expected a relationship verb');
    assert.equal(errorAt('FIND x THAT HAS§\n').message, 'Unexpected end of query, expected a class or type');
    assert.equal(errorAt('FIND x THAT §=§ y').message, 'Unexpected token "="');
  });
  it('an optional traversal without its ?', () => {
    assert.equal(errorAt('FIND x (THAT HAS y) §RETURN§ TREE').message, 'Unexpected token "RETURN"');
  });
  it('WITH without a predicate, a predicate without an operator or a value', () => {
    assert.equal(errorAt('FIND x WITH§').message, 'Unexpected end of query, expected a property name');
    assert.equal(errorAt('FIND x WITH a §THAT§ HAS y').message, 'Unexpected token "THAT"');
    assert.equal(errorAt('FIND x WITH a =§').message, 'Unexpected end of query, expected a value');
    assert.equal(errorAt('FIND x WITH a = §AND§ b = 1').message, 'Unexpected token "AND"');
    assert.equal(errorAt('FIND x WITH a = 1 AND§').message, 'Unexpected end of query, expected a property name');
  });
  it('operators J1QL does not have', () => {
    assert.equal(errorAt('FIND x WITH a =§=§ 1').message, 'Unexpected token "="');
    assert.equal(errorAt('FIND x WITH a <§>§ 1').message, 'Unexpected token ">"');
  });
  it('an unclosed group or list', () => {
    assert.equal(errorAt("FIND x WITH (a = 1 OR b = 2§").message, 'Unexpected end of query, expected ")"');
    assert.equal(errorAt("FIND x WITH a = ('b' OR 'c'§").message, 'Unexpected end of query, expected ")"');
    assert.equal(errorAt("FIND x WITH a = ('b' OR 'c' §RETURN§ a").message, 'Unexpected token "RETURN"');
  });
  it('an unterminated string spans from its quote to the end', () => {
    assert.equal(errorAt(`FIND x WITH a = §'abc§`).message, `Unexpected end of query, expected "'"`);
    assert.equal(errorAt(`FIND x WITH a = §"abc\n  RETURN x§`).message, `Unexpected end of query, expected '"'`);
  });
  it('unterminated comments, placeholders and bracketed properties', () => {
    assert.equal(errorAt('FIND x §/* no end§').message, 'Unexpected end of query, expected "*/"');
    assert.equal(errorAt('FIND x WITH a = §{{tenant§').message, 'Unexpected end of query, expected "}}"');
    assert.equal(errorAt('FIND x WITH a = §${ param.x§').message, 'Unexpected end of query, expected "}"');
    assert.equal(errorAt('FIND x WITH §[tag.x = 1§').message, 'Unexpected end of query, expected "]"');
  });
  it('a character J1QL does not know', () => {
    assert.equal(errorAt('FIND x WITH a = §@§1').message, 'Unexpected token "@"');
    assert.equal(errorAt('FIND x §;§').message, 'Unexpected token ";"');
    assert.equal(errorAt('FIND x WITH a = §🙂§').message, 'Unexpected token "🙂"');
    assert.equal(errorAt('FIND §#§ x').message, 'Unexpected token "#"');
  });
  it('a syntax error before a lexical one is reported first', () => {
    assert.equal(errorAt('FIND x §y§ @').message, 'Unexpected token "y"');
  });
  it('RETURN, ORDER BY, SKIP and LIMIT need their parts', () => {
    assert.equal(errorAt('FIND x RETURN§').message, 'Unexpected end of query, expected a value');
    assert.equal(errorAt('FIND x AS a RETURN a.name,§').message, 'Unexpected end of query, expected a value');
    assert.equal(errorAt('FIND x AS a RETURN a.name AS§').message, 'Unexpected end of query, expected an alias name');
    assert.equal(errorAt('FIND x AS a RETURN a.§').message, 'Unexpected end of query, expected a property name');
    assert.equal(errorAt('FIND x ORDER §x§').message, 'Unexpected token "x"');
    assert.equal(errorAt('FIND x LIMIT §ten§').message, 'Unexpected token "ten"');
    assert.equal(errorAt('FIND x LIMIT 1 §LIMIT§ 2').message, 'Unexpected token "LIMIT"');
    assert.equal(errorAt('FIND x AS a RETURN a §WHERE§ a.b = 1').message, 'Unexpected token "WHERE"');
  });
  it('unclosed function calls', () => {
    assert.equal(errorAt('FIND x AS a RETURN count(a§').message, 'Unexpected end of query, expected ")"');
  });
  it('deep nesting is refused with an error, not a stack overflow', () => {
    const query = 'FIND x WITH ' + '('.repeat(5000) + 'a = 1' + ')'.repeat(5000);
    const r = parseJ1ql(query);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.message, 'Unexpected token "("');
    assert.equal(r.errors[0]!.start, 'FIND x WITH '.length + 64);
    assert.equal(parseJ1ql('FIND x WITH a = ' + '-'.repeat(100000) + '1').errors.length, 1);
  });
  it('the references before an error are still reported', () => {
    const r = parseJ1ql('FIND aws_instance THAT HAS Host WITH');
    assert.deepEqual(r.references.map((x) => x.name), ['aws_instance', 'Host']);
  });
});
