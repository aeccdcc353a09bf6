import * as assert from 'node:assert/strict';
import { assignedNames, isMutableModuleName } from '../../../server/src/core/effects/scans';
import { ModuleRecord } from '../../../server/src/core/evaluator/moduleRecord';
import { parseFile } from '../../../server/src/core/project/sourceFile';
import { ts } from '../../../server/src/core/project/ts';

const record = (text: string) => new ModuleRecord(parseFile('/p/module.ts', text, '1'));

describe('isMutableModuleName', () => {
  const changed = [
    'Entities.USER._type = 1',
    'Entities?.USER?.push(x)',
    'Entities.list .push (x)',
    'Entities.USER.set(1)',
    'Entities[key] = 1',
    'Entities.a[0].b += 1',
    'Entities.a ??= 1',
    'Entities.a >>>= 1',
    '++Entities.count',
    '-- Entities.count',
    'Entities++',
    'Entities = 2',
    '(Entities as any).x = 1',
    'Entities!.x = 1',
    'Object.assign(Entities, {})',
    'Object.assign( Entities.inner, {})',
    '[Entities, other] = pair',
    '[first, ...Entities] = list',
    '({ Entities } = value)',
    '({ key: Entities.x } = value)',
    'for (Entities of list) {}',
    'for (Entities.key in object) {}',
    'function later() { Entities.cache.clear(); }',
  ];
  for (const text of changed) {
    it(`a write: ${JSON.stringify(text)}`, () => assert.equal(isMutableModuleName(record(text), 'Entities'), true));
  }

  const unchanged = [
    'use(Entities.USER._type, Entities.USER)',
    'Entities.pushed(x)',
    'Entities.a == 1; Entities.a === 2; const f = (Entities) => 3',
    'const Entities = {}; let Entities2 = 1',
    'f(Entities); g(Entities, 1)',
    'x.Entities = 1; myEntities = 2; Entities$ = 3',
    '// Entities = 1 in a comment',
    "const text = 'Entities = 1';",
    'const { Entities = 1 } = options',
    'function f(Entities = {}) { return Entities; }',
    'class C { Entities = 1; }',
    'Object.keys(Entities)',
    'other.push(Entities)',
    'Entities',
  ];
  for (const text of unchanged) {
    it(`no write: ${JSON.stringify(text)}`, () => assert.equal(isMutableModuleName(record(text), 'Entities'), false));
  }
});

describe('assignedNames', () => {
  const fnNamed = (text: string, name: string): ts.Node => {
    const sf = parseFile('/p/module.ts', text, '1').sourceFile;
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) && n.name?.text === name) found = n;
      ts.forEachChild(n, visit);
    };
    visit(sf);
    assert.ok(found, `function ${name}`);
    return found;
  };

  it('names the variables a function and its callbacks assign, in source order, and nothing outside it', () => {
    const text = [
      'let before = 0; before = 1;',
      'function handler() {',
      '  total = 0;',
      '  [a, { b, c: d = 1 }] = pair;',
      '  items.forEach((item) => { count++; --level; last = item; });',
      '  for (key in object) {}',
      '  for (const fresh of list) {}',
      '  seen.add(x); state.field = 1;',
      '}',
      'after = 2;',
    ].join('\n');
    assert.deepEqual(assignedNames(fnNamed(text, 'handler')), ['total', 'a', 'b', 'd', 'count', 'level', 'last', 'key']);
  });

  it('is the same for a tree bound by TypeScript instead of bindParents', () => {
    const text = 'function f() { x = 1; g(() => { y += 2; }); }';
    const sf = ts.createSourceFile('/p/other.ts', text, ts.ScriptTarget.Latest, true);
    const fn = sf.statements[0];
    assert.deepEqual(assignedNames(fn), ['x', 'y']);
  });
});
