import { ts } from 'ts-morph';
import type { ModuleRecord } from '../evaluator/moduleRecord';

const assignedCache = new WeakMap<ts.Node, string[]>();

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

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
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    patternNames(node.left, out);
  } else if (ts.isParenthesizedExpression(node)) patternNames(node.expression, out);
}

/**
 * Names of variables that `node` assigns (`x = ...`, `x++`, `for (x of ...)`), nested functions
 * included: a callback may change the variables it closes over whenever it runs.
 */
export function assignedNames(node: ts.Node): string[] {
  const cached = assignedCache.get(node);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) patternNames(n.left, names);
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      patternNames(n.operand, names);
    } else if ((ts.isForOfStatement(n) || ts.isForInStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) {
      patternNames(n.initializer, names);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
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

const mutableCache = new WeakMap<ModuleRecord, Set<string>>();

/**
 * Module-level names whose value changes at run time: assigned, or mutated through a property or a
 * mutating method, inside a function of the module (`let client; ... client = new Client()`,
 * `cache[key] = value`). Their load-time value says nothing about what a handler reads.
 */
export function mutableModuleNames(record: ModuleRecord): Set<string> {
  const cached = mutableCache.get(record);
  if (cached) return cached;
  const names = new Set<string>();
  const rootOf = (node: ts.Expression): string | undefined => {
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    }
    return ts.isIdentifier(node) ? node.text : undefined;
  };
  const visit = (n: ts.Node, inFunction: boolean): void => {
    const inside = inFunction || ts.isFunctionLike(n) || ts.isClassLike(n);
    if (inside) {
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) {
        const root = rootOf(n.left);
        if (root) names.add(root);
        else patternNames(n.left, names);
      } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
        const root = rootOf(n.operand);
        if (root) names.add(root);
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MUTATING_METHODS.has(n.expression.name.text)) {
        const root = rootOf(n.expression.expression);
        if (root) names.add(root);
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'assign' && n.arguments[0]) {
        const root = rootOf(n.arguments[0]);
        if (root) names.add(root);
      }
    }
    ts.forEachChild(n, (c) => visit(c, inside));
  };
  visit(record.file.sourceFile, false);
  mutableCache.set(record, names);
  return names;
}

export const MUTATING_METHODS = new Set([
  'push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear',
]);
