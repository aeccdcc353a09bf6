import { ts } from './ts';

const SK = ts.SyntaxKind;
const JSDOC_FLAG = ts.NodeFlags.JSDoc;

/**
 * `node.getStart(sourceFile)` (where the node's first token starts, after leading trivia), computed
 * without TypeScript's general path for the common case: the evaluator asks for ~60,000 ranges per
 * check, and getTokenPosOfNode -> skipTrivia is a chain of calls for what is mostly a few spaces.
 * Plain spaces, tabs and line breaks are skipped here; anything else skipTrivia treats specially
 * (comments, conflict markers, a shebang, non-ASCII whitespace, JSDoc and missing nodes) goes to
 * TypeScript, so the answer is always the same.
 */
export function tokenStart(node: ts.Node, sourceFile: ts.SourceFile): number {
  let pos = node.pos;
  const kind = node.kind;
  if (
    pos < 0 || pos >= node.end || (node.flags & JSDOC_FLAG) !== 0 ||
    (kind >= SK.FirstJSDocNode && kind <= SK.LastJSDocNode) || kind === SK.JsxText || kind === SK.SyntaxList
  ) {
    return node.getStart(sourceFile);
  }
  const text = sourceFile.text;
  for (;;) {
    const ch = text.charCodeAt(pos);
    if (ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === 11 || ch === 12) pos++;
    else if (ch > 127 || ch === 47 || ch === 60 || ch === 124 || ch === 61 || ch === 62 || ch === 35) return node.getStart(sourceFile);
    else return pos;
  }
}
