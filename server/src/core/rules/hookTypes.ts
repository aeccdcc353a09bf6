import { ts } from '../project/ts';
import type { FunctionRef, Unknown } from '../model/types';
import type { RuleContext } from './types';

const memo = new WeakMap<RuleContext, Map<string, boolean>>();

/**
 * Whether the invocationConfig hook (beforeAddEntity / beforeAddRelationship) may give the graph
 * objects another `_type` than the handler built: then the types the runtime records are not the
 * ones the handler analysis sees. A hook that returns its argument, or a copy of it (`{ ...entity,
 * projectId }`), keeps the type; one that writes `_type`, builds objects with a `_type`, or hands the
 * object to other code may change it.
 */
export function hookMayChangeTypes(context: RuleContext, name: 'beforeAddEntity' | 'beforeAddRelationship'): boolean {
  let cache = memo.get(context);
  if (!cache) memo.set(context, (cache = new Map()));
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const result = mayChange(context, context.model.hooks[name]);
  cache.set(name, result);
  return result;
}

function mayChange(context: RuleContext, hook: FunctionRef | Unknown | undefined): boolean {
  if (!hook) return false;
  if (hook.kind !== 'function') return true;
  const source = context.sourceFile(hook.range.file);
  if (!source) return true;
  const fn = functionAt(source, hook.range.start, hook.range.end);
  if (!fn || !fn.body) return true;
  const param = fn.parameters[fn.parameters.length - 1];
  const objectName = param && ts.isIdentifier(param.name) ? param.name.text : undefined;
  if (!objectName) return true;
  let changes = false;
  const isTypeName = (name: ts.Node | undefined) =>
    !!name && ((ts.isIdentifier(name) && name.text === '_type') || (ts.isStringLiteralLike(name) && name.text === '_type') || ts.isComputedPropertyName(name));
  const visit = (node: ts.Node): void => {
    if (changes) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = node.left;
      if (ts.isPropertyAccessExpression(left) && isTypeName(left.name)) changes = true;
      if (ts.isElementAccessExpression(left) && (isTypeName(left.argumentExpression) || !ts.isStringLiteralLike(left.argumentExpression))) changes = true;
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      if (isTypeName(node.name)) changes = true;
    } else if (ts.isSpreadAssignment(node)) {
      if (!(ts.isIdentifier(node.expression) && node.expression.text === objectName)) changes = true;
    } else if (ts.isCallExpression(node)) {
      // The object handed to other code (Object.assign, a helper) may come back with another type.
      if (node.arguments.some((a) => ts.isIdentifier(a) && a.text === objectName)) changes = true;
    } else if (ts.isReturnStatement(node) && node.expression) {
      if (!returnsObject(node.expression, objectName)) changes = true;
    }
    ts.forEachChild(node, visit);
  };
  const body = fn.body;
  if (ts.isBlock(body)) visit(body);
  else {
    if (!ts.isExpression(body) || !returnsObject(body, objectName)) return true;
    visit(body);
  }
  return changes;
}

/** The argument itself, or an object literal (checked for `_type` separately), possibly in a conditional. */
function returnsObject(expr: ts.Expression, name: string): boolean {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr) || ts.isSatisfiesExpression(expr)) expr = expr.expression;
  if (ts.isIdentifier(expr)) return expr.text === name;
  if (ts.isObjectLiteralExpression(expr)) return expr.properties.some((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && p.expression.text === name);
  if (ts.isConditionalExpression(expr)) return returnsObject(expr.whenTrue, name) && returnsObject(expr.whenFalse, name);
  return false;
}

function functionAt(source: ts.SourceFile, start: number, end: number): ts.SignatureDeclaration & { body?: ts.Node } | undefined {
  let found: (ts.SignatureDeclaration & { body?: ts.Node }) | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(source) > end || node.getEnd() < start) return;
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.getStart(source) <= start && node.getEnd() >= end) {
      found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
