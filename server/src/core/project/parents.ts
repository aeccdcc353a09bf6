import { ts } from './ts';
import { isWriteSite, sortSites, type WriteSite } from './writeSites';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/**
 * Sets `parent` on every node of a freshly parsed file, as `createSourceFile(..., setParentNodes: true)` does
 * (JSDoc nodes included). TypeScript's own pass (setParentRecursive) allocates an array and a closure per node
 * and costs about a fifth of the parse; this one walks with one explicit stack (no recursion: a left-deep chain
 * of `a + b + ...` thousands long parses without recursion and must bind without it) and two shared callbacks.
 * The same walk finds the file's write sites (assignments, updates, mutating calls), so that the questions
 * "which variables does this callback assign" and "is this module variable ever changed" never walk a tree again.
 */
const stack: ts.Node[] = [];
let current: ts.Node;

/**
 * Tokens (identifiers, literals, keywords: some 40% of a tree) have no children, so they are not
 * stacked; the end-of-file token is, for the JSDoc a file may end with.
 */
function hasChildren(kind: ts.SyntaxKind): boolean {
  return kind > SK.LastToken || kind === SK.EndOfFileToken;
}

function bindChild(child: ts.Node): undefined {
  (child as { parent: ts.Node }).parent = current;
  if (hasChildren(child.kind)) stack.push(child);
  return undefined;
}

function bindChildren(children: ts.NodeArray<ts.Node>): undefined {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    (child as { parent: ts.Node }).parent = current;
    if (hasChildren(child.kind)) stack.push(child);
  }
  return undefined;
}

/** Binds parents under `root`; returns the write sites under it, in source order. */
export function bindParents(root: ts.Node): WriteSite[] {
  const sites: WriteSite[] = [];
  stack.length = 0;
  stack.push(root);
  while (stack.length > 0) {
    current = stack.pop() as ts.Node;
    const kind = current.kind;
    if (
      (kind === SK.CallExpression || kind === SK.BinaryExpression || kind === SK.PrefixUnaryExpression ||
        kind === SK.PostfixUnaryExpression || kind === SK.ForOfStatement || kind === SK.ForInStatement) &&
      isWriteSite(current)
    ) {
      sites.push(current);
    }
    ts.forEachChild(current, bindChild, bindChildren);
    const docs = (current as { jsDoc?: ts.Node[] }).jsDoc;
    if (docs) for (const doc of docs) bindChild(doc);
  }
  return sortSites(sites);
}
