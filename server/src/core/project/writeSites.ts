import { ts } from './ts';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/**
 * Where code may change a variable: an assignment (`x = 1`, `a.b += 2`, `[x, y] = pair`), an update
 * (`x++`, `--x`), the target of `for (x of ...)` / `for (x in ...)`, a call of a mutating method
 * (`seen.add(id)`, `cache.items.push(x)`) or `Object.assign(target, ...)`.
 */
export type WriteSite =
  | ts.BinaryExpression
  | ts.PrefixUnaryExpression
  | ts.PostfixUnaryExpression
  | ts.ForOfStatement
  | ts.ForInStatement
  | ts.CallExpression;

/** Methods of arrays, maps and sets that change their receiver. */
export const MUTATING_METHODS = new Set([
  'push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear',
]);

/**
 * Whether `node` is a write site. bindParents asks it of every node of every parsed file: the
 * kinds that can be one are few, and the test of the kind comes first.
 */
export function isWriteSite(node: ts.Node): node is WriteSite {
  switch (node.kind) {
    case SK.BinaryExpression: {
      const op = (node as ts.BinaryExpression).operatorToken.kind;
      return op >= SK.FirstAssignment && op <= SK.LastAssignment;
    }
    case SK.PrefixUnaryExpression:
    case SK.PostfixUnaryExpression: {
      const op = (node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression).operator;
      return op === SK.PlusPlusToken || op === SK.MinusMinusToken;
    }
    case SK.ForOfStatement:
    case SK.ForInStatement:
      return (node as ts.ForOfStatement).initializer.kind !== SK.VariableDeclarationList;
    case SK.CallExpression:
      return mutatedByCall(node as ts.CallExpression) !== undefined;
    default:
      return false;
  }
}

/** What a call changes: the receiver of a mutating method, the target of `Object.assign`. */
export function mutatedByCall(call: ts.CallExpression): ts.Expression | undefined {
  const callee = call.expression;
  if (callee.kind !== SK.PropertyAccessExpression) return undefined;
  const access = callee as ts.PropertyAccessExpression;
  const method = access.name.text;
  if (MUTATING_METHODS.has(method)) return access.expression;
  if (method === 'assign' && access.expression.kind === SK.Identifier && (access.expression as ts.Identifier).text === 'Object') return call.arguments[0];
  return undefined;
}

/**
 * The variable, member or pattern a write site assigns (`x`, `a.b`, `[x, y]`); undefined for a mutating call,
 * which changes an object and not which value a variable holds.
 */
export function assignedTarget(site: WriteSite): ts.Node | undefined {
  switch (site.kind) {
    case SK.BinaryExpression:
      return site.left;
    case SK.PrefixUnaryExpression:
    case SK.PostfixUnaryExpression:
      return site.operand;
    case SK.ForOfStatement:
    case SK.ForInStatement:
      return site.initializer;
    default:
      return undefined;
  }
}

/** What a write site changes: what it assigns, or what a mutating call changes. */
export function changedTarget(site: WriteSite): ts.Node | undefined {
  return site.kind === SK.CallExpression ? mutatedByCall(site) : assignedTarget(site);
}

/** Sites in source order; an enclosing site before the sites inside it. */
export function sortSites(sites: WriteSite[]): WriteSite[] {
  return sites.sort((a, b) => a.pos - b.pos || b.end - a.end);
}

/** The sites of a parsed file (sorted), by its tree: set when the file is bound. */
const sitesByFile = new WeakMap<ts.SourceFile, WriteSite[]>();

export function setWriteSites(sourceFile: ts.SourceFile, sites: WriteSite[]): void {
  sitesByFile.set(sourceFile, sites);
}

/** The write sites of the file `node` is in. A tree that was not bound by bindParents is searched once. */
export function writeSitesOf(node: ts.Node): readonly WriteSite[] {
  let root = node;
  while (root.parent) root = root.parent;
  if (root.kind !== SK.SourceFile) return collectWriteSites(root);
  const sourceFile = root as ts.SourceFile;
  let sites = sitesByFile.get(sourceFile);
  if (!sites) sitesByFile.set(sourceFile, (sites = collectWriteSites(sourceFile)));
  return sites;
}

function collectWriteSites(root: ts.Node): WriteSite[] {
  const sites: WriteSite[] = [];
  const visit = (n: ts.Node): void => {
    if (isWriteSite(n)) sites.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return sortSites(sites);
}

/** The write sites inside `node` (itself included), in source order. */
export function writeSitesWithin(node: ts.Node): WriteSite[] {
  const sites = writeSitesOf(node);
  // The first site that starts at or after the node: sites are sorted by start.
  let lo = 0;
  let hi = sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sites[mid].pos < node.pos) lo = mid + 1;
    else hi = mid;
  }
  const within: WriteSite[] = [];
  for (let i = lo; i < sites.length && sites[i].pos < node.end; i++) if (sites[i].end <= node.end) within.push(sites[i]);
  return within;
}
