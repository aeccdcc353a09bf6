import * as assert from 'node:assert/strict';
import { ts } from '../../../server/src/core/project/ts';
import { parseFile } from '../../../server/src/core/project/sourceFile';
import { tokenStart } from '../../../server/src/core/project/tokenStart';

/**
 * The parse path takes two shortcuts around TypeScript for speed (bindParents instead of setParentNodes,
 * tokenStart instead of getStart); both must give exactly TypeScript's answers, trivia of every kind included.
 */
const TRICKY = [
  '#!/usr/bin/env node',
  '/** A JSDoc on the import. @see other */',
  "import { a } from './a'; // trailing comment",
  '/* block */ export const x = /* inline */ a + // line',
  '  \t\v\f 1;',
  '\u00a0\u2003const spaced\u3000= 2;\r\n',
  '<<<<<<< HEAD',
  'const left = 1;',
  '=======',
  'const right = 2;',
  '>>>>>>> branch',
  '/**',
  ' * @param p the parameter',
  ' * @returns {number}',
  ' */',
  'export function f(p: number, { q = 1, ...rest }: any = {}): number {',
  '  const chain = a?.b?.[0]!.c as any satisfies unknown;',
  '  return p > 1 ? (p as number) << 2 : p >>> 1 || p ?? 0;',
  '}',
  'class C { #priv = 1; get g() { return this.#priv; } static { f(1); } }',
  'const missing = ;',
  'type T = { [K in keyof C]: C[K] } | `t${string}`;',
  '/** trailing JSDoc at the end of the file */',
].join('\n');

const JSX = 'const el = <div a="1" {...p}>\n  text {value} <b>more</b>\n</div>;\n';

function allNodes(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    out.push(node);
    ts.forEachChild(node, visit);
    for (const doc of (node as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(doc);
  };
  visit(sf);
  return out;
}

describe('parse shortcuts agree with TypeScript', () => {
  for (const [name, file, text] of [
    ['TypeScript with every kind of trivia', '/p/tricky.ts', TRICKY],
    ['TSX', '/p/view.tsx', JSX],
    ['JavaScript', '/p/plain.js', 'module.exports = { a: 1 }; /* c */ exports.b = () => 2;\n'],
  ] as const) {
    it(`bindParents sets the parents setParentNodes would: ${name}`, () => {
      const ours = allNodes(parseFile(file, text, '1').sourceFile);
      const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      const theirs = allNodes(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
      assert.equal(ours.length, theirs.length);
      ours.forEach((node, i) => {
        const expected = theirs[i].parent;
        assert.equal(node.kind, theirs[i].kind);
        assert.equal(node.parent?.kind, expected?.kind, `parent of ${ts.SyntaxKind[node.kind]} at ${node.pos}`);
        assert.equal(node.parent?.pos, expected?.pos);
        assert.equal(node.parent?.end, expected?.end);
      });
    });

    it(`tokenStart equals getStart on every node: ${name}`, () => {
      const sf = parseFile(file, text, '1').sourceFile;
      for (const node of allNodes(sf)) assert.equal(tokenStart(node, sf), node.getStart(sf), `${ts.SyntaxKind[node.kind]} at ${node.pos}`);
    });
  }
});
