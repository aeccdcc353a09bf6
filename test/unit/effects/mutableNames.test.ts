import * as assert from 'node:assert/strict';
import { isMutableModuleName } from '../../../server/src/core/effects/scans';
import type { ModuleRecord } from '../../../server/src/core/evaluator/moduleRecord';

/** The rule isMutableModuleName implements, with regular expressions only (its shortcuts must agree). */
const CHAIN = String.raw`(?:\s*(?:\??\.\s*[\w$]+|\[[^\]\n]*\]))*`;
const WRITE_AFTER = new RegExp(
  String.raw`^${CHAIN}\s*(?:(?:[-+*/%&|^]|\*\*|<<|>>>?|\|\||&&|\?\?)?=(?![=>])|\+\+|--)` +
    String.raw`|^${CHAIN}?\s*\??\.\s*(?:push|unshift|splice|pop|shift|sort|reverse|fill|copyWithin|set|add|delete|clear)\s*\(`,
);
function reference(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if ((before && (/[\w$]/.test(before) || before === '.')) || (after && /[\w$]/.test(after))) continue;
    const prefix = text.slice(Math.max(0, at - 40), at);
    if (/(?:const|let|var)\s+$/.test(prefix)) continue;
    if (/(?:\+\+|--)\s*$/.test(prefix) || /Object\.assign\(\s*$/.test(prefix)) return true;
    if (WRITE_AFTER.test(text.slice(at + name.length, at + name.length + 240))) return true;
  }
  return false;
}

const record = (text: string) => ({ file: { text } }) as unknown as ModuleRecord;

describe('isMutableModuleName', () => {
  const snippets = [
    'Entities.USER._type, Entities.USER',
    'Entities .USER\n  ._type = 1',
    'Entities?.USER?.push(x)',
    'Entities.list .push (x)',
    'Entities.pushed(x)',
    'Entities.USER.set(1)',
    'Entities[key] = 1',
    'Entities.a[0].b += 1',
    'Entities.a ??= 1',
    'Entities.a == 1; Entities.a === 2; Entities.a => 3',
    'Entities.a >>>= 1',
    '++Entities.count',
    '-- Entities.count',
    'Object.assign(Entities, {})',
    'Object.assign( Entities.inner, {})',
    'const Entities = {}; let Entities2 = 1',
    'f(Entities); g(Entities, 1)',
    'Entities++',
    'Entities\u00a0= 2',
    'x.Entities = 1; myEntities = 2; Entities$ = 3',
    'Entities.' + 'a'.repeat(300) + ' = 1',
    ' '.repeat(250) + 'Entities' + ' '.repeat(250) + '= 1',
    'Entities.a.\n  b\n  = 1',
    'Entities.\u00a0a = 1',
    'Entities.a?.\u2003b.clear()',
    'Entities',
  ];
  for (const text of snippets) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    it(`agrees with the regular expressions: ${JSON.stringify(shown)}`, () => {
      assert.equal(isMutableModuleName(record(text), 'Entities'), reference(text, 'Entities'));
    });
  }

  it('finds writes and ignores reads', () => {
    assert.equal(isMutableModuleName(record('export const Entities = {}; Entities.USER.push(1);'), 'Entities'), true);
    assert.equal(isMutableModuleName(record('export const Entities = {}; use(Entities.USER._type);'), 'Entities'), false);
  });
});
