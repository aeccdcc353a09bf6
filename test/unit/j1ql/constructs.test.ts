import * as assert from 'node:assert/strict';
import {
  parseJ1ql,
  type J1qlComparison,
  type J1qlCondition,
  type J1qlExpression,
  type J1qlQuery,
  type J1qlTraversal,
} from '../../../server/src/core/j1ql';

/** Parses a query that must be valid and returns its tree. */
function ok(query: string): J1qlQuery {
  const r = parseJ1ql(query);
  assert.deepEqual(r.errors, [], `${query} should parse`);
  assert.ok(r.ast);
  return r.ast;
}

function comparison(c: J1qlCondition | undefined): J1qlComparison {
  assert.equal(c?.kind, 'comparison');
  return c as J1qlComparison;
}

/** The right-hand side of `FIND x WITH a <op> <value>`. */
function valueOf(value: string, op = '='): J1qlExpression {
  return comparison(ok(`FIND x WITH a ${op} ${value}`).find.with).right;
}

function traversal(q: J1qlQuery, i = 0): J1qlTraversal {
  const t = q.traversals[i];
  assert.equal(t?.kind, 'traversal');
  return t as J1qlTraversal;
}

describe('j1ql: constructs', () => {
  describe('FIND', () => {
    it('a type (snake_case) and a class (TitleCase)', () => {
      assert.deepEqual(ok('FIND aws_instance').find.targets, [{ kind: 'entity', name: 'aws_instance', entityKind: 'type', start: 5, end: 17 }]);
      assert.equal((ok('FIND Host').find.targets[0] as { entityKind: string }).entityKind, 'class');
    });
    it('keywords are case-insensitive, names keep their case', () => {
      const q = ok('find Host with active = true that HAS aws_instance return tree');
      assert.equal((q.find.targets[0] as { name: string }).name, 'Host');
      assert.equal(q.return?.tree, true);
    });
    it('FIND *, FIND Entity', () => {
      assert.equal(ok('FIND *').find.targets[0]!.kind, 'any');
      assert.equal(ok('FIND Entity').find.targets[0]!.kind, 'entity');
    });
    it('alternatives (A|B), with spaces and mixed kinds', () => {
      const q = ok('FIND ( aws_s3_bucket | DataStore| #CriticalAsset )');
      assert.equal(q.find.alternatives, true);
      assert.deepEqual(q.find.targets.map((t) => t.kind), ['entity', 'entity', 'smartClass']);
    });
    it('UNIQUE', () => {
      assert.equal(ok('FIND UNIQUE aws_instance').unique, true);
      assert.equal(ok('FIND aws_instance').unique, false);
    });
    it('full-text search with a string', () => {
      const q = ok(`FIND "Administrator" WITH _class='AccessRole'`);
      assert.deepEqual(q.find.targets[0], { kind: 'fullText', value: 'Administrator', start: 5, end: 20 });
    });
    it('smart classes', () => {
      assert.deepEqual(ok('FIND #CriticalAsset THAT HAS #Prod').find.targets[0], { kind: 'smartClass', name: 'CriticalAsset', start: 5, end: 19 });
    });
    it('AS before or after WITH', () => {
      assert.equal(ok('FIND aws_instance AS i WITH active = true').find.alias?.name, 'i');
      assert.equal(ok('FIND aws_instance WITH active = true AS i').find.alias?.name, 'i');
    });
  });

  describe('THAT traversals', () => {
    it('a verb and a target', () => {
      const t = traversal(ok('FIND User THAT IS Person'));
      assert.deepEqual(t.verbs.map((v) => v.name), ['IS']);
      assert.equal(t.negated, false);
      assert.equal((t.target.targets[0] as { name: string }).name, 'Person');
    });
    it('RELATES TO, verbs upper-cased', () => {
      assert.deepEqual(traversal(ok('FIND User that relates to *')).verbs.map((v) => v.name), ['RELATES TO']);
    });
    it('negation !VERB', () => {
      assert.equal(traversal(ok('FIND aws_instance THAT !HAS aws_ebs_volume')).negated, true);
    });
    it('verb alternatives (A|B), negated or not', () => {
      assert.deepEqual(traversal(ok('FIND User THAT (HAS|owns) Device')).verbs.map((v) => v.name), ['HAS', 'OWNS']);
      assert.equal(traversal(ok('FIND User THAT !(HAS|OWNS) Device')).negated, true);
    });
    it('direction >> and << after the verb, glued or spaced, and before it', () => {
      assert.equal(traversal(ok('FIND User THAT HAS >> Device')).direction, '>>');
      assert.equal(traversal(ok('FIND User THAT HAS<< Device')).direction, '<<');
      assert.equal(traversal(ok('FIND User THAT << HAS Device')).direction, '<<');
      assert.equal(traversal(ok('FIND User THAT ALLOWS AS r >> *')).direction, '>>');
    });
    it('relationship alias: THAT VERB AS alias target', () => {
      const t = traversal(ok('FIND Firewall THAT ALLOWS AS rule (Host|Network) WHERE rule.ingress = true'));
      assert.equal(t.relationshipAlias?.name, 'rule');
      assert.equal(t.target.targets.length, 2);
    });
    it('target alias and WITH on a THAT step', () => {
      const t = traversal(ok('FIND User THAT HAS Device WITH encrypted = false AS d'));
      assert.equal(t.target.alias?.name, 'd');
      assert.equal(comparison(t.target.with).operator, '=');
    });
    it('several steps', () => {
      assert.equal(ok('FIND a THAT HAS b THAT USES c THAT IS d').traversals.length, 3);
    });
    it('optional traversals ( ... )?, one or several steps inside', () => {
      const q = ok('FIND a (THAT HAS b)? (THAT HAS c THAT HAS d)? THAT ALLOWS e');
      assert.deepEqual(q.traversals.map((t) => t.kind), ['optional', 'optional', 'traversal']);
      assert.equal(q.traversals[1]!.kind === 'optional' && q.traversals[1]!.traversals.length, 2);
    });
  });

  describe('WITH / WHERE predicates', () => {
    for (const op of ['=', '!=', '<', '<=', '>', '>=', '~=', '^=', '$=', '!~=', '!^=', '!$=']) {
      it(`operator ${op}`, () => {
        assert.equal(comparison(ok(`FIND x WITH a ${op} 'v'`).find.with).operator, op);
        assert.equal(comparison(ok(`FIND x WITH a${op}'v'`).find.with).operator, op);
      });
    }
    it('AND binds tighter than OR', () => {
      const c = ok('FIND x WITH a = 1 OR b = 2 AND c = 3').find.with;
      assert.equal(c?.kind === 'logical' && c.operator, 'OR');
      assert.equal(c?.kind === 'logical' && c.right.kind === 'logical' && c.right.operator, 'AND');
    });
    it('parenthesised groups', () => {
      const c = ok('FIND x WITH (a = 1 OR b = 2) AND ((c = 3))').find.with;
      assert.equal(c?.kind === 'logical' && c.left.kind, 'conditionGroup');
    });
    it('undefined, true, false, numbers, both quotes', () => {
      assert.equal(valueOf('undefined').kind, 'undefined');
      assert.deepEqual(valueOf('true'), { kind: 'boolean', value: true, start: 16, end: 20 });
      assert.equal(valueOf('FALSE').kind, 'boolean');
      assert.deepEqual(valueOf('3.5'), { kind: 'number', value: 3.5, start: 16, end: 19 });
      assert.deepEqual(valueOf(`"it's"`), { kind: 'string', value: "it's", quote: '"', start: 16, end: 22 });
      assert.deepEqual(valueOf(`'say \\'hi\\''`), { kind: 'string', value: "say 'hi'", quote: "'", start: 16, end: 28 });
    });
    it('value lists with OR or AND', () => {
      const v = valueOf(`('a' or "b" OR 'c')`);
      assert.equal(v.kind === 'list' && v.operator, 'OR');
      assert.equal(v.kind === 'list' && v.items.length, 3);
      assert.equal(valueOf(`('a' AND 'b')`, '!=').kind, 'list');
    });
    it('nested and bracketed properties', () => {
      assert.deepEqual(comparison(ok('FIND x WITH tag.AccountName.x = 1').find.with).left, { kind: 'property', path: ['tag', 'AccountName', 'x'], start: 12, end: 29 });
      assert.deepEqual(comparison(ok('FIND x WITH [tag.goog-gke-node] = undefined').find.with).left, { kind: 'property', path: ['tag.goog-gke-node'], start: 12, end: 31 });
      assert.deepEqual(comparison(ok('FIND x AS a WHERE a.[my-prop] = 1').where).left.kind, 'property');
    });
    it('WHERE compares aliases with each other', () => {
      const c = comparison(ok('FIND User AS u1 THAT HAS UserGroup THAT HAS User AS u2 WHERE u1.email = u2.email').where);
      assert.deepEqual(c.right, { kind: 'property', path: ['u2', 'email'], start: 72, end: 80 });
    });
    it('math', () => {
      const v = valueOf('a.x + 2 * (3 - 1) / 4', '>');
      assert.equal(v.kind === 'math' && v.operator, '+');
      assert.equal(v.kind === 'math' && v.right.kind === 'math' && v.right.operator, '/');
      assert.equal(valueOf('-1').kind, 'unary');
      assert.equal(comparison(ok('FIND x WITH (a.x + 1) * 2 > 3').find.with).left.kind, 'math');
    });
    it('date math: date.now, durations with or without a space, date(...)', () => {
      const v = valueOf('date.now - 1 day', '<');
      assert.equal(v.kind === 'math' && v.left.kind, 'dateNow');
      assert.deepEqual(v.kind === 'math' && v.right, { kind: 'duration', amount: 1, unit: 'day', start: 27, end: 32 });
      assert.equal(valueOf('Date.now-7days', '<').kind, 'math');
      assert.equal(valueOf('date.now + 2 hours - 30 minutes', '>').kind, 'math');
      assert.deepEqual(valueOf('date(2019-10-30T00:00:00Z)', '>'), { kind: 'date', raw: '2019-10-30T00:00:00Z', start: 16, end: 42 });
      assert.equal(valueOf('date(1575936000000)', '>').kind, 'date');
    });
    it('regular expressions after a string operator', () => {
      assert.deepEqual(valueOf('/^adm.*\\/x/i', '~='), { kind: 'regex', pattern: '^adm.*\\/x', flags: 'i', start: 17, end: 29 });
    });
    it('parameters ${ param.x }', () => {
      assert.deepEqual(valueOf('${ param.ipAddress }'), { kind: 'parameter', name: 'ipAddress', start: 16, end: 36 });
    });
  });

  describe('template placeholders', () => {
    it('{{x}} and ${x} as values, inside strings, as names', () => {
      assert.deepEqual(valueOf('{{tenantId}}'), { kind: 'placeholder', text: '{{tenantId}}', start: 16, end: 28 });
      assert.equal(valueOf('${integration_definition_id}').kind, 'placeholder');
      assert.equal(valueOf(`'\${integration_definition_id}'`).kind, 'string');
      assert.equal(ok('FIND {{type}} THAT {{verb}} ${target}').find.targets[0]!.kind, 'placeholder');
      assert.equal(ok('FIND x LIMIT {{n}}').limit?.kind, 'placeholder');
    });
  });

  describe('RETURN', () => {
    it('TREE', () => {
      assert.deepEqual(ok('FIND x THAT HAS y RETURN TREE').return, { kind: 'return', tree: true, items: [], start: 18, end: 29 });
    });
    it('aliases, alias.*, properties, renamed with identifiers or strings', () => {
      const r = ok(`FIND x AS a THAT HAS y AS b RETURN a.*, b.name AS Name, a.id AS "Asset ID", b`).return!;
      assert.deepEqual(r.items.map((i) => i.expression.kind === 'property' && i.expression.path.join('.')), ['a.*', 'b.name', 'a.id', 'b']);
      assert.deepEqual(r.items.map((i) => i.alias?.name), [undefined, 'Name', 'Asset ID', undefined]);
      assert.equal(r.items[2]!.alias?.quoted, true);
    });
    it('aggregates COUNT/MIN/MAX/AVG/SUM, CONCAT, COUNT(*)', () => {
      const r = ok(`FIND x AS a RETURN count(a), MIN(a.n), Max(a.n), AVG(a.n), sum(a.n) AS s, CONCAT(a.first, ' ', a.last) AS full, COUNT(*)`).return!;
      assert.deepEqual(r.items.map((i) => i.expression.kind === 'call' && i.expression.name), ['COUNT', 'MIN', 'MAX', 'AVG', 'SUM', 'CONCAT', 'COUNT']);
      const concat = r.items[5]!.expression;
      assert.equal(concat.kind === 'call' && concat.args.length, 3);
    });
    it('math in RETURN', () => {
      assert.equal(ok('FIND x AS a RETURN a.used / a.total * 100 AS pct').return!.items[0]!.expression.kind, 'math');
    });
  });

  describe('ORDER BY, SKIP, LIMIT', () => {
    it('after RETURN, with directions and several keys', () => {
      const text = 'FIND x AS a RETURN a.name ORDER BY a.name ASC, a.id desc SKIP 10 LIMIT 5';
      const q = ok(text);
      assert.deepEqual(q.orderBy?.items.map((i) => i.direction), ['ASC', 'DESC']);
      assert.deepEqual([q.skip, q.limit], [
        { kind: 'number', value: 10, start: text.indexOf('10'), end: text.indexOf('10') + 2 },
        { kind: 'number', value: 5, start: text.length - 1, end: text.length },
      ]);
    });
    it('without RETURN', () => {
      assert.equal(ok('FIND x AS e ORDER BY e.count DESC').orderBy?.items.length, 1);
      assert.equal(ok('FIND x LIMIT 3').limit?.kind, 'number');
    });
  });

  describe('comments and layout', () => {
    it('/* */ comments anywhere, even inside a value list', () => {
      ok(`/* lead */ FIND x /* a */ WITH a = (/* 'b' or */ 'c' or 'd') /* end */`);
    });
    it('multi-line queries (block scalars)', () => {
      const q = ok('FIND x AS a\n  THAT HAS y\n  RETURN\n    a.name,\n    a.id\n');
      // The query ends at its last token, not at the trailing newline of a block scalar.
      assert.equal(q.end, 54);
    });
    it('node offsets are UTF-16 indexes', () => {
      const q = ok(`FIND x WITH name = '日本🙂' AND b = 1`);
      const c = q.find.with!;
      assert.equal(c.kind === 'logical' && c.right.start, 30);
    });
  });
  describe('FIND SHORTEST PATH', () => {
    // JupiterOne answers this form but publishes no grammar for it: it is left unchecked, never flagged.
    it('is not checked: no error, no reference, and says so', () => {
      for (const query of [
        'FIND SHORTEST PATH FROM (User WITH email = "a@b.c") TO (Host)',
        '/* why */ find shortest path anything at all ((',
      ]) {
        const r = parseJ1ql(query);
        assert.deepEqual({ errors: r.errors, references: r.references, unchecked: r.unchecked }, { errors: [], references: [], unchecked: 'FIND SHORTEST PATH' }, query);
      }
    });
    it('does not hide errors of other queries that mention the words', () => {
      assert.equal(parseJ1ql('FIND shortest_path THAT').errors.length, 1);
      assert.equal(parseJ1ql('FIND User THAT HAS Host').unchecked, undefined);
    });
  });
});
