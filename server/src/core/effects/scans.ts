import { ts } from '../project/ts';
import type { ModuleRecord } from '../evaluator/moduleRecord';
import { assignedTarget, changedTarget, writeSitesOf, writeSitesWithin } from '../project/writeSites';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

const assignedCache = new WeakMap<ts.Node, string[]>();

function patternNames(node: ts.Node, out: Set<string>): void {
  if (ts.isIdentifier(node)) out.add(node.text);
  else if (ts.isObjectLiteralExpression(node)) {
    for (const p of node.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
      else if (ts.isPropertyAssignment(p)) patternNames(p.initializer, out);
      else if (ts.isSpreadAssignment(p)) patternNames(p.expression, out);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const e of node.elements) patternNames(ts.isSpreadElement(e) ? e.expression : e, out);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === SK.EqualsToken) {
    patternNames(node.left, out);
  } else if (ts.isParenthesizedExpression(node)) patternNames(node.expression, out);
}

/**
 * Names of variables that `node` assigns (`x = ...`, `x++`, `for (x of ...)`), nested functions
 * included: a callback may change the variables it closes over whenever it runs. Read from the write
 * sites bindParents found in the file, not from another walk of the tree.
 */
export function assignedNames(node: ts.Node): string[] {
  const cached = assignedCache.get(node);
  if (cached) return cached;
  const names = new Set<string>();
  for (const site of writeSitesWithin(node)) {
    const target = assignedTarget(site);
    if (target) patternNames(target, names);
  }
  const result = [...names];
  assignedCache.set(node, result);
  return result;
}

const jumpCache = new WeakMap<ts.Node, boolean>();

/** Whether a loop body may leave early (break, continue, return, throw) outside nested functions. */
export function hasJumps(node: ts.Node): boolean {
  const cached = jumpCache.get(node);
  if (cached !== undefined) return cached;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isBreakStatement(n) || ts.isContinueStatement(n) || ts.isReturnStatement(n) || ts.isThrowStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  jumpCache.set(node, found);
  return found;
}

/** Module-level names each file changes, found from its write sites once. */
const changedCache = new WeakMap<ModuleRecord, Set<string>>();

/**
 * The variables a write changes, by the name they are reached through: `a` for `a = 1`, `a.b.c = 1`,
 * `a[k]++`, `a.items.push(x)` and `Object.assign(a, ...)`, and every name a destructuring target binds.
 */
function changedRoots(target: ts.Node, out: Set<string>): void {
  switch (target.kind) {
    case SK.Identifier:
      out.add((target as ts.Identifier).text);
      return;
    case SK.ParenthesizedExpression:
    case SK.AsExpression:
    case SK.SatisfiesExpression:
    case SK.NonNullExpression:
    case SK.TypeAssertionExpression:
    case SK.PropertyAccessExpression:
    case SK.ElementAccessExpression:
      changedRoots((target as ts.PropertyAccessExpression).expression, out);
      return;
    case SK.ObjectLiteralExpression:
      for (const p of (target as ts.ObjectLiteralExpression).properties) {
        if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
        else if (ts.isPropertyAssignment(p)) changedRoots(p.initializer, out);
        else if (ts.isSpreadAssignment(p)) changedRoots(p.expression, out);
      }
      return;
    case SK.ArrayLiteralExpression:
      for (const e of (target as ts.ArrayLiteralExpression).elements) changedRoots(ts.isSpreadElement(e) ? e.expression : e, out);
      return;
    case SK.BinaryExpression:
      // A default in a destructuring target (`[a = 1] = list`).
      if ((target as ts.BinaryExpression).operatorToken.kind === SK.EqualsToken) changedRoots((target as ts.BinaryExpression).left, out);
      return;
    default:
      return;
  }
}

/**
 * Whether a module-level name's value changes at run time: assigned (`client = new Client()`),
 * updated (`count++`), or mutated through a property or a mutating method (`cache[key] = value`,
 * `seen.add(id)`, `Object.assign(state, ...)`). Its load-time value then says nothing about what a
 * handler reads. A write anywhere in the module counts, even to a local variable of the same name:
 * that only costs precision.
 */
export function isMutableModuleName(record: ModuleRecord, name: string): boolean {
  let changed = changedCache.get(record);
  if (!changed) {
    changed = new Set<string>();
    for (const site of writeSitesOf(record.file.sourceFile)) {
      const target = changedTarget(site);
      if (target) changedRoots(target, changed);
    }
    changedCache.set(record, changed);
  }
  return changed.has(name);
}
